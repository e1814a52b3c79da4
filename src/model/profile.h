/* profile: the organisation profile and the checklist of a workspace, as
 * schema-described records, and the dependency analysis (service ->
 * operations -> resources); their rules are model/validate's. Pure, no
 * I/O. */
#ifndef KIJUN_PROFILE_H
#define KIJUN_PROFILE_H
#include "model/library.h"
#include "model/record.h"
#include "model/schema.h"
#include "util/diag.h"

enum profile_coll {
    COLL_ROLES, COLL_GOVERNANCE, COLL_SERVICES, COLL_OPERATIONS, COLL_RESOURCES,
    COLL_IMPACT, COLL_LIKELIHOOD, COLL__COUNT
};

extern const struct coll_def profile_org_def;       /* organisation = { ... } */
extern const struct coll_def profile_criteria_def;  /* criteria = { rule; threshold } */
extern const struct coll_def *const profile_coll_defs[COLL__COUNT];
extern const struct coll_def checklist_def;         /* items = ( ... ) */
extern const char *const profile_contract_values[];  /* yes, partial, no */

#define WORKSPACE_SCHEMA 1

struct profile {
    struct record org;
    struct record criteria;
    struct collection c[COLL__COUNT];
    struct strlist kept;         /* the store's: top-level settings it did not
                                    understand, written back; not part of equality */
    /* an old `suppliers` section merged when read (model/supplier.h):
       its entries, those that joined a resource, its line; not part of
       equality, cleared when the new form is saved */
    size_t old_suppliers, old_suppliers_joined;
    int old_suppliers_line;
};

struct checklist {
    struct collection items;
    struct strlist kept;         /* as in struct profile */
};

void profile_init(struct profile *p);
void profile_free(struct profile *p);
bool profile_equal(const struct profile *a, const struct profile *b);
void profile_copy(struct profile *dst, const struct profile *src);
void checklist_init(struct checklist *c);
void checklist_copy(struct checklist *dst, const struct checklist *src);
/* Remove every reference to the entry `id` of collection coll_key from
 * the other entries (after a delete); returns how many went. */
size_t profile_remove_refs(struct profile *p, const char *coll_key, const char *id);
void checklist_free(struct checklist *c);

/* Ids in a library table ("lib:sectors" -> sectors.*), or the items of
 * a profile collection; used to check references and offer pick lists. */
bool profile_ref_exists(const struct profile *p, const struct library *lib, const char *ref,
                        const char *id);

/* Every rule of model/validate.c over the profile / the checklist, as
 * diagnostics named file (the validation's findings without the item). */
void profile_check(const struct profile *p, const struct library *lib, const char *file,
                   struct diag_list *dl);
void checklist_check(const struct checklist *c, const struct library *lib, const char *file,
                     struct diag_list *dl);

/* The risk value of impact i and likelihood l by the profile's rule. */
long long criteria_value(const struct profile *p, long long impact, long long likelihood);
long long criteria_max(const struct profile *p);

/* Dependency analysis. */
size_t service_operation_count(const struct profile *p, const char *service_id);
/* A resource nothing uses: no operation and no other resource depends on
 * it, and it is no supplier that serves a resource. */
bool resource_unused(const struct profile *p, const struct record *res);
#endif
