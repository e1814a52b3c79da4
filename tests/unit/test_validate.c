/* Unit tests: the one validation (model/validate.c): real dates (leap
 * years included) in every date field of every document, dependency
 * cycles, the threshold within the range of the rule, a risk's levels on
 * the scales, the earlier round, each finding's file, line and item; and
 * that the workbench's checks (round_validate) carry exactly the
 * findings kijun check reports. Documents are built in memory. */
#include "model/assessment.h"
#include "model/validate.h"
#include "model/rules.h"
#include "util/xalloc.h"
#include <criterion/criterion.h>
#include "fields.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define D(c) (profile_coll_defs[c])
#define HD (&round_head_def)
#define RD(c) (round_coll_defs[c])

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

static struct record *add_to(struct collection *c, const char *id, int line)
{
    struct record r;
    record_init(&r, c->def);
    r.id = id ? xstrdup(id) : NULL;
    r.line = line;
    size_t i = coll_add(c, &r); /* before c->r, which it may move */
    return &c->r[i];
}

/* 5x5 scales, product, threshold 10; svc-1 served by op-1; res-1..res-3
 * used by op-1. Entries at lines 10, 20, 30...; the criteria at 70. */
static void small_profile(struct profile *p)
{
    profile_init(p);
    p->org.line = 2;
    set_s(&p->org, &profile_org_def, "name", "Test Works");
    struct record *r = add_to(&p->c[COLL_SERVICES], "svc-1", 10);
    set_s(r, D(COLL_SERVICES), "name", "Water");
    r = add_to(&p->c[COLL_OPERATIONS], "op-1", 20);
    set_s(r, D(COLL_OPERATIONS), "name", "Treatment");
    set_l(r, D(COLL_OPERATIONS), "services", "svc-1", NULL);
    for (int i = 1; i <= 3; i++) {
        char id[16];
        snprintf(id, sizeof id, "res-%d", i);
        r = add_to(&p->c[COLL_RESOURCES], id, 30 + i);
        set_s(r, D(COLL_RESOURCES), "name", id);
        set_s(r, D(COLL_RESOURCES), "kind", "system");
        set_l(r, D(COLL_RESOURCES), "operations", "op-1", NULL);
    }
    p->criteria.line = 70;
    set_s(&p->criteria, &profile_criteria_def, "rule", "product");
    set_i(&p->criteria, &profile_criteria_def, "threshold", 10);
    for (int c = COLL_IMPACT; c <= COLL_LIKELIHOOD; c++) {
        for (int lv = 1; lv <= 5; lv++) {
            r = add_to(&p->c[c], NULL, 71 + lv + 10 * (c - COLL_IMPACT));
            set_i(r, D(c), "level", lv);
            set_s(r, D(c), "label", "level");
        }
    }
}

/* A round named name over the small profile, with one risk (res-1, svc-1,
 * 2x2) at line 20; its head at line 3. */
static void small_round(struct round *r, const char *name)
{
    round_init(r, name);
    r->head.line = 3;
    set_s(&r->head, HD, "date", "2026-06-01");
    set_s(&r->head, HD, "purpose", "Annual");
    set_s(&r->head, HD, "rule", "product");
    set_i(&r->head, HD, "threshold", 10);
    set_l(&r->head, HD, "services", "svc-1", NULL);
    set_l(&r->head, HD, "resources", "res-1", NULL);
    struct record *x = add_to(&r->c[RC_RISKS], "risk-1", 20);
    set_s(x, RD(RC_RISKS), "title", "Ransomware");
    set_s(x, RD(RC_RISKS), "resource", "res-1");
    set_s(x, RD(RC_RISKS), "service", "svc-1");
    set_i(x, RD(RC_RISKS), "impact", 2);
    set_i(x, RD(RC_RISKS), "likelihood", 2);
}

static void log_findings(const struct findings *f)
{
    for (size_t i = 0; i < f->n; i++)
        cr_log_error("finding %zu: %s:%d: %s: %s [doc %d round %zu coll %d index %zu field %d]", i,
                     f->v[i].file, f->v[i].line, f->v[i].severity == DIAG_ERROR ? "error" : "warning",
                     f->v[i].text, (int)f->v[i].at.doc, f->v[i].at.round, f->v[i].at.coll,
                     f->v[i].at.index, f->v[i].at.field);
}

/* The one finding with this text (asserting it exists once). */
static const struct finding *find(const struct findings *f, const char *text)
{
    const struct finding *hit = NULL;
    size_t n = 0;
    for (size_t i = 0; i < f->n; i++)
        if (strcmp(f->v[i].text, text) == 0)
            hit = &f->v[i], n++;
    if (n != 1)
        log_findings(f);
    cr_assert_eq(n, 1, "\"%s\" found %zu times", text, n);
    return hit;
}

static void expect_count(const struct findings *f, size_t n)
{
    if (f->n != n)
        log_findings(f);
    cr_assert_eq(f->n, n, "%zu findings, want %zu", f->n, n);
}

/* Validate p and the rounds (no library) into f, emptied first. */
static void run(struct findings *f, const struct profile *p, const struct round *rounds, size_t n)
{
    findings_free(f);
    workspace_validate(p, NULL, rounds, n, NULL, f);
}

/* Times are asserted only outside valgrind (make check-valgrind). */
static bool under_valgrind(void)
{
    const char *v = getenv("KIJUN_VALGRIND");
    return v && *v && strcmp(v, "0") != 0 && strcmp(v, "no") != 0;
}

/* --- dates --------------------------------------------------------------- */

Test(dates, real_days_only)
{
    static const char *const good[] = {
        "2026-01-01", "2026-12-31", "2026-04-30", "2026-02-28", "2024-02-29", "2000-02-29",
        "2400-02-29", "0001-01-01", "9999-12-31",
    };
    static const char *const bad[] = {
        "2026-13-45", "2026-02-30", "2026-02-29", "1900-02-29", "2100-02-29", "2026-04-31",
        "2026-00-10", "2026-01-00", "2026-01-32", "0000-01-01", "2027年6月", "2026-6-1",
        "2026/06/01", "20260601", "2026-06-01 ", " 2026-06-01", "2026-06-01T00:00",
        "２０２６-０６-０１", "2026-06-0x", "", "26-06-01", "+026-06-01",
    };
    for (size_t i = 0; i < sizeof good / sizeof *good; i++)
        cr_assert(date_valid(good[i]), "%s is a date", good[i]);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        cr_assert_not(date_valid(bad[i]), "'%s' is no date", bad[i]);
}

/* The record of def to put a date into, in p, the checklist or r. */
static struct record *date_holder(struct profile *p, struct checklist *c, struct round *r,
                                  const struct coll_def *def, enum doc_kind *doc, int *coll)
{
    *coll = ITEM_HEAD;
    if (def == &profile_org_def) {
        *doc = DOC_PROFILE;
        return &p->org;
    }
    if (def == &profile_criteria_def) {
        *doc = DOC_PROFILE, *coll = ITEM_CRITERIA;
        return &p->criteria;
    }
    if (def == HD) {
        *doc = DOC_ROUND;
        return &r->head;
    }
    if (def == &checklist_def) {
        *doc = DOC_CHECKLIST, *coll = 0;
        return c->items.n ? &c->items.r[0] : NULL;
    }
    for (int i = 0; i < COLL__COUNT; i++)
        if (D(i) == def) {
            *doc = DOC_PROFILE, *coll = i;
            return p->c[i].n ? &p->c[i].r[0] : add_to(&p->c[i], "x-1", 90);
        }
    for (int i = 0; i < RC__COUNT; i++)
        if (RD(i) == def) {
            *doc = DOC_ROUND, *coll = i;
            return r->c[i].n ? &r->c[i].r[0] : add_to(&r->c[i], i == RC_SIGNOFFS ? "prep" : "x-1", 90);
        }
    cr_assert_fail("no document holds %s", def->key);
    return NULL;
}

/* Every F_DATE field of every definition: a day that does not exist is
 * a finding at the value's line, a real one is not. */
Test(dates, every_date_field_of_every_document)
{
    const struct coll_def *defs[2 + COLL__COUNT + 2 + RC__COUNT];
    size_t nd = 0;
    defs[nd++] = &profile_org_def;
    defs[nd++] = &profile_criteria_def;
    for (int i = 0; i < COLL__COUNT; i++)
        defs[nd++] = D(i);
    defs[nd++] = &checklist_def;
    defs[nd++] = HD;
    for (int i = 0; i < RC__COUNT; i++)
        defs[nd++] = RD(i);
    size_t dates = 0;
    for (size_t d = 0; d < nd; d++) {
        for (size_t fi = 0; fi < defs[d]->nfields; fi++) {
            const struct field_def *f = &defs[d]->fields[fi];
            if (f->type != F_DATE)
                continue;
            static const char *const values[] = {"2026-13-45", "2026-02-30", "2027年6月", "2024-02-29"};
            for (size_t k = 0; k < 4; k++) {
                struct profile p;
                small_profile(&p);
                struct checklist c;
                checklist_init(&c);
                add_to(&c.items, "v5.1", 5);
                set_s(&c.items.r[0], &checklist_def, "status", "implemented");
                struct round r;
                small_round(&r, "2026");
                enum doc_kind doc;
                int coll;
                struct record *x = date_holder(&p, &c, &r, defs[d], &doc, &coll);
                set_s(x, defs[d], f->key, values[k]);
                x->v[fi].line = 123;
                struct findings out = {0};
                workspace_validate(&p, &c, &r, 1, NULL, &out);
                size_t hits = 0;
                for (size_t i = 0; i < out.n; i++) {
                    const struct finding *g = &out.v[i];
                    if (g->at.doc != doc || g->at.coll != coll || g->at.field != (int)fi)
                        continue;
                    hits++;
                    cr_assert_eq(g->line, 123, "%s.%s: at the value's line", defs[d]->key, f->key);
                    cr_assert(strstr(g->text, "not a date YYYY-MM-DD"), "%s", g->text);
                    cr_assert(strstr(g->text, values[k]), "%s", g->text);
                }
                cr_assert_eq(hits, k < 3 ? 1 : 0, "%s.%s = '%s': %zu findings", defs[d]->key, f->key,
                             values[k], hits);
                findings_free(&out);
                round_free(&r);
                checklist_free(&c);
                profile_free(&p);
            }
            dates++;
        }
    }
    /* the round's date and next review, a risk's due date and acceptance,
     * a sign-off's and a review's date */
    cr_assert_geq(dates, 6, "only %zu date fields", dates);
}

/* --- dependency cycles ----------------------------------------------------- */

static void depends(struct profile *p, size_t i, const char *a, const char *b)
{
    struct record *r = &p->c[COLL_RESOURCES].r[i];
    set_l(r, D(COLL_RESOURCES), "depends", a, b, NULL);
    r->v[RES_DEPENDS].line = r->line + 5;
}

Test(cycles, none_in_a_chain_or_a_tree)
{
    struct profile p;
    small_profile(&p);
    struct findings f = {0};
    run(&f, &p, NULL, 0);
    expect_count(&f, 0);
    depends(&p, 0, "res-2", "res-3");   /* res-1 -> res-2, res-3 */
    depends(&p, 1, "res-3", NULL);      /* res-2 -> res-3 */
    run(&f, &p, NULL, 0);
    expect_count(&f, 0);
    findings_free(&f);
    profile_free(&p);
}

Test(cycles, a_resource_that_depends_on_itself)
{
    struct profile p;
    small_profile(&p);
    depends(&p, 1, "res-2", NULL);
    struct findings f = {0};
    run(&f, &p, NULL, 0);
    expect_count(&f, 1);
    const struct finding *x = find(&f, "res-2: Depends on ('depends') names itself");
    cr_assert_eq(x->severity, DIAG_ERROR);
    cr_assert_str_eq(x->file, "profile.cfg");
    cr_assert_eq(x->line, 37);                /* the value's line */
    cr_assert_eq(x->at.doc, DOC_PROFILE);
    cr_assert_eq(x->at.coll, COLL_RESOURCES);
    cr_assert_eq(x->at.index, 1);
    cr_assert_eq(x->at.field, RES_DEPENDS);
    findings_free(&f);
    profile_free(&p);
}

Test(cycles, two_and_three_resources_once_each_at_the_first)
{
    struct profile p;
    small_profile(&p);
    depends(&p, 0, "res-2", NULL);
    depends(&p, 1, "res-1", NULL);
    struct findings f = {0};
    run(&f, &p, NULL, 0);
    expect_count(&f, 1);
    const struct finding *x = find(&f, "res-1: Depends on ('depends') makes a cycle: res-1 -> res-2 -> res-1");
    cr_assert_eq(x->at.index, 0);
    cr_assert_eq(x->line, 36);
    /* res-3 -> res-1 -> res-2 -> res-3: reported at res-1, the first in the file */
    depends(&p, 1, "res-3", NULL);
    depends(&p, 2, "res-1", NULL);
    run(&f, &p, NULL, 0);
    expect_count(&f, 1);
    find(&f, "res-1: Depends on ('depends') makes a cycle: res-1 -> res-2 -> res-3 -> res-1");
    /* with a shortcut back the shortest way is named */
    depends(&p, 1, "res-3", "res-1");
    run(&f, &p, NULL, 0);
    expect_count(&f, 1);
    find(&f, "res-1: Depends on ('depends') makes a cycle: res-1 -> res-2 -> res-1");
    /* a self-dependency inside a cycle is said too */
    depends(&p, 2, "res-1", "res-3");
    run(&f, &p, NULL, 0);
    expect_count(&f, 2);
    find(&f, "res-3: Depends on ('depends') names itself");
    findings_free(&f);
    profile_free(&p);
}

Test(cycles, separate_cycles_and_missing_resources)
{
    struct profile p;
    small_profile(&p);
    for (int i = 4; i <= 5; i++) {
        char id[16];
        snprintf(id, sizeof id, "res-%d", i);
        struct record *r = add_to(&p.c[COLL_RESOURCES], id, 30 + i);
        set_s(r, D(COLL_RESOURCES), "name", id);
        set_s(r, D(COLL_RESOURCES), "kind", "data");
    }
    depends(&p, 0, "res-2", "res-9");   /* res-9 does not exist */
    depends(&p, 1, "res-1", NULL);
    depends(&p, 3, "res-5", NULL);
    depends(&p, 4, "res-4", NULL);
    struct findings f = {0};
    run(&f, &p, NULL, 0);
    expect_count(&f, 3);
    find(&f, "res-1: Depends on ('depends') names 'res-9', which does not exist");
    find(&f, "res-1: Depends on ('depends') makes a cycle: res-1 -> res-2 -> res-1");
    find(&f, "res-4: Depends on ('depends') makes a cycle: res-4 -> res-5 -> res-4");
    findings_free(&f);
    profile_free(&p);
}

/* 50,000 resources in one long cycle: no recursion to overflow, quickly,
 * and a message of bounded length. */
Test(cycles, a_long_cycle_in_a_large_profile)
{
    struct profile p;
    profile_init(&p);
    size_t n = 50000;
    char id[32], next[32];
    for (size_t i = 0; i < n; i++) {
        snprintf(id, sizeof id, "res-%zu", i);
        snprintf(next, sizeof next, "res-%zu", (i + 1) % n);
        struct record *r = add_to(&p.c[COLL_RESOURCES], id, (int)i + 1);
        set_l(r, D(COLL_RESOURCES), "depends", next, NULL);
    }
    struct findings f = {0};
    clock_t t0 = clock();
    profile_findings(&p, NULL, &f);
    double s = (double)(clock() - t0) / CLOCKS_PER_SEC;
    if (!under_valgrind())
        cr_assert_lt(s, 2.0, "took %.2f s", s);
    size_t cycles = 0;
    for (size_t i = 0; i < f.n; i++) {
        if (!strstr(f.v[i].text, "makes a cycle"))
            continue;
        cycles++;
        cr_assert_str_eq(f.v[i].text, "res-0: Depends on ('depends') makes a cycle: res-0 -> res-1 -> res-2 -> res-3 "
                         "-> res-4 -> res-5 -> res-6 -> res-7 -> ... (49992 more) -> res-0");
    }
    cr_assert_eq(cycles, 1);
    findings_free(&f);
    profile_free(&p);
}

/* --- the threshold and the scales ------------------------------------------------ */

Test(threshold, the_range_of_the_rule)
{
    long long lo, hi;
    risk_value_range("product", 5, 5, &lo, &hi);
    cr_assert_eq(lo, 1);
    cr_assert_eq(hi, 25);
    risk_value_range("sum", 5, 5, &lo, &hi);
    cr_assert_eq(lo, 2);
    cr_assert_eq(hi, 10);
    risk_value_range("product", 3, 6, &lo, &hi);
    cr_assert_eq(lo, 1);
    cr_assert_eq(hi, 18);
    risk_value_range("sum", 4, 3, &lo, &hi);
    cr_assert_eq(lo, 2);
    cr_assert_eq(hi, 7);
    risk_value_range(NULL, 4, 3, &lo, &hi);   /* no rule: the product */
    cr_assert_eq(hi, 12);
}

Test(threshold, a_round_above_the_highest_or_below_the_lowest_value)
{
    struct profile p;
    small_profile(&p);
    struct round r;
    small_round(&r, "2026");
    int ft = HEAD_THRESHOLD;
    r.head.v[ft].line = 9;
    struct findings f = {0};
    static const struct { const char *rule; long long t; const char *text; } cases[] = {
        {"product", 25, NULL},
        {"product", 26, "round: threshold 26 is above the highest risk value 25"},
        {"product", 1, NULL},
        {"sum", 10, NULL},
        {"sum", 11, "round: threshold 11 is above the highest risk value 10"},
        {"sum", 2, NULL},
        {"sum", 1, "round: threshold 1 is below the lowest risk value 2"},
        {"sum", 0, "round: Threshold ('threshold') is 0, outside 1..36"},       /* the field's own range */
        {"product", 37, "round: Threshold ('threshold') is 37, outside 1..36"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        set_s(&r.head, HD, "rule", cases[i].rule);
        set_i(&r.head, HD, "threshold", cases[i].t);
        run(&f, &p, &r, 1);
        expect_count(&f, cases[i].text ? 1 : 0);
        if (!cases[i].text)
            continue;
        const struct finding *x = find(&f, cases[i].text);
        cr_assert_str_eq(x->file, "assessments/2026.cfg");
        cr_assert_eq(x->line, 9);
        cr_assert_eq(x->at.doc, DOC_ROUND);
        cr_assert_eq(x->at.coll, ITEM_HEAD);
        cr_assert_eq(x->at.field, ft);
    }
    /* on 4 x 3 scales the product's highest value is 12 */
    coll_remove(&p.c[COLL_IMPACT], 4);
    coll_remove(&p.c[COLL_LIKELIHOOD], 4);
    coll_remove(&p.c[COLL_LIKELIHOOD], 3);
    set_s(&r.head, HD, "rule", "product");
    set_i(&r.head, HD, "threshold", 13);
    set_i(&p.criteria, &profile_criteria_def, "threshold", 12);
    run(&f, &p, &r, 1);
    expect_count(&f, 1);
    find(&f, "round: threshold 13 is above the highest risk value 12");
    findings_free(&f);
    round_free(&r);
    profile_free(&p);
}

Test(threshold, the_profiles_threshold_too)
{
    struct profile p;
    small_profile(&p);
    struct findings f = {0};
    set_i(&p.criteria, &profile_criteria_def, "threshold", 26);
    run(&f, &p, NULL, 0);
    expect_count(&f, 1);
    const struct finding *x = find(&f, "criteria: threshold 26 is above the highest risk value 25");
    cr_assert_eq(x->at.coll, ITEM_CRITERIA);
    cr_assert_eq(x->line, 70);   /* no line of its own: the group's */
    set_s(&p.criteria, &profile_criteria_def, "rule", "sum");
    set_i(&p.criteria, &profile_criteria_def, "threshold", 1);
    run(&f, &p, NULL, 0);
    expect_count(&f, 1);
    find(&f, "criteria: threshold 1 is below the lowest risk value 2");
    /* no scales: only that is said */
    coll_free(&p.c[COLL_IMPACT]);
    run(&f, &p, NULL, 0);
    expect_count(&f, 1);
    find(&f, "criteria: Impact scale ('impact') has 0 levels; it needs 3 to 6");
    findings_free(&f);
    profile_free(&p);
}

/* Issue 10 (a): an impact of 6 on a 5-level scale. */
Test(levels, on_the_scales_of_the_profile)
{
    struct profile p;
    small_profile(&p);
    struct round r;
    small_round(&r, "2026");
    struct record *x = &r.c[RC_RISKS].r[0];
    struct findings f = {0};
    set_i(x, RD(RC_RISKS), "impact", 6);
    x->v[RISK_IMPACT].line = 25;
    run(&f, &p, &r, 1);
    expect_count(&f, 1);
    const struct finding *g = find(&f, "risk-1: Impact ('impact') is 6, above the impact scale's top level 5");
    cr_assert_eq(g->line, 25);
    cr_assert_eq(g->at.coll, RC_RISKS);
    cr_assert_eq(g->at.index, 0);
    cr_assert_eq(g->at.field, RISK_IMPACT);
    set_i(x, RD(RC_RISKS), "impact", 5);
    run(&f, &p, &r, 1);
    expect_count(&f, 0);
    /* a 4-level likelihood scale */
    coll_remove(&p.c[COLL_LIKELIHOOD], 4);
    set_i(x, RD(RC_RISKS), "inherent_likelihood", 5);
    run(&f, &p, &r, 1);
    expect_count(&f, 1);
    find(&f, "risk-1: Likelihood before ('inherent_likelihood') is 5, above the likelihood scale's top level 4");
    findings_free(&f);
    round_free(&r);
    profile_free(&p);
}

Test(levels, a_deleted_level_leaves_its_risks_off_the_scale)
{
    struct profile p;
    small_profile(&p);
    struct round r;
    small_round(&r, "2026");
    struct record *x = &r.c[RC_RISKS].r[0];
    struct findings f = {0};
    set_i(x, RD(RC_RISKS), "impact", 5);
    cr_assert_eq(scale_level_uses(&r, COLL_IMPACT, 5), 1);
    cr_assert_eq(scale_level_uses(&r, COLL_IMPACT, 4), 0);
    cr_assert_eq(scale_level_uses(&r, COLL_LIKELIHOOD, 2), 1);
    cr_assert_not(risk_off_scales(&p, x));
    cr_assert_eq(round_off_scales(&r, &p), 0);
    coll_remove(&p.c[COLL_IMPACT], 4); /* the top level deleted */
    cr_assert(risk_off_scales(&p, x));
    cr_assert_eq(round_off_scales(&r, &p), 1);
    cr_assert_eq(round_residual_off_scales(&r, &p), 1);
    {   /* only the level before the controls off: flagged, yet on the heat map */
        struct round r2;
        small_round(&r2, "2027");
        struct record *y = &r2.c[RC_RISKS].r[0];
        set_i(y, RD(RC_RISKS), "inherent_impact", 5);
        set_i(y, RD(RC_RISKS), "impact", 3);
        cr_assert_eq(round_off_scales(&r2, &p), 1);
        cr_assert_eq(round_residual_off_scales(&r2, &p), 0);
        round_free(&r2);
    }
    run(&f, &p, &r, 1);
    find(&f, "risk-1: Impact ('impact') is 5, above the impact scale's top level 4");
    /* a level between deleted (3 of 1..5): its risks name a level the scale lacks */
    profile_free(&p);
    small_profile(&p);
    set_i(x, RD(RC_RISKS), "impact", 3);
    coll_remove(&p.c[COLL_IMPACT], 2);
    for (size_t i = 0; i < p.c[COLL_IMPACT].n; i++)
        set_i(&p.c[COLL_IMPACT].r[i], D(COLL_IMPACT), "level", (long long)i + 1 + (i >= 2));
    cr_assert(risk_off_scales(&p, x));
    run(&f, &p, &r, 1);
    find(&f, "risk-1: Impact ('impact') is 3, a level the impact scale does not have");
    set_i(x, RD(RC_RISKS), "impact", 4);
    cr_assert_not(risk_off_scales(&p, x));
    findings_free(&f);
    round_free(&r);
    profile_free(&p);
}

Test(levels, a_value_accepted_lies_within_the_rule)
{
    struct profile p;
    small_profile(&p);
    struct round r;
    small_round(&r, "2026");
    struct record *x = &r.c[RC_RISKS].r[0];
    struct findings f = {0};
    set_i(x, RD(RC_RISKS), "accepted_value", 30); /* in the field's 0..36, above 5 x 5 */
    x->v[RISK_ACCEPTED_VALUE].line = 26;
    run(&f, &p, &r, 1);
    const struct finding *g = find(&f, "risks: 'risk-1': Value accepted ('accepted_value') is 30, above the highest risk value 25");
    cr_assert_eq(g->line, 26);
    cr_assert_eq(g->severity, DIAG_ERROR);
    cr_assert_eq(g->at.field, RISK_ACCEPTED_VALUE);
    set_s(&r.head, HD, "rule", "sum"); /* a sum: at most 10 */
    set_i(&r.head, HD, "threshold", 5);
    set_i(x, RD(RC_RISKS), "accepted_value", 11);
    run(&f, &p, &r, 1);
    find(&f, "risks: 'risk-1': Value accepted ('accepted_value') is 11, above the highest risk value 10");
    set_i(x, RD(RC_RISKS), "accepted_value", 10);
    run(&f, &p, &r, 1);
    for (size_t i = 0; i < f.n; i++)
        cr_assert_null(strstr(f.v[i].text, "highest risk value"), "%s", f.v[i].text);
    findings_free(&f);
    round_free(&r);
    profile_free(&p);
}

Test(blanks, a_title_or_owner_of_blanks_is_none)
{
    struct profile p;
    small_profile(&p);
    struct round r;
    small_round(&r, "2026");
    struct record *x = &r.c[RC_RISKS].r[0];
    struct findings f = {0};
    set_s(x, RD(RC_RISKS), "title", "   ");
    run(&f, &p, &r, 1);
    find(&f, "risk-1: Risk ('title') is required");
    set_s(x, RD(RC_RISKS), "title", "\t \xe3\x80\x80");   /* a tab and an ideographic space */
    run(&f, &p, &r, 1);
    find(&f, "risk-1: Risk ('title') is required");
    set_s(x, RD(RC_RISKS), "title", " Tab\there ");
    run(&f, &p, &r, 1);
    expect_count(&f, 0);
    cr_assert(text_blank(""));
    cr_assert(text_blank(NULL));
    cr_assert(text_blank(" \r\n\v\f"));
    cr_assert_not(text_blank(" a"));
    cr_assert_not(text_blank("\xe3\x80\x81"));
    cr_assert_not(rec_has(x, RD(RC_RISKS), RISK_OWNER));
    set_s(x, RD(RC_RISKS), "owner", "   ");
    cr_assert_not(rec_has(x, RD(RC_RISKS), RISK_OWNER), "an owner of three spaces is no owner");
    set_s(x, RD(RC_RISKS), "owner", "Sato");
    cr_assert(rec_has(x, RD(RC_RISKS), RISK_OWNER));
    findings_free(&f);
    round_free(&r);
    profile_free(&p);
}

/* --- references between rounds, lines and items --------------------------------- */

Test(rounds, the_earlier_round_exists)
{
    struct profile p;
    small_profile(&p);
    struct round r[2];
    small_round(&r[0], "2025");
    small_round(&r[1], "2026");
    struct findings f = {0};
    set_s(&r[1].head, HD, "previous", "2025");
    run(&f, &p, r, 2);
    expect_count(&f, 0);
    set_s(&r[1].head, HD, "previous", "2024");
    run(&f, &p, r, 2);
    expect_count(&f, 1);
    const struct finding *x = find(&f, "round: Compared with ('previous') names '2024', which is no other round of the workspace");
    cr_assert_str_eq(x->file, "assessments/2026.cfg");
    cr_assert_eq(x->at.round, 1);
    set_s(&r[1].head, HD, "previous", "2026");   /* itself */
    run(&f, &p, r, 2);
    expect_count(&f, 1);
    /* a round checked alone cannot tell */
    findings_free(&f);
    round_findings(&r[1], 0, &p, NULL, 0, NULL, &f);
    expect_count(&f, 0);
    findings_free(&f);
    round_free(&r[0]);
    round_free(&r[1]);
    profile_free(&p);
}

Test(items, lines_of_values_ids_and_entries)
{
    struct profile p;
    small_profile(&p);
    struct record *svc = &p.c[COLL_SERVICES].r[0];
    set_i(svc, D(COLL_SERVICES), "mtd_hours", 9000);
    svc->v[SVC_MTD_HOURS].line = 14;
    struct record *dup = add_to(&p.c[COLL_SERVICES], "svc-1", 15);
    dup->id_line = 16;
    svc->id_line = 11;
    set_s(dup, D(COLL_SERVICES), "name", "Again");
    struct findings f = {0};
    run(&f, &p, NULL, 0);
    expect_count(&f, 2);
    const struct finding *x = find(&f, "svc-1: Max downtime (h) ('mtd_hours') is 9000, outside 0..8760");
    cr_assert_eq(x->line, 14);
    cr_assert_eq(x->at.coll, COLL_SERVICES);
    cr_assert_eq(x->at.index, 0);
    x = find(&f, "services: id 'svc-1' is used twice (first at line 11)");
    cr_assert_eq(x->line, 16);
    cr_assert_eq(x->at.index, 1);
    cr_assert_eq(x->at.field, FIELD_ID);
    /* a required field that is missing: the entry's line */
    coll_remove(&p.c[COLL_SERVICES], 1);
    struct value *name = val(svc, D(COLL_SERVICES), "name");
    free(name->s);
    name->s = NULL;
    name->set = false;
    run(&f, &p, NULL, 0);
    x = find(&f, "svc-1: Name ('name') is required");
    cr_assert_eq(x->line, 10);
    /* as diagnostics: under a folder, or all named one file */
    struct diag_list dl = {0};
    findings_to_diags(&f, "ws", NULL, &dl);
    cr_assert_eq(dl.n, f.n);
    cr_assert_str_eq(dl.v[0].file, "ws/profile.cfg");
    findings_to_diags(&f, NULL, "other.cfg", &dl);
    cr_assert_str_eq(dl.v[dl.n - 1].file, "other.cfg");
    diag_clear(&dl);
    findings_free(&f);
    profile_free(&p);
}

Test(items, strlist_split)
{
    struct strlist l = {0};
    strlist_split(&l, " a; b b ;; c;  ;", ';');
    cr_assert_eq(l.n, 3);
    cr_assert_str_eq(l.v[0], "a");
    cr_assert_str_eq(l.v[1], "b b");
    cr_assert_str_eq(l.v[2], "c");
    strlist_free(&l);
    strlist_split(&l, "", ';');
    cr_assert_eq(l.n, 0);
}

/* --- one truth: the workbench's checks carry kijun check's findings -------------- */

Test(one_truth, every_finding_fails_one_check_of_the_workbench)
{
    struct profile p;
    small_profile(&p);
    depends(&p, 0, "res-1", NULL);                          /* profile, scope */
    set_i(&p.criteria, &profile_criteria_def, "threshold", 30);  /* profile, preparation */
    struct round r[2];
    small_round(&r[0], "2025");
    small_round(&r[1], "2026");
    struct round *x = &r[1];
    set_s(&x->head, HD, "date", "2026-13-45");
    set_s(&x->head, HD, "next_review", "2027年6月");
    set_s(&x->head, HD, "previous", "2024");
    set_i(&x->head, HD, "threshold", 26);
    set_l(&x->head, HD, "resources", "res-1", "res-9", NULL);
    struct record *k = &x->c[RC_RISKS].r[0];
    set_i(k, RD(RC_RISKS), "impact", 6);
    set_s(k, RD(RC_RISKS), "due", "2026-02-30");
    struct record *so = add_to(&x->c[RC_SIGNOFFS], "prep", 40);
    set_s(so, RD(RC_SIGNOFFS), "reviewer", "Audit");
    set_s(so, RD(RC_SIGNOFFS), "date", "2026-04-31");
    so = add_to(&x->c[RC_SIGNOFFS], "final", 41);
    set_s(so, RD(RC_SIGNOFFS), "reviewer", "Audit");
    set_s(so, RD(RC_SIGNOFFS), "date", "2026-05-01");
    struct record *rv = add_to(&x->c[RC_REVIEWS], "review-1", 50);
    set_s(rv, RD(RC_REVIEWS), "date", "2026-6-1");
    set_s(rv, RD(RC_REVIEWS), "trigger", "scheduled");

    struct findings all = {0};
    workspace_validate(&p, NULL, r, 2, NULL, &all);
    struct checks c = {0};
    round_validate(r, 2, 1, &p, NULL, "2026-07-01", &c);
    size_t want = 0;
    for (size_t i = 0; i < all.n; i++) {
        if (all.v[i].at.doc == DOC_ROUND && all.v[i].at.round != 1)
            continue;   /* the other round's findings are its own checks' */
        want++;
        size_t shown = 0;
        for (size_t j = 0; j < c.n; j++) {
            if (c.v[j].finding == CHECK_NO_FINDING)
                continue;
            const struct finding *g = &c.found.v[c.v[j].finding];
            if (strcmp(g->text, all.v[i].text) == 0 && strcmp(g->file, all.v[i].file) == 0
                && g->line == all.v[i].line) {
                shown++;
                cr_assert_not(c.v[j].ok, "%s passes", c.v[j].text);
            }
        }
        if (shown != 1)
            log_findings(&all);
        cr_assert_eq(shown, 1, "\"%s\" fails %zu checks", all.v[i].text, shown);
    }
    size_t carried = 0;
    for (size_t j = 0; j < c.n; j++)
        carried += c.v[j].finding != CHECK_NO_FINDING;
    cr_assert_eq(carried, want, "%zu checks carry a finding, %zu findings", carried, want);
    cr_assert_geq(want, 11);
    /* each in the step it belongs to */
    static const struct { const char *text; enum step step; } steps[] = {
        {"round: Date ('date') is '2026-13-45', not a date YYYY-MM-DD", STEP_PREP},
        {"criteria: threshold 30 is above the highest risk value 25", STEP_PREP},
        {"round: threshold 26 is above the highest risk value 25", STEP_PREP},
        {"res-1: Depends on ('depends') names itself", STEP_SCOPE},
        {"round: Resources in scope ('resources') names 'res-9', which does not exist", STEP_SCOPE},
        {"risk-1: Impact ('impact') is 6, above the impact scale's top level 5", STEP_ASSESS},
        {"risk-1: Due ('due') is '2026-02-30', not a date YYYY-MM-DD", STEP_ASSESS},
        {"prep: Date ('date') is '2026-04-31', not a date YYYY-MM-DD", STEP_VALIDATE},
        {"signoffs: 'final' is not a step (prep, scope, assess, validate, review)", STEP_VALIDATE},
        {"round: Next review ('next_review') is '2027年6月', not a date YYYY-MM-DD", STEP_REVIEW},
        {"round: Compared with ('previous') names '2024', which is no other round of the workspace", STEP_REVIEW},
        {"review-1: Date ('date') is '2026-6-1', not a date YYYY-MM-DD", STEP_REVIEW},
    };
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
        bool found = false;
        for (size_t j = 0; j < c.n && !found; j++)
            found = c.v[j].finding != CHECK_NO_FINDING
                 && strcmp(c.found.v[c.v[j].finding].text, steps[i].text) == 0
                 && c.v[j].step == steps[i].step;
        cr_assert(found, "\"%s\" in step %d", steps[i].text, (int)steps[i].step + 1);
    }
    /* the risk's check jumps to the risk */
    for (size_t j = 0; j < c.n; j++)
        if (c.v[j].finding != CHECK_NO_FINDING && c.found.v[c.v[j].finding].at.coll == RC_RISKS)
            cr_assert(c.v[j].coll == RC_RISKS && c.v[j].index == 0);
    checks_free(&c);
    findings_free(&all);
    round_free(&r[0]);
    round_free(&r[1]);
    profile_free(&p);
}

/* A clean workspace: no finding, and no check carries one. */
Test(one_truth, a_clean_round)
{
    struct profile p;
    small_profile(&p);
    struct round r;
    small_round(&r, "2026");
    struct findings all = {0};
    workspace_validate(&p, NULL, &r, 1, NULL, &all);
    expect_count(&all, 0);
    struct checks c = {0};
    round_validate(&r, 1, 0, &p, NULL, NULL, &c);
    for (size_t j = 0; j < c.n; j++)
        cr_assert_eq(c.v[j].finding, CHECK_NO_FINDING, "%s", c.v[j].text);
    /* and checks added to: the findings of a second validation are its own */
    round_validate(&r, 1, 0, &p, NULL, NULL, &c);
    cr_assert_eq(c.found.n, 0);
    checks_free(&c);
    round_free(&r);
    profile_free(&p);
}

/* The profile's findings made once for several rounds: the same checks. */
Test(one_truth, the_profiles_findings_made_once)
{
    struct profile p;
    small_profile(&p);
    depends(&p, 0, "res-1", NULL);
    set_i(&p.criteria, &profile_criteria_def, "threshold", 30);
    struct round r;
    small_round(&r, "2026");
    set_i(&r.c[RC_RISKS].r[0], RD(RC_RISKS), "impact", 6);
    struct checks a = {0}, b = {0};
    round_validate(&r, 1, 0, &p, NULL, "2026-07-01", &a);
    struct findings pf = {0};
    profile_findings(&p, NULL, &pf);
    round_validate_with(&r, 1, 0, &p, &pf, NULL, "2026-07-01", &b);
    findings_free(&pf);
    cr_assert_eq(a.n, b.n);
    cr_assert_eq(a.found.n, 3);
    cr_assert_eq(b.found.n, a.found.n);
    for (size_t i = 0; i < a.n; i++) {
        cr_assert_str_eq(a.v[i].text, b.v[i].text);
        cr_assert_eq(a.v[i].ok, b.v[i].ok);
        cr_assert_eq(a.v[i].finding, b.v[i].finding);
    }
    checks_free(&a);
    checks_free(&b);
    round_free(&r);
    profile_free(&p);
}

/* A round of 20,000 risks, each with two findings: its checks are made in
 * time proportional to the round, not to its square. */
Test(one_truth, a_large_round_with_many_findings)
{
    struct profile p;
    small_profile(&p);
    struct round r;
    small_round(&r, "2026");
    coll_free(&r.c[RC_RISKS]);
    char id[32];
    for (int i = 0; i < 20000; i++) {
        snprintf(id, sizeof id, "risk-%d", i);
        struct record *x = add_to(&r.c[RC_RISKS], id, 20 + i);
        set_s(x, RD(RC_RISKS), "title", "t");
        set_s(x, RD(RC_RISKS), "resource", "res-1");
        set_s(x, RD(RC_RISKS), "service", "svc-1");
        set_i(x, RD(RC_RISKS), "impact", 6);
        set_i(x, RD(RC_RISKS), "likelihood", 1);
        set_s(x, RD(RC_RISKS), "due", "2026-02-30");
    }
    struct checks c = {0};
    clock_t t0 = clock();
    round_validate(&r, 1, 0, &p, NULL, NULL, &c);
    double s = (double)(clock() - t0) / CLOCKS_PER_SEC;
    if (!under_valgrind())
        cr_assert_lt(s, 0.5, "took %.2f s", s);
    cr_assert_eq(c.found.n, 40000);
    size_t carried = 0;
    for (size_t j = 0; j < c.n; j++)
        carried += c.v[j].finding != CHECK_NO_FINDING;
    cr_assert_eq(carried, 40000);
    /* each in its risk's place: risk k's two findings follow each other */
    size_t k = 0;
    for (size_t j = 0; j + 1 < c.n; j++) {
        if (c.v[j].finding == CHECK_NO_FINDING || c.v[j].coll != RC_RISKS)
            continue;
        cr_assert_eq(c.v[j].index, k / 2, "check %zu", j);
        k++;
    }
    checks_free(&c);
    round_free(&r);
    profile_free(&p);
}
