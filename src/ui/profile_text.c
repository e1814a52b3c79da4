/* profile_text: what a person reads in the profile view: the name for
 * a referenced entry (a library item, a profile entry, or what a round
 * keeps of one), a field's value, an entry's line in a list and its name. */
#include "config.h"
#include "ui/profile_private.h"
#include "model/supplier.h"
#include "ui/labels.h"
#include "ui/refnames.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include <stdlib.h>
#include <string.h>

/* The name a person reads for the entry id of ref. */
const char *ref_label(const struct pview *pv, const char *ref, const char *id)
{
    const char *kept = pv->round && id ? refname(pv->s, pv->round, ref, id) : NULL;
    if (!ref || !id || kept)
        return kept ? kept : id ? id : "";
    if (strncmp(ref, "lib:", 4) == 0) {
        const struct ref_item *it = library_ref_item(pv->s->lib, ref + 4, id);
        return it ? text_get(&it->title, pv->lang) : id;
    }
    for (int c = 0; c < COLL__COUNT; c++) {
        if (strcmp(profile_coll_defs[c]->key, ref) != 0)
            continue;
        const struct record *r = coll_find(&pv->s->profile.c[c], id);
        const char *name = r ? record_str(r, profile_coll_defs[c], "name") : "";
        return *name ? name : id;
    }
    return id;
}

/* What a person reads for an enumeration code. */
/* The value of field f as a person reads it. New string. */
char *field_text(const struct pview *pv, const struct field_def *f, const struct value *v)
{
    struct strbuf sb = STRBUF_INIT;
    sb_adds(&sb, "");
    if (!v->set)
        return sb_take(&sb);
    switch (f->type) {
    case F_REF:
        sb_adds(&sb, ref_label(pv, f->ref, v->s));
        break;
    case F_REFLIST:
        for (size_t i = 0; i < v->list.n; i++) {
            if (i)
                sb_adds(&sb, ", ");
            sb_adds(&sb, ref_label(pv, f->ref, v->list.v[i]));
        }
        break;
    case F_STRLIST:
        for (size_t i = 0; i < v->list.n; i++) {
            if (i)
                sb_adds(&sb, "; ");
            sb_adds(&sb, v->list.v[i]);
        }
        break;
    case F_BOOL:
        sb_adds(&sb, v->b ? _("yes") : _("no"));
        break;
    case F_INT:
        sb_printf(&sb, "%lld", v->i);
        break;
    case F_ENUM:
        sb_adds(&sb, v->s ? enum_label(v->s) : "");
        break;
    default:
        sb_adds(&sb, v->s ? v->s : "");
        break;
    }
    return sb_take(&sb);
}

static char *round_line(const struct pview *pv, int coll, const struct record *r)
{
    const struct coll_def *def = round_coll_defs[coll];
    struct strbuf sb = STRBUF_INIT;
    switch (coll) {
    case RC_RISKS: {
        enum band b = risk_band(pv->round, &pv->s->profile, r);
        sb_printf(&sb, "[%c %2lld] %s | %s", band_letter(b), risk_residual(pv->round, r),
                  record_str(r, def, "title"), ref_label(pv, "resources", record_str(r, def, "resource")));
        break;
    }
    case RC_CLEAR:
        sb_printf(&sb, "%s | %s", ref_label(pv, "resources", r->id), record_str(r, def, "note"));
        break;
    case RC_SIGNOFFS:
        sb_printf(&sb, "%s | %s | %s", r->id, record_str(r, def, "reviewer"), record_str(r, def, "date"));
        break;
    case RC_REVIEWS:
        sb_printf(&sb, "%s [%s] %s", record_str(r, def, "date"), enum_label(record_str(r, def, "trigger")),
                  record_str(r, def, "changes"));
        break;
    }
    return sb_take(&sb);
}

/* One line describing a record in a list. New string. */
char *record_line(const struct pview *pv, int coll, const struct record *r)
{
    if (pv->round)
        return round_line(pv, coll, r);
    const struct coll_def *def = profile_coll_defs[coll];
    const struct profile *p = &pv->s->profile;
    struct strbuf sb = STRBUF_INIT;
    switch (coll) {
    case COLL_ROLES:
        sb_printf(&sb, "%-.60s: %s", ref_label(pv, "lib:roles", record_str(r, def, "role")),
                  record_str(r, def, "name"));
        if (*record_str(r, def, "position"))
            sb_printf(&sb, " (%s)", record_str(r, def, "position"));
        break;
    case COLL_GOVERNANCE:
        sb_printf(&sb, "[%s] %s", enum_label(record_str(r, def, "status")), ref_label(pv, "lib:governance", r->id));
        break;
    case COLL_SERVICES: {
        sb_adds(&sb, record_str(r, def, "name"));
        long long mtd = record_int(r, def, "mtd_hours", -1);
        if (mtd >= 0)
            sb_printf(&sb, _(" | max. downtime %lld h"), mtd);
        size_t n = service_operation_count(p, r->id);
        if (n)
            sb_printf(&sb, _(" | %zu operations"), n);
        else
            sb_adds(&sb, _(" | ! no operations"));
        break;
    }
    case COLL_OPERATIONS: {
        sb_adds(&sb, record_str(r, def, "name"));
        char *sv = field_text(pv, &def->fields[field_index(def, "services")], record_value((struct record *)r, def, "services"));
        if (*sv)
            sb_printf(&sb, " -> %s", sv);
        free(sv);
        break;
    }
    case COLL_RESOURCES:
        sb_printf(&sb, "[%s] %s", enum_label(record_str(r, def, "kind")), record_str(r, def, "name"));
        if (*record_str(r, def, "owner"))
            sb_printf(&sb, " | %s", record_str(r, def, "owner"));
        if (resource_is_supplier(r) && *record_str(r, def, "contract_security"))
            sb_printf(&sb, _(" | security clauses: %s"), enum_label(record_str(r, def, "contract_security")));
        if (resource_unused(p, r))
            sb_adds(&sb, _(" | ! nothing uses it"));
        break;
    case COLL_IMPACT:
    case COLL_LIKELIHOOD:
        sb_printf(&sb, "%lld  %s", record_int(r, def, "level", 0), record_str(r, def, "label"));
        if (*record_str(r, def, "definition"))
            sb_printf(&sb, " | %s", record_str(r, def, "definition"));
        break;
    }
    return sb_take(&sb);
}

const char *entry_name(struct pview *pv, struct collection *c, size_t i)
{
    const char *n = record_str(&c->r[i], c->def, "name");
    if (!*n)
        n = record_str(&c->r[i], c->def, "label");
    if (!*n)
        n = record_str(&c->r[i], c->def, "title");
    if (!*n && c->def->id_ref)
        n = ref_label(pv, c->def->id_ref, c->r[i].id);
    return *n ? n : (c->r[i].id ? c->r[i].id : "?");
}
