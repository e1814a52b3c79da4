/* strbuf: a growable NUL-terminated byte string. */
#ifndef KIJUN_STRBUF_H
#define KIJUN_STRBUF_H
#include <stddef.h>

struct strbuf {
    char *s;      /* always NUL-terminated once anything was added */
    size_t len;
    size_t cap;
};

#define STRBUF_INIT { NULL, 0, 0 }

void sb_add(struct strbuf *sb, const char *s, size_t n);
void sb_adds(struct strbuf *sb, const char *s);
void sb_addc(struct strbuf *sb, char c);
void sb_printf(struct strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void sb_reset(struct strbuf *sb);
/* The string (never NULL); the buffer keeps ownership. */
const char *sb_str(const struct strbuf *sb);
/* Hand the string to the caller and empty the buffer. */
char *sb_take(struct strbuf *sb);
void sb_free(struct strbuf *sb);
#endif
