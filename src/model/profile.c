/* profile: the organisation profile and checklist, their rules and the
 * dependency analysis. */
#include "config.h"
#include "model/profile.h"
#include "util/i18n.h"
#include <stdlib.h>
#include <string.h>

#define N(a) (sizeof(a) / sizeof *(a))

static const char *const status_values[] = {"yes", "partial", "no", "na", NULL};
const char *const profile_contract_values[] = {"yes", "partial", "no", NULL};
static const char *const kind_values[] = {"system", "data", "people", "facility", "ot",
                                          "supplier", "external", NULL};
static const char *const rule_values[] = {"product", "sum", NULL};
static const char *const check_values[] = {"implemented", "partial", "not-yet", "na", NULL};

FIELD_TABLE(org_fields, ORG_FIELDS, ORG__N);
FIELD_TABLE(role_fields, ROLES_FIELDS, ROLES__N);
FIELD_TABLE(gov_fields, GOV_FIELDS, GOV__N);
FIELD_TABLE(service_fields, SVC_FIELDS, SVC__N);
FIELD_TABLE(operation_fields, OP_FIELDS, OP__N);
FIELD_TABLE(resource_fields, RES_FIELDS, RES__N);
FIELD_TABLE(level_fields, LEVEL_FIELDS, LEVEL__N);
FIELD_TABLE(criteria_fields, CRIT_FIELDS, CRIT__N);
FIELD_TABLE(check_fields, CL_FIELDS, CL__N);

const struct coll_def profile_org_def = {"organisation", N_("Organisation"), "", org_fields, N(org_fields), false, NULL, ORG_NAME};
const struct coll_def profile_criteria_def = {"criteria", N_("Risk criteria"), "", criteria_fields, N(criteria_fields), false, NULL, -1};
static const struct coll_def roles_def = {"roles", N_("Governance roles"), "role-", role_fields, N(role_fields), true, NULL, ROLES_NAME};
static const struct coll_def gov_def = {"governance", N_("Governance items"), "", gov_fields, N(gov_fields), true, "lib:governance", -1};
static const struct coll_def services_def = {"services", N_("Priority services"), "svc-", service_fields, N(service_fields), true, NULL, SVC_NAME};
static const struct coll_def operations_def = {"operations", N_("Business operations"), "op-", operation_fields, N(operation_fields), true, NULL, OP_NAME};
static const struct coll_def resources_def = {"resources", N_("Management resources"), "res-", resource_fields, N(resource_fields), true, NULL, RES_NAME};
static const struct coll_def impact_def = {"impact", N_("Impact scale"), "", level_fields, N(level_fields), false, NULL, LEVEL_LABEL};
static const struct coll_def likelihood_def = {"likelihood", N_("Likelihood scale"), "", level_fields, N(level_fields), false, NULL, LEVEL_LABEL};
const struct coll_def checklist_def = {"items", N_("Checklist"), "", check_fields, N(check_fields), true, "lib:guideline", -1};

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
    const char *rule = rec_str(&p->criteria, CRIT_RULE);
    return strcmp(rule, "sum") == 0 ? impact + likelihood : impact * likelihood;
}

long long criteria_max(const struct profile *p)
{
    return criteria_value(p, (long long)p->c[COLL_IMPACT].n, (long long)p->c[COLL_LIKELIHOOD].n);
}

size_t service_operation_count(const struct profile *p, const char *service_id)
{
    const struct collection *ops = &p->c[COLL_OPERATIONS];
    int fi = OP_SERVICES;
    size_t n = 0;
    for (size_t i = 0; i < ops->n; i++)
        if (strlist_has(&ops->r[i].v[fi].list, service_id))
            n++;
    return n;
}

bool resource_unused(const struct profile *p, const struct record *res)
{
    const struct collection *rs = &p->c[COLL_RESOURCES];
    int fo = RES_OPERATIONS, fd = RES_DEPENDS;
    if (res->v[fo].list.n || res->v[RES_SERVES].list.n)
        return false;
    for (size_t i = 0; i < rs->n; i++)
        if (&rs->r[i] != res && strlist_has(&rs->r[i].v[fd].list, res->id))
            return false;
    return true;
}
