/* mouse: what is where on the screen, for clicks. */
#include "config.h"
#include "ui/mouse.h"
#include "util/xalloc.h"
#include <stdlib.h>

struct hit {
    int y, x, height, width;
    bool is_key;
    int key;
    size_t top, n;
    size_t *cur;
    hit_pick_fn pick;
    void *ctx;
};

static struct hit *hits;
static size_t nhits, cap;

void hit_clear(void)
{
    nhits = 0;
}

static struct hit *add(int y, int x, int height, int width)
{
    if (height <= 0 || width <= 0)
        return NULL;
    hits = xgrow(hits, &cap, nhits + 1, sizeof *hits);
    struct hit *h = &hits[nhits++];
    *h = (struct hit){.y = y, .x = x, .height = height, .width = width};
    return h;
}

void hit_rows(int y, int x, int height, int width, size_t top, size_t n, size_t *cur)
{
    struct hit *h = add(y, x, height, width);
    if (h)
        h->top = top, h->n = n, h->cur = cur;
}

void hit_rows_fn(int y, int x, int height, int width, size_t top, size_t n, hit_pick_fn pick,
                 void *ctx)
{
    struct hit *h = add(y, x, height, width);
    if (h)
        h->top = top, h->n = n, h->pick = pick, h->ctx = ctx;
}

void hit_key(int y, int x, int width, int key)
{
    struct hit *h = add(y, x, 1, width);
    if (h)
        h->is_key = true, h->key = key;
}

int hit_click(int y, int x, bool rows_ok)
{
    for (size_t i = nhits; i-- > 0;) {
        struct hit *h = &hits[i];
        if (y < h->y || y >= h->y + h->height || x < h->x || x >= h->x + h->width)
            continue;
        if (h->is_key)
            return h->key;
        size_t row = h->top + (size_t)(y - h->y);
        if (!rows_ok || row >= h->n)
            return -1;
        if (h->pick)
            h->pick(h->ctx, row);
        else
            *h->cur = row;
        return -2;
    }
    return -1;
}
