/* snapshot: what a round keeps of the profile entries it assessed. */
#include "config.h"
#include "model/snapshot.h"
#include "model/rules.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* the field kept <- the profile's field */
static const int svc_fields[][2] = {{SEENSVC_NAME, SVC_NAME}};
static const int res_fields[][2] = {{SEENRES_NAME, RES_NAME}, {SEENRES_KIND, RES_KIND}};
static const struct { const char *key; int rc, pc; const int (*fields)[2]; size_t nfields; } kept[] = {
    {"services", RC_SEEN_SERVICES, COLL_SERVICES, svc_fields, sizeof svc_fields / sizeof *svc_fields},
    {"resources", RC_SEEN_RESOURCES, COLL_RESOURCES, res_fields, sizeof res_fields / sizeof *res_fields},
};
#define NKEPT (sizeof kept / sizeof *kept)

static int kept_index(const char *coll_key)
{
    for (size_t i = 0; coll_key && i < NKEPT; i++)
        if (strcmp(kept[i].key, coll_key) == 0)
            return (int)i;
    return -1;
}

int snapshot_coll(const char *coll_key)
{
    int k = kept_index(coll_key);
    return k < 0 ? -1 : kept[k].rc;
}

const struct record *snapshot_find(const struct round *r, const char *coll_key, const char *id)
{
    int rc = snapshot_coll(coll_key);
    return rc < 0 || !id ? NULL : coll_find(&r->c[rc], id);
}

int snapshot_field(const char *coll_key, size_t pfield)
{
    int k = kept_index(coll_key);
    for (size_t f = 0; k >= 0 && f < kept[k].nfields; f++)
        if ((size_t)kept[k].fields[f][1] == pfield)
            return kept[k].fields[f][0];
    return -1;
}

bool snapshot_take(const struct profile *p, const char *coll_key, const char *id, struct record *rec)
{
    int k = kept_index(coll_key);
    const struct record *e = k < 0 || !id ? NULL : coll_find(&p->c[kept[k].pc], id);
    if (!e)
        return false;
    record_init(rec, round_coll_defs[kept[k].rc]);
    rec->id = xstrdup(id);
    for (size_t f = 0; f < kept[k].nfields; f++) {
        struct value *v = &rec->v[kept[k].fields[f][0]];
        value_copy(v, &e->v[kept[k].fields[f][1]]);
        v->line = 0; /* a value of this round, not of the profile's lines */
    }
    return true;
}

bool round_keeps_names(const struct round *r)
{
    return r->c[RC_SIGNOFFS].n > 0;
}

/* What snapshot_missing gathers: out, and the ids in it (a round may
 * name thousands: no search of the list for each). */
struct gather {
    struct strlist *out;
    struct hmap seen;
    size_t n;
};

static void missing_add(const struct round *r, const struct profile *p, int k, const char *id,
                        struct gather *g)
{
    if (!id || !*id || coll_find(&r->c[kept[k].rc], id) || !coll_find(&p->c[kept[k].pc], id)
        || !hmap_put(&g->seen, id, 0, NULL))
        return;
    strlist_add(g->out, id);
    g->n++;
}

static void missing_record(const struct round *r, const struct profile *p, int k,
                           const struct record *x, const struct coll_def *def, struct gather *g)
{
    if (def->id_ref && strcmp(def->id_ref, kept[k].key) == 0)
        missing_add(r, p, k, x->id, g);
    for (size_t f = 0; f < def->nfields; f++) {
        const struct field_def *fd = &def->fields[f];
        if (!fd->ref || strcmp(fd->ref, kept[k].key) != 0 || !x->v[f].set)
            continue;
        if (fd->type == F_REF)
            missing_add(r, p, k, x->v[f].s, g);
        else if (fd->type == F_REFLIST)
            for (size_t i = 0; i < x->v[f].list.n; i++)
                missing_add(r, p, k, x->v[f].list.v[i], g);
    }
}

size_t snapshot_missing(const struct round *r, const struct profile *p, const char *coll_key,
                        struct strlist *out)
{
    int k = kept_index(coll_key);
    if (k < 0)
        return 0;
    struct gather g = {out, {0}, 0};
    for (size_t i = 0; i < out->n; i++)
        hmap_put(&g.seen, out->v[i], i, NULL);
    missing_record(r, p, k, &r->head, &round_head_def, &g);
    for (int c = 0; c < RC__COUNT; c++)
        for (size_t i = 0; i < r->c[c].n; i++)
            missing_record(r, p, k, &r->c[c].r[i], round_coll_defs[c], &g);
    hmap_free(&g.seen);
    return g.n;
}

size_t round_snapshot_fill(struct round *r, const struct profile *p)
{
    size_t n = 0;
    for (size_t k = 0; k < NKEPT; k++) {
        struct collection *c = &r->c[kept[k].rc];
        /* an open round follows the profile: the names it has now */
        for (size_t i = 0; i < c->n && !round_keeps_names(r); i++) {
            struct record now;
            if (!snapshot_take(p, kept[k].key, c->r[i].id, &now))
                continue;
            if (!record_equal(&now, &c->r[i], c->def)) {
                for (size_t f = 0; f < c->def->nfields; f++) {
                    value_free(&c->r[i].v[f]);
                    value_copy(&c->r[i].v[f], &now.v[f]);
                }
                n++;
            }
            record_free(&now, c->def);
        }
        struct strlist ids = {0};
        snapshot_missing(r, p, kept[k].key, &ids);
        for (size_t i = 0; i < ids.n; i++) {
            struct record rec;
            snapshot_take(p, kept[k].key, ids.v[i], &rec);
            coll_add(c, &rec);
            n++;
        }
        strlist_free(&ids);
    }
    return n;
}

const char *round_ref_name(const struct round *r, const struct profile *p, const char *coll_key,
                           const char *id, bool *removed)
{
    int k = kept_index(coll_key);
    const struct record *e = k < 0 || !id ? NULL : coll_find(&p->c[kept[k].pc], id);
    const struct record *was = e || k < 0 || !id ? NULL : coll_find(&r->c[kept[k].rc], id);
    const char *n = e ? rec_str(e, profile_coll_defs[kept[k].pc]->name_field)
                  : was ? rec_str(was, round_coll_defs[kept[k].rc]->name_field) : "";
    if (removed)
        *removed = was != NULL;
    return *n ? n : id ? id : "";
}

const char *round_ref_kind(const struct round *r, const struct profile *p, const char *id)
{
    const struct record *e = id ? coll_find(&p->c[COLL_RESOURCES], id) : NULL;
    if (e)
        return rec_str(e, RES_KIND);
    e = id ? coll_find(&r->c[RC_SEEN_RESOURCES], id) : NULL;
    return e ? rec_str(e, SEENRES_KIND) : "";
}

bool round_ref_ok(const struct round *r, const struct profile *p, const char *coll_key, const char *id)
{
    int k = kept_index(coll_key);
    return k >= 0 && id && (coll_find(&p->c[kept[k].pc], id) || coll_find(&r->c[kept[k].rc], id));
}

size_t round_read_fill(struct round *r, const struct profile *p)
{
    size_t n = p ? round_snapshot_fill(r, p) : 0;
    return n + round_migrate(r);
}
