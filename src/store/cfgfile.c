/* cfgfile: read a libconfig file safely and get typed settings. */
#include "config.h"
#include "util/i18n.h"
#include "store/cfgfile.h"
#include "store/safefs.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int line_of(const char *buf, size_t off)
{
    int line = 1;
    for (size_t i = 0; i < off; i++)
        if (buf[i] == '\n')
            line++;
    return line;
}

const char *file_kind(mode_t m)
{
    if (S_ISDIR(m)) return _("a directory");
    if (S_ISFIFO(m)) return _("a FIFO");
    if (S_ISCHR(m)) return _("a character device");
    if (S_ISBLK(m)) return _("a block device");
    if (S_ISSOCK(m)) return _("a socket");
    return _("not a regular file");
}

/* Read the open file fd (left open) as file_read_checked does. */
static bool read_fd(int fd, const char *name, size_t max_bytes, char **out, size_t *len,
                           struct diag_list *dl)
{
    struct stat st;
    if (fstat(fd, &st) != 0) {
        diag_add(dl, DIAG_ERROR, name, 0, _("cannot stat: %s"), strerror(errno));
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        diag_add(dl, DIAG_ERROR, name, 0, _("%s, not a regular file: refused"),
                 file_kind(st.st_mode));
        return false;
    }
    if ((unsigned long long)st.st_size > max_bytes) {
        diag_add(dl, DIAG_ERROR, name, 0, _("file is %lld bytes, over the limit of %zu: refused"),
                 (long long)st.st_size, max_bytes);
        return false;
    }
    /* room for the file as it is, its NUL, and the byte whose read says
     * it ended: no doubling of a large file's buffer */
    size_t cap = (size_t)st.st_size + 2, n = 0;
    char *buf = xmalloc(cap);
    for (;;) {
        if (n + 1 >= cap) {
            if (cap > max_bytes + 1) {
                diag_add(dl, DIAG_ERROR, name, 0, _("file grew over the limit of %zu bytes: refused"),
                         max_bytes);
                free(buf);
                        return false;
            }
            buf = xrealloc(buf, cap *= 2);
        }
        ssize_t r = read(fd, buf + n, cap - n - 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            diag_add(dl, DIAG_ERROR, name, 0, _("cannot read: %s"), strerror(errno));
            free(buf);
                return false;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    if (n > max_bytes) {
        diag_add(dl, DIAG_ERROR, name, 0, _("file is over the limit of %zu bytes: refused"), max_bytes);
        free(buf);
        return false;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return true;
}

/* The same, and fd closed. */
static bool read_open_file(int fd, const char *name, size_t max_bytes, char **out, size_t *len,
                           struct diag_list *dl)
{
    bool ok = read_fd(fd, name, max_bytes, out, len, dl);
    close(fd);
    return ok;
}

bool file_read_checked(const char *path, const char *name, size_t max_bytes,
                       char **out, size_t *len, struct diag_list *dl)
{
    /* O_NONBLOCK: opening a FIFO must not wait for a writer */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        diag_add(dl, DIAG_ERROR, name, 0, _("cannot open: %s"), strerror(errno));
        return false;
    }
    return read_open_file(fd, name, max_bytes, out, len, dl);
}

/* Open a workspace file for reading (safefs: no link followed), or -1
 * with a diagnostic. */
static int open_nofollow(const char *path, const char *name, struct diag_list *dl)
{
    struct safefs_err e = {0};
    int fd = safefs_open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY, 0, &e);
    if (fd < 0) {
        char buf[160];
        if (e.path && strcmp(e.path, path) != 0) /* a folder on the way was refused */
            safefs_report(dl, &e, name, _("cannot open"));
        else if (e.err == ELOOP && S_ISLNK(e.mode))
            diag_add(dl, DIAG_ERROR, name, 0, "%s", safefs_reason(&e, buf, sizeof buf));
        else
            diag_add(dl, DIAG_ERROR, name, 0, _("cannot open: %s"), safefs_reason(&e, buf, sizeof buf));
        safefs_err_free(&e);
        return -1;
    }
    return fd;
}

bool file_read_nofollow(const char *path, const char *name, size_t max_bytes,
                        char **out, size_t *len, struct diag_list *dl)
{
    int fd = open_nofollow(path, name, dl);
    return fd >= 0 && read_open_file(fd, name, max_bytes, out, len, dl);
}

/* Checks on the raw text that keep libconfig away from what it handles
 * badly: NUL bytes, invalid UTF-8, very long lines (its string handling
 * is quadratic) and @include. */
static bool precheck(const char *buf, size_t n, const char *name, struct diag_list *dl)
{
    const char *nul = memchr(buf, '\0', n);
    if (nul) {
        diag_add(dl, DIAG_ERROR, name, line_of(buf, (size_t)(nul - buf)),
                 _("NUL byte in the file: refused"));
        return false;
    }
    size_t bad;
    if (!utf8_valid(buf, n, &bad)) {
        diag_add(dl, DIAG_ERROR, name, line_of(buf, bad),
                 _("invalid UTF-8 (byte 0x%02X): refused"), (unsigned char)buf[bad]);
        return false;
    }
    size_t start = 0;
    int line = 1;
    while (start <= n) {
        const char *nl = memchr(buf + start, '\n', n - start);
        size_t end = nl ? (size_t)(nl - buf) : n;
        if (end - start > CFG_MAX_LINE) {
            diag_add(dl, DIAG_ERROR, name, line, _("line longer than %d bytes: refused"),
                     CFG_MAX_LINE);
            return false;
        }
        const char *p = buf + start;
        while (p < buf + end && (*p == ' ' || *p == '\t'))
            p++;
        if (strncmp(p, "@include", 8) == 0) {
            diag_add(dl, DIAG_ERROR, name, line, _("@include is not allowed here"));
            return false;
        }
        if (!nl)
            break;
        start = end + 1;
        line++;
    }
    return true;
}

/* A light scan of the syntax for what libconfig 1.5 handles badly:
 * integers beyond 32 bits without an L suffix (it wraps them silently)
 * and groups with very many named settings (each is checked against all
 * the others: 20,000 take seconds). Strings and comments are skipped. */
static bool prescan(const char *buf, const char *name, bool *comments, struct diag_list *dl)
{
    size_t counts[64] = {0};
    if (comments)
        *comments = false;
    int depth = 0, lists = 0, line = 1; /* groups open, lists open */
    /* what the scan passes over: letters, blanks, separators */
    static const unsigned char pass[256] = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    };
    for (const char *p = buf; *p; p++) {
        while (pass[(unsigned char)*p])
            p++;
        char c = *p;
        if (!c)
            break;
        if (c == '\n') {
            line++;
        } else if (c == '"') {
            for (p++; *(p += strcspn(p, "\"\\\n")) && *p != '"'; p++) {
                if (*p == '\\' && p[1])
                    p++;
                else if (*p == '\n')
                    line++;
            }
            if (!*p)
                break;
        } else if (c == '#' || (c == '/' && p[1] == '/')) {
            if (comments)
                *comments = true;
            while (p[1] && p[1] != '\n')
                p++;
        } else if (c == '/' && p[1] == '*') {
            if (comments)
                *comments = true;
            for (p += 2; *p && !(*p == '*' && p[1] == '/'); p++)
                line += *p == '\n';
            if (!*p)
                break;
            p++;
        } else if (c == '(' || c == '[') {
            /* libconfig's parser takes exponential time on deep lists */
            if (depth + ++lists >= 64) {
                diag_add(dl, DIAG_ERROR, name, line, _("lists nested deeper than 63 levels: refused"));
                return false;
            }
        } else if (c == ')' || c == ']') {
            if (lists > 0)
                lists--;
        } else if (c == '{') {
            if (++depth + lists >= 64) {
                diag_add(dl, DIAG_ERROR, name, line, _("groups nested deeper than 63 levels: refused"));
                return false;
            }
            counts[depth] = 0;
        } else if (c == '}') {
            if (depth > 0)
                depth--;
        } else if (c == '=' || c == ':') {
            if (++counts[depth] > CFG_MAX_GROUP_SETTINGS) {
                diag_add(dl, DIAG_ERROR, name, line,
                         _("more than %d settings in one group: refused (use a list of groups)"),
                         CFG_MAX_GROUP_SETTINGS);
                return false;
            }
        } else if (c >= '0' && c <= '9' && (p == buf || !(isalnum((unsigned char)p[-1]) || p[-1] == '_'
                                                          || p[-1] == '.'))) {
            /* an integer (not part of a name or a float) too big for 32 bits */
            const char *q = p;
            bool hex = q[0] == '0' && (q[1] == 'x' || q[1] == 'X');
            if (hex)
                q += 2;
            const char *digits = q;
            while (hex ? isxdigit((unsigned char)*q) : isdigit((unsigned char)*q))
                q++;
            bool fraction = !hex && (*q == '.' || *q == 'e' || *q == 'E');
            size_t n = (size_t)(q - digits);
            if (!fraction && *q != 'L' && n > 0) {
                unsigned long long v = 0;
                bool big = hex ? n > 8 : n > 10;
                for (const char *d = digits; !big && d < q; d++)
                    v = v * (hex ? 16 : 10) + (unsigned)(isdigit((unsigned char)*d) ? *d - '0' : (tolower((unsigned char)*d) - 'a' + 10));
                if (big || v > 2147483647ULL) {
                    diag_add(dl, DIAG_ERROR, name, line,
                             _("the number %.*s is too large (the limit is 2147483647): refused"),
                             (int)(q - p > 40 ? 40 : q - p), p);
                    return false;
                }
            }
            p = q - 1;
        }
    }
    return true;
}

bool cfg_parse_text(const char *buf, size_t n, const char *name, config_t *cfg,
                    struct diag_list *dl)
{
    if (!precheck(buf, n, name, dl) || !prescan(buf, name, NULL, dl))
        return false;
    config_init(cfg);
    /* read as a stream: config_read_string would copy the whole text */
    FILE *f = fmemopen((void *)buf, n, "r");
    if (!f) {
        diag_add(dl, DIAG_ERROR, name, 0, _("cannot read: %s"), strerror(errno));
        config_destroy(cfg);
        return false;
    }
    int read_ok = config_read(cfg, f);
    fclose(f);
    if (!read_ok) {
        diag_add(dl, DIAG_ERROR, name, config_error_line(cfg), "%s",
                 config_error_text(cfg) ? config_error_text(cfg) : _("syntax error"));
        config_destroy(cfg);
        return false;
    }
    return true;
}

bool cfg_read(const char *path, const char *name, size_t max_bytes, config_t *cfg,
              struct diag_list *dl)
{
    char *buf;
    size_t n;
    if (!file_read_checked(path, name, max_bytes, &buf, &n, dl))
        return false;
    bool ok = cfg_parse_text(buf, n, name, cfg, dl);
    free(buf);
    return ok;
}

/* Does the text have a comment outside strings? (# // or slash-star) */
static bool text_has_comments(const char *s)
{
    bool in_str = false;
    for (; *s; s++) {
        if (in_str) {
            if (*s == '\\' && s[1])
                s++;
            else if (*s == '"')
                in_str = false;
        } else if (*s == '"') {
            in_str = true;
        } else if (*s == '#' || (*s == '/' && (s[1] == '/' || s[1] == '*'))) {
            return true;
        }
    }
    return false;
}

/* Whether a and b are the same file with the same content, as far as
 * the kernel tells: an in-place write moves the change time, which no
 * program can set back. */
static bool same_version(const struct stat *a, const struct stat *b)
{
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size
           && a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec
           && a->st_ctim.tv_sec == b->st_ctim.tv_sec && a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

bool cfg_read_nofollow(const char *path, const char *name, size_t max_bytes, config_t *cfg,
                       bool *has_comments, struct diag_list *dl)
{
    int fd = open_nofollow(path, name, dl);
    if (fd < 0)
        return false;
    char *buf;
    size_t n;
    if (!read_fd(fd, name, max_bytes, &buf, &n, dl)) {
        close(fd);
        return false;
    }
    /* the scan of the syntax notices comments on the way; a file it
     * stops in is looked at whole */
    bool comments = false;
    if (!precheck(buf, n, name, dl) || !prescan(buf, name, &comments, dl)) {
        if (has_comments)
            *has_comments = text_has_comments(buf);
        free(buf);
        close(fd);
        return false;
    }
    /* the text goes before the tree is made: libconfig reads the file
     * again, as a stream, and what it reads must be what was checked */
    if (has_comments)
        *has_comments = comments;
    struct stat checked, parsed;
    bool known = fstat(fd, &checked) == 0;
    free(buf);
    FILE *f = known && lseek(fd, 0, SEEK_SET) == 0 ? fdopen(fd, "r") : NULL;
    if (!f) {
        diag_add(dl, DIAG_ERROR, name, 0, _("cannot read: %s"), strerror(errno));
        close(fd);
        return false;
    }
    config_init(cfg);
    bool ok = config_read(cfg, f) == CONFIG_TRUE;
    bool same = fstat(fileno(f), &parsed) == 0 && same_version(&checked, &parsed);
    fclose(f);
    if (!ok) {
        diag_add(dl, DIAG_ERROR, name, config_error_line(cfg), "%s",
                 config_error_text(cfg) ? config_error_text(cfg) : _("syntax error"));
        config_destroy(cfg);
        return false;
    }
    if (!same) {
        diag_add(dl, DIAG_ERROR, name, 0, _("the file changed while kijun read it: not read (open it again)"));
        config_destroy(cfg);
        return false;
    }
    return true;
}

int cfg_line(const config_setting_t *s)
{
    return s ? (int)config_setting_source_line(s) : 0;
}

static const config_setting_t *member(struct cfgctx *c, const config_setting_t *group,
                                      const char *name, bool required)
{
    const config_setting_t *s = config_setting_get_member(group, name);
    if (!s && required)
        diag_add(c->dl, DIAG_ERROR, c->file, cfg_line(group), _("missing setting '%s'"), name);
    return s;
}

static bool wrong_type(struct cfgctx *c, const config_setting_t *s, const char *name,
                       const char *want)
{
    diag_add(c->dl, DIAG_ERROR, c->file, cfg_line(s), _("'%s' must be %s"), name, want);
    return false;
}

/* cg_clean_text, and the length of value when it is clean (every
 * string of a document goes here: no second strlen to copy it). */
static bool clean_text_len(struct cfgctx *c, const config_setting_t *s, const char *what,
                           const char *value, bool allow_nl, size_t *len)
{
    size_t n = strlen(value), i = 0;
    while (i < n) {
        /* eight bytes at a time while all are printable ASCII, 0x20-0x7E
         * (none below 0x20, none above 0x7E: the bit tricks of "hasless"
         * and "hasmore") */
        uint64_t w;
        const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
        while (i + 8 <= n && (memcpy(&w, value + i, 8),
                              (((w - ones * 0x20) & ~w) | ((w + ones * (127 - 0x7E)) | w)) & highs) == 0)
            i += 8;
        if (i >= n)
            break;
        unsigned char b = (unsigned char)value[i];
        if ((unsigned)(b - 0x20) < 0x5F) { /* printable ASCII: no decoding */
            i++;
            continue;
        }
        uint32_t cp;
        bool ok;
        size_t k = utf8_decode(value + i, n - i, &cp, &ok);
        /* C0, DEL and C1 (0x9B is CSI on 8-bit terminals) */
        if ((cp < 0x20 && !(allow_nl && cp == '\n')) || (cp >= 0x7F && cp < 0xA0)) {
            diag_add(c->dl, DIAG_ERROR, c->file, cfg_line(s),
                     _("'%s' contains a control character (0x%02X)"), what, (unsigned)cp);
            return false;
        }
        i += k;
    }
    *len = i;
    return true;
}

bool cg_clean_text(struct cfgctx *c, const config_setting_t *s, const char *what,
                   const char *value, bool allow_nl)
{
    size_t n;
    return clean_text_len(c, s, what, value, allow_nl, &n);
}

/* A copy of the n bytes of v and a NUL. */
static char *dup_len(const char *v, size_t n)
{
    char *d = xmalloc(n + 1);
    memcpy(d, v, n + 1);
    return d;
}

bool cgv_string(struct cfgctx *c, const config_setting_t *s, const char *name, char **out)
{
    if (config_setting_type(s) != CONFIG_TYPE_STRING)
        return wrong_type(c, s, name, _("a string"));
    const char *v = config_setting_get_string(s);
    size_t n;
    if (!clean_text_len(c, s, name, v, false, &n))
        return false;
    free(*out);
    *out = dup_len(v, n);
    return true;
}

bool cg_string(struct cfgctx *c, const config_setting_t *group, const char *name,
               bool required, char **out)
{
    const config_setting_t *s = member(c, group, name, required);
    return s ? cgv_string(c, s, name, out) : !required;
}

bool cgv_int(struct cfgctx *c, const config_setting_t *s, const char *name, long long lo,
             long long hi, long long *out)
{
    int t = config_setting_type(s);
    if (t != CONFIG_TYPE_INT && t != CONFIG_TYPE_INT64)
        return wrong_type(c, s, name, _("an integer"));
    long long v = config_setting_get_int64(s);
    if (v < lo || v > hi) {
        diag_add(c->dl, DIAG_ERROR, c->file, cfg_line(s), _("'%s' is %lld, outside %lld..%lld"),
                 name, v, lo, hi);
        return false;
    }
    *out = v;
    return true;
}

bool cg_int(struct cfgctx *c, const config_setting_t *group, const char *name,
            bool required, long long lo, long long hi, long long *out)
{
    const config_setting_t *s = member(c, group, name, required);
    return s ? cgv_int(c, s, name, lo, hi, out) : !required;
}

bool cgv_bool(struct cfgctx *c, const config_setting_t *s, const char *name, bool *out)
{
    if (config_setting_type(s) != CONFIG_TYPE_BOOL)
        return wrong_type(c, s, name, _("true or false"));
    *out = config_setting_get_bool(s) != 0;
    return true;
}

bool cg_bool(struct cfgctx *c, const config_setting_t *group, const char *name,
             bool required, bool *out)
{
    const config_setting_t *s = member(c, group, name, required);
    return s ? cgv_bool(c, s, name, out) : !required;
}

bool cg_text_setting(struct cfgctx *c, const config_setting_t *s, struct text *out)
{
    const char *name = config_setting_name(s) ? config_setting_name(s) : "text";
    if (!config_setting_is_group(s))
        return wrong_type(c, s, name, _("a group { ja = \"...\"; en = \"...\"; }"));
    struct text t = {NULL, NULL};
    bool ok = true;
    for (int i = 0; i < config_setting_length(s); i++) {
        const config_setting_t *m = config_setting_get_elem(s, (unsigned)i);
        const char *k = config_setting_name(m);
        if (strcmp(k, "ja") != 0 && strcmp(k, "en") != 0)
            diag_add(c->dl, DIAG_WARNING, c->file, cfg_line(m),
                     _("unknown language '%s' in '%s' (ja and en are read)"), k, name);
    }
    const char *langs[2] = {"ja", "en"};
    char **dst[2] = {&t.ja, &t.en};
    for (int l = 0; l < 2; l++) {
        const config_setting_t *m = config_setting_get_member(s, langs[l]);
        if (!m) {
            diag_add(c->dl, DIAG_ERROR, c->file, cfg_line(s), _("'%s' has no '%s' text"),
                     name, langs[l]);
            ok = false;
        } else if (config_setting_type(m) != CONFIG_TYPE_STRING) {
            ok = wrong_type(c, m, langs[l], _("a string"));
        } else if (!*config_setting_get_string(m)) {
            diag_add(c->dl, DIAG_ERROR, c->file, cfg_line(m), _("'%s' has an empty '%s' text"),
                     name, langs[l]);
            ok = false;
        } else if (!cg_clean_text(c, m, name, config_setting_get_string(m), true)) {
            ok = false;
        } else {
            *dst[l] = xstrdup(config_setting_get_string(m));
        }
    }
    if (!ok) {
        text_free(&t);
        return false;
    }
    text_free(out);
    *out = t;
    return true;
}

bool cg_text(struct cfgctx *c, const config_setting_t *group, const char *name,
             bool required, struct text *out)
{
    const config_setting_t *s = member(c, group, name, required);
    if (!s)
        return !required;
    return cg_text_setting(c, s, out);
}

bool cg_strings(struct cfgctx *c, const config_setting_t *group, const char *name,
                char ***out, size_t *n)
{
    const config_setting_t *s = member(c, group, name, false);
    *out = NULL;
    *n = 0;
    return !s || cgv_strings(c, s, name, out, n);
}

bool cgv_strings(struct cfgctx *c, const config_setting_t *s, const char *name, char ***out,
                 size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!config_setting_is_aggregate(s) || config_setting_is_group(s))
        return wrong_type(c, s, name, _("a list of strings [\"...\", ...]"));
    int len = config_setting_length(s);
    char **v = xcalloc((size_t)len + 1, sizeof *v);
    for (int i = 0; i < len; i++) {
        const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
        size_t elen = 0;
        if (config_setting_type(e) != CONFIG_TYPE_STRING
            || !clean_text_len(c, e, name, config_setting_get_string(e), false, &elen)) {
            if (config_setting_type(e) != CONFIG_TYPE_STRING)
                wrong_type(c, e, name, _("a list of strings"));
            for (int k = 0; k < i; k++)
                free(v[k]);
            free(v);
            return false;
        }
        v[i] = dup_len(config_setting_get_string(e), elen);
    }
    *out = v;
    *n = (size_t)len;
    return true;
}

void cg_unknown(struct cfgctx *c, const config_setting_t *group, const char *const *known)
{
    for (int i = 0; i < config_setting_length(group); i++) {
        const config_setting_t *m = config_setting_get_elem(group, (unsigned)i);
        const char *k = config_setting_name(m);
        bool found = false;
        for (const char *const *p = known; *p && !found; p++)
            found = strcmp(*p, k) == 0;
        if (!found)
            diag_add(c->dl, DIAG_WARNING, c->file, cfg_line(m), _("unknown setting '%s' (ignored)"), k);
    }
}
