/* session: the open workspace, its counters, journal and saving. */
#include "config.h"
#include "core/session.h"
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

static bool checklist_equal(const struct checklist *a, const struct checklist *b);
static void find_recovery(struct session *s);

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
    s->gen++;
    return s->nrounds++;
}

void session_open(struct session *s, const struct library *lib, const char *dir,
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
    enum ws_status ps = ws_load_profile(pp, lib, &s->profile, &s->pinfo, &s->diags);
    enum ws_status cs = ws_load_checklist(cp, lib, &s->checklist, &s->cinfo, &s->diags);
    free(pp);
    free(cp);
    char **names;
    size_t nr = ws_list_rounds(dir, &names);
    bool rounds_bad = false;
    for (size_t i = 0; i < nr; i++) {
        struct strbuf rp = STRBUF_INIT;
        sb_printf(&rp, "%s/assessments/%s.cfg", dir, names[i]);
        struct ws_file info = {0};
        struct round_doc *rd = round_doc_new(names[i], true);
        if (ws_load_round(sb_str(&rp), lib, &s->profile, &rd->r, &info, &s->diags) == WS_UNREADABLE)
            rounds_bad = true;
        session_add_round(s, rd);
        s->rounds_have_comments |= info.has_comments;
        free(info.path);
        sb_free(&rp);
        free(names[i]);
    }
    free(names);
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

static struct round_doc *round_named(const struct session *s, const char *name)
{
    for (size_t k = 0; k < s->nrounds; k++)
        if (strcmp(s->rounds[k]->r.name, name) == 0)
            return s->rounds[k];
    return NULL;
}

/* The draft of a lost session: where its text goes, as a change. */
static bool draft_change(const struct draft_rec *dr, struct docchange *ch)
{
    static const struct coll_def *const singles[] = {&profile_org_def, &profile_criteria_def,
                                                     &round_head_def};
    memset(ch, 0, sizeof *ch);
    const struct coll_def *def = NULL;
    for (size_t i = 0; i < sizeof singles / sizeof *singles; i++)
        if (strcmp(singles[i]->key, dr->coll) == 0)
            def = singles[i];
    for (int i = 0; !def && i < COLL__COUNT; i++)
        if (strcmp(profile_coll_defs[i]->key, dr->coll) == 0)
            def = profile_coll_defs[i];
    for (int i = 0; !def && i < RC__COUNT; i++)
        if (strcmp(round_coll_defs[i]->key, dr->coll) == 0)
            def = round_coll_defs[i];
    int f = def ? field_index(def, dr->field) : -1;
    if (f < 0 || dr->index < 0)
        return false;
    ch->op = CH_SET;
    ch->file = xstrdup(dr->file);
    ch->def = def;
    ch->id = dr->id ? xstrdup(dr->id) : NULL;
    ch->index = (size_t)dr->index;
    ch->field = (size_t)f;
    ch->v.s = xstrdup(dr->text);
    ch->v.set = *dr->text != '\0';
    return true;
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
        const struct round_doc *disk = round_named(s, names[i]);
        if (ws_load_round(sb_str(&rp), s->lib, &s->rec.profile, &r, &info, &dl) == WS_OK
            && (!disk || !round_equal(&r, &disk->r))) {
            struct strbuf nm = STRBUF_INIT;
            sb_printf(&nm, "assessments/%s.cfg", names[i]);
            if (disk)
                summary_add(s, sb_str(&nm), round_changes(&r, &disk->r));
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
    struct draft_rec dr;
    if (draft_get(s->dir, &dr)) {
        if (draft_change(&dr, &s->rec.draft)) {
            s->rec.has_draft = true;
            size_t len = strlen(s->rec.summary);
            snprintf(s->rec.summary + len, sizeof s->rec.summary - len,
                     _("%stext being typed into %s of %s"), len ? ", " : "", dr.field, dr.file);
        }
        draft_rec_free(&dr);
    }
    s->rec.available = s->rec.has_profile || s->rec.has_checklist || s->rec.nrounds || s->rec.has_draft;
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
    change_free(&s->rec.draft);
    memset(&s->rec, 0, sizeof s->rec);
}

/* A recovered document: modified, and the journal holds it already. */
static void recovered(struct session *s, struct doc *d)
{
    d->edits++;
    d->journaled = d->edits;
    s->gen++;
}

void session_recover(struct session *s, bool yes)
{
    if (!s->rec.available)
        return;
    if (!yes) {
        journal_clear(s->dir);
        recovery_free(s);
        return;
    }
    if (s->rec.has_profile) {
        profile_free(&s->profile);
        profile_copy(&s->profile, &s->rec.profile);
        recovered(s, &s->pdoc);
    }
    if (s->rec.has_checklist) {
        checklist_free(&s->checklist);
        checklist_copy(&s->checklist, &s->rec.checklist);
        recovered(s, &s->cdoc);
    }
    for (size_t i = 0; i < s->rec.nrounds; i++) {
        struct round *r = &s->rec.rounds[i];
        struct round_doc *rd = round_named(s, r->name);
        if (!rd)
            session_add_round(s, rd = round_doc_new(r->name, false));
        round_free(&rd->r);
        round_copy(&rd->r, r, NULL);
        recovered(s, &rd->d);
    }
    if (s->rec.has_draft) {
        /* the text typed before the loss becomes the field's value */
        const struct docchange *ch = &s->rec.draft;
        struct round_doc *rd = NULL;
        for (size_t k = 0; k < s->nrounds; k++)
            if (strcmp(s->rounds[k]->d.name, ch->file) == 0)
                rd = s->rounds[k];
        struct doc *d = rd ? &rd->d : strcmp(ch->file, "checklist.cfg") == 0 ? &s->cdoc : &s->pdoc;
        struct docset ds = {.profile = d == &s->pdoc ? &s->profile : NULL,
                            .checklist = d == &s->cdoc ? &s->checklist : NULL,
                            .round = rd ? &rd->r : NULL};
        if (change_apply(ch, &ds, NULL)) {
            change_log_push(&s->log, ch);
            d->edits++;
            s->gen++;
        }
    }
    recovery_free(s);
}

void session_discard(struct session *s)
{
    if (s->dir && !s->read_only)
        journal_clear(s->dir);
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

bool doc_modified(const struct doc *d)
{
    return d->edits != d->saved || !d->on_disk;
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
    if (doc_modified(d)) {
        char *t = format(doc);
        journal_put(s->dir, d->name, t, dl);
        free(t);
    } else {
        journal_drop(s->dir, d->name);
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

void session_journal(struct session *s, long long now_ms, bool idle)
{
    if (!s->dir || s->read_only || s->rec.available)
        return;
    struct diag_list dl = {0};
    journal_doc(s, &s->pdoc, format_profile, &s->profile, &dl);
    journal_doc(s, &s->cdoc, format_checklist, &s->checklist, &dl);
    for (size_t i = 0; i < s->nrounds; i++)
        journal_doc(s, &s->rounds[i]->d, format_round, &s->rounds[i]->r, &dl);
    journal_draft(s, now_ms, idle, &dl);
    if (dl.n)
        snprintf(s->journal_error, sizeof s->journal_error,
                 _("No recovery copy of the edits (%s): save soon"), dl.v[0].text);
    else if (s->journal_error[0] && !session_modified(s))
        s->journal_error[0] = '\0';
    diag_clear(&dl);
}

void session_close(struct session *s)
{
    recovery_free(s);
    lock_release(&s->lock);
    if (s->demo && s->dir)
        ws_remove_tree(s->dir);
    for (size_t i = 0; i < s->nrounds; i++) {
        round_free(&s->rounds[i]->r);
        free(s->rounds[i]);
    }
    free(s->rounds);
    free(s->flat);
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
    for (size_t i = 0; i < s->nrounds; i++)
        if (doc_modified(&s->rounds[i]->d))
            return true;
    return doc_modified(&s->pdoc) || doc_modified(&s->cdoc);
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

/* Keep the log's changes of the documents that are still unsaved. */
static void log_keep_unsaved(struct session *s)
{
    size_t k = 0;
    for (size_t i = 0; i < s->log.n; i++) {
        struct docchange *c = &s->log.v[i];
        const struct doc *d = strcmp(c->file, "profile.cfg") == 0     ? &s->pdoc
                            : strcmp(c->file, "checklist.cfg") == 0 ? &s->cdoc
                                                                      : NULL;
        for (size_t r = 0; !d && r < s->nrounds; r++)
            if (strcmp(s->rounds[r]->d.name, c->file) == 0)
                d = &s->rounds[r]->d;
        if (d && doc_modified(d))
            s->log.v[k++] = *c;
        else
            change_free(c);
    }
    s->log.n = k;
}

/* Save one document when it is modified. */
static bool save_doc(struct session *s, struct doc *d, bool (*save)(const char *, const void *, bool *, struct diag_list *),
                     const void *doc, bool *unchanged)
{
    if (!doc_modified(d))
        return true;
    char *path = ws_path(s->dir, d->name);
    bool same = true;
    bool ok = save(path, doc, &same, &s->diags);
    free(path);
    if (ok) {
        d->saved = d->journaled = d->edits;
        d->on_disk = true;
        *unchanged = *unchanged && same;
    }
    return ok;
}

static bool save_profile(const char *p, const void *d, bool *u, struct diag_list *dl) { return ws_save_profile(p, d, u, dl); }
static bool save_checklist(const char *p, const void *d, bool *u, struct diag_list *dl) { return ws_save_checklist(p, d, u, dl); }
static bool save_round(const char *p, const void *d, bool *u, struct diag_list *dl) { return ws_save_round(p, d, u, dl); }

/* Test-only (man/kijun.1, ENVIRONMENT): with KIJUN_TEST_DUMP=DIR each
 * save writes the text of every document on disk as the workbench holds
 * it into DIR (DIR/NAME as in the workspace), then DIR/saves (a count),
 * so that tests/monkey can compare the files on disk with it. */
static void dump_one(const char *dir, const struct doc *d, char *text)
{
    if (d->on_disk) {
        struct strbuf p = STRBUF_INIT;
        sb_printf(&p, "%s/%s", dir, d->name);
        FILE *f = fopen(sb_str(&p), "w");
        if (f) {
            fputs(text, f);
            fclose(f);
        }
        sb_free(&p);
    }
    free(text);
}

static void test_dump(const struct session *s)
{
    static unsigned long saves;
    const char *dir = getenv("KIJUN_TEST_DUMP");
    if (!dir || !*dir)
        return;
    struct strbuf p = STRBUF_INIT;
    sb_printf(&p, "%s/assessments", dir);
    mkdir(sb_str(&p), 0700);
    dump_one(dir, &s->pdoc, ws_format_profile(&s->profile));
    dump_one(dir, &s->cdoc, ws_format_checklist(&s->checklist));
    for (size_t i = 0; i < s->nrounds; i++)
        dump_one(dir, &s->rounds[i]->d, ws_format_round(&s->rounds[i]->r));
    sb_reset(&p);
    sb_printf(&p, "%s/saves", dir);
    FILE *f = fopen(sb_str(&p), "w");
    if (f) {
        fprintf(f, "%lu\n", ++saves);
        fclose(f);
    }
    sb_free(&p);
}

bool session_save(struct session *s, char *msg, size_t size)
{
    if (s->read_only) {
        snprintf(msg, size, _("Read-only: %s"), s->why_read_only);
        return false;
    }
    diag_clear(&s->diags);
    bool unchanged = true;
    bool ok = save_doc(s, &s->pdoc, save_profile, &s->profile, &unchanged);
    if (ok)
        ok = save_doc(s, &s->cdoc, save_checklist, &s->checklist, &unchanged);
    for (size_t i = 0; ok && i < s->nrounds; i++)
        ok = save_doc(s, &s->rounds[i]->d, save_round, &s->rounds[i]->r, &unchanged);
    log_keep_unsaved(s);
    if (!ok) {
        /* the reason, without the long path in front: it must fit the line */
        const struct diag *d = s->diags.n ? &s->diags.v[s->diags.n - 1] : NULL;
        const char *file = d && d->file ? strrchr(d->file, '/') : NULL;
        snprintf(msg, size, _("Not saved: %s: %s"), file ? file + 1 : "?", d ? d->text : "?");
        return false;
    }
    s->pinfo.has_comments = s->cinfo.has_comments = s->rounds_have_comments = false;
    journal_clear(s->dir);
    s->draft.in_journal = false;
    s->draft.journaled = s->draft.edits;
    s->gen++;
    test_dump(s);
    struct diag_list findings = {0};
    profile_check(&s->profile, s->lib, "profile.cfg", &findings);
    const struct diag *warn = NULL;
    for (size_t i = 0; i < s->diags.n; i++)
        if (s->diags.v[i].severity == DIAG_WARNING)
            warn = &s->diags.v[i];
    if (warn) /* atomic_save says "saved, but ...": say it with a capital */
        snprintf(msg, size, "%c%s", toupper((unsigned char)warn->text[0]), warn->text + 1);
    else if (unchanged)
        snprintf(msg, size, "%s", _("No change: nothing to save"));
    else if (findings.n)
        snprintf(msg, size, _("Saved to %s; %zu findings remain (see kijun check)"), s->dir, findings.n);
    else
        snprintf(msg, size, _("Saved to %s"), s->dir);
    diag_clear(&findings);
    return true;
}
