/* cfgfile: read a libconfig file safely: the checks of its text before
 * libconfig sees it, a stream of it, the file unchanged while read. The
 * typed getters are cfgget.c's. */
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
