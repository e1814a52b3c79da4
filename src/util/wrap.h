/* wrap: break text into lines that fit a column width, by display width.
 * Latin text breaks at spaces, Japanese between characters, and a line
 * does not start with closing punctuation (、。」） …). */
#ifndef KIJUN_WRAP_H
#define KIJUN_WRAP_H
#include <stddef.h>

struct wrap_line {
    size_t off;   /* byte offset into the text */
    size_t len;   /* bytes, without the break */
};

/* Wrap s into lines of at most width columns (width >= 2). Returns the
 * number of lines and a new array in *lines (free it). Explicit '\n'
 * starts a new line; an empty text gives no lines. */
size_t wrap_text(const char *s, int width, struct wrap_line **lines);
#endif
