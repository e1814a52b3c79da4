/* edit: a one-line text editor (no drawing): insert and delete by
 * character, cursor by character, columns by display width. The line
 * editor and the prompts (ui/lineedit) and every form field use it. */
#ifndef KIJUN_EDIT_H
#define KIJUN_EDIT_H
#include <stddef.h>

struct edit {
    char *buf;     /* NUL-terminated UTF-8 */
    size_t len;
    size_t cap;
    size_t cur;    /* byte offset of the cursor, on a character boundary */
    size_t max;    /* maximum bytes, 0 = no limit */
};

void edit_init(struct edit *e, const char *text, size_t max);
void edit_set(struct edit *e, const char *text);
void edit_free(struct edit *e);
/* Insert UTF-8 text at the cursor (control characters are dropped). */
void edit_insert(struct edit *e, const char *s);
void edit_backspace(struct edit *e);
void edit_delete(struct edit *e);
void edit_left(struct edit *e);
void edit_right(struct edit *e);
void edit_home(struct edit *e);
void edit_end(struct edit *e);
void edit_kill_end(struct edit *e);     /* Ctrl-K */
void edit_kill_start(struct edit *e);   /* Ctrl-U */
void edit_kill_word(struct edit *e);    /* Ctrl-W */
/* Display column of the cursor. */
int edit_cursor_col(const struct edit *e);
/* First byte to show so that the cursor fits in a field `width` wide,
 * given the previous scroll offset. */
size_t edit_scroll(const struct edit *e, size_t scroll, int width);
#endif
