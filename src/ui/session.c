/* session: the workspace being edited. */
#include "config.h"
#include "ui/session.h"
#include "util/i18n.h"
#include "util/xalloc.h"
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
    if (ps == WS_UNREADABLE || cs == WS_UNREADABLE) {
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

bool session_modified(const struct session *s)
{
    return !profile_equal(&s->profile, &s->saved) || !checklist_equal(&s->checklist, &s->checklist_saved);
}

bool session_save_needs_consent(const struct session *s)
{
    return !s->comments_ok && (s->pinfo.has_comments || s->cinfo.has_comments);
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
    s->pinfo.has_comments = s->cinfo.has_comments = false;
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
