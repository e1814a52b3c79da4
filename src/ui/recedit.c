/* recedit: the record editor (recedit.h): its life, how its owner opens
 * it, the list of a section's entries (open, add, delete with its
 * question, reorder), the dispatch of its actions and its drawing. The
 * form is form.c, its pick lists pick.c, the entries' text
 * profile_text.c, the sign-off question signoff.c; what they share is
 * recedit_private.h. */
#include "config.h"
#include "model/rules.h"
#include "ui/recedit_private.h"
#include "ui/signoff.h"
#include "core/edits.h"
#include "core/entries.h"
#include "core/rounds.h"
#include "ui/draw.h"
#include "ui/rows.h"
#include "store/cfgfile.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct section *cur_section(const struct recedit *re)
{
    return &re->sections[re->section];
}

struct collection *cur_coll(struct recedit *re)
{
    int c = cur_section(re)->coll;
    if (c < 0)
        return NULL;
    return re->round ? &re->round->c[c] : &re->s->profile.c[c];
}

/* --- life ----------------------------------------------------------------- */

void recedit_init(struct recedit *re, struct session *s, enum lang lang, const struct section *sections)
{
    memset(re, 0, sizeof *re);
    re->s = s;
    re->lang = lang;
    re->sections = sections;
    lineedit_init(&re->ed, "", CFG_MAX_LINE - 1024); /* any value a file line can hold */
    re->page = 10;
}

void recedit_free(struct recedit *re)
{
    lineedit_free(&re->ed);
    pick_close(&re->pick);
}

void recedit_open_section(struct recedit *re, size_t sec)
{
    re->section = sec;
    re->field_cur = re->form_top = 0;
    re->list_cur = re->list_top = 0;
    re->level = cur_section(re)->kind == SEC_COLL ? RE_LIST : RE_FORM;
}

void recedit_open_entry(struct recedit *re, size_t sec, size_t index)
{
    re->section = sec;
    re->rec = re->list_cur = index;
    re->level = RE_FORM;
    re->field_cur = re->form_top = 0;
}

void recedit_open_round(struct recedit *re, struct round *r, size_t sec, size_t index)
{
    bool single = re->sections[sec].kind != SEC_COLL; /* the head */
    re->round = r;
    re->done = false;
    re->fresh = false;
    re->section = sec;
    re->field_cur = re->form_top = 0;
    re->form_only = single || index != (size_t)-1;
    if (single) {
        re->level = RE_FORM;
    } else if (index == (size_t)-1) {
        re->level = RE_LIST;
        re->list_cur = re->list_top = 0;
    } else {
        re->level = RE_FORM;
        re->rec = re->list_cur = index;
    }
}

void recedit_add(struct recedit *re)
{
    add_entry(re);
}

enum view recedit_screen(const struct recedit *re)
{
    if (re->editing)
        return SCREEN_PROMPT;
    if (re->pick.open)
        return SCREEN_PICK;
    return re->level == RE_LIST ? SCREEN_LIST : SCREEN_FORM;
}

/* --- the lists ---------------------------------------------------------------- */

void recedit_answer(struct recedit *re, enum answer ans)
{
    bool yes = ans == ANSWER_YES;
    if (signoff_answer(re, yes))
        return;
    re->asking_delete = false;
    if (re->asking_keep) {
        re->asking_keep = false;
        if (ans == ANSWER_CANCEL) { /* unanswered: nothing done, the form stays */
            say(re, false, _("Still in the form: fill in what is missing, or %s again"),
                action_key_str(ACT_BACK, SCREEN_FORM));
            return;
        }
        if (!yes) {
            fresh_drop(re);
            say(re, false, "%s", _("Nothing added: the new entry is deleted"));
            return;
        }
        form_leave(re);
        say(re, false, "%s", _("Kept incomplete: the validation lists what is missing"));
        return;
    }
    re->fresh = false;
    struct collection *c = cur_coll(re);
    size_t i = re->level == RE_FORM ? re->rec : re->list_cur;
    if (!yes || !c || i >= c->n) {
        say(re, false, "%s", _("Nothing deleted"));
        return;
    }
    char msg[sizeof re->message], *name = xstrdup(entry_name(re, c, i)), names[200];
    /* rounds keep it as assessed: the message names them, read whole as
     * the question was (wrapped, not cut at the line's end) */
    bool kept = !re->round && c->r[i].id
                && session_rounds_using(re->s, c->def->key, c->r[i].id, names, sizeof names);
    core_delete_entry(re->s, re_doc(re), c, i, name, msg, sizeof msg);
    say(re, kept, "%s", msg);
    free(name);
    if (re->list_cur >= c->n && c->n)
        re->list_cur = c->n - 1;
    re->level = RE_LIST;
    if (re->round && re->form_only)
        re->done = true; /* back to the round's screen it was opened from */
}

/* d: ask before deleting entry i, naming the rounds that refer to it:
 * they keep it as assessed (core/entries.h). */
#define DELETE_NAME_COLS 40

void ask_delete(struct recedit *re, struct collection *c, size_t i)
{
    char names[200];
    size_t n = !re->round && c->r[i].id
                   ? session_rounds_using(re->s, c->def->key, c->r[i].id, names, sizeof names) : 0;
    re->asking_delete = true;
    /* a long name is shortened: the question and its answers always show */
    char *name = utf8_ellipsize(entry_name(re, c, i), DELETE_NAME_COLS, glyph("\xE2\x80\xA6", "~"), 1);
    int sc = c == &re->s->profile.c[COLL_IMPACT] ? COLL_IMPACT : c == &re->s->profile.c[COLL_LIKELIHOOD] ? COLL_LIKELIHOOD : -1;
    if (!re->round && sc >= 0 && c->r[i].v[LEVEL_LEVEL].set) {
        /* a level risks use: the question says how many it leaves off the scale */
        size_t uses = 0;
        for (size_t k = 0; k < re->s->nrounds; k++)
            uses += scale_level_uses(&re->s->rounds[k]->r, sc, c->r[i].v[LEVEL_LEVEL].i);
        if (uses) {
            say(re, true, P_("Delete \"%s\"? %zu risk of the rounds uses this level: it goes off the scale (flagged). %s",
                             "Delete \"%s\"? %zu risks of the rounds use this level: they go off the scale (flagged). %s", uses),
                name, uses, action_yes_no());
            free(name);
            return;
        }
    }
    if (n)
        say(re, true, P_("Delete \"%s\"? Round %s keeps its name. %s", "Delete \"%s\"? Rounds %s keep its name. %s", n),
            name, names, action_yes_no());
    else
        say(re, true, _("Delete \"%s\"? %s deletes, %s keeps it"), name,
            action_key_str(ACT_YES, SCREEN_QUESTION), action_key_str(ACT_NO, SCREEN_QUESTION));
    free(name);
}

static bool list_action(struct recedit *re, enum action a)
{
    struct collection *c = cur_coll(re);
    if (rows_move(&re->list_cur, c->n, a, re->page))
        return true;
    switch (a) {
    case ACT_SELECT:
        if (c->n) {
            re->fresh = false;
            re->rec = re->list_cur;
            re->level = RE_FORM;
            re->field_cur = re->form_top = 0;
        }
        return true;
    case ACT_ADD:
        add_entry(re);
        return true;
    case ACT_DELETE:
        if (c->n && !read_only(re))
            ask_delete(re, c, re->list_cur);
        return true;
    case ACT_MOVE_UP:
    case ACT_MOVE_DOWN: {
        if (!coll_reorderable(c->def))
            return false; /* a record of what happened keeps its order */
        if (!c->n || read_only(re))
            return true;
        size_t to = a == ACT_MOVE_UP ? (re->list_cur ? re->list_cur - 1 : 0)
                                     : (re->list_cur + 1 < c->n ? re->list_cur + 1 : re->list_cur);
        core_move(re->s, re_doc(re), c, re->list_cur, to);
        re->list_cur = to;
        return true;
    }
    case ACT_BACK:
        re->done = true;
        return true;
    default:
        return false;
    }
}

bool recedit_action(struct recedit *re, enum action a)
{
    if (re->editing)
        return edit_action(re, a);
    if (re->pick.open)
        return pick_action(re, a);
    re->message[0] = '\0';
    switch (re->level) {
    case RE_LIST: return list_action(re, a);
    case RE_FORM: return form_action(re, a);
    }
    return false;
}

void recedit_hide_keys(const struct recedit *re)
{
    action_hide(ACT_DELETE, recedit_screen(re) == SCREEN_FORM && cur_section(re)->kind != SEC_COLL);
    /* sign-offs are a record: J and K do not reorder them */
    const struct collection *c = cur_section(re)->kind == SEC_COLL ? cur_coll((struct recedit *)re) : NULL;
    bool fixed = c && !coll_reorderable(c->def);
    action_hide(ACT_MOVE_UP, fixed);
    action_hide(ACT_MOVE_DOWN, fixed);
}

/* --- drawing ------------------------------------------------------------------ */

static char *list_line(void *ctx, size_t i, bool *warn)
{
    struct recedit *re = ctx;
    struct collection *c = cur_coll(re);
    char *s = record_line(re, cur_section(re)->coll, &c->r[i]);
    *warn = strstr(s, " ! ") != NULL;
    return s;
}

static void draw_header(struct recedit *re, int cols)
{
    struct strbuf sb = STRBUF_INIT;
    const char *sep = glyph(" \xE2\x80\xBA ", " > ");
    if (re->round)
        sb_printf(&sb, "kijun%s%s%s%s", sep, _("Assessment"), sep, re->round->name);
    else
        sb_printf(&sb, "kijun%s%s", sep, _("Profile"));
    sb_printf(&sb, "%s%s", sep, _(cur_section(re)->label));
    if (re->level == RE_FORM && cur_section(re)->kind == SEC_COLL) {
        struct collection *c = cur_coll(re);
        if (re->rec < c->n)
            sb_printf(&sb, "%s%s", sep, entry_name(re, c, re->rec));
    }
    chrome_title(cols, sb_str(&sb));
    sb_free(&sb);
}

void recedit_draw_status(struct recedit *re, int y, int cols)
{
    struct session *s = re->s;
    if (re->editing) {
        if (re->message[0])
            draw_cell(y, 0, cols, re->message, role_attr(re->message_is_error ? ROLE_NOTICE : ROLE_STATUS));
        else /* the keys in force */
            chrome_editing(y, cols);
        return;
    }
    struct strbuf sb = STRBUF_INIT;
    const char *bar = glyph(" \xE2\x94\x82 ", " | ");
    char *ws = short_path(s->label, 16);
    char file[96];
    snprintf(file, sizeof file, re->round ? "assessments/%.64s.cfg" : "profile.cfg",
             re->round ? re->round->name : "");
    sb_printf(&sb, " %s%s%s", ws, bar, file);
    free(ws);
    chrome_status(y, cols, sb_str(&sb), re->message, re->message_is_error);
    sb_free(&sb);
}

void recedit_draw(struct recedit *re, int rows, int cols)
{
    int body = rows - 3;
    re->page = body > 2 ? body - 1 : 1;
    draw_header(re, cols);
    int y = 1;
    switch (re->level) {
    case RE_LIST: {
        struct collection *c = cur_coll(re);
        struct strbuf t = STRBUF_INIT;
        sb_printf(&t, P_("%s: %zu entry", "%s: %zu entries", c->n), _(cur_section(re)->label), c->n);
        draw_cell(y, 0, cols, sb_str(&t), role_attr(ROLE_HEADING));
        sb_free(&t);
        if (!c->n) {
            draw_blank(y + 1, 0, cols, A_NORMAL);
            char key[16], text[160];
            snprintf(text, sizeof text, _("No entries yet: press %s to add one."),
                     action_key_name(ACT_ADD, SCREEN_LIST, key, sizeof key));
            draw_blank(y + 2, 0, 2, A_NORMAL); /* nothing of the screen before stays */
            draw_cell(y + 2, 2, cols - 2, text, role_attr(ROLE_DIM));
            for (int r = 3; r < body; r++)
                draw_blank(y + r, 0, cols, A_NORMAL);
        } else {
            rows_draw(y + 1, body - 1, cols, c->n, &re->list_cur, &re->list_top, list_line, re);
        }
        break;
    }
    case RE_FORM:
        draw_form(re, y, body, cols);
        break;
    }
    if (re->pick.open)
        draw_pick(re, y, body, cols);
    recedit_draw_status(re, rows - 2, cols);
    if (re->editing)
        form_cursor(re, y, cols);
}
