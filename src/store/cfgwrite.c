/* cfgwrite: libconfig text that kijun's reader reads back the same. */
#include "config.h"
#include "store/cfgwrite.h"
#include "util/utf8.h"
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* One character of s at p (n bytes left) as it goes between quotes:
 * quotes and backslashes escaped, controls and bytes that are no UTF-8
 * as \xNN (libconfig turns them back into the same bytes). */
static size_t put_char(struct strbuf *sb, const unsigned char *p, size_t n)
{
    uint32_t cp;
    bool ok;
    size_t k = utf8_decode((const char *)p, n, &cp, &ok);
    if (!ok) {
        sb_printf(sb, "\\x%02X", *p);
        return 1;
    }
    if (*p == '"' || *p == '\\') {
        sb_addc(sb, '\\');
        sb_addc(sb, (char)*p);
    } else if (*p == '\n') {
        sb_adds(sb, "\\n");
    } else if (*p < 0x20 || *p == 0x7F) {
        sb_printf(sb, "\\x%02X", *p);
    } else {
        sb_add(sb, (const char *)p, k);
    }
    return k;
}

/* How many bytes from p (n left, at most max) need no escape: printable
 * ASCII but the quote and the backslash. */
static size_t plain_run(const unsigned char *p, size_t n, size_t max)
{
    /* one look-up a byte: every text of a document goes through here
     * when its written size is measured */
    static const unsigned char plain[256] = { /* 0x20-0x7E but '"' and '\\' */
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
    };
    size_t k = 0, lim = n < max ? n : max;
    while (k < lim && plain[p[k]])
        k++;
    return k;
}

void cfgw_string(struct strbuf *sb, const char *s, const char *cont)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);
    sb_addc(sb, '"');
    size_t piece = sb->len;
    while (n > 0) {
        if (sb->len - piece >= CFGW_PIECE_MAX) {
            sb_printf(sb, "\"\n%s\"", cont);
            piece = sb->len;
        }
        size_t k = plain_run(p, n, CFGW_PIECE_MAX - (sb->len - piece));
        if (k > 0)
            sb_add(sb, (const char *)p, k);
        else
            k = put_char(sb, p, n);
        p += k;
        n -= k;
    }
    sb_addc(sb, '"');
}

void cfgw_int(struct strbuf *sb, long long v)
{
    sb_printf(sb, "%lld%s", v, v < INT32_MIN || v > INT32_MAX ? "L" : "");
}

/* A float as libconfig reads it back as a float: with a '.' or an
 * exponent; infinity (1e999 in a file) as an exponent that overflows. */
static void put_float(struct strbuf *sb, double d)
{
    if (isinf(d)) {
        sb_adds(sb, d < 0 ? "-1e999" : "1e999");
        return;
    }
    char buf[64];
    snprintf(buf, sizeof buf, "%.17g", isnan(d) ? 0.0 : d);
    sb_adds(sb, buf);
    if (!strpbrk(buf, ".eE"))
        sb_adds(sb, ".0");
}

static void put_value(struct strbuf *sb, const config_setting_t *s, const char *indent);

/* An array, list or group: on one line when short, else one element
 * (member) per line indented two more than indent. */
static void put_aggregate(struct strbuf *sb, const config_setting_t *s, const char *indent)
{
    bool group = config_setting_is_group(s);
    const char *open = group ? "{" : config_setting_is_list(s) ? "(" : "[";
    const char *close = group ? "}" : config_setting_is_list(s) ? ")" : "]";
    int n = config_setting_length(s);
    struct strbuf inner = STRBUF_INIT;
    sb_printf(&inner, "%s  ", indent);
    size_t start = sb->len;
    for (int pass = 0; pass < 2; pass++) {
        bool lines = pass == 1;
        sb_adds(sb, open);
        for (int i = 0; i < n; i++) {
            const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
            if (lines)
                sb_printf(sb, "\n%s", sb_str(&inner));
            else
                sb_adds(sb, group || i == 0 ? " " : ", ");
            cfgw_setting(sb, e, lines ? sb_str(&inner) : indent);
            if (lines && !group && i + 1 < n)
                sb_addc(sb, ',');
        }
        if (lines)
            sb_printf(sb, "\n%s%s", indent, close);
        else
            sb_printf(sb, "%s%s", n ? " " : "", close);
        if (lines || (sb->len - start <= CFGW_LINE_MAX && !memchr(sb->s + start, '\n', sb->len - start)))
            break;
        sb->len = start;   /* too long for one line: again, one per line */
        sb->s[start] = '\0';
    }
    sb_free(&inner);
}

static void put_value(struct strbuf *sb, const config_setting_t *s, const char *indent)
{
    switch (config_setting_type(s)) {
    case CONFIG_TYPE_INT:
        if (config_setting_get_format(s) == CONFIG_FORMAT_HEX)
            sb_printf(sb, "0x%X", (unsigned)config_setting_get_int(s));
        else
            cfgw_int(sb, config_setting_get_int(s));
        break;
    case CONFIG_TYPE_INT64:
        if (config_setting_get_format(s) == CONFIG_FORMAT_HEX)
            sb_printf(sb, "0x%llXL", (unsigned long long)config_setting_get_int64(s));
        else
            sb_printf(sb, "%lldL", config_setting_get_int64(s));
        break;
    case CONFIG_TYPE_FLOAT: put_float(sb, config_setting_get_float(s)); break;
    case CONFIG_TYPE_BOOL: sb_adds(sb, config_setting_get_bool(s) ? "true" : "false"); break;
    case CONFIG_TYPE_STRING: {
        struct strbuf cont = STRBUF_INIT;
        sb_printf(&cont, "%s  ", indent);
        cfgw_string(sb, config_setting_get_string(s), sb_str(&cont));
        sb_free(&cont);
        break;
    }
    default: put_aggregate(sb, s, indent); break;
    }
}

void cfgw_setting(struct strbuf *sb, const config_setting_t *s, const char *indent)
{
    const char *name = config_setting_name(s);
    if (name)
        sb_printf(sb, "%s = ", name);
    put_value(sb, s, indent);
    if (name)
        sb_addc(sb, ';');
}
