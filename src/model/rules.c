/* rules: what an edit brings with it, by the Handbook. */
#include "config.h"
#include "model/rules.h"
#include "model/validate.h"
#include "util/xalloc.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void head_text(struct round *r, int field, const char *text)
{
    struct value *v = &r->head.v[field];
    value_free(v);
    if (text && *text) {
        v->s = xstrdup(text);
        v->set = true;
    }
}

void round_start_new(struct round *r, const char *name, const struct profile *p, const char *today)
{
    round_init(r, name);
    head_text(r, HEAD_RULE, rec_str(&p->criteria, CRIT_RULE));
    struct value *t = &r->head.v[HEAD_THRESHOLD];
    t->i = rec_int(&p->criteria, CRIT_THRESHOLD, 0);
    t->set = t->i > 0;
    head_text(r, HEAD_DATE, today);
}

void round_start_copy(struct round *r, const char *name, const struct round *src, const char *today)
{
    round_copy(r, src, name);
    coll_free(&r->c[RC_SIGNOFFS]);
    coll_free(&r->c[RC_REVIEWS]);
    coll_free(&r->c[RC_REOPENED]); /* a copy starts open, its history afresh */
    coll_free(&r->c[RC_CLOSED]);
    /* acceptances come along as made in the source: to be confirmed here */
    size_t fr = RISK_ACCEPTED_ROUND;
    for (size_t i = 0; i < r->c[RC_RISKS].n; i++) {
        struct record *x = &r->c[RC_RISKS].r[i];
        if (strcmp(rec_str(x, RISK_DECISION), "accept") == 0 && !*rec_str(x, RISK_ACCEPTED_ROUND)) {
            value_free(&x->v[fr]);
            x->v[fr].s = xstrdup(src->name);
            x->v[fr].set = true;
        }
    }
    head_text(r, HEAD_PREVIOUS, src->name);
    head_text(r, HEAD_NEXT_REVIEW, NULL);
    head_text(r, HEAD_TITLE, NULL); /* the source's title names the source's year */
    head_text(r, HEAD_DATE, today);
}

struct acceptance risk_acceptance(const struct round *r, const struct record *risk)
{
    struct acceptance a = {0};
    if (strcmp(rec_str(risk, RISK_DECISION), "accept") != 0)
        return a;
    a.records = true;
    a.set_date = !*rec_str(risk, RISK_ACCEPTED_ON) || risk_acceptance_carried(r, risk);
    a.value = risk_residual(r, risk);
    return a;
}

size_t service_resources(const struct profile *p, const char *service_id, struct strlist *out)
{
    const struct collection *ops = &p->c[COLL_OPERATIONS], *rs = &p->c[COLL_RESOURCES];
    int fs = OP_SERVICES, fo = RES_OPERATIONS;
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

bool risk_acceptance_carried(const struct round *r, const struct record *risk)
{
    const char *in = rec_str(risk, RISK_ACCEPTED_ROUND);
    return strcmp(rec_str(risk, RISK_DECISION), "accept") == 0 && *in && strcmp(in, r->name) != 0;
}

bool risk_accepted(const struct round *r, const struct record *risk)
{
    return strcmp(rec_str(risk, RISK_DECISION), "accept") == 0 && !risk_acceptance_stale(r, risk);
}

bool risk_acceptance_stale(const struct round *r, const struct record *risk)
{
    long long at = rec_int(risk, RISK_ACCEPTED_VALUE, 0);
    return strcmp(rec_str(risk, RISK_DECISION), "accept") == 0 && at > 0 && at != risk_residual(r, risk);
}

/* FNV-1a, 64 bits: a change detector, not a seal. The closing digest
 * (round_content_digest) is one too, on purpose: whoever can edit the
 * file can recompute any unkeyed digest, SHA-256 as well, so a stronger
 * hash would seal nothing more; it is there to notice an editor's
 * change, as the sign-offs' digests are, with the same 16 digits. */
static void digest_add(uint64_t *h, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        *h ^= *p;
        *h *= 0x100000001b3ULL;
    }
    *h ^= 0xff; /* a separator no UTF-8 text holds */
    *h *= 0x100000001b3ULL;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void digest_record(uint64_t *h, const struct record *r, const struct coll_def *def,
                          const char *const *only, bool except)
{
    digest_add(h, r->id ? r->id : "");
    for (size_t f = 0; f < def->nfields; f++) {
        bool listed = false;
        for (const char *const *k = only; k && *k; k++)
            listed |= strcmp(*k, def->fields[f].key) == 0;
        if (only && listed == except)
            continue;
        digest_add(h, def->fields[f].key);
        if (def->fields[f].type == F_REFLIST) {
            /* a set of references: the order they were picked in is no change */
            const struct strlist *l = &r->v[f].list;
            const char **v = xcalloc(l->n + 1, sizeof *v);
            for (size_t i = 0; i < l->n; i++)
                v[i] = l->v[i];
            qsort(v, l->n, sizeof *v, cmp_str);
            for (size_t i = 0; i < l->n; i++)
                digest_add(h, v[i]);
            free(v);
            continue;
        }
        char *t = r->v[f].set ? value_format(&r->v[f], &def->fields[f]) : NULL;
        digest_add(h, t ? t : "");
        free(t);
    }
}

static void digest_coll(uint64_t *h, const struct collection *c)
{
    for (size_t i = 0; i < c->n; i++)
        digest_record(h, &c->r[i], c->def, NULL, false);
}

void step_digest(const struct round *r, enum step s, char out[17])
{
    static const char *const scope[] = {"services", "resources", NULL};
    static const char *const review[] = {"services", "resources", "next_review", "previous", NULL};
    static const char *const dates[] = {"next_review", "previous", NULL};
    uint64_t h = 0xcbf29ce484222325ULL;
    if (s == STEP_PREP || s == STEP_VALIDATE)
        digest_record(&h, &r->head, &round_head_def, review, true);
    if (s == STEP_SCOPE || s == STEP_VALIDATE)
        digest_record(&h, &r->head, &round_head_def, scope, false);
    if (s == STEP_ASSESS || s == STEP_VALIDATE) {
        digest_coll(&h, &r->c[RC_RISKS]);
        digest_coll(&h, &r->c[RC_CLEAR]);
    }
    if (s == STEP_REVIEW) {
        digest_record(&h, &r->head, &round_head_def, dates, false);
        digest_coll(&h, &r->c[RC_REVIEWS]);
    }
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

enum step step_of_id(const char *id)
{
    for (int s = 0; s < STEP__COUNT; s++)
        if (id && strcmp(id, step_id((enum step)s)) == 0)
            return (enum step)s;
    return STEP__COUNT;
}

bool signoff_stale(const struct round *r, const struct record *so)
{
    const char *d = rec_str(so, SO_DIGEST);
    enum step s = step_of_id(so->id);
    if (!*d || s == STEP__COUNT)
        return false;
    char now[17];
    step_digest(r, s, now);
    return strcmp(d, now) != 0;
}

static size_t migrate_fields(struct round *r);

static void fill(struct value *v, const char *text)
{
    value_free(v);
    v->s = xstrdup(text);
    v->set = true;
}

static void rec_text(struct record *rec, int field, const char *text);

/* Whether r was written by a kijun that closes rounds: its sign-offs say
 * how many reopenings came before them. Such a round that closes was
 * closed when it was saved. */
static bool written_closing(const struct round *r)
{
    const struct collection *so = &r->c[RC_SIGNOFFS];
    int f = SO_REOPENS;
    for (size_t i = 0; f >= 0 && i < so->n; i++)
        if (so->r[i].v[f].set)
            return true;
    return false;
}

size_t round_migrate(struct round *r)
{
    bool closing_known = written_closing(r);
    size_t n = migrate_fields(r);
    if (!round_closed(r) && round_closes(r)) {
        struct record rec;
        round_closing(r, NULL, &rec);
        /* its closing is gone: removed outside kijun (with its history,
         * maybe). Closed again, it must not read as untouched: a digest
         * that matches nothing flags it as changed outside kijun until
         * someone reopens it, saying why. */
        if (closing_known)
            rec_text(&rec, CLOSED_DIGEST, "closing-removed");
        coll_add(&r->c[RC_CLOSED], &rec);
        n++;
    }
    return n;
}

static size_t migrate_fields(struct round *r)
{
    size_t n = 0;
    struct collection *so = &r->c[RC_SIGNOFFS], *rk = &r->c[RC_RISKS];
    size_t fd = SO_DIGEST, fr = RISK_ACCEPTED_ROUND;
    /* the acceptances first: they are part of the data a sign-off vouches for */
    for (size_t i = 0; i < rk->n; i++) {
        const struct record *x = &rk->r[i];
        if (strcmp(rec_str(x, RISK_DECISION), "accept") == 0 && !*rec_str(x, RISK_ACCEPTED_ROUND)) {
            fill(&rk->r[i].v[fr], r->name);
            n++;
        }
    }
    for (size_t i = 0; i < so->n; i++) {
        enum step st = step_of_id(so->r[i].id);
        if (st == STEP__COUNT || *rec_str(&so->r[i], SO_DIGEST))
            continue;
        char d[17];
        step_digest(r, st, d);
        fill(&so->r[i].v[fd], d);
        n++;
    }
    return n;
}

/* --- closed rounds ------------------------------------------------------ */

size_t round_reopens(const struct round *r)
{
    return r->c[RC_REOPENED].n;
}

bool round_closed(const struct round *r)
{
    return r->c[RC_CLOSED].n > r->c[RC_REOPENED].n;
}

bool round_closes(const struct round *r)
{
    const struct collection *so = &r->c[RC_SIGNOFFS];
    long long reopens = (long long)round_reopens(r);
    bool after = reopens == 0;
    if (r->c[RC_CLOSED].n < round_reopens(r))
        return false; /* reopened more often than closed: not kijun's history */
    for (int st = 0; st < STEP__COUNT; st++) {
        const struct record *x = coll_find(so, step_id((enum step)st));
        if (!x || !*rec_str(x, SO_REVIEWER) || !date_valid(rec_str(x, SO_DATE))
            || !*rec_str(x, SO_DIGEST) || signoff_stale(r, x))
            return false;
        after |= rec_int(x, SO_REOPENS, 0) >= reopens;
    }
    return after;
}

const char *round_closed_on(const struct round *r)
{
    const struct collection *c = &r->c[RC_CLOSED];
    return c->n ? rec_str(&c->r[c->n - 1], CLOSED_DATE) : "";
}

void round_content_digest(const struct round *r, char out[17])
{
    uint64_t h = 0xcbf29ce484222325ULL;
    digest_record(&h, &r->head, &round_head_def, NULL, false);
    for (int c = 0; c < RC__COUNT; c++) {
        const struct collection *k = &r->c[c];
        size_t n = c == RC_CLOSED && round_closed(r) ? k->n - 1 : k->n;
        digest_add(&h, k->def->key);
        for (size_t i = 0; i < n; i++)
            digest_record(&h, &k->r[i], k->def, NULL, false);
    }
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

bool round_changed_outside(const struct round *r)
{
    if (!round_closed(r))
        return false;
    const struct collection *c = &r->c[RC_CLOSED];
    char now[17];
    round_content_digest(r, now);
    return strcmp(rec_str(&c->r[c->n - 1], CLOSED_DIGEST), now) != 0;
}

static void rec_text(struct record *rec, int field, const char *text)
{
    if (text && *text)
        fill(&rec->v[field], text);
}

void round_closing(const struct round *r, const char *today, struct record *rec)
{
    const struct collection *c = &r->c[RC_CLOSED], *so = &r->c[RC_SIGNOFFS];
    record_init(rec, c->def);
    rec->id = coll_new_id(c);
    const char *last = "";
    for (size_t i = 0; !today && i < so->n; i++) {
        const char *d = rec_str(&so->r[i], SO_DATE);
        if (date_valid(d) && strcmp(d, last) > 0)
            last = d;
    }
    rec_text(rec, CLOSED_DATE, today ? today : last);
    char digest[17];
    round_content_digest(r, digest);
    rec_text(rec, CLOSED_DIGEST, digest);
}

void round_reopening(const struct round *r, const char *by, const char *why, const char *today,
                     struct record *rec)
{
    const struct collection *c = &r->c[RC_REOPENED];
    record_init(rec, c->def);
    rec->id = coll_new_id(c);
    rec_text(rec, REOPEN_BY, by);
    rec_text(rec, REOPEN_DATE, today);
    rec_text(rec, REOPEN_WHY, why);
    if (round_changed_outside(r)) {
        struct value *v = &rec->v[REOPEN_CHANGED_OUTSIDE];
        v->set = v->b = true;
    }
}

void field_range(const struct coll_def *def, int field, const struct round *round, const struct profile *p,
                 long long *lo, long long *hi)
{
    *lo = def->fields[field].lo;
    *hi = def->fields[field].hi;
    size_t ni = p->c[COLL_IMPACT].n, nl = p->c[COLL_LIKELIHOOD].n;
    long long top = 0, bottom = 0;
    if (def == round_coll_defs[RC_RISKS]) {
        if (field == RISK_IMPACT || field == RISK_INHERENT_IMPACT)
            top = (long long)ni;
        else if (field == RISK_LIKELIHOOD || field == RISK_INHERENT_LIKELIHOOD)
            top = (long long)nl;
        else if (field == RISK_ACCEPTED_VALUE && round && ni && nl) /* a value the rule gives, or 0 unscored */
            risk_value_range(rec_str(&round->head, HEAD_RULE), ni, nl, &bottom, &top), bottom = 0;
    } else if (def == &round_head_def && field == HEAD_THRESHOLD && round && ni && nl) {
        risk_value_range(rec_str(&round->head, HEAD_RULE), ni, nl, &bottom, &top);
    } else if (def == &profile_criteria_def && field == CRIT_THRESHOLD && ni && nl) {
        risk_value_range(rec_str(&p->criteria, CRIT_RULE), ni, nl, &bottom, &top);
    }
    if (bottom > *lo)
        *lo = bottom;
    if (top > 0 && top < *hi)
        *hi = top;
}

bool field_out_of_range(const struct coll_def *def, int field, const struct record *rec, const struct round *round,
                        const struct profile *p, long long *lo, long long *hi)
{
    field_range(def, field, round, p, lo, hi);
    const struct value *v = &rec->v[field];
    return def->fields[field].type == F_INT && v->set && (v->i < *lo || v->i > *hi);
}

bool scale_can_grow(const struct profile *p, int coll)
{
    return p->c[coll].n < SCALE_LEVELS_MAX;
}

/* Is one of risk's levels, from levels[from] on, off its scale? */
static bool levels_off(const struct profile *p, const struct record *risk, size_t from)
{
    static const struct { int field, scale; } levels[] = {
        {RISK_INHERENT_IMPACT, COLL_IMPACT}, {RISK_INHERENT_LIKELIHOOD, COLL_LIKELIHOOD},
        {RISK_IMPACT, COLL_IMPACT}, {RISK_LIKELIHOOD, COLL_LIKELIHOOD},
    };
    for (size_t i = from; i < sizeof levels / sizeof *levels; i++) {
        const struct value *v = &risk->v[levels[i].field];
        size_t n = p->c[levels[i].scale].n;
        if (v->set && n && (v->i < 1 || (size_t)v->i > n || !scale_level(p, levels[i].scale, v->i)))
            return true;
    }
    return false;
}

bool risk_off_scales(const struct profile *p, const struct record *risk)
{
    return levels_off(p, risk, 0);
}

size_t round_off_scales(const struct round *r, const struct profile *p)
{
    size_t n = 0;
    for (size_t k = 0; k < r->c[RC_RISKS].n; k++)
        n += risk_off_scales(p, &r->c[RC_RISKS].r[k]);
    return n;
}

size_t round_residual_off_scales(const struct round *r, const struct profile *p)
{
    size_t n = 0;
    for (size_t k = 0; k < r->c[RC_RISKS].n; k++)
        n += levels_off(p, &r->c[RC_RISKS].r[k], 2); /* the residual impact and likelihood */
    return n;
}

size_t scale_level_uses(const struct round *r, int coll, long long level)
{
    size_t n = 0;
    const struct collection *c = &r->c[RC_RISKS];
    for (size_t k = 0; k < c->n; k++) {
        const struct record *x = &c->r[k];
        bool uses = coll == COLL_IMPACT
                        ? rec_int(x, RISK_IMPACT, 0) == level || rec_int(x, RISK_INHERENT_IMPACT, 0) == level
                        : rec_int(x, RISK_LIKELIHOOD, 0) == level || rec_int(x, RISK_INHERENT_LIKELIHOOD, 0) == level;
        n += uses;
    }
    return n;
}

int field_scale(const struct coll_def *def, int field)
{
    if (def != round_coll_defs[RC_RISKS])
        return -1;
    if (field == RISK_IMPACT || field == RISK_INHERENT_IMPACT)
        return COLL_IMPACT;
    if (field == RISK_LIKELIHOOD || field == RISK_INHERENT_LIKELIHOOD)
        return COLL_LIKELIHOOD;
    return -1;
}

int field_def_scale(const struct field_def *f)
{
    const struct coll_def *d = round_coll_defs[RC_RISKS];
    if (f < d->fields || f >= d->fields + d->nfields)
        return -1;
    return field_scale(d, (int)(f - d->fields));
}

const struct record *scale_level(const struct profile *p, int coll, long long level)
{
    if (coll != COLL_IMPACT && coll != COLL_LIKELIHOOD)
        return NULL;
    const struct collection *c = &p->c[coll];
    for (size_t i = 0; i < c->n; i++)
        if (c->r[i].v[LEVEL_LEVEL].set && c->r[i].v[LEVEL_LEVEL].i == level)
            return &c->r[i];
    /* levels without their number: by their place, as the heat map */
    return level >= 1 && (size_t)level <= c->n && !c->r[level - 1].v[LEVEL_LEVEL].set ? &c->r[level - 1] : NULL;
}

void scale_level_text(const struct profile *p, int coll, long long level, char *out, size_t n)
{
    const struct record *r = scale_level(p, coll, level);
    const char *label = r ? rec_str(r, LEVEL_LABEL) : "";
    if (*label)
        snprintf(out, n, "%lld %s", level, label);
    else
        snprintf(out, n, "%lld", level);
}
