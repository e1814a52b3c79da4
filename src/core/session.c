/* session: the open workspace, its counters, journal and saving. */
#include "config.h"
#include "core/session.h"
#include "core/rounds.h"
#include "model/rules.h"
#include "model/snapshot.h"
#include "model/validate.h"
#include "core/conflict.h"
#include "store/draft.h"
#include "store/journal.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <time.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>


static void make_read_only(struct session *s, const char *why)
{
    if (!s->read_only)
        snprintf(s->why_read_only, sizeof s->why_read_only, "%s", why);
    s->read_only = true;
}

struct round_doc *round_doc_new(const char *name, bool on_disk)
{
    struct round_doc *rd = xcalloc(1, sizeof *rd);
    round_init(&rd->r, name);
    snprintf(rd->name, sizeof rd->name, "assessments/%s.cfg", name);
    rd->d.name = rd->name;
    rd->d.on_disk = on_disk;
    return rd;
}

size_t session_add_round(struct session *s, struct round_doc *rd)
{
    s->rounds = xrealloc(s->rounds, (s->nrounds + 1) * sizeof *s->rounds);
    s->rounds[s->nrounds] = rd;
    if (!rd->d.on_disk && s->dir) /* no file yet: one that appears is another writer's */
        stamp_identity(s->dir, rd->d.name, &rd->d.stamp);
    s->gen++;
    return s->nrounds++;
}

void session_open_deferred(struct session *s, const struct library *lib, const char *dir,
                  const char *label, bool demo)
{
    memset(s, 0, sizeof *s);
    s->lib = lib;
    s->demo = demo;
    profile_init(&s->profile);
    checklist_init(&s->checklist);
    s->pdoc.name = "profile.cfg";
    s->cdoc.name = "checklist.cfg";
    s->pdoc.on_disk = s->cdoc.on_disk = true;
    s->label = xstrdup(label ? label : "-");
    if (!dir) {
        make_read_only(s, _("no workspace is open"));
        return;
    }
    s->dir = xstrdup(dir);
    char *pp = ws_path(dir, "profile.cfg"), *cp = ws_path(dir, "checklist.cfg");
    /* stamped before reading: a change in between is noticed, not missed */
    stamp_take(dir, "profile.cfg", &s->pdoc.stamp);
    stamp_take(dir, "checklist.cfg", &s->cdoc.stamp);
    ws_load_profile(pp, lib, &s->profile, &s->pinfo, &s->diags);
    /* an old suppliers section, merged when read: the next save writes
     * the new form, edited or not (model/supplier.h) */
    s->pdoc.upgrade = s->profile.old_suppliers > 0;
    ws_load_checklist(cp, lib, &s->checklist, &s->cinfo, &s->diags);
    free(pp);
    free(cp);
    s->pending = true;
}

void session_open(struct session *s, const struct library *lib, const char *dir,
                  const char *label, bool demo)
{
    session_open_deferred(s, lib, dir, label, demo);
    session_open_finish(s, NULL, NULL);
}

void session_open_viewer(struct session *s, const struct library *lib, const char *dir)
{
    session_open_deferred(s, lib, dir, dir, false);
    s->viewer = true;
    session_open_finish(s, NULL, NULL);
}

void session_open_screen(struct session *s, const struct library *lib, const char *dir,
                         const char *label, bool demo)
{
    session_open_deferred(s, lib, dir, label, demo);
    if (s->dir && journal_holds_any(s->dir))
        session_open_finish(s, NULL, NULL);
}

void session_open_finish(struct session *s, session_progress_fn progress, void *ctx)
{
    if (!s->pending)
        return;
    s->pending = false;
    const char *dir = s->dir;
    const struct library *lib = s->lib;
    enum ws_status ps = s->pinfo.status, cs = s->cinfo.status;
    char **names;
    size_t nr = ws_list_rounds(dir, &names);
    bool rounds_bad = false;
    for (size_t i = 0; i < nr; i++) {
        struct strbuf rp = STRBUF_INIT;
        sb_printf(&rp, "%s/assessments/%s.cfg", dir, names[i]);
        if (progress)
            progress(ctx, names[i], i, nr);
        struct ws_file info = {0};
        struct round_doc *rd = round_doc_new(names[i], true);
        stamp_take(dir, rd->d.name, &rd->d.stamp);
        if (ws_load_round(sb_str(&rp), lib, &s->profile, &rd->r, &info, &s->diags) == WS_UNREADABLE)
            rounds_bad = rd->unreadable = true;
        else /* what an older file lacks (a closing, what it assessed): written
              * with the next save, edited or not */
            rd->d.upgrade = round_read_fill(&rd->r, &s->profile) > 0;
        session_add_round(s, rd);
        s->rounds_have_comments |= info.has_comments;
        free(info.path);
        sb_free(&rp);
        free(names[i]);
    }
    free(names);
    ws_report_strays(dir, &s->diags); /* what is no round is said, not skipped */
    for (size_t i = 0; i < s->diags.n; i++) /* kijun check says them too (core/findings.h) */
        diag_add(&s->read_diags, s->diags.v[i].severity, s->diags.v[i].file, s->diags.v[i].line, "%s",
                 s->diags.v[i].text);
    if (ps == WS_UNREADABLE || cs == WS_UNREADABLE || rounds_bad) {
        char first[400] = "";
        for (size_t i = 0; i < s->diags.n; i++) {
            if (s->diags.v[i].severity == DIAG_ERROR) {
                char *d = diag_format(&s->diags.v[i]);
                snprintf(first, sizeof first, "%s", d);
                free(d);
                break;
            }
        }
        char why[512];
        snprintf(why, sizeof why, _("a file could not be read (%s); fix it in an editor"), first);
        make_read_only(s, why);
    } else if (ps == WS_MISSING) {
        make_read_only(s, _("the folder has no profile.cfg (make one with kijun init)"));
    }
    if (s->viewer)
        make_read_only(s, _("opened to read"));
    if (s->read_only) {
        snprintf(s->notice, sizeof s->notice, _("Read-only: %s"), s->why_read_only);
        return;
    }
    struct lock_owner owner;
    char who[400];
    switch (lock_acquire(&s->lock, dir, &owner)) {
    case LOCK_TAKEN:
        break;
    case LOCK_TAKEN_STALE:
        lock_describe(&owner, who, sizeof who);
        snprintf(s->notice, sizeof s->notice,
                 _("Took over the lock of a process that is gone (%s)"), who);
        break;
    case LOCK_BUSY: {
        lock_describe(&owner, who, sizeof who);
        char why[512];
        if (s->lock.elsewhere) /* what to do when that kijun is gone */
            snprintf(why, sizeof why, "%.500s", s->lock.why);
        else
            snprintf(why, sizeof why, _("another kijun is editing this workspace: %s"), who);
        make_read_only(s, why);
        break;
    }
    case LOCK_ERROR: {
        char why[512];
        snprintf(why, sizeof why, _("cannot lock the workspace: %.440s"), s->lock.why);
        make_read_only(s, why);
        break;
    }
    }
    if (s->read_only)
        snprintf(s->notice, sizeof s->notice, _("Read-only: %s"), s->why_read_only);
    else
        session_find_recovery(s);
}

const struct round *session_rounds_flat(struct session *s)
{
    if (s->flat && s->nflat == s->nrounds && s->flat_gen == s->gen)
        return s->flat;
    s->flat = xrealloc(s->flat, (s->nrounds + 1) * sizeof *s->flat);
    for (size_t i = 0; i < s->nrounds; i++) {
        /* shallow: the rules only read; indexed first, so that a lookup
         * in the copy uses the round's own index and allocates nothing */
        for (int k = 0; k < RC__COUNT; k++)
            coll_index(&s->rounds[i]->r.c[k]);
        s->flat[i] = s->rounds[i]->r;
    }
    s->nflat = s->nrounds;
    s->flat_gen = s->gen;
    return s->flat;
}

void session_findings(struct session *s, struct findings *out)
{
    workspace_validate(&s->profile, &s->checklist, session_rounds_flat(s), s->nrounds, s->lib, out);
}

bool doc_modified(const struct doc *d)
{
    return d->edits != d->saved || !d->on_disk;
}

bool doc_to_write(const struct doc *d)
{
    return doc_modified(d) || d->upgrade;
}

struct doc *session_doc(struct session *s, const struct round *r)
{
    for (size_t i = 0; r && i < s->nrounds; i++)
        if (&s->rounds[i]->r == r)
            return &s->rounds[i]->d;
    return &s->pdoc;
}

/* Journal one document when its counter moved since the journal saw it. */
static void journal_doc(struct session *s, struct doc *d, char *(*format)(const void *),
                        const void *doc, struct diag_list *dl)
{
    if (d->edits == d->journaled && d->on_disk)
        return;
    conflict_check(s, d, false); /* noticed early; the journal keeps the edits all the same */
    if (doc_modified(d)) {
        char *t = format(doc);
        bool ok = journal_put(s->dir, d->name, t, dl);
        free(t);
        if (!ok)
            return; /* not kept: tried again after the next key, and at a stop */
        /* the file the edits began on, so that the next start can tell
         * whether another program changed it since */
        if (!d->base_journaled)
            d->base_journaled = journal_put_base(s->dir, d->name, &d->stamp, dl);
    } else {
        journal_drop(s->dir, d->name);
        d->base_journaled = false;
    }
    d->journaled = d->edits;
}

static char *format_profile(const void *p) { return ws_format_profile(p); }
static char *format_checklist(const void *c) { return ws_format_checklist(c); }
static char *format_round(const void *r) { return ws_format_round(r); }

bool session_draft_pending(const struct session *s)
{
    const struct draft *dr = &s->draft;
    return dr->open ? dr->edits != dr->journaled : dr->in_journal;
}

static void journal_draft(struct session *s, long long now, bool idle, struct diag_list *dl)
{
    struct draft *dr = &s->draft;
    if (!session_draft_pending(s)) {
        dr->pending_since = -1;
        return;
    }
    if (dr->pending_since < 0)
        dr->pending_since = now;
    if (!idle && now - dr->pending_since < DRAFT_DELAY_MS)
        return;
    dr->pending_since = -1;
    if (!dr->open) {
        draft_drop(s->dir);
        dr->in_journal = false;
        return;
    }
    int f = (int)dr->where.field;
    struct draft_rec rec = {
        .file = dr->where.file, .coll = (char *)dr->where.def->key, .id = dr->where.id,
        .index = (long long)dr->where.index, .field = (char *)dr->where.def->fields[f].key,
        .text = dr->text,
    };
    if (draft_put(s->dir, &rec, dl))
        dr->in_journal = true;
    dr->journaled = dr->edits;
}

/* The folder is another (re-created at its path) or its lock file went:
 * its journal, if any, is not the one that holds the edits so far, so
 * every document, the draft and the rounds retired are journaled again. */
static void journal_again(struct session *s)
{
    s->pdoc.journaled = s->pdoc.edits - 1;
    s->cdoc.journaled = s->cdoc.edits - 1;
    s->pdoc.base_journaled = s->cdoc.base_journaled = false;
    for (size_t i = 0; i < s->nrounds; i++) {
        s->rounds[i]->d.journaled = s->rounds[i]->d.edits - 1;
        s->rounds[i]->d.base_journaled = false;
    }
    if (s->draft.open)
        s->draft.journaled = s->draft.edits - 1;
    if (s->retired.n)
        s->retired_journaled = s->retired_edits - 1;
}

bool session_hold_lock(struct session *s, struct diag_list *dl)
{
    struct lock_owner owner;
    bool current = lock_current(&s->lock, s->dir);
    enum lock_result r = current ? LOCK_TAKEN : lock_renew(&s->lock, s->dir, &owner);
    if (r == LOCK_TAKEN || r == LOCK_TAKEN_STALE) {
        if (!current)
            journal_again(s);
        return true;
    }
    char who[400];
    lock_describe(&owner, who, sizeof who);
    if (r == LOCK_BUSY && owner.pid)
        diag_add(dl, DIAG_ERROR, s->dir, 0,
                 _("the workspace folder was replaced, and another kijun holds it now (%s); "
                   "nothing was written"), who);
    else
        diag_add(dl, DIAG_ERROR, s->dir, 0,
                 _("the workspace folder was replaced or removed, and cannot be locked anew: %s; "
                   "nothing was written"), s->lock.why);
    return false;
}

void session_journal(struct session *s, long long now_ms, bool idle)
{
    if (!s->dir || s->read_only || s->rec.available)
        return;
    struct diag_list dl = {0};
    /* not even the journal's old copies are removed in a folder not ours */
    if (!session_hold_lock(s, &dl)) {
        if (session_modified(s) || s->draft.open) {
            /* "save soon" would be untrue: no save can be made either */
            snprintf(s->journal_error, sizeof s->journal_error,
                     _("Neither saved nor kept for recovery: %s"), dl.v[0].text);
            s->journal_error_gen++;
        }
        diag_clear(&dl);
        return;
    }
    journal_doc(s, &s->pdoc, format_profile, &s->profile, &dl);
    journal_doc(s, &s->cdoc, format_checklist, &s->checklist, &dl);
    for (size_t i = 0; i < s->nrounds; i++)
        journal_doc(s, &s->rounds[i]->d, format_round, &s->rounds[i]->r, &dl);
    journal_draft(s, now_ms, idle, &dl);
    retire_journal(s, &dl);
    if (dl.n) {
        snprintf(s->journal_error, sizeof s->journal_error,
                 _("Save soon: no recovery copy of the edits (%s)"), dl.v[0].text);
        s->journal_error_gen++;
    } else if (s->journal_error[0] && !session_modified(s))
        s->journal_error[0] = '\0';
    diag_clear(&dl);
}

void session_close(struct session *s)
{
    session_recovery_free(s);
    lock_release(&s->lock);
    if (s->demo && s->dir)
        ws_remove_tree(s->dir);
    for (size_t i = 0; i < s->nrounds; i++) {
        round_free(&s->rounds[i]->r);
        free(s->rounds[i]);
    }
    free(s->rounds);
    free(s->flat);
    strlist_free(&s->retired);
    for (size_t i = 0; i < s->nretired_stamps; i++)
        free(s->retired_stamps[i].name);
    free(s->retired_stamps);
    strlist_free(&s->journal_stale);
    change_log_clear(&s->log);
    change_free(&s->draft.where);
    free(s->draft.text);
    profile_free(&s->profile);
    checklist_free(&s->checklist);
    free(s->pinfo.path);
    free(s->cinfo.path);
    free(s->dir);
    free(s->label);
    diag_clear(&s->diags);
    diag_clear(&s->read_diags);
    memset(s, 0, sizeof *s);
}

bool session_modified(const struct session *s)
{
    for (size_t i = 0; i < s->nrounds; i++)
        if (doc_modified(&s->rounds[i]->d))
            return true;
    return doc_modified(&s->pdoc) || doc_modified(&s->cdoc) || s->retired.n;
}

bool session_save_needs_consent(const struct session *s)
{
    return !s->comments_ok && (s->pinfo.has_comments || s->cinfo.has_comments || s->rounds_have_comments);
}

void session_today(char out[11])
{
    const char *env = getenv("KIJUN_TODAY");
    if (env && date_valid(env)) {
        memcpy(out, env, 11);
        return;
    }
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}
