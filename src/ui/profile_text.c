/* profile_text: what a person reads in the record editor (recedit.h),
 * of the profile or a round: the name for a referenced entry (a library
 * item, a profile entry, or what a round keeps of one), a field's value,
 * an entry's line in a list and its name. */
#include "config.h"
#include "ui/recedit_private.h"
#include "model/supplier.h"
#include "model/export.h"
#include "model/labels.h"
#include "model/rules.h"
#include "ui/refnames.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include <stdlib.h>
#include <string.h>

/* The name a person reads for the entry id of ref. */
const char *recedit_ref_label(const struct recedit *re, const char *ref, const char *id)
{
    const char *kept = re->round && id ? refname(re->s, re->round, ref, id) : NULL;
    if (!ref || !id || kept)
        return kept ? kept : id ? id : "";
    if (strncmp(ref, "lib:", 4) == 0) {
        const struct ref_item *it = library_ref_item(re->s->lib, ref + 4, id);
        return it ? text_get(&it->title, re->lang) : id;
    }
    for (int c = 0; c < COLL__COUNT; c++) {
        if (strcmp(profile_coll_defs[c]->key, ref) != 0)
            continue;
        const struct record *r = coll_find(&re->s->profile.c[c], id);
        const char *name = r ? rec_str(r, profile_coll_defs[c]->name_field) : "";
        return *name ? name : id;
    }
    return id;
}

/* What a person reads for an enumeration code. */
/* The value of field f as a person reads it. New string. */
char *field_text(const struct recedit *re, const struct field_def *f, const struct value *v)
{
    struct strbuf sb = STRBUF_INIT;
    sb_adds(&sb, "");
    if (!v->set)
        return sb_take(&sb);
    switch (f->type) {
    case F_REF:
        sb_adds(&sb, recedit_ref_label(re, f->ref, v->s));
        break;
    case F_REFLIST:
        for (size_t i = 0; i < v->list.n; i++) {
            if (i)
                sb_adds(&sb, ", ");
            sb_adds(&sb, recedit_ref_label(re, f->ref, v->list.v[i]));
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
    case F_INT: {
        char t[96]; /* a level by its label too, "4 大" */
        if (field_def_scale(f) >= 0)
            scale_level_text(&re->s->profile, field_def_scale(f), v->i, t, sizeof t);
        else
            snprintf(t, sizeof t, "%lld", v->i);
        sb_adds(&sb, t);
        break;
    }
    case F_ENUM:
        sb_adds(&sb, v->s ? enum_label(v->s) : "");
        break;
    default:
        sb_adds(&sb, v->s ? v->s : "");
        break;
    }
    return sb_take(&sb);
}

static char *round_line(const struct recedit *re, int coll, const struct record *r)
{
    struct strbuf sb = STRBUF_INIT;
    switch (coll) {
    case RC_RISKS: {
        enum band b = risk_band(re->round, &re->s->profile, r);
        sb_printf(&sb, "[%c %2lld] %s | %s", band_letter(b), risk_residual(re->round, r),
                  rec_str(r, RISK_TITLE), recedit_ref_label(re, "resources", rec_str(r, RISK_RESOURCE)));
        break;
    }
    case RC_CLEAR:
        sb_printf(&sb, "%s | %s", recedit_ref_label(re, "resources", r->id), rec_str(r, CLEAR_NOTE));
        break;
    case RC_SIGNOFFS:
        /* the step by its name, when, whether it still vouches for the step, who */
        sb_printf(&sb, "%s | %s | %s | %s", step_label(r->id), rec_str(r, SO_DATE),
                  report_signoff_state(re->round, r), rec_str(r, SO_REVIEWER));
        break;
    case RC_REVIEWS:
        sb_printf(&sb, "%s [%s] %s", rec_str(r, REV_DATE), enum_label(rec_str(r, REV_TRIGGER)),
                  rec_str(r, REV_CHANGES));
        break;
    }
    return sb_take(&sb);
}

/* One line describing a record in a list. New string. */
char *record_line(const struct recedit *re, int coll, const struct record *r)
{
    if (re->round)
        return round_line(re, coll, r);
    const struct coll_def *def = profile_coll_defs[coll];
    const struct profile *p = &re->s->profile;
    struct strbuf sb = STRBUF_INIT;
    switch (coll) {
    case COLL_ROLES:
        sb_printf(&sb, "%-.60s: %s", recedit_ref_label(re, "lib:roles", rec_str(r, ROLES_ROLE)),
                  rec_str(r, ROLES_NAME));
        if (*rec_str(r, ROLES_POSITION))
            sb_printf(&sb, " (%s)", rec_str(r, ROLES_POSITION));
        break;
    case COLL_GOVERNANCE:
        sb_printf(&sb, "[%s] %s", enum_label(rec_str(r, GOV_STATUS)), recedit_ref_label(re, "lib:governance", r->id));
        break;
    case COLL_SERVICES: {
        sb_adds(&sb, rec_str(r, SVC_NAME));
        long long mtd = rec_int(r, SVC_MTD_HOURS, -1);
        if (mtd >= 0)
            sb_printf(&sb, _(" | max. downtime %lld h"), mtd);
        size_t n = service_operation_count(p, r->id);
        if (n)
            sb_printf(&sb, P_(" | %zu operation", " | %zu operations", n), n);
        else
            sb_adds(&sb, _(" | ! no operations"));
        break;
    }
    case COLL_OPERATIONS: {
        sb_adds(&sb, rec_str(r, OP_NAME));
        char *sv = field_text(re, &def->fields[OP_SERVICES], &r->v[OP_SERVICES]);
        if (*sv)
            sb_printf(&sb, " -> %s", sv);
        free(sv);
        break;
    }
    case COLL_RESOURCES:
        sb_printf(&sb, "[%s] %s", enum_label(rec_str(r, RES_KIND)), rec_str(r, RES_NAME));
        if (*rec_str(r, RES_OWNER))
            sb_printf(&sb, " | %s", rec_str(r, RES_OWNER));
        if (resource_is_supplier(r) && *rec_str(r, RES_CONTRACT_SECURITY))
            sb_printf(&sb, _(" | security clauses: %s"), enum_label(rec_str(r, RES_CONTRACT_SECURITY)));
        if (resource_unused(p, r))
            sb_adds(&sb, _(" | ! nothing uses it"));
        break;
    case COLL_IMPACT:
    case COLL_LIKELIHOOD:
        sb_printf(&sb, "%lld  %s", rec_int(r, LEVEL_LEVEL, 0), rec_str(r, LEVEL_LABEL));
        if (*rec_str(r, LEVEL_DEFINITION))
            sb_printf(&sb, " | %s", rec_str(r, LEVEL_DEFINITION));
        break;
    }
    return sb_take(&sb);
}

const char *entry_name(struct recedit *re, struct collection *c, size_t i)
{
    if (re->round && c == &re->round->c[RC_SIGNOFFS])
        return step_label(c->r[i].id); /* a sign-off is named by its step */
    const char *n = rec_str(&c->r[i], c->def->name_field);
    if (!*n && c->def->id_ref)
        n = recedit_ref_label(re, c->def->id_ref, c->r[i].id);
    return *n ? n : (c->r[i].id ? c->r[i].id : "?");
}
