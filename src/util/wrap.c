/* wrap: break text into lines that fit a column width. */
#include "config.h"
#include "util/wrap.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include <stdbool.h>
#include <string.h>

/* Characters that must not begin a line (a light form of kinsoku):
 * closing brackets and punctuation, small kana, the long vowel mark. */
static bool no_line_start(uint32_t cp)
{
    static const uint32_t set[] = {
        0x3001, 0x3002, 0xFF0C, 0xFF0E, 0x300D, 0x300F, 0xFF09, 0x3011, 0x3009, 0x300B,
        0xFF1F, 0xFF01, 0x30FC, 0x309D, 0x30FD, 0xFF1A, 0xFF1B, 0x30FB,
        0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087, 0x308E,
        0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30EE,
        ',', '.', ')', ']', ':', ';', '!', '?',
    };
    for (size_t i = 0; i < sizeof set / sizeof *set; i++)
        if (set[i] == cp)
            return true;
    return false;
}

/* Opening brackets, which must not end a line. */
static bool no_line_end(uint32_t cp)
{
    static const uint32_t set[] = {0x300C, 0x300E, 0xFF08, 0x3010, 0x3008, 0x300A, '(', '['};
    for (size_t i = 0; i < sizeof set / sizeof *set; i++)
        if (set[i] == cp)
            return true;
    return false;
}

/* A byte of a Latin word or number: ASCII, not a space. */
static bool word_byte(char c)
{
    return (unsigned char)c < 0x80 && c != ' ';
}

static uint32_t char_at(const char *s, size_t at, size_t end)
{
    uint32_t cp;
    bool ok;
    utf8_decode(s + at, end - at, &cp, &ok);
    return cp;
}

/* Where to break s[pos..end) whose first fit bytes fit: never inside a
 * Latin word or number (also one within Japanese text, "評価回2026を"),
 * before closing punctuation or after an opening bracket, unless the
 * line would hold nothing else. */
static size_t break_at(const char *s, size_t pos, size_t fit, size_t end)
{
    size_t brk = fit;
    if (fit >= end)
        return fit;
    if (word_byte(s[fit]) && word_byte(s[fit - 1])) {
        size_t w = fit;
        while (w > pos && word_byte(s[w - 1]))
            w--;
        if (w > pos)
            brk = w; /* the word's start: after a space or a Japanese character */
    } else if (s[fit] != ' ') {
        size_t prev = utf8_prev(s, fit);
        if (no_line_start(char_at(s, fit, end)) && prev > pos)
            brk = prev;
    }
    size_t before = brk > pos ? utf8_prev(s, brk) : pos;
    if (brk > pos && before > pos && no_line_end(char_at(s, before, end)))
        brk = before;
    /* a step back for the punctuation may land inside a word ("agree、"):
     * then the word goes to the next line whole */
    if (brk < fit && brk > pos && word_byte(s[brk]) && word_byte(s[brk - 1])) {
        size_t w = brk;
        while (w > pos && word_byte(s[w - 1]))
            w--;
        if (w > pos)
            brk = w;
    }
    return brk;
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
        size_t brk = break_at(s, pos, fit, end);
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
