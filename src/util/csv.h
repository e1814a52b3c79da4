/* csv: read comma-separated values as RFC 4180 says: fields in double
 * quotes may hold commas, line breaks and "" for a quote; records end in
 * CRLF or LF; an optional UTF-8 byte-order mark at the start is skipped.
 * Each record keeps the line it starts on, for FILE:LINE messages. */
#ifndef KIJUN_CSV_H
#define KIJUN_CSV_H
#include <stdbool.h>
#include <stddef.h>

struct csv_record {
    char **fields;
    size_t n;
    int line;
};

struct csv {
    struct csv_record *v;
    size_t n, cap;
    bool bom;          /* the text started with a byte-order mark */
    /* the first malformed place (a stray quote, an unclosed one) */
    int error_line;    /* 0 when none */
    const char *error; /* untranslated English, for N_() */
};

/* Parse text[0..len). Returns false at the first malformed place (error
 * and error_line say where); the records before it are kept. */
bool csv_parse(const char *text, size_t len, struct csv *out);
void csv_free(struct csv *c);
#endif
