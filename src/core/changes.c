/* changes: named edits that can be applied again. */
#include "config.h"
#include "core/changes.h"
#include "model/assessment.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

void change_free(struct docchange *c)
{
    free(c->file);
    free(c->id);
    value_free(&c->v);
    if (c->rec.v)
        record_free(&c->rec, c->def);
    memset(c, 0, sizeof *c);
}

void change_copy(struct docchange *dst, const struct docchange *src)
{
    *dst = *src;
    dst->file = src->file ? xstrdup(src->file) : NULL;
    dst->id = src->id ? xstrdup(src->id) : NULL;
    value_copy(&dst->v, &src->v);
    memset(&dst->rec, 0, sizeof dst->rec);
    if (src->rec.v)
        record_copy(&dst->rec, &src->rec, src->def);
}

void change_log_push(struct change_log *l, const struct docchange *c)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 16;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    change_copy(&l->v[l->n++], c);
}

void change_log_clear(struct change_log *l)
{
    for (size_t i = 0; i < l->n; i++)
        change_free(&l->v[i]);
    free(l->v);
    memset(l, 0, sizeof *l);
}

static bool is_round_file(const char *file)
{
    return strncmp(file, "assessments/", 12) == 0;
}

struct collection *docset_collection(const struct docset *d, const char *file,
                                     const struct coll_def *def)
{
    if (is_round_file(file)) {
        for (int i = 0; d->round && i < RC__COUNT; i++)
            if (round_coll_defs[i] == def)
                return &d->round->c[i];
    } else if (strcmp(file, "checklist.cfg") == 0) {
        if (d->checklist && def == &checklist_def)
            return &d->checklist->items;
    } else {
        for (int i = 0; d->profile && i < COLL__COUNT; i++)
            if (profile_coll_defs[i] == def)
                return &d->profile->c[i];
    }
    return NULL;
}

struct record *docset_single(const struct docset *d, const char *file, const struct coll_def *def)
{
    if (is_round_file(file))
        return d->round && def == &round_head_def ? &d->round->head : NULL;
    if (!d->profile || strcmp(file, "profile.cfg") != 0)
        return NULL;
    if (def == &profile_org_def)
        return &d->profile->org;
    if (def == &profile_criteria_def)
        return &d->profile->criteria;
    return NULL;
}

/* The place of the change's record in c, or c->n when it is not there. */
static size_t find_place(const struct collection *c, const struct docchange *ch)
{
    if (!ch->id)
        return ch->index < c->n ? ch->index : c->n;
    const struct record *r = coll_find(c, ch->id);
    return r ? (size_t)(r - c->r) : c->n;
}

bool change_apply(const struct docchange *ch, const struct docset *d, size_t *refs_removed)
{
    if (refs_removed)
        *refs_removed = 0;
    struct record *single = docset_single(d, ch->file, ch->def);
    struct collection *c = single ? NULL : docset_collection(d, ch->file, ch->def);
    if (!single && !c)
        return false;
    if (single) {
        if (ch->op != CH_SET || ch->field >= ch->def->nfields)
            return false;
        value_free(&single->v[ch->field]);
        value_copy(&single->v[ch->field], &ch->v);
        return true;
    }
    if (ch->op == CH_ADD) {
        if (ch->rec.id && coll_find(c, ch->rec.id))
            return false;
        struct record r;
        record_copy(&r, &ch->rec, ch->def);
        coll_add(c, &r);
        return true;
    }
    size_t i = find_place(c, ch);
    if (i >= c->n)
        return false;
    switch (ch->op) {
    case CH_SET:
        if (ch->field >= ch->def->nfields)
            return false;
        value_free(&c->r[i].v[ch->field]);
        value_copy(&c->r[i].v[ch->field], &ch->v);
        return true;
    case CH_DELETE:
        coll_remove(c, i);
        if (ch->id && d->profile && strcmp(ch->file, "profile.cfg") == 0) {
            size_t n = profile_remove_refs(d->profile, ch->def->key, ch->id);
            if (refs_removed)
                *refs_removed = n;
        }
        return true;
    case CH_MOVE:
        if (!coll_reorderable(ch->def))
            return false; /* a record of what happened keeps its order */
        coll_move(c, i, ch->to < c->n ? ch->to : c->n - 1);
        return true;
    case CH_ADD:
        break;
    }
    return false;
}
