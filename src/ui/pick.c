/* pick: the pick lists of the record editor (recedit.h): the choices of
 * an enumeration or a reference field (one, or several marked), the
 * library items and profile entries a collection can add, what a choice
 * brings in a risk's form, and the list drawn over the form. */
#include "config.h"
#include "util/wrap.h"
#include "ui/recedit_private.h"
#include "ui/signoff.h"
#include "core/edits.h"
#include "core/rounds.h"
#include "ui/draw.h"
#include "model/labels.h"
#include "model/rules.h"
#include "ui/mouse.h"
#include "ui/rows.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

void pick_add(struct pick *pk, const char *id, const char *label, bool marked)
{
    pk->ids = xrealloc(pk->ids, (pk->n + 1) * sizeof *pk->ids);
    pk->labels = xrealloc(pk->labels, (pk->n + 1) * sizeof *pk->labels);
    pk->marked = xrealloc(pk->marked, (pk->n + 1) * sizeof *pk->marked);
    pk->ids[pk->n] = id ? xstrdup(id) : NULL;
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

/* A group's heading in the list: not a choice, the cursor passes it. */
static void pick_heading(struct pick *pk, const char *text)
{
    pick_add(pk, NULL, text, false);
}

/* The heading of a library table among several (the threat catalogue):
 * its title and the seed slide its source names. */
static void table_heading(struct recedit *re, const struct ref_table *t)
{
    const char *src = ref_text(&t->head, "source", re->lang);
    const char *sl = strstr(src, "slide ");
    int slide = sl ? atoi(sl + 6) : 0;
    struct strbuf sb = STRBUF_INIT;
    if (slide > 0)
        sb_printf(&sb, _("%s (slide %d)"), text_get(&t->head.title, re->lang), slide);
    else
        sb_adds(&sb, text_get(&t->head.title, re->lang));
    pick_heading(&re->pick, sb_str(&sb));
    sb_free(&sb);
}

/* The cursor off a heading, on the next choice in direction dir (+1 or
 * -1), else the other way. */
static void pick_skip_headings(struct pick *pk, int dir)
{
    for (int pass = 0; pass < 2; pass++, dir = -dir) {
        size_t i = pk->cur;
        while (i < pk->n && !pk->ids[i])
            i = dir > 0 ? i + 1 : i ? i - 1 : pk->n;
        if (i < pk->n) {
            pk->cur = i;
            return;
        }
    }
}

/* Offer the choices of field f (value v); exclude is an id to leave out. */
void pick_open(struct recedit *re, const struct field_def *f, const struct value *v,
                      const char *exclude)
{
    struct pick *pk = &re->pick;
    pick_close(pk);
    pk->multi = f->type == F_REFLIST;
    if (f->type == F_ENUM) {
        for (const char *const *e = f->values; *e; e++)
            pick_add(pk, *e, enum_label(*e), v->set && v->s && strcmp(v->s, *e) == 0);
    } else if (strncmp(f->ref, "lib:", 4) == 0) {
        const struct ref_table *tabs[4];
        size_t nt = library_ref_tables(re->s->lib, f->ref + 4, tabs, 4);
        for (size_t k = 0; k < nt; k++) {
            const struct ref_table *t = tabs[k];
            if (nt > 1) /* grouped by their sources */
                table_heading(re, t);
            for (size_t i = 0; i < t->n; i++) {
                const char *id = t->items[i].id;
                bool on = pk->multi ? strlist_has(&v->list, id) : (v->s && strcmp(v->s, id) == 0);
                pick_add(pk, id, text_get(&t->items[i].title, re->lang), on);
            }
        }
    } else {
        for (int c = 0; c < COLL__COUNT; c++) {
            if (strcmp(profile_coll_defs[c]->key, f->ref) != 0)
                continue;
            const struct collection *col = &re->s->profile.c[c];
            for (size_t i = 0; i < col->n; i++) {
                const char *id = col->r[i].id;
                if (exclude && strcmp(id, exclude) == 0)
                    continue;
                bool on = pk->multi ? strlist_has(&v->list, id) : (v->s && strcmp(v->s, id) == 0);
                pick_add(pk, id, recedit_ref_label(re, f->ref, id), on);
            }
        }
    }
    if (!pk->n) {
        say(re, true, "%s", _("Nothing to choose from yet: add entries to that section first"));
        pick_close(pk);
        return;
    }
    for (size_t i = 0; i < pk->n; i++)
        if (pk->marked[i] && !pk->multi)
            pk->cur = i;
    pick_skip_headings(pk, 1);
    pk->open = true;
}

/* The levels of profile scale coll for a number field (value v): each
 * with its label and definition, "4 大 — definition". */
void pick_open_levels(struct recedit *re, int coll, const struct value *v)
{
    struct pick *pk = &re->pick;
    pick_close(pk);
    const struct collection *c = &re->s->profile.c[coll];
    for (size_t i = 0; i < c->n; i++) {
        long long level = rec_int(&c->r[i], LEVEL_LEVEL, (long long)i + 1);
        char id[24], t[96];
        snprintf(id, sizeof id, "%lld", level);
        scale_level_text(&re->s->profile, coll, level, t, sizeof t);
        struct strbuf sb = STRBUF_INIT;
        sb_adds(&sb, t);
        if (*rec_str(&c->r[i], LEVEL_DEFINITION))
            sb_printf(&sb, " %s %s", glyph("\xE2\x80\x94", "-"), rec_str(&c->r[i], LEVEL_DEFINITION));
        pick_add(pk, id, sb_str(&sb), v->set && v->i == level);
        sb_free(&sb);
    }
    if (!pk->n) {
        say(re, true, "%s", _("The profile has no levels on this scale yet: fill in its scales first"));
        pick_close(pk);
        return;
    }
    for (size_t i = 0; i < pk->n; i++)
        if (pk->marked[i])
            pk->cur = i;
    pk->open = true;
}

/* The governance items not yet in the profile, for Add. */
void pick_open_library_ids(struct recedit *re, struct collection *c)
{
    struct pick *pk = &re->pick;
    pick_close(pk);
    if (strncmp(c->def->id_ref, "lib:", 4) == 0) {
        const struct ref_table *t = library_table(re->s->lib, c->def->id_ref + 4);
        for (size_t i = 0; t && i < t->n; i++)
            if (!coll_find(c, t->items[i].id))
                pick_add(pk, t->items[i].id, text_get(&t->items[i].title, re->lang), false);
    } else {
        /* entries of the profile, e.g. the resources without risk */
        for (int k = 0; k < COLL__COUNT; k++) {
            if (strcmp(profile_coll_defs[k]->key, c->def->id_ref) != 0)
                continue;
            const struct collection *pc = &re->s->profile.c[k];
            for (size_t i = 0; i < pc->n; i++)
                if (!coll_find(c, pc->r[i].id))
                    pick_add(pk, pc->r[i].id, recedit_ref_label(re, c->def->id_ref, pc->r[i].id), false);
        }
    }
    if (!pk->n) {
        say(re, false, "%s", _("Every item of the library is in the list already"));
        pick_close(pk);
        return;
    }
    pk->open = true;
}

/* After a choice in a risk's form: a threat names the risk when it has
 * no title yet; an acceptance records when and the value at that moment. */
static void risk_picked(struct recedit *re, struct record *r, const struct field_def *f)
{
    const struct coll_def *def = round_coll_defs[RC_RISKS];
    struct collection *c = &re->round->c[RC_RISKS];
    if (f == &def->fields[RISK_THREAT] && !*rec_str(r, RISK_TITLE)) {
        core_set_text(re->s, re_doc(re), c, r, def, RISK_TITLE,
                      recedit_ref_label(re, f->ref, rec_str(r, RISK_THREAT)));
    } else if (f == &def->fields[RISK_DECISION]) {
        char today[11];
        session_today(today);
        struct acceptance a = core_risk_decided(re->s, re->round, (size_t)(r - c->r), today);
        if (a.records)
            say(re, false, _("Accepted on %s at the value %lld: fill in who accepted it"),
                rec_str(r, RISK_ACCEPTED_ON), a.value);
    }
}

static void pick_accept(struct recedit *re)
{
    struct pick *pk = &re->pick;
    if (pk->cur >= pk->n || !pk->ids[pk->cur])
        return; /* a heading (clicked) is no choice */
    if (re->level == RE_LIST) {
        /* adding a library item (governance), or a sign-off (said first when its checks fail) */
        struct collection *c = cur_coll(re);
        if (re->round && c == &re->round->c[RC_SIGNOFFS] && signoff_ask(re, pk->ids[pk->cur])) {
            pick_close(pk);
            return;
        }
        struct record r;
        record_init(&r, c->def);
        r.id = xstrdup(pk->ids[pk->cur]);
        size_t at = core_add(re->s, re_doc(re), c, &r);
        record_free(&r, c->def);
        pick_close(pk);
        if (at == (size_t)-1)
            return;
        re->rec = re->list_cur = at;
        re->level = RE_FORM;
        re->field_cur = 0;
        fresh_start(re);
        return;
    }
    const struct coll_def *def;
    struct record *r = form_record(re, &def);
    const struct field_def *f = &def->fields[re->field_cur];
    if (pk->multi) {
        if (!pk->spaced) /* Enter without Space: the highlighted one too */
            pk->marked[pk->cur] = true;
        struct strlist l = {0};
        for (size_t i = 0; i < pk->n; i++)
            if (pk->marked[i])
                strlist_add(&l, pk->ids[i]);
        core_set_list(re->s, re_doc(re), form_coll(re), r, def, re->field_cur, &l);
        strlist_free(&l);
    } else if (f->type == F_INT) { /* a level of a scale */
        core_set_int(re->s, re_doc(re), form_coll(re), r, def, re->field_cur, atoll(pk->ids[pk->cur]));
    } else {
        core_set_text(re->s, re_doc(re), form_coll(re), r, def, re->field_cur, pk->ids[pk->cur]);
    }
    if (re->round && def == round_coll_defs[RC_RISKS])
        risk_picked(re, r, f);
    else
        form_range_warn(re); /* a rule picked: is the threshold still in its range? */
    pick_close(pk);
}

bool pick_action(struct recedit *re, enum action a)
{
    struct pick *pk = &re->pick;
    size_t was = pk->cur;
    if (rows_move(&pk->cur, pk->n, a, re->page)) {
        pick_skip_headings(pk, pk->cur >= was ? 1 : -1);
        return true;
    }
    switch (a) {
    case ACT_PICK_MARK:
        if (pk->multi) {
            pk->marked[pk->cur] = !pk->marked[pk->cur];
            pk->spaced = true;
        } else {
            pick_accept(re);
        }
        return true;
    case ACT_PICK_ACCEPT:
        pick_accept(re);
        return true;
    case ACT_PICK_CANCEL:
        pick_close(pk);
        if (re->fresh_direct && fresh_untouched(re))
            fresh_drop(re); /* Esc in the threat catalogue: no risk is left */
        return true;
    default:
        return false;
    }
}

void draw_pick(struct recedit *re, int y, int height, int cols)
{
    struct pick *pk = &re->pick;
    action_hide(ACT_PICK_MARK, !pk->multi); /* one choice: nothing to mark, no Space on the key bar */
    int w = cols - 2 < 96 ? cols - 2 : 96, x = (cols - w) / 2;
    if (w < 1)
        return;
    /* an item cut in its row is read whole below the list */
    bool cut = false;
    for (size_t i = 0; i < pk->n && !cut; i++)
        cut = utf8_width(pk->labels[i]) + (pk->multi ? 5 : 3) > w;
    int pl = 0;
    if (cut && height >= 12) { /* the whole item: as many lines as it takes, in the rows the list leaves free */
        struct wrap_line *wl = NULL;
        size_t nw = w > 3 && pk->cur < pk->n ? wrap_text(pk->labels[pk->cur], w - 1, &wl) : 0;
        free(wl);
        int room = height - 2 - ((int)pk->n + 2) > 3 ? height - 2 - ((int)pk->n + 2) : 3;
        pl = nw < 3 ? 3 : (int)nw < room ? (int)nw : room;
        if (pl > height - 2 - 4) /* a list of at least three rows stays */
            pl = height - 6 > 3 ? height - 6 : 3;
    }
    int h = (int)pk->n + 2 + pl < height - 2 ? (int)pk->n + 2 + pl : height - 2;
    int lr = h - 1 - pl, top = y + 1;
    /* the list's rows blanked whole (nothing of the form beside reads as
     * the list's), and the rows below it: no line of the form's help is
     * left cut under the list */
    for (int r = 0; top + r < y + height; r++)
        draw_blank(top + r, 0, cols, A_NORMAL);
    char title[200]; /* the keys in force */
    if (pk->multi)
        snprintf(title, sizeof title, _(" Choose (%s marks, %s takes, %s cancels)"), action_key_str(ACT_PICK_MARK, SCREEN_PICK),
                 action_key_str(ACT_PICK_ACCEPT, SCREEN_PICK), action_key_str(ACT_PICK_CANCEL, SCREEN_PICK));
    else
        snprintf(title, sizeof title, _(" Choose (%s takes, %s cancels)"), action_key_str(ACT_PICK_ACCEPT, SCREEN_PICK),
                 action_key_str(ACT_PICK_CANCEL, SCREEN_PICK));
    draw_cell(top, x, w, title, role_attr(ROLE_TITLE));
    rows_scroll(pk->cur, &pk->top, lr);
    hit_clear(); /* the list lies over the form: clicks choose in it */
    hit_rows(top + 1, x, lr, w, pk->top, pk->n, &pk->cur);
    for (int r = 0; r < lr; r++) {
        size_t i = pk->top + (size_t)r;
        attr_t attr = i == pk->cur ? role_attr(ROLE_SELECTED) : role_attr(ROLE_STATUS);
        if (i >= pk->n) {
            draw_blank(top + 1 + r, x, w, attr);
            continue;
        }
        struct strbuf sb = STRBUF_INIT;
        if (!pk->ids[i]) /* a group's heading */
            sb_printf(&sb, " %s", pk->labels[i]);
        else if (pk->multi)
            sb_printf(&sb, " [%s] %s", pk->marked[i] ? "x" : " ", pk->labels[i]);
        else
            sb_printf(&sb, " %s %s", pk->marked[i] ? "*" : " ", pk->labels[i]);
        draw_cell(top + 1 + r, x, w, sb_str(&sb), pk->ids[i] ? attr : role_attr(ROLE_TITLE));
        sb_free(&sb);
    }
    if (pl) {
        int py = top + 1 + lr;
        attr_t attr = role_attr(ROLE_TITLE);
        for (int k = 0; k < pl; k++)
            draw_blank(py + k, x, 1, attr);
        draw_wrapped(py, x + 1, w - 1, pl, pk->cur < pk->n ? pk->labels[pk->cur] : "", attr);
    }
}
