/* rules: what an edit brings with it, by the Handbook. */
#include "config.h"
#include "model/rules.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

static void head_text(struct round *r, const char *key, const char *text)
{
    struct value *v = record_value(&r->head, &round_head_def, key);
    value_free(v);
    if (text && *text) {
        v->s = xstrdup(text);
        v->set = true;
    }
}

void round_start_new(struct round *r, const char *name, const struct profile *p, const char *today)
{
    round_init(r, name);
    head_text(r, "rule", record_str(&p->criteria, &profile_criteria_def, "rule"));
    struct value *t = record_value(&r->head, &round_head_def, "threshold");
    t->i = record_int(&p->criteria, &profile_criteria_def, "threshold", 0);
    t->set = t->i > 0;
    head_text(r, "date", today);
}

void round_start_copy(struct round *r, const char *name, const struct round *src, const char *today)
{
    round_copy(r, src, name);
    coll_free(&r->c[RC_SIGNOFFS]);
    coll_free(&r->c[RC_REVIEWS]);
    head_text(r, "previous", src->name);
    head_text(r, "next_review", NULL);
    head_text(r, "title", NULL); /* the source's title names the source's year */
    head_text(r, "date", today);
}

struct acceptance risk_acceptance(const struct round *r, const struct record *risk)
{
    const struct coll_def *def = round_coll_defs[RC_RISKS];
    struct acceptance a = {0};
    if (strcmp(record_str(risk, def, "decision"), "accept") != 0)
        return a;
    a.records = true;
    a.set_date = !*record_str(risk, def, "accepted_on");
    a.value = risk_residual(r, risk);
    return a;
}

size_t service_resources(const struct profile *p, const char *service_id, struct strlist *out)
{
    const struct collection *ops = &p->c[COLL_OPERATIONS], *rs = &p->c[COLL_RESOURCES];
    int fs = field_index(ops->def, "services"), fo = field_index(rs->def, "operations");
    size_t added = 0;
    for (size_t j = 0; j < rs->n; j++) {
        const struct strlist *uses = &rs->r[j].v[fo].list;
        for (size_t k = 0; k < uses->n; k++) {
            const struct record *op = coll_find(ops, uses->v[k]);
            if (op && strlist_has(&op->v[fs].list, service_id)) {
                if (!strlist_has(out, rs->r[j].id)) {
                    strlist_add(out, rs->r[j].id);
                    added++;
                }
                break;
            }
        }
    }
    return added;
}

static bool record_uses(const struct record *r, const struct coll_def *def, const char *coll_key,
                        const char *id)
{
    if (def->id_ref && strcmp(def->id_ref, coll_key) == 0 && r->id && strcmp(r->id, id) == 0)
        return true;
    for (size_t f = 0; f < def->nfields; f++) {
        const struct field_def *fd = &def->fields[f];
        const struct value *v = &r->v[f];
        if (!fd->ref || strcmp(fd->ref, coll_key) != 0 || !v->set)
            continue;
        if (fd->type == F_REF && v->s && strcmp(v->s, id) == 0)
            return true;
        if (fd->type == F_REFLIST && strlist_has(&v->list, id))
            return true;
    }
    return false;
}

bool round_uses(const struct round *r, const char *coll_key, const char *id)
{
    if (record_uses(&r->head, &round_head_def, coll_key, id))
        return true;
    for (int c = 0; c < RC__COUNT; c++)
        for (size_t i = 0; i < r->c[c].n; i++)
            if (record_uses(&r->c[c].r[i], round_coll_defs[c], coll_key, id))
                return true;
    return false;
}
