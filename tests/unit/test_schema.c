/* Unit tests: the schema tables of model/schema.h (every table as long as
 * its enum of indices, no gap, one key once, a name field that is text),
 * and the one parse/format pair of each field type (value_parse,
 * value_edit_text, value_empty). tests/schema.sh shows that a misspelt
 * index fails to compile. */
#include "model/assessment.h"
#include "model/supplier.h"
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

static const struct { const struct coll_def *def; size_t n; } tables[] = {
    {&profile_org_def, ORG__N}, {&profile_criteria_def, CRIT__N}, {&checklist_def, CL__N},
    {NULL, ROLES__N}, {NULL, GOV__N}, {NULL, SVC__N}, {NULL, OP__N}, {NULL, RES__N},
    {NULL, LEVEL__N}, {NULL, LEVEL__N},
    {&round_head_def, HEAD__N},
    {NULL, RISK__N}, {NULL, CLEAR__N}, {NULL, SO__N}, {NULL, REV__N}, {NULL, REOPEN__N},
    {NULL, CLOSED__N}, {NULL, SEENSVC__N}, {NULL, SEENRES__N},
    {&profile_old_suppliers_def, OLDSUP__N},
};
#define NTABLES (sizeof tables / sizeof *tables)

/* The NULLs above: the profile's collections, then the round's, in the
 * order of their enums. */
static const struct coll_def *table_def(size_t t)
{
    if (tables[t].def)
        return tables[t].def;
    if (t >= 3 && t < 3 + COLL__COUNT)
        return profile_coll_defs[t - 3];
    return round_coll_defs[t - 3 - COLL__COUNT - 1];
}

Test(schema, every_table_is_as_long_as_its_enum)
{
    cr_assert_eq(NTABLES, 3 + COLL__COUNT + 1 + RC__COUNT + 1);
    for (size_t t = 0; t < NTABLES; t++)
        cr_assert_eq(table_def(t)->nfields, tables[t].n, "%s: %zu fields, its enum %zu",
                     table_def(t)->key, table_def(t)->nfields, tables[t].n);
}

Test(schema, every_field_is_whole_and_named_once)
{
    for (size_t t = 0; t < NTABLES; t++) {
        const struct coll_def *d = table_def(t);
        for (size_t i = 0; i < d->nfields; i++) {
            const struct field_def *f = &d->fields[i];
            cr_assert_not_null(f->key, "%s: field %zu has no row", d->key, i);
            cr_assert(f->label && *f->label && f->help && *f->help, "%s.%s: label and help", d->key, f->key);
            cr_assert_eq(field_index(d, f->key), (int)i, "%s.%s is named twice", d->key, f->key);
            cr_assert(f->type != F_ENUM || (f->values && f->values[0]), "%s.%s: values", d->key, f->key);
            cr_assert((f->type == F_REF || f->type == F_REFLIST) == (f->ref != NULL), "%s.%s: ref", d->key, f->key);
            cr_assert(f->type != F_INT || f->lo <= f->hi, "%s.%s: range", d->key, f->key);
        }
    }
}

Test(schema, the_name_field_is_text)
{
    for (size_t t = 0; t < NTABLES; t++) {
        const struct coll_def *d = table_def(t);
        cr_assert(d->name_field >= -1 && d->name_field < (int)d->nfields, "%s", d->key);
        if (d->name_field >= 0)
            cr_assert_eq(d->fields[d->name_field].type, F_STRING, "%s", d->key);
    }
    cr_assert_str_eq(profile_coll_defs[COLL_RESOURCES]->fields[profile_coll_defs[COLL_RESOURCES]->name_field].key, "name");
    cr_assert_str_eq(round_coll_defs[RC_RISKS]->fields[round_coll_defs[RC_RISKS]->name_field].key, "title");
    cr_assert_str_eq(profile_coll_defs[COLL_IMPACT]->fields[profile_coll_defs[COLL_IMPACT]->name_field].key, "label");
    cr_assert_eq(profile_coll_defs[COLL_GOVERNANCE]->name_field, -1);
}

Test(schema, indices_name_their_fields)
{
    cr_assert_str_eq(round_coll_defs[RC_RISKS]->fields[RISK_OWNER].key, "owner");
    cr_assert_str_eq(round_coll_defs[RC_RISKS]->fields[RISK_ACCEPTED_ROUND].key, "accepted_round");
    cr_assert_str_eq(round_head_def.fields[HEAD_PREVIOUS].key, "previous");
    cr_assert_str_eq(profile_coll_defs[COLL_RESOURCES]->fields[RES_SERVES].key, "serves");
    cr_assert_str_eq(round_coll_defs[RC_SIGNOFFS]->fields[SO_DIGEST].key, "digest");
    cr_assert_str_eq(profile_old_suppliers_def.fields[OLDSUP_RISKS].key, "risks");
}

Test(schema, rec_str_and_rec_int_read_by_index)
{
    const struct coll_def *d = round_coll_defs[RC_RISKS];
    struct record r;
    record_init(&r, d);
    cr_assert_str_eq(rec_str(&r, RISK_OWNER), "");
    cr_assert_str_eq(rec_str(&r, -1), "", "no name field: no text");
    cr_assert_eq(rec_int(&r, RISK_IMPACT, 7), 7);
    cr_assert_eq(value_parse(&d->fields[RISK_OWNER], "CISO", &r.v[RISK_OWNER]), VP_OK);
    cr_assert_eq(value_parse(&d->fields[RISK_IMPACT], "4", &r.v[RISK_IMPACT]), VP_OK);
    cr_assert_str_eq(rec_str(&r, RISK_OWNER), "CISO");
    cr_assert_eq(rec_int(&r, RISK_IMPACT, 7), 4);
    record_free(&r, d);
}

/* --- parse and format, the one pair of each type --------------------------- */

static const struct field_def *field(const struct coll_def *d, int i)
{
    return &d->fields[i];
}

Test(value, a_number_is_whole_and_in_range)
{
    const struct field_def *f = field(round_coll_defs[RC_RISKS], RISK_IMPACT); /* 1..6 */
    struct value v;
    cr_assert_eq(value_parse(f, "3", &v), VP_OK);
    cr_assert(v.set);
    cr_assert_eq(v.i, 3);
    static const char *const bad[] = {"0", "7", "3x", "x", "-1", "+3", " 3", "99999999999999999999"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        cr_assert_eq(value_parse(f, bad[i], &v), VP_BAD_NUMBER, "'%s'", bad[i]);
        cr_assert_not(v.set, "'%s' leaves the value unset", bad[i]);
    }
    cr_assert_eq(value_parse(f, "", &v), VP_OK);
    cr_assert_not(v.set, "an empty number is no number: unset");
}

Test(value, a_date_is_a_day_that_exists)
{
    const struct field_def *f = field(round_coll_defs[RC_RISKS], RISK_DUE);
    struct value v;
    cr_assert_eq(value_parse(f, "2028-02-29", &v), VP_OK);
    cr_assert_str_eq(v.s, "2028-02-29");
    value_free(&v);
    static const char *const bad[] = {"2026-13-45", "2026-02-30", "2027年6月", "2026-1-5", "tomorrow"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        cr_assert_eq(value_parse(f, bad[i], &v), VP_BAD_DATE, "'%s'", bad[i]);
        cr_assert_not(v.set);
    }
}

Test(value, free_strings_split_at_semicolons_and_come_back)
{
    const struct field_def *f = field(&round_head_def, HEAD_TEAM);
    struct value v;
    cr_assert_eq(value_parse(f, " CISO: Sato ; IT: Kato;; ", &v), VP_OK);
    cr_assert_eq(v.list.n, 2);
    cr_assert_str_eq(v.list.v[0], "CISO: Sato");
    char *t = value_edit_text(&v, f);
    cr_assert_str_eq(t, "CISO: Sato; IT: Kato");
    struct value back;
    cr_assert_eq(value_parse(f, t, &back), VP_OK);
    cr_assert(value_equal(&v, &back, F_STRLIST), "the text to edit reads back as the value");
    free(t);
    value_free(&back);
    value_free(&v);
    cr_assert_eq(value_parse(f, " ; ;", &v), VP_OK);
    cr_assert_not(v.set, "a list of no item is unset");
}

Test(value, every_type_reads_back_its_edit_text)
{
    const struct coll_def *rk = round_coll_defs[RC_RISKS], *org = &profile_org_def;
    const struct { const struct field_def *f; const char *text; } cases[] = {
        {field(rk, RISK_TITLE), "停電で監視が止まる"},
        {field(rk, RISK_LIKELIHOOD), "5"},
        {field(rk, RISK_DUE), "2027-03-31"},
        {field(org, ORG_EMPLOYEES), "480"},
        {field(org, ORG_STANDARDS), "ISO/IEC 27001; IEC 62443"},
        {field(rk, RISK_DECISION), "accept"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct value v;
        cr_assert_eq(value_parse(cases[i].f, cases[i].text, &v), VP_OK, "%s", cases[i].text);
        char *t = value_edit_text(&v, cases[i].f);
        cr_assert_str_eq(t, cases[i].text);
        free(t);
        value_free(&v);
    }
}

Test(value, empty_is_unset_blank_text_or_no_item)
{
    const struct field_def *s = field(round_coll_defs[RC_RISKS], RISK_OWNER), *n = field(round_coll_defs[RC_RISKS], RISK_IMPACT),
                           *l = field(&round_head_def, HEAD_SERVICES);
    struct value v = {0};
    cr_assert(value_empty(s, &v) && value_empty(n, &v) && value_empty(l, &v));
    v.set = true;
    cr_assert(value_empty(s, &v), "a text of nothing");
    cr_assert(value_empty(l, &v), "a list of no item");
    cr_assert_not(value_empty(n, &v), "a number set (0) is a value");
    strlist_add(&v.list, "svc-1");
    cr_assert_not(value_empty(l, &v));
    strlist_free(&v.list);
}

/* --- the range a form offers is the rules' (model/rules.h) ------------------- */

#include "model/rules.h"

Test(range, a_level_lies_on_the_scale_and_a_threshold_within_the_rule)
{
    struct profile p;
    profile_init(&p);
    for (int sc = COLL_IMPACT; sc <= COLL_LIKELIHOOD; sc++)
        for (int l = 1; l <= (sc == COLL_IMPACT ? 5 : 4); l++) {
            struct record x;
            record_init(&x, profile_coll_defs[sc]);
            x.v[LEVEL_LEVEL].set = true;
            x.v[LEVEL_LEVEL].i = l;
            coll_add(&p.c[sc], &x);
        }
    value_parse(&profile_criteria_def.fields[CRIT_RULE], "product", &p.criteria.v[CRIT_RULE]);
    struct round r;
    round_init(&r, "2026");
    value_parse(&round_head_def.fields[HEAD_RULE], "sum", &r.head.v[HEAD_RULE]);
    const struct coll_def *rk = round_coll_defs[RC_RISKS];
    long long lo, hi;
    field_range(rk, RISK_IMPACT, &r, &p, &lo, &hi);
    cr_assert(lo == 1 && hi == 5, "impact on 5 levels: %lld..%lld", lo, hi);
    field_range(rk, RISK_INHERENT_LIKELIHOOD, &r, &p, &lo, &hi);
    cr_assert(lo == 1 && hi == 4, "likelihood on 4 levels: %lld..%lld", lo, hi);
    field_range(&round_head_def, HEAD_THRESHOLD, &r, &p, &lo, &hi);
    cr_assert_eq(hi, 9, "the round's rule, a sum: at most 5 + 4");
    field_range(&profile_criteria_def, CRIT_THRESHOLD, NULL, &p, &lo, &hi);
    cr_assert_eq(hi, 20, "the profile's rule, a product: at most 5 x 4");
    cr_assert_eq(lo, 1, "the profile's rule, a product: at least 1 x 1");
    field_range(&round_head_def, HEAD_THRESHOLD, &r, &p, &lo, &hi);
    cr_assert_eq(lo, 2, "the round's rule, a sum: at least 1 + 1");
    field_range(rk, RISK_ACCEPTED_VALUE, &r, &p, &lo, &hi);
    cr_assert(lo == 0 && hi == 9, "a value accepted within the round's sum: %lld..%lld", lo, hi);
    /* the threshold of a product round switched to a sum falls out of range */
    value_parse(&round_head_def.fields[HEAD_THRESHOLD], "20", &r.head.v[HEAD_THRESHOLD]);
    cr_assert(field_out_of_range(&round_head_def, HEAD_THRESHOLD, &r.head, &r, &p, &lo, &hi));
    cr_assert(lo == 2 && hi == 9);
    value_free(&r.head.v[HEAD_RULE]); /* parsed again: the old text freed first */
    value_parse(&round_head_def.fields[HEAD_RULE], "product", &r.head.v[HEAD_RULE]);
    cr_assert_not(field_out_of_range(&round_head_def, HEAD_THRESHOLD, &r.head, &r, &p, &lo, &hi));
    cr_assert_str_eq(round_operator(&r), "x");
    value_free(&r.head.v[HEAD_RULE]);
    value_parse(&round_head_def.fields[HEAD_RULE], "sum", &r.head.v[HEAD_RULE]);
    cr_assert_str_eq(round_operator(&r), "+");
    cr_assert_str_eq(rule_operator(NULL), "x");
    field_range(rk, RISK_OWNER, &r, &p, &lo, &hi); /* no number: the field's own */
    struct value v;
    cr_assert_eq(value_parse_in(&rk->fields[RISK_IMPACT], "6", 1, 5, &v), VP_BAD_NUMBER, "6 is off a 5-level scale");
    cr_assert_eq(value_parse_in(&rk->fields[RISK_IMPACT], "5", 1, 5, &v), VP_OK);
    round_free(&r);
    profile_free(&p);
}

Test(range, a_scale_grows_to_six_levels_only)
{
    struct profile p;
    profile_init(&p);
    for (int l = 1; l <= 6; l++) {
        cr_assert(scale_can_grow(&p, COLL_IMPACT), "%d levels: one more may come", l - 1);
        struct record x;
        record_init(&x, profile_coll_defs[COLL_IMPACT]);
        x.v[LEVEL_LEVEL].set = true;
        x.v[LEVEL_LEVEL].i = l;
        coll_add(&p.c[COLL_IMPACT], &x);
    }
    cr_assert_not(scale_can_grow(&p, COLL_IMPACT), "6 levels: the most check allows");
    cr_assert(scale_can_grow(&p, COLL_LIKELIHOOD));
    profile_free(&p);
}
