/* strbuf: a growable NUL-terminated byte string. */
#include "config.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sb_add_grow(struct strbuf *sb, const char *s, size_t n)
{
    sb->s = xgrow(sb->s, &sb->cap, sb->len + n + 1, 1);
    memcpy(sb->s + sb->len, s, n);
    sb->len += n;
    sb->s[sb->len] = '\0';
}

void sb_checkpoint(struct strbuf *sb)
{
    if (!sb->measure || !sb->len)
        return;
    sb->dropped += sb->len;
    sb->len = 0;
    sb->s[0] = '\0';
}


void sb_printf(struct strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    /* first into the room there is: most pieces fit, and one pass does */
    size_t room = sb->s ? sb->cap - sb->len : 0;
    va_start(ap, fmt);
    int n = vsnprintf(room ? sb->s + sb->len : NULL, room, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < room) {
        sb->len += (size_t)n;
        return;
    }
    sb->s = xgrow(sb->s, &sb->cap, sb->len + (size_t)n + 1, 1);
    va_start(ap, fmt);
    vsnprintf(sb->s + sb->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb->len += (size_t)n;
}

void sb_reset(struct strbuf *sb)
{
    sb->len = 0;
    if (sb->s)
        sb->s[0] = '\0';
}

const char *sb_str(const struct strbuf *sb)
{
    return sb->s ? sb->s : "";
}

char *sb_take(struct strbuf *sb)
{
    char *s = sb->s ? sb->s : xstrdup("");
    sb->s = NULL;
    sb->len = sb->cap = 0;
    return s;
}

void sb_free(struct strbuf *sb)
{
    free(sb->s);
    sb->s = NULL;
    sb->len = sb->cap = 0;
}
