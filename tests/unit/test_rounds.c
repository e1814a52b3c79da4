/* Unit tests of a round's life in the core: rename and delete are
 * pending edits until saved, then the file is written under the new name
 * and the old one kept as NAME.cfg~; `previous` follows a rename; the
 * journal keeps a pending rename or delete through a lost session. */
#include <criterion/criterion.h>
#include "diag_expect.h"
#include "core/edits.h"
#include "core/rounds.h"
#include "core/session.h"
#include "store/journal.h"
#include "store/workspace.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "demo_session.h"

static bool in_ws(const char *name)
{
    char *p = ws_path(s.dir, name);
    struct stat st;
    bool e = lstat(p, &st) == 0;
    free(p);
    return e;
}

static size_t idx(const char *name)
{
    for (size_t i = 0; i < s.nrounds; i++)
        if (strcmp(s.rounds[i]->r.name, name) == 0)
            return i;
    return ROUND_NONE;
}

static const char *previous(size_t i)
{
    return rec_str(&s.rounds[i]->r.head, HEAD_PREVIOUS);
}

/* The process is lost (kill -9): open the folder again, files kept. */
static void lose_and_reopen(void)
{
    char *dir = xstrdup(s.dir);
    s.demo = false;
    lock_release(&s.lock);
    session_close(&s);
    session_open(&s, lib, dir, "again", true);
    free(dir);
}

TestSuite(rounds, .init = open_demo, .fini = close_demo);

/* The demo's 2025 round is closed (all five steps signed off): reopened
 * and saved, it can be renamed. */
static void reopen_2025(void)
{
    char msg[512];
    cr_assert(core_reopen_round(&s, &s.rounds[idx("2025")]->r, "Auditor", "to rename it", "2026-11-25",
                                msg, sizeof msg), "%s", msg);
    cr_assert(session_save(&s, msg, sizeof msg), "%s", msg);
}

/* A name the workspace's readers skip is refused: a copy saved beside a
 * changed round (".mine-") would be written and never read again. */
Test(rounds, a_name_no_reader_takes_is_refused)
{
    char msg[256];
    /* "-x" would be taken for an option by the commands (kijun check -x.cfg) */
    static const char *const bad[] = {"2025.mine-20261201-130000", ".hidden", ".a", "-x", "a b", ""};
    for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
        cr_assert_eq(core_new_round(&s, bad[k], ROUND_NONE, "2026-12-01", msg, sizeof msg), ROUND_NONE,
                     "%s", bad[k]);
        cr_assert_not_null(strstr(msg, "cannot name a round"), "%s", msg);
        cr_assert_not_null(strstr(msg, "not first a '.' or '-'"), "the rule it breaks is said: %s", msg);
    }
    cr_assert_neq(core_new_round(&s, "x-1.a_b", ROUND_NONE, "2026-12-01", msg, sizeof msg), ROUND_NONE, "%s", msg);
    cr_assert_eq(core_rename_round(&s, s.nrounds - 1, "x.mine-1", msg, sizeof msg), ROUND_NONE);
}

Test(rounds, rename_is_pending_until_saved_then_keeps_a_backup)
{
    char msg[512];
    size_t i = idx("2025");
    cr_assert_neq(i, ROUND_NONE);
    reopen_2025();
    cr_assert(!session_modified(&s));
    cr_assert_eq(core_rename_round(&s, i, "fy2025", msg, sizeof msg), i, "%s", msg);
    cr_assert_str_eq(s.rounds[i]->r.name, "fy2025");
    cr_assert_str_eq(s.rounds[i]->d.name, "assessments/fy2025.cfg");
    cr_assert(session_modified(&s), "a rename is an unsaved edit");
    cr_assert(in_ws("assessments/2025.cfg") && !in_ws("assessments/fy2025.cfg"), "nothing moves before s");
    cr_assert(session_save(&s, msg, sizeof msg), "%s", msg);
    cr_assert(in_ws("assessments/fy2025.cfg"));
    cr_assert(!in_ws("assessments/2025.cfg"));
    cr_assert(in_ws("assessments/2025.cfg~"), "the old file is kept as its backup");
    cr_assert(!session_modified(&s));
}

/* A rename rewrites the round's name where acceptances and later rounds
 * name it: no assessment changed, so no sign-off goes stale. */
Test(rounds, a_rename_leaves_the_sign_offs_valid)
{
    reopen_2025();
    size_t stale_before = 0;
    for (size_t k = 0; k < s.nrounds; k++)
        for (size_t x = 0; x < s.rounds[k]->r.c[RC_SIGNOFFS].n; x++)
            stale_before += signoff_stale(&s.rounds[k]->r, &s.rounds[k]->r.c[RC_SIGNOFFS].r[x]);
    char msg[256];
    size_t i = core_rename_round(&s, idx("2025"), "r2025", msg, sizeof msg);
    cr_assert_neq(i, ROUND_NONE, "%s", msg);
    size_t stale_after = 0;
    for (size_t k = 0; k < s.nrounds; k++)
        for (size_t x = 0; x < s.rounds[k]->r.c[RC_SIGNOFFS].n; x++)
            stale_after += signoff_stale(&s.rounds[k]->r, &s.rounds[k]->r.c[RC_SIGNOFFS].r[x]);
    cr_assert_eq(stale_after, stale_before, "a rename made sign-offs stale");
    const struct collection *rk = &s.rounds[i]->r.c[RC_RISKS];
    bool renamed = false;
    for (size_t x = 0; x < rk->n; x++)
        renamed |= strcmp(rec_str(&rk->r[x], RISK_ACCEPTED_ROUND), "r2025") == 0;
    cr_assert(renamed, "the acceptances name the round by its new name");
}

Test(rounds, a_rename_is_checked)
{
    char msg[512];
    size_t i = idx("2026");
    cr_assert_eq(core_rename_round(&s, i, "2025", msg, sizeof msg), ROUND_NONE, "a name in use");
    cr_assert_eq(core_rename_round(&s, i, "../x", msg, sizeof msg), ROUND_NONE, "no portable id");
    cr_assert_eq(core_rename_round(&s, i, "令和8年", msg, sizeof msg), ROUND_NONE, "the id is ASCII; the title is free");
    cr_assert_eq(core_rename_round(&s, i, "2026", msg, sizeof msg), i, "the same name: nothing to do");
    cr_assert(!session_modified(&s), "no rename, no edit");
}

Test(rounds, a_copy_starts_without_the_title_of_its_source)
{
    char msg[512];
    size_t i = idx("2026");
    core_set_text(&s, &s.rounds[i]->d, NULL, &s.rounds[i]->r.head, &round_head_def,
                  HEAD_TITLE, "令和8年度 リスク評価");
    size_t c = core_new_round(&s, "2027", i, "2026-11-25", msg, sizeof msg);
    cr_assert_neq(c, ROUND_NONE, "%s", msg);
    cr_assert_str_eq(rec_str(&s.rounds[c]->r.head, HEAD_TITLE), "");
    cr_assert_str_eq(rec_str(&s.rounds[i]->r.head, HEAD_TITLE), "令和8年度 リスク評価");
}

Test(rounds, previous_follows_a_rename)
{
    char msg[512];
    size_t c = core_new_round(&s, "2027", idx("2026"), "2026-11-25", msg, sizeof msg);
    cr_assert_neq(c, ROUND_NONE, "%s", msg);
    cr_assert_str_eq(previous(c), "2026");
    unsigned long before = s.rounds[c]->d.edits;
    cr_assert_neq(core_rename_round(&s, idx("2026"), "fy2026", msg, sizeof msg), ROUND_NONE, "%s", msg);
    cr_assert_str_eq(previous(idx("2027")), "fy2026");
    cr_assert_gt(s.rounds[idx("2027")]->d.edits, before, "an edit of the round that named it");
    char names[64];
    cr_assert_eq(session_rounds_after(&s, idx("fy2026"), names, sizeof names), 1);
    cr_assert_str_eq(names, "2027");
}

Test(rounds, delete_is_pending_until_saved_and_keeps_a_backup)
{
    char msg[512];
    size_t n = s.nrounds;
    struct round *r = &s.rounds[idx("2025")]->r;
    core_set_text(&s, &s.rounds[idx("2025")]->d, NULL, &r->head, &round_head_def,
                  HEAD_TITLE, "令和7年度");
    core_delete_round(&s, idx("2025"), msg, sizeof msg);
    cr_assert_eq(s.nrounds, n - 1);
    cr_assert_eq(idx("2025"), ROUND_NONE);
    cr_assert(session_modified(&s), "a delete is an unsaved edit");
    for (size_t k = 0; k < s.log.n; k++)
        cr_assert_str_neq(s.log.v[k].file, "assessments/2025.cfg", "its changes go with it");
    cr_assert(in_ws("assessments/2025.cfg"), "nothing is deleted before s");
    cr_assert(session_save(&s, msg, sizeof msg), "%s", msg);
    cr_assert(!in_ws("assessments/2025.cfg"));
    cr_assert(in_ws("assessments/2025.cfg~"), "a backup is kept");
    cr_assert(in_ws("assessments/2026.cfg"), "nothing else goes");
    cr_assert(!session_modified(&s));
}

/* Another program writes the round's file between the delete and the
 * save: the save stops before it writes anything and says so; s again
 * moves their version to the backup, which is then theirs. */
static void write_ws(const char *name, const char *text)
{
    char *p = ws_path(s.dir, name);
    FILE *f = fopen(p, "w");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
    free(p);
}

static char *read_ws(const char *name)
{
    char *p = ws_path(s.dir, name);
    FILE *f = fopen(p, "r");
    cr_assert_not_null(f, "%s", name);
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    free(p);
    return buf;
}

static const char theirs[] = "kijun_workspace = 1;\nround = { date = \"2025-01-01\"; purpose = \"theirs\"; };\n";

Test(rounds, a_deleted_round_changed_by_another_program_is_not_moved_away_unasked)
{
    char msg[512];
    core_set_text(&s, &s.pdoc, NULL, &s.profile.org, &profile_org_def, ORG_NAME, "Ours");
    core_delete_round(&s, idx("2025"), msg, sizeof msg);
    write_ws("assessments/2025.cfg", theirs);
    cr_assert_not(session_save(&s, msg, sizeof msg), "the save stops");
    cr_assert_not_null(strstr(msg, "another program changed assessments/2025.cfg"), "%s", msg);
    cr_assert_str_eq(read_ws("assessments/2025.cfg"), theirs, "their file stays where it is");
    cr_assert_null(strstr(read_ws("profile.cfg"), "\"Ours\""), "nothing was written");
    cr_assert(session_save(&s, msg, sizeof msg), "s again saves: %s", msg);
    cr_assert(!in_ws("assessments/2025.cfg"));
    cr_assert_str_eq(read_ws("assessments/2025.cfg~"), theirs, "their version is the backup");
}

Test(rounds, a_renamed_round_changed_by_another_program_is_said_before_the_save)
{
    char msg[512];
    cr_assert_neq(core_rename_round(&s, idx("2026"), "ren", msg, sizeof msg), ROUND_NONE, "%s", msg);
    write_ws("assessments/2026.cfg", theirs);
    cr_assert_not(session_save(&s, msg, sizeof msg));
    cr_assert_not_null(strstr(msg, "assessments/2026.cfg"), "%s", msg);
    cr_assert(!in_ws("assessments/ren.cfg"), "nothing was written");
}

Test(rounds, a_link_at_a_retired_round_s_backup_is_refused_before_anything_is_written)
{
    char msg[512];
    core_set_text(&s, &s.pdoc, NULL, &s.profile.org, &profile_org_def, ORG_NAME, "Ours");
    core_delete_round(&s, idx("2025"), msg, sizeof msg);
    char *b = ws_path(s.dir, "assessments/2025.cfg~");
    cr_assert_eq(symlink("/nonexistent/target", b), 0);
    cr_assert_not(session_save(&s, msg, sizeof msg));
    cr_assert_not_null(strstr(msg, "2025.cfg~ is a symbolic link (refused)"), "%s", msg);
    struct stat st;
    cr_assert_eq(lstat(b, &st), 0);
    cr_assert(S_ISLNK(st.st_mode), "the link is left alone");
    cr_assert(in_ws("assessments/2025.cfg"));
    cr_assert_null(strstr(read_ws("profile.cfg"), "\"Ours\""), "nothing was written");
    free(b);
}

Test(rounds, a_new_round_deleted_before_saving_leaves_nothing)
{
    char msg[512];
    size_t c = core_new_round(&s, "tmp", ROUND_NONE, "2026-11-25", msg, sizeof msg);
    session_journal(&s, 0, true);
    cr_assert(in_ws(".kijun-recovery/assessments/tmp.cfg"));
    core_delete_round(&s, c, msg, sizeof msg);
    cr_assert(!session_modified(&s), "made and deleted: nothing to save");
    session_journal(&s, 0, true);
    cr_assert(!in_ws(".kijun-recovery/assessments/tmp.cfg"), "its journal copy goes too");
}

Test(rounds, a_name_deleted_then_used_again_is_written_over)
{
    char msg[512];
    core_delete_round(&s, idx("2025"), msg, sizeof msg);
    cr_assert_neq(core_new_round(&s, "2025", ROUND_NONE, "2026-11-25", msg, sizeof msg), ROUND_NONE, "%s", msg);
    cr_assert(session_save(&s, msg, sizeof msg), "%s", msg);
    cr_assert(in_ws("assessments/2025.cfg"), "the new round is saved, not moved away");
}

Test(rounds, a_pending_delete_survives_a_lost_session)
{
    char msg[512];
    core_delete_round(&s, idx("2025"), msg, sizeof msg);
    session_journal(&s, 0, true);
    cr_assert(in_ws(".kijun-recovery/rounds.cfg"), "the journal lists it");
    lose_and_reopen();
    cr_assert(s.rec.available, "offered on restart");
    cr_assert(strstr(s.rec.summary, "assessments/2025.cfg"), "%s", s.rec.summary);
    cr_assert_neq(idx("2025"), ROUND_NONE, "until taken back, the round is as on disk");
    session_recover(&s, true);
    cr_assert_eq(idx("2025"), ROUND_NONE);
    cr_assert(session_modified(&s));
    cr_assert(session_save(&s, msg, sizeof msg), "%s", msg);
    cr_assert(!in_ws("assessments/2025.cfg") && in_ws("assessments/2025.cfg~"));
}

Test(rounds, a_pending_rename_survives_a_lost_session)
{
    char msg[512];
    reopen_2025();
    core_rename_round(&s, idx("2025"), "fy2025", msg, sizeof msg);
    session_journal(&s, 0, true);
    lose_and_reopen();
    cr_assert(s.rec.available);
    session_recover(&s, true);
    cr_assert_eq(idx("2025"), ROUND_NONE);
    cr_assert_neq(idx("fy2025"), ROUND_NONE);
    cr_assert_gt(s.rounds[idx("fy2025")]->r.c[RC_RISKS].n, 0, "with its risks");
    cr_assert(session_save(&s, msg, sizeof msg), "%s", msg);
    cr_assert(in_ws("assessments/fy2025.cfg") && in_ws("assessments/2025.cfg~"));
    cr_assert(!in_ws("assessments/2025.cfg"));
}

Test(rounds, a_pending_delete_declined_on_restart_is_forgotten)
{
    char msg[512];
    core_delete_round(&s, idx("2025"), msg, sizeof msg);
    session_journal(&s, 0, true);
    lose_and_reopen();
    session_recover(&s, false);
    cr_assert_neq(idx("2025"), ROUND_NONE);
    cr_assert(!session_modified(&s));
    cr_assert(!in_ws(".kijun-recovery/rounds.cfg"));
}

Test(rounds, an_add_taken_back_untouched_is_no_change)
{
    struct round *r = &s.rounds[idx("2026")]->r;
    struct doc *d = &s.rounds[idx("2026")]->d;
    struct collection *c = &r->c[RC_RISKS];
    size_t n = c->n;
    struct record rec;
    record_init(&rec, c->def);
    rec.id = coll_new_id(c);
    size_t i = core_add(&s, d, c, &rec);
    record_free(&rec, c->def);
    unsigned long since = d->edits;
    session_journal(&s, 0, true);
    core_take_back(&s, d, c, i, since);
    cr_assert_eq(c->n, n, "nothing is left behind");
    cr_assert(!session_modified(&s), "an add left empty is no change");
    session_journal(&s, 0, true);
    cr_assert(!in_ws(".kijun-recovery/assessments/2026.cfg"), "nor in the journal");
    /* touched since: taken back, it still counts as an edit until saved */
    record_init(&rec, c->def);
    i = core_add(&s, d, c, &rec);
    record_free(&rec, c->def);
    since = d->edits;
    core_set_text(&s, d, c, &c->r[i], c->def, RISK_TITLE, "x");
    core_take_back(&s, d, c, i, since);
    cr_assert_eq(c->n, n);
    cr_assert(session_modified(&s));
}
