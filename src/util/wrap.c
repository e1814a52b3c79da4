/* wrap: break text into lines that fit a column width. */
#include "config.h"
#include "util/wrap.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include <stdbool.h>
#include <string.h>

/* Characters that must not begin a line (a light form of kinsoku). */
static bool no_line_start(uint32_t cp)
{
    static const uint32_t set[] = {
        0x3001, 0x3002, 0xFF0C, 0xFF0E, 0x300D, 0x300F, 0xFF09, 0x3011,
        0xFF1F, 0xFF01, 0x30FC, 0x3063, 0x30C3, 0x309D, 0x30FD, 0xFF1A,
        0xFF1B, 0x30FB, ',', '.', ')', ']', ':', ';', '!', '?',
    };
    for (size_t i = 0; i < sizeof set / sizeof *set; i++)
        if (set[i] == cp)
            return true;
    return false;
}

static void push(struct wrap_line **v, size_t *n, size_t *cap, size_t off, size_t len)
{
    *v = xgrow(*v, cap, *n + 1, sizeof **v);
    (*v)[*n].off = off;
    (*v)[*n].len = len;
    (*n)++;
}

/* Wrap one paragraph s[start..end) (no newlines inside). */
static void wrap_para(const char *s, size_t start, size_t end, int width,
                      struct wrap_line **v, size_t *n, size_t *cap)
{
    size_t pos = start;
    if (start == end) {
        push(v, n, cap, start, 0);
        return;
    }
    while (pos < end) {
        int used;
        size_t fit = pos + utf8_fit(s + pos, end - pos, width, &used);
        if (fit >= end) {
            push(v, n, cap, pos, end - pos);
            return;
        }
        if (fit == pos) /* a character wider than the line: take it anyway */
            fit = utf8_next(s, end, pos);
        size_t brk = fit;
        /* prefer the last space when the text near the break is Latin */
        if (s[fit] == ' ' || ((unsigned char)s[fit] < 0x80 && (unsigned char)s[fit - 1] < 0x80)) {
            size_t sp = fit;
            while (sp > pos && s[sp] != ' ')
                sp--;
            if (sp > pos && s[sp] == ' ')
                brk = sp;
        } else {
            uint32_t cp;
            bool ok;
            utf8_decode(s + fit, end - fit, &cp, &ok);
            size_t prev = utf8_prev(s, fit);
            if (no_line_start(cp) && prev > pos)
                brk = prev;
        }
        size_t len = brk - pos;
        while (len > 0 && s[pos + len - 1] == ' ')
            len--;
        push(v, n, cap, pos, len);
        pos = brk;
        while (pos < end && s[pos] == ' ')
            pos++;
    }
}

size_t wrap_text(const char *s, int width, struct wrap_line **lines)
{
    struct wrap_line *v = NULL;
    size_t n = 0, cap = 0, len = strlen(s), start = 0;
    if (width < 2)
        width = 2;
    if (len == 0) {
        *lines = NULL;
        return 0;
    }
    while (start <= len) {
        const char *nl = memchr(s + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - s) : len;
        wrap_para(s, start, end, width, &v, &n, &cap);
        if (!nl)
            break;
        start = end + 1;
    }
    *lines = v;
    return n;
}
