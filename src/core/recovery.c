/* recovery: the unsaved edits of a lost session, found in the journal
 * when the workspace opens (documents and the text that was being
 * typed), offered, and restored or thrown away. */
#include "config.h"
#include "core/session.h"
#include "core/rounds.h"
#include "model/rules.h"
#include "model/snapshot.h"
#include "store/draft.h"
#include "store/journal.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool checklist_equal(const struct checklist *a, const struct checklist *b)
{
    if (a->items.n != b->items.n)
        return false;
    for (size_t i = 0; i < a->items.n; i++)
        if (!record_equal(&a->items.r[i], &b->items.r[i], &checklist_def))
            return false;
    return true;
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

/* One file of the question: its name, how many entries its copy
 * changes, and whether another program changed the file since. */
static void summary_add(struct session *s, const char *name, size_t changes, const struct doc *d)
{
    size_t len = strlen(s->rec.summary);
    bool since = d && journal_base_changed(s->dir, name, &d->stamp) == 1;
    if (since)
        snprintf(s->rec.summary + len, sizeof s->rec.summary - len,
                 /* the difference holds the other program's changes too */
                 P_("%s%s (%zu entry differs from the file, which another program changed since)",
                    "%s%s (%zu entries differ from the file, which another program changed since)", changes),
                 len ? ", " : "", name, changes);
    else
        snprintf(s->rec.summary + len, sizeof s->rec.summary - len,
                 P_("%s%s (%zu entry changed)", "%s%s (%zu entries changed)", changes),
                 len ? ", " : "", name, changes);
}

static struct round_doc *round_named(const struct session *s, const char *name)
{
    for (size_t k = 0; k < s->nrounds; k++)
        if (strcmp(s->rounds[k]->r.name, name) == 0)
            return s->rounds[k];
    return NULL;
}

/* The draft of a reopening's reason: typed before the reopening was
 * made (core_draft_open_new), so it has no entry to go to. */
static bool reopening_reason(const struct docchange *ch)
{
    return ch->def == round_coll_defs[RC_REOPENED] && ch->field == REOPEN_WHY;
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
void session_find_recovery(struct session *s)
{
    struct diag_list dl = {0};
    char *pp = journal_path(s->dir, "profile.cfg");
    struct ws_file info = {0};
    profile_init(&s->rec.profile);
    checklist_init(&s->rec.checklist);
    if (ws_load_profile(pp, s->lib, &s->rec.profile, &info, &dl) == WS_OK
        && !profile_equal(&s->rec.profile, &s->profile)) {
        s->rec.has_profile = true;
        summary_add(s, "profile.cfg", profile_changes(&s->rec.profile, &s->profile), &s->pdoc);
    }
    free(info.path);
    free(pp);
    char *cp = journal_path(s->dir, "checklist.cfg");
    memset(&info, 0, sizeof info);
    if (ws_load_checklist(cp, s->lib, &s->rec.checklist, &info, &dl) == WS_OK
        && !checklist_equal(&s->rec.checklist, &s->checklist)) {
        s->rec.has_checklist = true;
        summary_add(s, "checklist.cfg", coll_changes(&s->rec.checklist.items, &s->checklist.items), &s->cdoc);
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
        bool read = ws_load_round(sb_str(&rp), s->lib, &s->rec.profile, &r, &info, &dl) == WS_OK;
        if (read)
            round_read_fill(&r, &s->rec.profile);
        if (read
            && (!disk || !round_equal(&r, &disk->r))) {
            struct strbuf nm = STRBUF_INIT;
            sb_printf(&nm, "assessments/%s.cfg", names[i]);
            if (disk)
                summary_add(s, sb_str(&nm), round_changes(&r, &disk->r), &disk->d);
            else
                summary_add(s, sb_str(&nm), r.c[RC_RISKS].n + 1, NULL);
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
            /* a round's file moved away since: the text has no place */
            char stem[80] = "";
            size_t fl = strlen(dr.file);
            bool round = strncmp(dr.file, "assessments/", 12) == 0 && fl > 16
                         && strcmp(dr.file + fl - 4, ".cfg") == 0;
            if (round)
                snprintf(stem, sizeof stem, "%.*s", (int)(fl - 16), dr.file + 12);
            bool gone = round && !round_named(s, stem);
            for (size_t i = 0; gone && i < s->rec.nrounds; i++)
                gone = strcmp(s->rec.rounds[i].name, stem) != 0;
            const struct docchange *ch = &s->rec.draft;
            const char *label = _(ch->def->fields[ch->field].label);
            if (reopening_reason(ch))
                snprintf(s->rec.summary + len, sizeof s->rec.summary - len,
                         gone ? _("%sthe reason of a reopening of %s, being typed (its file is gone)")
                              : _("%sthe reason of a reopening of %s, being typed"),
                         len ? ", " : "", dr.file);
            else
                snprintf(s->rec.summary + len, sizeof s->rec.summary - len,
                         gone ? _("%stext being typed into %s of %s (its file is gone)")
                              : _("%stext being typed into %s of %s"),
                         len ? ", " : "", label, dr.file);
        }
        draft_rec_free(&dr);
    }
    retire_find(s);
    s->rec.available = s->rec.has_profile || s->rec.has_checklist || s->rec.nrounds || s->rec.has_draft
                    || s->rec.retired.n;
    if (!s->rec.available)
        journal_clear(s->dir);
}

void session_recovery_free(struct session *s)
{
    profile_free(&s->rec.profile);
    checklist_free(&s->rec.checklist);
    for (size_t i = 0; i < s->rec.nrounds; i++)
        round_free(&s->rec.rounds[i]);
    free(s->rec.rounds);
    change_free(&s->rec.draft);
    strlist_free(&s->rec.retired);
    memset(&s->rec, 0, sizeof s->rec);
}

/* A recovered document: modified, and the journal holds it already,
 * with the file its edits began on; when another program changed that
 * file since, the save asks first (restored_over). */
static void recovered(struct session *s, struct doc *d)
{
    d->edits++;
    d->journaled = d->edits;
    int since = journal_base_changed(s->dir, d->name, &d->stamp);
    d->base_journaled = since >= 0; /* kept as it was: the edits' own beginning */
    d->restored_over = since == 1;
    s->gen++;
}

void session_recover(struct session *s, bool yes)
{
    if (!s->rec.available)
        return;
    if (!yes) {
        journal_clear(s->dir);
        session_recovery_free(s);
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
    retire_recover(s);
    if (s->rec.has_draft) {
        /* the text typed before the loss becomes the field's value */
        const struct docchange *ch = &s->rec.draft;
        struct round_doc *rd = NULL;
        for (size_t k = 0; k < s->nrounds; k++)
            if (strcmp(s->rounds[k]->d.name, ch->file) == 0)
                rd = s->rounds[k];
        bool in_round = strncmp(ch->file, "assessments/", 12) == 0;
        struct doc *d = rd ? &rd->d : strcmp(ch->file, "checklist.cfg") == 0 ? &s->cdoc : &s->pdoc;
        struct docset ds = {.profile = d == &s->pdoc ? &s->profile : NULL,
                            .checklist = d == &s->cdoc ? &s->checklist : NULL,
                            .round = rd ? &rd->r : NULL};
        if ((!in_round || rd) && change_apply(ch, &ds, NULL)) {
            change_log_push(&s->log, ch);
            d->edits++;
            s->gen++;
        } else {
            /* its entry or file is gone, or a reopening was not finished:
             * the text is said, for the user to put where it belongs, and
             * not offered again */
            if (reopening_reason(ch))
                snprintf(s->recovery_note, sizeof s->recovery_note,
                         _("Recovered, but the reopening of %s was not finished before the loss, so "
                           "its reason has no place yet (reopen the round again to record it): \"%.500s\""),
                         ch->file, ch->v.s ? ch->v.s : "");
            else
                snprintf(s->recovery_note, sizeof s->recovery_note,
                         _("Recovered, but the text typed into %s of %s has no place now (its entry or "
                           "file is gone): \"%.500s\""), _(ch->def->fields[ch->field].label), ch->file,
                         ch->v.s ? ch->v.s : "");
            draft_drop(s->dir);
        }
    }
    session_recovery_free(s);
}

void session_discard(struct session *s)
{
    if (s->dir && !s->read_only)
        journal_clear(s->dir);
}

