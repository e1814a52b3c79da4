/* rows: a cursor over a list of rows: moving it by the row actions,
 * keeping it in view, drawing the visible rows with a marker. */
#ifndef KIJUN_ROWS_H
#define KIJUN_ROWS_H
#include "ui/actions.h"
#include <stdbool.h>
#include <stddef.h>

/* Apply a movement action (up, down, page, first, last) to *cur over n
 * rows; returns false when a is not a movement. */
bool rows_move(size_t *cur, size_t n, enum action a, int page);
/* Scroll *top so that cur is inside a window of height rows. */
void rows_scroll(size_t cur, size_t *top, int height);
/* The text of row i (new string); *warn marks a row needing attention. */
typedef char *(*row_text_fn)(void *ctx, size_t i, bool *warn);
/* Draw rows [*top, *top + height) at y, the cursor's row selected; a
 * mouse click on a row moves *cur there. */
void rows_draw(int y, int height, int cols, size_t n, size_t *cur, size_t *top, row_text_fn text,
               void *ctx);
#endif
