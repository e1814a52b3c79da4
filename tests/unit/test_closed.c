/* Unit tests of closed rounds: the rule (a round closes when its five
 * steps have valid sign-offs, and again after a reopening only with a
 * sign-off made since), the closing digest and what changed outside
 * kijun, kijun check's finding, an older file's migration and its
 * round trip; and the core: a closed round refuses every edit but its
 * reopening, which needs who and why and is saved like any edit. */
#include <criterion/criterion.h>
#include "fields.h"
#include "diag_expect.h"
#include "core/conflict.h"
#include "core/edits.h"
#include "core/rounds.h"
#include "core/session.h"
#include "model/export.h"
#include "model/rules.h"
#include "store/workspace.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "demo_session.h"

#define RD(i) round_coll_defs[i]

static void set(struct record *x, const struct coll_def *def, const char *key, const char *text)
{
    struct value *v = value_of(x, def, key);
    value_free(v);
    v->s = xstrdup(text);
    v->set = true;
}

static struct record *add(struct collection *c, const char *id)
{
    struct record x;
    record_init(&x, c->def);
    x.id = xstrdup(id);
    size_t i = coll_add(c, &x); /* before c->r is read: it may move */
    return &c->r[i];
}

/* A round with one risk and `n` of the five steps signed off (in step
 * order), each on `date`, with its digest as kijun sets it. */
static void round_with(struct round *r, int n, const char *date)
{
    round_init(r, "2026");
    set(&r->head, &round_head_def, "date", "2026-04-01");
    set(&r->head, &round_head_def, "purpose", "Annual");
    struct record *x = add(&r->c[RC_RISKS], "risk-1");
    set(x, RD(RC_RISKS), "title", "Ransomware");
    for (int k = 0; k < n; k++) {
        struct record *so = add(&r->c[RC_SIGNOFFS], step_id((enum step)k));
        set(so, RD(RC_SIGNOFFS), "reviewer", "Audit office");
        set(so, RD(RC_SIGNOFFS), "date", date);
    }
    round_migrate(r); /* the digests; and the closing when all five are there */
}

static void close_it(struct round *r, const char *today)
{
    struct record rec;
    round_closing(r, today, &rec);
    coll_add(&r->c[RC_CLOSED], &rec);
}

static void reopen_it(struct round *r, const char *today)
{
    struct record rec;
    round_reopening(r, "Tanaka", "a risk was missed", today, &rec);
    coll_add(&r->c[RC_REOPENED], &rec);
}

/* Sign off step s again, as the core does: the digest and the count of
 * reopenings of now. */
static void resign(struct round *r, enum step st, const char *date)
{
    struct record *so = coll_find(&r->c[RC_SIGNOFFS], step_id(st));
    set(so, RD(RC_SIGNOFFS), "date", date);
    char d[17];
    step_digest(r, st, d);
    set(so, RD(RC_SIGNOFFS), "digest", d);
    struct value *v = &so->v[SO_REOPENS];
    v->set = true;
    v->i = (long long)round_reopens(r);
}

Test(closed_rule, five_valid_signoffs_close_a_round)
{
    struct round r;
    round_with(&r, 4, "2026-06-01");
    cr_assert_not(round_closes(&r), "four steps signed off: open");
    cr_assert_not(round_closed(&r));
    cr_assert_eq(r.c[RC_CLOSED].n, 0);
    round_free(&r);
    round_with(&r, 5, "2026-06-01");
    cr_assert(round_closes(&r));
    cr_assert(round_closed(&r), "migrated: closed as read");
    cr_assert_str_eq(round_closed_on(&r), "2026-06-01", "as of its last sign-off");
    cr_assert_not(round_changed_outside(&r));
    round_free(&r);
}

/* A round saved closed by kijun (its sign-offs say how many reopenings
 * came before them) whose closing an editor removed, with its history or
 * not: closed again as read, but flagged as changed outside kijun; an
 * older round (no such count) closes as read, untouched. */
Test(closed_rule, a_closing_removed_outside_kijun_is_flagged)
{
    struct round r;
    round_with(&r, 5, "2026-06-01");
    cr_assert(round_closed(&r) && !round_changed_outside(&r), "an older file: closed as read, untouched");
    for (enum step st = 0; st < STEP__COUNT; st++)
        resign(&r, st, "2026-06-01"); /* as kijun writes them now */
    coll_free(&r.c[RC_CLOSED]);
    r.c[RC_CLOSED].def = round_coll_defs[RC_CLOSED];
    cr_assert_not(round_closed(&r));
    round_migrate(&r);
    cr_assert(round_closed(&r), "closed again as read");
    cr_assert(round_changed_outside(&r), "but flagged: its closing was removed outside kijun");
    round_free(&r);
}

Test(closed_rule, a_stale_or_incomplete_signoff_does_not_close)
{
    struct round r;
    round_with(&r, 4, "2026-06-01");
    struct record *so = add(&r.c[RC_SIGNOFFS], "review");
    set(so, RD(RC_SIGNOFFS), "reviewer", "Audit office");
    cr_assert_not(round_closes(&r), "no date: not a sign-off yet");
    set(so, RD(RC_SIGNOFFS), "date", "2026-06-01");
    resign(&r, STEP_REVIEW, "2026-06-01");
    cr_assert(round_closes(&r));
    set(&r.c[RC_RISKS].r[0], RD(RC_RISKS), "title", "Changed");
    cr_assert_not(round_closes(&r), "the assessment's sign-off is stale");
    round_free(&r);
}

Test(closed_rule, a_change_after_the_closing_is_a_change_outside_kijun)
{
    struct round r;
    round_with(&r, 5, "2026-06-01");
    cr_assert_not(round_changed_outside(&r));
    set(&r.c[RC_RISKS].r[0], RD(RC_RISKS), "title", "Edited in an editor");
    cr_assert(round_changed_outside(&r));
    cr_assert(round_closed(&r), "still closed: only a reopening opens it");
    set(&r.c[RC_RISKS].r[0], RD(RC_RISKS), "title", "Ransomware");
    cr_assert_not(round_changed_outside(&r), "as it was closed again");
    /* what the sign-off digests do not cover is covered too */
    set(&r.c[RC_SIGNOFFS].r[0], RD(RC_SIGNOFFS), "comment", "added later");
    cr_assert(round_changed_outside(&r), "a sign-off's comment");
    round_free(&r);
}

Test(closed_rule, reopened_it_closes_again_only_with_a_signoff_made_since)
{
    struct round r;
    round_with(&r, 5, "2026-06-01");
    reopen_it(&r, "2026-06-01");
    cr_assert_not(round_closed(&r), "reopened: editable");
    cr_assert_not(round_closes(&r), "the sign-offs all predate the reopening, even on the same day");
    cr_assert_str_eq(rec_str(&r.c[RC_REOPENED].r[0], REOPEN_DATE), "2026-06-01");
    cr_assert_str_eq(rec_str(&r.c[RC_REOPENED].r[0], REOPEN_BY), "Tanaka");
    cr_assert_not(r.c[RC_REOPENED].r[0].v[REOPEN_CHANGED_OUTSIDE].set);
    /* the register is changed: the assessment and validation go stale */
    set(&r.c[RC_RISKS].r[0], RD(RC_RISKS), "title", "Ransomware via VPN");
    resign(&r, STEP_ASSESS, "2026-06-01");
    cr_assert_not(round_closes(&r), "validation is stale still");
    resign(&r, STEP_VALIDATE, "2026-06-01");
    cr_assert(round_closes(&r), "every sign-off valid, one made since the reopening: same day is fine");
    close_it(&r, "2026-06-02");
    cr_assert(round_closed(&r));
    cr_assert_str_eq(round_closed_on(&r), "2026-06-02");
    cr_assert_not(round_changed_outside(&r));
    /* a second reopening needs a sign-off made after it, not after the first */
    reopen_it(&r, "2026-06-03");
    cr_assert_not(round_closes(&r));
    resign(&r, STEP_PREP, "2026-06-03");
    cr_assert(round_closes(&r), "nothing changed: one sign-off renewed closes it");
    round_free(&r);
}

Test(closed_rule, a_reopening_notes_a_change_outside_kijun)
{
    struct round r;
    round_with(&r, 5, "2026-06-01");
    set(&r.c[RC_RISKS].r[0], RD(RC_RISKS), "title", "Edited in an editor");
    reopen_it(&r, "2026-06-05");
    const struct value *v = &r.c[RC_REOPENED].r[0].v[REOPEN_CHANGED_OUTSIDE];
    cr_assert(v->set && v->b);
    round_free(&r);
}

Test(closed_rule, more_reopenings_than_closings_is_a_history_written_by_hand)
{
    struct round r;
    round_with(&r, 5, "2026-06-01");
    reopen_it(&r, "2026-06-02");
    reopen_it(&r, "2026-06-03"); /* no kijun makes this: a second reopening without a closing */
    r.c[RC_REOPENED].r[1].line = 77;
    resign(&r, STEP_PREP, "2026-06-03");
    cr_assert_not(round_closes(&r), "it never closes so");
    cr_assert_not(round_closed(&r));
    struct profile p;
    profile_init(&p);
    struct diag_list dl = {0};
    round_check(&r, &p, NULL, "assessments/2026.cfg", &dl);
    bool found = false;
    for (size_t i = 0; i < dl.n; i++)
        found |= dl.v[i].line == 77 && dl.v[i].severity == DIAG_ERROR
                 && strstr(dl.v[i].text, "2 reopenings but 1 closings") != NULL;
    cr_assert(found);
    diag_clear(&dl);
    profile_free(&p);
    round_free(&r);
}

Test(closed_rule, a_copy_starts_open)
{
    struct round r, copy;
    round_with(&r, 5, "2026-06-01");
    reopen_it(&r, "2026-06-02");
    round_start_copy(&copy, "2027", &r, "2026-12-01");
    cr_assert_eq(copy.c[RC_CLOSED].n, 0);
    cr_assert_eq(copy.c[RC_REOPENED].n, 0);
    cr_assert_not(round_closed(&copy));
    round_free(&copy);
    round_free(&r);
}

Test(closed_rule, check_reports_a_change_outside_kijun_with_its_line)
{
    struct round r;
    round_with(&r, 5, "2026-06-01");
    r.c[RC_CLOSED].r[0].v[CLOSED_DIGEST].line = 42;
    struct profile p;
    profile_init(&p);
    struct diag_list dl = {0};
    round_check(&r, &p, NULL, "assessments/2026.cfg", &dl);
    for (size_t i = 0; i < dl.n; i++)
        cr_assert_null(strstr(dl.v[i].text, "changed outside"), "%s", dl.v[i].text);
    diag_clear(&dl);
    set(&r.c[RC_RISKS].r[0], RD(RC_RISKS), "title", "Edited in an editor");
    round_check(&r, &p, NULL, "assessments/2026.cfg", &dl);
    bool found = false;
    for (size_t i = 0; i < dl.n; i++)
        if (strstr(dl.v[i].text, "closed: changed outside kijun since it was closed on 2026-06-01")) {
            found = true;
            cr_assert_eq(dl.v[i].severity, DIAG_ERROR);
            cr_assert_eq(dl.v[i].line, 42);
        }
    cr_assert(found);
    diag_clear(&dl);
    profile_free(&p);
    round_free(&r);
}

static char *tmpdir_path(const char *name)
{
    static char dir[64];
    if (!*dir) {
        snprintf(dir, sizeof dir, "/tmp/kijun-closed-XXXXXX");
        cr_assert_not_null(mkdtemp(dir));
    }
    char *p = xmalloc(strlen(dir) + strlen(name) + 2);
    sprintf(p, "%s/%s", dir, name);
    return p;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
}

Test(closed_store, an_older_file_reads_closed_and_a_save_writes_the_closing)
{
    /* five sign-offs, neither digests nor a closing: a file of before */
    struct strbuf sb = STRBUF_INIT;
    sb_adds(&sb, "kijun_workspace = 1;\nround = { date = \"2025-06-01\"; purpose = \"Annual\"; rule = \"product\"; threshold = 10; };\n"
                 "risks = ( { id = \"risk-1\"; title = \"Ransomware\"; } );\nsignoffs = (\n");
    for (int k = 0; k < STEP__COUNT; k++)
        sb_printf(&sb, "  { id = \"%s\"; reviewer = \"Audit\"; date = \"2025-09-0%d\"; }%s\n", step_id((enum step)k), k + 1,
                  k + 1 < STEP__COUNT ? "," : "");
    sb_adds(&sb, ");\n");
    char *path = tmpdir_path("2025.cfg");
    write_file(path, sb_str(&sb));
    sb_free(&sb);
    struct profile p;
    profile_init(&p);
    struct round r;
    round_init(&r, "2025");
    struct ws_file info = {0};
    struct diag_list dl = {0};
    cr_assert_eq(ws_load_round(path, NULL, &p, &r, &info, &dl), WS_OK);
    free(info.path);
    cr_assert_eq(dl.n, 0, "an older file reads without a word");
    cr_assert_eq(r.c[RC_CLOSED].n, 0);
    cr_assert_not(round_closed(&r));
    cr_assert_gt(round_migrate(&r), 0);
    cr_assert(round_closed(&r), "closed when read");
    cr_assert_str_eq(round_closed_on(&r), "2025-09-05");
    char *text = ws_format_round(&r);
    cr_assert_not_null(strstr(text, "closed = ("), "%s", text);
    cr_assert_null(strstr(text, "reopened = ("), "no reopening: nothing written");
    write_file(path, text);
    struct round again;
    round_init(&again, "2025");
    cr_assert_eq(ws_load_round(path, NULL, &p, &again, &info, &dl), WS_OK);
    free(info.path);
    cr_assert_eq(dl.n, 0);
    cr_assert(round_equal(&again, &r), "the closing reads back");
    cr_assert_eq(round_migrate(&again), 0, "nothing left to fill");
    cr_assert(round_closed(&again) && !round_changed_outside(&again));
    free(text);
    unlink(path);
    free(path);
    round_free(&again);
    round_free(&r);
    profile_free(&p);
}

/* --- the core ------------------------------------------------------------ */

static size_t idx(const char *name)
{
    for (size_t i = 0; i < s.nrounds; i++)
        if (strcmp(s.rounds[i]->r.name, name) == 0)
            return i;
    return (size_t)-1;
}

static char *file_text(const char *name)
{
    char *p = ws_path(s.dir, name);
    FILE *f = fopen(p, "r");
    free(p);
    cr_assert_not_null(f);
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

TestSuite(closed_core, .init = open_demo, .fini = close_demo);

Test(closed_core, the_demo_round_of_2025_is_closed_and_refuses_every_edit)
{
    struct round_doc *rd = s.rounds[idx("2025")];
    struct round *r = &rd->r;
    cr_assert(round_closed(r), "five sign-offs: closed when read");
    cr_assert_not(round_closed(&s.rounds[idx("2026")]->r), "2026 has two");
    struct collection *risks = &r->c[RC_RISKS];
    char *title = xstrdup(rec_str(&risks->r[0], RISK_TITLE));
    size_t n = risks->n, nlog = s.log.n;
    core_set_text(&s, &rd->d, risks, &risks->r[0], risks->def, RISK_TITLE, "Changed");
    cr_assert_str_eq(rec_str(&risks->r[0], RISK_TITLE), title, "a field is not set");
    struct record x;
    record_init(&x, risks->def);
    x.id = xstrdup("risk-new");
    cr_assert_eq(core_add(&s, &rd->d, risks, &x), (size_t)-1, "nothing is added");
    record_free(&x, risks->def);
    core_delete(&s, &rd->d, risks, 0);
    core_delete(&s, &rd->d, &r->c[RC_SIGNOFFS], 0);
    cr_assert_eq(risks->n, n);
    cr_assert_eq(r->c[RC_SIGNOFFS].n, STEP__COUNT, "nor deleted, a sign-off neither");
    core_scope_resource(&s, r, r->head.v[HEAD_RESOURCES].list.v[0], false);
    core_draft_open(&s, &rd->d, risks, &risks->r[0], risks->def, 0, "typed");
    cr_assert_not(s.draft.open, "no typing into it");
    char msg[300];
    cr_assert_eq(core_rename_round(&s, idx("2025"), "fy2025", msg, sizeof msg), ROUND_NONE);
    cr_assert(strstr(msg, "closed"), "%s", msg);
    cr_assert_eq(s.log.n, nlog, "no change made");
    cr_assert_not(doc_modified(&rd->d));
    free(title);
}

Test(closed_core, a_reopening_needs_who_and_why_and_is_saved)
{
    struct round_doc *rd = s.rounds[idx("2025")];
    struct round *r = &rd->r;
    char msg[300];
    cr_assert_not(core_reopen_round(&s, r, "", "why", "2026-11-25", msg, sizeof msg));
    cr_assert_not(core_reopen_round(&s, r, "Tanaka", "  ", "2026-11-25", msg, sizeof msg), "why is required");
    cr_assert_not(core_reopen_round(&s, &s.rounds[idx("2026")]->r, "Tanaka", "x", "2026-11-25", msg, sizeof msg),
                  "an open round is not reopened");
    cr_assert_not(doc_modified(&rd->d));
    cr_assert(core_reopen_round(&s, r, "Tanaka Aiko", "a supplier risk was missed", "2026-11-25", msg, sizeof msg), "%s", msg);
    cr_assert_not(round_closed(r));
    cr_assert(doc_modified(&rd->d), "an unsaved edit");
    cr_assert_gt(s.log.n, 0, "a named change in the log");
    cr_assert_str_eq(s.log.v[s.log.n - 1].file, "assessments/2025.cfg");
    /* now it takes edits */
    struct collection *risks = &r->c[RC_RISKS];
    core_set_text(&s, &rd->d, risks, &risks->r[0], risks->def, RISK_TITLE, "Changed");
    cr_assert_str_eq(rec_str(&risks->r[0], RISK_TITLE), "Changed");
    cr_assert(session_save(&s, msg, sizeof msg), "%s", msg);
    const char *text = file_text("assessments/2025.cfg");
    cr_assert_not_null(strstr(text, "reopened = ("), "%s", text);
    cr_assert_not_null(strstr(text, "by = \"Tanaka Aiko\";"));
    cr_assert_not_null(strstr(text, "date = \"2026-11-25\";"));
    cr_assert_not_null(strstr(text, "why = \"a supplier risk was missed\";"));
    cr_assert_not_null(strstr(text, "closed = ("), "the closing it had, written with the save");
    cr_assert_not(round_closed(r), "the save does not close it: two sign-offs are stale");
}

Test(closed_core, signed_off_again_it_closes_on_settling)
{
    struct round_doc *rd = s.rounds[idx("2025")];
    struct round *r = &rd->r;
    char msg[300];
    cr_assert(core_reopen_round(&s, r, "Tanaka", "typo", "2026-11-25", msg, sizeof msg), "%s", msg);
    cr_assert_not(core_round_settle(&s, r, "2026-11-25"), "no sign-off since the reopening");
    cr_assert_not(round_closed(r));
    /* the reviewer renews a sign-off (any edit of it signs it again) */
    struct collection *so = &r->c[RC_SIGNOFFS];
    core_set_text(&s, &rd->d, so, &so->r[0], so->def, SO_COMMENT, "Checked again.");
    cr_assert_eq(rec_int(&so->r[0], SO_REOPENS, 0), 1, "made after the first reopening");
    cr_assert(core_round_settle(&s, r, "2026-11-26"));
    cr_assert(round_closed(r));
    cr_assert_eq(r->c[RC_CLOSED].n, 2);
    cr_assert_str_eq(round_closed_on(r), "2026-11-26");
    cr_assert_not(core_round_settle(&s, r, "2026-11-26"), "once");
    cr_assert(session_save(&s, msg, sizeof msg), "%s", msg);
    cr_assert_not(doc_modified(&rd->d));
    /* what kijun check reads: the same, closed, nothing changed outside */
    struct round again;
    round_init(&again, "2025");
    char *p = ws_path(s.dir, "assessments/2025.cfg");
    struct ws_file info = {0};
    struct diag_list dl = {0};
    cr_assert_eq(ws_load_round(p, lib, &s.profile, &again, &info, &dl), WS_OK);
    round_migrate(&again);
    cr_assert(round_closed(&again) && !round_changed_outside(&again));
    free(info.path);
    free(p);
    diag_clear(&dl);
    round_free(&again);
}

Test(closed_core, a_save_settles_a_round_that_closes)
{
    struct round_doc *rd = s.rounds[idx("2025")];
    struct round *r = &rd->r;
    char msg[300];
    cr_assert(core_reopen_round(&s, r, "Tanaka", "typo", "2026-11-25", msg, sizeof msg), "%s", msg);
    struct collection *so = &r->c[RC_SIGNOFFS];
    core_set_text(&s, &rd->d, so, &so->r[4], so->def, SO_COMMENT, "Again.");
    cr_assert_not(round_closed(r), "closing waits for the form to be left, or the save");
    cr_assert(session_save(&s, msg, sizeof msg), "%s", msg);
    cr_assert(round_closed(r));
    cr_assert_not(doc_modified(&rd->d), "the closing is saved with it");
}

Test(closed_core, a_reopening_survives_a_lost_session)
{
    char msg[300];
    cr_assert(core_reopen_round(&s, &s.rounds[idx("2025")]->r, "Tanaka", "typo", "2026-11-25", msg, sizeof msg), "%s", msg);
    session_journal(&s, 0, true);
    /* the process is lost (kill -9): the folder opened again */
    char *dir = xstrdup(s.dir);
    s.demo = false;
    lock_release(&s.lock);
    session_close(&s);
    session_open(&s, lib, dir, "again", true);
    free(dir);
    cr_assert(round_closed(&s.rounds[idx("2025")]->r), "as on disk: closed");
    cr_assert(s.rec.available);
    session_recover(&s, true);
    struct round *r = &s.rounds[idx("2025")]->r;
    cr_assert_not(round_closed(r), "the reopening is taken back");
    cr_assert_eq(r->c[RC_REOPENED].n, 1);
    cr_assert_str_eq(rec_str(&r->c[RC_REOPENED].r[0], REOPEN_WHY), "typo");
    cr_assert(session_modified(&s));
}

Test(closed_core, a_reload_does_not_redo_edits_into_a_round_their_version_closed)
{
    char msg[300];
    cr_assert(session_save(&s, msg, sizeof msg), "%s", msg); /* the closing of 2025 on disk */
    char *closed_text = xstrdup(file_text("assessments/2025.cfg"));
    struct round_doc *rd = s.rounds[idx("2025")];
    cr_assert(core_reopen_round(&s, &rd->r, "Tanaka", "typo", "2026-11-25", msg, sizeof msg), "%s", msg);
    cr_assert(session_save(&s, msg, sizeof msg), "%s", msg);
    struct collection *risks = &rd->r.c[RC_RISKS];
    char *title = xstrdup(rec_str(&risks->r[0], RISK_TITLE));
    core_set_text(&s, &rd->d, risks, &risks->r[0], risks->def, RISK_TITLE, "Ours");
    /* another program puts the closed version back */
    char *p = ws_path(s.dir, "assessments/2025.cfg");
    FILE *f = fopen(p, "w");
    cr_assert_not_null(f);
    fputs(closed_text, f);
    fclose(f);
    free(p);
    size_t applied, failed;
    cr_assert(conflict_reload(&s, &rd->d, &applied, &failed, msg, sizeof msg), "%s", msg);
    cr_assert_eq(failed, 1, "%s", msg);
    cr_assert(round_closed(&rd->r));
    cr_assert_str_eq(rec_str(&rd->r.c[RC_RISKS].r[0], RISK_TITLE), title);
    free(title);
    free(closed_text);
}

Test(closed_rule, signoffs_closings_and_reopenings_keep_their_order)
{
    cr_assert_not(coll_reorderable(RD(RC_SIGNOFFS)), "a sign-off is a record of what happened");
    cr_assert_not(coll_reorderable(RD(RC_REVIEWS)), "so is the review log");
    cr_assert_not(coll_reorderable(RD(RC_CLOSED)));
    cr_assert_not(coll_reorderable(RD(RC_REOPENED)));
    cr_assert(coll_reorderable(RD(RC_RISKS)), "the register may be put in order");
}

Test(closed_core, moving_a_stale_signoff_does_not_make_it_valid)
{
    struct round_doc *rd = s.rounds[idx("2026")];
    struct round *r = &rd->r;
    struct collection *so = &r->c[RC_SIGNOFFS];
    cr_assert_geq(so->n, 2);
    size_t at = so->n; /* the sign-off of the scoping, stale after a change of scope */
    for (size_t i = 0; i < so->n; i++)
        if (strcmp(so->r[i].id, "scope") == 0)
            at = i;
    cr_assert_lt(at, so->n);
    core_scope_resource(&s, r, r->head.v[HEAD_RESOURCES].list.v[0], false);
    cr_assert(signoff_stale(r, &so->r[at]), "the step's data changed");
    char digest[17];
    snprintf(digest, sizeof digest, "%s", rec_str(&so->r[at], SO_DIGEST));
    size_t nlog = s.log.n;
    core_move(&s, &rd->d, so, at, at ? at - 1 : at + 1);
    cr_assert_str_eq(so->r[at].id, "scope", "not moved");
    cr_assert_str_eq(rec_str(&so->r[at], SO_DIGEST), digest, "no new digest");
    cr_assert(signoff_stale(r, &so->r[at]), "stale still");
    cr_assert_eq(s.log.n, nlog, "no change made");
}

Test(closed_core, moving_a_signoff_of_a_reopened_round_does_not_close_it)
{
    struct round_doc *rd = s.rounds[idx("2025")];
    struct round *r = &rd->r;
    char msg[300];
    cr_assert(core_reopen_round(&s, r, "Tanaka", "typo", "2026-11-25", msg, sizeof msg), "%s", msg);
    struct collection *so = &r->c[RC_SIGNOFFS];
    core_move(&s, &rd->d, so, 0, 1);
    core_move(&s, &rd->d, so, 1, 0);
    for (size_t i = 0; i < so->n; i++)
        cr_assert_eq(rec_int(&so->r[i], SO_REOPENS, 0), 0, "%s: not signed again", so->r[i].id);
    cr_assert_not(core_round_settle(&s, r, "2026-11-26"), "no one signed since the reopening");
    cr_assert_not(round_closed(r));
}

Test(closed_rule, a_signoff_without_its_date_is_incomplete_not_valid)
{
    struct round r;
    round_with(&r, 1, "2026-06-01");
    struct record *so = &r.c[RC_SIGNOFFS].r[0];
    cr_assert(record_complete(RD(RC_SIGNOFFS), so));
    cr_assert_str_eq(report_signoff_state(&r, so), "valid");
    value_free(&so->v[SO_DATE]);
    memset(&so->v[SO_DATE], 0, sizeof so->v[SO_DATE]);
    cr_assert(field_missing(RD(RC_SIGNOFFS), so, SO_DATE), "the date is required");
    cr_assert_not(record_complete(RD(RC_SIGNOFFS), so));
    cr_assert_str_eq(report_signoff_state(&r, so), "incomplete: a required field is missing");
    round_free(&r);
}
