/* edit: a one-line text editor (no drawing). */
#include "config.h"
#include "util/edit.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

void edit_init(struct edit *e, const char *text, size_t max)
{
    memset(e, 0, sizeof *e);
    e->max = max;
    edit_set(e, text);
}

void edit_set(struct edit *e, const char *text)
{
    e->len = 0;
    e->cur = 0;
    e->buf = xgrow(e->buf, &e->cap, 1, 1);
    e->buf[0] = '\0';
    edit_insert(e, text ? text : "");
}

void edit_free(struct edit *e)
{
    free(e->buf);
    memset(e, 0, sizeof *e);
}

void edit_insert(struct edit *e, const char *s)
{
    size_t n = strlen(s), i = 0;
    while (i < n) {
        uint32_t cp;
        bool ok;
        size_t k = utf8_decode(s + i, n - i, &cp, &ok);
        if (ok && cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0)
            && (!e->max || e->len + k <= e->max)) {
            e->buf = xgrow(e->buf, &e->cap, e->len + k + 1, 1);
            memmove(e->buf + e->cur + k, e->buf + e->cur, e->len - e->cur + 1);
            memcpy(e->buf + e->cur, s + i, k);
            e->len += k;
            e->cur += k;
        }
        i += k;
    }
}

static void cut(struct edit *e, size_t from, size_t to)
{
    memmove(e->buf + from, e->buf + to, e->len - to + 1);
    e->len -= to - from;
    e->cur = from;
}

void edit_backspace(struct edit *e)
{
    if (e->cur > 0)
        cut(e, utf8_prev(e->buf, e->cur), e->cur);
}

void edit_delete(struct edit *e)
{
    if (e->cur < e->len) {
        size_t c = e->cur;
        cut(e, c, utf8_next(e->buf, e->len, c));
    }
}

void edit_left(struct edit *e) { e->cur = utf8_prev(e->buf, e->cur); }
void edit_right(struct edit *e) { e->cur = utf8_next(e->buf, e->len, e->cur); }
void edit_home(struct edit *e) { e->cur = 0; }
void edit_end(struct edit *e) { e->cur = e->len; }

void edit_kill_end(struct edit *e)
{
    e->len = e->cur;
    e->buf[e->len] = '\0';
}

void edit_kill_start(struct edit *e)
{
    cut(e, 0, e->cur);
}

void edit_kill_word(struct edit *e)
{
    size_t to = e->cur, from = to;
    while (from > 0 && e->buf[from - 1] == ' ')
        from--;
    while (from > 0 && e->buf[from - 1] != ' ')
        from = utf8_prev(e->buf, from);
    cut(e, from, to);
}

int edit_cursor_col(const struct edit *e)
{
    return utf8_nwidth(e->buf, e->cur);
}

size_t edit_scroll(const struct edit *e, size_t scroll, int width)
{
    if (width < 2)
        width = 2;
    if (scroll > e->cur)
        scroll = e->cur;
    /* keep one column for the cursor itself */
    while (utf8_nwidth(e->buf + scroll, e->cur - scroll) > width - 1)
        scroll = utf8_next(e->buf, e->len, scroll);
    return scroll;
}
