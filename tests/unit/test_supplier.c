/* Unit tests: a supplier is one resource of kind supplier
 * (model/supplier.h): the merging of an old `suppliers` section (joined
 * to the resource it linked by id or by name, else a new resource;
 * nothing lost, nothing twice), the suppliers' rules, the fields a form
 * shows, and the store's reading of an old file (the same merge for the
 * workbench and kijun check) and writing of the new form. */
#include "model/supplier.h"
#include "model/validate.h"
#include "store/workspace.h"
#include "util/xalloc.h"
#include <criterion/criterion.h>
#include "fields.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define RES (profile_coll_defs[COLL_RESOURCES])
#define OLD (&profile_old_suppliers_def)

static void set_s(struct record *r, const struct coll_def *def, const char *key, const char *s)
{
    struct value *v = value_of(r, def, key);
    cr_assert_not_null(v, "%s has no field %s", def->key, key);
    free(v->s);
    v->s = xstrdup(s);
    v->set = true;
}

static void set_l(struct record *r, const struct coll_def *def, const char *key, ...)
{
    struct value *v = value_of(r, def, key);
    cr_assert_not_null(v);
    strlist_free(&v->list);
    va_list ap;
    va_start(ap, key);
    for (const char *s; (s = va_arg(ap, const char *));)
        strlist_add(&v->list, s);
    va_end(ap);
    v->set = true;
}

static struct record *add(struct collection *c, const char *id, const char *name)
{
    struct record r;
    record_init(&r, c->def);
    r.id = id ? xstrdup(id) : NULL;
    set_s(&r, c->def, "name", name);
    size_t i = coll_add(c, &r);
    return &c->r[i];
}

static struct record *res(struct profile *p, const char *id, const char *name, const char *kind)
{
    struct record *r = add(&p->c[COLL_RESOURCES], id, name);
    set_s(r, RES, "kind", kind);
    return r;
}

static const char *str(const struct record *r, const char *key)
{
    return rec_str(r, field_of(RES, key));
}

static const struct strlist *list(struct record *r, const char *key)
{
    return &value_of(r, RES, key)->list;
}

static void assert_list(const struct strlist *l, size_t n, ...)
{
    cr_assert_eq(l->n, n, "%zu elements, want %zu", l->n, n);
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++)
        cr_assert_str_eq(l->v[i], va_arg(ap, const char *));
    va_end(ap);
}

/* A profile with a SCADA, a chemical supply (kind supplier) and the old
 * section: the chemical company (linking its resource), the SCADA vendor
 * (linking none). */
static void old_profile(struct profile *p, struct collection *old)
{
    profile_init(p);
    res(p, "res-scada", "SCADA", "ot");
    struct record *r = res(p, "res-chem", "Chemical supply", "supplier");
    set_s(r, RES, "note", "Stock for 10 days.");
    memset(old, 0, sizeof *old);
    old->def = OLD;
    r = add(old, "sup-chem", "Chemical Co.");
    set_s(r, OLD, "provides", "Chlorine");
    set_s(r, OLD, "contract_security", "no");
    set_s(r, OLD, "clauses", "Unit prices only.");
    set_l(r, OLD, "risks", "supply_chain.disruption", NULL);
    set_l(r, OLD, "resources", "res-chem", NULL);
    set_s(r, OLD, "note", "Orders by fax.");
    r = add(old, "sup-vendor", "Vendor Co.");
    set_s(r, OLD, "contract_security", "partial");
    set_l(r, OLD, "risks", "supply_chain.subcontractor", NULL);
    set_l(r, OLD, "resources", "res-scada", NULL);
}

Test(merge, an_entry_joins_the_resource_it_linked_the_other_becomes_one)
{
    struct profile p;
    struct collection old;
    old_profile(&p, &old);
    profile_merge_suppliers(&p, &old, 40);
    cr_assert_eq(old.n, 0, "the old entries are consumed");
    cr_assert_eq(p.old_suppliers, 2);
    cr_assert_eq(p.old_suppliers_joined, 1);
    cr_assert_eq(p.old_suppliers_line, 40);
    struct collection *rs = &p.c[COLL_RESOURCES];
    cr_assert_eq(rs->n, 3, "one joined, one new: nothing twice");
    struct record *chem = coll_find(rs, "res-chem");
    cr_assert_str_eq(str(chem, "name"), "Chemical supply");
    cr_assert_str_eq(str(chem, "kind"), "supplier");
    cr_assert_str_eq(str(chem, "provides"), "Chlorine");
    cr_assert_str_eq(str(chem, "contract_security"), "no");
    cr_assert_str_eq(str(chem, "clauses"), "Unit prices only.");
    assert_list(list(chem, "supply_risks"), 1, "supply_chain.disruption");
    /* the link to itself is the identity now, not a served resource */
    assert_list(list(chem, "serves"), 0);
    cr_assert_not(chem->v[RES_SERVES].set);
    /* its other name is kept, with its note */
    cr_assert_str_eq(str(chem, "note"), "Stock for 10 days. / Chemical Co.: Orders by fax.");
    cr_assert_null(coll_find(rs, "sup-chem"));

    struct record *v = coll_find(rs, "sup-vendor");
    cr_assert_not_null(v, "the id of the old entry is kept");
    cr_assert_str_eq(str(v, "name"), "Vendor Co.");
    cr_assert_str_eq(str(v, "kind"), "supplier");
    cr_assert_str_eq(str(v, "contract_security"), "partial");
    assert_list(list(v, "supply_risks"), 1, "supply_chain.subcontractor");
    assert_list(list(v, "serves"), 1, "res-scada");
    cr_assert_str_eq(str(v, "note"), "");
    cr_assert_eq(profile_supplier_count(&p), 2);
    /* the vendor serves a resource: used */
    cr_assert_not(resource_unused(&p, v));
    profile_free(&p);
}

Test(merge, by_name_when_no_resource_is_linked)
{
    struct profile p;
    profile_init(&p);
    res(&p, "res-grid", "Grid power", "external");
    struct record *r = res(&p, "res-carrier", "Minato Telecom", "supplier");
    set_s(r, RES, "note", "Closed network.");
    struct collection old = {.def = OLD};
    r = add(&old, "sup-carrier", "Minato Telecom");
    set_l(r, OLD, "resources", "res-grid", NULL);
    set_s(r, OLD, "note", "Closed network.");
    profile_merge_suppliers(&p, &old, 9);
    cr_assert_eq(p.c[COLL_RESOURCES].n, 2);
    cr_assert_eq(p.old_suppliers_joined, 1);
    r = coll_find(&p.c[COLL_RESOURCES], "res-carrier");
    /* the same name and the same note: not repeated */
    cr_assert_str_eq(str(r, "name"), "Minato Telecom");
    cr_assert_str_eq(str(r, "note"), "Closed network.");
    assert_list(list(r, "serves"), 1, "res-grid");
    profile_free(&p);
}

Test(merge, only_a_supplier_is_joined_and_only_once)
{
    struct profile p;
    profile_init(&p);
    res(&p, "res-billing", "Billing", "external");       /* linked, but no supplier */
    res(&p, "res-chem", "Chemicals", "supplier");
    struct collection old = {.def = OLD};
    struct record *r = add(&old, "sup-a", "A Co.");
    set_l(r, OLD, "resources", "res-billing", "res-chem", NULL);
    r = add(&old, "sup-b", "B Co.");
    set_l(r, OLD, "resources", "res-chem", NULL);           /* taken by sup-a */
    r = add(&old, "res-billing", "C Co.");                   /* its id is a resource's */
    profile_merge_suppliers(&p, &old, 1);
    struct collection *rs = &p.c[COLL_RESOURCES];
    cr_assert_eq(rs->n, 4);
    cr_assert_eq(p.old_suppliers, 3);
    cr_assert_eq(p.old_suppliers_joined, 1);
    cr_assert_str_eq(str(coll_find(rs, "res-billing"), "kind"), "external", "untouched");
    struct record *chem = coll_find(rs, "res-chem");
    assert_list(list(chem, "serves"), 1, "res-billing");
    cr_assert_str_eq(str(chem, "note"), "A Co.");
    cr_assert_str_eq(str(coll_find(rs, "sup-b"), "name"), "B Co.");
    /* a fresh id where the old one is taken */
    cr_assert_str_eq(rs->r[3].id, "res-4");
    cr_assert_str_eq(str(&rs->r[3], "name"), "C Co.");
    cr_assert_str_eq(str(&rs->r[3], "kind"), "supplier");
    profile_free(&p);
}

Test(merge, a_value_the_resource_has_otherwise_and_kept_settings_go_along)
{
    struct profile p;
    profile_init(&p);
    struct record *r = res(&p, "res-chem", "Chemicals", "supplier");
    set_s(r, RES, "provides", "Chlorine");
    set_l(r, RES, "supply_risks", "supply_chain.disruption", NULL);
    strlist_add(&r->kept, "contact = \"x\";");
    struct collection old = {.def = OLD};
    r = add(&old, "sup-chem", "Chemicals");
    set_s(r, OLD, "provides", "PAC");
    set_l(r, OLD, "risks", "supply_chain.disruption", "supply_chain.subcontractor", NULL);
    set_l(r, OLD, "resources", "res-chem", NULL);
    strlist_add(&r->kept, "contact = \"y\";");
    strlist_add(&r->kept, "since = 2019;");
    strlist_add(&r->kept, "serves = (\n  1 );"); /* a field's name: not kept, but noted */
    profile_merge_suppliers(&p, &old, 1);
    r = &p.c[COLL_RESOURCES].r[0];
    cr_assert_str_eq(str(r, "provides"), "Chlorine");
    assert_list(list(r, "supply_risks"), 2, "supply_chain.disruption", "supply_chain.subcontractor");
    cr_assert_str_eq(str(r, "note"), "provides: PAC / contact = \"y\"; / serves = (   1 );");
    assert_list(&r->kept, 2, "contact = \"x\";", "since = 2019;");
    profile_free(&p);
}

static size_t count_findings(const struct profile *p, struct findings *f)
{
    memset(f, 0, sizeof *f);
    supplier_findings(p, f);
    return f->n;
}

Test(rules, the_merge_and_a_suppliers_field_on_another_kind_are_warned)
{
    struct profile p;
    struct collection old;
    old_profile(&p, &old);
    struct findings f;
    cr_assert_eq(count_findings(&p, &f), 0);
    findings_free(&f);
    profile_merge_suppliers(&p, &old, 40);
    cr_assert_eq(count_findings(&p, &f), 1);
    cr_assert_eq(f.v[0].severity, DIAG_WARNING);
    cr_assert_eq(f.v[0].line, 40);
    cr_assert_str_eq(f.v[0].text, "the old 'suppliers' section (2 entries) is merged into the management "
                     "resources of kind supplier (1 joined a resource); the next save writes the new form");
    findings_free(&f);
    /* saved: the new form is on disk */
    p.old_suppliers = p.old_suppliers_joined = 0;
    cr_assert_eq(count_findings(&p, &f), 0);
    findings_free(&f);
    struct record *scada = coll_find(&p.c[COLL_RESOURCES], "res-scada");
    set_s(scada, RES, "clauses", "none");
    scada->v[RES_CLAUSES].line = 12;
    cr_assert_eq(count_findings(&p, &f), 1);
    cr_assert_eq(f.v[0].line, 12);
    cr_assert_eq(f.v[0].at.coll, COLL_RESOURCES);
    cr_assert_eq(f.v[0].at.index, 0);
    cr_assert_eq(f.v[0].at.field, RES_CLAUSES);
    cr_assert_str_eq(f.v[0].text, "res-scada: Clauses ('clauses') is a supplier's, but the kind is OT/ICS device ('ot'), not supplier ('supplier')");
    findings_free(&f);
    profile_free(&p);
}

Test(rules, a_form_shows_a_suppliers_fields_on_a_supplier_only)
{
    struct profile p;
    profile_init(&p);
    struct record *a = res(&p, "res-1", "A", "system");
    struct record b;
    record_copy(&b, a, RES);
    set_s(&b, RES, "kind", "supplier");
    size_t shown = record_shown_fields(RES, a);
    cr_assert_lt(shown, RES->nfields);
    cr_assert_eq(record_shown_fields(RES, &b), RES->nfields);
    for (size_t f = 0; f < RES->nfields; f++)
        cr_assert_eq(resource_field_is_supplier((int)f), f >= shown, "%s", RES->fields[f].key);
    cr_assert_eq(record_shown_fields(profile_coll_defs[COLL_SERVICES], a),
                 profile_coll_defs[COLL_SERVICES]->nfields);
    record_free(&b, RES);
    profile_free(&p);
}

static const char OLD_FILE[] =
    "kijun_workspace = 1;\n"
    "organisation = { name = \"W\"; };\n"
    "resources = (\n"
    "  { id = \"res-chem\"; name = \"Chemical supply\"; kind = \"supplier\"; note = \"10 days.\"; }\n"
    ");\n"
    "suppliers = (\n"
    "  { id = \"sup-chem\"; name = \"Chemical Co.\"; contract_security = \"no\";\n"
    "    risks = [ \"supply_chain.disruption\" ]; resources = [ \"res-chem\" ]; since = 2019; },\n"
    "  { id = \"sup-vendor\"; name = \"Vendor\"; resources = [ \"res-chem\" ]; }\n"
    ");\n"
    "criteria = { rule = \"product\"; threshold = 4;\n"
    "  impact = ( { level = 1; label = \"a\"; }, { level = 2; label = \"b\"; }, { level = 3; label = \"c\"; } );\n"
    "  likelihood = ( { level = 1; label = \"a\"; }, { level = 2; label = \"b\"; }, { level = 3; label = \"c\"; } ); };\n";

Test(store, an_old_file_reads_merged_and_saves_in_the_new_form)
{
    char dir[] = "/tmp/kijun-supplier-XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/profile.cfg", dir);
    FILE *f = fopen(path, "w");
    fputs(OLD_FILE, f);
    fclose(f);
    struct profile p;
    profile_init(&p);
    struct diag_list dl = {0};
    struct ws_file info = {0};
    cr_assert_eq(ws_load_profile(path, NULL, &p, &info, &dl), WS_OK);
    cr_assert_eq(dl.n, 1, "%s", dl.n ? dl.v[0].text : "");
    cr_assert_str_eq(dl.v[0].text, "unknown setting 'since' (kept as it is)");
    diag_clear(&dl);
    cr_assert_eq(p.old_suppliers, 2);
    cr_assert_eq(p.old_suppliers_line, 6);
    cr_assert_eq(p.c[COLL_RESOURCES].n, 2);
    cr_assert_eq(p.kept.n, 0, "the old section is not kept besides");
    struct record *chem = coll_find(&p.c[COLL_RESOURCES], "res-chem");
    cr_assert_str_eq(str(chem, "contract_security"), "no");
    assert_list(&chem->kept, 1, "since = 2019;");
    cr_assert_str_eq(str(chem, "note"), "10 days. / Chemical Co.");

    char *text = ws_format_profile(&p);
    cr_assert_null(strstr(text, "suppliers"), "%s", text);
    cr_assert_not_null(strstr(text, "supply_risks = [ \"supply_chain.disruption\" ];"), "%s", text);
    cr_assert_not_null(strstr(text, "since = 2019;"), "%s", text);
    free(text);
    bool unchanged = true;
    cr_assert(ws_save_profile(path, &p, &unchanged, &dl));
    /* read again: the same profile, nothing merged, nothing twice */
    struct profile q;
    profile_init(&q);
    free(info.path); /* filled again by the second read */
    info.path = NULL;
    cr_assert_eq(ws_load_profile(path, NULL, &q, &info, &dl), WS_OK);
    cr_assert_eq(q.old_suppliers, 0);
    cr_assert(profile_equal(&p, &q));
    cr_assert_eq(q.c[COLL_RESOURCES].n, 2);
    struct findings fs;
    cr_assert_eq(count_findings(&q, &fs), 0);
    findings_free(&fs);
    profile_free(&q);
    profile_free(&p);
    free(info.path);
    diag_clear(&dl);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    cr_assert_eq(system(cmd), 0);
}
