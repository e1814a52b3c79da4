/* profile_view: the organisation-profile screens. */
#include "config.h"
#include "ui/profile_view.h"
#include "core/edits.h"
#include "core/entries.h"
#include "core/rounds.h"
#include "model/supplier.h"
#include "ui/draw.h"
#include "ui/labels.h"
#include "ui/mouse.h"
#include "ui/refnames.h"
#include "ui/reopen.h"
#include "ui/rows.h"
#include "store/cfgfile.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum sec_kind { SEC_ORG, SEC_COLL, SEC_CRITERIA, SEC_DEPS, SEC_HEAD };

struct section {
    enum sec_kind kind;
    int coll;
    const char *label;
};

static const struct section sections[] = {
    {SEC_ORG, -1, N_("Organisation")},
    {SEC_COLL, COLL_ROLES, N_("Governance roles")},
    {SEC_COLL, COLL_GOVERNANCE, N_("Governance items")},
    {SEC_COLL, COLL_SERVICES, N_("Priority services")},
    {SEC_COLL, COLL_OPERATIONS, N_("Business operations")},
    {SEC_COLL, COLL_RESOURCES, N_("Management resources")},
    {SEC_CRITERIA, -1, N_("Risk criteria")},
    {SEC_COLL, COLL_IMPACT, N_("Impact scale")},
    {SEC_COLL, COLL_LIKELIHOOD, N_("Likelihood scale")},
    {SEC_DEPS, -1, N_("Dependencies")},
};
#define NSECTIONS (sizeof sections / sizeof *sections)

static const struct section round_sections[] = {
    {SEC_HEAD, -1, N_("Preparation")},
    {SEC_COLL, RC_RISKS, N_("Risk register")},
    {SEC_COLL, RC_CLEAR, N_("Resources without risk")},
    {SEC_COLL, RC_SIGNOFFS, N_("Sign-offs")},
    {SEC_COLL, RC_REVIEWS, N_("Review log")},
};

static void say(struct pview *pv, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void add_entry(struct pview *pv);
static void open_section(struct pview *pv);
static bool read_only(struct pview *pv), fresh_untouched(struct pview *pv);
static void fresh_start(struct pview *pv), fresh_drop(struct pview *pv);
static void start_edit(struct pview *pv);

static void say(struct pview *pv, bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(pv->message, sizeof pv->message, fmt, ap);
    va_end(ap);
    pv->message_is_error = error;
}

static const struct section *cur_section(const struct pview *pv)
{
    return pv->round ? &round_sections[pv->section] : &sections[pv->section];
}

static struct collection *cur_coll(struct pview *pv)
{
    int c = cur_section(pv)->coll;
    if (c < 0)
        return NULL;
    return pv->round ? &pv->round->c[c] : &pv->s->profile.c[c];
}

/* The record and definition the form shows. */
static struct record *form_record(struct pview *pv, const struct coll_def **def)
{
    const struct section *sec = cur_section(pv);
    if (sec->kind == SEC_ORG) {
        *def = &profile_org_def;
        return &pv->s->profile.org;
    }
    if (sec->kind == SEC_CRITERIA) {
        *def = &profile_criteria_def;
        return &pv->s->profile.criteria;
    }
    if (sec->kind == SEC_HEAD) {
        *def = &round_head_def;
        return &pv->round->head;
    }
    struct collection *c = cur_coll(pv);
    *def = c->def;
    return pv->rec < c->n ? &c->r[pv->rec] : NULL;
}

/* The document the screen edits, and the collection of the form's
 * record (NULL for a single record: organisation, criteria, round). */
static struct doc *pv_doc(struct pview *pv)
{
    return session_doc(pv->s, pv->round);
}

static struct collection *form_coll(struct pview *pv)
{
    return cur_section(pv)->kind == SEC_COLL ? cur_coll(pv) : NULL;
}

/* --- names ----------------------------------------------------------------- */

/* The name a person reads for the entry id of ref. */
static const char *ref_label(const struct pview *pv, const char *ref, const char *id)
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
static char *field_text(const struct pview *pv, const struct field_def *f, const struct value *v)
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
static char *record_line(const struct pview *pv, int coll, const struct record *r)
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

/* --- life ----------------------------------------------------------------- */

void pview_init(struct pview *pv, struct session *s, enum lang lang)
{
    memset(pv, 0, sizeof *pv);
    pv->s = s;
    pv->lang = lang;
    edit_init(&pv->ed, "", CFG_MAX_LINE - 1024); /* any value a file line can hold */
    pv->page = 10;
}

static void pick_close(struct pick *pk)
{
    for (size_t i = 0; i < pk->n; i++) {
        free(pk->ids[i]);
        free(pk->labels[i]);
    }
    free(pk->ids);
    free(pk->labels);
    free(pk->marked);
    memset(pk, 0, sizeof *pk);
}

static void deps_free(struct pview *pv)
{
    for (size_t i = 0; i < pv->ndeps; i++)
        free(pv->deps[i].text);
    free(pv->deps);
    pv->deps = NULL;
    pv->ndeps = 0;
}

void pview_open_round(struct pview *pv, struct round *r, enum round_section sec, size_t index)
{
    pv->round = r;
    pv->done = false;
    pv->fresh = false;
    pv->section = (size_t)sec;
    pv->field_cur = pv->form_top = 0;
    pv->form_only = sec == RSEC_HEAD || index != (size_t)-1;
    if (sec == RSEC_HEAD) {
        pv->level = PV_FORM;
    } else if (index == (size_t)-1) {
        pv->level = PV_LIST;
        pv->list_cur = pv->list_top = 0;
    } else {
        pv->level = PV_FORM;
        pv->rec = pv->list_cur = index;
    }
}

void pview_round_add(struct pview *pv, struct round *r, enum round_section sec)
{
    pview_open_round(pv, r, sec, (size_t)-1);
    pv->form_only = true;
    add_entry(pv);
    if (pv->level == PV_LIST && !pv->pick.open)
        pv->done = true; /* nothing could be added (read-only) */
}

void pview_round_add_id(struct pview *pv, struct round *r, enum round_section sec, const char *id)
{
    pview_open_round(pv, r, sec, (size_t)-1);
    if (read_only(pv)) {
        pv->done = true;
        return;
    }
    struct collection *c = cur_coll(pv);
    struct record rec;
    record_init(&rec, c->def);
    rec.id = xstrdup(id);
    pv->rec = pv->list_cur = core_add(pv->s, pv_doc(pv), c, &rec);
    record_free(&rec, c->def);
    pv->level = PV_FORM;
    pv->form_only = true;
    pv->message[0] = '\0';
    fresh_start(pv);
}

void pview_add_resource(struct pview *pv)
{
    for (size_t i = 0; i < NSECTIONS; i++)
        if (sections[i].coll == COLL_RESOURCES)
            pv->menu_cur = i;
    open_section(pv);
    add_entry(pv);
    say(pv, false, "%s", _("New resource for the scoping: fill it in, s saves, 5 returns to the round"));
}

void pview_edit_field(struct pview *pv, const char *key)
{
    const struct coll_def *def;
    if (!form_record(pv, &def))
        return;
    int i = field_index(def, key);
    if (i < 0)
        return;
    pv->field_cur = (size_t)i;
    pv->fresh_direct = pv->fresh;
    start_edit(pv);
}

void pview_free(struct pview *pv)
{
    edit_free(&pv->ed);
    pick_close(&pv->pick);
    deps_free(pv);
}

enum view pview_screen(const struct pview *pv)
{
    if (pv->editing)
        return SCREEN_PROMPT;
    if (pv->pick.open)
        return SCREEN_PICK;
    switch (pv->level) {
    case PV_MENU: return SCREEN_PROFILE;
    case PV_LIST: return SCREEN_LIST;
    case PV_FORM: return SCREEN_FORM;
    default: return SCREEN_DEPS;
    }
}

/* --- the dependency view -------------------------------------------------- */

static void dep_add(struct pview *pv, int coll, size_t index, bool warn, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void dep_add(struct pview *pv, int coll, size_t index, bool warn, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char buf[1024];
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    pv->deps = xrealloc(pv->deps, (pv->ndeps + 1) * sizeof *pv->deps);
    pv->deps[pv->ndeps++] = (struct dep_line){xstrdup(buf), coll, index, warn};
}

static void deps_build(struct pview *pv)
{
    deps_free(pv);
    const struct profile *p = &pv->s->profile;
    const struct collection *sv = &p->c[COLL_SERVICES], *ops = &p->c[COLL_OPERATIONS],
                            *rs = &p->c[COLL_RESOURCES];
    int f_os = field_index(ops->def, "services"), f_ro = field_index(rs->def, "operations"),
        f_rd = field_index(rs->def, "depends");
    const char *branch = glyph("\xE2\x94\x9C\xE2\x94\x80 ", "+- ");
    const char *pipe = glyph("\xE2\x94\x82     ", "|     ");
    for (size_t i = 0; i < sv->n; i++) {
        const struct record *s = &sv->r[i];
        long long mtd = record_int(s, sv->def, "mtd_hours", -1);
        if (mtd >= 0)
            dep_add(pv, COLL_SERVICES, i, false, _("%s (max. downtime %lld h)"),
                    record_str(s, sv->def, "name"), mtd);
        else
            dep_add(pv, COLL_SERVICES, i, false, "%s", record_str(s, sv->def, "name"));
        size_t nops = 0;
        for (size_t k = 0; k < ops->n; k++) {
            if (!strlist_has(&ops->r[k].v[f_os].list, s->id))
                continue;
            nops++;
            dep_add(pv, COLL_OPERATIONS, k, false, "  %s%s", branch, record_str(&ops->r[k], ops->def, "name"));
            size_t nres = 0;
            for (size_t j = 0; j < rs->n; j++) {
                const struct record *r = &rs->r[j];
                if (!strlist_has(&r->v[f_ro].list, ops->r[k].id))
                    continue;
                nres++;
                struct strbuf sb = STRBUF_INIT;
                for (size_t d = 0; d < r->v[f_rd].list.n; d++) {
                    sb_adds(&sb, d ? ", " : _(" -> needs "));
                    sb_adds(&sb, ref_label(pv, "resources", r->v[f_rd].list.v[d]));
                }
                dep_add(pv, COLL_RESOURCES, j, false, "  %s[%s] %s%s", pipe, enum_label(record_str(r, rs->def, "kind")),
                        record_str(r, rs->def, "name"), sb_str(&sb));
                sb_free(&sb);
            }
            if (!nres)
                dep_add(pv, COLL_OPERATIONS, k, true, "  %s%s", pipe, _("! no resource is recorded for this operation"));
        }
        if (!nops)
            dep_add(pv, COLL_SERVICES, i, true, "  %s", _("! no business operation serves this service"));
        dep_add(pv, -1, 0, false, "%s", "");
    }
    bool heading = false;
    for (size_t j = 0; j < rs->n; j++) {
        if (!resource_unused(p, &rs->r[j]))
            continue;
        if (!heading)
            dep_add(pv, -1, 0, true, "%s", _("Resources that nothing uses:"));
        heading = true;
        dep_add(pv, COLL_RESOURCES, j, true, "  [%s] %s", enum_label(record_str(&rs->r[j], rs->def, "kind")),
                record_str(&rs->r[j], rs->def, "name"));
    }
    if (!heading)
        dep_add(pv, -1, 0, false, "%s", _("Every resource is used by an operation or another resource."));
    if (pv->deps_cur >= pv->ndeps)
        pv->deps_cur = pv->ndeps ? pv->ndeps - 1 : 0;
}

/* --- pick lists ------------------------------------------------------------- */

static void pick_add(struct pick *pk, const char *id, const char *label, bool marked)
{
    pk->ids = xrealloc(pk->ids, (pk->n + 1) * sizeof *pk->ids);
    pk->labels = xrealloc(pk->labels, (pk->n + 1) * sizeof *pk->labels);
    pk->marked = xrealloc(pk->marked, (pk->n + 1) * sizeof *pk->marked);
    pk->ids[pk->n] = xstrdup(id);
    pk->labels[pk->n] = xstrdup(label);
    pk->marked[pk->n] = marked;
    pk->n++;
}

/* Offer the choices of field f (value v); exclude is an id to leave out. */
static void pick_open(struct pview *pv, const struct field_def *f, const struct value *v,
                      const char *exclude)
{
    struct pick *pk = &pv->pick;
    pick_close(pk);
    pk->multi = f->type == F_REFLIST;
    if (f->type == F_ENUM) {
        for (const char *const *e = f->values; *e; e++)
            pick_add(pk, *e, enum_label(*e), v->set && v->s && strcmp(v->s, *e) == 0);
    } else if (strncmp(f->ref, "lib:", 4) == 0) {
        const struct ref_table *tabs[4];
        size_t nt = library_ref_tables(pv->s->lib, f->ref + 4, tabs, 4);
        for (size_t k = 0; k < nt; k++) {
            const struct ref_table *t = tabs[k];
            for (size_t i = 0; i < t->n; i++) {
                const char *id = t->items[i].id;
                bool on = pk->multi ? strlist_has(&v->list, id) : (v->s && strcmp(v->s, id) == 0);
                pick_add(pk, id, text_get(&t->items[i].title, pv->lang), on);
            }
        }
    } else {
        for (int c = 0; c < COLL__COUNT; c++) {
            if (strcmp(profile_coll_defs[c]->key, f->ref) != 0)
                continue;
            const struct collection *col = &pv->s->profile.c[c];
            for (size_t i = 0; i < col->n; i++) {
                const char *id = col->r[i].id;
                if (exclude && strcmp(id, exclude) == 0)
                    continue;
                bool on = pk->multi ? strlist_has(&v->list, id) : (v->s && strcmp(v->s, id) == 0);
                pick_add(pk, id, ref_label(pv, f->ref, id), on);
            }
        }
    }
    if (!pk->n) {
        say(pv, true, "%s", _("Nothing to choose from yet: add entries to that section first"));
        pick_close(pk);
        return;
    }
    for (size_t i = 0; i < pk->n; i++)
        if (pk->marked[i] && !pk->multi)
            pk->cur = i;
    pk->open = true;
}

/* The governance items not yet in the profile, for Add. */
static void pick_open_library_ids(struct pview *pv, struct collection *c)
{
    struct pick *pk = &pv->pick;
    pick_close(pk);
    if (strncmp(c->def->id_ref, "lib:", 4) == 0) {
        const struct ref_table *t = library_table(pv->s->lib, c->def->id_ref + 4);
        for (size_t i = 0; t && i < t->n; i++)
            if (!coll_find(c, t->items[i].id))
                pick_add(pk, t->items[i].id, text_get(&t->items[i].title, pv->lang), false);
    } else {
        /* entries of the profile, e.g. the resources without risk */
        for (int k = 0; k < COLL__COUNT; k++) {
            if (strcmp(profile_coll_defs[k]->key, c->def->id_ref) != 0)
                continue;
            const struct collection *pc = &pv->s->profile.c[k];
            for (size_t i = 0; i < pc->n; i++)
                if (!coll_find(c, pc->r[i].id))
                    pick_add(pk, pc->r[i].id, ref_label(pv, c->def->id_ref, pc->r[i].id), false);
        }
    }
    if (!pk->n) {
        say(pv, false, "%s", _("Every item of the library is in the list already"));
        pick_close(pk);
        return;
    }
    pk->open = true;
}

/* --- editing ----------------------------------------------------------------- */

static bool read_only(struct pview *pv) /* read-only, or the round is closed */
{
    return pv->message_is_error = ui_refused(pv->s, pv->round, pv->message, sizeof pv->message);
}

static void start_edit(struct pview *pv)
{
    const struct coll_def *def;
    struct record *r = form_record(pv, &def);
    if (!r || read_only(pv))
        return;
    const struct field_def *f = &def->fields[pv->field_cur];
    struct value *v = &r->v[pv->field_cur];
    switch (f->type) {
    case F_BOOL:
        core_set_bool(pv->s, pv_doc(pv), form_coll(pv), r, def, pv->field_cur, !(v->set && v->b));
        return;
    case F_ENUM:
    case F_REF:
    case F_REFLIST:
        pick_open(pv, f, v, f->ref && strcmp(f->ref, def->key) == 0 ? r->id : NULL);
        return;
    default: {
        char *t = v->set ? value_format(v, f) : xstrdup("");
        if (f->type == F_STRLIST) {
            /* "a; b" reads better than "a, b" for free strings */
            free(t);
            struct strbuf sb = STRBUF_INIT;
            for (size_t i = 0; v->set && i < v->list.n; i++) {
                if (i)
                    sb_adds(&sb, "; ");
                sb_adds(&sb, v->list.v[i]);
            }
            t = sb_take(&sb);
        }
        edit_set(&pv->ed, t);
        core_draft_open(pv->s, pv_doc(pv), form_coll(pv), r, def, pv->field_cur, t);
        free(t);
        pv->ed_scroll = 0;
        pv->editing = true;
    }
    }
}

/* Store the edited text into the field; false (with a message) when the
 * text is not valid for it. */
static bool finish_edit(struct pview *pv)
{
    const struct coll_def *def;
    struct record *r = form_record(pv, &def);
    const struct field_def *f = &def->fields[pv->field_cur];
    struct doc *d = pv_doc(pv);
    struct collection *c = form_coll(pv);
    size_t fi = pv->field_cur;
    const char *text = pv->ed.buf;
    if (f->type == F_INT) {
        if (!*text) {
            core_clear(pv->s, d, c, r, def, fi);
            return true;
        }
        char *end;
        long long n = strtoll(text, &end, 10);
        if (*end || n < f->lo || n > f->hi) {
            say(pv, true, _("%s must be a whole number from %lld to %lld"), _(f->label), f->lo, f->hi);
            return false;
        }
        core_set_int(pv->s, d, c, r, def, fi, n);
    } else if (f->type == F_STRLIST) {
        struct strlist l = {0};
        strlist_split(&l, text, ';');
        if (l.n)
            core_set_list(pv->s, d, c, r, def, fi, &l);
        else
            core_clear(pv->s, d, c, r, def, fi);
        strlist_free(&l);
    } else if (f->type == F_DATE && *text && !date_valid(text)) {
        char today[11];
        session_today(today);
        say(pv, true, _("%s: '%s' is no date; write YYYY-MM-DD (today: %s)"), _(f->label), text, today);
        return false;
    } else {
        core_set_text(pv->s, d, c, r, def, fi, text);
    }
    return true;
}

void pview_input(struct pview *pv, const char *utf8)
{
    if (!pv->editing)
        return;
    const struct coll_def *def;
    form_record(pv, &def);
    const struct field_def *f = &def->fields[pv->field_cur];
    if (f->type == F_INT) {
        /* numbers are checked as typed: digits only */
        for (const char *p = utf8; *p; p++) {
            if (*p < '0' || *p > '9') {
                say(pv, true, _("%s takes digits only"), _(f->label));
                return;
            }
        }
    }
    edit_insert(&pv->ed, utf8);
    core_draft_text(pv->s, pv->ed.buf);
    pv->message[0] = '\0';
}

static bool edit_action(struct pview *pv, enum action a)
{
    struct edit *e = &pv->ed;
    switch (a) {
    case ACT_EDIT_ACCEPT:
        if (finish_edit(pv)) {
            pv->editing = false;
            core_draft_close(pv->s);
            pv->message[0] = '\0';
        }
        return true;
    case ACT_EDIT_CANCEL:
        pv->editing = false;
        core_draft_close(pv->s);
        say(pv, false, "%s", _("Edit cancelled: the field is as it was"));
        if (pv->fresh_direct && fresh_untouched(pv))
            fresh_drop(pv);
        return true;
    default: {
        bool used = action_edit(a, e) != EDIT_NONE;
        core_draft_text(pv->s, e->buf);
        return used;
    }
    }
}

/* After a choice in a risk's form: a threat names the risk when it has
 * no title yet; an acceptance records when and the value at that moment. */
static void risk_picked(struct pview *pv, struct record *r, const struct field_def *f)
{
    const struct coll_def *def = round_coll_defs[RC_RISKS];
    struct collection *c = &pv->round->c[RC_RISKS];
    if (strcmp(f->key, "threat") == 0 && !*record_str(r, def, "title")) {
        core_set_text(pv->s, pv_doc(pv), c, r, def, (size_t)field_index(def, "title"),
                      ref_label(pv, f->ref, record_str(r, def, "threat")));
    } else if (strcmp(f->key, "decision") == 0) {
        char today[11];
        session_today(today);
        struct acceptance a = core_risk_decided(pv->s, pv->round, (size_t)(r - c->r), today);
        if (a.records)
            say(pv, false, _("Accepted on %s at the value %lld: fill in who accepted it"),
                record_str(r, def, "accepted_on"), a.value);
    }
}

static void pick_accept(struct pview *pv)
{
    struct pick *pk = &pv->pick;
    if (pv->level == PV_LIST) {
        /* adding a library item (governance) */
        struct collection *c = cur_coll(pv);
        struct record r;
        record_init(&r, c->def);
        r.id = xstrdup(pk->ids[pk->cur]);
        size_t at = core_add(pv->s, pv_doc(pv), c, &r);
        record_free(&r, c->def);
        pick_close(pk);
        if (at == (size_t)-1)
            return;
        pv->rec = pv->list_cur = at;
        pv->level = PV_FORM;
        pv->field_cur = 0;
        return;
    }
    const struct coll_def *def;
    struct record *r = form_record(pv, &def);
    const struct field_def *f = &def->fields[pv->field_cur];
    if (pk->multi) {
        struct strlist l = {0};
        for (size_t i = 0; i < pk->n; i++)
            if (pk->marked[i])
                strlist_add(&l, pk->ids[i]);
        core_set_list(pv->s, pv_doc(pv), form_coll(pv), r, def, pv->field_cur, &l);
        strlist_free(&l);
    } else {
        core_set_text(pv->s, pv_doc(pv), form_coll(pv), r, def, pv->field_cur, pk->ids[pk->cur]);
    }
    if (pv->round && def == round_coll_defs[RC_RISKS])
        risk_picked(pv, r, f);
    pick_close(pk);
}

static bool pick_action(struct pview *pv, enum action a)
{
    struct pick *pk = &pv->pick;
    if (rows_move(&pk->cur, pk->n, a, pv->page))
        return true;
    switch (a) {
    case ACT_PICK_MARK:
        if (pk->multi)
            pk->marked[pk->cur] = !pk->marked[pk->cur];
        else
            pick_accept(pv);
        return true;
    case ACT_PICK_ACCEPT:
        pick_accept(pv);
        return true;
    case ACT_PICK_CANCEL:
        pick_close(pk);
        if (pv->fresh_direct && fresh_untouched(pv))
            fresh_drop(pv); /* Esc in the threat catalogue: no risk is left */
        return true;
    default:
        return false;
    }
}

static void open_section(struct pview *pv)
{
    pv->section = pv->menu_cur;
    const struct section *sec = cur_section(pv);
    pv->field_cur = pv->form_top = 0;
    pv->list_cur = pv->list_top = 0;
    switch (sec->kind) {
    case SEC_ORG:
    case SEC_CRITERIA:
    case SEC_HEAD:
        pv->level = PV_FORM;
        break;
    case SEC_COLL:
        pv->level = PV_LIST;
        break;
    case SEC_DEPS:
        pv->level = PV_DEPS;
        pv->deps_cur = pv->deps_top = 0;
        deps_build(pv);
        break;
    }
}

/* --- a new entry: nothing half-made ------------------------------------------ */

static void fresh_start(struct pview *pv)
{
    pv->fresh = true;
    pv->fresh_direct = false;
    pv->fresh_edits = pv_doc(pv)->edits;
}

static bool fresh_untouched(struct pview *pv)
{
    return pv->fresh && pv_doc(pv)->edits == pv->fresh_edits;
}

/* Leave the form for the list, or the caller (a round's screens). */
static void form_leave(struct pview *pv)
{
    pv->fresh = false;
    pv->message[0] = '\0';
    pv->level = cur_section(pv)->kind == SEC_COLL ? PV_LIST : PV_MENU;
    if (pv->round && (pv->form_only || pv->level == PV_MENU))
        pv->done = true;
}

static void fresh_drop(struct pview *pv)
{
    struct collection *c = cur_coll(pv);
    if (c && pv->rec < c->n)
        core_take_back(pv->s, pv_doc(pv), c, pv->rec, pv->fresh_edits);
    if (c && pv->list_cur >= c->n)
        pv->list_cur = c->n ? c->n - 1 : 0;
    form_leave(pv);
    say(pv, false, "%s", _("Nothing added: the new entry was left empty"));
}

/* May the form of a new entry be left now? Untouched, it goes; with
 * required fields missing, the user is asked first. */
static bool fresh_leave(struct pview *pv)
{
    const struct coll_def *def;
    struct record *r = form_record(pv, &def);
    if (!pv->fresh || !r)
        return true;
    if (fresh_untouched(pv)) {
        fresh_drop(pv);
        return false;
    }
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < def->nfields; i++)
        if (def->fields[i].required && !r->v[i].set)
            sb_printf(&sb, "%s%s", sb.len ? ", " : "", _(def->fields[i].label));
    bool ask = sb.len > 0;
    if (ask) {
        pv->asking_delete = pv->asking_keep = true;
        say(pv, true, _("Keep it incomplete (%s missing)? y/n"), sb_str(&sb));
    }
    sb_free(&sb);
    return !ask;
}

static void add_entry(struct pview *pv)
{
    struct collection *c = cur_coll(pv);
    if (read_only(pv))
        return;
    if (pv->round && c == &pv->round->c[RC_SIGNOFFS]) {
        /* a sign-off is per step: pick one that has none yet */
        struct pick *pk = &pv->pick;
        pick_close(pk);
        for (int st = 0; st < STEP__COUNT; st++)
            if (!coll_find(c, step_id((enum step)st)))
                pick_add(pk, step_id((enum step)st), _(step_name((enum step)st)), false);
        if (!pk->n) {
            say(pv, false, "%s", _("Every step is signed off"));
            pick_close(pk);
            return;
        }
        pk->open = true;
        return;
    }
    if (c->def->id_ref) {
        pick_open_library_ids(pv, c);
        return;
    }
    struct record r;
    record_init(&r, c->def);
    if (c->def->has_id)
        r.id = pv->round ? coll_new_id(c) : core_new_entry_id(pv->s, c);
    if (!pv->round && (c == &pv->s->profile.c[COLL_IMPACT] || c == &pv->s->profile.c[COLL_LIKELIHOOD])) {
        r.v[0].set = true;
        r.v[0].i = (long long)c->n + 1;
    }
    size_t at = core_add(pv->s, pv_doc(pv), c, &r);
    record_free(&r, c->def);
    if (at == (size_t)-1)
        return;
    pv->rec = pv->list_cur = at;
    pv->level = PV_FORM;
    pv->field_cur = pv->form_top = 0;
    fresh_start(pv);
    say(pv, false, "%s", _("New entry: fill in the fields marked *, then q to go back"));
}

static const char *entry_name(struct pview *pv, struct collection *c, size_t i)
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

void pview_answer(struct pview *pv, bool yes)
{
    pv->asking_delete = false;
    if (pv->asking_keep) {
        pv->asking_keep = false;
        if (!yes) {
            fresh_drop(pv);
            say(pv, false, "%s", _("Nothing added: the new entry is deleted"));
            return;
        }
        form_leave(pv);
        say(pv, false, "%s", _("Kept incomplete: the validation lists what is missing"));
        return;
    }
    pv->fresh = false;
    struct collection *c = cur_coll(pv);
    size_t i = pv->level == PV_FORM ? pv->rec : pv->list_cur;
    if (!yes || !c || i >= c->n) {
        say(pv, false, "%s", _("Nothing deleted"));
        return;
    }
    char msg[sizeof pv->message], *name = xstrdup(entry_name(pv, c, i)), names[200];
    /* rounds keep it as assessed: the message names them, read whole as
     * the question was (wrapped, not cut at the line's end) */
    bool kept = !pv->round && c->r[i].id
                && session_rounds_using(pv->s, c->def->key, c->r[i].id, names, sizeof names);
    core_delete_entry(pv->s, pv_doc(pv), c, i, name, msg, sizeof msg);
    say(pv, kept, "%s", msg);
    free(name);
    if (pv->list_cur >= c->n && c->n)
        pv->list_cur = c->n - 1;
    pv->level = PV_LIST;
    if (pv->round && pv->form_only)
        pv->done = true; /* back to the round's screen it was opened from */
}

/* d: ask before deleting entry i, naming the rounds that refer to it:
 * they keep it as assessed (core/entries.h). */
static void ask_delete(struct pview *pv, struct collection *c, size_t i)
{
    char names[200];
    size_t n = !pv->round && c->r[i].id
                   ? session_rounds_using(pv->s, c->def->key, c->r[i].id, names, sizeof names) : 0;
    pv->asking_delete = true;
    if (n)
        say(pv, true, P_("Delete \"%s\"? Round %s keeps its name. y/n", "Delete \"%s\"? Rounds %s keep its name. y/n", n),
            entry_name(pv, c, i), names);
    else
        say(pv, true, _("Delete \"%s\"? y deletes, n keeps it"), entry_name(pv, c, i));
}

static bool list_action(struct pview *pv, enum action a)
{
    struct collection *c = cur_coll(pv);
    if (rows_move(&pv->list_cur, c->n, a, pv->page))
        return true;
    switch (a) {
    case ACT_SELECT:
        if (c->n) {
            pv->fresh = false;
            pv->rec = pv->list_cur;
            pv->level = PV_FORM;
            pv->field_cur = pv->form_top = 0;
        }
        return true;
    case ACT_ADD:
        add_entry(pv);
        return true;
    case ACT_DELETE:
        if (c->n && !read_only(pv))
            ask_delete(pv, c, pv->list_cur);
        return true;
    case ACT_MOVE_UP:
    case ACT_MOVE_DOWN: {
        if (!c->n || read_only(pv))
            return true;
        size_t to = a == ACT_MOVE_UP ? (pv->list_cur ? pv->list_cur - 1 : 0)
                                     : (pv->list_cur + 1 < c->n ? pv->list_cur + 1 : pv->list_cur);
        core_move(pv->s, pv_doc(pv), c, pv->list_cur, to);
        pv->list_cur = to;
        return true;
    }
    case ACT_BACK:
        pv->level = PV_MENU;
        pv->done = pv->round != NULL;
        return true;
    default:
        return false;
    }
}

static bool form_action(struct pview *pv, enum action a)
{
    const struct coll_def *def;
    struct record *r = form_record(pv, &def);
    if (!r) {
        pv->level = cur_section(pv)->kind == SEC_COLL ? PV_LIST : PV_MENU;
        pv->done = pv->round != NULL;
        return true;
    }
    if (rows_move(&pv->field_cur, record_shown_fields(def, r), a, pv->page))
        return true;
    switch (a) {
    case ACT_EDIT_FIELD:
        start_edit(pv);
        return true;
    case ACT_CLEAR_FIELD:
        if (!read_only(pv))
            core_clear(pv->s, pv_doc(pv), form_coll(pv), r, def, pv->field_cur);
        return true;
    case ACT_DELETE:
        if (cur_section(pv)->kind == SEC_COLL && !read_only(pv))
            ask_delete(pv, cur_coll(pv), pv->rec);
        return true;
    case ACT_BACK:
        if (fresh_leave(pv))
            form_leave(pv);
        return true;
    default:
        return false;
    }
}

static bool deps_action(struct pview *pv, enum action a)
{
    if (rows_move(&pv->deps_cur, pv->ndeps, a, pv->page))
        return true;
    if (a == ACT_BACK) {
        pv->level = PV_MENU;
        return true;
    }
    if (a == ACT_SELECT && pv->deps_cur < pv->ndeps && pv->deps[pv->deps_cur].coll >= 0)
        pview_open_entry(pv, pv->deps[pv->deps_cur].coll, pv->deps[pv->deps_cur].index);
    return a == ACT_SELECT && pv->level == PV_FORM;
}

void pview_open_entry(struct pview *pv, int coll, size_t index)
{
    enum sec_kind kind = coll == -1 ? SEC_ORG : coll == -2 ? SEC_CRITERIA : SEC_COLL;
    for (size_t i = 0; i < NSECTIONS; i++)
        if (sections[i].kind == kind && (kind != SEC_COLL || sections[i].coll == coll))
            pv->section = i;
    pv->rec = pv->list_cur = index;
    pv->level = PV_FORM;
    pv->field_cur = pv->form_top = 0;
}

bool pview_action(struct pview *pv, enum action a)
{
    if (pv->editing)
        return edit_action(pv, a);
    if (pv->pick.open)
        return pick_action(pv, a);
    pv->message[0] = '\0';
    switch (pv->level) {
    case PV_MENU:
        if (rows_move(&pv->menu_cur, NSECTIONS, a, pv->page))
            return true;
        if (a == ACT_SELECT) {
            open_section(pv);
            return true;
        }
        return false;
    case PV_LIST: return list_action(pv, a);
    case PV_FORM: return form_action(pv, a);
    case PV_DEPS: return deps_action(pv, a);
    }
    return false;
}

/* --- drawing ------------------------------------------------------------------ */

static char *menu_line(void *ctx, size_t i, bool *warn)
{
    struct pview *pv = ctx;
    const struct section *sec = &sections[i];
    const struct profile *p = &pv->s->profile;
    struct strbuf sb = STRBUF_INIT;
    sb_adds(&sb, _(sec->label));
    for (int w = utf8_width(_(sec->label)); w < 24; w++)
        sb_addc(&sb, ' ');
    if (sec->kind == SEC_COLL) {
        sb_printf(&sb, " %3zu", p->c[sec->coll].n);
        if (sec->coll == COLL_SERVICES) {
            size_t gaps = 0;
            for (size_t k = 0; k < p->c[COLL_SERVICES].n; k++)
                gaps += service_operation_count(p, p->c[COLL_SERVICES].r[k].id) == 0;
            if (gaps) {
                sb_printf(&sb, _("   ! %zu without operations"), gaps);
                *warn = true;
            }
        } else if (sec->coll == COLL_RESOURCES) {
            size_t unused = 0;
            for (size_t k = 0; k < p->c[COLL_RESOURCES].n; k++)
                unused += resource_unused(p, &p->c[COLL_RESOURCES].r[k]);
            sb_printf(&sb, P_(" (%zu supplier)", " (%zu suppliers)", profile_supplier_count(p)), profile_supplier_count(p));
            if (unused) {
                sb_printf(&sb, _("   ! %zu that nothing uses"), unused);
                *warn = true;
            }
        }
    } else if (sec->kind == SEC_ORG) {
        sb_printf(&sb, "     %s", record_str(&p->org, &profile_org_def, "name"));
    } else if (sec->kind == SEC_CRITERIA) {
        sb_printf(&sb, _("     %zux%zu, %s, threshold %lld"), p->c[COLL_IMPACT].n, p->c[COLL_LIKELIHOOD].n,
                  enum_label(record_str(&p->criteria, &profile_criteria_def, "rule")),
                  record_int(&p->criteria, &profile_criteria_def, "threshold", 0));
    } else {
        sb_adds(&sb, _("     service -> operations -> resources"));
    }
    return sb_take(&sb);
}

static char *list_line(void *ctx, size_t i, bool *warn)
{
    struct pview *pv = ctx;
    struct collection *c = cur_coll(pv);
    char *s = record_line(pv, cur_section(pv)->coll, &c->r[i]);
    *warn = strstr(s, " ! ") != NULL;
    return s;
}

static char *deps_line(void *ctx, size_t i, bool *warn)
{
    struct pview *pv = ctx;
    *warn = pv->deps[i].warn;
    return xstrdup(pv->deps[i].text);
}

/* Width of the label column of a form: the longest label, at most a third. */
static int label_width(const struct coll_def *def, int cols)
{
    int lw = 0;
    for (size_t i = 0; i < def->nfields; i++) {
        int w = utf8_width(_(def->fields[i].label)) + 2;
        if (w > lw)
            lw = w;
    }
    return lw > cols / 3 ? cols / 3 : lw;
}

static void draw_form(struct pview *pv, int y, int height, int cols)
{
    const struct coll_def *def;
    struct record *r = form_record(pv, &def);
    if (!r)
        return;
    int lw = label_width(def, cols);
    int rows = height - 5; /* below: a rule, the whole value (3 lines), the help */
    size_t nf = record_shown_fields(def, r); /* a supplier's own only on a supplier */
    pv->field_cur = pv->field_cur < nf ? pv->field_cur : nf - 1;
    rows_scroll(pv->field_cur, &pv->form_top, rows);
    hit_rows(y, 0, rows, cols, pv->form_top, nf, &pv->field_cur);
    for (int k = 0; k < rows; k++) {
        size_t i = pv->form_top + (size_t)k;
        int yy = y + k;
        if (i >= nf) {
            draw_blank(yy, 0, cols, A_NORMAL);
            continue;
        }
        const struct field_def *f = &def->fields[i];
        bool sel = i == pv->field_cur;
        struct strbuf lab = STRBUF_INIT;
        sb_printf(&lab, "%s%s", f->required ? "*" : " ", _(f->label));
        draw_cell(yy, 0, lw, sb_str(&lab), sel ? role_attr(ROLE_SELECTED) : role_attr(ROLE_LABEL));
        sb_free(&lab);
        int vx = lw + 1, vw = cols - vx;
        draw_blank(yy, lw, 1, A_NORMAL);
        if (sel && pv->editing) {
            pv->ed_scroll = edit_scroll(&pv->ed, pv->ed_scroll, vw);
            draw_cell(yy, vx, vw, pv->ed.buf + pv->ed_scroll, role_attr(ROLE_SELECTED_DIM));
            continue;
        }
        char *t = field_text(pv, f, &r->v[i]);
        bool empty = !*t;
        if (empty && f->required) {
            free(t);
            t = xstrdup(_("! required"));
        }
        draw_cell(yy, vx, vw, t, empty && f->required ? role_attr(ROLE_NOTICE) : sel ? A_BOLD : A_NORMAL);
        free(t);
    }
    const struct field_def *f = &def->fields[pv->field_cur];
    const char *how = f->type == F_ENUM || f->type == F_REF ? _("Enter: pick from a list")
                    : f->type == F_REFLIST ? _("Enter: pick several (Space marks)")
                    : f->type == F_BOOL ? _("Enter: switch yes/no")
                    : f->type == F_STRLIST ? _("Enter: edit; separate entries with ';'")
                    : _("Enter: edit; Enter again keeps, Esc cancels");
    int base = y + height - 5;
    draw_hline(base, 0, cols);
    if (pv->round && def == round_coll_defs[RC_RISKS]) {
        /* the values the fields give, where the rule puts them */
        const struct profile *p = &pv->s->profile;
        long long inh = risk_inherent(pv->round, r), res = risk_residual(pv->round, r);
        long long t = round_threshold(pv->round), max = round_max(pv->round, p);
        struct strbuf v = STRBUF_INIT;
        sb_printf(&v, _(" Inherent %lld (%c) -> residual %lld (%c), threshold %lld: %s "), inh,
                  band_letter(band_of(inh, t, max)), res, band_letter(band_of(res, t, max)), t,
                  res >= t && t > 0 ? _("needs a decision, an owner and a due date") : _("below the threshold"));
        draw_cell(base, 2, cols - 4 > 0 ? cols - 4 : 0, sb_str(&v), role_attr(res >= t && t > 0 ? ROLE_NOTICE : ROLE_LABEL));
        sb_free(&v);
    }
    /* the whole value of the field, which the row may have cut */
    char *full = field_text(pv, f, &r->v[pv->field_cur]);
    draw_wrapped(base + 1, 0, cols - 1, 3, full, A_NORMAL);
    free(full);
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "%s. %s", _(f->help), how);
    draw_cell(y + height - 1, 0, cols, sb_str(&sb), role_attr(ROLE_DIM));
    sb_free(&sb);
}

static void draw_pick(struct pview *pv, int y, int height, int cols)
{
    struct pick *pk = &pv->pick;
    int w = cols > 70 ? 64 : cols - 4, x = (cols - w) / 2;
    int h = (int)pk->n + 2 < height - 2 ? (int)pk->n + 2 : height - 2;
    int top = y + 1;
    draw_cell(top, x, w, pk->multi ? _(" Choose (Space marks, Enter takes, Esc cancels)")
                                   : _(" Choose (Enter takes, Esc cancels)"), role_attr(ROLE_TITLE));
    rows_scroll(pk->cur, &pk->top, h - 1);
    hit_clear(); /* the list lies over the form: clicks choose in it */
    hit_rows(top + 1, x, h - 1, w, pk->top, pk->n, &pk->cur);
    for (int r = 0; r < h - 1; r++) {
        size_t i = pk->top + (size_t)r;
        attr_t attr = i == pk->cur ? role_attr(ROLE_SELECTED) : role_attr(ROLE_STATUS);
        if (i >= pk->n) {
            draw_blank(top + 1 + r, x, w, attr);
            continue;
        }
        struct strbuf sb = STRBUF_INIT;
        if (pk->multi)
            sb_printf(&sb, " [%s] %s", pk->marked[i] ? "x" : " ", pk->labels[i]);
        else
            sb_printf(&sb, " %s %s", pk->marked[i] ? "*" : " ", pk->labels[i]);
        draw_cell(top + 1 + r, x, w, sb_str(&sb), attr);
        sb_free(&sb);
    }
}

static void draw_header(struct pview *pv, int cols)
{
    struct strbuf sb = STRBUF_INIT;
    const char *sep = glyph(" \xE2\x80\xBA ", " > ");
    if (pv->round)
        sb_printf(&sb, "kijun%s%s%s%s", sep, _("Assessment"), sep, pv->round->name);
    else
        sb_printf(&sb, "kijun%s%s", sep, _("Profile"));
    if (pv->level != PV_MENU)
        sb_printf(&sb, "%s%s", sep, _(cur_section(pv)->label));
    if (pv->level == PV_FORM && cur_section(pv)->kind == SEC_COLL) {
        struct collection *c = cur_coll(pv);
        if (pv->rec < c->n)
            sb_printf(&sb, "%s%s", sep, entry_name(pv, c, pv->rec));
    }
    draw_blank(0, 0, cols, role_attr(ROLE_TITLE));
    draw_cell(0, 1, cols - 1, sb_str(&sb), role_attr(ROLE_TITLE));
    sb_free(&sb);
}

static void draw_status(struct pview *pv, int y, int cols)
{
    struct session *s = pv->s;
    if (pv->editing) {
        if (pv->message[0])
            draw_cell(y, 0, cols, pv->message, role_attr(pv->message_is_error ? ROLE_NOTICE : ROLE_STATUS));
        else
            draw_cell(y, 0, cols, _("Editing: Enter keeps, Esc cancels, ^A ^E ^K ^U move and delete"),
                      role_attr(ROLE_STATUS));
        return;
    }
    struct strbuf sb = STRBUF_INIT;
    const char *bar = glyph(" \xE2\x94\x82 ", " | ");
    char *ws = short_path(s->label, 16);
    char file[96];
    snprintf(file, sizeof file, pv->round ? "assessments/%.64s.cfg" : "profile.cfg",
             pv->round ? pv->round->name : "");
    sb_printf(&sb, " %s%s%s%s%s", ws, bar, file,
              session_modified(s) ? _(" [+] modified") : "", s->read_only ? _(" [read-only]") : "");
    free(ws);
    draw_status_message(y, cols, sb_str(&sb), pv->message, pv->message_is_error);
    sb_free(&sb);
}

void pview_draw(struct pview *pv, int rows, int cols)
{
    int body = rows - 3;
    pv->page = body > 2 ? body - 1 : 1;
    draw_header(pv, cols);
    int y = 1;
    switch (pv->level) {
    case PV_MENU: {
        const char *name = record_str(&pv->s->profile.org, &profile_org_def, "name");
        struct strbuf t = STRBUF_INIT;
        sb_printf(&t, _("Organisation profile: %s"), *name ? name : "-");
        draw_cell(y, 0, cols, sb_str(&t), role_attr(ROLE_HEADING));
        sb_free(&t);
        size_t top = 0;
        rows_draw(y + 1, body - 1, cols, NSECTIONS, &pv->menu_cur, &top, menu_line, pv);
        break;
    }
    case PV_LIST: {
        struct collection *c = cur_coll(pv);
        struct strbuf t = STRBUF_INIT;
        sb_printf(&t, _("%s: %zu entries"), _(cur_section(pv)->label), c->n);
        draw_cell(y, 0, cols, sb_str(&t), role_attr(ROLE_HEADING));
        sb_free(&t);
        if (!c->n) {
            draw_blank(y + 1, 0, cols, A_NORMAL);
            char key[16], text[160];
            snprintf(text, sizeof text, _("No entries yet: press %s to add one."),
                     action_key_name(ACT_ADD, SCREEN_LIST, key, sizeof key));
            draw_cell(y + 2, 2, cols - 2, text, role_attr(ROLE_DIM));
            for (int r = 3; r < body; r++)
                draw_blank(y + r, 0, cols, A_NORMAL);
        } else {
            rows_draw(y + 1, body - 1, cols, c->n, &pv->list_cur, &pv->list_top, list_line, pv);
        }
        break;
    }
    case PV_FORM:
        draw_form(pv, y, body, cols);
        break;
    case PV_DEPS:
        deps_build(pv);
        rows_draw(y, body, cols, pv->ndeps, &pv->deps_cur, &pv->deps_top, deps_line, pv);
        break;
    }
    if (pv->pick.open)
        draw_pick(pv, y, body, cols);
    draw_status(pv, rows - 2, cols);
    if (pv->editing) {
        /* the cursor into the field being edited */
        const struct coll_def *def;
        form_record(pv, &def);
        int lw = label_width(def, cols);
        int cx = lw + 1 + utf8_nwidth(pv->ed.buf + pv->ed_scroll, pv->ed.cur - pv->ed_scroll);
        move(y + (int)(pv->field_cur - pv->form_top), cx < cols ? cx : cols - 1);
    }
}
