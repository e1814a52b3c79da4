/* json: JSON text made by hand: strings escaped, a writer of one member
 * per line. */
#include "config.h"
#include "util/json.h"
#include "util/utf8.h"
#include <stdio.h>
#include <string.h>

/* A JSON string: quotes, backslashes and every control character escaped,
 * and U+2028/U+2029 (line breaks to JavaScript); other text as it is.
 * Bytes that are no UTF-8 become U+FFFD. */
void json_str(struct strbuf *out, const char *s)
{
    sb_addc(out, '"');
    size_t n = strlen(s), i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (c == '"' || c == '\\')
                sb_addc(out, '\\'), sb_addc(out, (char)c);
            else if (c == '\n')
                sb_adds(out, "\\n");
            else if (c == '\t')
                sb_adds(out, "\\t");
            else if (c < 0x20 || c == 0x7f)
                sb_printf(out, "\\u%04x", c);
            else
                sb_addc(out, (char)c);
            i++;
            continue;
        }
        uint32_t cp;
        bool ok;
        size_t len = utf8_decode(s + i, n - i, &cp, &ok);
        if (!ok)
            sb_adds(out, "\\ufffd");
        else if (cp == 0x2028 || cp == 0x2029)
            sb_printf(out, "\\u%04x", (unsigned)cp);
        else
            sb_add(out, s + i, len);
        i += len ? len : 1;
    }
    sb_addc(out, '"');
}

void jw_indent(struct jw *w)
{
    sb_addc(w->out, '\n');
    for (int i = 0; i < w->depth; i++)
        sb_adds(w->out, "  ");
}

/* Before a member: the comma, the line, and its key (NULL in an array). */
void jw_key(struct jw *w, const char *key)
{
    if (!w->first)
        sb_addc(w->out, ',');
    w->first = false;
    jw_indent(w);
    if (key) {
        json_str(w->out, key);
        sb_adds(w->out, ": ");
    }
}

void jw_open(struct jw *w, const char *key, char bracket)
{
    jw_key(w, key);
    sb_addc(w->out, bracket);
    w->depth++;
    w->first = true;
}

void jw_close(struct jw *w, char bracket)
{
    w->depth--;
    if (!w->first)
        jw_indent(w);
    sb_addc(w->out, bracket);
    w->first = false;
}

void jw_str(struct jw *w, const char *key, const char *s)
{
    jw_key(w, key);
    json_str(w->out, s ? s : "");
}

void jw_int(struct jw *w, const char *key, long long i)
{
    jw_key(w, key);
    sb_printf(w->out, "%lld", i);
}

void jw_bool(struct jw *w, const char *key, bool b)
{
    jw_key(w, key);
    sb_adds(w->out, b ? "true" : "false");
}

