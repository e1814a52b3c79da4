/* session: the workspace being edited. */
#include "config.h"
#include "ui/session.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
}

void session_close(struct session *s)
{
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
        char *d = s->diags.n ? diag_format(&s->diags.v[s->diags.n - 1]) : xstrdup("?");
        snprintf(msg, size, _("Not saved: %s"), d);
        free(d);
        return false;
    }
    profile_free(&s->saved);
    profile_copy(&s->saved, &s->profile);
    checklist_free(&s->checklist_saved);
    checklist_copy(&s->checklist_saved, &s->checklist);
    s->pinfo.has_comments = s->cinfo.has_comments = s->rounds_have_comments = false;
    struct diag_list findings = {0};
    profile_check(&s->profile, s->lib, "profile.cfg", &findings);
    if (unchanged_p && unchanged_c)
        snprintf(msg, size, "%s", _("No change: nothing to save"));
    else if (findings.n)
        snprintf(msg, size, _("Saved to %s; %zu findings remain (see kijun check)"), s->dir, findings.n);
    else
        snprintf(msg, size, _("Saved to %s"), s->dir);
    diag_clear(&findings);
    return true;
}
