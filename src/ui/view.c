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

bool vstack_push_until(struct vstack *st, struct view_ctx *c, const struct view_ops *ops,
                       bool (*until)(struct view_ctx *c, void *ctx), void *ctx)
{
    size_t v = find(st, ops);
    if (v == (size_t)-1)
        return false;
    for (size_t i = 0; i < st->n; i++) {
        if (st->slot[i].view == v) { /* once on the stack: from its place to the top */
            memmove(&st->slot[i], &st->slot[i + 1], (st->n - i - 1) * sizeof *st->slot);
            st->n--;
            break;
        }
    }
    st->slot[st->n++] = (struct view_slot){v, until, ctx};
    if (ops->open)
        ops->open(c, st->reg[v].self);
    return true;
}

bool vstack_push(struct vstack *st, struct view_ctx *c, const struct view_ops *ops)
{
    return vstack_push_until(st, c, ops, NULL, NULL);
}

bool vstack_pop(struct vstack *st, struct view_ctx *c)
{
    if (st->n < 2)
        return false;
    const struct view_entry *e = &st->reg[st->slot[--st->n].view];
    if (e->ops->close)
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
