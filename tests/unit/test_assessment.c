/* Unit tests: a round of the five-step risk assessment: scoring and
 * bands, every validation rule with its exact text, the progress of the
 * steps, kijun check's findings on a round, the comparison of rounds,
 * the heat map and the register's order and filters; and the round files
 * of the store (round trip, listing, names, syntax errors). Profiles and
 * rounds are built in memory; the store tests work in their own folder
 * under /tmp, removed afterwards. */
#include "model/assessment.h"
#include "model/rules.h"
#include "model/labels.h"
#include "store/libload.h"
#include "store/workspace.h"
#include "util/xalloc.h"
#include <criterion/criterion.h>
#include "fields.h"
#include "diag_expect.h"
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FILE_NAME "assessments/2026.cfg"
#define TODAY "2026-07-01"

/* --- setting fields --------------------------------------------------------- */

static struct value *val(struct record *r, const struct coll_def *def, const char *key)
{
    struct value *v = value_of(r, def, key);
    cr_assert_not_null(v, "%s has no field %s", def->key, key);
    return v;
}

static void set_s(struct record *r, const struct coll_def *def, const char *key, const char *s)
{
    struct value *v = val(r, def, key);
    free(v->s);
    v->s = xstrdup(s);
    v->set = true;
}

static void set_i(struct record *r, const struct coll_def *def, const char *key, long long i)
{
    struct value *v = val(r, def, key);
    v->i = i;
    v->set = true;
}

/* set_l(r, def, key, "a", "b", NULL) */
static void set_l(struct record *r, const struct coll_def *def, const char *key, ...)
{
    struct value *v = val(r, def, key);
    strlist_free(&v->list);
    va_list ap;
    va_start(ap, key);
    for (const char *s; (s = va_arg(ap, const char *));)
        strlist_add(&v->list, s);
    va_end(ap);
    v->set = true;
}

static void unset(struct record *r, const struct coll_def *def, const char *key)
{
    struct value *v = val(r, def, key);
    free(v->s);
    strlist_free(&v->list);
    memset(v, 0, sizeof *v);
}

static struct record *add_to(struct collection *c, const char *id, int line)
{
    struct record r;
    record_init(&r, c->def);
    r.id = id ? xstrdup(id) : NULL;
    r.line = line;
    size_t i = coll_add(c, &r);
    return &c->r[i];
}

/* --- the profile ------------------------------------------------------------ */

#define D(c) (profile_coll_defs[c])

static void add_level(struct profile *p, enum profile_coll c, long long level, const char *label)
{
    struct record *r = add_to(&p->c[c], NULL, 0);
    set_i(r, D(c), "level", level);
    set_s(r, D(c), "label", label);
}

static void set_scale(struct profile *p, enum profile_coll c, int n)
{
    coll_free(&p->c[c]);
    for (int i = 1; i <= n; i++)
        add_level(p, c, i, "level");
}

/* 5x5 scales, product, threshold 10; services svc-1 "Water supply" (by
 * op-1 and op-2) and svc-2 "Billing" (by op-2); resources res-1..res-4. */
static void base_profile(struct profile *p)
{
    profile_init(p);
    set_s(&p->org, &profile_org_def, "name", "Test Waterworks");

    struct record *r = add_to(&p->c[COLL_SERVICES], "svc-1", 0);
    set_s(r, D(COLL_SERVICES), "name", "Water supply");
    r = add_to(&p->c[COLL_SERVICES], "svc-2", 0);
    set_s(r, D(COLL_SERVICES), "name", "Billing");

    r = add_to(&p->c[COLL_OPERATIONS], "op-1", 0);
    set_s(r, D(COLL_OPERATIONS), "name", "Treatment");
    set_l(r, D(COLL_OPERATIONS), "services", "svc-1", NULL);
    r = add_to(&p->c[COLL_OPERATIONS], "op-2", 0);
    set_s(r, D(COLL_OPERATIONS), "name", "Customer service");
    set_l(r, D(COLL_OPERATIONS), "services", "svc-1", "svc-2", NULL);

    static const char *const res[][3] = {
        {"res-1", "SCADA", "ot"}, {"res-2", "Network", "system"},
        {"res-3", "Billing server", "system"}, {"res-4", "Staff", "people"},
    };
    for (size_t i = 0; i < 4; i++) {
        r = add_to(&p->c[COLL_RESOURCES], res[i][0], 0);
        set_s(r, D(COLL_RESOURCES), "name", res[i][1]);
        set_s(r, D(COLL_RESOURCES), "kind", res[i][2]);
        set_l(r, D(COLL_RESOURCES), "operations", "op-1", NULL);
    }

    set_s(&p->criteria, &profile_criteria_def, "rule", "product");
    set_i(&p->criteria, &profile_criteria_def, "threshold", 10);
    set_scale(p, COLL_IMPACT, 5);
    set_scale(p, COLL_LIKELIHOOD, 5);
}

/* --- the round -------------------------------------------------------------- */

#define HD (&round_head_def)
#define RD(c) (round_coll_defs[c])
#define RISK(rnd, k) (&(rnd)->c[RC_RISKS].r[k])

static struct record *add_risk(struct round *r, const char *id, const char *title,
                               const char *resource, const char *service, long long impact,
                               long long likelihood, int line)
{
    struct record *x = add_to(&r->c[RC_RISKS], id, line);
    set_s(x, RD(RC_RISKS), "title", title);
    set_s(x, RD(RC_RISKS), "resource", resource);
    set_s(x, RD(RC_RISKS), "service", service);
    set_i(x, RD(RC_RISKS), "impact", impact);
    set_i(x, RD(RC_RISKS), "likelihood", likelihood);
    return x;
}

static void add_signoff(struct round *r, const char *step, int line)
{
    struct record *x = add_to(&r->c[RC_SIGNOFFS], step, line);
    set_s(x, RD(RC_SIGNOFFS), "reviewer", "Audit office");
    set_s(x, RD(RC_SIGNOFFS), "date", "2026-06-25");
}

/* A complete round that passes every check on TODAY:
 *   0 risk-1 "Ransomware encrypts SCADA"   res-1 svc-1 5x4=20 very high, mitigate
 *   1 risk-2 "VPN appliance flaw"          res-2 svc-1 3x3=9  medium, mitigate
 *   2 risk-3 "Billing data leak"           res-3 svc-2 2x2=4  low, no decision
 *   3 risk-4 "Phishing of billing staff"   res-3 svc-2 4x3=12 high, accepted
 * res-4 is cleared; sign-offs prep, scope, assess, review; one review. */
static void base_round(struct round *r)
{
    round_init(r, "2026");
    r->head.line = 3;
    set_s(&r->head, HD, "date", "2026-06-01");
    set_s(&r->head, HD, "purpose", "Annual assessment");
    set_s(&r->head, HD, "scope", "Water supply and billing");
    set_l(&r->head, HD, "team", "Sato (CISO, owner)", "Ito (facilitator)", NULL);
    set_s(&r->head, HD, "schedule", "June: scoping; July: workshops");
    set_l(&r->head, HD, "sources", "NISC incident report 2025", NULL);
    set_s(&r->head, HD, "rule", "product");
    set_i(&r->head, HD, "threshold", 10);
    set_l(&r->head, HD, "services", "svc-1", "svc-2", NULL);
    set_l(&r->head, HD, "resources", "res-1", "res-2", "res-3", "res-4", NULL);
    set_s(&r->head, HD, "next_review", "2027-04-01");

    const struct coll_def *d = RD(RC_RISKS);
    struct record *x = add_risk(r, "risk-1", "Ransomware encrypts SCADA", "res-1", "svc-1", 5, 4, 20);
    set_s(x, d, "threat", "incidents.ransomware");
    set_s(x, d, "scenario", "An e-mail attachment spreads to the control network");
    set_i(x, d, "inherent_impact", 5);
    set_i(x, d, "inherent_likelihood", 5);
    set_s(x, d, "controls", "Offline backups, network segmentation");
    set_s(x, d, "decision", "mitigate");
    set_s(x, d, "owner", "Facilities");
    set_s(x, d, "measures", "EDR on the SCADA servers");
    set_s(x, d, "due", "2026-12-31");

    x = add_risk(r, "risk-2", "VPN appliance flaw", "res-2", "svc-1", 3, 3, 24);
    set_s(x, d, "scenario", "VPN機器の脆弱性を突かれる");
    set_i(x, d, "inherent_impact", 4);
    set_i(x, d, "inherent_likelihood", 4);
    set_s(x, d, "decision", "mitigate");
    set_s(x, d, "owner", "IT");
    set_s(x, d, "due", "2026-09-30");

    x = add_risk(r, "risk-3", "Billing data leak", "res-3", "svc-2", 2, 2, 28);
    set_s(x, d, "owner", "Accounting");

    x = add_risk(r, "risk-4", "Phishing of billing staff", "res-3", "svc-2", 4, 3, 32);
    set_s(x, d, "decision", "accept");
    set_s(x, d, "owner", "Finance");
    set_s(x, d, "accepted_by", "Board");
    set_s(x, d, "accepted_on", "2026-06-20");
    set_i(x, d, "accepted_value", 12);

    x = add_to(&r->c[RC_CLEAR], "res-4", 40);
    set_s(x, RD(RC_CLEAR), "note", "Contractor staff only");

    add_signoff(r, "prep", 50);
    add_signoff(r, "scope", 51);
    add_signoff(r, "assess", 52);
    add_signoff(r, "review", 53);

    x = add_to(&r->c[RC_REVIEWS], "review-1", 60);
    set_s(x, RD(RC_REVIEWS), "date", "2026-06-30");
    set_s(x, RD(RC_REVIEWS), "trigger", "scheduled");
}

static void remove_by_id(struct collection *c, const char *id)
{
    for (size_t i = 0; i < c->n; i++)
        if (c->r[i].id && strcmp(c->r[i].id, id) == 0) {
            coll_remove(c, i);
            return;
        }
    cr_assert_fail("no entry %s in %s", id, c->def->key);
}

/* --- scoring ------------------------------------------------------------------ */

Test(scoring, round_value_by_product_and_sum)
{
    struct round r;
    round_init(&r, "x");
    set_s(&r.head, HD, "rule", "product");
    cr_assert_eq(round_value(&r, 3, 4), 12);
    cr_assert_eq(round_value(&r, 5, 5), 25);
    cr_assert_eq(round_value(&r, 1, 1), 1);
    set_s(&r.head, HD, "rule", "sum");
    cr_assert_eq(round_value(&r, 3, 4), 7);
    cr_assert_eq(round_value(&r, 5, 5), 10);
    cr_assert_eq(round_value(&r, 1, 1), 2);
    round_free(&r);
}

Test(scoring, round_max_by_the_profile_scales)
{
    struct profile p;
    base_profile(&p);
    struct round r;
    round_init(&r, "x");
    set_s(&r.head, HD, "rule", "product");
    cr_assert_eq(round_max(&r, &p), 25);
    set_s(&r.head, HD, "rule", "sum");
    cr_assert_eq(round_max(&r, &p), 10);
    /* the round's rule counts, not the profile's */
    set_s(&p.criteria, &profile_criteria_def, "rule", "product");
    cr_assert_eq(round_max(&r, &p), 10);
    set_scale(&p, COLL_IMPACT, 4);
    set_scale(&p, COLL_LIKELIHOOD, 3);
    cr_assert_eq(round_max(&r, &p), 7);
    set_s(&r.head, HD, "rule", "product");
    cr_assert_eq(round_max(&r, &p), 12);
    round_free(&r);
    profile_free(&p);
}

Test(scoring, round_threshold)
{
    struct round r;
    round_init(&r, "x");
    cr_assert_eq(round_threshold(&r), 0);
    set_i(&r.head, HD, "threshold", 10);
    cr_assert_eq(round_threshold(&r), 10);
    round_free(&r);
}

Test(scoring, inherent_and_residual_values)
{
    struct round r;
    base_round(&r);
    cr_assert_eq(risk_inherent(&r, RISK(&r, 0)), 25);
    cr_assert_eq(risk_residual(&r, RISK(&r, 0)), 20);
    cr_assert_eq(risk_inherent(&r, RISK(&r, 1)), 16);
    cr_assert_eq(risk_residual(&r, RISK(&r, 1)), 9);
    /* no inherent values: 0 */
    cr_assert_eq(risk_inherent(&r, RISK(&r, 2)), 0);
    cr_assert_eq(risk_residual(&r, RISK(&r, 2)), 4);
    /* one of the two missing: 0 */
    unset(RISK(&r, 1), RD(RC_RISKS), "inherent_likelihood");
    cr_assert_eq(risk_inherent(&r, RISK(&r, 1)), 0);
    unset(RISK(&r, 1), RD(RC_RISKS), "likelihood");
    cr_assert_eq(risk_residual(&r, RISK(&r, 1)), 0);
    /* the sum rule */
    set_s(&r.head, HD, "rule", "sum");
    cr_assert_eq(risk_inherent(&r, RISK(&r, 0)), 10);
    cr_assert_eq(risk_residual(&r, RISK(&r, 0)), 9);
    cr_assert_eq(risk_residual(&r, RISK(&r, 3)), 7);
    round_free(&r);
}

Test(scoring, bands_of_the_product_rule_threshold_10_max_25)
{
    static const struct { long long v; enum band b; } cases[] = {
        {0, BAND_NONE}, {-3, BAND_NONE},
        {1, BAND_LOW}, {4, BAND_LOW},
        {5, BAND_MEDIUM}, {9, BAND_MEDIUM},
        {10, BAND_HIGH}, {17, BAND_HIGH},
        {18, BAND_VERY_HIGH}, {25, BAND_VERY_HIGH},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        cr_expect_eq(band_of(cases[i].v, 10, 25), cases[i].b, "value %lld: band %d, want %d",
                     cases[i].v, band_of(cases[i].v, 10, 25), cases[i].b);
    /* no threshold: no band */
    cr_assert_eq(band_of(12, 0, 25), BAND_NONE);
}

Test(scoring, bands_of_the_sum_rule_threshold_6_max_10)
{
    static const struct { long long v; enum band b; } cases[] = {
        {0, BAND_NONE},
        {2, BAND_LOW},
        {3, BAND_MEDIUM}, {5, BAND_MEDIUM},
        {6, BAND_HIGH}, {7, BAND_HIGH},
        {8, BAND_VERY_HIGH}, {10, BAND_VERY_HIGH},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        cr_expect_eq(band_of(cases[i].v, 6, 10), cases[i].b, "value %lld: band %d, want %d",
                     cases[i].v, band_of(cases[i].v, 6, 10), cases[i].b);
}

/* The legend's bounds are the bands' own: for every threshold and maximum
 * kijun allows, each value is in the band whose range holds it. */
Test(scoring, the_legend_s_bounds_are_band_of_s)
{
    long long lowest[BAND__COUNT];
    band_bounds(10, 25, lowest);
    cr_assert_eq(lowest[BAND_LOW], 1);
    cr_assert_eq(lowest[BAND_MEDIUM], 5);
    cr_assert_eq(lowest[BAND_HIGH], 10);
    cr_assert_eq(lowest[BAND_VERY_HIGH], 18);
    for (long long max = 2; max <= 36; max++)
        for (long long t = 1; t <= max; t++) {
            band_bounds(t, max, lowest);
            for (long long v = 1; v <= max; v++) {
                enum band b = band_of(v, t, max);
                cr_assert(v >= lowest[b] && (b == BAND_VERY_HIGH || v < lowest[b + 1]
                                             || lowest[b + 1] <= lowest[b]),
                          "t %lld max %lld: %lld in band %d", t, max, v, b);
            }
        }
}

Test(scoring, band_letters_and_names)
{
    cr_assert_eq(band_letter(BAND_NONE), '-');
    cr_assert_eq(band_letter(BAND_LOW), 'L');
    cr_assert_eq(band_letter(BAND_MEDIUM), 'M');
    cr_assert_eq(band_letter(BAND_HIGH), 'H');
    cr_assert_eq(band_letter(BAND_VERY_HIGH), 'V');
    cr_assert_str_eq(band_name(BAND_NONE), "not rated");
    cr_assert_str_eq(band_name(BAND_LOW), "low");
    cr_assert_str_eq(band_name(BAND_MEDIUM), "medium");
    cr_assert_str_eq(band_name(BAND_HIGH), "high");
    cr_assert_str_eq(band_name(BAND_VERY_HIGH), "very high");
}

Test(scoring, risk_band_uses_the_residual_value)
{
    struct profile p;
    base_profile(&p);
    struct round r;
    base_round(&r);
    cr_assert_eq(risk_band(&r, &p, RISK(&r, 0)), BAND_VERY_HIGH);  /* 20, inherent 25 */
    cr_assert_eq(risk_band(&r, &p, RISK(&r, 1)), BAND_MEDIUM);     /* 9, inherent 16 */
    cr_assert_eq(risk_band(&r, &p, RISK(&r, 2)), BAND_LOW);        /* 4 */
    cr_assert_eq(risk_band(&r, &p, RISK(&r, 3)), BAND_HIGH);       /* 12 */
    unset(RISK(&r, 2), RD(RC_RISKS), "impact");
    cr_assert_eq(risk_band(&r, &p, RISK(&r, 2)), BAND_NONE);
    /* the sum rule with the round's threshold 6: 5+4 = 9 very high, 3+3 = 6 high */
    set_s(&r.head, HD, "rule", "sum");
    set_i(&r.head, HD, "threshold", 6);
    cr_assert_eq(risk_band(&r, &p, RISK(&r, 0)), BAND_VERY_HIGH);
    cr_assert_eq(risk_band(&r, &p, RISK(&r, 1)), BAND_HIGH);
    round_free(&r);
    profile_free(&p);
}

Test(scoring, over_the_threshold)
{
    struct round r;
    base_round(&r);
    cr_assert(risk_over_threshold(&r, RISK(&r, 0)));      /* 20 */
    cr_assert_not(risk_over_threshold(&r, RISK(&r, 1)));  /* 9 */
    cr_assert(risk_over_threshold(&r, RISK(&r, 3)));      /* 12 */
    set_i(RISK(&r, 1), RD(RC_RISKS), "impact", 5);        /* 5x3 = 15 */
    cr_assert(risk_over_threshold(&r, RISK(&r, 1)));
    set_i(&r.head, HD, "threshold", 15);                  /* at the threshold counts */
    cr_assert(risk_over_threshold(&r, RISK(&r, 1)));
    set_i(&r.head, HD, "threshold", 16);
    cr_assert_not(risk_over_threshold(&r, RISK(&r, 1)));
    unset(&r.head, HD, "threshold");                      /* no threshold: never */
    cr_assert_not(risk_over_threshold(&r, RISK(&r, 0)));
    round_free(&r);
}

Test(scoring, overdue)
{
    struct round r;
    base_round(&r);
    struct record *x = RISK(&r, 0);                     /* mitigate, due 2026-12-31 */
    cr_assert(risk_overdue(x, "2027-01-01"));
    cr_assert_not(risk_overdue(x, "2026-12-31"));       /* due today is not late */
    cr_assert_not(risk_overdue(x, "2026-06-01"));
    cr_assert_not(risk_overdue(x, NULL));
    set_s(x, RD(RC_RISKS), "decision", "transfer");
    cr_assert(risk_overdue(x, "2027-01-01"));
    unset(x, RD(RC_RISKS), "decision");                 /* no decision yet */
    cr_assert(risk_overdue(x, "2027-01-01"));
    set_s(x, RD(RC_RISKS), "decision", "accept");       /* accepted: never overdue */
    cr_assert_not(risk_overdue(x, "2027-01-01"));
    cr_assert_not(risk_overdue(x, "2099-01-01"));
    set_s(x, RD(RC_RISKS), "decision", "mitigate");
    unset(x, RD(RC_RISKS), "due");                      /* no due date: never */
    cr_assert_not(risk_overdue(x, "2099-01-01"));
    set_s(x, RD(RC_RISKS), "due", "");
    cr_assert_not(risk_overdue(x, "2099-01-01"));
    round_free(&r);
}

Test(scoring, step_ids_and_names)
{
    static const char *const ids[] = {"prep", "scope", "assess", "validate", "review"};
    static const char *const names[] = {"Preparation", "Scoping", "Assessment", "Validation", "Review"};
    for (int s = 0; s < STEP__COUNT; s++) {
        cr_assert_str_eq(step_id((enum step)s), ids[s]);
        cr_assert_str_eq(step_name((enum step)s), names[s]);
    }
    cr_assert_str_eq(sort_name(SORT_RESIDUAL), "residual value");
    cr_assert_str_eq(sort_name(SORT_DUE), "due date");
}

Test(scoring, a_sign_off_is_named_by_its_step)
{
    static const char *const ids[] = {"prep", "scope", "assess", "validate", "review"};
    static const char *const names[] = {"Preparation", "Scoping", "Assessment", "Validation", "Review"};
    for (int s = 0; s < STEP__COUNT; s++)
        cr_assert_str_eq(step_label(ids[s]), names[s], "the sign-off of %s reads %s", ids[s], names[s]);
    cr_assert_str_eq(step_label("audit"), "audit", "an id that is no step is shown as it is");
    cr_assert_str_eq(step_label(NULL), "");
}

Test(scoring, a_source_of_slides_reads_in_the_language)
{
    char buf[64];
    cr_assert_str_eq(source_label("slides 3, 4, 23", buf, sizeof buf), "slides 3, 4, 23");
    cr_assert_eq(source_label("slides 3, 4, 23", buf, sizeof buf), buf, "made from the numbers, to be translated");
    cr_assert_str_eq(source_label("slide 25", buf, sizeof buf), "slide 25");
    cr_assert_eq(source_label("slide 25", buf, sizeof buf), buf);
    static const char *const prose = "slides 4, 13, 21, 25 (extraction prints 2.2.; read as 1.2.)";
    cr_assert_eq(source_label(prose, buf, sizeof buf), prose, "more than numbers: as it is");
    static const char *const seed = "seed slide 21";
    cr_assert_eq(source_label(seed, buf, sizeof buf), seed, "not only slides: as it is");
    cr_assert_str_eq(source_label(NULL, buf, sizeof buf), "");
}

/* --- validation ------------------------------------------------------------ */

static void log_checks(const struct checks *c)
{
    for (size_t i = 0; i < c->n; i++)
        cr_log_error("check %zu: step %d %s: %s", i, (int)c->v[i].step, c->v[i].ok ? "ok" : "FAIL",
                     c->v[i].text);
}

/* The one check with this text, or NULL (asserting there is no second). */
static const struct check *find_check(const struct checks *c, const char *text)
{
    const struct check *found = NULL;
    for (size_t i = 0; i < c->n; i++) {
        if (strcmp(c->v[i].text, text) != 0)
            continue;
        if (found)
            log_checks(c);
        cr_assert_null(found, "check \"%s\" appears twice", text);
        found = &c->v[i];
    }
    return found;
}

static const struct check *assert_check(const struct checks *c, enum step s, const char *text, bool ok)
{
    const struct check *k = find_check(c, text);
    if (!k || k->step != s || k->ok != ok)
        log_checks(c);
    cr_assert_not_null(k, "no check \"%s\"", text);
    cr_assert_eq(k->step, s, "check \"%s\" is in step %d, not %d", text, (int)k->step, (int)s);
    cr_assert_eq(k->ok, ok, "check \"%s\" %s", text, ok ? "fails" : "passes");
    return k;
}

static void assert_no_check(const struct checks *c, const char *text)
{
    if (find_check(c, text))
        log_checks(c);
    cr_assert_null(find_check(c, text), "unexpected check \"%s\"", text);
}

static size_t failing(const struct checks *c)
{
    size_t n = 0;
    for (size_t i = 0; i < c->n; i++)
        n += !c->v[i].ok;
    return n;
}

/* Validate r against p on today into c (freed and refilled). */
static void run(struct checks *c, const struct round *r, const struct profile *p, const char *today)
{
    checks_free(c);
    round_validate(r, 1, 0, p, NULL, today, c);
}

struct fixture {
    struct profile p;
    struct round r;
    struct checks c;
};

static void fx_init(struct fixture *f)
{
    memset(f, 0, sizeof *f);
    base_profile(&f->p);
    base_round(&f->r);
}

static void fx_free(struct fixture *f)
{
    checks_free(&f->c);
    round_free(&f->r);
    profile_free(&f->p);
}

#define OK(f, s, text) assert_check(&(f)->c, s, text, true)
#define FAILS(f, s, text) assert_check(&(f)->c, s, text, false)
#define ABSENT(f, text) assert_no_check(&(f)->c, text)
#define RUN(f) run(&(f)->c, &(f)->r, &(f)->p, TODAY)

Test(validate, the_base_round_passes_every_check)
{
    struct fixture f;
    fx_init(&f);
    RUN(&f);
    if (failing(&f.c))
        log_checks(&f.c);
    cr_assert_eq(failing(&f.c), 0);
    cr_assert_eq(f.c.n, 30, "got %zu checks", f.c.n);
    fx_free(&f);
}

Test(validate, preparation_fields)
{
    /* a required field missing is the finding kijun check reports, in
     * place of the field's check */
    static const struct { const char *key, *text; bool list; const char *missing; } need[] = {
        {"date", "the round has a date", false, "assessments/2026.cfg:3: round: Date ('date') is required"},
        {"purpose", "the purpose is written down", false, "assessments/2026.cfg:3: round: Purpose ('purpose') is required"},
        {"scope", "the scope is described", false, NULL},
        {"team", "the team and its roles are named", true, NULL},
        {"schedule", "the schedule is set", false, NULL},
        {"sources", "the sources used are listed", true, NULL},
    };
    struct fixture f;
    fx_init(&f);
    for (size_t i = 0; i < sizeof need / sizeof *need; i++) {
        struct record *h = &f.r.head;
        const char *fails = need[i].missing ? need[i].missing : need[i].text;
        RUN(&f);
        OK(&f, STEP_PREP, need[i].text);
        char *saved = value_format(val(h, HD, need[i].key), &HD->fields[field_index(HD, need[i].key)]);
        /* missing */
        unset(h, HD, need[i].key);
        RUN(&f);
        FAILS(&f, STEP_PREP, fails);
        if (need[i].missing)
            ABSENT(&f, need[i].text);
        cr_assert_eq(failing(&f.c), 2, "%s: only its own check and the validation's fail", need[i].key);
        FAILS(&f, STEP_VALIDATE, "the automatic checks of steps 1-3 pass");
        /* empty */
        if (need[i].list)
            set_l(h, HD, need[i].key, NULL);
        else
            set_s(h, HD, need[i].key, "");
        RUN(&f);
        FAILS(&f, STEP_PREP, fails);
        /* back */
        if (need[i].list)
            set_l(h, HD, need[i].key, saved, NULL);
        else
            set_s(h, HD, need[i].key, saved);
        free(saved);
        RUN(&f);
        OK(&f, STEP_PREP, need[i].text);
        cr_assert_eq(failing(&f.c), 0);
    }
    fx_free(&f);
}

/* The criteria check passes, or the findings on the rule, the threshold
 * and the scales fail in its place: the threshold lies in the range of
 * the rule over the scales. */
#define CRITERIA_OK(t, lo, hi) "the risk criteria are set (scales of 3-6 levels, threshold " #t " within " #lo ".." #hi ")"

Test(validate, risk_criteria)
{
    struct fixture f;
    fx_init(&f);
    RUN(&f);
    OK(&f, STEP_PREP, CRITERIA_OK(10, 1, 25));
    set_i(&f.r.head, HD, "threshold", 25);
    RUN(&f);
    OK(&f, STEP_PREP, CRITERIA_OK(25, 1, 25));
    set_i(&f.r.head, HD, "threshold", 26);
    RUN(&f);
    FAILS(&f, STEP_PREP, "assessments/2026.cfg:3: round: threshold 26 is above the highest risk value 25");
    ABSENT(&f, CRITERIA_OK(26, 1, 25));
    cr_assert_eq(failing(&f.c), 2);   /* and steps 1-3 do not pass */
    set_i(&f.r.head, HD, "threshold", 1);
    RUN(&f);
    OK(&f, STEP_PREP, CRITERIA_OK(1, 1, 25));
    unset(&f.r.head, HD, "threshold");
    RUN(&f);
    FAILS(&f, STEP_PREP, "assessments/2026.cfg:3: round: Threshold ('threshold') is required");
    /* the sum rule: values from 2 to 10 */
    set_s(&f.r.head, HD, "rule", "sum");
    set_i(&f.r.head, HD, "threshold", 10);
    RUN(&f);
    OK(&f, STEP_PREP, CRITERIA_OK(10, 2, 10));
    set_i(&f.r.head, HD, "threshold", 11);
    RUN(&f);
    FAILS(&f, STEP_PREP, "assessments/2026.cfg:3: round: threshold 11 is above the highest risk value 10");
    set_i(&f.r.head, HD, "threshold", 2);
    RUN(&f);
    OK(&f, STEP_PREP, CRITERIA_OK(2, 2, 10));
    set_i(&f.r.head, HD, "threshold", 1);
    RUN(&f);
    FAILS(&f, STEP_PREP, "assessments/2026.cfg:3: round: threshold 1 is below the lowest risk value 2");
    /* beyond the field's own range: that finding alone */
    set_i(&f.r.head, HD, "threshold", 40);
    RUN(&f);
    FAILS(&f, STEP_PREP, "assessments/2026.cfg:3: round: Threshold ('threshold') is 40, outside 1..36");
    /* and the acceptance made at the product rule's value is stale now */
    cr_assert_eq(failing(&f.c), 3);
    /* scales of 2 levels are too short even with the threshold in range */
    set_s(&f.r.head, HD, "rule", "product");
    set_i(&f.r.head, HD, "threshold", 4);
    set_scale(&f.p, COLL_IMPACT, 2);
    RUN(&f);
    FAILS(&f, STEP_PREP, "profile.cfg: criteria: Impact scale ('impact') has 2 levels; it needs 3 to 6");
    ABSENT(&f, CRITERIA_OK(4, 1, 10));
    set_scale(&f.p, COLL_IMPACT, 3);
    set_scale(&f.p, COLL_LIKELIHOOD, 2);
    RUN(&f);
    FAILS(&f, STEP_PREP, "profile.cfg: criteria: Likelihood scale ('likelihood') has 2 levels; it needs 3 to 6");
    set_scale(&f.p, COLL_LIKELIHOOD, 3);
    RUN(&f);
    FAILS(&f, STEP_PREP, "profile.cfg: criteria: threshold 10 is above the highest risk value 9");
    set_i(&f.p.criteria, &profile_criteria_def, "threshold", 4);
    RUN(&f);
    OK(&f, STEP_PREP, CRITERIA_OK(4, 1, 9));
    set_scale(&f.p, COLL_IMPACT, 6);
    set_scale(&f.p, COLL_LIKELIHOOD, 6);
    RUN(&f);
    OK(&f, STEP_PREP, CRITERIA_OK(4, 1, 36));
    /* the profile's own threshold is the profile's finding */
    set_i(&f.p.criteria, &profile_criteria_def, "threshold", 37);
    RUN(&f);
    FAILS(&f, STEP_PREP, "profile.cfg: criteria: Threshold ('threshold') is 37, outside 1..36");
    fx_free(&f);
}

/* A 7-level scale fails the criteria (the rule says 3 to 6). */
Test(validate, a_scale_of_seven_levels_fails_the_criteria)
{
    struct fixture f;
    fx_init(&f);
    set_scale(&f.p, COLL_IMPACT, 7);
    RUN(&f);
    FAILS(&f, STEP_PREP, "profile.cfg: criteria: Impact scale ('impact') has 7 levels; it needs 3 to 6");
    ABSENT(&f, CRITERIA_OK(10, 1, 35));
    fx_free(&f);
}

Test(validate, services_in_scope)
{
    struct fixture f;
    fx_init(&f);
    RUN(&f);
    OK(&f, STEP_SCOPE, "at least one priority service is in scope");
    OK(&f, STEP_SCOPE, "service \"Water supply\" has business operations");
    OK(&f, STEP_SCOPE, "service \"Billing\" has business operations");
    /* op-2 no longer serves Billing: it has no operation */
    set_l(&f.p.c[COLL_OPERATIONS].r[1], D(COLL_OPERATIONS), "services", "svc-1", NULL);
    RUN(&f);
    FAILS(&f, STEP_SCOPE, "service \"Billing\" has business operations");
    OK(&f, STEP_SCOPE, "service \"Water supply\" has business operations");
    set_l(&f.p.c[COLL_OPERATIONS].r[0], D(COLL_OPERATIONS), "services", "svc-2", NULL);
    RUN(&f);
    OK(&f, STEP_SCOPE, "service \"Billing\" has business operations");
    /* a service that is not in the profile: the broken reference */
    set_l(&f.r.head, HD, "services", "svc-1", "svc-2", "svc-9", NULL);
    RUN(&f);
    FAILS(&f, STEP_SCOPE, "assessments/2026.cfg:3: round: Services in scope ('services') names 'svc-9', which does not exist");
    ABSENT(&f, "service \"svc-9\" has business operations");
    /* no service in scope; the risks' services are then out of scope too */
    set_l(&f.r.head, HD, "services", NULL);
    RUN(&f);
    FAILS(&f, STEP_SCOPE, "at least one priority service is in scope");
    ABSENT(&f, "service \"Water supply\" has business operations");
    ABSENT(&f, "service \"Billing\" has business operations");
    unset(&f.r.head, HD, "services");
    RUN(&f);
    FAILS(&f, STEP_SCOPE, "at least one priority service is in scope");
    fx_free(&f);
}

Test(validate, resources_in_scope)
{
    struct fixture f;
    fx_init(&f);
    RUN(&f);
    OK(&f, STEP_SCOPE, "the resources to assess are in scope");
    set_l(&f.r.head, HD, "resources", "res-1", "res-2", "res-3", "res-4", "res-9", NULL);
    RUN(&f);
    FAILS(&f, STEP_SCOPE, "assessments/2026.cfg:3: round: Resources in scope ('resources') names 'res-9', which does not exist");
    OK(&f, STEP_SCOPE, "the resources to assess are in scope");
    FAILS(&f, STEP_ASSESS, "resource \"res-9\" has a risk assessed or a \"no risk\" note");
    cr_assert_eq(failing(&f.c), 3);   /* and steps 1-3 do not pass */
    set_l(&f.r.head, HD, "resources", NULL);
    RUN(&f);
    FAILS(&f, STEP_SCOPE, "the resources to assess are in scope");
    ABSENT(&f, "resource \"SCADA\" has a risk assessed or a \"no risk\" note");
    fx_free(&f);
}

Test(validate, each_resource_has_a_risk_or_a_no_risk_note)
{
    struct fixture f;
    fx_init(&f);
    RUN(&f);
    const struct check *k = OK(&f, STEP_ASSESS, "resource \"SCADA\" has a risk assessed or a \"no risk\" note");
    cr_assert_eq(k->coll, RC_RISKS);
    cr_assert_eq(k->index, 0);
    k = OK(&f, STEP_ASSESS, "resource \"Billing server\" has a risk assessed or a \"no risk\" note");
    cr_assert_eq(k->coll, RC_RISKS);
    cr_assert_eq(k->index, 2);    /* its first risk */
    k = OK(&f, STEP_ASSESS, "resource \"Staff\" has a risk assessed or a \"no risk\" note");
    cr_assert_eq(k->coll, -1);
    /* without its clear note */
    coll_remove(&f.r.c[RC_CLEAR], 0);
    RUN(&f);
    k = FAILS(&f, STEP_ASSESS, "resource \"Staff\" has a risk assessed or a \"no risk\" note");
    cr_assert_eq(k->coll, -1);
    /* a note for another resource does not count */
    struct record *x = add_to(&f.r.c[RC_CLEAR], "res-2", 41);
    set_s(x, RD(RC_CLEAR), "note", "n/a");
    RUN(&f);
    FAILS(&f, STEP_ASSESS, "resource \"Staff\" has a risk assessed or a \"no risk\" note");
    /* a risk on it */
    add_risk(&f.r, "risk-5", "Insider", "res-4", "svc-1", 1, 1, 36);
    RUN(&f);
    k = OK(&f, STEP_ASSESS, "resource \"Staff\" has a risk assessed or a \"no risk\" note");
    cr_assert_eq(k->coll, RC_RISKS);
    cr_assert_eq(k->index, 4);
    /* SCADA's only risk goes */
    coll_remove(&f.r.c[RC_RISKS], 0);
    RUN(&f);
    FAILS(&f, STEP_ASSESS, "resource \"SCADA\" has a risk assessed or a \"no risk\" note");
    fx_free(&f);
}

/* A risk's fields are valid, or each of their findings fails in place
 * of that check: levels on the profile's scales (kijun check reports the
 * same), real dates, existing references. */
Test(validate, values_on_the_scales)
{
    struct fixture f;
    fx_init(&f);
    const char *text = "\"Billing data leak\": valid fields (levels 1-5 x 1-5, dates, references)";
    RUN(&f);
    const struct check *k = OK(&f, STEP_ASSESS, text);
    cr_assert_eq(k->coll, RC_RISKS);
    cr_assert_eq(k->index, 2);
    cr_assert_eq(k->finding, CHECK_NO_FINDING);
    struct record *x = RISK(&f.r, 2);
    const struct coll_def *d = RD(RC_RISKS);
    /* 6 on a 5-level scale: within the field's 1..6, beyond the scale */
    set_i(x, d, "impact", 6);
    RUN(&f);
    k = FAILS(&f, STEP_ASSESS, "assessments/2026.cfg:28: risk-3: Impact ('impact') is 6, above the impact scale's top level 5");
    cr_assert_eq(k->coll, RC_RISKS);
    cr_assert_eq(k->index, 2);
    cr_assert_neq(k->finding, CHECK_NO_FINDING);
    cr_assert_eq(f.c.found.v[k->finding].at.field, RISK_IMPACT);
    cr_assert_eq(f.c.found.v[k->finding].line, 28);
    ABSENT(&f, text);
    /* beyond the field's range too: said once, against the scale (not 1..6) */
    set_i(x, d, "impact", 9);
    RUN(&f);
    FAILS(&f, STEP_ASSESS, "assessments/2026.cfg:28: risk-3: Impact ('impact') is 9, above the impact scale's top level 5");
    ABSENT(&f, "assessments/2026.cfg:28: risk-3: Impact ('impact') is 9, outside 1..6");
    set_i(x, d, "impact", 5);
    set_i(x, d, "likelihood", 5);
    RUN(&f);
    OK(&f, STEP_ASSESS, text);
    set_i(x, d, "likelihood", 0);
    RUN(&f);
    FAILS(&f, STEP_ASSESS, "assessments/2026.cfg:28: risk-3: Likelihood ('likelihood') is 0, outside 1..6");
    unset(x, d, "likelihood");
    RUN(&f);
    FAILS(&f, STEP_ASSESS, "assessments/2026.cfg:28: risk-3: Likelihood ('likelihood') is required");
    set_i(x, d, "likelihood", 1);
    set_i(x, d, "inherent_impact", 6);
    set_i(x, d, "inherent_likelihood", 1);
    RUN(&f);
    FAILS(&f, STEP_ASSESS, "assessments/2026.cfg:28: risk-3: Impact before ('inherent_impact') is 6, above the impact scale's top level 5");
    set_i(x, d, "inherent_impact", 5);
    set_i(x, d, "inherent_likelihood", 6);
    RUN(&f);
    FAILS(&f, STEP_ASSESS, "assessments/2026.cfg:28: risk-3: Likelihood before ('inherent_likelihood') is 6, above the likelihood scale's top level 5");
    set_i(x, d, "inherent_likelihood", 5);
    RUN(&f);
    OK(&f, STEP_ASSESS, text);
    /* a bad date is one of its fields' findings too */
    set_s(x, d, "due", "2026-02-30");
    RUN(&f);
    FAILS(&f, STEP_ASSESS, "assessments/2026.cfg:28: risk-3: Due ('due') is '2026-02-30', not a date YYYY-MM-DD");
    ABSENT(&f, text);
    unset(x, d, "due");
    /* the text follows the scales; 5 is now above the impact scale */
    set_scale(&f.p, COLL_IMPACT, 4);
    RUN(&f);
    FAILS(&f, STEP_ASSESS, "assessments/2026.cfg:28: risk-3: Impact ('impact') is 5, above the impact scale's top level 4");
    FAILS(&f, STEP_ASSESS, "assessments/2026.cfg:28: risk-3: Impact before ('inherent_impact') is 5, above the impact scale's top level 4");
    OK(&f, STEP_ASSESS, "\"VPN appliance flaw\": valid fields (levels 1-4 x 1-5, dates, references)");
    fx_free(&f);
}

Test(validate, the_service_of_a_risk_is_in_scope)
{
    struct fixture f;
    fx_init(&f);
    const char *text = "\"Billing data leak\": the service it threatens is not in scope";
    RUN(&f);
    ABSENT(&f, text);
    set_l(&f.r.head, HD, "services", "svc-1", NULL);
    RUN(&f);
    const struct check *k = FAILS(&f, STEP_ASSESS, text);
    cr_assert_eq(k->coll, RC_RISKS);
    cr_assert_eq(k->index, 2);
    FAILS(&f, STEP_ASSESS, "\"Phishing of billing staff\": the service it threatens is not in scope");
    ABSENT(&f, "\"VPN appliance flaw\": the service it threatens is not in scope");
    cr_assert_eq(failing(&f.c), 3);
    set_s(RISK(&f.r, 2), RD(RC_RISKS), "service", "svc-1");
    RUN(&f);
    ABSENT(&f, text);
    fx_free(&f);
}

Test(validate, the_residual_value_is_not_above_the_inherent_one)
{
    struct fixture f;
    fx_init(&f);
    const char *text = "\"VPN appliance flaw\": the residual value is above the inherent one";
    struct record *x = RISK(&f.r, 1);              /* 3x3 = 9, inherent 4x4 = 16 */
    RUN(&f);
    ABSENT(&f, text);
    set_i(x, RD(RC_RISKS), "inherent_impact", 2);  /* 2x4 = 8 */
    RUN(&f);
    const struct check *k = FAILS(&f, STEP_ASSESS, text);
    cr_assert_eq(k->coll, RC_RISKS);
    cr_assert_eq(k->index, 1);
    set_i(x, RD(RC_RISKS), "inherent_likelihood", 5);  /* 2x5 = 10 */
    RUN(&f);
    ABSENT(&f, text);
    set_i(x, RD(RC_RISKS), "inherent_impact", 3);      /* 3x3: equal is fine */
    set_i(x, RD(RC_RISKS), "inherent_likelihood", 3);
    RUN(&f);
    ABSENT(&f, text);
    unset(x, RD(RC_RISKS), "inherent_impact");         /* no inherent value: nothing to compare */
    set_i(x, RD(RC_RISKS), "inherent_likelihood", 1);
    RUN(&f);
    ABSENT(&f, text);
    fx_free(&f);
}

Test(validate, over_the_threshold_needs_a_decision_an_owner_and_a_due_date)
{
    struct fixture f;
    fx_init(&f);
    const char *text = "\"Ransomware encrypts SCADA\" (20 of 25, at or above the threshold) has a decision, an owner and a due date";
    struct record *x = RISK(&f.r, 0);
    const struct coll_def *d = RD(RC_RISKS);
    RUN(&f);
    const struct check *k = OK(&f, STEP_ASSESS, text);
    cr_assert_eq(k->coll, RC_RISKS);
    cr_assert_eq(k->index, 0);
    static const char *const keys[] = {"decision", "owner", "due"};
    for (size_t i = 0; i < 3; i++) {
        char *saved = xstrdup(rec_str(x, field_of(d, keys[i])));
        unset(x, d, keys[i]);
        RUN(&f);
        FAILS(&f, STEP_ASSESS, text);
        set_s(x, d, keys[i], "");
        RUN(&f);
        FAILS(&f, STEP_ASSESS, text);
        set_s(x, d, keys[i], saved);
        free(saved);
        RUN(&f);
        OK(&f, STEP_ASSESS, text);
    }
    /* below the threshold no decision is needed */
    ABSENT(&f, "\"Billing data leak\" (4 of 25, at or above the threshold) has a decision, an owner and a due date");
    ABSENT(&f, "\"VPN appliance flaw\" (9 of 25, at or above the threshold) has a decision, an owner and a due date");
    /* at the threshold it is */
    set_i(RISK(&f.r, 2), d, "impact", 5);   /* 5x2 = 10 */
    RUN(&f);
    FAILS(&f, STEP_ASSESS, "\"Billing data leak\" (10 of 25, at or above the threshold) has a decision, an owner and a due date");
    /* an accepted risk needs no due date */
    k = OK(&f, STEP_ASSESS, "\"Phishing of billing staff\" (12 of 25, at or above the threshold) has a decision, an owner and a due date");
    cr_assert_eq(k->index, 3);
    unset(RISK(&f.r, 3), d, "owner");
    RUN(&f);
    FAILS(&f, STEP_ASSESS, "\"Phishing of billing staff\" (12 of 25, at or above the threshold) has a decision, an owner and a due date");
    fx_free(&f);
}

Test(validate, accepted_over_the_threshold_records_who_and_when)
{
    struct fixture f;
    fx_init(&f);
    const char *text = "\"Phishing of billing staff\" is accepted at or above the threshold: who accepted it and when is recorded";
    struct record *x = RISK(&f.r, 3);
    const struct coll_def *d = RD(RC_RISKS);
    RUN(&f);
    const struct check *k = OK(&f, STEP_ASSESS, text);
    cr_assert_eq(k->coll, RC_RISKS);
    cr_assert_eq(k->index, 3);
    unset(x, d, "accepted_by");
    RUN(&f);
    FAILS(&f, STEP_ASSESS, text);
    set_s(x, d, "accepted_by", "Board");
    unset(x, d, "accepted_on");
    RUN(&f);
    FAILS(&f, STEP_ASSESS, text);
    set_s(x, d, "accepted_on", "");
    RUN(&f);
    FAILS(&f, STEP_ASSESS, text);
    set_s(x, d, "accepted_on", "2026-06-20");
    RUN(&f);
    OK(&f, STEP_ASSESS, text);
    /* not accepted: no such check */
    set_s(x, d, "decision", "mitigate");
    set_s(x, d, "due", "2026-12-01");
    RUN(&f);
    ABSENT(&f, text);
    /* accepted below the threshold: no such check */
    set_s(RISK(&f.r, 1), d, "decision", "accept");
    RUN(&f);
    ABSENT(&f, "\"VPN appliance flaw\" is accepted at or above the threshold: who accepted it and when is recorded");
    cr_assert_eq(failing(&f.c), 0);
    fx_free(&f);
}

Test(validate, overdue_measures)
{
    struct fixture f;
    fx_init(&f);
    const char *text = "\"Ransomware encrypts SCADA\": the measures were due on 2026-12-31";
    run(&f.c, &f.r, &f.p, "2026-12-31");
    ABSENT(&f, text);
    run(&f.c, &f.r, &f.p, "2027-01-01");
    const struct check *k = FAILS(&f, STEP_ASSESS, text);
    cr_assert_eq(k->coll, RC_RISKS);
    cr_assert_eq(k->index, 0);
    /* without a today nothing is overdue */
    run(&f.c, &f.r, &f.p, NULL);
    ABSENT(&f, text);
    /* an accepted risk is never overdue */
    set_s(RISK(&f.r, 3), RD(RC_RISKS), "due", "2026-01-01");
    run(&f.c, &f.r, &f.p, "2027-01-01");
    ABSENT(&f, "\"Phishing of billing staff\": the measures were due on 2026-01-01");
    fx_free(&f);
}

Test(validate, sign_offs_of_steps_1_to_3)
{
    static const struct { const char *id, *text; } so[] = {
        {"prep", "a reviewer signed off Preparation"},
        {"scope", "a reviewer signed off Scoping"},
        {"assess", "a reviewer signed off Assessment"},
    };
    struct fixture f;
    fx_init(&f);
    RUN(&f);
    OK(&f, STEP_VALIDATE, "the automatic checks of steps 1-3 pass");
    for (size_t i = 0; i < 3; i++) {
        const struct check *k = OK(&f, STEP_VALIDATE, so[i].text);
        cr_assert_eq(k->coll, RC_SIGNOFFS);
    }
    for (size_t i = 0; i < 3; i++) {
        struct round r;
        round_copy(&r, &f.r, NULL);
        remove_by_id(&r.c[RC_SIGNOFFS], so[i].id);
        run(&f.c, &r, &f.p, TODAY);
        FAILS(&f, STEP_VALIDATE, so[i].text);
        cr_assert_eq(failing(&f.c), 1, "only the sign-off of %s is missing", so[i].id);
        round_free(&r);
    }
    /* a failing check in each of steps 1-3 */
    static const char *const breaks[] = {"purpose", "services", "resources"};
    for (size_t i = 0; i < 3; i++) {
        struct round r;
        round_copy(&r, &f.r, NULL);
        unset(&r.head, HD, breaks[i]);
        run(&f.c, &r, &f.p, TODAY);
        FAILS(&f, STEP_VALIDATE, "the automatic checks of steps 1-3 pass");
        round_free(&r);
    }
    /* step 4 and 5 failing does not matter to it */
    unset(&f.r.head, HD, "next_review");
    RUN(&f);
    OK(&f, STEP_VALIDATE, "the automatic checks of steps 1-3 pass");
    fx_free(&f);
}

Test(validate, review_step)
{
    struct fixture f;
    fx_init(&f);
    RUN(&f);
    OK(&f, STEP_REVIEW, "the next review date is set");
    OK(&f, STEP_REVIEW, "the next review (2027-04-01) has not passed");
    const struct check *k = OK(&f, STEP_REVIEW, "the review log has an entry");
    cr_assert_eq(k->coll, RC_REVIEWS);
    k = OK(&f, STEP_REVIEW, "a reviewer signed off Review");
    cr_assert_eq(k->coll, RC_SIGNOFFS);
    /* passed */
    run(&f.c, &f.r, &f.p, "2027-04-01");
    OK(&f, STEP_REVIEW, "the next review (2027-04-01) has not passed");
    run(&f.c, &f.r, &f.p, "2027-04-02");
    FAILS(&f, STEP_REVIEW, "the next review (2027-04-01) has not passed");
    run(&f.c, &f.r, &f.p, NULL);
    ABSENT(&f, "the next review (2027-04-01) has not passed");
    /* not set */
    unset(&f.r.head, HD, "next_review");
    RUN(&f);
    FAILS(&f, STEP_REVIEW, "the next review date is set");
    cr_assert_eq(failing(&f.c), 1);
    set_s(&f.r.head, HD, "next_review", "");
    RUN(&f);
    FAILS(&f, STEP_REVIEW, "the next review date is set");
    set_s(&f.r.head, HD, "next_review", "2026-06-30");
    RUN(&f);
    OK(&f, STEP_REVIEW, "the next review date is set");
    FAILS(&f, STEP_REVIEW, "the next review (2026-06-30) has not passed");
    set_s(&f.r.head, HD, "next_review", "2027-04-01");
    /* the log */
    coll_remove(&f.r.c[RC_REVIEWS], 0);
    RUN(&f);
    FAILS(&f, STEP_REVIEW, "the review log has an entry");
    /* the sign-off */
    remove_by_id(&f.r.c[RC_SIGNOFFS], "review");
    RUN(&f);
    FAILS(&f, STEP_REVIEW, "a reviewer signed off Review");
    cr_assert_eq(failing(&f.c), 2);
    /* a "validate" sign-off is not the review's */
    add_signoff(&f.r, "validate", 54);
    RUN(&f);
    FAILS(&f, STEP_REVIEW, "a reviewer signed off Review");
    fx_free(&f);
}

/* --- progress ---------------------------------------------------------------- */

static void assert_progress(const struct checks *c, enum step s, size_t done, size_t total)
{
    size_t d = 99, t = 99;
    step_progress(c, s, &d, &t);
    if (t != total || d != done)
        log_checks(c);
    cr_assert_eq(t, total, "step %d: %zu checks, want %zu", (int)s, t, total);
    cr_assert_eq(d, done, "step %d: %zu passed, want %zu", (int)s, d, done);
}

Test(progress, counts_per_step)
{
    struct fixture f;
    fx_init(&f);
    RUN(&f);
    assert_progress(&f.c, STEP_PREP, 7, 7);
    assert_progress(&f.c, STEP_SCOPE, 4, 4);
    assert_progress(&f.c, STEP_ASSESS, 11, 11);   /* 4 resources, 4 risks' fields, 1 + 2 over the threshold */
    assert_progress(&f.c, STEP_VALIDATE, 4, 4);
    assert_progress(&f.c, STEP_REVIEW, 4, 4);
    unset(&f.r.head, HD, "scope");
    unset(&f.r.head, HD, "schedule");
    unset(RISK(&f.r, 0), RD(RC_RISKS), "owner");
    remove_by_id(&f.r.c[RC_SIGNOFFS], "assess");
    coll_remove(&f.r.c[RC_REVIEWS], 0);
    RUN(&f);
    assert_progress(&f.c, STEP_PREP, 5, 7);
    assert_progress(&f.c, STEP_SCOPE, 4, 4);
    assert_progress(&f.c, STEP_ASSESS, 10, 11);
    assert_progress(&f.c, STEP_VALIDATE, 2, 4);
    assert_progress(&f.c, STEP_REVIEW, 3, 4);
    /* an empty round */
    struct round r;
    round_init(&r, "empty");
    run(&f.c, &r, &f.p, TODAY);
    /* 6 fields (2 required ones as their findings) and the rule and the
     * threshold, each required, in place of the criteria */
    assert_progress(&f.c, STEP_PREP, 0, 8);
    assert_progress(&f.c, STEP_SCOPE, 0, 2);
    /* nothing assessed is not done: one check says so, and fails */
    assert_progress(&f.c, STEP_ASSESS, 0, 1);
    assert_check(&f.c, STEP_ASSESS, "no risk is assessed yet: no resource is in scope, the register is empty", false);
    assert_progress(&f.c, STEP_VALIDATE, 0, 4);
    assert_progress(&f.c, STEP_REVIEW, 0, 3);
    round_free(&r);
    fx_free(&f);
}

Test(progress, a_round_without_risks_is_not_assessed)
{
    struct fixture f;
    fx_init(&f);
    static const char *const empty = "no risk is assessed yet: no resource is in scope, the register is empty";
    RUN(&f);
    ABSENT(&f, empty);
    /* no risks but a resource in scope: that resource's check fails, not this one */
    while (f.r.c[RC_RISKS].n)
        coll_remove(&f.r.c[RC_RISKS], 0);
    RUN(&f);
    ABSENT(&f, empty);
    size_t done, total;
    step_progress(&f.c, STEP_ASSESS, &done, &total);
    cr_assert_lt(done, total, "a round with no risk is not assessed (%zu/%zu)", done, total);
    /* nothing in scope and no risks: said, failing, the step not done */
    strlist_free(&f.r.head.v[HEAD_RESOURCES].list);
    RUN(&f);
    FAILS(&f, STEP_ASSESS, empty);
    assert_progress(&f.c, STEP_ASSESS, 0, 1);
    const struct check *why;
    cr_assert_leq(next_step(&f.c, &why), STEP_ASSESS);
    fx_free(&f);
}

Test(progress, next_step_is_the_first_with_a_failing_check)
{
    struct fixture f;
    fx_init(&f);
    RUN(&f);
    static const struct check sentinel;
    const struct check *why = &sentinel;
    cr_assert_eq(next_step(&f.c, &why), STEP__COUNT);
    cr_assert_null(why);
    cr_assert_eq(next_step(&f.c, NULL), STEP__COUNT);

    coll_remove(&f.r.c[RC_REVIEWS], 0);
    RUN(&f);
    cr_assert_eq(next_step(&f.c, &why), STEP_REVIEW);
    cr_assert_not_null(why);
    cr_assert_str_eq(why->text, "the review log has an entry");
    cr_assert_eq(why->coll, RC_REVIEWS);

    remove_by_id(&f.r.c[RC_SIGNOFFS], "scope");
    RUN(&f);
    cr_assert_eq(next_step(&f.c, &why), STEP_VALIDATE);
    cr_assert_str_eq(why->text, "a reviewer signed off Scoping");

    unset(RISK(&f.r, 0), RD(RC_RISKS), "owner");
    RUN(&f);
    cr_assert_eq(next_step(&f.c, &why), STEP_ASSESS);
    cr_assert_str_eq(why->text, "\"Ransomware encrypts SCADA\" (20 of 25, at or above the threshold) has a decision, an owner and a due date");
    cr_assert_eq(why->coll, RC_RISKS);
    cr_assert_eq(why->index, 0);

    set_l(&f.r.head, HD, "services", NULL);
    RUN(&f);
    cr_assert_eq(next_step(&f.c, &why), STEP_SCOPE);
    cr_assert_str_eq(why->text, "at least one priority service is in scope");

    /* the first failing check of the step, in order */
    unset(&f.r.head, HD, "sources");
    unset(&f.r.head, HD, "schedule");
    RUN(&f);
    cr_assert_eq(next_step(&f.c, &why), STEP_PREP);
    cr_assert_str_eq(why->text, "the schedule is set");
    cr_assert_eq(why->coll, -1);
    cr_assert_eq(next_step(&f.c, NULL), STEP_PREP);
    fx_free(&f);
}

/* --- kijun check on a round --------------------------------------------------- */

static struct library *lib;

static void load_lib(void)
{
    lib = test_library();
}

static void free_lib(void)
{
    if (lib)
        library_free(lib);
    lib = NULL;
}

static void check_expect(const struct round *r, const struct profile *p, const struct library *l,
                         const struct want *w, size_t n)
{
    struct diag_list dl = {0};
    round_check(r, p, l, FILE_NAME, &dl);
    expect(&dl, FILE_NAME, w, n);
    diag_clear(&dl);
}

#define EXPECT(r, p, ...) do { \
        const struct want w_[] = {__VA_ARGS__}; \
        check_expect(r, p, lib, w_, sizeof w_ / sizeof *w_); \
    } while (0)
#define EXPECT_NONE(r, p) check_expect(r, p, lib, NULL, 0)

TestSuite(check, .init = load_lib, .fini = free_lib);

Test(check, the_base_round_is_clean)
{
    struct fixture f;
    fx_init(&f);
    EXPECT_NONE(&f.r, &f.p);
    fx_free(&f);
}

Test(check, dates_in_the_wrong_format)
{
    struct fixture f;
    fx_init(&f);
    set_s(&f.r.head, HD, "date", "2026/06/01");
    EXPECT(&f.r, &f.p, {DIAG_ERROR, 3, "round: Date ('date') is '2026/06/01', not a date YYYY-MM-DD"});
    set_s(&f.r.head, HD, "date", "2026-02-30");
    set_s(RISK(&f.r, 0), RD(RC_RISKS), "due", "31.12.2026");
    set_s(&f.r.c[RC_SIGNOFFS].r[0], RD(RC_SIGNOFFS), "date", "2026-6-25");
    EXPECT(&f.r, &f.p,
           {DIAG_ERROR, 3, "round: Date ('date') is '2026-02-30', not a date YYYY-MM-DD"},
           {DIAG_ERROR, 20, "risk-1: Due ('due') is '31.12.2026', not a date YYYY-MM-DD"},
           {DIAG_ERROR, 50, "prep: Date ('date') is '2026-6-25', not a date YYYY-MM-DD"});
    fx_free(&f);
}

Test(check, required_fields_ranges_and_values)
{
    struct fixture f;
    fx_init(&f);
    unset(&f.r.head, HD, "purpose");
    set_i(RISK(&f.r, 1), RD(RC_RISKS), "impact", 7);
    set_s(RISK(&f.r, 2), RD(RC_RISKS), "decision", "ignore");
    set_i(&f.r.head, HD, "threshold", 37);
    EXPECT(&f.r, &f.p,
           {DIAG_ERROR, 3, "round: Purpose ('purpose') is required"},
           {DIAG_ERROR, 3, "round: Threshold ('threshold') is 37, outside 1..36"},
           {DIAG_ERROR, 24, "risk-2: Impact ('impact') is 7, above the impact scale's top level 5"},
           {DIAG_ERROR, 28, "risk-3: Decision ('decision') is 'ignore', not one of the allowed values"});
    fx_free(&f);
}

Test(check, a_sign_off_of_an_unknown_step)
{
    struct fixture f;
    fx_init(&f);
    add_signoff(&f.r, "validate", 54);   /* a step, though no rule needs it */
    EXPECT_NONE(&f.r, &f.p);
    add_signoff(&f.r, "approve", 55);
    EXPECT(&f.r, &f.p,
           {DIAG_ERROR, 55, "signoffs: 'approve' is not a step (prep, scope, assess, validate, review)"});
    fx_free(&f);
}

Test(check, a_threat_not_in_the_catalogues)
{
    struct fixture f;
    fx_init(&f);
    /* each of the three catalogues */
    set_s(RISK(&f.r, 1), RD(RC_RISKS), "threat", "supply_chain.subcontractor");
    set_s(RISK(&f.r, 2), RD(RC_RISKS), "threat", "ics_misconceptions.firewall");
    EXPECT_NONE(&f.r, &f.p);
    set_s(RISK(&f.r, 0), RD(RC_RISKS), "threat", "incidents.aliens");
    set_s(RISK(&f.r, 1), RD(RC_RISKS), "threat", "sectors.water");   /* a table that is no catalogue */
    EXPECT(&f.r, &f.p,
           {DIAG_ERROR, 20, "risk-1: Threat ('threat') names 'incidents.aliens', which does not exist"},
           {DIAG_ERROR, 24, "risk-2: Threat ('threat') names 'sectors.water', which does not exist"});
    /* without the library threats are not judged */
    check_expect(&f.r, &f.p, NULL, NULL, 0);
    fx_free(&f);
}

Test(check, references_to_missing_entries)
{
    struct fixture f;
    fx_init(&f);
    set_s(RISK(&f.r, 0), RD(RC_RISKS), "resource", "res-9");
    set_s(RISK(&f.r, 2), RD(RC_RISKS), "service", "svc-9");
    set_l(&f.r.head, HD, "resources", "res-1", "res-8", NULL);
    set_l(&f.r.head, HD, "services", "svc-1", "res-1", NULL);   /* a resource is no service */
    EXPECT(&f.r, &f.p,
           {DIAG_ERROR, 20, "risk-1: Resource ('resource') names 'res-9', which does not exist"},
           {DIAG_ERROR, 28, "risk-3: Service ('service') names 'svc-9', which does not exist"},
           {DIAG_ERROR, 3, "round: Resources in scope ('resources') names 'res-8', which does not exist"},
           {DIAG_ERROR, 3, "round: Services in scope ('services') names 'res-1', which does not exist"});
    fx_free(&f);
}

Test(check, a_no_risk_note_for_a_missing_resource)
{
    struct fixture f;
    fx_init(&f);
    coll_remove(&f.r.c[RC_CLEAR], 0);
    struct record *x = add_to(&f.r.c[RC_CLEAR], "res-9", 40);
    set_s(x, RD(RC_CLEAR), "note", "Gone");
    struct diag_list dl = {0};
    round_check(&f.r, &f.p, lib, FILE_NAME, &dl);
    if (dl.n != 1)
        log_diags(&dl);
    cr_assert_eq(dl.n, 1);
    cr_assert_eq(dl.v[0].severity, DIAG_ERROR);
    cr_assert_eq(dl.v[0].line, 40);
    cr_assert_not_null(strstr(dl.v[0].text, "'res-9'"), "%s", dl.v[0].text);
    diag_clear(&dl);
    fx_free(&f);
}

Test(check, duplicate_risk_ids)
{
    struct fixture f;
    fx_init(&f);
    add_risk(&f.r, "risk-1", "Again", "res-1", "svc-1", 1, 1, 36);
    EXPECT(&f.r, &f.p, {DIAG_ERROR, 36, "risks: id 'risk-1' is used twice (first at line 20)"});
    fx_free(&f);
}

/* --- comparison --------------------------------------------------------------- */

static void assert_diff(const struct diff *d, enum change_kind kind, const struct record *now,
                        const struct record *before, long long vn, long long vb)
{
    cr_assert_eq(d->kind, kind, "kind %d, want %d", (int)d->kind, (int)kind);
    cr_assert_eq(d->now, now);
    cr_assert_eq(d->before, before);
    cr_assert_eq(d->value_now, vn, "value now %lld, want %lld", d->value_now, vn);
    cr_assert_eq(d->value_before, vb, "value before %lld, want %lld", d->value_before, vb);
}

Test(compare, added_removed_rose_fell)
{
    struct round before, now;
    base_round(&before);
    round_copy(&now, &before, "2027");
    set_i(RISK(&now, 0), RD(RC_RISKS), "impact", 4);        /* 20 -> 16 */
    set_i(RISK(&now, 1), RD(RC_RISKS), "likelihood", 4);    /* 9 -> 12 */
    set_s(RISK(&now, 3), RD(RC_RISKS), "title", "Renamed"); /* same value: omitted */
    remove_by_id(&now.c[RC_RISKS], "risk-3");               /* 4 -> gone */
    add_risk(&now, "risk-5", "Flood", "res-1", "svc-1", 3, 2, 40);  /* new, 6 */
    struct diff *d = NULL;
    size_t n = round_compare(&now, &before, &d);
    cr_assert_eq(n, 4, "got %zu changes", n);
    assert_diff(&d[0], DIFF_FELL, RISK(&now, 0), RISK(&before, 0), 16, 20);
    assert_diff(&d[1], DIFF_ROSE, RISK(&now, 1), RISK(&before, 1), 12, 9);
    assert_diff(&d[2], DIFF_ADDED, RISK(&now, 3), NULL, 6, 0);
    assert_diff(&d[3], DIFF_REMOVED, NULL, RISK(&before, 2), 0, 4);
    free(d);
    round_free(&now);
    round_free(&before);
}

Test(compare, by_id_and_by_each_rounds_rule)
{
    struct round before, now;
    base_round(&before);
    round_copy(&now, &before, "2027");
    struct diff *d = NULL;
    cr_assert_eq(round_compare(&now, &before, &d), 0);
    free(d);
    /* reordered: still unchanged */
    coll_move(&now.c[RC_RISKS], 0, 3);
    d = NULL;
    cr_assert_eq(round_compare(&now, &before, &d), 0);
    free(d);
    /* the sum rule now: 5+4 = 9 against 20 fell, 2+2 = 4 unchanged */
    set_s(&now.head, HD, "rule", "sum");
    d = NULL;
    size_t n = round_compare(&now, &before, &d);
    cr_assert_eq(n, 3, "got %zu changes", n);
    /* now: risk-2 (6 vs 9), risk-3 (4 = 4), risk-4 (7 vs 12), risk-1 (9 vs 20) */
    assert_diff(&d[0], DIFF_FELL, RISK(&now, 0), RISK(&before, 1), 6, 9);
    assert_diff(&d[1], DIFF_FELL, RISK(&now, 2), RISK(&before, 3), 7, 12);
    assert_diff(&d[2], DIFF_FELL, RISK(&now, 3), RISK(&before, 0), 9, 20);
    free(d);
    /* an id changed: removed and added */
    set_s(&now.head, HD, "rule", "product");
    struct record renamed;
    record_copy(&renamed, RISK(&now, 3), RD(RC_RISKS));
    free(renamed.id);
    renamed.id = xstrdup("risk-1b");
    coll_remove(&now.c[RC_RISKS], 3);
    coll_add(&now.c[RC_RISKS], &renamed);
    d = NULL;
    n = round_compare(&now, &before, &d);
    cr_assert_eq(n, 2);
    assert_diff(&d[0], DIFF_ADDED, RISK(&now, 3), NULL, 20, 0);
    assert_diff(&d[1], DIFF_REMOVED, NULL, RISK(&before, 0), 0, 20);
    free(d);
    round_free(&now);
    round_free(&before);
}

/* --- heat map ------------------------------------------------------------------- */

static void assert_cells(const size_t *counts, size_t n, const size_t *want)
{
    for (size_t i = 0; i < n; i++)
        cr_expect_eq(counts[i], want[i], "cell %zu (impact %zu, likelihood %zu): %zu, want %zu",
                     i, i / 5 + 1, i % 5 + 1, counts[i], want[i]);
}

Test(heatmap, counts_per_cell)
{
    struct fixture f;
    fx_init(&f);
    size_t counts[25], want[25] = {0};
    memset(counts, 0xff, sizeof counts);
    round_heatmap(&f.r, &f.p, counts);
    want[(5 - 1) * 5 + (4 - 1)] = 1;   /* risk-1 5x4 */
    want[(3 - 1) * 5 + (3 - 1)] = 1;   /* risk-2 3x3 */
    want[(2 - 1) * 5 + (2 - 1)] = 1;   /* risk-3 2x2 */
    want[(4 - 1) * 5 + (3 - 1)] = 1;   /* risk-4 4x3 */
    assert_cells(counts, 25, want);
    add_risk(&f.r, "risk-5", "Again 3x3", "res-1", "svc-1", 3, 3, 36);
    add_risk(&f.r, "risk-6", "Off the scale", "res-1", "svc-1", 6, 1, 37);
    add_risk(&f.r, "risk-7", "Corner", "res-1", "svc-1", 1, 5, 38);
    struct record *x = add_risk(&f.r, "risk-8", "Not rated", "res-1", "svc-1", 1, 1, 39);
    unset(x, RD(RC_RISKS), "likelihood");
    round_heatmap(&f.r, &f.p, counts);
    want[(3 - 1) * 5 + (3 - 1)] = 2;
    want[(1 - 1) * 5 + (5 - 1)] = 1;
    assert_cells(counts, 25, want);
    fx_free(&f);
}

Test(heatmap, rows_are_impact_and_columns_likelihood)
{
    struct fixture f;
    fx_init(&f);
    set_scale(&f.p, COLL_IMPACT, 4);
    set_scale(&f.p, COLL_LIKELIHOOD, 3);
    coll_free(&f.r.c[RC_RISKS]);
    add_risk(&f.r, "a", "a", "res-1", "svc-1", 4, 3, 1);
    add_risk(&f.r, "b", "b", "res-1", "svc-1", 1, 3, 2);
    add_risk(&f.r, "c", "c", "res-1", "svc-1", 2, 1, 3);
    add_risk(&f.r, "d", "d", "res-1", "svc-1", 3, 4, 4);   /* likelihood 4 is off this scale */
    size_t counts[12];
    memset(counts, 0xff, sizeof counts);
    round_heatmap(&f.r, &f.p, counts);
    const size_t want[12] = {0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1};
    for (size_t i = 0; i < 12; i++)
        cr_expect_eq(counts[i], want[i], "cell %zu: %zu, want %zu", i, counts[i], want[i]);
    fx_free(&f);
}

/* --- register ---------------------------------------------------------------------- */

/* The base round and risk-5 "Flood of the pumping station" res-1 svc-1 3x4 = 12 high,
 * transfer, Facilities, due 2026-08-31:
 *   index  value band  service       owner       due         decision
 *   0      20    V     Water supply  Facilities  2026-12-31  mitigate
 *   1       9    M     Water supply  IT          2026-09-30  mitigate
 *   2       4    L     Billing       Accounting  -           -
 *   3      12    H     Billing       Finance     -           accept
 *   4      12    H     Water supply  Facilities  2026-08-31  transfer */
static void register_fixture(struct fixture *f)
{
    fx_init(f);
    struct record *x = add_risk(&f->r, "risk-5", "Flood of the pumping station", "res-1", "svc-1", 3, 4, 36);
    const struct coll_def *d = RD(RC_RISKS);
    set_s(x, d, "scenario", "Heavy RAIN overwhelms the pumps");
    set_s(x, d, "decision", "transfer");
    set_s(x, d, "owner", "Facilities");
    set_s(x, d, "measures", "Insurance");
    set_s(x, d, "due", "2026-08-31");
}

static void assert_order(const size_t *got, size_t n, const size_t *want, size_t wn)
{
    char gs[128] = "", ws[128] = "";
    for (size_t i = 0; i < n; i++)
        snprintf(gs + strlen(gs), sizeof gs - strlen(gs), "%zu ", got[i]);
    for (size_t i = 0; i < wn; i++)
        snprintf(ws + strlen(ws), sizeof ws - strlen(ws), "%zu ", want[i]);
    cr_assert_str_eq(gs, ws, "order [%s], want [%s]", gs, ws);
}

#define ORDER(f, sort, filter, ...) do { \
        const size_t want_[] = {__VA_ARGS__}; \
        size_t out_[16]; \
        size_t n_ = round_register(&(f)->r, &(f)->p, sort, filter, out_); \
        assert_order(out_, n_, want_, sizeof want_ / sizeof *want_); \
    } while (0)
#define NONE(f, filter) do { \
        size_t out_[16]; \
        cr_assert_eq(round_register(&(f)->r, &(f)->p, SORT_RESIDUAL, filter, out_), 0); \
    } while (0)

Test(risk_register, sorted_by_residual_value_stable)
{
    struct fixture f;
    register_fixture(&f);
    ORDER(&f, SORT_RESIDUAL, NULL, 0, 3, 4, 1, 2);
    /* an unrated risk comes last */
    unset(RISK(&f.r, 0), RD(RC_RISKS), "impact");
    ORDER(&f, SORT_RESIDUAL, NULL, 3, 4, 1, 2, 0);
    fx_free(&f);
}

Test(risk_register, sorted_by_service_name)
{
    struct fixture f;
    register_fixture(&f);
    /* "Billing" (svc-2) before "Water supply" (svc-1); within one, by value */
    ORDER(&f, SORT_SERVICE, NULL, 3, 2, 0, 4, 1);
    fx_free(&f);
}

Test(risk_register, ties_by_value_then_title)
{
    struct fixture f;
    register_fixture(&f);
    set_s(RISK(&f.r, 4), RD(RC_RISKS), "service", "svc-2");   /* Billing: 2 (4), 3 (12), 4 (12) */
    set_s(RISK(&f.r, 3), RD(RC_RISKS), "title", "Zebra");
    set_s(RISK(&f.r, 4), RD(RC_RISKS), "title", "Alpha");
    ORDER(&f, SORT_SERVICE, NULL, 4, 3, 2, 0, 1);
    ORDER(&f, SORT_RESIDUAL, NULL, 0, 3, 4, 1, 2); /* by value: ties as in the file */
    fx_free(&f);
}

Test(risk_register, accepted_counts_no_stale_acceptance)
{
    struct fixture f;
    register_fixture(&f);
    struct record *x = RISK(&f.r, 3); /* accept, 12 */
    set_i(x, RD(RC_RISKS), "accepted_value", 12);
    cr_assert(risk_accepted(&f.r, x));
    set_i(x, RD(RC_RISKS), "accepted_value", 9); /* accepted at 9, now 12: stale */
    cr_assert(risk_acceptance_stale(&f.r, x));
    cr_assert_not(risk_accepted(&f.r, x), "a stale acceptance accepts nothing");
    cr_assert_not(risk_accepted(&f.r, RISK(&f.r, 0)), "mitigate is no acceptance");
    fx_free(&f);
}

Test(risk_register, sorted_by_owner)
{
    struct fixture f;
    register_fixture(&f);
    ORDER(&f, SORT_OWNER, NULL, 2, 0, 4, 3, 1);
    fx_free(&f);
}

Test(risk_register, sorted_by_due_date_with_no_date_last)
{
    struct fixture f;
    register_fixture(&f);
    ORDER(&f, SORT_DUE, NULL, 4, 1, 0, 3, 2); /* no date: by value */
    set_s(RISK(&f.r, 3), RD(RC_RISKS), "due", "2026-01-15");
    set_s(RISK(&f.r, 1), RD(RC_RISKS), "due", "");
    ORDER(&f, SORT_DUE, NULL, 3, 4, 0, 1, 2);
    fx_free(&f);
}

Test(risk_register, filter_by_band)
{
    struct fixture f;
    register_fixture(&f);
    struct risk_filter flt = {0};
    flt.band = BAND_HIGH;
    ORDER(&f, SORT_RESIDUAL, &flt, 3, 4);
    flt.band = BAND_VERY_HIGH;
    ORDER(&f, SORT_RESIDUAL, &flt, 0);
    flt.band = BAND_MEDIUM;
    ORDER(&f, SORT_RESIDUAL, &flt, 1);
    flt.band = BAND_LOW;
    ORDER(&f, SORT_DUE, &flt, 2);
    flt.band = BAND_NONE;     /* any */
    ORDER(&f, SORT_RESIDUAL, &flt, 0, 3, 4, 1, 2);
    fx_free(&f);
}

Test(risk_register, filter_by_decision)
{
    struct fixture f;
    register_fixture(&f);
    struct risk_filter flt = {0};
    flt.decision = "mitigate";
    ORDER(&f, SORT_RESIDUAL, &flt, 0, 1);
    flt.decision = "accept";
    ORDER(&f, SORT_RESIDUAL, &flt, 3);
    flt.decision = "transfer";
    ORDER(&f, SORT_RESIDUAL, &flt, 4);
    flt.decision = "";        /* no decision yet */
    ORDER(&f, SORT_RESIDUAL, &flt, 2);
    set_s(RISK(&f.r, 1), RD(RC_RISKS), "decision", "");
    ORDER(&f, SORT_RESIDUAL, &flt, 1, 2);
    flt.decision = "avoid";
    NONE(&f, &flt);
    fx_free(&f);
}

Test(risk_register, filter_by_owner)
{
    struct fixture f;
    register_fixture(&f);
    struct risk_filter flt = {0};
    flt.owner = "Facilities";
    ORDER(&f, SORT_RESIDUAL, &flt, 0, 4);
    ORDER(&f, SORT_DUE, &flt, 4, 0);
    flt.owner = "IT";
    ORDER(&f, SORT_RESIDUAL, &flt, 1);
    flt.owner = "Facil";      /* the whole owner, not a part */
    NONE(&f, &flt);
    fx_free(&f);
}

Test(risk_register, filter_by_text_ignoring_case)
{
    struct fixture f;
    register_fixture(&f);
    struct risk_filter flt = {0};
    flt.text = "rain";                 /* scenario "Heavy RAIN ..." */
    ORDER(&f, SORT_RESIDUAL, &flt, 4);
    flt.text = "SCADA";                /* title of risk-1 */
    ORDER(&f, SORT_RESIDUAL, &flt, 0);
    flt.text = "scada";
    ORDER(&f, SORT_RESIDUAL, &flt, 0);
    flt.text = "BACKUPS";              /* controls */
    ORDER(&f, SORT_RESIDUAL, &flt, 0);
    flt.text = "insurance";            /* measures */
    ORDER(&f, SORT_RESIDUAL, &flt, 4);
    flt.text = "billing";              /* two titles */
    ORDER(&f, SORT_RESIDUAL, &flt, 3, 2);
    flt.text = "脆弱性";               /* Japanese, in a scenario */
    ORDER(&f, SORT_RESIDUAL, &flt, 1);
    flt.text = "nothing like this";
    NONE(&f, &flt);
    flt.text = "";                     /* any */
    ORDER(&f, SORT_RESIDUAL, &flt, 0, 3, 4, 1, 2);
    fx_free(&f);
}

Test(risk_register, filter_by_heat_map_cell_and_combined)
{
    struct fixture f;
    register_fixture(&f);
    struct risk_filter flt = {0};
    flt.impact = 3;
    flt.likelihood = 4;
    ORDER(&f, SORT_RESIDUAL, &flt, 4);
    flt.likelihood = 0;                /* a row */
    ORDER(&f, SORT_RESIDUAL, &flt, 4, 1);
    flt.impact = 0;
    flt.likelihood = 3;                /* a column */
    ORDER(&f, SORT_RESIDUAL, &flt, 3, 1);
    flt.impact = 5;
    flt.likelihood = 5;
    NONE(&f, &flt);
    /* every filter at once */
    struct risk_filter all = {BAND_HIGH, "transfer", "Facilities", "pump", 3, 4};
    ORDER(&f, SORT_RESIDUAL, &all, 4);
    all.owner = "IT";
    NONE(&f, &all);
    fx_free(&f);
}

/* --- the store ---------------------------------------------------------------------- */

static char root[64];

/* rm -rf */
static void rm_rf(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        chmod(path, 0700);
        DIR *d = opendir(path);
        if (d) {
            for (struct dirent *e; (e = readdir(d));) {
                if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                    continue;
                char *p = xmalloc(strlen(path) + strlen(e->d_name) + 2);
                sprintf(p, "%s/%s", path, e->d_name);
                rm_rf(p);
                free(p);
            }
            closedir(d);
        }
        rmdir(path);
    } else {
        unlink(path);
    }
}

static void store_setup(void)
{
    strcpy(root, "/tmp/kijun-round-test-XXXXXX");
    cr_assert_not_null(mkdtemp(root), "mkdtemp: %s", strerror(errno));
    load_lib();
}

static void store_teardown(void)
{
    if (root[0])
        rm_rf(root);
    root[0] = '\0';
    free_lib();
}

static char *at(const char *name)
{
    return ws_path(root, name);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "cannot open %s: %s", path, strerror(errno));
    size_t cap = 4096, n = 0, r;
    char *s = xmalloc(cap);
    while ((r = fread(s + n, 1, cap - n - 1, f)) > 0)
        if ((n += r) + 1 == cap)
            s = xrealloc(s, cap *= 2);
    fclose(f);
    s[n] = '\0';
    return s;
}

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f, "cannot create %s: %s", path, strerror(errno));
    size_t len = strlen(text);
    cr_assert_eq(fwrite(text, 1, len, f), len);
    cr_assert_eq(fclose(f), 0);
}

struct loaded_round {
    enum ws_status st;
    struct round r;
    struct ws_file info;
    struct diag_list dl;
};

static void load_round_at(struct loaded_round *l, const char *path, const struct profile *p)
{
    memset(l, 0, sizeof *l);
    round_init(&l->r, "loaded");
    l->st = ws_load_round(path, lib, p, &l->r, &l->info, &l->dl);
    if (l->st == WS_OK) /* and the model's rules, as kijun check runs them */
        round_check(&l->r, p, lib, path, &l->dl);
    cr_assert_eq(l->info.status, l->st);
    cr_assert_str_eq(l->info.path, path);
}

static void loaded_round_free(struct loaded_round *l)
{
    round_free(&l->r);
    diag_clear(&l->dl);
    free(l->info.path);
}

TestSuite(store, .init = store_setup, .fini = store_teardown);

/* The base round with Japanese text, quotes, backslashes, an empty list
 * and an empty string. */
static void rich_round(struct round *r)
{
    base_round(r);
    set_s(&r->head, HD, "purpose", "年次リスク評価「水道」");
    set_l(&r->head, HD, "team", "佐藤（CISO、責任者）", "伊藤 \"facilitator\"", NULL);
    set_l(&r->head, HD, "sources", NULL);
    set_s(&r->head, HD, "previous", "2025");
    set_s(RISK(r, 0), RD(RC_RISKS), "title", "ランサムウェアによるSCADAの暗号化");
    set_s(RISK(r, 0), RD(RC_RISKS), "controls", "C:\\backup and \\n literally");
    set_s(RISK(r, 2), RD(RC_RISKS), "note", "");
    set_i(RISK(r, 3), RD(RC_RISKS), "accepted_value", 0);
    set_s(&r->c[RC_SIGNOFFS].r[0], RD(RC_SIGNOFFS), "comment", "問題なし 🚰");
    set_s(&r->c[RC_REVIEWS].r[0], RD(RC_REVIEWS), "changes", "追加: VPN の リスク");
}

Test(store, format_and_load_round_trip)
{
    struct profile p;
    base_profile(&p);
    struct round r;
    rich_round(&r);
    char *text = ws_format_round(&r);
    char *path = at("2026.cfg");
    put(path, text);
    struct loaded_round l;
    load_round_at(&l, path, &p);
    if (l.dl.n)
        log_diags(&l.dl);
    cr_assert_eq(l.st, WS_OK);
    cr_assert_eq(l.dl.n, 0);
    cr_assert_not(l.info.has_comments);
    cr_assert(round_equal(&l.r, &r), "the loaded round differs from the saved one");
    cr_assert_str_eq(rec_str(&l.r.head, HEAD_PURPOSE), "年次リスク評価「水道」");
    cr_assert_str_eq(rec_str(RISK(&l.r, 0), RISK_CONTROLS), "C:\\backup and \\n literally");
    /* the lines are where the records are in the file */
    cr_assert_eq(l.r.head.line, 3);
    /* formatting it again gives the same text */
    char *again = ws_format_round(&l.r);
    cr_assert_str_eq(again, text);
    free(again);
    /* a round_equal that can fail */
    set_s(RISK(&l.r, 3), RD(RC_RISKS), "owner", "Someone else");
    cr_assert_not(round_equal(&l.r, &r));
    loaded_round_free(&l);
    free(path);
    free(text);
    round_free(&r);
    profile_free(&p);
}

Test(store, a_second_save_is_unchanged)
{
    struct round r;
    rich_round(&r);
    char *path = at("2026.cfg");
    struct diag_list dl = {0};
    bool unchanged = true;
    cr_assert(ws_save_round(path, &r, &unchanged, &dl));
    cr_assert_not(unchanged);
    char *text = ws_format_round(&r);
    char *saved = slurp(path);
    cr_assert_str_eq(saved, text);
    free(saved);
    cr_assert(ws_save_round(path, &r, &unchanged, &dl));
    cr_assert(unchanged);
    /* a change is written */
    set_s(&r.head, HD, "scope", "水道のみ");
    cr_assert(ws_save_round(path, &r, &unchanged, &dl));
    cr_assert_not(unchanged);
    cr_assert_eq(dl.n, 0);
    /* and loads back equal */
    struct profile p;
    base_profile(&p);
    struct loaded_round l;
    load_round_at(&l, path, &p);
    cr_assert_eq(l.st, WS_OK);
    cr_assert(round_equal(&l.r, &r));
    cr_assert_str_eq(rec_str(&l.r.head, HEAD_SCOPE), "水道のみ");
    loaded_round_free(&l);
    profile_free(&p);
    free(text);
    free(path);
    round_free(&r);
}

Test(store, loading_reports_findings_with_their_lines)
{
    struct profile p;
    base_profile(&p);
    char *path = at("2026.cfg");
    put(path,
        "kijun_workspace = 1;\n"
        "round = {\n"
        "  date = \"2026-06-01\";\n"
        "  purpose = \"x\";\n"
        "  rule = \"product\";\n"
        "  threshold = 10;\n"
        "};\n"
        "risks = (\n"
        "  { id = \"risk-1\"; title = \"t\"; resource = \"res-1\"; service = \"svc-1\";\n"
        "    threat = \"incidents.nope\"; impact = 2; likelihood = 2; }\n"
        ");\n"
        "signoffs = (\n"
        "  { id = \"sign\"; reviewer = \"r\"; date = \"2026-06-02\"; }\n"
        ");\n");
    struct loaded_round l;
    load_round_at(&l, path, &p);
    cr_assert_eq(l.st, WS_OK);
    const struct want w[] = {
        {DIAG_ERROR, 10, "risk-1: Threat ('threat') names 'incidents.nope', which does not exist"},
        {DIAG_ERROR, 13, "signoffs: 'sign' is not a step (prep, scope, assess, validate, review)"},
    };
    expect(&l.dl, path, w, 2);
    cr_assert_eq(l.r.c[RC_RISKS].n, 1);
    cr_assert_eq(risk_residual(&l.r, RISK(&l.r, 0)), 4);
    loaded_round_free(&l);
    free(path);
    profile_free(&p);
}

Test(store, a_syntax_error_is_unreadable_with_its_line)
{
    struct profile p;
    base_profile(&p);
    char *path = at("2026.cfg");
    put(path, "kijun_workspace = 1;\nround = {\n  date = \"2026-06-01\";\n  purpose = = \"x\";\n};\n");
    struct loaded_round l;
    load_round_at(&l, path, &p);
    cr_assert_eq(l.st, WS_UNREADABLE);
    if (l.dl.n != 1)
        log_diags(&l.dl);
    cr_assert_eq(l.dl.n, 1);
    cr_assert_eq(l.dl.v[0].severity, DIAG_ERROR);
    cr_assert_str_eq(l.dl.v[0].file, path);
    cr_assert_eq(l.dl.v[0].line, 4);
    cr_assert_str_eq(l.dl.v[0].text, "syntax error");
    cr_assert_str_eq(rec_str(&l.r.head, HEAD_DATE), "", "nothing was read");
    loaded_round_free(&l);
    free(path);
    profile_free(&p);
}

Test(store, a_missing_round_file)
{
    struct profile p;
    base_profile(&p);
    char *path = at("none.cfg");
    struct loaded_round l;
    load_round_at(&l, path, &p);
    cr_assert_eq(l.st, WS_MISSING);
    cr_assert_eq(l.dl.n, 0);
    loaded_round_free(&l);
    free(path);
    profile_free(&p);
}

static void touch_in(const char *dir, const char *name)
{
    char *p = ws_path(dir, name);
    put(p, "kijun_workspace = 1;\n");
    free(p);
}

Test(store, list_rounds_sorted_skipping_other_files)
{
    static char *sentinel[1];
    char **names = sentinel;
    /* no assessments folder */
    cr_assert_eq(ws_list_rounds(root, &names), 0);
    cr_assert_null(names);
    char *dir = at("assessments");
    cr_assert_eq(mkdir(dir, 0700), 0, "%s", strerror(errno));
    names = sentinel;
    cr_assert_eq(ws_list_rounds(root, &names), 0);
    cr_assert_null(names);
    static const char *const files[] = {
        "2026.cfg", "2025.cfg", "a-b_c.d.cfg", "Z.cfg",
        ".hidden.cfg", "bad name.cfg", "日本.cfg", ".cfg", "notes.txt", "2024.cfg.bak", "2023.CFG",
        "x.cfg~",
    };
    for (size_t i = 0; i < sizeof files / sizeof *files; i++)
        touch_in(dir, files[i]);
    size_t n = ws_list_rounds(root, &names);
    static const char *const want[] = {"2025", "2026", "Z", "a-b_c.d"};
    if (n != 4)
        for (size_t i = 0; i < n; i++)
            cr_log_error("listed: %s", names[i]);
    cr_assert_eq(n, 4, "got %zu rounds", n);
    for (size_t i = 0; i < n; i++)
        cr_assert_str_eq(names[i], want[i]);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    free(dir);
}

Test(store, round_names)
{
    char max[65], over[66];
    memset(max, 'a', 64);
    max[64] = '\0';
    memset(over, 'a', 65);
    over[65] = '\0';
    static const char *const good[] = {"2026", "a", "A-z_0.9", "2026-h1", "x..y", "round."};
    static const char *const bad[] = {"", ".hidden", ".", "..", "a b", "a/b", "../x", "日本",
                                      "a\tb", "a:b", "a*b"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++)
        cr_expect(ws_round_name_valid(good[i]), "'%s' is refused", good[i]);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        cr_expect_not(ws_round_name_valid(bad[i]), "'%s' is accepted", bad[i]);
    cr_assert(ws_round_name_valid(max));
    cr_assert_not(ws_round_name_valid(over));
}

/* --- the scales' levels as a person reads them ------------------------------- */

Test(scales, a_risk_level_field_is_on_its_scale)
{
    cr_assert_eq(field_scale(RD(RC_RISKS), RISK_IMPACT), COLL_IMPACT);
    cr_assert_eq(field_scale(RD(RC_RISKS), RISK_INHERENT_IMPACT), COLL_IMPACT);
    cr_assert_eq(field_scale(RD(RC_RISKS), RISK_LIKELIHOOD), COLL_LIKELIHOOD);
    cr_assert_eq(field_scale(RD(RC_RISKS), RISK_INHERENT_LIKELIHOOD), COLL_LIKELIHOOD);
    cr_assert_eq(field_scale(RD(RC_RISKS), RISK_ACCEPTED_VALUE), -1);
    cr_assert_eq(field_scale(HD, HEAD_THRESHOLD), -1);
    cr_assert_eq(field_def_scale(&RD(RC_RISKS)->fields[RISK_LIKELIHOOD]), COLL_LIKELIHOOD);
    cr_assert_eq(field_def_scale(&RD(RC_RISKS)->fields[RISK_TITLE]), -1);
    cr_assert_eq(field_def_scale(&HD->fields[HEAD_THRESHOLD]), -1);
}

Test(scales, a_level_reads_with_its_label)
{
    struct profile p;
    profile_init(&p);
    add_level(&p, COLL_IMPACT, 1, "小");
    add_level(&p, COLL_IMPACT, 2, "中");
    add_level(&p, COLL_IMPACT, 4, "大");
    add_level(&p, COLL_LIKELIHOOD, 1, "");
    char t[64];
    scale_level_text(&p, COLL_IMPACT, 4, t, sizeof t);
    cr_assert_str_eq(t, "4 大"); /* by its level, not its place */
    scale_level_text(&p, COLL_IMPACT, 2, t, sizeof t);
    cr_assert_str_eq(t, "2 中");
    scale_level_text(&p, COLL_IMPACT, 3, t, sizeof t);
    cr_assert_str_eq(t, "3"); /* no such level: the number alone */
    scale_level_text(&p, COLL_LIKELIHOOD, 1, t, sizeof t);
    cr_assert_str_eq(t, "1"); /* a level without label */
    cr_assert_null(scale_level(&p, COLL_SERVICES, 1));
    cr_assert_str_eq(rec_str(scale_level(&p, COLL_IMPACT, 1), LEVEL_LABEL), "小");
    profile_free(&p);
}
