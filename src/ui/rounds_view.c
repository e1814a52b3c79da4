/* rounds_view: the rounds screen of the assessment: each round's line
 * (date, state, risks, the next step), the prompt for a new round's name,
 * a copy's, a new name, an export's file (and scoping's new resource),
 * and the question before a round is deleted. */
#include "config.h"
#include "ui/assess_private.h"
#include "core/export.h"
#include "core/rounds.h"
#include "ui/draw.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void start_prompt(struct aview *av, enum av_prompt kind)
{
    av->prompt_kind = kind;
    prompt_start(&av->prompt, kind == AVP_RENAME ? av->s->rounds[av->cur[AV_ROUNDS]]->r.name : "");
    if (kind == AVP_RESOURCE) /* scoping says what it is for */
        return;
    const char *ok = action_key_str(ACT_EDIT_ACCEPT, SCREEN_PROMPT), *no = action_key_str(ACT_EDIT_CANCEL, SCREEN_PROMPT);
    say(av, false, kind == AVP_NEW_ROUND ? _("Name of the new round (e.g. 2027), %s makes it, %s cancels")
                 : kind == AVP_COPY ? _("Name of the copy, %s makes it, %s cancels")
                                    : _("New name of the round (its file name), %s renames, %s cancels"), ok, no);
}

void start_export(struct aview *av, size_t i)
{
    if (i >= av->s->nrounds)
        return;
    if (session_modified(av->s)) {
        char key[16];
        say(av, true, _("Save first (%s): a report names the files it was made from, as they are saved"),
            action_key_name(ACT_SAVE, SCREEN_ROUNDS, key, sizeof key));
        return;
    }
    const char *changed = session_export_stale(av->s);
    if (changed) { /* a report says what the files hold, not an older copy */
        say(av, true, _("%s changed on disk since kijun read it: open the workspace again to export it"),
            changed);
        return;
    }
    char path[4200];
    export_default_path(av->s->dir, av->s->rounds[i]->r.name, EXPORT_HTML, path, sizeof path);
    free(av->export_over);
    av->export_over = NULL;
    av->export_round = i;
    av->prompt_kind = AVP_EXPORT;
    prompt_start(&av->prompt, path);
    say(av, false, _("Export round %s: .html board report, .md report, .csv register, .json all"),
        av->s->rounds[i]->r.name);
}

/* The round's export to the file typed, said where it went; a name
 * refused keeps the prompt open, its text to correct. */
static void finish_export(struct aview *av, const char *path)
{
    int f = export_format_of_path(path);
    if (f < 0) { /* the prompt stays, its text to correct */
        say(av, true, _("%s: the file's name ends in .html, .md, .csv or .json, which says what to export"), path);
        prompt_keep(&av->prompt);
        return;
    }
    char err[700];
    if (!export_path_outside(av->s->dir, path, err, sizeof err)) {
        say(av, true, "%s", err);
        prompt_keep(&av->prompt);
        return;
    }
    struct stat st;
    if (stat(path, &st) == 0 && (!av->export_over || strcmp(av->export_over, path) != 0)) {
        /* asked once: Enter again writes over it */
        free(av->export_over);
        av->export_over = xstrdup(path);
        say(av, true, _("%s is there already: %s again writes over it, or change the name"), path,
            action_key_str(ACT_EDIT_ACCEPT, SCREEN_PROMPT));
        prompt_keep(&av->prompt);
        return;
    }
    /* .json is the whole workspace; the others, the round */
    struct export_request rq = {.format = (enum export_format)f,
                                .round = f == EXPORT_JSON ? NULL : av->s->rounds[av->export_round]->r.name,
                                .lang = av->lang};
    struct strbuf out = STRBUF_INIT;
    char what[300];
    struct diag_list dl = {0};
    if (!session_export(av->s, av->s->lib, &rq, &out, what, sizeof what, err, sizeof err)) {
        say(av, true, _("Nothing exported: %s"), err);
    } else if (!export_write(path, &out, &dl)) {
        char *d = dl.n ? diag_format(&dl.v[0]) : xstrdup(path);
        say(av, true, _("Nothing exported: %s"), d);
        free(d);
    } else {
        say(av, false, _("Exported %s to %s (kijun export --verify checks it against the files)"), what, path);
    }
    diag_clear(&dl);
    sb_free(&out);
}

/* Enter: the prompt (closed) gives its text to what it was for. */
static void finish_prompt(struct aview *av)
{
    const char *text = prompt_text(&av->prompt);
    if (av->prompt_kind == AVP_EXPORT) {
        finish_export(av, text);
        return;
    }
    if (av->prompt_kind == AVP_RESOURCE) {
        scope_add_finish(av, text);
        return;
    }
    char msg[512];
    if (av->prompt_kind == AVP_RENAME) {
        size_t i = core_rename_round(av->s, av->cur[AV_ROUNDS], text, msg, sizeof msg);
        say(av, i == ROUND_NONE, "%s", msg);
        if (i == ROUND_NONE) /* a name refused: the prompt stays, its text to correct */
            prompt_keep(&av->prompt);
        return;
    }
    /* by index: adding a round must not leave a pointer into the list behind */
    size_t from = av->prompt_kind == AVP_COPY ? av->cur[AV_ROUNDS] : ROUND_NONE;
    size_t i = core_new_round(av->s, text, from, av->today, msg, sizeof msg);
    say(av, i == ROUND_NONE, "%s", msg);
    if (i == ROUND_NONE)
        prompt_keep(&av->prompt);
    else {
        av->round = av->cur[AV_ROUNDS] = i;
        av->level = AV_STEPS;
        av->cur[AV_STEPS] = 0;
        checks_refresh(av);
    }
}

void ask_delete_round(struct aview *av)
{
    size_t i = av->cur[AV_ROUNDS];
    const struct round *r = &av->s->rounds[i]->r;
    char after[200], also[300] = "";
    if (session_rounds_after(av->s, i, after, sizeof after))
        snprintf(also, sizeof also, _("; round %s compares with it"), after);
    if (round_closed(r)) /* a record signed off: the question says so */
        snprintf(also + strlen(also), sizeof also - strlen(also), "%s", _("; closed"));
    if (!av->s->rounds[i]->fresh)
        say(av, false, P_("Delete round %s (%zu risk%s)? %s, a backup is kept", "Delete round %s (%zu risks%s)? %s, a backup is kept", r->c[RC_RISKS].n), r->name, r->c[RC_RISKS].n, also, action_yes_no());
    else /* never saved: no file, no backup */
        say(av, false, P_("Delete round %s (%zu risk%s, never saved)? %s", "Delete round %s (%zu risks%s, never saved)? %s", r->c[RC_RISKS].n), r->name, r->c[RC_RISKS].n, also, action_yes_no());
    av->asking_round = true;
}

bool name_prompt_action(struct aview *av, enum action a)
{
    switch (prompt_act(&av->prompt, a)) {
    case PROMPT_NONE: return false;
    case PROMPT_ACCEPTED: finish_prompt(av); return true;
    case PROMPT_CANCELLED: av->message[0] = '\0'; return true;
    default: return true; /* applied on Enter only */
    }
}

void draw_rounds(struct aview *av, int y, int height, int cols)
{
    size_t n = av->s->nrounds;
    draw_cell(y, 0, cols, _("Assessment rounds (assessments/*.cfg)"), role_attr(ROLE_HEADING));
    if (!n) {
        char key[16], text[160];
        snprintf(text, sizeof text, _("No round yet: press %s to start one."),
                 action_key_name(ACT_ADD, SCREEN_ROUNDS, key, sizeof key));
        draw_cell(y + 2, 2, cols - 2, text, role_attr(ROLE_DIM));
        return;
    }
    if (av->nround_next != n || av->rounds_gen != av->s->gen) {
        /* each round's next step, again only after an edit */
        av->round_next = xrealloc(av->round_next, n * sizeof *av->round_next);
        av->round_changed = xrealloc(av->round_changed, n * sizeof *av->round_changed);
        struct findings pf = {0}; /* once for every round */
        profile_findings(prof(av), av->s->lib, &pf);
        const struct round *flat = session_rounds_flat(av->s);
        for (size_t i = 0; i < n; i++) {
            struct checks c = {0};
            round_validate_with(flat, n, i, prof(av), &pf, av->s->lib, av->today, &c);
            const struct check *why;
            av->round_next[i] = next_step(&c, &why);
            av->round_changed[i] = round_changed_outside(&flat[i]);
            checks_free(&c);
        }
        findings_free(&pf);
        av->nround_next = n;
        av->rounds_gen = av->s->gen;
    }
    char **lines = xcalloc(n, sizeof *lines);
    for (size_t i = 0; i < n; i++) {
        struct round *r = &av->s->rounds[i]->r;
        enum step next = av->round_next[i];
        struct strbuf sb = STRBUF_INIT;
        const char *title = rec_str(&r->head, HEAD_TITLE);
        char bad[400];
        if (session_round_unreadable(av->s, r, bad, sizeof bad)) { /* no empty round: the file's error */
            sb_printf(&sb, _("%-8s could not be read: %s"), r->name, bad);
            lines[i] = sb_take(&sb);
            continue;
        }
        sb_printf(&sb, "%-8s %s | %s", r->name, rec_str(&r->head, HEAD_DATE),
                  round_state_words(r, av->round_changed[i]));
        if (*title) /* the title in words before what is cut first */
            sb_printf(&sb, "%s | ", title);
        sb_printf(&sb, P_("%zu risk | ", "%zu risks | ", r->c[RC_RISKS].n), r->c[RC_RISKS].n);
        if (next == STEP__COUNT)
            sb_adds(&sb, _("every check passes"));
        else
            sb_printf(&sb, _("next: %d %s"), (int)next + 1, step_title(av, next));
        if (!*title)
            sb_printf(&sb, " | %s", rec_str(&r->head, HEAD_PURPOSE));
        lines[i] = sb_take(&sb);
    }
    /* the highlighted round read whole below the list: its row cuts a
     * long title, or the error of a file that could not be read */
    int whole = height >= 12 ? 3 : 0;
    draw_list(av, y + 1, height - 1 - (whole ? whole + 1 : 0), cols, lines, NULL, n);
    if (whole) {
        size_t cur = av->cur[AV_ROUNDS];
        draw_hline(y + height - whole - 1, 0, cols);
        draw_wrapped(y + height - whole, 0, cols, whole, cur < n ? lines[cur] : "", A_NORMAL);
    }
    free_lines(lines, n);
}
