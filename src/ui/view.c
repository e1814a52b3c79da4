/* view: the stack of screens (see view.h). */
#include "config.h"
#include "ui/view.h"
#include <string.h>

void vstack_register(struct vstack *st, const struct view_ops *ops, void *self)
{
    if (st->nreg < VIEW_MAX)
        st->reg[st->nreg++] = (struct view_entry){ops, self};
}

static size_t find(const struct vstack *st, const struct view_ops *ops)
{
    for (size_t i = 0; i < st->nreg; i++)
        if (st->reg[i].ops == ops)
            return i;
    return (size_t)-1;
}

void *vstack_self(const struct vstack *st, const struct view_ops *ops)
{
    size_t i = find(st, ops);
    return i == (size_t)-1 ? NULL : st->reg[i].self;
}

/* Two slots of the same view side by side are one screen: one of them goes. */
static void collapse(struct vstack *st)
{
    for (size_t i = 1; i < st->n;) {
        if (st->slot[i].view == st->slot[i - 1].view) {
            memmove(&st->slot[i - 1], &st->slot[i], (st->n - i) * sizeof *st->slot);
            st->n--;
        } else {
            i++;
        }
    }
}

static bool push(struct vstack *st, struct view_ctx *c, const struct view_ops *ops, bool visit,
                 bool (*until)(struct view_ctx *c, void *ctx), void *ctx)
{
    size_t v = find(st, ops);
    if (v == (size_t)-1)
        return false;
    if (st->n && st->slot[st->n - 1].view == v && !visit)
        return true; /* in front already */
    for (size_t i = 0; i < st->n && !visit; i++) {
        if (st->slot[i].view == v) { /* once on the stack: from its place to the top */
            memmove(&st->slot[i], &st->slot[i + 1], (st->n - i - 1) * sizeof *st->slot);
            st->n--;
            collapse(st);
            break;
        }
    }
    if (st->n == VIEW_MAX) { /* the oldest is forgotten */
        memmove(&st->slot[0], &st->slot[1], (st->n - 1) * sizeof *st->slot);
        st->n--;
    }
    if (st->n && st->slot[st->n - 1].view == v)
        st->n--; /* a visit to the view in front: the same screen */
    st->slot[st->n++] = (struct view_slot){v, until, ctx};
    if (ops->open)
        ops->open(c, st->reg[v].self);
    return true;
}

bool vstack_push_until(struct vstack *st, struct view_ctx *c, const struct view_ops *ops,
                       bool (*until)(struct view_ctx *c, void *ctx), void *ctx)
{
    return push(st, c, ops, true, until, ctx);
}

bool vstack_push(struct vstack *st, struct view_ctx *c, const struct view_ops *ops)
{
    return push(st, c, ops, false, NULL, NULL);
}

bool vstack_pop(struct vstack *st, struct view_ctx *c)
{
    if (st->n < 2)
        return false;
    size_t v = st->slot[--st->n].view;
    const struct view_entry *e = &st->reg[v];
    bool still = false; /* a view visited from another is still there below */
    for (size_t i = 0; i < st->n; i++)
        still |= st->slot[i].view == v;
    if (e->ops->close && !still)
        e->ops->close(c, e->self);
    return true;
}

const struct view_entry *vstack_at(const struct vstack *st, size_t depth)
{
    return depth < st->n ? &st->reg[st->slot[st->n - 1 - depth].view] : NULL;
}

const struct view_entry *vstack_top(const struct vstack *st)
{
    return vstack_at(st, 0);
}

size_t vstack_depth(const struct vstack *st)
{
    return st->n;
}

bool vstack_settle(struct vstack *st, struct view_ctx *c)
{
    if (!st->n)
        return false;
    struct view_slot *t = &st->slot[st->n - 1];
    if (!t->until || !t->until(c, t->ctx))
        return false;
    return vstack_pop(st, c);
}
