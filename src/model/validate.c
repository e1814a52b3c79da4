/* validate: one set of rules over a workspace's documents. */
#include "config.h"
#include "model/validate.h"
#include "model/supplier.h"
#include "model/assessment.h"
#include "model/rules.h"
#include "model/snapshot.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What the rules of one document need to know. */
struct vctx {
    const struct profile *p;   /* references resolve here */
    const struct library *lib;
    const char *file;
    struct item at;            /* doc, round and coll of what is checked */
    struct findings *out;
    const struct round *round; /* the round checked, whose snapshots count as references */
};

/* A round's reference to an entry no longer in the profile reads from
 * what the round keeps of it (model/snapshot.h): no error. */
static bool ref_exists(const struct vctx *c, const char *ref, const char *id)
{
    return profile_ref_exists(c->p, c->lib, ref, id) || (c->round && round_ref_ok(c->round, c->p, ref, id));
}

static void add(struct vctx *c, enum diag_severity sev, int line, size_t index, int field,
                const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void add(struct vctx *c, enum diag_severity sev, int line, size_t index, int field,
                const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *text = xmalloc(n > 0 ? (size_t)n + 1 : 1);
    va_start(ap, fmt);
    vsnprintf(text, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
    va_end(ap);
    struct findings *f = c->out;
    f->v = xgrow(f->v, &f->cap, f->n + 1, sizeof *f->v);
    struct item at = c->at;
    at.index = index;
    at.field = field;
    f->v[f->n++] = (struct finding){sev, xstrdup(c->file), line, text, at, false};
}

char *round_file(const struct round *r)
{
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "assessments/%s.cfg", r->name);
    return sb_take(&sb);
}

void risk_value_range(const char *rule, size_t ni, size_t nl, long long *lo, long long *hi)
{
    bool sum = rule && strcmp(rule, "sum") == 0;
    *lo = sum ? 2 : 1;
    *hi = sum ? (long long)(ni + nl) : (long long)(ni * nl);
}

/* --- entries: the field table's rules ---------------------------------------- */

static int value_line(const struct record *r, const struct value *v)
{
    return v->line > 0 ? v->line : r->line;
}

/* One entry against its definition: required fields, ranges, real dates,
 * enumerations, references (and a reference named twice). */
static void record_rules(struct vctx *c, const struct record *r, const struct coll_def *def,
                         size_t index)
{
    const char *what = r->id ? r->id : def->key;
    for (size_t i = 0; i < def->nfields; i++) {
        const struct field_def *f = &def->fields[i];
        const struct value *v = &r->v[i];
        int line = value_line(r, v), fi = (int)i;
        if (value_empty(f, v)) {
            /* one the reader could not take is there, its finding made */
            if (field_missing(def, r, i) && !record_keeps(r, f->key))
                add(c, DIAG_ERROR, r->line, index, fi, _("%s: %s ('%s') is required"), what, _(f->label), f->key);
            continue;
        }
        switch (f->type) {
        case F_INT:
            /* a risk's level above the range is said against its scale (level_rules) */
            if (v->i > f->hi && c->round && c->p && field_scale(def, fi) >= 0 && c->p->c[field_scale(def, fi)].n)
                break;
            if (v->i < f->lo || v->i > f->hi)
                add(c, DIAG_ERROR, line, index, fi, _("%s: %s ('%s') is %lld, outside %lld..%lld"),
                    what, _(f->label), f->key, v->i, f->lo, f->hi);
            break;
        case F_DATE:
            if (!date_valid(v->s))
                add(c, DIAG_ERROR, line, index, fi, _("%s: %s ('%s') is '%s', not a date YYYY-MM-DD"),
                    what, _(f->label), f->key, v->s);
            break;
        case F_ENUM:
            if (!enum_valid(f, v->s))
                add(c, DIAG_ERROR, line, index, fi, _("%s: %s ('%s') is '%s', not one of the allowed values"),
                    what, _(f->label), f->key, v->s);
            break;
        case F_REF:
            if (!ref_exists(c, f->ref, v->s))
                add(c, DIAG_ERROR, line, index, fi, _("%s: %s ('%s') names '%s', which does not exist"),
                    what, _(f->label), f->key, v->s);
            break;
        case F_REFLIST:
            for (size_t k = 0; k < v->list.n; k++) {
                if (!ref_exists(c, f->ref, v->list.v[k]))
                    add(c, DIAG_ERROR, line, index, fi, _("%s: %s ('%s') names '%s', which does not exist"),
                        what, _(f->label), f->key, v->list.v[k]);
                for (size_t j = 0; j < k; j++)
                    if (strcmp(v->list.v[j], v->list.v[k]) == 0)
                        add(c, DIAG_WARNING, line, index, fi, _("%s: %s ('%s') names '%s' twice"),
                            what, _(f->label), f->key, v->list.v[k]);
            }
            break;
        default:
            break;
        }
    }
}

/* Every entry of a collection, and its ids: present, well-formed, unique,
 * naming a library item or a profile entry where the ids must. */
static void collection_rules(struct vctx *c, int coll, const struct collection *col)
{
    c->at.coll = coll;
    const struct coll_def *def = col->def;
    for (size_t i = 0; i < col->n; i++) {
        const struct record *r = &col->r[i];
        if (record_is_kept_entry(r))
            continue; /* no group: the reader said so, once */
        int line = r->id_line > 0 ? r->id_line : r->line;
        if (def->has_id) {
            if (!r->id || !*r->id)
                add(c, DIAG_ERROR, r->line, i, FIELD_ID, _("%s: an entry has no id"), def->key);
            else if (!id_syntax_ok(r->id, 64))
                add(c, DIAG_ERROR, line, i, FIELD_ID,
                    _("%s: id '%s' must be 1-64 ASCII letters, digits, '.', '-' or '_'"), def->key, r->id);
            const struct record *first = r->id ? coll_find(col, r->id) : NULL;
            if (first && first != r)
                add(c, DIAG_ERROR, line, i, FIELD_ID, _("%s: id '%s' is used twice (first at line %d)"),
                    def->key, r->id, first->id_line > 0 ? first->id_line : first->line);
            if (r->id && def->id_ref && !ref_exists(c, def->id_ref, r->id))
                add(c, DIAG_ERROR, line, i, FIELD_ID,
                    strncmp(def->id_ref, "lib:", 4) == 0 ? _("%s: '%s' is not an item of the library")
                                                         : _("%s: '%s' names no entry of the profile"),
                    def->key, r->id);
        }
        record_rules(c, r, def, i);
    }
}

/* --- the profile: scales, threshold, dependencies --------------------------- */

static bool scale_ok(size_t n)
{
    return n >= SCALE_LEVELS_MIN && n <= SCALE_LEVELS_MAX;
}

/* A scale of 3 to 6 levels, numbered 1..n once each. */
static void scale_rules(struct vctx *c, int coll, const struct collection *s, int line)
{
    c->at.coll = coll;
    if (!scale_ok(s->n)) {
        add(c, DIAG_ERROR, s->n ? s->r[0].line : line, 0, FIELD_NONE,
            _("criteria: %s ('%s') has %zu levels; it needs 3 to 6"), _(s->def->label), s->def->key, s->n);
        return;
    }
    for (size_t lv = 1; lv <= s->n; lv++) {
        size_t seen = 0;
        for (size_t i = 0; i < s->n; i++)
            if (s->r[i].v[0].set && s->r[i].v[0].i == (long long)lv)
                seen++;
        if (seen != 1)
            add(c, DIAG_ERROR, s->r[0].line, 0, FIELD_NONE,
                _("criteria: %s ('%s') must number its levels 1 to %zu once each (level %zu appears %zu times)"),
                _(s->def->label), s->def->key, s->n, lv, seen);
    }
}

/* The threshold of `what` (a record of def: its rule is field fr, its
 * threshold field ft) lies in the range of its rule over the profile's
 * scales. A value that
 * breaks the field's own range, or a rule that is not one, is found by
 * the entry's rules already. */
static void threshold_rules(struct vctx *c, const struct record *r, const struct coll_def *def,
                            int fr, int ft, const char *what)
{
    const struct value *rule = &r->v[fr], *t = &r->v[ft];
    size_t ni = c->p->c[COLL_IMPACT].n, nl = c->p->c[COLL_LIKELIHOOD].n;
    if (!t->set || t->i < def->fields[ft].lo || t->i > def->fields[ft].hi || !ni || !nl
        || value_empty(&def->fields[fr], rule) || !enum_valid(&def->fields[fr], rule->s))
        return;
    long long lo, hi;
    risk_value_range(rule->s, ni, nl, &lo, &hi);
    if (t->i > hi)
        add(c, DIAG_ERROR, value_line(r, t), 0, ft,
            _("%s: threshold %lld is above the highest risk value %lld"), what, t->i, hi);
    else if (t->i < lo)
        add(c, DIAG_ERROR, value_line(r, t), 0, ft,
            _("%s: threshold %lld is below the lowest risk value %lld"), what, t->i, lo);
}

/* The resources' `depends` as a graph: edges to the resources named
 * (those that exist), in compressed rows. */
struct graph {
    size_t n, *off, *adj;
};

static void graph_build(struct graph *g, const struct collection *rs, int fd)
{
    g->n = rs->n;
    g->off = xcalloc(rs->n + 1, sizeof *g->off);
    size_t m = 0;
    for (size_t i = 0; i < rs->n; i++)
        m += rs->r[i].v[fd].list.n;
    g->adj = xcalloc(m ? m : 1, sizeof *g->adj);
    m = 0;
    for (size_t i = 0; i < rs->n; i++) {
        g->off[i] = m;
        const struct strlist *l = &rs->r[i].v[fd].list;
        for (size_t k = 0; k < l->n; k++) {
            const struct record *to = coll_find(rs, l->v[k]);
            if (to)
                g->adj[m++] = (size_t)(to - rs->r);
        }
    }
    g->off[rs->n] = m;
}

#define UNSEEN SIZE_MAX

/* Tarjan's strongly connected components, without recursion (a profile
 * may have tens of thousands of resources): comp[v] for each v. */
static size_t graph_components(const struct graph *g, size_t *comp)
{
    size_t n = g->n, counter = 0, ncomp = 0, sp = 0, cp = 0;
    size_t *index = xmalloc((n ? n : 1) * sizeof *index), *low = xmalloc((n ? n : 1) * sizeof *low);
    size_t *stack = xmalloc((n ? n : 1) * sizeof *stack);
    size_t *call = xmalloc((n ? n : 1) * sizeof *call), *pos = xmalloc((n ? n : 1) * sizeof *pos);
    bool *on = xcalloc(n ? n : 1, sizeof *on);
    for (size_t v = 0; v < n; v++)
        index[v] = UNSEEN;
    for (size_t s = 0; s < n; s++) {
        if (index[s] != UNSEEN)
            continue;
        index[s] = low[s] = counter++;
        stack[sp++] = s;
        on[s] = true;
        call[cp] = s;
        pos[cp++] = g->off[s];
        while (cp) {
            size_t v = call[cp - 1];
            if (pos[cp - 1] < g->off[v + 1]) {
                size_t w = g->adj[pos[cp - 1]++];
                if (index[w] == UNSEEN) {
                    index[w] = low[w] = counter++;
                    stack[sp++] = w;
                    on[w] = true;
                    call[cp] = w;
                    pos[cp++] = g->off[w];
                } else if (on[w] && index[w] < low[v]) {
                    low[v] = index[w];
                }
                continue;
            }
            cp--;
            if (cp && low[v] < low[call[cp - 1]])
                low[call[cp - 1]] = low[v];
            if (low[v] == index[v]) {
                size_t w;
                do {
                    w = stack[--sp];
                    on[w] = false;
                    comp[w] = ncomp;
                } while (w != v);
                ncomp++;
            }
        }
    }
    free(index), free(low), free(stack), free(call), free(pos), free(on);
    return ncomp;
}

/* The shortest way from start back to it inside its component, as
 * "a -> b -> a" (the first eight and the last named). */
static char *cycle_text(const struct graph *g, const size_t *comp, size_t start,
                        const struct collection *rs, size_t *prev, size_t *queue)
{
    size_t head = 0, tail = 0, last = UNSEEN;
    for (size_t k = g->off[start]; k < g->off[start + 1] && last == UNSEEN; k++) {
        size_t w = g->adj[k];
        if (w == start)
            continue;
        if (comp[w] == comp[start] && prev[w] == UNSEEN) {
            prev[w] = start;
            queue[tail++] = w;
        }
    }
    while (head < tail && last == UNSEEN) {
        size_t v = queue[head++];
        for (size_t k = g->off[v]; k < g->off[v + 1]; k++) {
            size_t w = g->adj[k];
            if (w == start) {
                last = v;
                break;
            }
            if (comp[w] == comp[start] && prev[w] == UNSEEN) {
                prev[w] = v;
                queue[tail++] = w;
            }
        }
    }
    size_t len = 0;
    for (size_t v = last; v != start && v != UNSEEN; v = prev[v])
        queue[len++] = v;      /* the way back, reversed; the queue is done with */
    struct strbuf sb = STRBUF_INIT;
    sb_adds(&sb, rs->r[start].id);
    size_t shown = len <= 8 ? len : 7;
    for (size_t k = 0; k < shown; k++)
        sb_printf(&sb, " -> %s", rs->r[queue[len - 1 - k]].id);
    if (shown < len)
        sb_printf(&sb, " -> ... (%zu more)", len - shown);
    sb_printf(&sb, " -> %s", rs->r[start].id);
    return sb_take(&sb);
}

/* A resource that depends on itself, or resources that depend on each
 * other in a cycle: one finding per cycle, at the first of them. */
static void cycle_rules(struct vctx *c)
{
    const struct collection *rs = &c->p->c[COLL_RESOURCES];
    int fd = RES_DEPENDS;
    if (!rs->n)
        return;
    c->at.coll = COLL_RESOURCES;
    struct graph g;
    graph_build(&g, rs, fd);
    size_t *comp = xmalloc(rs->n * sizeof *comp), *size = xcalloc(rs->n, sizeof *size);
    graph_components(&g, comp);
    for (size_t v = 0; v < rs->n; v++)
        size[comp[v]]++;
    size_t *prev = xmalloc(rs->n * sizeof *prev), *queue = xmalloc(rs->n * sizeof *queue);
    for (size_t v = 0; v < rs->n; v++)
        prev[v] = UNSEEN;
    bool *done = xcalloc(rs->n, sizeof *done);
    for (size_t v = 0; v < rs->n; v++) {
        const struct record *r = &rs->r[v];
        int line = value_line(r, &r->v[fd]);
        for (size_t k = g.off[v]; k < g.off[v + 1]; k++) {
            if (g.adj[k] == v) {
                add(c, DIAG_ERROR, line, v, fd, _("%s: %s ('depends') names itself"), r->id, _(rs->def->fields[fd].label));
                break;
            }
        }
        if (size[comp[v]] < 2 || done[comp[v]])
            continue;
        done[comp[v]] = true;  /* v is the first of its cycle in the file */
        char *path = cycle_text(&g, comp, v, rs, prev, queue);
        add(c, DIAG_ERROR, line, v, fd, _("%s: %s ('depends') makes a cycle: %s"), r->id, _(rs->def->fields[fd].label), path);
        free(path);
    }
    free(done), free(prev), free(queue), free(comp), free(size);
    free(g.off), free(g.adj);
}

void profile_findings(const struct profile *p, const struct library *lib, struct findings *out)
{
    struct vctx c = {p, lib, "profile.cfg", {DOC_PROFILE, 0, ITEM_HEAD, 0, FIELD_NONE}, out, NULL};
    record_rules(&c, &p->org, &profile_org_def, 0);
    for (int i = 0; i < COLL__COUNT; i++)
        collection_rules(&c, i, &p->c[i]);
    c.at.coll = ITEM_CRITERIA;
    record_rules(&c, &p->criteria, &profile_criteria_def, 0);
    scale_rules(&c, COLL_IMPACT, &p->c[COLL_IMPACT], p->criteria.line);
    scale_rules(&c, COLL_LIKELIHOOD, &p->c[COLL_LIKELIHOOD], p->criteria.line);
    c.at.coll = ITEM_CRITERIA;
    threshold_rules(&c, &p->criteria, &profile_criteria_def, CRIT_RULE, CRIT_THRESHOLD, "criteria");
    cycle_rules(&c);
    supplier_findings(p, out);
}

void checklist_findings(const struct checklist *cl, const struct library *lib, struct findings *out)
{
    struct profile none;
    profile_init(&none);
    struct vctx c = {&none, lib, "checklist.cfg", {DOC_CHECKLIST, 0, 0, 0, FIELD_NONE}, out, NULL};
    collection_rules(&c, 0, &cl->items);
    profile_free(&none);
}

/* --- rounds ------------------------------------------------------------------ */

/* A risk's levels lie on the profile's scales (below the field's own
 * range, 1..6, is the entry's rule; above it is said here, against the
 * scale). */
static void level_rules(struct vctx *c, const struct collection *risks)
{
    static const struct { int field, scale; } levels[] = {
        {RISK_INHERENT_IMPACT, COLL_IMPACT}, {RISK_INHERENT_LIKELIHOOD, COLL_LIKELIHOOD},
        {RISK_IMPACT, COLL_IMPACT}, {RISK_LIKELIHOOD, COLL_LIKELIHOOD},
    };
    c->at.coll = RC_RISKS;
    for (size_t k = 0; k < risks->n; k++) {
        const struct record *x = &risks->r[k];
        for (size_t i = 0; i < sizeof levels / sizeof *levels; i++) {
            int fi = levels[i].field;
            const struct field_def *f = &risks->def->fields[fi];
            const struct value *v = &x->v[fi];
            size_t n = c->p->c[levels[i].scale].n;
            if (!v->set || v->i < f->lo || !n)
                continue;
            if ((size_t)v->i <= n) {
                if (!scale_level(c->p, levels[i].scale, v->i) && scale_ok(n))
                    add(c, DIAG_ERROR, value_line(x, v), k, fi,
                        levels[i].scale == COLL_IMPACT ? _("%s: %s ('%s') is %lld, a level the impact scale does not have")
                                                       : _("%s: %s ('%s') is %lld, a level the likelihood scale does not have"),
                        x->id ? x->id : risks->def->key, _(f->label), f->key, v->i);
                continue;
            }
            add(c, DIAG_ERROR, value_line(x, v), k, fi,
                levels[i].scale == COLL_IMPACT ? _("%s: %s ('%s') is %lld, above the impact scale's top level %zu")
                                               : _("%s: %s ('%s') is %lld, above the likelihood scale's top level %zu"),
                x->id ? x->id : risks->def->key, _(f->label), f->key, v->i, n);
        }
    }
}

/* A sign-off names one of the five steps, and still vouches for its
 * step's data (its digest matches). */
static void signoff_rules(struct vctx *c, const struct round *r)
{
    const struct collection *so = &r->c[RC_SIGNOFFS];
    int fd = SO_DIGEST;
    c->at.coll = RC_SIGNOFFS;
    for (size_t k = 0; k < so->n; k++) {
        const struct record *x = &so->r[k];
        if (step_of_id(x->id) == STEP__COUNT)
            add(c, DIAG_ERROR, x->id_line > 0 ? x->id_line : x->line, k, FIELD_ID,
                _("signoffs: '%s' is not a step (prep, scope, assess, validate, review)"), x->id ? x->id : "");
        else if (signoff_stale(r, x))
            add(c, DIAG_WARNING, value_line(x, &x->v[fd]), k, fd,
                _("signoffs: the sign-off of %s ('%s') is stale: the step changed after it; sign it off again (by %s)"),
                _(step_name(step_of_id(x->id))), x->id, rec_str(x, SO_REVIEWER));
    }
}

/* An acceptance is of this round and of the value the risk has now. */
static void acceptance_rules(struct vctx *c, const struct round *r)
{
    const struct collection *risks = &r->c[RC_RISKS];
    int fr = RISK_ACCEPTED_ROUND, fv = RISK_ACCEPTED_VALUE;
    c->at.coll = RC_RISKS;
    for (size_t k = 0; k < risks->n; k++) {
        const struct record *x = &risks->r[k];
        const char *id = x->id ? x->id : "";
        long long lo, hi;
        const struct field_def *f = &risks->def->fields[fv];
        /* (a stale acceptance is said below: once) */
        if (field_out_of_range(risks->def, fv, x, r, c->p, &lo, &hi) && x->v[fv].i >= f->lo && x->v[fv].i <= f->hi
            && !risk_acceptance_stale(r, x))
            add(c, DIAG_ERROR, value_line(x, &x->v[fv]), k, fv,
                _("risks: '%s': %s ('%s') is %lld, above the highest risk value %lld"), id, _(f->label), f->key,
                x->v[fv].i, hi);
        if (risk_acceptance_carried(r, x))
            add(c, DIAG_WARNING, value_line(x, &x->v[fr]), k, fr,
                _("risks: '%s' was accepted in round %s: confirm the acceptance in this round (choose accept again)"),
                id, x->v[fr].s);
        else if (risk_acceptance_stale(r, x))
            add(c, DIAG_WARNING, value_line(x, &x->v[fv]), k, fv,
                _("risks: '%s' was accepted at the value %lld and is now %lld: the acceptance is stale (choose accept again)"),
                id, x->v[fv].i, risk_residual(r, x));
    }
}

/* A closed round is as it was closed: a change since was made outside
 * kijun (in an editor), which no sign-off or reopening records. */
static void closed_rules(struct vctx *c, const struct round *r)
{
    const struct collection *cl = &r->c[RC_CLOSED], *ro = &r->c[RC_REOPENED];
    if (ro->n > cl->n) {
        c->at.coll = RC_REOPENED;
        add(c, DIAG_ERROR, ro->r[ro->n - 1].line, ro->n - 1, FIELD_NONE,
            _("reopened: %zu reopenings but %zu closings: the history was changed outside kijun"), ro->n, cl->n);
    }
    if (!round_changed_outside(r))
        return;
    size_t k = cl->n - 1;
    int fd = CLOSED_DIGEST;
    c->at.coll = RC_CLOSED;
    add(c, DIAG_ERROR, value_line(&cl->r[k], &cl->r[k].v[fd]), k, fd,
        _("closed: changed outside kijun since it was closed on %s: it no longer matches its closing (reopen it to record why)"),
        round_closed_on(r));
}

/* The round it is compared with is another round of the workspace. */
static void previous_rules(struct vctx *c, const struct round *r, const struct round *rounds, size_t n)
{
    int fp = HEAD_PREVIOUS;
    const struct value *v = &r->head.v[fp];
    if (!rounds || value_empty(&round_head_def.fields[fp], v))
        return;
    for (size_t i = 0; i < n; i++)
        if (&rounds[i] != r && strcmp(rounds[i].name, v->s) == 0)
            return;
    c->at.coll = ITEM_HEAD;
    add(c, DIAG_ERROR, value_line(&r->head, v), 0, fp,
        _("round: %s ('previous') names '%s', which is no other round of the workspace"), _(round_head_def.fields[HEAD_PREVIOUS].label), v->s);
}

void round_findings(const struct round *r, size_t ri, const struct profile *p,
                    const struct round *rounds, size_t n, const struct library *lib,
                    struct findings *out)
{
    char *file = round_file(r);
    struct vctx c = {p, lib, file, {DOC_ROUND, ri, ITEM_HEAD, 0, FIELD_NONE}, out, r};
    record_rules(&c, &r->head, &round_head_def, 0);
    c.at.coll = ITEM_HEAD;
    threshold_rules(&c, &r->head, &round_head_def, HEAD_RULE, HEAD_THRESHOLD, "round");
    previous_rules(&c, r, rounds, n);
    for (int i = 0; i < RC__COUNT; i++)
        collection_rules(&c, i, &r->c[i]);
    level_rules(&c, &r->c[RC_RISKS]);
    signoff_rules(&c, r);
    acceptance_rules(&c, r);
    closed_rules(&c, r);
    free(file);
}

void workspace_validate_progress(const struct profile *p, const struct checklist *cl,
                                 const struct round *rounds, size_t n, const struct library *lib,
                                 struct findings *out, validate_progress_fn progress, void *ctx)
{
    if (progress)
        progress(ctx, 0, n + 2);
    profile_findings(p, lib, out);
    if (progress)
        progress(ctx, 1, n + 2);
    if (cl)
        checklist_findings(cl, lib, out);
    for (size_t i = 0; i < n; i++) {
        if (progress)
            progress(ctx, i + 2, n + 2);
        round_findings(&rounds[i], i, p, rounds, n, lib, out);
    }
}

void workspace_validate(const struct profile *p, const struct checklist *cl,
                        const struct round *rounds, size_t n, const struct library *lib,
                        struct findings *out)
{
    workspace_validate_progress(p, cl, rounds, n, lib, out, NULL, NULL);
}

/* --- the same rules as diagnostics of one file ------------------------------- */

void profile_check(const struct profile *p, const struct library *lib, const char *file,
                   struct diag_list *dl)
{
    struct findings f = {0};
    profile_findings(p, lib, &f);
    findings_to_diags(&f, NULL, file, dl);
    findings_free(&f);
}

void checklist_check(const struct checklist *c, const struct library *lib, const char *file,
                     struct diag_list *dl)
{
    struct findings f = {0};
    checklist_findings(c, lib, &f);
    findings_to_diags(&f, NULL, file, dl);
    findings_free(&f);
}

void round_check(const struct round *r, const struct profile *p, const struct library *lib,
                 const char *file, struct diag_list *dl)
{
    struct findings f = {0};
    round_findings(r, 0, p, NULL, 0, lib, &f);
    findings_to_diags(&f, NULL, file, dl);
    findings_free(&f);
}
