/* profile_view: the profile's screens in front: the section menu, the
 * list of a section's entries (open, add, delete with its question,
 * reorder), the view's life and the dispatch of its actions and drawing.
 * The form is form.c, its pick lists pick.c, the dependency view
 * deps_view.c, the entries' text profile_text.c; what they share is
 * profile_private.h. */
#include "config.h"
#include "model/rules.h"
#include "ui/profile_private.h"
#include "ui/signoff.h"
#include "core/edits.h"
#include "core/entries.h"
#include "core/rounds.h"
#include "model/supplier.h"
#include "ui/draw.h"
#include "model/labels.h"
#include "ui/rows.h"
#include "store/cfgfile.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static void open_section(struct pview *pv);

const struct section *cur_section(const struct pview *pv)
{
    return pv->round ? &round_sections[pv->section] : &sections[pv->section];
}

struct collection *cur_coll(struct pview *pv)
{
    int c = cur_section(pv)->coll;
    if (c < 0)
        return NULL;
    return pv->round ? &pv->round->c[c] : &pv->s->profile.c[c];
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

void pview_add_resource(struct pview *pv)
{
    for (size_t i = 0; i < NSECTIONS; i++)
        if (sections[i].coll == COLL_RESOURCES)
            pv->menu_cur = i;
    open_section(pv);
    add_entry(pv);
    say(pv, false, _("New resource for the scoping: fill it in, %s saves, %s returns to the round"),
        action_key_str(ACT_SAVE, SCREEN_FORM), action_key_str(ACT_VIEW_ASSESS, SCREEN_FORM));
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

/* --- the menu and the lists ------------------------------------------------- */

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

void pview_answer(struct pview *pv, bool yes)
{
    if (signoff_answer(pv, yes))
        return;
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
#define DELETE_NAME_COLS 40

void ask_delete(struct pview *pv, struct collection *c, size_t i)
{
    char names[200];
    size_t n = !pv->round && c->r[i].id
                   ? session_rounds_using(pv->s, c->def->key, c->r[i].id, names, sizeof names) : 0;
    pv->asking_delete = true;
    /* a long name is shortened: the question and its answers always show */
    char *name = utf8_ellipsize(entry_name(pv, c, i), DELETE_NAME_COLS, glyph("\xE2\x80\xA6", "~"), 1);
    int sc = c == &pv->s->profile.c[COLL_IMPACT] ? COLL_IMPACT : c == &pv->s->profile.c[COLL_LIKELIHOOD] ? COLL_LIKELIHOOD : -1;
    if (!pv->round && sc >= 0 && c->r[i].v[LEVEL_LEVEL].set) {
        /* a level risks use: the question says how many it leaves off the scale */
        size_t uses = 0;
        for (size_t k = 0; k < pv->s->nrounds; k++)
            uses += scale_level_uses(&pv->s->rounds[k]->r, sc, c->r[i].v[LEVEL_LEVEL].i);
        if (uses) {
            say(pv, true, P_("Delete \"%s\"? %zu risk of the rounds uses this level: it goes off the scale (flagged). %s",
                             "Delete \"%s\"? %zu risks of the rounds use this level: they go off the scale (flagged). %s", uses),
                name, uses, action_yes_no());
            free(name);
            return;
        }
    }
    if (n)
        say(pv, true, P_("Delete \"%s\"? Round %s keeps its name. %s", "Delete \"%s\"? Rounds %s keep its name. %s", n),
            name, names, action_yes_no());
    else
        say(pv, true, _("Delete \"%s\"? %s deletes, %s keeps it"), name,
            action_key_str(ACT_YES, SCREEN_QUESTION), action_key_str(ACT_NO, SCREEN_QUESTION));
    free(name);
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
        if (!coll_reorderable(c->def))
            return false; /* a record of what happened keeps its order */
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
                sb_printf(&sb, P_("   ! %zu without operations", "   ! %zu without operations", gaps), gaps);
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
        sb_printf(&sb, "     %s", rec_str(&p->org, ORG_NAME));
    } else if (sec->kind == SEC_CRITERIA) {
        sb_printf(&sb, _("     %zux%zu, %s, threshold %lld"), p->c[COLL_IMPACT].n, p->c[COLL_LIKELIHOOD].n,
                  enum_label(rec_str(&p->criteria, CRIT_RULE)),
                  rec_int(&p->criteria, CRIT_THRESHOLD, 0));
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
    chrome_title(cols, sb_str(&sb));
    sb_free(&sb);
}

static void draw_status(struct pview *pv, int y, int cols)
{
    struct session *s = pv->s;
    if (pv->editing) {
        if (pv->message[0])
            draw_cell(y, 0, cols, pv->message, role_attr(pv->message_is_error ? ROLE_NOTICE : ROLE_STATUS));
        else /* the keys in force */
            chrome_editing(y, cols);
        return;
    }
    struct strbuf sb = STRBUF_INIT;
    const char *bar = glyph(" \xE2\x94\x82 ", " | ");
    char *ws = short_path(s->label, 16);
    char file[96];
    snprintf(file, sizeof file, pv->round ? "assessments/%.64s.cfg" : "profile.cfg",
             pv->round ? pv->round->name : "");
    sb_printf(&sb, " %s%s%s", ws, bar, file);
    free(ws);
    chrome_status(y, cols, sb_str(&sb), pv->message, pv->message_is_error);
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
        const char *name = rec_str(&pv->s->profile.org, ORG_NAME);
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
        sb_printf(&t, P_("%s: %zu entry", "%s: %zu entries", c->n), _(cur_section(pv)->label), c->n);
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
        deps_draw(pv, y, body, cols);
        break;
    }
    if (pv->pick.open)
        draw_pick(pv, y, body, cols);
    draw_status(pv, rows - 2, cols);
    if (pv->editing)
        form_cursor(pv, y, cols);
}
