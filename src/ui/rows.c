/* rows: a cursor over a list of rows. */
#include "config.h"
#include "ui/rows.h"
#include "ui/draw.h"
#include "ui/mouse.h"
#include <stdlib.h>

bool rows_move(size_t *cur, size_t n, enum action a, int page)
{
    size_t p = page > 0 ? (size_t)page : 1;
    switch (a) {
    case ACT_UP: if (*cur) (*cur)--; return true;
    case ACT_DOWN: if (*cur + 1 < n) (*cur)++; return true;
    case ACT_PAGE_UP: *cur = *cur > p ? *cur - p : 0; return true;
    case ACT_PAGE_DOWN: *cur = n ? (*cur + p < n ? *cur + p : n - 1) : 0; return true;
    case ACT_FIRST: *cur = 0; return true;
    case ACT_LAST: *cur = n ? n - 1 : 0; return true;
    default: return false;
    }
}

void rows_scroll(size_t cur, size_t *top, int height)
{
    if (height < 1)
        height = 1;
    if (cur < *top)
        *top = cur;
    if (cur >= *top + (size_t)height)
        *top = cur - (size_t)height + 1;
}

void rows_draw(int y, int height, int cols, size_t n, size_t *curp, size_t *top, row_text_fn text,
               void *ctx)
{
    size_t cur = *curp;
    rows_scroll(cur, top, height);
    hit_rows(y, 0, height, cols, *top, n, curp);
    for (int r = 0; r < height; r++) {
        size_t i = *top + (size_t)r;
        if (i >= n) {
            draw_blank(y + r, 0, cols, A_NORMAL);
            continue;
        }
        bool warn = false;
        char *s = text(ctx, i, &warn);
        attr_t attr = i == cur ? role_attr(ROLE_SELECTED) : warn ? role_attr(ROLE_BASELINE) : A_NORMAL;
        draw_cell(y + r, 0, 1, i == cur ? ">" : " ", attr);
        draw_cell(y + r, 1, cols - 1, s, attr);
        free(s);
    }
}
