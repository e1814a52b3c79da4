/* assess_view: the risk assessment view: its life, the dispatch of its
 * actions and drawing to the screen in front (the rounds, a round's five
 * steps, the screens of the steps), the helpers they share, the header
 * and status line. The screens are rounds_view.c, steps_view.c,
 * scope_view.c, register_view.c (with the heat map), checks_view.c and
 * review_view.c; what they share is assess_private.h. */
#include "config.h"
#include <stdint.h>
#include "ui/assess_private.h"
#include "core/rounds.h"
#include "ui/draw.h"
#include "ui/regfilter.h"
#include "ui/review_lines.h"
#include "ui/rows.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The sections of a round (enum round_section), for its editor. */
static const struct section round_sections[] = {
    {SEC_HEAD, -1, N_("Preparation")},
    {SEC_COLL, RC_RISKS, N_("Risk register")},
    {SEC_COLL, RC_CLEAR, N_("Resources without risk")},
    {SEC_COLL, RC_SIGNOFFS, N_("Sign-offs")},
    {SEC_COLL, RC_REVIEWS, N_("Review log")},
};

struct round *cur_round(struct aview *av)
{
    return av->round < av->s->nrounds ? &av->s->rounds[av->round]->r : NULL;
}

/* The round the reopen key acts on: the one under the cursor, or shown. */
static struct round *key_round(struct aview *av)
{
    size_t i = av->level == AV_ROUNDS ? av->cur[AV_ROUNDS] : av->round;
    return i < av->s->nrounds ? &av->s->rounds[i]->r : NULL;
}

const struct profile *prof(const struct aview *av)
{
    return &av->s->profile;
}

/* The step's name as the Handbook (library) gives it, in the language. */
const char *step_title(const struct aview *av, enum step st)
{
    const struct ref_table *t = library_table(av->s->lib, "handbook");
    for (size_t i = 0; t && i < t->n; i++)
        if (ref_int(&t->items[i], "number", 0) == (long long)st + 1)
            return text_get(&t->items[i].title, av->lang);
    return _(step_name(st));
}

/* Today for the date checks of a round (see round_today). */
const char *today_for(const struct aview *av, const struct round *r)
{
    const struct round *flat = session_rounds_flat(av->s);
    size_t i = 0;
    while (i < av->s->nrounds && &av->s->rounds[i]->r != r)
        i++;
    return i < av->s->nrounds ? round_today(flat, av->s->nrounds, &flat[i], av->today) : av->today;
}

/* The checks of the round shown: run again only after an edit (of the
 * round or of the profile it reads) or when another round is shown. */
void checks_refresh(struct aview *av)
{
    if (cur_round(av)) /* its five steps just signed off, the form left: it closes */
        core_round_settle(av->s, cur_round(av), av->today);
    if (av->checks_ok && av->checks_gen == av->s->gen && av->checks_for == av->round)
        return;
    av->checks_ok = true;
    av->checks_gen = av->s->gen;
    av->checks_for = av->round;
    checks_free(&av->checks);
    struct round *r = cur_round(av);
    if (r)
        round_validate(session_rounds_flat(av->s), av->s->nrounds, av->round, prof(av), av->s->lib, av->today, &av->checks);
}

void aview_init(struct aview *av, struct session *s, enum lang lang)
{
    memset(av, 0, sizeof *av);
    av->s = s;
    av->lang = lang;
    recedit_init(&av->edit, s, lang, round_sections);
    prompt_init(&av->prompt, 256);
    reopen_init(&av->reopen);
    session_today(av->today);
    av->hm_i = av->hm_l = 1;
    av->reg_shown = SIZE_MAX;
    av->page = 10;
    /* start on the newest round */
    av->cur[AV_ROUNDS] = s->nrounds ? s->nrounds - 1 : 0;
}

void aview_rounds_loaded(struct aview *av)
{
    av->cur[AV_ROUNDS] = av->s->nrounds ? av->s->nrounds - 1 : 0;
}

void aview_free(struct aview *av)
{
    free(av->export_over);
    av->export_over = NULL;
    recedit_free(&av->edit);
    prompt_free(&av->prompt);
    reopen_free(&av->reopen);
    checks_free(&av->checks);
    free(av->round_next);
    free(av->round_changed);
    free(av->rows);
    free(av->scope);
    free(av->filter_text);
}

enum view aview_screen(const struct aview *av)
{
    if (av->prompt.open || av->reopen.open)
        return SCREEN_PROMPT;
    if (av->editing)
        return recedit_screen(&av->edit);
    switch (av->level) {
    case AV_ROUNDS: return SCREEN_ROUNDS;
    case AV_STEPS: return SCREEN_STEPS;
    case AV_SCOPE: return SCREEN_SCOPE;
    case AV_REGISTER: return SCREEN_REGISTER;
    case AV_HEATMAP: return SCREEN_HEATMAP;
    case AV_CHECKS: return SCREEN_CHECKS;
    default: return SCREEN_REVIEW;
    }
}

bool aview_asking(const struct aview *av)
{
    return av->asking_round || (av->editing && av->edit.asking_delete);
}

const char *aview_question(const struct aview *av)
{
    return av->asking_round ? av->message : av->edit.message;
}

void aview_answer(struct aview *av, enum answer ans)
{
    bool yes = ans == ANSWER_YES;
    if (av->asking_round) {
        av->asking_round = false;
        av->message[0] = '\0';
        if (yes && av->cur[AV_ROUNDS] < av->s->nrounds)
            core_delete_round(av->s, av->cur[AV_ROUNDS], av->message, sizeof av->message);
        av->message_is_error = false;
        if (av->cur[AV_ROUNDS] >= av->s->nrounds && av->cur[AV_ROUNDS])
            av->cur[AV_ROUNDS] = av->s->nrounds - 1;
        av->round = av->cur[AV_ROUNDS];
        return;
    }
    recedit_answer(&av->edit, ans);
    snprintf(av->message, sizeof av->message, "%s", av->edit.message);
    if (av->edit.done) {
        av->editing = false;
        checks_refresh(av);
        register_build(av);
    }
}

/* --- actions --------------------------------------------------------------- */

void open_edit(struct aview *av, enum round_section sec, size_t index)
{
    recedit_open_round(&av->edit, cur_round(av), sec, index);
    av->editing = true;
}

void add_in(struct aview *av, enum round_section sec)
{
    if (read_only(av, cur_round(av)))
        return;
    recedit_round_add(&av->edit, cur_round(av), sec);
    av->editing = !av->edit.done;
}

void open_step(struct aview *av, enum step st)
{
    av->back = AV_STEPS; /* a followed check sets AV_CHECKS after */
    switch (st) {
    case STEP_PREP: open_edit(av, RSEC_HEAD, 0); break;
    case STEP_SCOPE: av->level = AV_SCOPE; scope_build(av); break;
    case STEP_ASSESS: av->level = AV_REGISTER; av->back = AV_STEPS; register_build(av); break;
    case STEP_VALIDATE: av->level = AV_CHECKS; break;
    default: av->level = AV_REVIEW; break;
    }
}

void aview_input(struct aview *av, const char *utf8)
{
    if (av->prompt.open) {
        if (prompt_type(&av->prompt, utf8) == PROMPT_CHANGED && av->prompt_kind == AVP_FILTER)
            regfilter_typed(av); /* the register narrows as it is typed */
    } else if (av->reopen.open)
        reopen_input(&av->reopen, av->s, utf8);
    else if (av->editing)
        recedit_input(&av->edit, utf8);
}

static size_t level_rows(struct aview *av)
{
    switch (av->level) {
    case AV_ROUNDS: return av->s->nrounds;
    case AV_STEPS: return STEP__COUNT;
    case AV_SCOPE: return av->nscope;
    case AV_REGISTER: return av->nrows;
    case AV_CHECKS: return av->checks.n;
    case AV_REVIEW: {
        struct review_line *v;
        size_t n = review_lines(av, &v);
        review_free(v, n);
        return n;
    }
    default: return 0;
    }
}

static bool move_cursor(struct aview *av, enum action a)
{
    bool moved = rows_move(&av->cur[av->level], level_rows(av), a, av->page);
    if (moved && av->level == AV_REGISTER) { /* the highlight now, the preview when no key is pending */
        av->reg_follow = true;
        draw_follow_later();
    }
    return moved;
}

bool aview_action(struct aview *av, enum action a)
{
    if (av->prompt.open && av->prompt_kind == AVP_FILTER)
        return regfilter_prompt_action(av, a);
    if (av->prompt.open)
        return name_prompt_action(av, a);
    if (av->reopen.open)
        return reopen_action(&av->reopen, av->s, a, av->today, av->message, sizeof av->message, &av->message_is_error);
    if (av->editing) {
        bool used = recedit_action(&av->edit, a);
        if (av->edit.done) {
            av->editing = false;
            snprintf(av->message, sizeof av->message, "%s", av->edit.message);
            checks_refresh(av);
            register_build(av);
        }
        return used;
    }
    av->message[0] = '\0';
    checks_refresh(av);
    if (av->level == AV_HEATMAP)
        return heatmap_action(av, a);
    if (av->level != AV_HEATMAP && move_cursor(av, a))
        return true;
    switch (av->level) {
    case AV_ROUNDS:
        if (a == ACT_SELECT && av->s->nrounds) {
            av->round = av->cur[AV_ROUNDS];
            av->level = AV_STEPS;
            checks_refresh(av);
            return true;
        }
        /* in a read-only workspace the keys say why they do nothing */
        if (a == ACT_ADD) {
            if (!read_only(av, NULL))
                start_prompt(av, AVP_NEW_ROUND);
            return true;
        }
        if (a == ACT_COPY && av->s->nrounds) {
            if (!read_only(av, NULL))
                start_prompt(av, AVP_COPY);
            return true;
        }
        if (a == ACT_RENAME && av->s->nrounds) {
            if (read_only(av, NULL))
                return true;
            if (core_round_renamable(av->s, av->cur[AV_ROUNDS], av->message, sizeof av->message))
                start_prompt(av, AVP_RENAME);
            else /* said before a name is typed in vain */
                av->message_is_error = true;
            return true;
        }
        if (a == ACT_DELETE && av->s->nrounds) {
            if (!read_only(av, NULL))
                ask_delete_round(av);
            return true;
        }
        if (a == ACT_EXPORT && av->s->nrounds) {
            start_export(av, av->cur[AV_ROUNDS]);
            return true;
        }
        if (a == ACT_REOPEN && av->s->nrounds)
            av->message_is_error = !reopen_start(&av->reopen, av->s, key_round(av), av->message, sizeof av->message);
        return a == ACT_REOPEN;
    case AV_STEPS:
        if (a == ACT_SELECT) { open_step(av, (enum step)av->cur[AV_STEPS]); return true; }
        if (a == ACT_HEATMAP) { av->level = AV_HEATMAP; return true; }
        if (a == ACT_REGISTER) { open_step(av, STEP_ASSESS); return true; }
        if (a == ACT_SIGNOFF) { open_edit(av, RSEC_SIGNOFFS, (size_t)-1); return true; }
        if (a == ACT_EXPORT) { start_export(av, av->round); return true; }
        if (a == ACT_REOPEN) { av->message_is_error = !reopen_start(&av->reopen, av->s, key_round(av), av->message, sizeof av->message); return true; }
        if (a == ACT_BACK) { av->level = AV_ROUNDS; return true; }
        return false;
    case AV_SCOPE:
        if (a == ACT_TOGGLE_SCOPE) { scope_toggle(av); checks_refresh(av); return true; }
        if (a == ACT_NO_RISK) { no_risk_note(av); return true; }
        if (a == ACT_ADD) { scope_add(av); return true; }
        if (a == ACT_BACK) { av->level = av->back == AV_CHECKS ? AV_CHECKS : AV_STEPS; return true; }
        return false;
    case AV_REGISTER:
        return register_action(av, a);
    case AV_CHECKS:
        if (a == ACT_SELECT) { jump_to_check(av); return true; }
        if (a == ACT_SIGNOFF) { open_edit(av, RSEC_SIGNOFFS, (size_t)-1); return true; }
        if (a == ACT_BACK) { av->level = AV_STEPS; return true; }
        return false;
    case AV_REVIEW:
        if (a == ACT_SELECT) { review_enter(av); return true; }
        if (a == ACT_ADD) { add_in(av, RSEC_REVIEWS); return true; }
        if (a == ACT_COMPARE) { compare_next(av); return true; }
        if (a == ACT_BACK) { av->level = av->back == AV_CHECKS ? AV_CHECKS : AV_STEPS; return true; }
        return false;
    default:
        return false;
    }
}

/* --- drawing ------------------------------------------------------------------ */

struct line_array {
    char **lines;
    const bool *warn;
};

static char *array_line(void *ctx, size_t i, bool *warn)
{
    const struct line_array *la = ctx;
    *warn = la->warn && la->warn[i];
    return xstrdup(la->lines[i]);
}

/* Rows of text with the level's cursor; warn marks rows needing attention. */
void draw_list(struct aview *av, int y, int height, int cols, char **lines, const bool *warn,
                      size_t n)
{
    struct line_array la = {lines, warn};
    rows_draw(y, height, cols, n, &av->cur[av->level], &av->top[av->level], array_line, &la);
}

void free_lines(char **lines, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(lines[i]);
    free(lines);
}

static void draw_header(struct aview *av, int cols)
{
    const char *sep = glyph(" \xE2\x80\xBA ", " > ");
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "kijun%s%s", sep, _("Assessment"));
    struct round *r = cur_round(av);
    if (av->level != AV_ROUNDS && r)
        sb_printf(&sb, "%s%s", sep, r->name);
    static const enum step of_level[] = {0, 0, STEP_SCOPE, STEP_ASSESS, STEP_ASSESS, STEP_VALIDATE, STEP_REVIEW};
    if (av->level >= AV_SCOPE)
        sb_printf(&sb, "%s%d %s", sep, (int)of_level[av->level] + 1, step_title(av, of_level[av->level]));
    if (av->level == AV_HEATMAP)
        sb_printf(&sb, "%s%s", sep, _("Heat map"));
    chrome_title(cols, sb_str(&sb));
    sb_free(&sb);
}

void aview_draw(struct aview *av, int rows, int cols)
{
    if (av->editing) {
        recedit_draw(&av->edit, rows, cols);
        return;
    }
    int body = rows - 3, y = 1;
    av->page = body > 3 ? body - 2 : 1;
    draw_header(av, cols);
    for (int k = y; k < y + body; k++)
        draw_blank(k, 0, cols, A_NORMAL);
    if (av->level != AV_ROUNDS && !cur_round(av))
        av->level = AV_ROUNDS;
    checks_refresh(av); /* after an edit anywhere the progress is the edit's */
    action_hide(ACT_REOPEN, !key_round(av) || !round_closed(key_round(av)));
    action_hide(ACT_EXPORT, !av->s->nrounds);
    switch (av->level) {
    case AV_ROUNDS: draw_rounds(av, y, body, cols); break;
    case AV_STEPS: draw_steps(av, y, body, cols); break;
    case AV_SCOPE: scope_build(av); draw_scope(av, y, body, cols); break;
    case AV_REGISTER: draw_register(av, y, body, cols); break;
    case AV_HEATMAP: draw_heatmap(av, y, body, cols); break;
    case AV_CHECKS: draw_checks(av, y, body, cols); break;
    case AV_REVIEW: draw_review(av, y, body, cols); break;
    }
    /* the status line */
    struct strbuf sb = STRBUF_INIT;
    char *ws = short_path(av->s->label, 16);
    const char *bar = glyph(" \xE2\x94\x82 ", " | ");
    sb_printf(&sb, " %s%s%s%s%s", ws, bar, _("today"), " ", av->today);
    free(ws);
    if (av->reopen.open) {
        chrome_status(rows - 2, cols, sb_str(&sb), av->message, av->message_is_error);
        reopen_draw(&av->reopen, rows - 7, cols);
    } else if (av->prompt.open) {
        if (av->message[0]) /* what the prompt asks, above it, read whole */
            draw_question(rows - 3, cols, 3, av->message, role_attr(ROLE_NOTICE));
        /* the prompt says what it is for: the text filter by name; the
         * cursor, and a long path's end, kept in view */
        prompt_draw(&av->prompt, rows - 2, 0, cols, av->prompt_kind == AVP_FILTER ? _("Filter: ") : "> ");
    } else {
        chrome_status(rows - 2, cols, sb_str(&sb), av->message, av->message_is_error);
    }
    sb_free(&sb);
}
