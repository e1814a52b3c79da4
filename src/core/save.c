/* save: saving the modified documents of the session, each only when
 * its file is still the one kijun loaded (core/conflict.h). */
#include "config.h"
#include "core/conflict.h"
#include "core/findings.h"
#include "core/rounds.h"
#include "core/session.h"
#include "model/snapshot.h"
#include "model/validate.h"
#include "store/journal.h"
#include "store/workspace.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The files the findings are in, "profile.cfg, 2026.cfg", for a message
 * (the first few; the findings of one file come together). */
static void findings_files(const struct findings *f, char *out, size_t size)
{
    const char *seen[2];
    size_t ns = 0, len = 0;
    out[0] = '\0';
    for (size_t i = 0; i < f->n && len < size; i++) {
        bool known = false;
        for (size_t k = 0; k < ns && !known; k++)
            known = strcmp(seen[k], f->v[i].file) == 0;
        if (known)
            continue;
        if (ns == sizeof seen / sizeof *seen) {
            snprintf(out + len, size - len, ", ...");
            return;
        }
        seen[ns++] = f->v[i].file;
        const char *name = strrchr(f->v[i].file, '/');
        len += (size_t)snprintf(out + len, size - len, "%s%s", len ? ", " : "", name ? name + 1 : f->v[i].file);
    }
}

/* The columns a message has beside the status line at 80 columns. */
#define SAVE_MESSAGE_COLS 50

/* "Saved; 3 findings (6 shows them) in profile.cfg, 2026.cfg", the key
 * first, so that a cut loses only names; without the names when they
 * would not fit beside the status line at 80 columns. */
static void saved_findings(const struct session *s, const struct findings *f, const char *where,
                           char *msg, size_t size)
{
    snprintf(msg, size, P_("Saved; %zu finding (%s shows it) in %s", "Saved; %zu findings (%s shows them) in %s",
                           f->n), f->n, s->findings_key, where);
    if (utf8_width(msg) > SAVE_MESSAGE_COLS)
        snprintf(msg, size, P_("Saved; %zu finding (%s shows it)", "Saved; %zu findings (%s shows them)", f->n),
                 f->n, s->findings_key);
}

/* Keep the log's changes of the documents that are still unsaved. */
void session_log_keep_unsaved(struct session *s)
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

static struct round_doc *round_of(struct session *s, struct doc *d)
{
    for (size_t i = 0; i < s->nrounds; i++)
        if (&s->rounds[i]->d == d)
            return s->rounds[i];
    return NULL;
}

/* --- lines as saved ------------------------------------------------------------
 * A save writes the document in kijun's form, whose lines are not those it
 * was read from: the findings would point at the old ones. The saved file
 * is read again and its lines (and what reading it finds) taken over; the
 * documents are the same by the writer's fidelity, entry for entry. */

static void record_lines(struct record *dst, const struct record *src, const struct coll_def *def)
{
    dst->line = src->line;
    dst->id_line = src->id_line;
    for (size_t i = 0; i < def->nfields; i++)
        dst->v[i].line = src->v[i].line;
}

static void coll_lines(struct collection *dst, const struct collection *src)
{
    for (size_t i = 0; i < dst->n && i < src->n; i++) {
        const char *a = dst->r[i].id, *b = src->r[i].id;
        if ((!a) == (!b) && (!a || strcmp(a, b) == 0))
            record_lines(&dst->r[i], &src->r[i], dst->def);
    }
}

static void relines(struct session *s, struct doc *d)
{
    char *path = ws_path(s->dir, d->name);
    struct diag_list dl = {0};
    struct ws_file info = {0};
    struct round_doc *rd;
    if (d == &s->pdoc) {
        struct profile p;
        profile_init(&p);
        if (ws_load_profile(path, s->lib, &p, &info, &dl) == WS_OK) {
            record_lines(&s->profile.org, &p.org, &profile_org_def);
            record_lines(&s->profile.criteria, &p.criteria, &profile_criteria_def);
            for (int c = 0; c < COLL__COUNT; c++)
                coll_lines(&s->profile.c[c], &p.c[c]);
            s->profile.old_suppliers_line = p.old_suppliers_line;
        }
        profile_free(&p);
    } else if (d == &s->cdoc) {
        struct checklist c;
        checklist_init(&c);
        if (ws_load_checklist(path, s->lib, &c, &info, &dl) == WS_OK)
            coll_lines(&s->checklist.items, &c.items);
        checklist_free(&c);
    } else if ((rd = round_of(s, d))) {
        struct round r;
        round_init(&r, rd->r.name);
        if (ws_load_round(path, s->lib, &s->profile, &r, &info, &dl) == WS_OK) {
            round_read_fill(&r, &s->profile);
            record_lines(&rd->r.head, &r.head, &round_head_def);
            for (int c = 0; c < RC__COUNT; c++)
                coll_lines(&rd->r.c[c], &r.c[c]);
        }
        round_free(&r);
    }
    session_read_again(s, d->name, &dl); /* what reading it finds, as saved */
    diag_clear(&dl);
    free(info.path);
    free(path);
}

bool session_save_doc(struct session *s, struct doc *d, bool *unchanged)
{
    if (!doc_to_write(d))
        return true;
    if (!session_hold_lock(s, &s->diags))
        return false;
    char *path = ws_path(s->dir, d->name);
    bool same = true, ok;
    struct round_doc *rd;
    if (d == &s->pdoc)
        ok = ws_save_profile(path, &s->profile, &same, &s->diags);
    else if (d == &s->cdoc)
        ok = ws_save_checklist(path, &s->checklist, &same, &s->diags);
    else if ((rd = round_of(s, d))) {
        ok = ws_save_round(path, &rd->r, &same, &s->diags);
        rd->fresh = rd->fresh && !ok; /* it has a file now */
    } else {
        ok = false;
    }
    free(path);
    if (ok) {
        d->saved = d->journaled = d->edits;
        d->on_disk = true;
        d->conflict = false;
        d->upgrade = false;
        d->restored_over = false;
        d->base_journaled = false; /* the next edit begins on this file */
        if (d == &s->pdoc) /* the new form is on disk: nothing left to merge */
            s->profile.old_suppliers = s->profile.old_suppliers_joined = 0;
        *unchanged = *unchanged && same;
        /* what is on disk now is ours: the next save compares with it */
        stamp_take(s->dir, d->name, &d->stamp);
        if (!same)
            relines(s, d);
    }
    return ok;
}

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
    char today[11];
    session_today(today);
    for (size_t i = 0; i < s->nrounds; i++) /* a round that closes is closed when saved */
        core_round_settle(s, &s->rounds[i]->r, today);
    if (session_modified(s) && !session_hold_lock(s, &s->diags)) {
        snprintf(msg, size, _("Not saved: %s"), s->diags.v[0].text);
        return false;
    }
    /* nothing is written while another program's version would be lost */
    s->conflict = conflict_find(s);
    if (s->conflict) {
        conflict_question(s, s->conflict, msg, size);
        return false;
    }
    if (!retire_precheck(s, msg, size))
        return false;
    bool unchanged = true;
    bool ok = session_save_doc(s, &s->pdoc, &unchanged);
    if (ok)
        ok = session_save_doc(s, &s->cdoc, &unchanged);
    for (size_t i = 0; ok && i < s->nrounds; i++)
        ok = session_save_doc(s, &s->rounds[i]->d, &unchanged);
    if (ok) /* rounds deleted or renamed: their old files become backups */
        ok = retire_save(s, &unchanged);
    session_log_keep_unsaved(s);
    if (!ok) {
        /* the reason, without the long path in front: it must fit the line */
        const struct diag *d = s->diags.n ? &s->diags.v[s->diags.n - 1] : NULL;
        const char *file = d && d->file ? strrchr(d->file, '/') : NULL;
        snprintf(msg, size, _("Not saved: %s: %s"), file ? file + 1 : "?", d ? d->text : "?");
        return false;
    }
    s->pinfo.has_comments = s->cinfo.has_comments = s->rounds_have_comments = false;
    journal_clear(s->dir);
    s->pdoc.base_journaled = s->cdoc.base_journaled = false;
    for (size_t i = 0; i < s->nrounds; i++)
        s->rounds[i]->d.base_journaled = false;
    s->draft.in_journal = false;
    s->draft.journaled = s->draft.edits;
    s->gen++;
    test_dump(s);
    struct findings found = {0};
    session_all_findings(s, &found, NULL, NULL);
    char where[160];
    findings_files(&found, where, sizeof where);
    const struct diag *warn = NULL;
    for (size_t i = 0; i < s->diags.n; i++)
        if (s->diags.v[i].severity == DIAG_WARNING)
            warn = &s->diags.v[i];
    if (warn) /* atomic_save says "saved, but ...": say it with a capital */
        snprintf(msg, size, "%c%s", toupper((unsigned char)warn->text[0]), warn->text + 1);
    else if (unchanged)
        snprintf(msg, size, "%s", _("No change: nothing to save"));
    else if (found.n && s->findings_key[0])
        saved_findings(s, &found, where, msg, size);
    else if (found.n)
        snprintf(msg, size, P_("Saved; %zu finding in %s (kijun check)",
                               "Saved; %zu findings in %s (kijun check)", found.n),
                 found.n, where);
    else
        snprintf(msg, size, _("Saved to %s"), s->dir);
    findings_free(&found);
    return true;
}
