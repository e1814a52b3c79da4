/* conflict: a file changed by another program since kijun read it. */
#include "config.h"
#include "core/conflict.h"
#include "core/findings.h"
#include "model/rules.h"
#include "model/snapshot.h"
#include "store/atomic.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

bool conflict_check(struct session *s, struct doc *d, bool hash)
{
    if (!s->dir)
        return false;
    struct file_stamp now;
    if (hash)
        stamp_take(s->dir, d->name, &now);
    else
        stamp_identity(s->dir, d->name, &now);
    bool same = hash ? stamp_same(&d->stamp, &now) : stamp_same_identity(&d->stamp, &now);
    if (hash && d->restored_over)
        same = false; /* the journal's edits began on an older version */
    if (!same && !d->conflict) {
        d->conflict = true;
        /* the file's name: the screen says it, with its key of save */
        snprintf(s->conflict_notice, sizeof s->conflict_notice, "%s", d->name);
    }
    return !same;
}

struct doc *conflict_find(struct session *s)
{
    struct doc *found = NULL;
    if (doc_to_write(&s->pdoc) && conflict_check(s, &s->pdoc, true))
        found = &s->pdoc;
    if (!found && doc_to_write(&s->cdoc) && conflict_check(s, &s->cdoc, true))
        found = &s->cdoc;
    for (size_t i = 0; !found && i < s->nrounds; i++)
        if (doc_to_write(&s->rounds[i]->d) && conflict_check(s, &s->rounds[i]->d, true))
            found = &s->rounds[i]->d;
    return found;
}

void conflict_question(const struct session *s, const struct doc *d, char *msg, size_t size)
{
    (void)s;
    /* no keys: they are the screen's (its action table, kijunrc), and the
     * screen adds them to its question (ui/questions.c) */
    snprintf(msg, size, _("%s changed on disk since kijun read it: nothing was written"), d->name);
}

static struct round_doc *round_of(struct session *s, struct doc *d)
{
    for (size_t i = 0; i < s->nrounds; i++)
        if (&s->rounds[i]->d == d)
            return s->rounds[i];
    return NULL;
}

/* Apply the log's changes of d to the document in ds; drop those that
 * cannot apply (an edit of a round their version has closed among them). */
static void redo(struct session *s, const struct doc *d, const struct docset *ds, size_t *applied,
                 size_t *failed)
{
    size_t k = 0;
    *applied = *failed = 0;
    for (size_t i = 0; i < s->log.n; i++) {
        struct docchange *c = &s->log.v[i];
        if (strcmp(c->file, d->name) != 0) {
            s->log.v[k++] = *c;
        } else if (!(ds->round && round_closed(ds->round) && c->def != round_coll_defs[RC_REOPENED])
                   && change_apply(c, ds, NULL)) { /* their version closed: as edits.c, none but a reopening */
            (*applied)++;
            s->log.v[k++] = *c;
        } else {
            (*failed)++;
            change_free(c);
        }
    }
    s->log.n = k;
}

enum conflict_refusal conflict_reload_refusal(const struct session *s, const struct doc *d)
{
    if (!d->on_disk)
        return REFUSE_NEW_HERE;
    if (d->restored_over)
        return REFUSE_JOURNAL_WHOLE;
    struct file_stamp st;
    stamp_take(s->dir, d->name, &st);
    return st.exists ? REFUSE_NONE : REFUSE_REMOVED;
}

bool conflict_reload(struct session *s, struct doc *d, size_t *applied, size_t *failed,
                     char *msg, size_t size)
{
    if (!d->on_disk) {
        /* made here (new, copied, renamed): the file another program made
         * at its name is another document, not an older version of it */
        snprintf(msg, size, _("Not reloaded: %s is new here, and another program made a file of "
                              "that name: o writes yours over it (theirs kept as %s~), b beside, "
                              "Esc and R renames yours"), d->name, d->name);
        *applied = *failed = 0;
        return false;
    }
    if (d->restored_over) {
        /* the journal holds the document, not its edits one by one */
        snprintf(msg, size, _("Not reloaded: %s came back from the journal whole, its edits cannot be "
                              "redone one by one: o writes it over (the other kept as %s~), b beside"),
                 d->name, d->name);
        *applied = *failed = 0;
        return false;
    }
    struct file_stamp st;
    stamp_take(s->dir, d->name, &st); /* before reading: a later change is noticed */
    if (!st.exists) {
        /* nothing to reload: an empty document would be saved over nothing */
        snprintf(msg, size, _("Not reloaded: another program removed %s: o writes yours in its place, "
                              "b beside, Esc leaves it"), d->name);
        *applied = *failed = 0;
        return false;
    }
    char *path = ws_path(s->dir, d->name);
    struct diag_list dl = {0};
    struct ws_file info = {0};
    struct round_doc *rd = round_of(s, d);
    struct profile p;
    struct checklist c;
    struct round r;
    enum ws_status ws;
    if (d == &s->pdoc) {
        profile_init(&p);
        ws = ws_load_profile(path, s->lib, &p, &info, &dl);
    } else if (d == &s->cdoc) {
        checklist_init(&c);
        ws = ws_load_checklist(path, s->lib, &c, &info, &dl);
    } else {
        round_init(&r, rd->r.name);
        ws = ws_load_round(path, s->lib, &s->profile, &r, &info, &dl);
        if (ws == WS_OK)
            round_read_fill(&r, &s->profile);
    }
    free(path);
    free(info.path);
    if (ws == WS_UNREADABLE) {
        char *why = NULL;
        for (size_t i = 0; !why && i < dl.n; i++)
            if (dl.v[i].severity == DIAG_ERROR)
                why = diag_format(&dl.v[i]);
        snprintf(msg, size, _("Not reloaded: %s; your edits are kept"), why ? why : d->name);
        free(why);
        diag_clear(&dl);
        if (d == &s->pdoc)
            profile_free(&p);
        else if (d == &s->cdoc)
            checklist_free(&c);
        else
            round_free(&r);
        return false;
    }
    session_read_again(s, d->name, &dl); /* what reading it found, as of now */
    diag_clear(&dl);
    struct docset ds = {0};
    if (d == &s->pdoc) {
        ds.profile = &p;
        redo(s, d, &ds, applied, failed);
        profile_free(&s->profile);
        s->profile = p;
    } else if (d == &s->cdoc) {
        ds.checklist = &c;
        redo(s, d, &ds, applied, failed);
        checklist_free(&s->checklist);
        s->checklist = c;
    } else {
        ds.round = &r;
        redo(s, d, &ds, applied, failed);
        round_free(&rd->r);
        rd->r = r; /* the round_doc stays where it is */
    }
    d->stamp = st;
    d->base_journaled = false; /* the edits begin on the reloaded file now */
    if (info.has_comments) { /* the other program wrote comments: the save asks again */
        if (d == &s->pdoc)
            s->pinfo.has_comments = true;
        else if (d == &s->cdoc)
            s->cinfo.has_comments = true;
        else
            s->rounds_have_comments = true;
        s->comments_ok = false;
    }
    d->on_disk = ws == WS_OK;
    d->conflict = false;
    d->edits++; /* modified: the redone edits are to be saved */
    s->gen++;
    if (*failed)
        snprintf(msg, size, _("Reloaded %s: %zu redone, %zu not (entry gone)"),
                 d->name, *applied, *failed);
    else
        snprintf(msg, size, P_("Reloaded %s: %zu edit redone; s saves", "Reloaded %s: %zu edits redone; s saves", *applied),
                 d->name, *applied);
    return true;
}

bool conflict_overwrite(struct session *s, struct doc *d, char *msg, size_t size)
{
    bool unchanged = true;
    diag_clear(&s->diags);
    struct file_stamp was;
    stamp_identity(s->dir, d->name, &was);
    if (!session_save_doc(s, d, &unchanged)) {
        const struct diag *g = s->diags.n ? &s->diags.v[s->diags.n - 1] : NULL;
        snprintf(msg, size, _("Not saved: %s: %s"), d->name, g ? g->text : "?");
        return false;
    }
    session_log_keep_unsaved(s);
    s->gen++;
    if (was.exists)
        snprintf(msg, size, _("Saved; the other version is %s~"), d->name);
    else
        snprintf(msg, size, _("Saved %s again (it had been deleted)"), d->name);
    return true;
}

void conflict_beside_name(const char *docname, const struct tm *tm, int seq, char *out, size_t size)
{
    size_t stem = strlen(docname);
    if (stem > 4 && strcmp(docname + stem - 4, ".cfg") == 0)
        stem -= 4;
    char when[32];
    strftime(when, sizeof when, "%Y%m%d-%H%M%S", tm);
    if (seq > 0)
        snprintf(out, size, "%.*s.mine-%s-%d.cfg", (int)stem, docname, when, seq);
    else
        snprintf(out, size, "%.*s.mine-%s.cfg", (int)stem, docname, when);
}

bool conflict_beside(struct session *s, struct doc *d, char *name, size_t namesize,
                     char *msg, size_t size)
{
    struct round_doc *rd = round_of(s, d);
    char *text = d == &s->pdoc   ? ws_format_profile(&s->profile)
               : d == &s->cdoc ? ws_format_checklist(&s->checklist)
                               : ws_format_round(&rd->r);
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    struct diag_list dl = {0};
    if (!session_hold_lock(s, &dl)) {
        snprintf(msg, size, _("Not written beside: %s"), dl.v[0].text);
        diag_clear(&dl);
        free(text);
        return false;
    }
    char leaf[300];
    enum atomic_result res = ATOMIC_UNCHANGED;
    /* never over a file that is there: a second copy in the same second gets -1, -2 ... */
    for (int seq = 0; seq < 100 && res == ATOMIC_UNCHANGED; seq++) {
        conflict_beside_name(d->name, &tm, seq, leaf, sizeof leaf);
        char *path = ws_path(s->dir, leaf);
        res = atomic_create(path, text, strlen(text), &dl);
        free(path);
    }
    free(text);
    bool ok = res == ATOMIC_SAVED;
    if (ok) {
        if (name)
            snprintf(name, namesize, "%s", leaf);
        snprintf(msg, size, _("Saved beside as %s"), leaf);
        /* a copy beside a round is no round: the findings say so now, as
         * kijun check does, not only after the next start */
        struct diag_list strays = {0};
        ws_report_strays(s->dir, &strays);
        for (size_t i = 0; i < strays.n; i++) {
            bool known = false;
            for (size_t k = 0; k < s->read_diags.n && !known; k++)
                known = s->read_diags.v[k].file && strays.v[i].file
                        && strcmp(s->read_diags.v[k].file, strays.v[i].file) == 0
                        && strcmp(s->read_diags.v[k].text, strays.v[i].text) == 0;
            if (!known)
                diag_add(&s->read_diags, strays.v[i].severity, strays.v[i].file, strays.v[i].line, "%s",
                         strays.v[i].text);
        }
        diag_clear(&strays);
    } else {
        snprintf(msg, size, _("Not written beside: %s"), dl.n ? dl.v[0].text : leaf);
    }
    diag_clear(&dl);
    return ok;
}
