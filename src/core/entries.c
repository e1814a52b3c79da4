/* entries: the profile's entries that rounds assessed. */
#include "config.h"
#include "core/entries.h"
#include "core/edits.h"
#include "core/rounds.h"
#include "model/rules.h"
#include "model/snapshot.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kept_keys[] = {"services", "resources"};
#define NKEPT (sizeof kept_keys / sizeof *kept_keys)

/* Does the change give r a reference to a profile entry it may keep? */
static bool brings_refs(const struct docchange *ch)
{
    if (ch->op == CH_ADD)
        return ch->def == round_coll_defs[RC_RISKS] || ch->def == round_coll_defs[RC_CLEAR];
    if (ch->op != CH_SET || ch->field >= ch->def->nfields)
        return false;
    return snapshot_coll(ch->def->fields[ch->field].ref) >= 0;
}

/* What r refers to and does not keep yet is kept as it is now. */
static void take_missing(struct session *s, struct doc *d, struct round *r)
{
    for (size_t k = 0; k < NKEPT; k++) {
        struct strlist ids = {0};
        struct collection *c = &r->c[snapshot_coll(kept_keys[k])];
        snapshot_missing(r, &s->profile, kept_keys[k], &ids);
        for (size_t i = 0; i < ids.n; i++) {
            struct record rec;
            if (snapshot_take(&s->profile, kept_keys[k], ids.v[i], &rec)) {
                core_add(s, d, c, &rec);
                record_free(&rec, c->def);
            }
        }
        strlist_free(&ids);
    }
}

/* The profile's entry ch->id changed a field a snapshot keeps: each
 * round that follows the profile takes the new value. */
static void follow_rename(struct session *s, const struct docchange *ch)
{
    int rc = snapshot_coll(ch->def->key), sf = snapshot_field(ch->def->key, ch->field);
    if (rc < 0 || sf < 0 || !ch->id)
        return;
    const struct coll_def *sd = round_coll_defs[rc];
    /* a name taken away is no name to keep: the last one stays */
    if (sd->fields[sf].required && (!ch->v.set || !ch->v.s || !*ch->v.s))
        return;
    for (size_t k = 0; k < s->nrounds; k++) {
        struct round *r = &s->rounds[k]->r;
        struct record *x = coll_find(&r->c[rc], ch->id);
        if (x && !round_keeps_names(r))
            core_set(s, &s->rounds[k]->d, &r->c[rc], x, sd, (size_t)sf, &ch->v);
    }
}

void core_snapshot_follow(struct session *s, struct doc *d, struct round *r, const struct docchange *ch)
{
    if (r && brings_refs(ch))
        take_missing(s, d, r);
    else if (d == &s->pdoc && ch->op == CH_SET)
        follow_rename(s, ch);
}

size_t core_delete_entry(struct session *s, struct doc *d, struct collection *c, size_t i,
                         const char *name, char *msg, size_t size)
{
    char names[200];
    size_t nr = d == &s->pdoc && i < c->n && c->r[i].id
                    ? session_rounds_using(s, c->def->key, c->r[i].id, names, sizeof names) : 0;
    int rc = d == &s->pdoc && i < c->n && c->r[i].id ? snapshot_coll(c->def->key) : -1;
    char *id = rc >= 0 ? xstrdup(c->r[i].id) : NULL;
    for (size_t k = 0; id && k < s->nrounds; k++) {
        struct round *r = &s->rounds[k]->r;
        struct doc *rd = &s->rounds[k]->d;
        struct collection *sc = &r->c[rc];
        if (!round_uses(r, c->def->key, id))
            continue;
        /* kept as signed; one only read so far (an older file) is written
         * with the next save all the same (doc.upgrade) */
        struct record *was = coll_find(sc, id), want;
        if ((was && round_keeps_names(r)) || !snapshot_take(&s->profile, c->def->key, id, &want))
            continue;
        if (was) /* an open round follows the profile up to the deletion */
            for (size_t f = 0; f < sc->def->nfields; f++)
                core_set(s, rd, sc, was, sc->def, f, &want.v[f]);
        else
            core_add(s, rd, sc, &want);
        record_free(&want, sc->def);
    }
    free(id);
    size_t refs = core_delete(s, d, c, i);
    int len = refs ? snprintf(msg, size, P_("Deleted \"%s\" and %zu reference to it", "Deleted \"%s\" and %zu references to it", refs), name, refs)
                   : snprintf(msg, size, _("Deleted \"%s\""), name);
    if (nr && len >= 0 && (size_t)len < size)
        snprintf(msg + len, size - (size_t)len,
                 P_("; round %s keeps it as assessed, marked \"%s\"", "; rounds %s keep it as assessed, marked \"%s\"", nr),
                 names, _("(removed from profile)"));
    return refs;
}

/* Whether a round refers to id of coll_key or keeps it as assessed. */
static bool id_in_rounds(const struct session *s, const char *coll_key, const char *id)
{
    int rc = snapshot_coll(coll_key);
    for (size_t k = 0; k < s->nrounds; k++) {
        const struct round *r = &s->rounds[k]->r;
        if (round_uses(r, coll_key, id) || (rc >= 0 && coll_find(&r->c[rc], id)))
            return true;
    }
    return false;
}

char *core_new_entry_id(struct session *s, const struct collection *c)
{
    char buf[80];
    for (size_t k = c->n + 1;; k++) {
        snprintf(buf, sizeof buf, "%s%zu", c->def->id_prefix, k);
        if (!coll_find(c, buf) && !id_in_rounds(s, c->def->key, buf))
            return xstrdup(buf);
    }
}
