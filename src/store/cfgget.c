/* cfgget: typed settings from a parsed libconfig file (store/cfgfile.h):
 * each getter checks the type, the range, the text (valid UTF-8, no
 * control character) and says what is wrong with FILE:LINE. */
#include "config.h"
#include "util/i18n.h"
#include "store/cfgfile.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
