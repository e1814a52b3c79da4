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
#define STR(k, l, h, req) {k, F_STRING, l, h, req, 0, 0, NULL, NULL}
#define DATE(k, l, h, req) {k, F_DATE, l, h, req, 0, 0, NULL, NULL}
#define LEVEL(k, l, h, req) {k, F_INT, l, h, req, 1, 6, NULL, NULL}

static const char *const rule_values[] = {"product", "sum", NULL};
static const char *const decision_values[] = {"mitigate", "accept", "avoid", "transfer", NULL};
static const char *const trigger_values[] = {"incident", "organisation", "threat", "scheduled", NULL};

static const struct field_def head_fields[] = {
    DATE("date", N_("Date"), N_("When the round started"), true),
    STR("purpose", N_("Purpose"), N_("Why this round is run"), true),
    STR("scope", N_("Scope"), N_("What the round covers, in words"), false),
    {"team", F_STRLIST, N_("Team and roles"), N_("Who takes part and in which role, separated by ';'"), false, 0, 0, NULL, NULL},
    STR("schedule", N_("Schedule"), N_("The plan of the round"), false),
    {"sources", F_STRLIST, N_("Sources"), N_("Sources used (threat reports, audits), separated by ';'"), false, 0, 0, NULL, NULL},
    {"rule", F_ENUM, N_("Rule"), N_("Risk value for this round: impact x likelihood or impact + likelihood"), true, 0, 0, rule_values, NULL},
    {"threshold", F_INT, N_("Threshold"), N_("Risk values at or above it need a decision, owner and due date"), true, 1, 36, NULL, NULL},
    {"services", F_REFLIST, N_("Services in scope"), N_("The priority services this round covers"), false, 0, 0, NULL, "services"},
    {"resources", F_REFLIST, N_("Resources in scope"), N_("The management resources to assess"), false, 0, 0, NULL, "resources"},
    DATE("next_review", N_("Next review"), N_("When the round is reviewed next"), false),
    STR("previous", N_("Compared with"), N_("An earlier round (its file name) to compare with"), false),
    /* the file name is a portable id (--round, the commands); the title is free text */
    STR("title", N_("Title"), N_("The round's name in words, any language; the file name stays its id"), false),
};

static const struct field_def risk_fields[] = {
    STR("title", N_("Risk"), N_("The risk in a line"), true),
    {"resource", F_REF, N_("Resource"), N_("The management resource at risk"), true, 0, 0, NULL, "resources"},
    {"service", F_REF, N_("Service"), N_("The priority service it threatens"), true, 0, 0, NULL, "services"},
    {"threat", F_REF, N_("Threat"), N_("The catalogue entry it comes from (slides 13, 18, 20), if any"), false, 0, 0, NULL, "lib:threats"},
    STR("scenario", N_("Scenario"), N_("How it would happen"), false),
    LEVEL("inherent_impact", N_("Impact before"), N_("Impact on the service before the existing controls"), false),
    LEVEL("inherent_likelihood", N_("Likelihood before"), N_("Likelihood before the existing controls"), false),
    STR("controls", N_("Existing controls"), N_("What is in place already"), false),
    LEVEL("impact", N_("Impact"), N_("Residual impact on the service, with the controls"), true),
    LEVEL("likelihood", N_("Likelihood"), N_("Residual likelihood, with the controls"), true),
    {"decision", F_ENUM, N_("Decision"), N_("mitigate, accept, avoid or transfer"), false, 0, 0, decision_values, NULL},
    STR("owner", N_("Owner"), N_("The accountable owner (責任主体)"), false),
    STR("measures", N_("Measures"), N_("The planned measures"), false),
    DATE("due", N_("Due"), N_("When the measures are due"), false),
    STR("accepted_by", N_("Accepted by"), N_("Who accepted the risk"), false),
    DATE("accepted_on", N_("Accepted on"), N_("When it was accepted"), false),
    {"accepted_value", F_INT, N_("Value accepted"), N_("The residual value at the acceptance"), false, 0, 36, NULL, NULL},
    STR("accepted_round", N_("Accepted in"), N_("The round in which the acceptance was made (a copy carries it over)"), false),
    STR("note", N_("Note"), N_("Free text"), false),
};

static const struct field_def clear_fields[] = {
    STR("note", N_("Why no risk"), N_("Why this resource has no risk worth recording"), true),
};

static const struct field_def signoff_fields[] = {
    STR("reviewer", N_("Reviewer"), N_("Who signs off the step"), true),
    DATE("date", N_("Date"), N_("When"), true),
    STR("comment", N_("Comment"), N_("What the reviewer says"), false),
    STR("digest", N_("Data signed"), N_("A digest of the step's data when it was signed off: kijun sets it"), false),
    {"reopens", F_INT, N_("Reopenings before"), N_("How often the round had been reopened when the step was signed off: kijun sets it"), false, 0, 100000, NULL, NULL},
};

static const struct field_def review_fields[] = {
    DATE("date", N_("Date"), N_("When the review took place"), true),
    {"trigger", F_ENUM, N_("Trigger"), N_("incident, organisation (change), threat (new) or scheduled"), true, 0, 0, trigger_values, NULL},
    STR("changes", N_("What changed"), N_("What the review changed"), false),
};

/* What the round assessed as it was, by profile id (model/snapshot.h);
 * kind is text: a past record may hold a kind no longer offered. */
static const struct field_def seen_service_fields[] = {
    STR("name", N_("Name"), N_("The service's name as assessed"), true),
};
static const struct field_def seen_resource_fields[] = {
    STR("name", N_("Name"), N_("The resource's name as assessed"), true),
    STR("kind", N_("Kind"), N_("The resource's kind as assessed"), false),
};

/* A closed round is read-only until reopened (model/rules.h): each
 * reopening is recorded, each closing with a digest of what it closed. */
static const struct field_def reopened_fields[] = {
    STR("by", N_("Reopened by"), N_("Who reopened the closed round"), true),
    DATE("date", N_("Date"), N_("When it was reopened"), true),
    STR("why", N_("Why"), N_("Why the closed round was reopened"), true),
    {"changed_outside", F_BOOL, N_("Changed outside kijun"), N_("The round no longer matched its closing when it was reopened: kijun sets it"), false, 0, 0, NULL, NULL},
};

static const struct field_def closed_fields[] = {
    DATE("date", N_("Closed on"), N_("When the last of the five sign-offs closed the round"), true),
    STR("digest", N_("Content closed"), N_("A digest of the round's content when it closed: kijun sets it"), true),
};

const struct coll_def round_head_def = {"round", N_("Round"), "", head_fields, N(head_fields), false, NULL};
static const struct coll_def risks_def = {"risks", N_("Risk register"), "risk-", risk_fields, N(risk_fields), true, NULL};
static const struct coll_def clear_def = {"clear", N_("Resources without risk"), "", clear_fields, N(clear_fields), true, "resources"};
static const struct coll_def signoffs_def = {"signoffs", N_("Sign-offs"), "", signoff_fields, N(signoff_fields), true, NULL};
static const struct coll_def reviews_def = {"reviews", N_("Review log"), "review-", review_fields, N(review_fields), true, NULL};
static const struct coll_def reopened_def = {"reopened", N_("Reopenings"), "reopen-", reopened_fields, N(reopened_fields), true, NULL};
static const struct coll_def closed_def = {"closed", N_("Closings"), "closed-", closed_fields, N(closed_fields), true, NULL};

static const struct coll_def seen_services_def = {"assessed_services", N_("Services as assessed"), "", seen_service_fields, N(seen_service_fields), true, NULL};
static const struct coll_def seen_resources_def = {"assessed_resources", N_("Resources as assessed"), "", seen_resource_fields, N(seen_resource_fields), true, NULL};

const struct coll_def *const round_coll_defs[RC__COUNT] = {&risks_def, &clear_def, &signoffs_def, &reviews_def,
                                                           &reopened_def, &closed_def,
                                                           &seen_services_def, &seen_resources_def};

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
    const char *rule = record_str(&r->head, &round_head_def, "rule");
    return strcmp(rule, "sum") == 0 ? impact + likelihood : impact * likelihood;
}

long long round_max(const struct round *r, const struct profile *p)
{
    return round_value(r, (long long)p->c[COLL_IMPACT].n, (long long)p->c[COLL_LIKELIHOOD].n);
}

long long round_threshold(const struct round *r)
{
    return record_int(&r->head, &round_head_def, "threshold", 0);
}

static long long level(const struct record *risk, const char *key)
{
    return record_int(risk, &risks_def, key, 0);
}

long long risk_residual(const struct round *r, const struct record *risk)
{
    long long i = level(risk, "impact"), l = level(risk, "likelihood");
    return i && l ? round_value(r, i, l) : 0;
}

long long risk_inherent(const struct round *r, const struct record *risk)
{
    long long i = level(risk, "inherent_impact"), l = level(risk, "inherent_likelihood");
    return i && l ? round_value(r, i, l) : 0;
}

enum band band_of(long long value, long long threshold, long long max)
{
    if (value <= 0 || threshold <= 0)
        return BAND_NONE;
    if (value >= threshold)
        return value >= threshold + (max - threshold + 1) / 2 ? BAND_VERY_HIGH : BAND_HIGH;
    return value * 2 < threshold ? BAND_LOW : BAND_MEDIUM;
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
    const char *due = record_str(risk, &risks_def, "due");
    const char *decision = record_str(risk, &risks_def, "decision");
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
        long long im = level(x, "impact"), li = level(x, "likelihood");
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
    if (f->decision && strcmp(record_str(x, &risks_def, "decision"), f->decision) != 0)
        return false;
    if (f->owner && strcmp(record_str(x, &risks_def, "owner"), f->owner) != 0)
        return false;
    if (f->impact && level(x, "impact") != f->impact)
        return false;
    if (f->likelihood && level(x, "likelihood") != f->likelihood)
        return false;
    if (f->text && *f->text) {
        static const char *const keys[] = {"title", "scenario", "controls", "measures", "owner"};
        bool any = false;
        for (size_t i = 0; i < N(keys) && !any; i++)
            any = contains_fold(record_str(x, &risks_def, keys[i]), f->text);
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
        c = strcmp(round_ref_name(sort_round, sort_profile, "services", record_str(a, &risks_def, "service"), NULL),
                   round_ref_name(sort_round, sort_profile, "services", record_str(b, &risks_def, "service"), NULL));
        break;
    case SORT_OWNER:
        c = strcmp(record_str(a, &risks_def, "owner"), record_str(b, &risks_def, "owner"));
        break;
    case SORT_DUE: {
        const char *da = record_str(a, &risks_def, "due"), *db = record_str(b, &risks_def, "due");
        c = !*da == !*db ? strcmp(da, db) : *da ? -1 : 1; /* no date last */
        break;
    }
    default:
        break;
    }
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
