/* session: the workspace being edited. */
#include "config.h"
#include "ui/session.h"
#include "store/journal.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <time.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool round_changed(const struct session *s, size_t i);
static bool checklist_equal(const struct checklist *a, const struct checklist *b);
static void find_recovery(struct session *s);

static void make_read_only(struct session *s, const char *why)
{
    if (!s->read_only)
        snprintf(s->why_read_only, sizeof s->why_read_only, "%s", why);
    s->read_only = true;
}

void session_open(struct session *s, const struct library *lib, const char *dir,
                  const char *label, bool demo)
{
    memset(s, 0, sizeof *s);
    s->lib = lib;
    s->demo = demo;
    profile_init(&s->profile);
    checklist_init(&s->checklist);
    s->label = xstrdup(label ? label : "-");
    if (!dir) {
        profile_init(&s->saved);
        checklist_init(&s->checklist_saved);
        make_read_only(s, _("no workspace is open"));
        return;
    }
    s->dir = xstrdup(dir);
    char *pp = ws_path(dir, "profile.cfg"), *cp = ws_path(dir, "checklist.cfg");
    enum ws_status ps = ws_load_profile(pp, lib, &s->profile, &s->pinfo, &s->diags);
    enum ws_status cs = ws_load_checklist(cp, lib, &s->checklist, &s->cinfo, &s->diags);
    free(pp);
    free(cp);
    profile_copy(&s->saved, &s->profile);
    checklist_copy(&s->checklist_saved, &s->checklist);
    char **names;
    size_t nr = ws_list_rounds(dir, &names);
    bool rounds_bad = false;
    s->rounds = xcalloc(nr + 1, sizeof *s->rounds);
    s->rounds_saved = xcalloc(nr + 1, sizeof *s->rounds_saved);
    s->round_new = xcalloc(nr + 1, sizeof *s->round_new);
    for (size_t i = 0; i < nr; i++) {
        struct strbuf rp = STRBUF_INIT;
        sb_printf(&rp, "%s/assessments/%s.cfg", dir, names[i]);
        struct ws_file info = {0};
        round_init(&s->rounds[i], names[i]);
        if (ws_load_round(sb_str(&rp), lib, &s->profile, &s->rounds[i], &info, &s->diags) == WS_UNREADABLE)
            rounds_bad = true;
        s->rounds_have_comments |= info.has_comments;
        round_copy(&s->rounds_saved[i], &s->rounds[i], NULL);
        free(info.path);
        sb_free(&rp);
        free(names[i]);
    }
    free(names);
    s->nrounds = nr;
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
        snprintf(why, sizeof why, _("another kijun is editing this workspace: %s"), who);
        make_read_only(s, why);
        break;
    }
    case LOCK_ERROR:
        make_read_only(s, _("cannot lock the workspace (is the folder writable?)"));
        break;
    }
    if (s->read_only)
        snprintf(s->notice, sizeof s->notice, _("Read-only: %s"), s->why_read_only);
    else
        find_recovery(s);
}

/* Changed entries between two collections, matched by id (or place). */
static size_t coll_changes(const struct collection *a, const struct collection *b)
{
    size_t n = 0;
    for (size_t i = 0; i < a->n; i++) {
        const struct record *x = &a->r[i];
        const struct record *y = x->id ? coll_find(b, x->id) : (i < b->n ? &b->r[i] : NULL);
        n += !y || !record_equal(x, y, a->def);
    }
    for (size_t i = 0; i < b->n; i++)
        n += b->r[i].id ? coll_find(a, b->r[i].id) == NULL : i >= a->n;
    return n;
}

static size_t profile_changes(const struct profile *a, const struct profile *b)
{
    size_t n = !record_equal(&a->org, &b->org, &profile_org_def)
             + !record_equal(&a->criteria, &b->criteria, &profile_criteria_def);
    for (int i = 0; i < COLL__COUNT; i++)
        n += coll_changes(&a->c[i], &b->c[i]);
    return n;
}

static size_t round_changes(const struct round *a, const struct round *b)
{
    size_t n = !record_equal(&a->head, &b->head, &round_head_def);
    for (int i = 0; i < RC__COUNT; i++)
        n += coll_changes(&a->c[i], &b->c[i]);
    return n;
}

static void summary_add(struct session *s, const char *name, size_t changes)
{
    size_t len = strlen(s->rec.summary);
    snprintf(s->rec.summary + len, sizeof s->rec.summary - len, _("%s%s (%zu entries changed)"),
             len ? ", " : "", name, changes);
}

/* Look in the journal for edits a lost session did not save. */
static void find_recovery(struct session *s)
{
    struct diag_list dl = {0};
    char *pp = journal_path(s->dir, "profile.cfg");
    struct ws_file info = {0};
    profile_init(&s->rec.profile);
    checklist_init(&s->rec.checklist);
    if (ws_load_profile(pp, s->lib, &s->rec.profile, &info, &dl) == WS_OK
        && !profile_equal(&s->rec.profile, &s->profile)) {
        s->rec.has_profile = true;
        summary_add(s, "profile.cfg", profile_changes(&s->rec.profile, &s->profile));
    }
    free(info.path);
    free(pp);
    char *cp = journal_path(s->dir, "checklist.cfg");
    memset(&info, 0, sizeof info);
    if (ws_load_checklist(cp, s->lib, &s->rec.checklist, &info, &dl) == WS_OK
        && !checklist_equal(&s->rec.checklist, &s->checklist)) {
        s->rec.has_checklist = true;
        summary_add(s, "checklist.cfg", coll_changes(&s->rec.checklist.items, &s->checklist.items));
    }
    free(info.path);
    free(cp);
    char *jdir = ws_path(s->dir, JOURNAL_DIR);
    char **names;
    size_t n = ws_list_rounds(jdir, &names);
    for (size_t i = 0; i < n; i++) {
        struct strbuf rp = STRBUF_INIT;
        sb_printf(&rp, "%s/assessments/%s.cfg", jdir, names[i]);
        struct round r;
        round_init(&r, names[i]);
        memset(&info, 0, sizeof info);
        const struct round *disk = NULL;
        for (size_t k = 0; k < s->nrounds; k++)
            if (strcmp(s->rounds[k].name, names[i]) == 0)
                disk = &s->rounds[k];
        if (ws_load_round(sb_str(&rp), s->lib, &s->rec.profile, &r, &info, &dl) == WS_OK
            && (!disk || !round_equal(&r, disk))) {
            struct strbuf nm = STRBUF_INIT;
            sb_printf(&nm, "assessments/%s.cfg", names[i]);
            if (disk)
                summary_add(s, sb_str(&nm), round_changes(&r, disk));
            else
                summary_add(s, sb_str(&nm), r.c[RC_RISKS].n + 1);
            sb_free(&nm);
            s->rec.rounds = xrealloc(s->rec.rounds, (s->rec.nrounds + 1) * sizeof *s->rec.rounds);
            s->rec.rounds[s->rec.nrounds++] = r;
        } else {
            round_free(&r);
        }
        free(info.path);
        sb_free(&rp);
        free(names[i]);
    }
    free(names);
    free(jdir);
    diag_clear(&dl);
    s->rec.available = s->rec.has_profile || s->rec.has_checklist || s->rec.nrounds;
    if (!s->rec.available)
        journal_clear(s->dir);
}

static void recovery_free(struct session *s)
{
    profile_free(&s->rec.profile);
    checklist_free(&s->rec.checklist);
    for (size_t i = 0; i < s->rec.nrounds; i++)
        round_free(&s->rec.rounds[i]);
    free(s->rec.rounds);
    memset(&s->rec, 0, sizeof s->rec);
}

void session_recover(struct session *s, bool yes)
{
    if (!s->rec.available)
        return;
    if (yes) {
        if (s->rec.has_profile) {
            profile_free(&s->profile);
            profile_copy(&s->profile, &s->rec.profile);
        }
        if (s->rec.has_checklist) {
            checklist_free(&s->checklist);
            checklist_copy(&s->checklist, &s->rec.checklist);
        }
        for (size_t i = 0; i < s->rec.nrounds; i++) {
            struct round *r = &s->rec.rounds[i];
            size_t k = 0;
            while (k < s->nrounds && strcmp(s->rounds[k].name, r->name) != 0)
                k++;
            if (k == s->nrounds) {
                s->rounds = xrealloc(s->rounds, (k + 1) * sizeof *s->rounds);
                s->rounds_saved = xrealloc(s->rounds_saved, (k + 1) * sizeof *s->rounds_saved);
                s->round_new = xrealloc(s->round_new, (k + 1) * sizeof *s->round_new);
                round_init(&s->rounds_saved[k], r->name);
                s->round_new[k] = true;
                s->nrounds++;
            } else {
                round_free(&s->rounds[k]);
            }
            round_copy(&s->rounds[k], r, NULL);
        }
    } else {
        journal_clear(s->dir);
    }
    recovery_free(s);
}

void session_discard(struct session *s)
{
    if (s->dir && !s->read_only)
        journal_clear(s->dir);
}

void session_journal(struct session *s)
{
    if (!s->dir || s->read_only || s->rec.available)
        return;
    struct diag_list dl = {0};
    s->journal_error[0] = '\0';
    if (!profile_equal(&s->profile, &s->saved)) {
        char *t = ws_format_profile(&s->profile);
        journal_put(s->dir, "profile.cfg", t, &dl);
        free(t);
    } else {
        journal_drop(s->dir, "profile.cfg");
    }
    if (!checklist_equal(&s->checklist, &s->checklist_saved)) {
        char *t = ws_format_checklist(&s->checklist);
        journal_put(s->dir, "checklist.cfg", t, &dl);
        free(t);
    } else {
        journal_drop(s->dir, "checklist.cfg");
    }
    for (size_t i = 0; i < s->nrounds; i++) {
        struct strbuf nm = STRBUF_INIT;
        sb_printf(&nm, "assessments/%s.cfg", s->rounds[i].name);
        if (round_changed(s, i)) {
            char *t = ws_format_round(&s->rounds[i]);
            journal_put(s->dir, sb_str(&nm), t, &dl);
            free(t);
        } else {
            journal_drop(s->dir, sb_str(&nm));
        }
        sb_free(&nm);
    }
    if (dl.n)
        snprintf(s->journal_error, sizeof s->journal_error,
                 _("No recovery copy of the edits (%s): save soon"), dl.v[0].text);
    diag_clear(&dl);
}

void session_close(struct session *s)
{
    recovery_free(s);
    lock_release(&s->lock);
    if (s->demo && s->dir)
        ws_remove_tree(s->dir);
    for (size_t i = 0; i < s->nrounds; i++) {
        round_free(&s->rounds[i]);
        round_free(&s->rounds_saved[i]);
    }
    free(s->rounds);
    free(s->rounds_saved);
    free(s->round_new);
    profile_free(&s->profile);
    profile_free(&s->saved);
    checklist_free(&s->checklist);
    checklist_free(&s->checklist_saved);
    free(s->pinfo.path);
    free(s->cinfo.path);
    free(s->dir);
    free(s->label);
    diag_clear(&s->diags);
    memset(s, 0, sizeof *s);
}

static bool checklist_equal(const struct checklist *a, const struct checklist *b)
{
    if (a->items.n != b->items.n)
        return false;
    for (size_t i = 0; i < a->items.n; i++)
        if (!record_equal(&a->items.r[i], &b->items.r[i], &checklist_def))
            return false;
    return true;
}

static bool round_changed(const struct session *s, size_t i)
{
    return s->round_new[i] || !round_equal(&s->rounds[i], &s->rounds_saved[i]);
}

bool session_modified(const struct session *s)
{
    for (size_t i = 0; i < s->nrounds; i++)
        if (round_changed(s, i))
            return true;
    return !profile_equal(&s->profile, &s->saved) || !checklist_equal(&s->checklist, &s->checklist_saved);
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

size_t session_new_round(struct session *s, const char *name, const struct round *copy_from,
                         const char *today, char *msg, size_t size)
{
    if (!ws_round_name_valid(name)) {
        snprintf(msg, size, _("\"%s\" cannot name a round: use 1-64 letters, digits, '.', '-' or '_'"), name);
        return (size_t)-1;
    }
    for (size_t i = 0; i < s->nrounds; i++) {
        if (strcmp(s->rounds[i].name, name) == 0) {
            snprintf(msg, size, _("There is a round \"%s\" already"), name);
            return (size_t)-1;
        }
    }
    size_t n = s->nrounds;
    s->rounds = xrealloc(s->rounds, (n + 1) * sizeof *s->rounds);
    s->rounds_saved = xrealloc(s->rounds_saved, (n + 1) * sizeof *s->rounds_saved);
    s->round_new = xrealloc(s->round_new, (n + 1) * sizeof *s->round_new);
    struct round *r = &s->rounds[n];
    if (copy_from) {
        round_copy(r, copy_from, name);
        /* a new round: its own sign-offs and log; the copy is the start */
        coll_free(&r->c[RC_SIGNOFFS]);
        coll_free(&r->c[RC_REVIEWS]);
        struct value *prev = record_value(&r->head, &round_head_def, "previous");
        free(prev->s);
        prev->s = xstrdup(copy_from->name);
        prev->set = true;
        struct value *next = record_value(&r->head, &round_head_def, "next_review");
        free(next->s);
        next->s = NULL;
        next->set = false;
    } else {
        round_init(r, name);
        struct value *rule = record_value(&r->head, &round_head_def, "rule");
        rule->s = xstrdup(record_str(&s->profile.criteria, &profile_criteria_def, "rule"));
        rule->set = *rule->s != '\0';
        struct value *t = record_value(&r->head, &round_head_def, "threshold");
        t->i = record_int(&s->profile.criteria, &profile_criteria_def, "threshold", 0);
        t->set = t->i > 0;
    }
    struct value *date = record_value(&r->head, &round_head_def, "date");
    free(date->s);
    date->s = xstrdup(today);
    date->set = true;
    round_init(&s->rounds_saved[n], name);
    s->round_new[n] = true;
    s->nrounds++;
    snprintf(msg, size, _("New round \"%s\": saved as assessments/%s.cfg with s"), name, name);
    return n;
}

bool session_save(struct session *s, char *msg, size_t size)
{
    if (s->read_only) {
        snprintf(msg, size, _("Read-only: %s"), s->why_read_only);
        return false;
    }
    diag_clear(&s->diags);
    bool unchanged_p = true, unchanged_c = true, ok = true;
    char *pp = ws_path(s->dir, "profile.cfg"), *cp = ws_path(s->dir, "checklist.cfg");
    if (!profile_equal(&s->profile, &s->saved))
        ok = ws_save_profile(pp, &s->profile, &unchanged_p, &s->diags);
    if (ok && !checklist_equal(&s->checklist, &s->checklist_saved))
        ok = ws_save_checklist(cp, &s->checklist, &unchanged_c, &s->diags);
    for (size_t i = 0; ok && i < s->nrounds; i++) {
        if (!round_changed(s, i))
            continue;
        struct strbuf rp = STRBUF_INIT;
        sb_printf(&rp, "%s/assessments/%s.cfg", s->dir, s->rounds[i].name);
        bool unchanged_r = true;
        ok = ws_save_round(sb_str(&rp), &s->rounds[i], &unchanged_r, &s->diags);
        sb_free(&rp);
        if (ok) {
            unchanged_p = unchanged_p && unchanged_r;
            round_free(&s->rounds_saved[i]);
            round_copy(&s->rounds_saved[i], &s->rounds[i], NULL);
            s->round_new[i] = false;
        }
    }
    free(pp);
    free(cp);
    if (!ok) {
        /* the reason, without the long path in front: it must fit the line */
        const struct diag *d = s->diags.n ? &s->diags.v[s->diags.n - 1] : NULL;
        const char *file = d && d->file ? strrchr(d->file, '/') : NULL;
        snprintf(msg, size, _("Not saved: %s: %s"), file ? file + 1 : "?", d ? d->text : "?");
        return false;
    }
    profile_free(&s->saved);
    profile_copy(&s->saved, &s->profile);
    checklist_free(&s->checklist_saved);
    checklist_copy(&s->checklist_saved, &s->checklist);
    s->pinfo.has_comments = s->cinfo.has_comments = s->rounds_have_comments = false;
    journal_clear(s->dir);
    struct diag_list findings = {0};
    profile_check(&s->profile, s->lib, "profile.cfg", &findings);
    const struct diag *warn = NULL;
    for (size_t i = 0; i < s->diags.n; i++)
        if (s->diags.v[i].severity == DIAG_WARNING)
            warn = &s->diags.v[i];
    if (warn) /* atomic_save says "saved, but ...": say it with a capital */
        snprintf(msg, size, "%c%s", toupper((unsigned char)warn->text[0]), warn->text + 1);
    else if (unchanged_p && unchanged_c)
        snprintf(msg, size, "%s", _("No change: nothing to save"));
    else if (findings.n)
        snprintf(msg, size, _("Saved to %s; %zu findings remain (see kijun check)"), s->dir, findings.n);
    else
        snprintf(msg, size, _("Saved to %s"), s->dir);
    diag_clear(&findings);
    return true;
}
