/* mouse: what is where on the screen, recorded while it is drawn, so that
 * a click can select the row under the pointer or act as the key-bar key
 * under it. The main loop clears the record before each draw; the views
 * record their rows, the key bar its entries. A later record lies on top
 * of an earlier one (a pick list over its form). */
#ifndef KIJUN_MOUSE_H
#define KIJUN_MOUSE_H
#include <stdbool.h>
#include <stddef.h>

/* Called with the row (index into the view's rows) clicked. */
typedef void (*hit_pick_fn)(void *ctx, size_t row);

/* Forget every record: before a draw, and where an overlay (a pick list)
 * hides what was drawn before it. */
void hit_clear(void);
/* Rows [top, top + height) of n rows drawn at (y, x) in width columns;
 * a click on one sets *cur to its index. */
void hit_rows(int y, int x, int height, int width, size_t top, size_t n, size_t *cur);
/* The same, calling pick(ctx, row) instead. */
void hit_rows_fn(int y, int x, int height, int width, size_t top, size_t n, hit_pick_fn pick,
                 void *ctx);
/* A key-bar entry for key at (y, x), width columns. */
void hit_key(int y, int x, int width, int key);
/* What a click at (y, x) does: the key-bar key under it (returns it), or
 * a row selected (returns -2 after selecting it); -1 when nothing is
 * there. rows_ok false leaves the rows alone (a prompt is open). */
int hit_click(int y, int x, bool rows_ok);
#endif
