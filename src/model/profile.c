/* profile: the organisation profile and checklist, their rules and the
 * dependency analysis. */
#include "config.h"
#include "model/profile.h"
#include "util/i18n.h"
#include <stdlib.h>
#include <string.h>

#define N(a) (sizeof(a) / sizeof *(a))
#define STR(k, l, h, req) {k, F_STRING, l, h, req, 0, 0, NULL, NULL}

static const char *const status_values[] = {"yes", "partial", "no", "na", NULL};
const char *const profile_contract_values[] = {"yes", "partial", "no", NULL};
#define contract_values profile_contract_values
static const char *const kind_values[] = {"system", "data", "people", "facility", "ot",
                                          "supplier", "external", NULL};
static const char *const rule_values[] = {"product", "sum", NULL};
static const char *const check_values[] = {"implemented", "partial", "not-yet", "na", NULL};

static const struct field_def org_fields[] = {
    STR("name", N_("Name"), N_("The organisation's name"), true),
    {"sector", F_REF, N_("Sector"), N_("One of the 14 critical-infrastructure sectors"), false, 0, 0, NULL, "lib:sectors"},
    {"employees", F_INT, N_("Employees"), N_("Size: the number of employees"), false, 0, 10000000, NULL, NULL},
    {"standards", F_STRLIST, N_("Standards"), N_("Industry standards followed, separated by ';'"), false, 0, 0, NULL, NULL},
    STR("note", N_("Note"), N_("Free text"), false),
};

static const struct field_def role_fields[] = {
    {"role", F_REF, N_("Role"), N_("Executives, CISO, strategic management, staff, audit (slide 17)"), true, 0, 0, NULL, "lib:roles"},
    STR("name", N_("Name"), N_("Who holds the role"), true),
    STR("position", N_("Position"), N_("Title in the organisation"), false),
    STR("contact", N_("Contact"), N_("E-mail or phone"), false),
    {"from_board", F_BOOL, N_("From the board"), N_("Appointed from the board (the CISO should be, slide 15)"), false, 0, 0, NULL, NULL},
    STR("training", N_("Training"), N_("Training record, e.g. the CISO's (slide 15)"), false),
    STR("note", N_("Note"), N_("Free text"), false),
};

static const struct field_def gov_fields[] = {
    {"status", F_ENUM, N_("Status"), N_("yes, partial, no or na"), true, 0, 0, status_values, NULL},
    STR("evidence", N_("Evidence"), N_("Where it is documented"), false),
    STR("note", N_("Note"), N_("Free text"), false),
};

static const struct field_def service_fields[] = {
    STR("name", N_("Name"), N_("The priority service"), true),
    STR("description", N_("Description"), N_("What the service is"), false),
    STR("dependents", N_("Dependents"), N_("Who depends on it"), false),
    {"mtd_hours", F_INT, N_("Max downtime (h)"), N_("Maximum tolerable downtime in hours"), false, 0, 8760, NULL, NULL},
    STR("service_level", N_("Service level"), N_("The level to keep"), false),
    STR("note", N_("Note"), N_("Free text"), false),
};

static const struct field_def operation_fields[] = {
    STR("name", N_("Name"), N_("The business operation"), true),
    {"services", F_REFLIST, N_("Services"), N_("Priority services it serves"), false, 0, 0, NULL, "services"},
    STR("description", N_("Description"), N_("What it does"), false),
    STR("note", N_("Note"), N_("Free text"), false),
};

static const struct field_def resource_fields[] = {
    STR("name", N_("Name"), N_("The management resource"), true),
    {"kind", F_ENUM, N_("Kind"), N_("system, data, people, facility, ot, supplier or external"), true, 0, 0, kind_values, NULL},
    STR("owner", N_("Owner"), N_("Who is responsible for it"), false),
    STR("location", N_("Location"), N_("Where it is"), false),
    {"operations", F_REFLIST, N_("Operations"), N_("Business operations that use it"), false, 0, 0, NULL, "operations"},
    {"depends", F_REFLIST, N_("Depends on"), N_("Resources it depends on"), false, 0, 0, NULL, "resources"},
    STR("note", N_("Note"), N_("Free text"), false),
    /* a supplier's own, last (model/supplier.h: a supplier is a resource) */
    STR("provides", N_("Provides"), N_("What it provides"), false),
    {"contract_security", F_ENUM, N_("Security clauses"), N_("Does the contract have security clauses: yes, partial, no"), false, 0, 0, contract_values, NULL},
    STR("clauses", N_("Clauses"), N_("The security clauses of the contract"), false),
    {"supply_risks", F_REFLIST, N_("Supply-chain risks"), N_("Risks of slide 18 that apply"), false, 0, 0, NULL, "lib:supply_chain"},
    {"serves", F_REFLIST, N_("Serves"), N_("Resources it provides or maintains"), false, 0, 0, NULL, "resources"},
};

static const struct field_def level_fields[] = {
    {"level", F_INT, N_("Level"), N_("1 is the lowest"), true, 1, 6, NULL, NULL},
    STR("label", N_("Label"), N_("A short name"), true),
    STR("definition", N_("Definition"), N_("What this level means"), false),
};

static const struct field_def criteria_fields[] = {
    {"rule", F_ENUM, N_("Rule"), N_("Risk value: product (impact x likelihood) or sum"), true, 0, 0, rule_values, NULL},
    {"threshold", F_INT, N_("Threshold"), N_("Risk values at or above it need treatment"), true, 1, 36, NULL, NULL},
};

static const struct field_def check_fields[] = {
    {"status", F_ENUM, N_("Status"), N_("implemented, partial, not-yet or na"), true, 0, 0, check_values, NULL},
    STR("evidence", N_("Evidence"), N_("Where it is shown"), false),
    STR("owner", N_("Owner"), N_("Who is accountable"), false),
    STR("note", N_("Note"), N_("Free text"), false),
};

const struct coll_def profile_org_def = {"organisation", N_("Organisation"), "", org_fields, N(org_fields), false, NULL};
const struct coll_def profile_criteria_def = {"criteria", N_("Risk criteria"), "", criteria_fields, N(criteria_fields), false, NULL};
static const struct coll_def roles_def = {"roles", N_("Governance roles"), "role-", role_fields, N(role_fields), true, NULL};
static const struct coll_def gov_def = {"governance", N_("Governance items"), "", gov_fields, N(gov_fields), true, "lib:governance"};
static const struct coll_def services_def = {"services", N_("Priority services"), "svc-", service_fields, N(service_fields), true, NULL};
static const struct coll_def operations_def = {"operations", N_("Business operations"), "op-", operation_fields, N(operation_fields), true, NULL};
static const struct coll_def resources_def = {"resources", N_("Management resources"), "res-", resource_fields, N(resource_fields), true, NULL};
static const struct coll_def impact_def = {"impact", N_("Impact scale"), "", level_fields, N(level_fields), false, NULL};
static const struct coll_def likelihood_def = {"likelihood", N_("Likelihood scale"), "", level_fields, N(level_fields), false, NULL};
const struct coll_def checklist_def = {"items", N_("Checklist"), "", check_fields, N(check_fields), true, "lib:guideline"};

const struct coll_def *const profile_coll_defs[COLL__COUNT] = {
    &roles_def, &gov_def, &services_def, &operations_def, &resources_def,
    &impact_def, &likelihood_def,
};

void profile_init(struct profile *p)
{
    memset(p, 0, sizeof *p);
    record_init(&p->org, &profile_org_def);
    record_init(&p->criteria, &profile_criteria_def);
    for (int i = 0; i < COLL__COUNT; i++)
        p->c[i].def = profile_coll_defs[i];
}

void profile_free(struct profile *p)
{
    record_free(&p->org, &profile_org_def);
    record_free(&p->criteria, &profile_criteria_def);
    for (int i = 0; i < COLL__COUNT; i++)
        coll_free(&p->c[i]);
    strlist_free(&p->kept);
}

bool profile_equal(const struct profile *a, const struct profile *b)
{
    if (!record_equal(&a->org, &b->org, &profile_org_def)
        || !record_equal(&a->criteria, &b->criteria, &profile_criteria_def))
        return false;
    for (int i = 0; i < COLL__COUNT; i++) {
        if (a->c[i].n != b->c[i].n)
            return false;
        for (size_t k = 0; k < a->c[i].n; k++)
            if (!record_equal(&a->c[i].r[k], &b->c[i].r[k], profile_coll_defs[i]))
                return false;
    }
    return true;
}

void profile_copy(struct profile *dst, const struct profile *src)
{
    memset(dst, 0, sizeof *dst);
    record_copy(&dst->org, &src->org, &profile_org_def);
    record_copy(&dst->criteria, &src->criteria, &profile_criteria_def);
    for (int i = 0; i < COLL__COUNT; i++) {
        dst->c[i].def = profile_coll_defs[i];
        for (size_t k = 0; k < src->c[i].n; k++) {
            struct record r;
            record_copy(&r, &src->c[i].r[k], profile_coll_defs[i]);
            coll_add(&dst->c[i], &r);
        }
    }
    strlist_copy(&dst->kept, &src->kept);
    dst->old_suppliers = src->old_suppliers;
    dst->old_suppliers_joined = src->old_suppliers_joined;
    dst->old_suppliers_line = src->old_suppliers_line;
}

void checklist_init(struct checklist *c)
{
    memset(c, 0, sizeof *c);
    c->items.def = &checklist_def;
}

void checklist_copy(struct checklist *dst, const struct checklist *src)
{
    checklist_init(dst);
    for (size_t i = 0; i < src->items.n; i++) {
        struct record r;
        record_copy(&r, &src->items.r[i], &checklist_def);
        coll_add(&dst->items, &r);
    }
    strlist_copy(&dst->kept, &src->kept);
}

size_t profile_remove_refs(struct profile *p, const char *coll_key, const char *id)
{
    size_t removed = 0;
    for (int c = 0; c < COLL__COUNT; c++) {
        const struct coll_def *def = profile_coll_defs[c];
        for (size_t f = 0; f < def->nfields; f++) {
            const struct field_def *fd = &def->fields[f];
            if (!fd->ref || strcmp(fd->ref, coll_key) != 0)
                continue;
            for (size_t i = 0; i < p->c[c].n; i++) {
                struct value *v = &p->c[c].r[i].v[f];
                if (fd->type == F_REFLIST && strlist_has(&v->list, id)) {
                    strlist_remove(&v->list, id);
                    removed++;
                } else if (fd->type == F_REF && v->s && strcmp(v->s, id) == 0) {
                    free(v->s);
                    v->s = NULL;
                    v->set = false;
                    removed++;
                }
            }
        }
    }
    return removed;
}

void checklist_free(struct checklist *c)
{
    coll_free(&c->items);
    strlist_free(&c->kept);
}

static const struct collection *coll_by_key(const struct profile *p, const char *key)
{
    for (int i = 0; i < COLL__COUNT; i++)
        if (strcmp(profile_coll_defs[i]->key, key) == 0)
            return &p->c[i];
    return NULL;
}

bool profile_ref_exists(const struct profile *p, const struct library *lib, const char *ref,
                        const char *id)
{
    if (strncmp(ref, "lib:", 4) == 0) {
        if (!lib)
            return true; /* cannot tell without the library */
        if (strcmp(ref + 4, "guideline") == 0)
            return gl_node_find(&lib->gl, id) != NULL;
        return library_ref_item(lib, ref + 4, id) != NULL;
    }
    const struct collection *c = coll_by_key(p, ref);
    return c && coll_find(c, id);
}

long long criteria_value(const struct profile *p, long long impact, long long likelihood)
{
    const char *rule = record_str(&p->criteria, &profile_criteria_def, "rule");
    return strcmp(rule, "sum") == 0 ? impact + likelihood : impact * likelihood;
}

long long criteria_max(const struct profile *p)
{
    return criteria_value(p, (long long)p->c[COLL_IMPACT].n, (long long)p->c[COLL_LIKELIHOOD].n);
}

size_t service_operation_count(const struct profile *p, const char *service_id)
{
    const struct collection *ops = &p->c[COLL_OPERATIONS];
    int fi = field_index(ops->def, "services");
    size_t n = 0;
    for (size_t i = 0; i < ops->n; i++)
        if (strlist_has(&ops->r[i].v[fi].list, service_id))
            n++;
    return n;
}

bool resource_unused(const struct profile *p, const struct record *res)
{
    const struct collection *rs = &p->c[COLL_RESOURCES];
    int fo = field_index(rs->def, "operations"), fd = field_index(rs->def, "depends");
    if (res->v[fo].list.n || res->v[field_index(rs->def, "serves")].list.n)
        return false;
    for (size_t i = 0; i < rs->n; i++)
        if (&rs->r[i] != res && strlist_has(&rs->r[i].v[fd].list, res->id))
            return false;
    return true;
}
