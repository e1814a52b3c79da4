/* steps: the automatic checks of a round's five steps, the workbench's
 * validation. The rules of model/validate.c run here too: each finding
 * about the round or the profile it rests on fails a check of the step it
 * belongs to, so that the workbench and kijun check tell the same truth.
 * Pure, no I/O. */
#include "config.h"
#include "model/assessment.h"
#include "model/snapshot.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N(a) (sizeof(a) / sizeof *(a))

static void add_check(struct checks *c, enum step s, bool ok, int coll, size_t index,
                      const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void add_check(struct checks *c, enum step s, bool ok, int coll, size_t index,
                      const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    c->v = xgrow(c->v, &c->cap, c->n + 1, sizeof *c->v);
    c->v[c->n++] = (struct check){s, ok, xstrdup(buf), coll, index, CHECK_NO_FINDING};
}

void checks_free(struct checks *c)
{
    for (size_t i = 0; i < c->n; i++)
        free(c->v[i].text);
    free(c->v);
    findings_free(&c->found);
    memset(c, 0, sizeof *c);
}

const char *round_today(const struct round *rounds, size_t n, const struct round *r,
                        const char *today)
{
    for (size_t i = 0; i < n; i++)
        if (&rounds[i] != r && strcmp(rec_str(&rounds[i].head, HEAD_PREVIOUS), r->name) == 0)
            return NULL;
    return today;
}

/* --- the findings in the steps ------------------------------------------------ */

/* What round_validate works on. */
struct vstate {
    const struct round *r;
    const struct profile *p;
    struct checks *out;
    size_t from;               /* the first finding of this validation in out->found */
    bool *placed;              /* per finding from there: a check shows it */
    size_t *risk_first, *next; /* the findings of each risk, chained (from `from` on) */
};

static bool head_field(const struct finding *f, int field)
{
    return f->at.doc == DOC_ROUND && f->at.coll == ITEM_HEAD && f->at.field == field;
}

/* The step a finding belongs to: the criteria, the organisation and its
 * roles prepare; services, operations and resources (suppliers among them) are the
 * scope; risks are assessed; sign-offs validate; the review looks ahead. */
static enum step finding_step(const struct vstate *st, const struct finding *f)
{
    if (f->at.doc == DOC_PROFILE) {
        switch (f->at.coll) {
        case COLL_SERVICES: case COLL_OPERATIONS: case COLL_RESOURCES:
            return STEP_SCOPE;
        default:
            return STEP_PREP;
        }
    }
    switch (f->at.coll) {
    case RC_RISKS: case RC_CLEAR: return STEP_ASSESS;
    case RC_REVIEWS: return STEP_REVIEW;
    case RC_REOPENED: case RC_CLOSED: return STEP_VALIDATE; /* the closing vouches for it all */
    case RC_SIGNOFFS: {
        const struct collection *so = &st->r->c[RC_SIGNOFFS];
        const char *id = f->at.index < so->n ? so->r[f->at.index].id : NULL;
        return id && strcmp(id, step_id(STEP_REVIEW)) == 0 ? STEP_REVIEW : STEP_VALIDATE;
    }
    default:
        if (head_field(f, HEAD_SERVICES) || head_field(f, HEAD_RESOURCES))
            return STEP_SCOPE;
        return head_field(f, HEAD_NEXT_REVIEW) || head_field(f, HEAD_PREVIOUS) ? STEP_REVIEW : STEP_PREP;
    }
}

typedef bool match_fn(const struct vstate *st, const struct finding *f, const void *arg);

/* Finding i becomes a failed check of step s, "FILE:LINE: text". */
static void place_one(struct vstate *st, enum step s, size_t i)
{
    const struct finding *f = &st->out->found.v[i];
    bool here = f->at.doc == DOC_ROUND && f->at.coll >= 0;
    st->placed[i - st->from] = true;
    if (f->line > 0)
        add_check(st->out, s, false, here ? f->at.coll : -1, here ? f->at.index : 0, "%s:%d: %s",
                  f->file, f->line, f->text);
    else
        add_check(st->out, s, false, here ? f->at.coll : -1, here ? f->at.index : 0, "%s: %s",
                  f->file, f->text);
    st->out->v[st->out->n - 1].finding = i;
}

/* Each finding not shown yet that match() takes becomes a failed check
 * of step s; returns how many. */
static size_t place(struct vstate *st, enum step s, match_fn *match, const void *arg)
{
    struct findings *fs = &st->out->found;
    size_t n = 0;
    for (size_t i = st->from; i < fs->n; i++)
        if (!st->placed[i - st->from] && match(st, &fs->v[i], arg))
            place_one(st, s, i), n++;
    return n;
}

static bool in_step(const struct vstate *st, const struct finding *f, const void *arg)
{
    return finding_step(st, f) == *(const enum step *)arg;
}

static bool on_head_field(const struct vstate *st, const struct finding *f, const void *arg)
{
    (void)st;
    return head_field(f, *(const int *)arg);
}

static bool on_criteria(const struct vstate *st, const struct finding *f, const void *arg)
{
    (void)st, (void)arg;
    if (f->at.doc == DOC_PROFILE)
        return f->at.coll == ITEM_CRITERIA || f->at.coll == COLL_IMPACT || f->at.coll == COLL_LIKELIHOOD;
    return head_field(f, HEAD_RULE) || head_field(f, HEAD_THRESHOLD);
}

/* The findings of risk k, by their chain (a round may have 10,000 risks). */
static size_t place_risk(struct vstate *st, size_t k)
{
    size_t n = 0;
    for (size_t i = st->risk_first[k]; i != CHECK_NO_FINDING; i = st->next[i - st->from])
        if (!st->placed[i - st->from])
            place_one(st, STEP_ASSESS, i), n++;
    return n;
}

static void chain_risks(struct vstate *st)
{
    const struct findings *fs = &st->out->found;
    size_t nr = st->r->c[RC_RISKS].n, *last = xcalloc(nr + 1, sizeof *last);
    st->risk_first = xcalloc(nr + 1, sizeof *st->risk_first);
    st->next = xcalloc(fs->n - st->from + 1, sizeof *st->next);
    for (size_t k = 0; k < nr; k++)
        st->risk_first[k] = last[k] = CHECK_NO_FINDING;
    for (size_t i = st->from; i < fs->n; i++) {
        const struct item *at = &fs->v[i].at;
        st->next[i - st->from] = CHECK_NO_FINDING;
        if (at->doc != DOC_ROUND || at->coll != RC_RISKS || at->index >= nr)
            continue;
        if (last[at->index] == CHECK_NO_FINDING)
            st->risk_first[at->index] = i;
        else
            st->next[last[at->index] - st->from] = i;
        last[at->index] = i;
    }
    free(last);
}

/* The findings of the step not shown by one of its checks. */
static void place_rest(struct vstate *st, enum step s)
{
    place(st, s, in_step, &s);
}

/* --- the checks of each step ------------------------------------------------ */

static const char *name_of(const struct profile *p, int coll, const char *id)
{
    const struct record *r = coll_find(&p->c[coll], id);
    const char *n = r ? rec_str(r, profile_coll_defs[coll]->name_field) : "";
    return *n ? n : id;
}

static bool head_set(const struct round *r, int i)
{
    return !value_empty(&round_head_def.fields[i], &r->head.v[i]);
}

static void validate_prep(struct vstate *st)
{
    static const struct { int field; const char *what; } need[] = {
        {HEAD_DATE, N_("the round has a date")},
        {HEAD_PURPOSE, N_("the purpose is written down")},
        {HEAD_SCOPE, N_("the scope is described")},
        {HEAD_TEAM, N_("the team and its roles are named")},
        {HEAD_SCHEDULE, N_("the schedule is set")},
        {HEAD_SOURCES, N_("the sources used are listed")},
    };
    const struct round *r = st->r;
    for (size_t i = 0; i < N(need); i++)
        if (!place(st, STEP_PREP, on_head_field, &need[i].field))
            add_check(st->out, STEP_PREP, head_set(r, need[i].field), -1, 0, "%s", _(need[i].what));
    if (!place(st, STEP_PREP, on_criteria, NULL)) {
        long long lo, hi;
        risk_value_range(rec_str(&r->head, HEAD_RULE), st->p->c[COLL_IMPACT].n,
                         st->p->c[COLL_LIKELIHOOD].n, &lo, &hi);
        add_check(st->out, STEP_PREP, true, -1, 0,
                  _("the risk criteria are set (scales of 3-6 levels, threshold %lld within %lld..%lld)"),
                  round_threshold(r), lo, hi);
    }
    place_rest(st, STEP_PREP);
}

static void validate_scope(struct vstate *st)
{
    const struct round *r = st->r;
    const struct profile *p = st->p;
    const struct value *sv = &r->head.v[HEAD_SERVICES], *rv = &r->head.v[HEAD_RESOURCES];
    add_check(st->out, STEP_SCOPE, sv->list.n > 0, -1, 0, "%s", _("at least one priority service is in scope"));
    for (size_t i = 0; i < sv->list.n; i++) {
        const char *id = sv->list.v[i];
        if (coll_find(&p->c[COLL_SERVICES], id)) /* else a finding says so */
            add_check(st->out, STEP_SCOPE, service_operation_count(p, id) > 0, -1, 0,
                      _("service \"%s\" has business operations"), name_of(p, COLL_SERVICES, id));
    }
    add_check(st->out, STEP_SCOPE, rv->list.n > 0, -1, 0, "%s", _("the resources to assess are in scope"));
    place_rest(st, STEP_SCOPE);
}

static void validate_risk(struct vstate *st, size_t k, const char *today)
{
    const struct round *r = st->r;
    const struct record *x = &r->c[RC_RISKS].r[k];
    const char *title = rec_str(x, RISK_TITLE);
    if (!place_risk(st, k))
        add_check(st->out, STEP_ASSESS, true, RC_RISKS, k,
                  _("\"%s\": valid fields (levels 1-%zu x 1-%zu, dates, references)"), title,
                  st->p->c[COLL_IMPACT].n, st->p->c[COLL_LIKELIHOOD].n);
    if (!strlist_has(&r->head.v[HEAD_SERVICES].list, rec_str(x, RISK_SERVICE)))
        add_check(st->out, STEP_ASSESS, false, RC_RISKS, k, _("\"%s\": the service it threatens is not in scope"), title);
    if (risk_inherent(r, x) && risk_residual(r, x) > risk_inherent(r, x))
        add_check(st->out, STEP_ASSESS, false, RC_RISKS, k, _("\"%s\": the residual value is above the inherent one"), title);
    if (!risk_over_threshold(r, x))
        return;
    const char *decision = rec_str(x, RISK_DECISION);
    bool accepted = strcmp(decision, "accept") == 0;
    const struct coll_def *rd = round_coll_defs[RC_RISKS];
    bool complete = *decision && rec_has(x, rd, RISK_OWNER) && (accepted || rec_has(x, rd, RISK_DUE));
    add_check(st->out, STEP_ASSESS, complete, RC_RISKS, k,
              _("\"%s\" (%lld of %lld, at or above the threshold) has a decision, an owner and a due date"),
              title, risk_residual(r, x), round_max(r, st->p));
    if (accepted)
        add_check(st->out, STEP_ASSESS, rec_has(x, rd, RISK_ACCEPTED_BY) && rec_has(x, rd, RISK_ACCEPTED_ON),
                  RC_RISKS, k, _("\"%s\" is accepted at or above the threshold: who accepted it and when is recorded"), title);
    if (risk_overdue(x, today))
        add_check(st->out, STEP_ASSESS, false, RC_RISKS, k, _("\"%s\": the measures were due on %s"),
                  title, rec_str(x, RISK_DUE));
}

static void validate_assess(struct vstate *st, const char *today)
{
    const struct round *r = st->r;
    const struct value *rv = &r->head.v[HEAD_RESOURCES];
    const struct collection *risks = &r->c[RC_RISKS], *clear = &r->c[RC_CLEAR];
    for (size_t i = 0; i < rv->list.n; i++) {
        const char *id = rv->list.v[i];
        size_t first = (size_t)-1;
        for (size_t k = 0; k < risks->n && first == (size_t)-1; k++)
            if (strcmp(rec_str(&risks->r[k], RISK_RESOURCE), id) == 0)
                first = k;
        bool cleared = coll_find(clear, id) != NULL, gone;
        struct strbuf name = STRBUF_INIT; /* as assessed, marked, when the profile has it no more */
        sb_adds(&name, round_ref_name(r, st->p, "resources", id, &gone));
        if (gone)
            sb_printf(&name, " %s", _("(removed from profile)"));
        add_check(st->out, STEP_ASSESS, first != (size_t)-1 || cleared, first != (size_t)-1 ? RC_RISKS : -1,
                  first != (size_t)-1 ? first : 0,
                  _("resource \"%s\" has a risk assessed or a \"no risk\" note"), sb_str(&name));
        sb_free(&name);
    }
    if (!rv->list.n && !risks->n) /* nothing to assess is not "done" */
        add_check(st->out, STEP_ASSESS, false, -1, 0, "%s",
                  _("no risk is assessed yet: no resource is in scope, the register is empty"));
    for (size_t k = 0; k < risks->n; k++)
        validate_risk(st, k, today);
    place_rest(st, STEP_ASSESS);
}

static bool step_clean(const struct checks *c, enum step s)
{
    for (size_t i = 0; i < c->n; i++)
        if (c->v[i].step == s && !c->v[i].ok)
            return false;
    return true;
}

static void validate_signoffs(struct vstate *st)
{
    struct checks *out = st->out;
    bool clean = step_clean(out, STEP_PREP) && step_clean(out, STEP_SCOPE) && step_clean(out, STEP_ASSESS);
    add_check(out, STEP_VALIDATE, clean, -1, 0, "%s", _("the automatic checks of steps 1-3 pass"));
    for (int s = STEP_PREP; s <= STEP_ASSESS; s++) {
        const struct record *so = coll_find(&st->r->c[RC_SIGNOFFS], step_id((enum step)s));
        add_check(out, STEP_VALIDATE, so != NULL, RC_SIGNOFFS, 0, _("a reviewer signed off %s"), _(step_name((enum step)s)));
    }
    place_rest(st, STEP_VALIDATE);
}

static void validate_review(struct vstate *st, const char *today)
{
    const struct round *r = st->r;
    const char *next = rec_str(&r->head, HEAD_NEXT_REVIEW);
    static const int next_field = HEAD_NEXT_REVIEW;
    if (!place(st, STEP_REVIEW, on_head_field, &next_field)) {
        add_check(st->out, STEP_REVIEW, *next, -1, 0, "%s", _("the next review date is set"));
        if (*next && today)
            add_check(st->out, STEP_REVIEW, strcmp(next, today) >= 0, -1, 0, _("the next review (%s) has not passed"), next);
    }
    add_check(st->out, STEP_REVIEW, r->c[RC_REVIEWS].n > 0, RC_REVIEWS, 0, "%s", _("the review log has an entry"));
    const struct record *so = coll_find(&r->c[RC_SIGNOFFS], "review");
    add_check(st->out, STEP_REVIEW, so != NULL, RC_SIGNOFFS, 0, _("a reviewer signed off %s"), _(step_name(STEP_REVIEW)));
    place_rest(st, STEP_REVIEW);
}

void round_validate(const struct round *rounds, size_t n, size_t ri, const struct profile *p,
                    const struct library *lib, const char *today, struct checks *out)
{
    round_validate_with(rounds, n, ri, p, NULL, lib, today, out);
}

void round_validate_with(const struct round *rounds, size_t n, size_t ri, const struct profile *p,
                         const struct findings *pf, const struct library *lib, const char *today,
                         struct checks *out)
{
    const struct round *r = &rounds[ri];
    today = round_today(rounds, n, r, today);
    size_t from = out->found.n;
    if (!pf)
        profile_findings(p, lib, &out->found);
    for (size_t i = 0; pf && i < pf->n; i++) {
        struct findings *f = &out->found;
        f->v = xgrow(f->v, &f->cap, f->n + 1, sizeof *f->v);
        f->v[f->n] = pf->v[i];
        f->v[f->n].file = xstrdup(pf->v[i].file);
        f->v[f->n++].text = xstrdup(pf->v[i].text);
    }
    round_findings(r, ri, p, rounds, n, lib, &out->found);
    struct vstate st = {r, p, out, from, xcalloc(out->found.n - from + 1, sizeof *st.placed), NULL, NULL};
    chain_risks(&st);
    validate_prep(&st);
    validate_scope(&st);
    validate_assess(&st, today);
    validate_signoffs(&st);
    validate_review(&st, today);
    free(st.placed);
    free(st.risk_first);
    free(st.next);
}

void step_progress(const struct checks *c, enum step s, size_t *done, size_t *total)
{
    *done = *total = 0;
    for (size_t i = 0; i < c->n; i++) {
        if (c->v[i].step != s)
            continue;
        (*total)++;
        *done += c->v[i].ok;
    }
}

enum step next_step(const struct checks *c, const struct check **why)
{
    for (int s = 0; s < STEP__COUNT; s++) {
        for (size_t i = 0; i < c->n; i++) {
            if (c->v[i].step == (enum step)s && !c->v[i].ok) {
                if (why)
                    *why = &c->v[i];
                return (enum step)s;
            }
        }
    }
    if (why)
        *why = NULL;
    return STEP__COUNT;
}
