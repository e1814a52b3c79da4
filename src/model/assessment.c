/* assessment: a round of the Handbook's five-step risk assessment. */
#include "config.h"
#include "model/assessment.h"
#include "model/snapshot.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N(a) (sizeof(a) / sizeof *(a))

static const char *const rule_values[] = {"product", "sum", NULL};
static const char *const decision_values[] = {"mitigate", "accept", "avoid", "transfer", NULL};
static const char *const trigger_values[] = {"incident", "organisation", "threat", "scheduled", NULL};

FIELD_TABLE(head_fields, HEAD_FIELDS, HEAD__N);
FIELD_TABLE(risk_fields, RISK_FIELDS, RISK__N);
FIELD_TABLE(clear_fields, CLEAR_FIELDS, CLEAR__N);
FIELD_TABLE(signoff_fields, SO_FIELDS, SO__N);
FIELD_TABLE(review_fields, REV_FIELDS, REV__N);
FIELD_TABLE(seen_service_fields, SEENSVC_FIELDS, SEENSVC__N);
FIELD_TABLE(seen_resource_fields, SEENRES_FIELDS, SEENRES__N);
FIELD_TABLE(reopened_fields, REOPEN_FIELDS, REOPEN__N);
FIELD_TABLE(closed_fields, CLOSED_FIELDS, CLOSED__N);

const struct coll_def round_head_def = {"round", N_("Round"), "", head_fields, N(head_fields), false, NULL, -1};
static const struct coll_def risks_def = {"risks", N_("Risk register"), "risk-", risk_fields, N(risk_fields), true, NULL, RISK_TITLE};
static const struct coll_def clear_def = {"clear", N_("Resources without risk"), "", clear_fields, N(clear_fields), true, "resources", -1};
static const struct coll_def signoffs_def = {"signoffs", N_("Sign-offs"), "", signoff_fields, N(signoff_fields), true, NULL, -1};
static const struct coll_def reviews_def = {"reviews", N_("Review log"), "review-", review_fields, N(review_fields), true, NULL, -1};
static const struct coll_def reopened_def = {"reopened", N_("Reopenings"), "reopen-", reopened_fields, N(reopened_fields), true, NULL, -1};
static const struct coll_def closed_def = {"closed", N_("Closings"), "closed-", closed_fields, N(closed_fields), true, NULL, -1};

static const struct coll_def seen_services_def = {"assessed_services", N_("Services as assessed"), "", seen_service_fields, N(seen_service_fields), true, NULL, SEENSVC_NAME};
static const struct coll_def seen_resources_def = {"assessed_resources", N_("Resources as assessed"), "", seen_resource_fields, N(seen_resource_fields), true, NULL, SEENRES_NAME};

const struct coll_def *const round_coll_defs[RC__COUNT] = {&risks_def, &clear_def, &signoffs_def, &reviews_def,
                                                           &reopened_def, &closed_def,
                                                           &seen_services_def, &seen_resources_def};

bool coll_reorderable(const struct coll_def *def)
{
    return def && def != &signoffs_def && def != &reviews_def && def != &reopened_def && def != &closed_def;
}

void round_init(struct round *r, const char *name)
{
    memset(r, 0, sizeof *r);
    r->name = xstrdup(name ? name : "");
    record_init(&r->head, &round_head_def);
    for (int i = 0; i < RC__COUNT; i++)
        r->c[i].def = round_coll_defs[i];
}

void round_free(struct round *r)
{
    free(r->name);
    record_free(&r->head, &round_head_def);
    for (int i = 0; i < RC__COUNT; i++)
        coll_free(&r->c[i]);
    strlist_free(&r->kept);
    memset(r, 0, sizeof *r);
}

void round_copy(struct round *dst, const struct round *src, const char *name)
{
    memset(dst, 0, sizeof *dst);
    dst->name = xstrdup(name ? name : src->name);
    record_copy(&dst->head, &src->head, &round_head_def);
    for (int i = 0; i < RC__COUNT; i++) {
        dst->c[i].def = round_coll_defs[i];
        for (size_t k = 0; k < src->c[i].n; k++) {
            struct record rec;
            record_copy(&rec, &src->c[i].r[k], round_coll_defs[i]);
            coll_add(&dst->c[i], &rec);
        }
    }
    strlist_copy(&dst->kept, &src->kept);
}

bool round_equal(const struct round *a, const struct round *b)
{
    if (!record_equal(&a->head, &b->head, &round_head_def))
        return false;
    for (int i = 0; i < RC__COUNT; i++) {
        if (a->c[i].n != b->c[i].n)
            return false;
        for (size_t k = 0; k < a->c[i].n; k++)
            if (!record_equal(&a->c[i].r[k], &b->c[i].r[k], round_coll_defs[i]))
                return false;
    }
    return true;
}

static const char *const step_ids[STEP__COUNT] = {"prep", "scope", "assess", "validate", "review"};
static const char *const step_names[STEP__COUNT] = {
    N_("Preparation"), N_("Scoping"), N_("Assessment"), N_("Validation"), N_("Review"),
};

const char *step_id(enum step s) { return step_ids[s]; }
const char *step_name(enum step s) { return step_names[s]; }

/* --- scoring ------------------------------------------------------------ */

long long round_value(const struct round *r, long long impact, long long likelihood)
{
    const char *rule = rec_str(&r->head, HEAD_RULE);
    return strcmp(rule, "sum") == 0 ? impact + likelihood : impact * likelihood;
}

const char *rule_operator(const char *rule)
{
    return rule && strcmp(rule, "sum") == 0 ? "+" : "x";
}

const char *round_operator(const struct round *r)
{
    return rule_operator(rec_str(&r->head, HEAD_RULE));
}

long long round_max(const struct round *r, const struct profile *p)
{
    return round_value(r, (long long)p->c[COLL_IMPACT].n, (long long)p->c[COLL_LIKELIHOOD].n);
}

long long round_threshold(const struct round *r)
{
    return rec_int(&r->head, HEAD_THRESHOLD, 0);
}

static long long level(const struct record *risk, int field)
{
    return rec_int(risk, field, 0);
}

long long risk_residual(const struct round *r, const struct record *risk)
{
    long long i = level(risk, RISK_IMPACT), l = level(risk, RISK_LIKELIHOOD);
    return i && l ? round_value(r, i, l) : 0;
}

long long risk_inherent(const struct round *r, const struct record *risk)
{
    long long i = level(risk, RISK_INHERENT_IMPACT), l = level(risk, RISK_INHERENT_LIKELIHOOD);
    return i && l ? round_value(r, i, l) : 0;
}

void band_bounds(long long threshold, long long max, long long lowest[BAND__COUNT])
{
    lowest[BAND_NONE] = 0;
    lowest[BAND_LOW] = 1;
    lowest[BAND_MEDIUM] = (threshold + 1) / 2;     /* value * 2 >= threshold */
    lowest[BAND_HIGH] = threshold;
    lowest[BAND_VERY_HIGH] = threshold + (max - threshold + 1) / 2;
}

enum band band_of(long long value, long long threshold, long long max)
{
    if (value <= 0 || threshold <= 0)
        return BAND_NONE;
    long long lowest[BAND__COUNT];
    band_bounds(threshold, max, lowest);
    int b = BAND_VERY_HIGH;
    while (b > BAND_LOW && value < lowest[b])
        b--;
    return (enum band)b;
}

char band_letter(enum band b)
{
    static const char letters[BAND__COUNT] = {'-', 'L', 'M', 'H', 'V'};
    return letters[b];
}

const char *band_name(enum band b)
{
    static const char *const names[BAND__COUNT] = {
        N_("not rated"), N_("low"), N_("medium"), N_("high"), N_("very high"),
    };
    return names[b];
}

enum band risk_band(const struct round *r, const struct profile *p, const struct record *risk)
{
    return band_of(risk_residual(r, risk), round_threshold(r), round_max(r, p));
}

bool risk_over_threshold(const struct round *r, const struct record *risk)
{
    long long t = round_threshold(r);
    return t > 0 && risk_residual(r, risk) >= t;
}

bool risk_overdue(const struct record *risk, const char *today)
{
    const char *due = rec_str(risk, RISK_DUE);
    const char *decision = rec_str(risk, RISK_DECISION);
    return date_valid(due) && today && strcmp(decision, "accept") != 0 && strcmp(due, today) < 0;
}

/* --- comparison, heat map, register ---------------------------------------- */

size_t round_compare(const struct round *now, const struct round *before, struct diff **out)
{
    struct diff *v = NULL;
    size_t n = 0, cap = 0;
    const struct collection *a = &now->c[RC_RISKS], *b = &before->c[RC_RISKS];
    for (size_t i = 0; i < a->n; i++) {
        const struct record *x = &a->r[i];
        const struct record *y = x->id ? coll_find(b, x->id) : NULL;
        long long vn = risk_residual(now, x), vb = y ? risk_residual(before, y) : 0;
        if (y && vn == vb)
            continue;
        v = xgrow(v, &cap, n + 1, sizeof *v);
        v[n++] = (struct diff){!y ? DIFF_ADDED : vn > vb ? DIFF_ROSE : DIFF_FELL, x, y, vn, vb};
    }
    for (size_t i = 0; i < b->n; i++) {
        const struct record *y = &b->r[i];
        if (y->id && coll_find(a, y->id))
            continue;
        v = xgrow(v, &cap, n + 1, sizeof *v);
        v[n++] = (struct diff){DIFF_REMOVED, NULL, y, 0, risk_residual(before, y)};
    }
    *out = v;
    return n;
}

void round_heatmap(const struct round *r, const struct profile *p, size_t *counts)
{
    size_t ni = p->c[COLL_IMPACT].n, nl = p->c[COLL_LIKELIHOOD].n;
    memset(counts, 0, ni * nl * sizeof *counts);
    for (size_t k = 0; k < r->c[RC_RISKS].n; k++) {
        const struct record *x = &r->c[RC_RISKS].r[k];
        long long im = level(x, RISK_IMPACT), li = level(x, RISK_LIKELIHOOD);
        if (im >= 1 && li >= 1 && (size_t)im <= ni && (size_t)li <= nl)
            counts[(size_t)(im - 1) * nl + (size_t)(li - 1)]++;
    }
}

static bool contains_fold(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++) {
        size_t i = 0;
        while (i < n && hay[i]) {
            char a = hay[i], b = needle[i];
            if (a >= 'A' && a <= 'Z') a += 32;
            if (b >= 'A' && b <= 'Z') b += 32;
            if (a != b)
                break;
            i++;
        }
        if (i == n)
            return true;
    }
    return n == 0;
}

static bool passes(const struct round *r, const struct profile *p, const struct record *x,
                   const struct risk_filter *f)
{
    if (!f)
        return true;
    if (f->band != BAND_NONE && risk_band(r, p, x) != f->band)
        return false;
    if (f->decision && strcmp(rec_str(x, RISK_DECISION), f->decision) != 0)
        return false;
    if (f->owner && strcmp(rec_str(x, RISK_OWNER), f->owner) != 0)
        return false;
    if (f->impact && level(x, RISK_IMPACT) != f->impact)
        return false;
    if (f->likelihood && level(x, RISK_LIKELIHOOD) != f->likelihood)
        return false;
    if (f->text && *f->text) {
        static const int fields[] = {RISK_TITLE, RISK_SCENARIO, RISK_CONTROLS, RISK_MEASURES, RISK_OWNER};
        bool any = false;
        for (size_t i = 0; i < N(fields) && !any; i++)
            any = contains_fold(rec_str(x, fields[i]), f->text);
        if (!any)
            return false;
    }
    return true;
}

/* qsort has no context argument: the comparison reads these. */
static const struct round *sort_round;
static const struct profile *sort_profile;
static enum risk_sort sort_key;

static int cmp_risk(const void *pa, const void *pb)
{
    size_t ia = *(const size_t *)pa, ib = *(const size_t *)pb;
    const struct record *a = &sort_round->c[RC_RISKS].r[ia], *b = &sort_round->c[RC_RISKS].r[ib];
    int c = 0;
    switch (sort_key) {
    case SORT_RESIDUAL: {
        long long va = risk_residual(sort_round, a), vb = risk_residual(sort_round, b);
        c = va == vb ? 0 : va > vb ? -1 : 1;
        break;
    }
    case SORT_SERVICE:
        c = strcmp(round_ref_name(sort_round, sort_profile, "services", rec_str(a, RISK_SERVICE), NULL),
                   round_ref_name(sort_round, sort_profile, "services", rec_str(b, RISK_SERVICE), NULL));
        break;
    case SORT_OWNER:
        c = strcmp(rec_str(a, RISK_OWNER), rec_str(b, RISK_OWNER));
        break;
    case SORT_DUE: {
        const char *da = rec_str(a, RISK_DUE), *db = rec_str(b, RISK_DUE);
        c = !*da == !*db ? strcmp(da, db) : *da ? -1 : 1; /* no date last */
        break;
    }
    default:
        break;
    }
    if (!c && sort_key != SORT_RESIDUAL) { /* within a service, owner or date: by value, highest first */
        long long va = risk_residual(sort_round, a), vb = risk_residual(sort_round, b);
        c = va == vb ? 0 : va > vb ? -1 : 1;
    }
    if (!c && sort_key != SORT_RESIDUAL) /* then by title (by value: as the file has them) */
        c = strcmp(rec_str(a, RISK_TITLE), rec_str(b, RISK_TITLE));
    return c ? c : (ia < ib ? -1 : ia > ib);
}

size_t round_register(const struct round *r, const struct profile *p, enum risk_sort sort,
                      const struct risk_filter *f, size_t *out)
{
    size_t n = 0;
    for (size_t k = 0; k < r->c[RC_RISKS].n; k++)
        if (passes(r, p, &r->c[RC_RISKS].r[k], f))
            out[n++] = k;
    sort_round = r;
    sort_profile = p;
    sort_key = sort;
    qsort(out, n, sizeof *out, cmp_risk);
    return n;
}

const char *sort_name(enum risk_sort s)
{
    static const char *const names[SORT__COUNT] = {
        N_("residual value"), N_("service"), N_("owner"), N_("due date"),
    };
    return names[s];
}
