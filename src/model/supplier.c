/* supplier: a supplier is a management resource of kind supplier; the
 * merging of the old suppliers section, and the suppliers' rules. */
#include "config.h"
#include "model/supplier.h"
#include "model/labels.h"
#include "model/validate.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

#define N(a) (sizeof(a) / sizeof *(a))

/* The section as files of schema 1 before the merge had it (keys as
 * they were: `risks`, `resources`). */
FIELD_TABLE(old_fields, OLDSUP_FIELDS, OLDSUP__N);
const struct coll_def profile_old_suppliers_def = {"suppliers", N_("Suppliers"), "sup-", old_fields, N(old_fields), true, NULL, OLDSUP_NAME};

/* old field -> resource field */
static const int moves[][2] = {
    {OLDSUP_PROVIDES, RES_PROVIDES}, {OLDSUP_CONTRACT_SECURITY, RES_CONTRACT_SECURITY},
    {OLDSUP_CLAUSES, RES_CLAUSES}, {OLDSUP_RISKS, RES_SUPPLY_RISKS}, {OLDSUP_RESOURCES, RES_SERVES},
};
static const int own[] = {RES_PROVIDES, RES_CONTRACT_SECURITY, RES_CLAUSES, RES_SUPPLY_RISKS, RES_SERVES};

static const struct coll_def *res_def(void)
{
    return profile_coll_defs[COLL_RESOURCES];
}

bool resource_is_supplier(const struct record *res)
{
    return strcmp(rec_str(res, RES_KIND), "supplier") == 0;
}

bool resource_field_is_supplier(int f)
{
    for (size_t k = 0; k < N(own); k++)
        if (f == own[k])
            return true;
    return false;
}

size_t record_shown_fields(const struct coll_def *def, const struct record *r)
{
    if (def != res_def() || !r || resource_is_supplier(r))
        return def->nfields;
    size_t n = 0;
    while (n < def->nfields && !resource_field_is_supplier((int)n))
        n++;
    return n;
}

size_t profile_supplier_count(const struct profile *p)
{
    size_t n = 0;
    for (size_t i = 0; i < p->c[COLL_RESOURCES].n; i++)
        n += resource_is_supplier(&p->c[COLL_RESOURCES].r[i]);
    return n;
}

/* Add text to the note of r: "note / text". */
static void note_add(struct record *r, const char *text)
{
    struct value *v = &r->v[RES_NOTE];
    if (!text || !*text || (v->s && strstr(v->s, text)))
        return;
    struct strbuf sb = STRBUF_INIT;
    if (v->s && *v->s)
        sb_printf(&sb, "%s / ", v->s);
    sb_adds(&sb, text);
    free(v->s);
    v->s = sb_take(&sb);
    v->set = true;
}

/* The name of a kept setting "name = ...;" (new string), or NULL. */
static char *kept_name(const char *t)
{
    const char *eq = strstr(t, " = ");
    return eq ? xstrndup(t, (size_t)(eq - t)) : NULL;
}

/* Settings s kept unread go to r, but one whose name r has already (a
 * field of resources, a kept setting) goes to the note as its text. */
static void kept_move(struct record *r, const struct record *s)
{
    for (size_t k = 0; k < s->kept.n; k++) {
        char *name = kept_name(s->kept.v[k]);
        bool taken = false;
        if (name) {
            /* a field's name: the kept text would stand for the field */
            taken = field_index(res_def(), name) >= 0 || strcmp(name, "id") == 0;
            for (size_t j = 0; !taken && j < r->kept.n; j++) {
                char *other = kept_name(r->kept.v[j]);
                taken = other && strcmp(other, name) == 0;
                free(other);
            }
        }
        if (taken) { /* one line, as a note is */
            char *line = xstrdup(s->kept.v[k]);
            for (char *c = line; *c; c++)
                if (*c == '\n' || *c == '\t')
                    *c = ' ';
            note_add(r, line);
            free(line);
        }
        else
            strlist_add(&r->kept, s->kept.v[k]);
        free(name);
    }
}

/* The old entry s joins resource r (which may be new: its fields unset). */
static void join(struct record *r, const struct record *s)
{
    const struct value *sname = &s->v[OLDSUP_NAME], *snote = &s->v[OLDSUP_NOTE];
    struct value *rname = &r->v[RES_NAME];
    bool other_name = false;
    if (!rname->set && sname->set) {
        value_copy(rname, sname);
    } else if (sname->s && *sname->s && strcmp(sname->s, rname->s ? rname->s : "") != 0) {
        other_name = true;
    }
    for (size_t m = 0; m < N(moves); m++) {
        const struct value *from = &s->v[moves[m][0]];
        struct value *to = &r->v[moves[m][1]];
        int f = moves[m][1];
        if (!from->set)
            continue;
        if (res_def()->fields[f].type == F_REFLIST) {
            for (size_t k = 0; k < from->list.n; k++)
                if (!strlist_has(&to->list, from->list.v[k]) && !(r->id && strcmp(r->id, from->list.v[k]) == 0))
                    strlist_add(&to->list, from->list.v[k]);
            if (!to->set && to->list.n)
                to->line = from->line;
            to->set = to->set || to->list.n; /* not the link to itself alone */
        } else if (!to->set) {
            value_copy(to, from);
        } else if (from->s && strcmp(from->s, to->s ? to->s : "") != 0) {
            struct strbuf sb = STRBUF_INIT;
            sb_printf(&sb, "%s: %s", res_def()->fields[f].key, from->s);
            note_add(r, sb_str(&sb));
            sb_free(&sb);
        }
    }
    const char *note = snote->s && *snote->s ? snote->s : NULL;
    struct strbuf sb = STRBUF_INIT;
    if (other_name && note)
        sb_printf(&sb, "%s: %s", sname->s, note);
    else if (other_name)
        sb_adds(&sb, sname->s);
    else if (note)
        sb_adds(&sb, note);
    struct value *rnote = &r->v[RES_NOTE];
    if (!rnote->set && snote->set)
        rnote->line = snote->line;
    note_add(r, sb_str(&sb));
    sb_free(&sb);
    kept_move(r, s);
}

/* The resource of kind supplier s linked by hand, not yet joined. */
static long linked(const struct collection *rs, size_t n0, const bool *joined, const struct record *s)
{
    const struct strlist *l = &s->v[OLDSUP_RESOURCES].list;
    for (size_t k = 0; k < l->n; k++)
        for (size_t i = 0; i < n0; i++)
            if (!joined[i] && rs->r[i].id && strcmp(rs->r[i].id, l->v[k]) == 0 && resource_is_supplier(&rs->r[i]))
                return (long)i;
    const char *name = rec_str(s, OLDSUP_NAME);
    for (size_t i = 0; *name && i < n0; i++)
        if (!joined[i] && resource_is_supplier(&rs->r[i]) && strcmp(rec_str(&rs->r[i], RES_NAME), name) == 0)
            return (long)i;
    return -1;
}

void profile_merge_suppliers(struct profile *p, struct collection *old, int old_line)
{
    struct collection *rs = &p->c[COLL_RESOURCES];
    size_t n0 = rs->n;
    bool *joined = xcalloc(n0 ? n0 : 1, sizeof *joined);
    for (size_t k = 0; k < old->n; k++) {
        const struct record *s = &old->r[k];
        long i = linked(rs, n0, joined, s);
        if (i >= 0) {
            joined[i] = true;
            join(&rs->r[i], s);
            p->old_suppliers_joined++;
        } else {
            struct record r;
            record_init(&r, res_def());
            r.id = s->id && *s->id && !coll_find(rs, s->id) ? xstrdup(s->id) : coll_new_id(rs);
            r.line = s->line;
            r.id_line = s->id_line;
            struct value *kind = &r.v[RES_KIND];
            kind->s = xstrdup("supplier");
            kind->set = true;
            join(&r, s);
            coll_add(rs, &r);
        }
        p->old_suppliers++;
    }
    free(joined);
    coll_free(old);
    if (!p->old_suppliers_line)
        p->old_suppliers_line = old_line;
}

static void push(struct findings *out, int line, size_t index, int field, char *text)
{
    out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
    struct item at = {DOC_PROFILE, 0, field == ITEM_HEAD ? ITEM_HEAD : COLL_RESOURCES, index,
                      field == ITEM_HEAD ? FIELD_NONE : field};
    out->v[out->n++] = (struct finding){DIAG_WARNING, xstrdup("profile.cfg"), line, text, at, false};
}

void supplier_findings(const struct profile *p, struct findings *out)
{
    struct strbuf sb = STRBUF_INIT;
    if (p->old_suppliers) {
        sb_printf(&sb, P_("the old 'suppliers' section (%zu entry) is merged into the management resources of kind supplier (%zu joined a resource); the next save writes the new form",
                          "the old 'suppliers' section (%zu entries) is merged into the management resources of kind supplier (%zu joined a resource); the next save writes the new form",
                          p->old_suppliers),
                  p->old_suppliers, p->old_suppliers_joined);
        push(out, p->old_suppliers_line, 0, p->c[COLL_RESOURCES].n ? FIELD_NONE : ITEM_HEAD, sb_take(&sb));
    }
    const struct collection *rs = &p->c[COLL_RESOURCES];
    for (size_t i = 0; i < rs->n; i++) {
        const struct record *r = &rs->r[i];
        if (resource_is_supplier(r) || !*rec_str(r, RES_KIND))
            continue;
        for (size_t f = 0; f < res_def()->nfields; f++) {
            if (!resource_field_is_supplier((int)f) || !r->v[f].set)
                continue;
            sb_printf(&sb, _("%s: %s ('%s') is a supplier's, but the kind is %s ('%s'), not %s ('supplier')"),
                      r->id ? r->id : "?", _(res_def()->fields[f].label), res_def()->fields[f].key,
                      enum_label(rec_str(r, RES_KIND)), rec_str(r, RES_KIND), enum_label("supplier"));
            push(out, r->v[f].line ? r->v[f].line : r->line, i, (int)f, sb_take(&sb));
            break;
        }
    }
    sb_free(&sb);
}
