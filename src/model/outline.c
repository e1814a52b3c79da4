/* outline: the view-model of a Guideline tree on screen. */
#include "config.h"
#include "model/outline.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void add_rows(struct outline *o, struct gl_node *const *nodes, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        struct gl_node *node = nodes[i];
        o->rows = xgrow(o->rows, &o->rows_cap, o->nrows + 1, sizeof *o->rows);
        o->rows[o->nrows++] = node;
        if (o->expanded[node->index])
            add_rows(o, node->children, node->nchildren);
    }
}

/* Rebuild the visible rows, keeping the cursor on `keep` when visible. */
static void rebuild(struct outline *o, const struct gl_node *keep)
{
    o->nrows = 0;
    add_rows(o, o->ed->roots, o->ed->nroots);
    o->cur = 0;
    for (size_t i = 0; i < o->nrows; i++)
        if (o->rows[i] == keep)
            o->cur = i;
}

void outline_init(struct outline *o, const struct gl_edition *ed)
{
    memset(o, 0, sizeof *o);
    o->ed = ed;
    o->expanded = xcalloc(ed->nnodes ? ed->nnodes : 1, sizeof *o->expanded);
    /* chapters open, deeper levels closed: a first look at the structure */
    for (size_t i = 0; i < ed->nnodes; i++)
        o->expanded[i] = ed->nodes[i]->depth == 0;
    rebuild(o, NULL);
}

void outline_free(struct outline *o)
{
    free(o->expanded);
    free(o->rows);
    memset(o, 0, sizeof *o);
}

struct gl_node *outline_current(const struct outline *o)
{
    return o->nrows ? o->rows[o->cur] : NULL;
}

void outline_move(struct outline *o, long delta)
{
    if (!o->nrows)
        return;
    long c = (long)o->cur + delta;
    if (c < 0)
        c = 0;
    if (c >= (long)o->nrows)
        c = (long)o->nrows - 1;
    o->cur = (size_t)c;
}

void outline_first(struct outline *o) { o->cur = 0; }

void outline_last(struct outline *o)
{
    o->cur = o->nrows ? o->nrows - 1 : 0;
}

bool outline_expand(struct outline *o)
{
    struct gl_node *n = outline_current(o);
    if (!n || !n->nchildren || o->expanded[n->index])
        return false;
    o->expanded[n->index] = true;
    rebuild(o, n);
    return true;
}

void outline_collapse_or_parent(struct outline *o)
{
    struct gl_node *n = outline_current(o);
    if (!n)
        return;
    if (n->nchildren && o->expanded[n->index]) {
        o->expanded[n->index] = false;
        rebuild(o, n);
    } else if (n->parent) {
        rebuild(o, n->parent);
    }
}

void outline_expand_all(struct outline *o, bool expand)
{
    struct gl_node *n = outline_current(o);
    for (size_t i = 0; i < o->ed->nnodes; i++)
        o->expanded[i] = expand;
    if (!expand)
        while (n && n->parent)
            n = n->parent;
    rebuild(o, n);
}

void outline_select(struct outline *o, const struct gl_node *node)
{
    if (!node || node->edition != o->ed)
        return;
    for (const struct gl_node *p = node->parent; p; p = p->parent)
        o->expanded[p->index] = true;
    rebuild(o, node);
}

void outline_scroll(struct outline *o, size_t height)
{
    if (height == 0)
        height = 1;
    if (o->cur < o->top)
        o->top = o->cur;
    if (o->cur >= o->top + height)
        o->top = o->cur - height + 1;
    /* no empty space below the last row when the list is long enough */
    if (o->nrows >= height && o->top + height > o->nrows)
        o->top = o->nrows - height;
    if (o->nrows < height)
        o->top = 0;
}

static uint32_t fold(uint32_t c)
{
    if (c >= 0xFF01 && c <= 0xFF5E)
        c = c - 0xFF01 + 0x21;
    else if (c == 0x3000)
        c = ' ';
    if (c >= 'A' && c <= 'Z')
        c += 'a' - 'A';
    return c;
}

bool text_find_fold(const char *s, const char *query, size_t *off, size_t *len)
{
    size_t sl = strlen(s), ql = strlen(query);
    if (ql == 0)
        return false;
    for (size_t start = 0; start < sl; start = utf8_next(s, sl, start)) {
        size_t i = start, j = 0;
        while (i < sl && j < ql) {
            uint32_t a, b;
            bool ok1, ok2;
            size_t ka = utf8_decode(s + i, sl - i, &a, &ok1);
            size_t kb = utf8_decode(query + j, ql - j, &b, &ok2);
            if (fold(a) != fold(b))
                break;
            i += ka;
            j += kb;
        }
        if (j == ql) {
            if (off)
                *off = start;
            if (len)
                *len = i - start;
            return true;
        }
    }
    return false;
}

bool outline_node_matches(const struct gl_node *n, const char *query, enum lang lang)
{
    return text_find_fold(n->number ? n->number : "", query, NULL, NULL)
        || text_find_fold(text_get(&n->title, lang), query, NULL, NULL)
        || text_find_fold(text_get(&n->summary, lang), query, NULL, NULL);
}

bool outline_search(struct outline *o, const char *query, enum lang lang, int dir,
                    bool include_current)
{
    const struct gl_edition *ed = o->ed;
    size_t n = ed->nnodes;
    if (!n || !query || !*query)
        return false;
    struct gl_node *cur = outline_current(o);
    size_t start = cur ? cur->index : 0;
    for (size_t step = include_current ? 0 : 1; step <= n; step++) {
        size_t i = dir >= 0 ? (start + step) % n : (start + n - step % n) % n;
        if (outline_node_matches(ed->nodes[i], query, lang)) {
            outline_select(o, ed->nodes[i]);
            return true;
        }
    }
    return false;
}

size_t outline_match_count(const struct outline *o, const char *query, enum lang lang,
                           size_t *rank)
{
    size_t count = 0;
    struct gl_node *cur = outline_current(o);
    if (rank)
        *rank = 0;
    if (!query || !*query)
        return 0;
    for (size_t i = 0; i < o->ed->nnodes; i++) {
        if (outline_node_matches(o->ed->nodes[i], query, lang)) {
            count++;
            if (rank && o->ed->nodes[i] == cur)
                *rank = count;
        }
    }
    return count;
}
