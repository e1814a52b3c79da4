/* Unit tests: the profile and checklist model (no workspace files): the
 * rules of profile_check with their exact messages and lines, the risk
 * criteria, the dependency analysis, removing references, collections
 * and equality. */
#include "model/profile.h"
#include "store/libload.h"
#include "util/xalloc.h"
#include <criterion/criterion.h>
#include "fields.h"
#include "diag_expect.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FILE_NAME "profile.cfg"

/* --- building profiles ---------------------------------------------------- */

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

static void set_b(struct record *r, const struct coll_def *def, const char *key, bool b)
{
    struct value *v = val(r, def, key);
    v->b = b;
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

/* Append a record with id (NULL for none) read at `line`; returns it
 * (valid until the next add to the same collection). */
static struct record *add(struct profile *p, enum profile_coll c, const char *id, int line)
{
    struct record r;
    record_init(&r, p->c[c].def);
    r.id = id ? xstrdup(id) : NULL;
    r.line = line;
    size_t i = coll_add(&p->c[c], &r);
    return &p->c[c].r[i];
}

#define D(c) (profile_coll_defs[c])

static void add_level(struct profile *p, enum profile_coll c, long long level, const char *label,
                      int line)
{
    struct record *r = add(p, c, NULL, line);
    set_i(r, D(c), "level", level);
    set_s(r, D(c), "label", label);
    set_s(r, D(c), "definition", "what it means");
}

/* A small, valid profile; every record has its own line. */
static void base_profile(struct profile *p)
{
    profile_init(p);
    p->org.line = 3;
    set_s(&p->org, &profile_org_def, "name", "Test Waterworks");
    set_s(&p->org, &profile_org_def, "sector", "sectors.water");
    set_i(&p->org, &profile_org_def, "employees", 120);

    struct record *r = add(p, COLL_ROLES, "role-1", 10);
    set_s(r, D(COLL_ROLES), "role", "roles.ciso");
    set_s(r, D(COLL_ROLES), "name", "Sato");

    r = add(p, COLL_GOVERNANCE, "governance.policy", 20);
    set_s(r, D(COLL_GOVERNANCE), "status", "yes");

    r = add(p, COLL_SERVICES, "svc-1", 30);
    set_s(r, D(COLL_SERVICES), "name", "Water supply");
    set_i(r, D(COLL_SERVICES), "mtd_hours", 12);
    r = add(p, COLL_SERVICES, "svc-2", 31);
    set_s(r, D(COLL_SERVICES), "name", "Billing");

    r = add(p, COLL_OPERATIONS, "op-1", 40);
    set_s(r, D(COLL_OPERATIONS), "name", "Treatment");
    set_l(r, D(COLL_OPERATIONS), "services", "svc-1", NULL);
    r = add(p, COLL_OPERATIONS, "op-2", 41);
    set_s(r, D(COLL_OPERATIONS), "name", "Distribution");
    set_l(r, D(COLL_OPERATIONS), "services", "svc-1", "svc-2", NULL);

    r = add(p, COLL_RESOURCES, "res-1", 50);
    set_s(r, D(COLL_RESOURCES), "name", "SCADA");
    set_s(r, D(COLL_RESOURCES), "kind", "ot");
    set_l(r, D(COLL_RESOURCES), "operations", "op-1", "op-2", NULL);
    set_l(r, D(COLL_RESOURCES), "depends", "res-2", NULL);
    r = add(p, COLL_RESOURCES, "res-2", 51);
    set_s(r, D(COLL_RESOURCES), "name", "Network");
    set_s(r, D(COLL_RESOURCES), "kind", "system");
    r = add(p, COLL_RESOURCES, "res-3", 52);
    set_s(r, D(COLL_RESOURCES), "name", "Old server");
    set_s(r, D(COLL_RESOURCES), "kind", "system");
    set_l(r, D(COLL_RESOURCES), "depends", "res-2", NULL);

    /* a supplier is a resource of kind supplier (model/supplier.h) */
    r = add(p, COLL_RESOURCES, "sup-1", 60);
    set_s(r, D(COLL_RESOURCES), "name", "Vendor");
    set_s(r, D(COLL_RESOURCES), "kind", "supplier");
    set_s(r, D(COLL_RESOURCES), "contract_security", "partial");
    set_l(r, D(COLL_RESOURCES), "supply_risks", "supply_chain.subcontractor", NULL);
    set_l(r, D(COLL_RESOURCES), "serves", "res-1", "res-3", NULL);

    p->criteria.line = 70;
    set_s(&p->criteria, &profile_criteria_def, "rule", "product");
    set_i(&p->criteria, &profile_criteria_def, "threshold", 10);
    const char *labels[] = {"one", "two", "three", "four", "five"};
    for (int i = 0; i < 5; i++)
        add_level(p, COLL_IMPACT, i + 1, labels[i], 72 + i);
    for (int i = 0; i < 5; i++)
        add_level(p, COLL_LIKELIHOOD, i + 1, labels[i], 80 + i);
}

/* --- checking ------------------------------------------------------------- */

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

/* Check p with the library and compare with the wanted findings. */
static void check_expect(const struct profile *p, const struct want *w, size_t n)
{
    struct diag_list dl = {0};
    profile_check(p, lib, FILE_NAME, &dl);
    expect(&dl, FILE_NAME, w, n);
    diag_clear(&dl);
}

#define EXPECT(p, ...) do { \
        const struct want w_[] = {__VA_ARGS__}; \
        check_expect(p, w_, sizeof w_ / sizeof *w_); \
    } while (0)
#define EXPECT_NONE(p) check_expect(p, NULL, 0)

TestSuite(check, .init = load_lib, .fini = free_lib);

Test(check, the_base_profile_is_clean)
{
    struct profile p;
    base_profile(&p);
    EXPECT_NONE(&p);
    profile_free(&p);
}

Test(check, an_empty_profile_needs_a_name_rule_threshold_and_scales)
{
    struct profile p;
    profile_init(&p);
    p.org.line = 2;
    p.criteria.line = 9;
    EXPECT(&p,
           {DIAG_ERROR, 2, "organisation: Name ('name') is required"},
           {DIAG_ERROR, 9, "criteria: Rule ('rule') is required"},
           {DIAG_ERROR, 9, "criteria: Threshold ('threshold') is required"},
           {DIAG_ERROR, 9, "criteria: Impact scale ('impact') has 0 levels; it needs 3 to 6"},
           {DIAG_ERROR, 9, "criteria: Likelihood scale ('likelihood') has 0 levels; it needs 3 to 6"});
    profile_free(&p);
}

Test(check, required_fields_missing_or_empty)
{
    struct profile p;
    base_profile(&p);
    unset(&p.org, &profile_org_def, "name");
    set_s(&p.c[COLL_SERVICES].r[1], D(COLL_SERVICES), "name", "");   /* empty counts as missing */
    unset(&p.c[COLL_RESOURCES].r[2], D(COLL_RESOURCES), "kind");
    unset(&p.c[COLL_ROLES].r[0], D(COLL_ROLES), "role");
    EXPECT(&p,
           {DIAG_ERROR, 3, "organisation: Name ('name') is required"},
           {DIAG_ERROR, 31, "svc-2: Name ('name') is required"},
           {DIAG_ERROR, 52, "res-3: Kind ('kind') is required"},
           {DIAG_ERROR, 10, "role-1: Role ('role') is required"});
    profile_free(&p);
}

Test(check, integers_out_of_range)
{
    struct profile p;
    base_profile(&p);
    set_i(&p.c[COLL_SERVICES].r[0], D(COLL_SERVICES), "mtd_hours", 9000);
    set_i(&p.org, &profile_org_def, "employees", -1);
    EXPECT(&p,
           {DIAG_ERROR, 30, "svc-1: Max downtime (h) ('mtd_hours') is 9000, outside 0..8760"},
           {DIAG_ERROR, 3, "organisation: Employees ('employees') is -1, outside 0..10000000"});
    /* the bounds themselves are allowed */
    set_i(&p.c[COLL_SERVICES].r[0], D(COLL_SERVICES), "mtd_hours", 8760);
    set_i(&p.c[COLL_SERVICES].r[1], D(COLL_SERVICES), "mtd_hours", 0);
    set_i(&p.org, &profile_org_def, "employees", 10000000);
    EXPECT_NONE(&p);
    set_i(&p.c[COLL_SERVICES].r[0], D(COLL_SERVICES), "mtd_hours", 8761);
    EXPECT(&p, {DIAG_ERROR, 30, "svc-1: Max downtime (h) ('mtd_hours') is 8761, outside 0..8760"});
    profile_free(&p);
}

Test(check, enumeration_values)
{
    struct profile p;
    base_profile(&p);
    set_s(&p.c[COLL_RESOURCES].r[1], D(COLL_RESOURCES), "kind", "robot");
    set_s(&p.c[COLL_GOVERNANCE].r[0], D(COLL_GOVERNANCE), "status", "Yes");  /* case matters */
    set_s(&p.criteria, &profile_criteria_def, "rule", "max");
    EXPECT(&p,
           {DIAG_ERROR, 51, "res-2: Kind ('kind') is 'robot', not one of the allowed values"},
           {DIAG_ERROR, 20, "governance.policy: Status ('status') is 'Yes', not one of the allowed values"},
           {DIAG_ERROR, 70, "criteria: Rule ('rule') is 'max', not one of the allowed values"});
    profile_free(&p);
}

Test(check, references_to_missing_entries)
{
    struct profile p;
    base_profile(&p);
    set_l(&p.c[COLL_OPERATIONS].r[0], D(COLL_OPERATIONS), "services", "svc-1", "svc-x", NULL);
    set_l(&p.c[COLL_RESOURCES].r[1], D(COLL_RESOURCES), "depends", "res-9", NULL);
    set_l(&p.c[COLL_RESOURCES].r[2], D(COLL_RESOURCES), "operations", "op-9", NULL);
    set_l(&p.c[COLL_RESOURCES].r[3], D(COLL_RESOURCES), "serves", "res-1", "svc-1", NULL);
    EXPECT(&p,
           {DIAG_ERROR, 40, "op-1: Services ('services') names 'svc-x', which does not exist"},
           {DIAG_ERROR, 51, "res-2: Depends on ('depends') names 'res-9', which does not exist"},
           {DIAG_ERROR, 52, "res-3: Operations ('operations') names 'op-9', which does not exist"},
           /* an id of another collection is not a resource */
           {DIAG_ERROR, 60, "sup-1: Serves ('serves') names 'svc-1', which does not exist"});
    profile_free(&p);
}

Test(check, references_to_the_library)
{
    struct profile p;
    base_profile(&p);
    set_s(&p.org, &profile_org_def, "sector", "sectors.mars");
    set_s(&p.c[COLL_ROLES].r[0], D(COLL_ROLES), "role", "roles.king");
    set_l(&p.c[COLL_RESOURCES].r[3], D(COLL_RESOURCES), "supply_risks", "supply_chain.aliens",
          "supply_chain.subcontractor", NULL);
    EXPECT(&p,
           {DIAG_ERROR, 3, "organisation: Sector ('sector') names 'sectors.mars', which does not exist"},
           {DIAG_ERROR, 10, "role-1: Role ('role') names 'roles.king', which does not exist"},
           {DIAG_ERROR, 60, "sup-1: Supply-chain risks ('supply_risks') names 'supply_chain.aliens', which does not exist"});
    /* a table id of another table is no sector */
    set_s(&p.org, &profile_org_def, "sector", "roles.ciso");
    set_s(&p.c[COLL_ROLES].r[0], D(COLL_ROLES), "role", "roles.ciso");
    set_l(&p.c[COLL_RESOURCES].r[3], D(COLL_RESOURCES), "supply_risks", "supply_chain.subcontractor", NULL);
    EXPECT(&p, {DIAG_ERROR, 3, "organisation: Sector ('sector') names 'roles.ciso', which does not exist"});
    /* without the library, library references cannot be judged */
    set_s(&p.org, &profile_org_def, "sector", "sectors.mars");
    struct diag_list dl = {0};
    profile_check(&p, NULL, FILE_NAME, &dl);
    cr_assert_eq(dl.n, 0);
    profile_free(&p);
}

Test(check, a_reference_named_twice_is_a_warning)
{
    struct profile p;
    base_profile(&p);
    set_l(&p.c[COLL_OPERATIONS].r[1], D(COLL_OPERATIONS), "services", "svc-1", "svc-2", "svc-1", NULL);
    EXPECT(&p, {DIAG_WARNING, 41, "op-2: Services ('services') names 'svc-1' twice"});
    struct diag_list dl = {0};
    profile_check(&p, lib, FILE_NAME, &dl);
    cr_assert_eq(diag_count(&dl, DIAG_ERROR), 0);
    cr_assert_eq(diag_count(&dl, DIAG_WARNING), 1);
    diag_clear(&dl);
    profile_free(&p);
}

Test(check, an_id_used_twice_names_the_first_line)
{
    struct profile p;
    base_profile(&p);
    struct record *r = add(&p, COLL_SERVICES, "svc-1", 35);
    set_s(r, D(COLL_SERVICES), "name", "Again");
    EXPECT(&p, {DIAG_ERROR, 35, "services: id 'svc-1' is used twice (first at line 30)"});
    /* a third one names the first, once */
    r = add(&p, COLL_SERVICES, "svc-1", 36);
    set_s(r, D(COLL_SERVICES), "name", "Thrice");
    EXPECT(&p,
           {DIAG_ERROR, 35, "services: id 'svc-1' is used twice (first at line 30)"},
           {DIAG_ERROR, 36, "services: id 'svc-1' is used twice (first at line 30)"});
    profile_free(&p);
}

Test(check, an_entry_without_an_id)
{
    struct profile p;
    base_profile(&p);
    struct record *r = add(&p, COLL_OPERATIONS, NULL, 65);
    set_s(r, D(COLL_OPERATIONS), "name", "Anonymous");
    r = add(&p, COLL_OPERATIONS, "", 66);
    set_s(r, D(COLL_OPERATIONS), "name", "Empty id");
    EXPECT(&p,
           {DIAG_ERROR, 65, "operations: an entry has no id"},
           {DIAG_ERROR, 66, "operations: an entry has no id"});
    profile_free(&p);
}

Test(check, governance_ids_are_library_items)
{
    struct profile p;
    base_profile(&p);
    struct record *r = add(&p, COLL_GOVERNANCE, "governance.bogus", 22);
    set_s(r, D(COLL_GOVERNANCE), "status", "no");
    r = add(&p, COLL_GOVERNANCE, "governance.ciso", 23);
    set_s(r, D(COLL_GOVERNANCE), "status", "na");
    EXPECT(&p, {DIAG_ERROR, 22, "governance: 'governance.bogus' is not an item of the library"});
    profile_free(&p);
}

static void replace_scale(struct profile *p, enum profile_coll c, const long long *levels,
                          size_t n, int first_line)
{
    coll_free(&p->c[c]);
    for (size_t i = 0; i < n; i++)
        add_level(p, c, levels[i], "x", first_line + (int)i);
}

Test(check, a_scale_needs_three_to_six_levels)
{
    struct profile p;
    base_profile(&p);
    const long long two[] = {1, 2};
    replace_scale(&p, COLL_IMPACT, two, 2, 90);
    /* 2 x 5 = 10: the threshold still fits */
    EXPECT(&p, {DIAG_ERROR, 90, "criteria: Impact scale ('impact') has 2 levels; it needs 3 to 6"});

    const long long seven[] = {1, 2, 3, 4, 5, 6, 7};
    replace_scale(&p, COLL_IMPACT, seven, 7, 90);
    replace_scale(&p, COLL_LIKELIHOOD, seven, 7, 100);
    EXPECT(&p,
           {DIAG_ERROR, 90, "criteria: Impact scale ('impact') has 7 levels; it needs 3 to 6"},
           {DIAG_ERROR, 100, "criteria: Likelihood scale ('likelihood') has 7 levels; it needs 3 to 6"},
           {DIAG_ERROR, 96, "impact: Level ('level') is 7, outside 1..6"},
           {DIAG_ERROR, 106, "likelihood: Level ('level') is 7, outside 1..6"});

    const long long three[] = {1, 2, 3}, six[] = {6, 5, 4, 3, 2, 1};
    replace_scale(&p, COLL_IMPACT, three, 3, 90);
    replace_scale(&p, COLL_LIKELIHOOD, six, 6, 100);
    EXPECT_NONE(&p);   /* 3 and 6 levels, in any order; 3 x 6 = 18 >= 10 */
    profile_free(&p);
}

Test(check, levels_are_numbered_one_to_n)
{
    struct profile p;
    base_profile(&p);
    const long long dup[] = {1, 2, 2, 4, 5};
    replace_scale(&p, COLL_IMPACT, dup, 5, 90);
    EXPECT(&p,
           {DIAG_ERROR, 90, "criteria: Impact scale ('impact') must number its levels 1 to 5 once each (level 2 appears 2 times)"},
           {DIAG_ERROR, 90, "criteria: Impact scale ('impact') must number its levels 1 to 5 once each (level 3 appears 0 times)"});

    const long long gap[] = {2, 3, 4};
    replace_scale(&p, COLL_IMPACT, dup, 5, 90);
    replace_scale(&p, COLL_LIKELIHOOD, gap, 3, 100);
    /* both scales are checked, each at its first level's line */
    EXPECT(&p,
           {DIAG_ERROR, 90, "criteria: Impact scale ('impact') must number its levels 1 to 5 once each (level 2 appears 2 times)"},
           {DIAG_ERROR, 90, "criteria: Impact scale ('impact') must number its levels 1 to 5 once each (level 3 appears 0 times)"},
           {DIAG_ERROR, 100, "criteria: Likelihood scale ('likelihood') must number its levels 1 to 3 once each (level 1 appears 0 times)"});
    replace_scale(&p, COLL_IMPACT, gap, 3, 90);
    const long long ok[] = {1, 2, 3, 4, 5};
    replace_scale(&p, COLL_LIKELIHOOD, ok, 5, 100);
    EXPECT(&p,
           {DIAG_ERROR, 90, "criteria: Impact scale ('impact') must number its levels 1 to 3 once each (level 1 appears 0 times)"});
    profile_free(&p);
}

Test(check, the_threshold_must_be_reachable)
{
    struct profile p;
    base_profile(&p);
    const long long three[] = {1, 2, 3};
    replace_scale(&p, COLL_IMPACT, three, 3, 90);
    replace_scale(&p, COLL_LIKELIHOOD, three, 3, 100);
    EXPECT(&p, {DIAG_ERROR, 70, "criteria: threshold 10 is above the highest risk value 9"});
    set_i(&p.criteria, &profile_criteria_def, "threshold", 9);
    EXPECT_NONE(&p);
    set_s(&p.criteria, &profile_criteria_def, "rule", "sum");
    EXPECT(&p, {DIAG_ERROR, 70, "criteria: threshold 9 is above the highest risk value 6"});
    set_i(&p.criteria, &profile_criteria_def, "threshold", 6);
    EXPECT_NONE(&p);
    /* one finding for one wrong value: the field's own range first */
    set_i(&p.criteria, &profile_criteria_def, "threshold", 37);
    EXPECT(&p, {DIAG_ERROR, 70, "criteria: Threshold ('threshold') is 37, outside 1..36"});
    /* the lowest value of the sum rule is 1 + 1 */
    set_i(&p.criteria, &profile_criteria_def, "threshold", 2);
    EXPECT_NONE(&p);
    set_i(&p.criteria, &profile_criteria_def, "threshold", 1);
    EXPECT(&p, {DIAG_ERROR, 70, "criteria: threshold 1 is below the lowest risk value 2"});
    set_s(&p.criteria, &profile_criteria_def, "rule", "product");
    EXPECT_NONE(&p);
    /* a rule that is none: only that is said */
    set_s(&p.criteria, &profile_criteria_def, "rule", "max");
    set_i(&p.criteria, &profile_criteria_def, "threshold", 30);
    EXPECT(&p, {DIAG_ERROR, 70, "criteria: Rule ('rule') is 'max', not one of the allowed values"});
    profile_free(&p);
}

/* kijun.5: "ids are 1-64 ASCII letters, digits, ., - or _". */
Test(check, ids_outside_the_documented_syntax_are_reported)
{
    struct profile p;
    base_profile(&p);
    struct record *r = add(&p, COLL_SERVICES, "svc 1!", 32);
    set_s(r, D(COLL_SERVICES), "name", "Bad id");
    struct diag_list dl = {0};
    profile_check(&p, lib, FILE_NAME, &dl);
    cr_assert_eq(diag_count(&dl, DIAG_ERROR), 1, "an id with a space and '!' was accepted");
    cr_assert_eq(dl.v[0].line, 32);
    diag_clear(&dl);
    profile_free(&p);
}

Test(check, the_checklist_names_guideline_items)
{
    struct checklist c;
    checklist_init(&c);
    const char *ids[] = {"rev.II.1", "rev.XX.9", "v5.II.4.1.2.1", "rev.II.1"};
    const char *status[] = {"implemented", "done", "partial", "na"};
    for (int i = 0; i < 4; i++) {
        struct record r;
        record_init(&r, &checklist_def);
        r.id = xstrdup(ids[i]);
        r.line = 5 + i;
        set_s(&r, &checklist_def, "status", status[i]);
        coll_add(&c.items, &r);
    }
    struct diag_list dl = {0};
    checklist_check(&c, lib, FILE_NAME, &dl);
    const struct want w[] = {
        {DIAG_ERROR, 6, "items: 'rev.XX.9' is not an item of the library"},
        {DIAG_ERROR, 6, "rev.XX.9: Status ('status') is 'done', not one of the allowed values"},
        {DIAG_ERROR, 8, "items: id 'rev.II.1' is used twice (first at line 5)"},
    };
    expect(&dl, FILE_NAME, w, 3);
    diag_clear(&dl);
    checklist_free(&c);
}

/* --- criteria and the dependency analysis ------------------------------- */

Test(criteria, product_and_sum)
{
    struct profile p;
    base_profile(&p);
    cr_assert_eq(criteria_value(&p, 4, 5), 20);
    cr_assert_eq(criteria_value(&p, 1, 1), 1);
    cr_assert_eq(criteria_max(&p), 25);
    set_s(&p.criteria, &profile_criteria_def, "rule", "sum");
    cr_assert_eq(criteria_value(&p, 4, 5), 9);
    cr_assert_eq(criteria_value(&p, 1, 1), 2);
    cr_assert_eq(criteria_max(&p), 10);
    const long long three[] = {1, 2, 3};
    replace_scale(&p, COLL_IMPACT, three, 3, 90);
    cr_assert_eq(criteria_max(&p), 8);
    unset(&p.criteria, &profile_criteria_def, "rule");   /* product is the default */
    cr_assert_eq(criteria_value(&p, 3, 4), 12);
    cr_assert_eq(criteria_max(&p), 15);
    profile_free(&p);
}

Test(deps, operations_per_service_and_unused_resources)
{
    struct profile p;
    base_profile(&p);
    cr_assert_eq(service_operation_count(&p, "svc-1"), 2);
    cr_assert_eq(service_operation_count(&p, "svc-2"), 1);
    cr_assert_eq(service_operation_count(&p, "svc-x"), 0);
    struct record *res = p.c[COLL_RESOURCES].r;
    cr_assert_not(resource_unused(&p, &res[0]), "res-1 serves operations");
    cr_assert_not(resource_unused(&p, &res[1]), "res-1 and res-3 depend on res-2");
    /* res-3 is named by a supplier only: nothing operational uses it */
    cr_assert(resource_unused(&p, &res[2]));
    /* depending on itself does not count */
    set_l(&res[2], D(COLL_RESOURCES), "depends", "res-2", "res-3", NULL);
    cr_assert(resource_unused(&p, &res[2]));
    /* once res-1 depends on it, it is used */
    set_l(&res[0], D(COLL_RESOURCES), "depends", "res-2", "res-3", NULL);
    cr_assert_not(resource_unused(&p, &res[2]));
    /* without operations and dependents res-1 is unused */
    unset(&res[0], D(COLL_RESOURCES), "operations");
    cr_assert(resource_unused(&p, &res[0]));
    profile_free(&p);
}

/* --- removing references ----------------------------------------------------- */

static const struct strlist *list_of(struct profile *p, enum profile_coll c, size_t i,
                                     const char *key)
{
    return &val(&p->c[c].r[i], D(c), key)->list;
}

static void assert_list(const struct strlist *l, size_t n, ...)
{
    cr_assert_eq(l->n, n, "the list has %zu entries, not %zu", l->n, n);
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++)
        cr_assert_str_eq(l->v[i], va_arg(ap, const char *));
    va_end(ap);
}

TestSuite(refs, .init = load_lib, .fini = free_lib);

Test(refs, removing_a_service)
{
    struct profile p;
    base_profile(&p);
    cr_assert_eq(profile_remove_refs(&p, "services", "svc-1"), 2);
    assert_list(list_of(&p, COLL_OPERATIONS, 0, "services"), 0);
    assert_list(list_of(&p, COLL_OPERATIONS, 1, "services"), 1, "svc-2");
    cr_assert_eq(service_operation_count(&p, "svc-1"), 0);
    cr_assert_eq(profile_remove_refs(&p, "services", "svc-1"), 0, "nothing left to remove");
    profile_free(&p);
}

Test(refs, removing_a_resource_an_operation_and_nothing)
{
    struct profile p;
    base_profile(&p);
    /* res-2 is depended on by res-1 and res-3 */
    cr_assert_eq(profile_remove_refs(&p, "resources", "res-2"), 2);
    assert_list(list_of(&p, COLL_RESOURCES, 0, "depends"), 0);
    assert_list(list_of(&p, COLL_RESOURCES, 2, "depends"), 0);
    /* res-1 is named by the supplier */
    cr_assert_eq(profile_remove_refs(&p, "resources", "res-1"), 1);
    assert_list(list_of(&p, COLL_RESOURCES, 3, "serves"), 1, "res-3");
    /* op-1 is used by res-1 */
    cr_assert_eq(profile_remove_refs(&p, "operations", "op-1"), 1);
    assert_list(list_of(&p, COLL_RESOURCES, 0, "operations"), 1, "op-2");
    /* an id that nothing names, and a key nothing refers to */
    cr_assert_eq(profile_remove_refs(&p, "resources", "res-9"), 0);
    cr_assert_eq(profile_remove_refs(&p, "suppliers", "sup-1"), 0); /* no such collection */
    cr_assert_eq(profile_remove_refs(&p, "services", "op-2"), 0);
    /* the entries themselves and other fields are untouched */
    cr_assert_eq(p.c[COLL_RESOURCES].n, 4);
    assert_list(list_of(&p, COLL_OPERATIONS, 1, "services"), 2, "svc-1", "svc-2");
    assert_list(list_of(&p, COLL_RESOURCES, 3, "supply_risks"), 1, "supply_chain.subcontractor");
    cr_assert_str_eq(rec_str(&p.c[COLL_RESOURCES].r[0], RES_KIND), "ot");
    /* after the removals the profile is clean once the entries go */
    coll_remove(&p.c[COLL_RESOURCES], 1);
    EXPECT_NONE(&p);
    profile_free(&p);
}

/* --- collections ------------------------------------------------------------- */

static void assert_ids(const struct collection *c, size_t n, ...)
{
    cr_assert_eq(c->n, n, "%zu entries, not %zu", c->n, n);
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++)
        cr_assert_str_eq(c->r[i].id, va_arg(ap, const char *), "entry %zu", i);
    va_end(ap);
}

Test(coll, move_remove_and_new_ids)
{
    struct profile p;
    profile_init(&p);
    struct collection *c = &p.c[COLL_SERVICES];
    const char *ids[] = {"a", "b", "c", "d"};
    for (int i = 0; i < 4; i++)
        add(&p, COLL_SERVICES, ids[i], i + 1);
    coll_move(c, 0, 2);
    assert_ids(c, 4, "b", "c", "a", "d");
    coll_move(c, 3, 0);
    assert_ids(c, 4, "d", "b", "c", "a");
    coll_move(c, 1, 1);
    coll_move(c, 4, 0);   /* out of range: nothing */
    coll_move(c, 0, 4);
    assert_ids(c, 4, "d", "b", "c", "a");
    coll_move(c, 3, 2);   /* neighbours */
    assert_ids(c, 4, "d", "b", "a", "c");
    cr_assert_eq(c->r[2].line, 1, "the record moved with its fields");

    coll_remove(c, 1);
    assert_ids(c, 3, "d", "a", "c");
    coll_remove(c, 3);    /* out of range: nothing */
    coll_remove(c, 2);
    assert_ids(c, 2, "d", "a");
    cr_assert_not_null(coll_find(c, "a"));
    cr_assert_null(coll_find(c, "c"));

    char *id = coll_new_id(c);
    cr_assert_str_eq(id, "svc-3");
    free(id);
    add(&p, COLL_SERVICES, "svc-3", 9);
    add(&p, COLL_SERVICES, "svc-5", 9);
    id = coll_new_id(c);   /* n = 4: svc-5 is taken, svc-6 is next */
    cr_assert_str_eq(id, "svc-6");
    free(id);
    coll_remove(c, 0);
    coll_remove(c, 0);
    id = coll_new_id(c);   /* n = 2: svc-3 is taken, so svc-4 */
    cr_assert_str_eq(id, "svc-4");
    free(id);
    id = coll_new_id(&p.c[COLL_RESOURCES]);
    cr_assert_str_eq(id, "res-1");
    free(id);
    id = coll_new_id(&p.c[COLL_ROLES]);
    cr_assert_str_eq(id, "role-1");
    free(id);
    profile_free(&p);
}

/* --- equality and copies ------------------------------------------------------ */

TestSuite(equal, .init = load_lib, .fini = free_lib);

Test(equal, records_and_profiles)
{
    struct profile a, b;
    base_profile(&a);
    base_profile(&b);
    cr_assert(profile_equal(&a, &b));
    /* lines are where a record was read, not part of its content */
    b.c[COLL_SERVICES].r[0].line = 999;
    b.org.line = 1;
    cr_assert(profile_equal(&a, &b));

    const struct coll_def *sd = D(COLL_SERVICES);
    struct record *ra = &a.c[COLL_SERVICES].r[0], *rb = &b.c[COLL_SERVICES].r[0];
    cr_assert(record_equal(ra, rb, sd));
    set_s(rb, sd, "name", "Water supply ");
    cr_assert_not(record_equal(ra, rb, sd));
    cr_assert_not(profile_equal(&a, &b));
    set_s(rb, sd, "name", "Water supply");
    cr_assert(profile_equal(&a, &b));
    /* set to "" is not unset */
    set_s(ra, sd, "note", "");
    cr_assert_not(record_equal(ra, rb, sd));
    unset(ra, sd, "note");
    /* ints, bools, ids */
    set_i(rb, sd, "mtd_hours", 13);
    cr_assert_not(record_equal(ra, rb, sd));
    set_i(rb, sd, "mtd_hours", 12);
    free(rb->id);
    rb->id = xstrdup("svc-01");
    cr_assert_not(record_equal(ra, rb, sd));
    free(rb->id);
    rb->id = xstrdup("svc-1");
    cr_assert(record_equal(ra, rb, sd));
    set_b(&a.c[COLL_ROLES].r[0], D(COLL_ROLES), "from_board", false);
    cr_assert_not(profile_equal(&a, &b), "false is set, unset is not");
    set_b(&b.c[COLL_ROLES].r[0], D(COLL_ROLES), "from_board", true);
    cr_assert_not(profile_equal(&a, &b));
    set_b(&b.c[COLL_ROLES].r[0], D(COLL_ROLES), "from_board", false);
    cr_assert(profile_equal(&a, &b));
    /* list order matters */
    set_l(&b.c[COLL_OPERATIONS].r[1], D(COLL_OPERATIONS), "services", "svc-2", "svc-1", NULL);
    cr_assert_not(profile_equal(&a, &b));
    set_l(&b.c[COLL_OPERATIONS].r[1], D(COLL_OPERATIONS), "services", "svc-1", "svc-2", NULL);
    cr_assert(profile_equal(&a, &b));
    /* the order of entries matters, and their number */
    coll_move(&b.c[COLL_SERVICES], 0, 1);
    cr_assert_not(profile_equal(&a, &b));
    coll_move(&b.c[COLL_SERVICES], 1, 0);
    cr_assert(profile_equal(&a, &b));
    coll_remove(&b.c[COLL_LIKELIHOOD], 4);
    cr_assert_not(profile_equal(&a, &b));
    /* criteria */
    profile_free(&b);
    base_profile(&b);
    set_i(&b.criteria, &profile_criteria_def, "threshold", 11);
    cr_assert_not(profile_equal(&a, &b));
    profile_free(&a);
    profile_free(&b);
}

Test(equal, a_copy_is_deep)
{
    struct profile a, b;
    base_profile(&a);
    profile_copy(&b, &a);
    cr_assert(profile_equal(&a, &b));
    cr_assert_eq(b.c[COLL_SERVICES].r[1].line, 31, "the copy keeps the lines");
    for (int i = 0; i < COLL__COUNT; i++) {
        cr_assert_eq(b.c[i].def, a.c[i].def);
        cr_assert_eq(b.c[i].n, a.c[i].n);
    }
    /* nothing is shared */
    cr_assert_neq(b.org.v[0].s, a.org.v[0].s);
    set_s(&b.org, &profile_org_def, "name", "Changed");
    set_l(&b.c[COLL_OPERATIONS].r[0], D(COLL_OPERATIONS), "services", "svc-2", NULL);
    free(b.c[COLL_RESOURCES].r[0].id);
    b.c[COLL_RESOURCES].r[0].id = xstrdup("res-x");
    cr_assert_str_eq(rec_str(&a.org, ORG_NAME), "Test Waterworks");
    assert_list(list_of(&a, COLL_OPERATIONS, 0, "services"), 1, "svc-1");
    cr_assert_str_eq(a.c[COLL_RESOURCES].r[0].id, "res-1");
    /* a copy can grow on its own */
    add(&b, COLL_SERVICES, "svc-3", 33);
    cr_assert_eq(a.c[COLL_SERVICES].n, 2);
    cr_assert_not(profile_equal(&a, &b));
    profile_free(&b);
    EXPECT_NONE(&a);
    profile_free(&a);
    struct checklist c, d;
    checklist_init(&c);
    struct record r;
    record_init(&r, &checklist_def);
    r.id = xstrdup("rev.II.1");
    set_s(&r, &checklist_def, "status", "partial");
    set_s(&r, &checklist_def, "owner", "IT");
    coll_add(&c.items, &r);
    checklist_copy(&d, &c);
    cr_assert_eq(d.items.n, 1);
    cr_assert_eq(d.items.def, &checklist_def);
    cr_assert(record_equal(&c.items.r[0], &d.items.r[0], &checklist_def));
    set_s(&d.items.r[0], &checklist_def, "owner", "OT");
    cr_assert_str_eq(rec_str(&c.items.r[0], CL_OWNER), "IT");
    checklist_free(&c);
    checklist_free(&d);
}

Test(equal, value_format_for_lists)
{
    struct profile p;
    base_profile(&p);
    const struct coll_def *od = D(COLL_OPERATIONS);
    int fi = OP_SERVICES;
    cr_assert_geq(fi, 0);
    char *s = value_format(&p.c[COLL_OPERATIONS].r[1].v[fi], &od->fields[fi]);
    cr_assert_str_eq(s, "svc-1, svc-2");
    free(s);
    const struct coll_def *sd = D(COLL_SERVICES);
    fi = SVC_MTD_HOURS;
    s = value_format(&p.c[COLL_SERVICES].r[0].v[fi], &sd->fields[fi]);
    cr_assert_str_eq(s, "12");
    free(s);
    s = value_format(&p.c[COLL_SERVICES].r[1].v[fi], &sd->fields[fi]);
    cr_assert_str_eq(s, "", "unset is empty");
    free(s);
    profile_free(&p);
}
