/* rounds: round edits that carry a rule with them. */
#include "config.h"
#include "core/rounds.h"
#include "store/stamp.h"
#include "core/edits.h"
#include "core/entries.h"
#include "model/rules.h"
#include "model/snapshot.h"
#include "store/journal.h"
#include "store/retire.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The retired round name's file as kijun read it (for the save's check). */
static void retired_stamp(struct session *s, const char *name, const struct file_stamp *st)
{
    for (size_t i = 0; i < s->nretired_stamps; i++)
        if (strcmp(s->retired_stamps[i].name, name) == 0) {
            s->retired_stamps[i].st = *st;
            return;
        }
    s->retired_stamps = xrealloc(s->retired_stamps, (s->nretired_stamps + 1) * sizeof *s->retired_stamps);
    s->retired_stamps[s->nretired_stamps].name = xstrdup(name);
    s->retired_stamps[s->nretired_stamps++].st = *st;
}

size_t core_new_round(struct session *s, const char *name, size_t from, const char *today,
                      char *msg, size_t size)
{
    if (!ws_round_name_valid(name)) {
        snprintf(msg, size, _("\"%s\" cannot name a round: use 1-64 letters, digits, '.', '-' or '_', not first a '.' or '-' (nor \".mine-\", which copies saved beside use)"), name);
        return ROUND_NONE;
    }
    for (size_t i = 0; i < s->nrounds; i++) {
        if (strcmp(s->rounds[i]->r.name, name) == 0) {
            snprintf(msg, size, _("There is a round \"%s\" already"), name);
            return ROUND_NONE;
        }
    }
    if (strlist_has(&s->retired, name)) {
        /* a deleted round's name again: its file is written over (the
         * save keeps the backup), not moved away */
        strlist_remove(&s->retired, name);
        s->retired_edits++;
    }
    struct round_doc *rd = round_doc_new(name, false);
    round_free(&rd->r);
    if (from < s->nrounds)
        round_start_copy(&rd->r, name, &s->rounds[from]->r, today);
    else
        round_start_new(&rd->r, name, &s->profile, today);
    round_snapshot_fill(&rd->r, &s->profile); /* a copy follows the profile as it is now */
    size_t i = session_add_round(s, rd);
    rd->fresh = !rd->d.stamp.exists;
    snprintf(msg, size, _("New round \"%s\": saved as assessments/%s.cfg with s"), name, name);
    return i;
}

static void head_list(struct session *s, struct round *r, int field, const struct strlist *l)
{
    core_set_list(s, session_doc(s, r), NULL, &r->head, &round_head_def, (size_t)field, l);
}

static const struct strlist *head_get(const struct round *r, int field)
{
    return &r->head.v[field].list;
}

size_t core_scope_service(struct session *s, struct round *r, const char *service_id, bool in)
{
    struct strlist sl;
    strlist_copy(&sl, head_get(r, HEAD_SERVICES));
    size_t added = 0;
    if (in && !strlist_has(&sl, service_id)) {
        strlist_add(&sl, service_id);
        struct strlist rl;
        strlist_copy(&rl, head_get(r, HEAD_RESOURCES));
        added = service_resources(&s->profile, service_id, &rl);
        head_list(s, r, HEAD_SERVICES, &sl);
        if (added)
            head_list(s, r, HEAD_RESOURCES, &rl);
        strlist_free(&rl);
    } else if (!in && strlist_has(&sl, service_id)) {
        strlist_remove(&sl, service_id);
        head_list(s, r, HEAD_SERVICES, &sl);
    }
    strlist_free(&sl);
    return added;
}

void core_scope_resource(struct session *s, struct round *r, const char *resource_id, bool in)
{
    struct strlist rl;
    strlist_copy(&rl, head_get(r, HEAD_RESOURCES));
    if (in != strlist_has(&rl, resource_id)) {
        if (in)
            strlist_add(&rl, resource_id);
        else
            strlist_remove(&rl, resource_id);
        head_list(s, r, HEAD_RESOURCES, &rl);
    }
    strlist_free(&rl);
}

size_t core_scope_new_resource(struct session *s, struct round *r, const char *name,
                               const char *operation_id)
{
    struct collection *c = &s->profile.c[COLL_RESOURCES];
    struct record rec;
    record_init(&rec, c->def);
    rec.id = core_new_entry_id(s, c);
    rec.v[RES_NAME].set = true;
    rec.v[RES_NAME].s = xstrdup(name);
    if (operation_id) {
        rec.v[RES_OPERATIONS].set = true;
        strlist_add(&rec.v[RES_OPERATIONS].list, operation_id);
    }
    size_t at = core_add(s, session_doc(s, NULL), c, &rec);
    record_free(&rec, c->def);
    if (at != (size_t)-1)
        core_scope_resource(s, r, c->r[at].id, true);
    return at;
}

struct acceptance core_risk_decided(struct session *s, struct round *r, size_t i, const char *today)
{
    struct collection *c = &r->c[RC_RISKS];
    struct acceptance a = risk_acceptance(r, &c->r[i]);
    if (!a.records)
        return a;
    struct doc *d = session_doc(s, r);
    if (a.set_date)
        core_set_text(s, d, c, &c->r[i], c->def, RISK_ACCEPTED_ON, today);
    size_t fv = RISK_ACCEPTED_VALUE;
    if (a.value > 0)
        core_set_int(s, d, c, &c->r[i], c->def, fv, a.value);
    else
        core_clear(s, d, c, &c->r[i], c->def, fv);
    core_set_text(s, d, c, &c->r[i], c->def, RISK_ACCEPTED_ROUND, r->name);
    return a;
}

bool core_round_settle(struct session *s, struct round *r, const char *today)
{
    struct round_doc *rd = NULL;
    for (size_t i = 0; i < s->nrounds && !rd; i++)
        if (&s->rounds[i]->r == r)
            rd = s->rounds[i];
    if (!rd || rd->settled == rd->d.edits + 1 || s->read_only)
        return false;
    rd->settled = rd->d.edits + 1;
    if (round_closed(r) || !round_closes(r))
        return false;
    struct record rec;
    round_closing(r, today, &rec);
    core_add(s, &rd->d, &r->c[RC_CLOSED], &rec);
    record_free(&rec, round_coll_defs[RC_CLOSED]);
    rd->settled = rd->d.edits + 1;
    return true;
}

static bool blank(const char *t)
{
    while (t && (*t == ' ' || *t == '\t'))
        t++;
    return !t || !*t;
}

bool core_reopen_round(struct session *s, struct round *r, const char *by, const char *why,
                       const char *today, char *msg, size_t size)
{
    if (!round_closed(r)) {
        snprintf(msg, size, _("Round %s is not closed"), r->name);
        return false;
    }
    if (blank(by) || blank(why)) {
        snprintf(msg, size, "%s", _("A reopening needs who reopens the round and why"));
        return false;
    }
    struct record rec;
    round_reopening(r, by, why, today, &rec);
    struct collection *c = &r->c[RC_REOPENED];
    size_t before = c->n;
    core_add(s, session_doc(s, r), c, &rec);
    record_free(&rec, c->def);
    if (c->n == before) {
        snprintf(msg, size, _("Read-only: %s"), s->why_read_only);
        return false;
    }
    snprintf(msg, size, _("Round %s reopened; s saves it"), r->name);
    return true;
}

/* The closed round that stops a rename of round i: itself, or one that
 * names it (compares with it, or accepted a risk in it). */
static const struct round *closed_user(const struct session *s, size_t i)
{
    const char *name = s->rounds[i]->r.name;
    for (size_t k = 0; k < s->nrounds; k++) {
        const struct round *r = &s->rounds[k]->r;
        if (!round_closed(r))
            continue;
        bool uses = k == i || strcmp(rec_str(&r->head, HEAD_PREVIOUS), name) == 0;
        for (size_t x = 0; !uses && x < r->c[RC_RISKS].n; x++)
            uses = strcmp(rec_str(&r->c[RC_RISKS].r[x], RISK_ACCEPTED_ROUND), name) == 0;
        if (uses)
            return r;
    }
    return NULL;
}

size_t session_rounds_using(const struct session *s, const char *coll_key, const char *id,
                            char *names, size_t size)
{
    size_t n = 0, len = 0;
    if (size)
        names[0] = '\0';
    for (size_t i = 0; i < s->nrounds; i++) {
        if (!round_uses(&s->rounds[i]->r, coll_key, id))
            continue;
        if (len < size)
            len += (size_t)snprintf(names + len, size - len, "%s%s", n ? ", " : "", s->rounds[i]->r.name);
        n++;
    }
    return n;
}

static size_t round_index(const struct session *s, const char *name)
{
    for (size_t i = 0; i < s->nrounds; i++)
        if (strcmp(s->rounds[i]->r.name, name) == 0)
            return i;
    return ROUND_NONE;
}

static void retired_changed(struct session *s)
{
    s->retired_edits++;
    s->gen++;
}

size_t session_rounds_after(const struct session *s, size_t i, char *names, size_t size)
{
    size_t n = 0, len = 0;
    if (size)
        names[0] = '\0';
    for (size_t k = 0; k < s->nrounds; k++) {
        const struct round *r = &s->rounds[k]->r;
        if (k == i || strcmp(rec_str(&r->head, HEAD_PREVIOUS), s->rounds[i]->r.name) != 0)
            continue;
        if (len < size)
            len += (size_t)snprintf(names + len, size - len, "%s%s", n ? ", " : "", r->name);
        n++;
    }
    return n;
}

/* The sign-offs of r that vouch for their step's data now (a bit each). */
static unsigned valid_signoffs(const struct round *r)
{
    unsigned m = 0;
    const struct collection *c = &r->c[RC_SIGNOFFS];
    for (size_t x = 0; x < c->n && x < 32; x++)
        if (!signoff_stale(r, &c->r[x]))
            m |= 1u << x;
    return m;
}

/* A rename changes a name in the data the sign-offs vouch for, not the
 * assessment: each that was valid before (was) vouches for it after. */
static void keep_signoffs(struct session *s, struct round_doc *rd, unsigned was)
{
    struct collection *c = &rd->r.c[RC_SIGNOFFS];
    size_t fd = SO_DIGEST;
    for (size_t x = 0; x < c->n && x < 32; x++) {
        enum step st = c->r[x].id ? step_of_id(c->r[x].id) : STEP__COUNT;
        if (!(was & (1u << x)) || st == STEP__COUNT || !signoff_stale(&rd->r, &c->r[x]))
            continue;
        char digest[17];
        step_digest(&rd->r, st, digest);
        core_set_text(s, &rd->d, c, &c->r[x], c->def, fd, digest);
    }
}

bool core_round_renamable(const struct session *s, size_t i, char *msg, size_t size)
{
    const struct round *closed = i < s->nrounds ? closed_user(s, i) : NULL;
    if (closed)
        snprintf(msg, size, _("Round %s is closed: reopen it before renaming %s"), closed->name,
                 s->rounds[i]->r.name);
    return !closed;
}

size_t core_rename_round(struct session *s, size_t i, const char *name, char *msg, size_t size)
{
    if (i >= s->nrounds)
        return ROUND_NONE;
    struct round_doc *rd = s->rounds[i];
    if (strcmp(rd->r.name, name) == 0) {
        snprintf(msg, size, _("The round is called \"%s\" already"), name);
        return i;
    }
    if (!ws_round_name_valid(name)) {
        snprintf(msg, size, _("\"%s\" cannot name a round: use 1-64 letters, digits, '.', '-' or '_', not first a '.' or '-' (nor \".mine-\", which copies saved beside use)"), name);
        return ROUND_NONE;
    }
    if (round_index(s, name) != ROUND_NONE) {
        snprintf(msg, size, _("There is a round \"%s\" already"), name);
        return ROUND_NONE;
    }
    if (!core_round_renamable(s, i, msg, size))
        return ROUND_NONE;
    char *old = xstrdup(rd->r.name);
    /* the file of the old name goes on save; a pending one of the new
     * name is written over instead (the save keeps its backup) */
    if (rd->d.on_disk && !strlist_has(&s->retired, old)) {
        strlist_add(&s->retired, old);
        retired_stamp(s, old, &rd->d.stamp);
    }
    strlist_remove(&s->retired, name);
    strlist_add(&s->journal_stale, rd->d.name);
    free(rd->r.name);
    rd->r.name = xstrdup(name);
    char oldfile[sizeof rd->name];
    snprintf(oldfile, sizeof oldfile, "%s", rd->name);
    snprintf(rd->name, sizeof rd->name, "assessments/%s.cfg", name);
    /* the file it is saved to is the new name's: what is there now (as a
     * rule nothing) is what a later save must find there */
    if (s->dir)
        stamp_take(s->dir, rd->name, &rd->d.stamp);
    rd->d.conflict = false;
    for (size_t k = 0; k < s->log.n; k++) {
        if (strcmp(s->log.v[k].file, oldfile) == 0) {
            free(s->log.v[k].file);
            s->log.v[k].file = xstrdup(rd->name);
        }
    }
    rd->d.on_disk = false;
    rd->d.edits++;
    retired_changed(s);
    size_t fp = HEAD_PREVIOUS;
    const struct coll_def *rk = round_coll_defs[RC_RISKS];
    size_t fa = RISK_ACCEPTED_ROUND;
    unsigned *was = xcalloc(s->nrounds, sizeof *was);
    for (size_t k = 0; k < s->nrounds; k++) {
        /* as they were before the new name (it is in the data already) */
        struct round *r = &s->rounds[k]->r;
        char *now = r->name;
        if (k == i)
            r->name = old;
        was[k] = valid_signoffs(r);
        r->name = now;
    }
    for (size_t k = 0; k < s->nrounds; k++) {
        struct round *r = &s->rounds[k]->r;
        if (k != i && strcmp(rec_str(&r->head, HEAD_PREVIOUS), old) == 0)
            core_set_text(s, &s->rounds[k]->d, NULL, &r->head, &round_head_def, fp, name);
        /* an acceptance made in the round is still made in it, by its new name */
        struct collection *c = &r->c[RC_RISKS];
        for (size_t x = 0; x < c->n; x++)
            if (strcmp(rec_str(&c->r[x], RISK_ACCEPTED_ROUND), old) == 0)
                core_set_text(s, &s->rounds[k]->d, c, &c->r[x], rk, fa, name);
        keep_signoffs(s, s->rounds[k], was[k]);
    }
    free(was);
    snprintf(msg, size, _("Renamed %s to %s; s saves (a backup is kept)"), old, name);
    free(old);
    return i;
}

bool retire_precheck(struct session *s, char *msg, size_t size)
{
    for (size_t i = 0; i < s->retired.n; i++) {
        const char *name = s->retired.v[i];
        if (round_index(s, name) != ROUND_NONE)
            continue; /* saved under that name again: it keeps its file */
        struct diag_list dl = {0};
        if (!ws_retire_backup_ok(s->dir, name, &dl)) {
            snprintf(msg, size, _("Not saved: %s"), dl.v[0].text);
            diag_clear(&dl);
            return false;
        }
        for (size_t k = 0; k < s->nretired_stamps; k++) {
            struct file_stamp *was = &s->retired_stamps[k].st;
            if (strcmp(s->retired_stamps[k].name, name) != 0 || !was->exists || !was->hashed)
                continue;
            char file[120];
            snprintf(file, sizeof file, "assessments/%s.cfg", name);
            struct file_stamp now;
            stamp_take(s->dir, file, &now);
            if (now.exists && !stamp_same(was, &now)) {
                /* said once; s again moves their version to the backup */
                *was = now;
                snprintf(msg, size, _("Not saved: another program changed %s since kijun read it, and the save "
                                      "would move it to %s~ (the round is deleted or renamed here). Look at it; "
                                      "s again saves and keeps their version as %s~"), file, file, file);
                return false;
            }
        }
    }
    return true;
}

void core_delete_round(struct session *s, size_t i, char *msg, size_t size)
{
    if (i >= s->nrounds)
        return;
    struct round_doc *rd = s->rounds[i];
    if (rd->d.on_disk) {
        if (!strlist_has(&s->retired, rd->r.name)) {
            strlist_add(&s->retired, rd->r.name);
            retired_stamp(s, rd->r.name, &rd->d.stamp);
        }
        snprintf(msg, size, _("Deleted round %s; s saves (a backup is kept)"), rd->r.name);
    } else {
        snprintf(msg, size, _("Deleted round %s (never saved)"), rd->r.name);
    }
    strlist_add(&s->journal_stale, rd->d.name);
    /* its changes go with it: a round made later under the name is another */
    size_t kept = 0;
    for (size_t k = 0; k < s->log.n; k++) {
        if (strcmp(s->log.v[k].file, rd->d.name) == 0)
            change_free(&s->log.v[k]);
        else
            s->log.v[kept++] = s->log.v[k];
    }
    s->log.n = kept;
    memmove(&s->rounds[i], &s->rounds[i + 1], (s->nrounds - i - 1) * sizeof *s->rounds);
    s->nrounds--;
    round_free(&rd->r);
    free(rd);
    retired_changed(s);
}

void retire_journal(struct session *s, struct diag_list *dl)
{
    if (s->retired_edits == s->retired_journaled)
        return;
    if (retire_journal_put(s->dir, &s->retired, dl))
        s->retired_journaled = s->retired_edits;
    /* copies under a name no round has any more */
    for (size_t k = 0; k < s->journal_stale.n; k++) {
        bool used = false;
        for (size_t i = 0; i < s->nrounds && !used; i++)
            used = strcmp(s->rounds[i]->d.name, s->journal_stale.v[k]) == 0;
        if (!used)
            journal_drop(s->dir, s->journal_stale.v[k]);
    }
    strlist_free(&s->journal_stale);
}

void retire_find(struct session *s)
{
    struct strlist l;
    if (!retire_journal_get(s->dir, &l))
        return;
    for (size_t k = 0; k < l.n; k++) {
        if (round_index(s, l.v[k]) == ROUND_NONE)
            continue; /* gone from disk meanwhile */
        strlist_add(&s->rec.retired, l.v[k]);
        size_t len = strlen(s->rec.summary);
        snprintf(s->rec.summary + len, sizeof s->rec.summary - len,
                 _("%sassessments/%s.cfg deleted or renamed"), len ? ", " : "", l.v[k]);
    }
    strlist_free(&l);
}

void retire_recover(struct session *s)
{
    for (size_t k = 0; k < s->rec.retired.n; k++) {
        size_t i = round_index(s, s->rec.retired.v[k]);
        /* a round recovered under that name is a new one: it stays */
        if (i == ROUND_NONE || !s->rounds[i]->d.on_disk || doc_modified(&s->rounds[i]->d))
            continue;
        char msg[300];
        core_delete_round(s, i, msg, sizeof msg);
    }
    s->retired_journaled = s->retired_edits; /* the journal holds the list */
}

bool retire_save(struct session *s, bool *unchanged)
{
    bool ok = true;
    size_t k = 0;
    for (size_t i = 0; i < s->retired.n; i++) {
        const char *name = s->retired.v[i];
        /* a round saved under that name again keeps its file */
        bool gone = round_index(s, name) != ROUND_NONE || ws_retire_round(s->dir, name, &s->diags);
        if (gone) {
            *unchanged = false;
            free(s->retired.v[i]);
        } else {
            s->retired.v[k++] = s->retired.v[i];
            ok = false;
        }
    }
    s->retired.n = k;
    if (!k)
        strlist_free(&s->retired);
    return ok;
}

static void first_error(const struct session *s, const char *tail, char *why, size_t size);

bool session_round_unreadable(const struct session *s, const struct round *r, char *why, size_t size)
{
    const struct round_doc *rd = NULL;
    for (size_t i = 0; i < s->nrounds && !rd; i++)
        if (&s->rounds[i]->r == r)
            rd = s->rounds[i];
    if (!rd || !rd->unreadable)
        return false;
    first_error(s, rd->name, why, size); /* assessments/NAME.cfg */
    return true;
}

bool session_profile_unreadable(const struct session *s, char *why, size_t size)
{
    if (s->pinfo.status != WS_UNREADABLE)
        return false;
    first_error(s, "profile.cfg", why, size);
    return true;
}

/* why = "TAIL:LINE: the reader's first error" for the file ending in tail. */
static void first_error(const struct session *s, const char *tail, char *why, size_t size)
{
    snprintf(why, size, "%s", tail);
    for (size_t i = 0; i < s->read_diags.n; i++) { /* its first error, FILE:LINE and what */
        const struct diag *d = &s->read_diags.v[i];
        size_t fl = d->file ? strlen(d->file) : 0, tl = strlen(tail);
        if (d->severity != DIAG_ERROR || fl < tl || strcmp(d->file + fl - tl, tail) != 0)
            continue;
        if (d->line > 0)
            snprintf(why, size, "%s:%d: %s", tail, d->line, d->text);
        else
            snprintf(why, size, "%s: %s", tail, d->text);
        break;
    }
}
