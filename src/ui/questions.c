/* questions: the answers to the workbench's questions: quit with unsaved
 * changes, save a commented file, delete (asked by the views), restore or
 * throw away the journal's edits, another writer's file (r, o, b, Esc);
 * saving and quitting as they ask; the message line of the view in front. */
#include "config.h"
#include "ui/app_private.h"
#include "core/conflict.h"
#include "ui/actions.h"
#include "ui/frame.h"
#include "util/i18n.h"
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* The message of the view in front: its buffer, size and error flag. */
char *app_message(struct app *a, size_t *size, bool **err)
{
    const struct view_entry *e = vstack_top(&a->views);
    return e->ops->message(&a->vc, e->self, size, err);
}

/* A message on the status line of the view in front. */
void app_say(struct app *a, bool error, const char *fmt, ...)
{
    size_t size;
    bool *err;
    char *buf = app_message(a, &size, &err);
    va_list ap;
    va_start(ap, fmt);
    message_vset(buf, size, err, error, fmt, ap);
    va_end(ap);
}

#define ANSWER(act) action_key_str(act, SCREEN_QUESTION)

const char *app_question(struct app *a)
{
    switch (a->ask) {
    case ASK_QUIT:
        snprintf(a->question, sizeof a->question,
                 _("Unsaved changes. Save before quitting? %s saves and quits, %s quits without saving, %s stays"),
                 ANSWER(ACT_YES), ANSWER(ACT_NO), ANSWER(ACT_CANCEL));
        return a->question;
    case ASK_COMMENTS:
        snprintf(a->question, sizeof a->question,
                 _("The files have comments, which saving drops (libconfig keeps none; use the note fields). "
                   "Save? %s saves, %s does not"), ANSWER(ACT_YES), ANSWER(ACT_NO));
        return a->question;
    case ASK_DELETE: {
        const struct view_entry *e = vstack_top(&a->views);
        return e->ops->question ? e->ops->question(&a->vc, e->self) : NULL;
    }
    case ASK_RECOVER:
        snprintf(a->question, sizeof a->question,
                 _("%s restores the unsaved edits of an earlier session, %s throws them away: %s"),
                 ANSWER(ACT_YES), ANSWER(ACT_NO), a->recover_question);
        return a->question;
    case ASK_DISCARD:
        snprintf(a->question, sizeof a->question,
                 _("Throw the unsaved edits of the earlier session away for good? %s throws them away, "
                   "%s keeps them and asks again"), ANSWER(ACT_YES), ANSWER(ACT_NO));
        return a->question;
    case ASK_WRITER:
        if (a->writer_asks && a->s->conflict) {
            snprintf(a->question, sizeof a->question,
                     _("%s changed on disk: %s reload, %s overwrite, %s save beside, %s leaves it, %s help"),
                     a->s->conflict->name, ANSWER(ACT_RELOAD), ANSWER(ACT_OVERWRITE), ANSWER(ACT_BESIDE),
                     ANSWER(ACT_CANCEL), ANSWER(ACT_EXPLAIN));
            return a->question;
        }
        return a->writer_question;
    default:
        return NULL;
    }
}

size_t app_writer_help(struct app *a, char out[][200], size_t n)
{
    const struct doc *d = a->s->conflict;
    size_t k = 0;
    for (; d && k < n && k < 5; k++) {
        switch (k) {
        case 0:
            snprintf(out[k], 200, _("%s was changed by another program since kijun read it. Nothing is lost:"),
                     d->name);
            break;
        case 1:
            snprintf(out[k], 200, _("%-4s reload it from disk and redo your unsaved edits of it on top"),
                     ANSWER(ACT_RELOAD));
            break;
        case 2:
            snprintf(out[k], 200, _("%-4s overwrite it with your version (the other one is kept as FILE~)"),
                     ANSWER(ACT_OVERWRITE));
            break;
        case 3:
            snprintf(out[k], 200, _("%-4s save your version beside it as FILE.mine-DATE-TIME.cfg, unsaved"),
                     ANSWER(ACT_BESIDE));
            break;
        default:
            snprintf(out[k], 200, _("%-4s cancel the save: nothing is written"), ANSWER(ACT_CANCEL));
            break;
        }
    }
    return k;
}

static void save(struct app *a)
{
    char msg[512];
    bool ok = session_save(a->s, msg, sizeof msg);
    if (!ok && a->s->conflict) {
        /* a file changed on disk: nothing was written, the user chooses */
        snprintf(a->writer_question, sizeof a->writer_question, "%s", msg);
        a->writer_asks = true;
        a->writer_help = false;
        a->ask = ASK_WRITER;
        return;
    }
    app_say(a, !ok, "%s", msg);
}

/* Why d was not reloaded, naming the keys that remain (else msg as the core said it). */
static void refusal(const struct doc *d, enum conflict_refusal why, char *msg, size_t size)
{
    const char *o = ANSWER(ACT_OVERWRITE), *b = ANSWER(ACT_BESIDE), *esc = ANSWER(ACT_CANCEL);
    switch (why) {
    case REFUSE_NEW_HERE:
        snprintf(msg, size, _("Not reloaded: %s is new here, and another program made a file of "
                              "that name: %s writes yours over it (theirs kept as %s~), %s beside, "
                              "%s and %s renames yours"), d->name, o, d->name, b, esc,
                 action_key_str(ACT_RENAME, SCREEN_ROUNDS));
        break;
    case REFUSE_JOURNAL_WHOLE:
        snprintf(msg, size, _("Not reloaded: %s came back from the journal whole, its edits cannot be "
                              "redone one by one: %s writes it over (the other kept as %s~), %s beside"),
                 d->name, o, d->name, b);
        break;
    case REFUSE_REMOVED:
        snprintf(msg, size, _("Not reloaded: another program removed %s: %s writes yours in its place, "
                              "%s beside, %s leaves it"), d->name, o, b, esc);
        break;
    case REFUSE_NONE:
        break;
    }
}

void app_answer_writer(struct app *a, int key)
{
    struct doc *d = a->s->conflict;
    char msg[512];
    enum action act = action_for_key(SCREEN_QUESTION, key);
    if (act == ACT_EXPLAIN) {
        a->writer_help = !a->writer_help;
        return;
    }
    if (act == ACT_QUIT) { /* ^C: nothing was written; quitting asks its own question */
        a->ask = ASK_NONE;
        a->writer_help = a->quit_after_save = false;
        app_request_quit(a);
        return;
    }
    if (act != ACT_RELOAD && act != ACT_OVERWRITE && act != ACT_BESIDE && act != ACT_CANCEL)
        return; /* the question stays until it is answered */
    a->ask = ASK_NONE;
    a->writer_help = false;
    bool quit = a->quit_after_save;
    a->quit_after_save = false;
    if (act == ACT_CANCEL || !d) {
        app_say(a, false, _("Save cancelled: %s left as it is"), d ? d->name : "?");
        return;
    }
    if (act == ACT_RELOAD && a->s->draft.open) {
        /* the field's place may not survive the reload: its text first */
        app_say(a, true, _("Not reloaded: close the field first (%s or %s), then %s"),
                action_key_str(ACT_EDIT_ACCEPT, SCREEN_PROMPT), action_key_str(ACT_EDIT_CANCEL, SCREEN_PROMPT),
                action_key_str(ACT_SAVE, SCREEN_BROWSER));
    } else if (act == ACT_RELOAD) {
        size_t applied, failed;
        bool ok = conflict_reload(a->s, d, &applied, &failed, msg, sizeof msg);
        if (!ok) { /* not reloaded: o, b and Esc remain, as the message says */
            refusal(d, conflict_reload_refusal(a->s, d), msg, sizeof msg);
            snprintf(a->writer_question, sizeof a->writer_question, "%s", msg);
            a->writer_asks = false;
            a->ask = ASK_WRITER;
            a->quit_after_save = quit;
            return;
        }
        views_reset(&a->v, a->s);
        app_say(a, failed, "%s", msg);
    } else if (act == ACT_BESIDE) {
        bool ok = conflict_beside(a->s, d, NULL, 0, msg, sizeof msg);
        app_say(a, !ok, "%s", msg);
    } else if (conflict_overwrite(a->s, d, msg, sizeof msg)) {
        char rest[512];
        /* the other documents too; a second changed file asks again */
        bool ok = session_save(a->s, rest, sizeof rest);
        if (!ok && a->s->conflict) {
            snprintf(a->writer_question, sizeof a->writer_question, "%s", rest);
            a->writer_asks = true;
            a->ask = ASK_WRITER;
            a->quit_after_save = quit;
            return;
        }
        app_say(a, !ok, "%s", ok ? msg : rest);
        a->quit = quit && ok && !session_modified(a->s);
    } else {
        app_say(a, true, "%s", msg);
    }
}

void app_request_save(struct app *a)
{
    if (a->s->read_only) {
        app_say(a, true, _("Read-only: %s"), a->s->why_read_only);
        return;
    }
    if (session_save_needs_consent(a->s)) {
        a->ask = ASK_COMMENTS;
        return;
    }
    save(a);
}

void app_request_quit(struct app *a)
{
    /* text being typed into a field is unsaved work too */
    bool typing = a->s->draft.open && a->s->draft.edits > 0;
    if ((session_modified(a->s) || typing) && !a->s->read_only)
        a->ask = ASK_QUIT;
    else
        a->quit = true;
}

void app_answer(struct app *a, int key)
{
    enum action act = action_for_key(SCREEN_QUESTION, key);
    if (act == ACT_QUIT && a->ask != ASK_QUIT && a->ask != ASK_RECOVER && a->ask != ASK_DISCARD) {
        a->ask = ASK_NONE; /* ^C: quitting asks its own question */
        app_request_quit(a);
        return;
    }
    bool yes = act == ACT_YES, no = act == ACT_NO, cancel = act == ACT_CANCEL;
    if (!yes && !no && !cancel)
        return; /* the question stays until it is answered */
    enum ask was = a->ask;
    a->ask = ASK_NONE;
    switch (was) {
    case ASK_QUIT:
        if (yes) {
            if (a->s->draft.open) { /* the text being typed is kept, then saved */
                const struct view_entry *e = vstack_top(&a->views);
                e->ops->act(&a->vc, e->self, ACT_EDIT_ACCEPT);
            }
            if (session_save_needs_consent(a->s))
                a->s->comments_ok = true; /* y here is the user's word */
            save(a);
            a->quit = !session_modified(a->s);
            a->quit_after_save = a->ask == ASK_WRITER;
        } else if (no) {
            session_discard(a->s); /* the user chose to lose the edits */
            a->quit = true;
        }
        break;
    case ASK_RECOVER:
        /* it must be answered: y, or n and y (an n typed in a word
         * must not throw them away) */
        a->ask = cancel ? ASK_RECOVER : no ? ASK_DISCARD : ASK_NONE;
        if (yes) {
            session_recover(a->s, true);
            if (*a->s->recovery_note) /* read whole */
                app_say(a, true, "%s", a->s->recovery_note);
            else
                app_say(a, true, _("Recovered the unsaved edits: %s saves them"),
                        action_key_str(ACT_SAVE, SCREEN_BROWSER));
        }
        break;
    case ASK_DISCARD:
        a->ask = yes ? ASK_NONE : ASK_RECOVER;
        if (yes) {
            session_recover(a->s, false);
            app_say(a, false, "%s", _("The unsaved edits were thrown away"));
        }
        break;
    case ASK_COMMENTS:
        if (yes) {
            a->s->comments_ok = true;
            save(a);
        } else {
            app_say(a, false, "%s", _("Not saved"));
        }
        break;
    case ASK_DELETE: {
        const struct view_entry *e = vstack_top(&a->views);
        if (e->ops->answer)
            e->ops->answer(&a->vc, e->self, yes ? ANSWER_YES : cancel ? ANSWER_CANCEL : ANSWER_NO);
        break;
    }
    default:
        break;
    }
}

/* What the opening of the workspace has to say, said once; the offer of
 * the journal's edits. */
void app_opening_notices(struct app *a)
{
    if (a->s->notice[0]) /* said once: it must be read whole */
        app_say(a, true, "%s", a->s->notice);
    if (a->opt->notice && *a->opt->notice) {
        size_t size;
        bool *err;
        char was[640];
        snprintf(was, sizeof was, "%s", app_message(a, &size, &err));
        app_say(a, true, "%s%s%s", was, *was ? " | " : "", a->opt->notice);
    }
    if (a->s->rec.available) {
        a->ask = ASK_RECOVER;
        snprintf(a->recover_question, sizeof a->recover_question, "%s", a->s->rec.summary);
    }
}