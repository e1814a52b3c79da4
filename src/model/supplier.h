/* supplier: a supplier or external service is one management resource
 * of kind "supplier" that carries the supplier's own fields (provides,
 * contract_security, clauses, supply_risks, serves). Operations and
 * resources depend on it like on any resource, and rounds assess it like
 * any resource (risks name resources only).
 *
 * Why the resource and not the section: a supplier is one of the
 * management resources the Handbook's scoping lists (経営資源: systems,
 * data, people, facilities, suppliers and external services), and only
 * resources take part in the dependency analysis, the rounds' scope, the
 * risks and the rounds' snapshots. Keeping the resource keeps every id a
 * round refers to; the old section's entries were referenced by nothing.
 *
 * Files written before (schema 1 with a top-level `suppliers` section)
 * are merged when read, by every reader (the workbench and kijun check):
 * profile_merge_suppliers. Pure, no I/O. */
#ifndef KIJUN_SUPPLIER_H
#define KIJUN_SUPPLIER_H
#include "model/profile.h"

struct findings;

/* The old top-level section, as it was: read only to be merged. */
extern const struct coll_def profile_old_suppliers_def;

/* Merge the entries of the old section (records of
 * profile_old_suppliers_def; consumed: old is left empty) into p's
 * resources. An entry joins the resource of kind supplier it linked by
 * hand: the first such resource its `resources` names, else the first
 * of that kind with the same name; each resource is joined by one entry
 * at most. An entry that links none becomes a new resource of kind
 * supplier keeping its id (a fresh "res-N" if a resource has that id).
 * Nothing read is lost: lists are joined without duplicates, `resources`
 * becomes `serves` (without the resource itself), a value that differs
 * from the resource's (its name, its note, ...) is added to the note
 * ("a / b", a different name as "NAME: note"), settings kept unread go
 * along. p->old_suppliers counts the entries, p->old_suppliers_joined
 * those that joined a resource; old_line is where the section was. */
void profile_merge_suppliers(struct profile *p, struct collection *old, int old_line);

/* A resource of kind supplier. */
bool resource_is_supplier(const struct record *res);
/* Whether field f of the resources is a supplier's own (shown and
 * meaningful only on a resource of kind supplier). */
bool resource_field_is_supplier(int f);
/* How many fields of r a form shows: on a resource of another kind
 * than supplier, not the supplier's own (the last ones). */
size_t record_shown_fields(const struct coll_def *def, const struct record *r);
/* How many resources are suppliers. */
size_t profile_supplier_count(const struct profile *p);

/* The suppliers' rules, appended to out (run by profile_findings): the
 * old section was merged (a warning: the next save writes the new form);
 * supplier fields on a resource of another kind (a warning). */
void supplier_findings(const struct profile *p, struct findings *out);
#endif
