/* json: JSON text for the exports: strings escaped, and a writer of one
 * member per line, two spaces per level, in the order given (the same
 * input, the same bytes). */
#ifndef KIJUN_JSON_H
#define KIJUN_JSON_H
#include "util/strbuf.h"
#include <stdbool.h>

/* A JSON string: quotes, backslashes and every control character escaped,
 * and U+2028/U+2029 (line breaks to JavaScript); other text as it is.
 * Bytes that are no UTF-8 become U+FFFD. */
void json_str(struct strbuf *out, const char *s);

struct jw {
    struct strbuf *out;
    int depth;
    bool first;   /* no member yet at this depth */
};

/* Before a member: the comma, the line, and its key (NULL in an array). */
void jw_key(struct jw *w, const char *key);
void jw_indent(struct jw *w);
/* An object ('{') or an array ('['), then its end. */
void jw_open(struct jw *w, const char *key, char bracket);
void jw_close(struct jw *w, char bracket);
void jw_str(struct jw *w, const char *key, const char *s);
void jw_int(struct jw *w, const char *key, long long i);
void jw_bool(struct jw *w, const char *key, bool b);
#endif
