/* pick: the pick lists of the profile view: the choices of an
 * enumeration or a reference field (one, or several marked), the library
 * items and profile entries a collection can add, what a choice brings
 * in a risk's form, and the list drawn over the form. */
#include "config.h"
#include "ui/profile_private.h"
#include "core/edits.h"
#include "core/rounds.h"
#include "ui/draw.h"
#include "model/labels.h"
#include "ui/mouse.h"
#include "ui/rows.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

void pick_add(struct pick *pk, const char *id, const char *label, bool marked)
{
    pk->ids = xrealloc(pk->ids, (pk->n + 1) * sizeof *pk->ids);
    pk->labels = xrealloc(pk->labels, (pk->n + 1) * sizeof *pk->labels);
    pk->marked = xrealloc(pk->marked, (pk->n + 1) * sizeof *pk->marked);
    pk->ids[pk->n] = xstrdup(id);
    pk->labels[pk->n] = xstrdup(label);
    pk->marked[pk->n] = marked;
    pk->n++;
}

void pick_close(struct pick *pk)
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

/* Offer the choices of field f (value v); exclude is an id to leave out. */
void pick_open(struct pview *pv, const struct field_def *f, const struct value *v,
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
void pick_open_library_ids(struct pview *pv, struct collection *c)
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

/* After a choice in a risk's form: a threat names the risk when it has
 * no title yet; an acceptance records when and the value at that moment. */
static void risk_picked(struct pview *pv, struct record *r, const struct field_def *f)
{
    const struct coll_def *def = round_coll_defs[RC_RISKS];
    struct collection *c = &pv->round->c[RC_RISKS];
    if (f == &def->fields[RISK_THREAT] && !*rec_str(r, RISK_TITLE)) {
        core_set_text(pv->s, pv_doc(pv), c, r, def, RISK_TITLE,
                      ref_label(pv, f->ref, rec_str(r, RISK_THREAT)));
    } else if (f == &def->fields[RISK_DECISION]) {
        char today[11];
        session_today(today);
        struct acceptance a = core_risk_decided(pv->s, pv->round, (size_t)(r - c->r), today);
        if (a.records)
            say(pv, false, _("Accepted on %s at the value %lld: fill in who accepted it"),
                rec_str(r, RISK_ACCEPTED_ON), a.value);
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

bool pick_action(struct pview *pv, enum action a)
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

void draw_pick(struct pview *pv, int y, int height, int cols)
{
    struct pick *pk = &pv->pick;
    int w = cols > 70 ? 64 : cols - 4, x = (cols - w) / 2;
    int h = (int)pk->n + 2 < height - 2 ? (int)pk->n + 2 : height - 2;
    int top = y + 1;
    char title[200]; /* the keys in force */
    if (pk->multi)
        snprintf(title, sizeof title, _(" Choose (%s marks, %s takes, %s cancels)"), action_key_str(ACT_PICK_MARK, SCREEN_PICK),
                 action_key_str(ACT_PICK_ACCEPT, SCREEN_PICK), action_key_str(ACT_PICK_CANCEL, SCREEN_PICK));
    else
        snprintf(title, sizeof title, _(" Choose (%s takes, %s cancels)"), action_key_str(ACT_PICK_ACCEPT, SCREEN_PICK),
                 action_key_str(ACT_PICK_CANCEL, SCREEN_PICK));
    draw_cell(top, x, w, title, role_attr(ROLE_TITLE));
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
