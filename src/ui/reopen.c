/* reopen: closed rounds on the screen, and the form that reopens one. */
#include "config.h"
#include "ui/reopen.h"
#include "core/edits.h"
#include "core/rounds.h"
#include "model/rules.h"
#include "ui/draw.h"
#include "util/i18n.h"
#include "util/utf8.h"
#include <curses.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

void reopen_init(struct reopen_form *f)
{
    memset(f, 0, sizeof *f);
    lineedit_init(&f->by, "", 200);
    lineedit_init(&f->why, "", 1000);
}

void reopen_free(struct reopen_form *f)
{
    lineedit_free(&f->by);
    lineedit_free(&f->why);
}

bool ui_refused(const struct session *s, const struct round *r, char *msg, size_t size)
{
    if (s->read_only) {
        snprintf(msg, size, _("Read-only: %s"), s->why_read_only);
        return true;
    }
    if (!r || !round_closed(r))
        return false;
    char key[16];
    snprintf(msg, size, _("Round %s is closed (all steps signed off): %s on the round's screen reopens it"), r->name,
             action_key_name(ACT_REOPEN, SCREEN_STEPS, key, sizeof key));
    return true;
}

/* Who is at the keyboard, as the system knows it: a default to change. */
static const char *login_name(void)
{
    const char *n = getlogin();
    if (n && *n)
        return n;
    const struct passwd *pw = getpwuid(getuid());
    return pw && pw->pw_name ? pw->pw_name : "";
}

bool reopen_start(struct reopen_form *f, const struct session *s, struct round *r, char *msg, size_t size)
{
    if (!r)
        return false;
    if (s->read_only) {
        snprintf(msg, size, _("Read-only: %s"), s->why_read_only);
        return false;
    }
    if (!round_closed(r)) {
        snprintf(msg, size, _("Round %s is not closed: nothing to reopen"), r->name);
        return false;
    }
    f->open = true;
    f->field = 0;
    f->round = r;
    lineedit_set(&f->by, login_name());
    lineedit_set(&f->why, "");
    snprintf(msg, size, _("Reopening round %s"), r->name);
    return true;
}

/* The reason being typed is core state (a draft), journaled as any text
 * in an open field. */
static void keep_draft(struct reopen_form *f, struct session *s)
{
    if (f->field != 1)
        return;
    if (!s->draft.open) {
        struct round_doc *rd = NULL;
        for (size_t i = 0; i < s->nrounds && !rd; i++)
            if (&s->rounds[i]->r == f->round)
                rd = s->rounds[i];
        if (!rd)
            return;
        struct collection *c = &rd->r.c[RC_REOPENED];
        core_draft_open_new(s, &rd->d, c, REOPEN_WHY);
    }
    core_draft_text(s, lineedit_text(&f->why));
}

bool reopen_action(struct reopen_form *f, struct session *s, enum action a, const char *today,
                   char *msg, size_t size, bool *error)
{
    struct lineedit *e = f->field ? &f->why : &f->by;
    *error = false;
    switch (a) {
    case ACT_EDIT_CANCEL:
        f->open = false;
        core_draft_close(s);
        snprintf(msg, size, "%s", _("Not reopened"));
        return true;
    case ACT_EDIT_ACCEPT: {
        if (f->field == 0) {
            f->field = 1;
            return true;
        }
        const char *by = lineedit_text(&f->by), *why = lineedit_text(&f->why);
        if (!*why) {
            *error = true;
            snprintf(msg, size, _("Why is it reopened? The reason is required (%s cancels)"),
                     action_key_str(ACT_EDIT_CANCEL, SCREEN_PROMPT));
            return true;
        }
        core_draft_close(s); /* the reason goes into the reopening itself */
        *error = !core_reopen_round(s, f->round, by, why, today, msg, size);
        if (*error && !*by)
            f->field = 0;
        else
            f->open = false;
        return true;
    }
    default: {
        bool done = lineedit_action(e, a) != EDIT_NONE;
        keep_draft(f, s);
        return done;
    }
    }
}

void reopen_input(struct reopen_form *f, struct session *s, const char *utf8)
{
    lineedit_input(f->field ? &f->why : &f->by, utf8);
    keep_draft(f, s);
}

void reopen_draw(struct reopen_form *f, int y, int cols)
{
    char head[200];
    snprintf(head, sizeof head, _("Reopen round %s, closed on %s; both are recorded in its file"), f->round->name,
             round_closed_on(f->round));
    draw_blank(y, 0, cols, role_attr(ROLE_HEADING));
    draw_cell(y, 1, cols - 1, head, role_attr(ROLE_HEADING));
    const char *labels[2] = {_("Reopened by"), _("Why")};
    int lw = 0;
    for (int i = 0; i < 2; i++)
        lw = utf8_width(labels[i]) > lw ? utf8_width(labels[i]) : lw;
    int vx = lw + 4, vw = cols - vx - 1, cx = vx;
    for (int i = 0; i < 2; i++) {
        struct lineedit *e = i ? &f->why : &f->by;
        draw_blank(y + 1 + i, 0, cols, A_NORMAL);
        draw_cell(y + 1 + i, 1, lw + 2, labels[i], role_attr(ROLE_LABEL));
        draw_cell(y + 1 + i, lw + 2, 2, i ? "*" : "", role_attr(ROLE_LABEL));
        int c = lineedit_draw(e, y + 1 + i, vx, vw, role_attr(i == f->field ? ROLE_SELECTED_DIM : ROLE_NORMAL));
        if (i == f->field)
            cx = c;
    }
    draw_blank(y + 3, 0, cols, A_NORMAL);
    char hint[200];
    snprintf(hint, sizeof hint, _("%s: next field, then reopen; %s: cancel, nothing is recorded"),
             action_key_str(ACT_EDIT_ACCEPT, SCREEN_PROMPT), action_key_str(ACT_EDIT_CANCEL, SCREEN_PROMPT));
    draw_cell(y + 3, 1, cols - 1, hint, role_attr(ROLE_DIM));
    move(y + 1 + f->field, cx < cols ? cx : cols - 1);
}

const char *round_state_words(const struct round *r, bool changed_outside)
{
    if (!round_closed(r))
        return "";
    return changed_outside ? _("[closed, changed outside kijun!] ") : _("[closed] ");
}

bool ui_changed_outside(const struct session *s, const struct round *r)
{
    /* a digest of the whole round: once per edit, not per key */
    static const struct round *last;
    static unsigned long gen;
    static bool changed;
    if (r != last || s->gen != gen) {
        last = r;
        gen = s->gen;
        changed = round_changed_outside(r);
    }
    return changed;
}

void round_state_draw(const struct session *s, const struct round *r, int y, int cols)
{
    char line[600], key[16];
    const struct collection *ro = &r->c[RC_REOPENED];
    action_key_name(ACT_REOPEN, SCREEN_STEPS, key, sizeof key);
    bool warn = round_closed(r) && ui_changed_outside(s, r);
    if (warn)
        snprintf(line, sizeof line, _("! Closed %s, then changed outside kijun (see Validation); %s reopens it"),
                 round_closed_on(r), key);
    else if (round_closed(r))
        snprintf(line, sizeof line, _("Closed on %s: read-only; %s reopens it (who and why are recorded)"),
                 round_closed_on(r), key);
    else if (ro->n)
        snprintf(line, sizeof line, _("Reopened on %s by %s: %s"), rec_str(&ro->r[ro->n - 1], REOPEN_DATE),
                 rec_str(&ro->r[ro->n - 1], REOPEN_BY), rec_str(&ro->r[ro->n - 1], REOPEN_WHY));
    else
        return;
    draw_cell(y, 0, cols, line, role_attr(warn ? ROLE_NOTICE : ROLE_LABEL));
}

/* The i-th event of the history: closings and reopenings alternate, a
 * closing first; the surplus of either (a history written by hand) last. */
static const struct record *event(const struct round *r, size_t i, bool *closing)
{
    const struct collection *cl = &r->c[RC_CLOSED], *ro = &r->c[RC_REOPENED];
    size_t pairs = cl->n < ro->n ? cl->n : ro->n;
    if (i < 2 * pairs) {
        *closing = i % 2 == 0;
        return &(*closing ? cl : ro)->r[i / 2];
    }
    *closing = cl->n > pairs;
    return &(*closing ? cl : ro)->r[pairs + i - 2 * pairs];
}

void round_history_draw(const struct round *r, int y, int height, int cols)
{
    size_t n = r->c[RC_CLOSED].n + r->c[RC_REOPENED].n;
    if (!n || height < 2)
        return;
    draw_cell(y, 0, cols, _("Closings and reopenings:"), role_attr(ROLE_LABEL));
    size_t shown = n < (size_t)height - 1 ? n : (size_t)height - 1; /* the newest */
    for (size_t k = 0; k < shown; k++) {
        bool closing;
        const struct record *x = event(r, n - shown + k, &closing);
        char line[700];
        if (closing)
            snprintf(line, sizeof line, _("  %s closed (content digest %s)"), rec_str(x, CLOSED_DATE),
                     rec_str(x, CLOSED_DIGEST));
        else
            snprintf(line, sizeof line, _("  %s reopened by %s%s: %s"), rec_str(x, REOPEN_DATE),
                     rec_str(x, REOPEN_BY),
                     x->v[REOPEN_CHANGED_OUTSIDE].b ? _(" (changed outside kijun)") : "",
                     rec_str(x, REOPEN_WHY));
        draw_cell(y + 1 + (int)k, 0, cols, line, A_NORMAL);
    }
}
