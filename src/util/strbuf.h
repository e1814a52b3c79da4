/* strbuf: a growable NUL-terminated byte string. */
#ifndef KIJUN_STRBUF_H
#define KIJUN_STRBUF_H
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

struct strbuf {
    char *s;      /* always NUL-terminated once anything was added */
    size_t len;
    size_t cap;
    bool measure; /* only the length counts: sb_checkpoint lets the text go */
    size_t dropped; /* bytes let go by sb_checkpoint */
};

#define STRBUF_INIT { NULL, 0, 0, false, 0 }

/* The growing path of sb_add (room for n more bytes, then them). */
void sb_add_grow(struct strbuf *sb, const char *s, size_t n);

/* Inline when there is room: a formatter adds a few bytes at a time,
 * millions of times for a large document. */
static inline void sb_add(struct strbuf *sb, const char *s, size_t n)
{
    if (sb->s && n < sb->cap - sb->len) {
        memcpy(sb->s + sb->len, s, n);
        sb->len += n;
        sb->s[sb->len] = '\0';
    } else {
        sb_add_grow(sb, s, n);
    }
}

static inline void sb_adds(struct strbuf *sb, const char *s)
{
    sb_add(sb, s, strlen(s));
}

static inline void sb_addc(struct strbuf *sb, char c)
{
    sb_add(sb, &c, 1);
}
void sb_printf(struct strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void sb_reset(struct strbuf *sb);
/* A point where nothing before is looked at again: a measuring buffer
 * (measure set) counts its text in dropped and lets it go, so that the
 * length of a large text is known without holding it. */
void sb_checkpoint(struct strbuf *sb);
/* The string (never NULL); the buffer keeps ownership. */
const char *sb_str(const struct strbuf *sb);
/* Hand the string to the caller and empty the buffer. */
char *sb_take(struct strbuf *sb);
void sb_free(struct strbuf *sb);
#endif
