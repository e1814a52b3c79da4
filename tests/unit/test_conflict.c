/* Unit tests of another writer (core/conflict.h): a file changed on disk
 * since kijun read it is noticed by its identity before a journal write
 * and by its hash before a save, and never written over; reload redoes
 * the session's edits (and reports those whose entry is gone), overwrite
 * keeps the other version as FILE~, save beside writes FILE.mine-*.cfg. */
#include <criterion/criterion.h>
#include "diag_expect.h"
#include "core/conflict.h"
#include "core/edits.h"
#include "core/findings.h"
#include "core/rounds.h"
#include "store/journal.h"
#include "store/lock.h"
#include "store/workspace.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "demo_session.h"

TestSuite(conflict, .init = open_demo, .fini = close_demo);

static size_t fi(const struct coll_def *def, const char *key)
{
    int i = field_index(def, key);
    cr_assert(i >= 0, "no field %s", key);
    return (size_t)i;
}

static char *slurp(const char *name)
{
    char *p = ws_path(s.dir, name);
    FILE *f = fopen(p, "rb");
    free(p);
    if (!f)
        return NULL;
    struct strbuf sb = STRBUF_INIT;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sb_add(&sb, buf, n);
    fclose(f);
    return sb_take(&sb);
}

static void spit(const char *name, const char *text)
{
    char *p = ws_path(s.dir, name);
    FILE *f = fopen(p, "wb"); /* in place, as an editor that keeps the inode */
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
    free(p);
}

/* Another program replaces `from` with `to` in the file (every one). */
static void other_writer(const char *name, const char *from, const char *to)
{
    char *t = slurp(name);
    cr_assert_not_null(t);
    struct strbuf sb = STRBUF_INIT;
    const char *p = t, *q;
    int n = 0;
    while ((q = strstr(p, from))) {
        sb_add(&sb, p, (size_t)(q - p));
        sb_adds(&sb, to);
        p = q + strlen(from);
        n++;
    }
    sb_adds(&sb, p);
    cr_assert_gt(n, 0, "%s holds %s", name, from);
    spit(name, sb_str(&sb));
    sb_free(&sb);
    free(t);
}

static void edit_org_name(const char *name)
{
    core_set_text(&s, &s.pdoc, NULL, &s.profile.org, &profile_org_def, fi(&profile_org_def, "name"),
                  name);
}

Test(conflict, an_unchanged_file_saves_and_saves_again)
{
    char msg[512];
    edit_org_name("One");
    cr_assert(session_save(&s, msg, sizeof msg), "%s", msg);
    cr_assert_null(s.conflict);
    edit_org_name("Two"); /* the stamp was taken again after the save */
    cr_assert(session_save(&s, msg, sizeof msg), "%s", msg);
    cr_assert_null(s.conflict);
}

Test(conflict, a_changed_file_is_not_written_over)
{
    char msg[512];
    edit_org_name("Ours");
    other_writer("profile.cfg", "employees = 480", "employees = 481");
    char *before = slurp("profile.cfg");
    cr_assert_not(session_save(&s, msg, sizeof msg));
    cr_assert_eq(s.conflict, &s.pdoc);
    cr_assert(strstr(msg, "profile.cfg") && strstr(msg, "nothing was written"), "%s", msg);
    /* no keys from the core: the screen names those of its action table */
    cr_assert_null(strstr(msg, "reload"), "%s", msg);
    cr_assert_null(strstr(msg, "Esc"), "%s", msg);
    char *after = slurp("profile.cfg");
    cr_assert_str_eq(after, before, "nothing was written");
    cr_assert(session_modified(&s), "the edits are still there");
    free(before);
    free(after);
}

Test(conflict, the_journal_write_notices_by_identity)
{
    other_writer("profile.cfg", "employees = 480", "employees = 481");
    edit_org_name("Ours");
    session_journal(&s, 0, true);
    cr_assert(s.pdoc.conflict, "noticed before the journal write");
    cr_assert(strstr(s.conflict_notice, "profile.cfg"), "%s", s.conflict_notice);
    char *jp = journal_path(s.dir, "profile.cfg");
    cr_assert_eq(access(jp, F_OK), 0, "the journal keeps the edits all the same");
    free(jp);
}

Test(conflict, same_size_and_time_is_caught_by_the_hash)
{
    char *p = ws_path(s.dir, "profile.cfg");
    struct stat st;
    cr_assert_eq(stat(p, &st), 0);
    edit_org_name("Ours");
    other_writer("profile.cfg", "employees = 480", "employees = 482"); /* same length */
    struct timespec ts[2] = {st.st_atim, st.st_mtim};
    cr_assert_eq(utimensat(AT_FDCWD, p, ts, 0), 0); /* and the old time */
    free(p);
    cr_assert_not(conflict_check(&s, &s.pdoc, false), "the identity alone cannot tell");
    cr_assert(conflict_check(&s, &s.pdoc, true), "the hash can");
    char msg[512];
    cr_assert_not(session_save(&s, msg, sizeof msg));
    cr_assert_eq(s.conflict, &s.pdoc);
}

Test(conflict, a_deleted_file_counts_as_changed)
{
    edit_org_name("Ours");
    char *p = ws_path(s.dir, "checklist.cfg");
    cr_assert_eq(unlink(p), 0);
    free(p);
    struct collection *cl = &s.checklist.items;
    cr_assert_gt(cl->n, 0);
    core_set_text(&s, &s.cdoc, cl, &cl->r[0], cl->def, fi(cl->def, "owner"), "Me");
    char msg[512];
    cr_assert_not(session_save(&s, msg, sizeof msg));
    cr_assert_eq(s.conflict, &s.cdoc);
}

Test(conflict, a_folder_recreated_at_the_same_path_counts_as_changed)
{
    edit_org_name("Ours");
    /* the files move over with their inodes, sizes and times: only the folder is new */
    struct strbuf old = STRBUF_INIT;
    sb_printf(&old, "%s.old", s.dir);
    cr_assert_eq(rename(s.dir, sb_str(&old)), 0);
    cr_assert_eq(mkdir(s.dir, 0700), 0);
    DIR *d = opendir(sb_str(&old));
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
        sb_printf(&a, "%s/%s", sb_str(&old), e->d_name);
        sb_printf(&b, "%s/%s", s.dir, e->d_name);
        cr_assert_eq(rename(sb_str(&a), sb_str(&b)), 0);
        sb_free(&a);
        sb_free(&b);
    }
    closedir(d);
    rmdir(sb_str(&old));
    sb_free(&old);
    char msg[512];
    cr_assert_not(session_save(&s, msg, sizeof msg));
    cr_assert_eq(s.conflict, &s.pdoc);
}

/* The workspace folder re-created at its path by a copy (a fresh clone,
 * a restored backup): the same files, but a new lock file nobody holds. */
static void recreate_by_copy(void)
{
    struct strbuf old = STRBUF_INIT, cmd = STRBUF_INIT;
    sb_printf(&old, "%s.old", s.dir);
    cr_assert_eq(rename(s.dir, sb_str(&old)), 0);
    sb_printf(&cmd, "cp -Rp '%s' '%s' && rm -rf '%s'", sb_str(&old), s.dir, sb_str(&old));
    cr_assert_eq(system(sb_str(&cmd)), 0);
    sb_free(&cmd);
    sb_free(&old);
}

/* Whether another kijun could take the folder's lock now (and, with
 * keep, holds it in *keep). */
static bool lock_is_free(int *keep)
{
    char *p = ws_path(s.dir, ".kijun.lock");
    int fd = open(p, O_RDWR | O_CLOEXEC);
    free(p);
    cr_assert_geq(fd, 0);
    bool got = flock(fd, LOCK_EX | LOCK_NB) == 0;
    if (keep && got)
        *keep = fd;
    else
        close(fd);
    return got;
}

/* Save, overwriting what the check calls changed (the folder is new). */
static bool save_over(char *msg, size_t size)
{
    if (session_save(&s, msg, size))
        return true;
    return s.conflict && conflict_overwrite(&s, s.conflict, msg, size);
}

Test(conflict, a_folder_recreated_by_a_copy_is_locked_anew_before_anything_is_written)
{
    edit_org_name("Ours");
    recreate_by_copy();
    cr_assert(lock_is_free(NULL), "the copy's lock file is nobody's yet");
    session_journal(&s, 0, true);
    cr_assert_str_empty(s.journal_error);
    cr_assert_not(lock_is_free(NULL), "locked again before the journal wrote");
    char msg[512];
    cr_assert(save_over(msg, sizeof msg), "%s", msg);
    cr_assert_not(lock_is_free(NULL), "still locked after the save");
    char *t = slurp("profile.cfg");
    cr_assert_not_null(strstr(t, "\"Ours\""));
    free(t);
}

/* A fresh copy at the folder's path has no journal: the edits made before
 * it came, journaled in the old folder, go into the new one's journal
 * with the next write, not only the edits made after. */
Test(conflict, edits_journaled_before_the_folder_was_recreated_reach_the_new_journal)
{
    struct round_doc *rd = s.rounds[s.nrounds - 1];
    core_set_text(&s, &rd->d, NULL, &rd->r.head, &round_head_def, HEAD_PURPOSE, "Edited before");
    session_journal(&s, 0, true);
    char *jr = journal_path(s.dir, rd->d.name);
    cr_assert_eq(access(jr, F_OK), 0, "the round's edit is journaled");
    struct strbuf old = STRBUF_INIT, cmd = STRBUF_INIT;
    sb_printf(&old, "%s.old", s.dir);
    cr_assert_eq(rename(s.dir, sb_str(&old)), 0);
    sb_printf(&cmd, "cp -Rp '%s' '%s' && rm -rf '%s/.kijun-recovery' '%s'", sb_str(&old), s.dir, s.dir, sb_str(&old));
    cr_assert_eq(system(sb_str(&cmd)), 0);
    sb_free(&cmd);
    sb_free(&old);
    edit_org_name("Edited after");
    session_journal(&s, 0, true);
    cr_assert_str_empty(s.journal_error);
    char *jp = journal_path(s.dir, "profile.cfg");
    cr_assert_eq(access(jp, F_OK), 0, "the edit made after is journaled");
    cr_assert_eq(access(jr, F_OK), 0, "and the one made before, in the new folder's journal too");
    free(jp);
    free(jr);
}

Test(conflict, a_folder_recreated_and_locked_by_another_kijun_is_not_written)
{
    edit_org_name("Ours");
    recreate_by_copy();
    int other = -1;
    cr_assert(lock_is_free(&other), "another kijun locks the new folder");
    char *before = slurp("profile.cfg");
    session_journal(&s, 0, true);
    cr_assert_not_null(strstr(s.journal_error, "Neither saved nor kept for recovery: the workspace folder was replaced"),
                       "%s", s.journal_error);
    char *journaled = ws_path(s.dir, ".kijun-recovery/profile.cfg");
    cr_assert_neq(access(journaled, F_OK), 0, "nothing journaled in a folder that is not ours");
    char msg[512];
    cr_assert_not(save_over(msg, sizeof msg));
    cr_assert_not_null(strstr(msg, "folder was replaced"), "%s", msg);
    cr_assert_not_null(strstr(msg, "another kijun holds it now ("), "%s", msg);
    char *after = slurp("profile.cfg");
    cr_assert_str_eq(after, before, "nothing was written");
    cr_assert(session_modified(&s), "the edits are still there");
    /* once the other one is gone, the save goes on */
    close(other);
    cr_assert(save_over(msg, sizeof msg), "%s", msg);
    cr_assert_not(lock_is_free(NULL));
    free(after);
    after = slurp("profile.cfg");
    cr_assert_not_null(strstr(after, "\"Ours\""));
    free(journaled);
    free(before);
    free(after);
}

/* The process is lost with an unsaved edit journaled; the folder is
 * opened again (the files kept). */
static void lose_and_reopen(void)
{
    char *dir = xstrdup(s.dir);
    s.demo = false;
    lock_release(&s.lock);
    session_close(&s);
    session_open(&s, lib, dir, "again", true);
    free(dir);
}

Test(conflict, edits_restored_from_the_journal_do_not_go_over_a_change_made_since)
{
    edit_org_name("Ours");
    session_journal(&s, 0, false);
    lose_and_reopen();
    /* meanwhile another program (git pull) changed the file */
    other_writer("profile.cfg", "employees = 480", "employees = 481");
    lose_and_reopen();
    cr_assert(s.rec.available);
    cr_assert_not_null(strstr(s.rec.summary, "which another program changed since"), "%s", s.rec.summary);
    session_recover(&s, true);
    cr_assert_str_eq(rec_str(&s.profile.org, ORG_NAME), "Ours");
    char *before = slurp("profile.cfg"), msg[512];
    cr_assert_not(session_save(&s, msg, sizeof msg), "a save asks first");
    cr_assert_eq(s.conflict, &s.pdoc);
    char *after = slurp("profile.cfg");
    cr_assert_str_eq(after, before, "nothing was written");
    /* r cannot redo a whole document's edits one by one: it says so */
    size_t applied, failed;
    cr_assert_not(conflict_reload(&s, &s.pdoc, &applied, &failed, msg, sizeof msg));
    cr_assert_not_null(strstr(msg, "came back from the journal"), "%s", msg);
    cr_assert_str_eq(rec_str(&s.profile.org, ORG_NAME), "Ours", "kept");
    /* o writes ours; the other version stays as the backup */
    cr_assert(conflict_overwrite(&s, &s.pdoc, msg, sizeof msg), "%s", msg);
    char *backup = slurp("profile.cfg~");
    cr_assert_not_null(strstr(backup, "employees = 481"), "the other version is the backup");
    free(backup);
    free(after);
    after = slurp("profile.cfg");
    cr_assert_not_null(strstr(after, "\"Ours\""));
    free(after);
    free(before);
}

Test(conflict, a_reload_that_brings_comments_asks_before_the_save_drops_them)
{
    edit_org_name("Ours");
    other_writer("profile.cfg", "kijun_workspace = 1;", "kijun_workspace = 1;\n# a colleague's note");
    char msg[512];
    cr_assert_not(session_save(&s, msg, sizeof msg));
    size_t applied, failed;
    cr_assert(conflict_reload(&s, &s.pdoc, &applied, &failed, msg, sizeof msg), "%s", msg);
    cr_assert(session_save_needs_consent(&s), "libconfig drops comments: the save asks first");
}

/* A round renamed here, and another program makes a file of the new name
 * before the save: that file is another round, not an older version of
 * this one; r must not take it in place of the renamed round. */
Test(conflict, a_round_renamed_onto_a_name_another_program_took_is_not_reloaded)
{
    size_t i = s.nrounds - 1; /* the newest: not closed */
    size_t nrisks = s.rounds[i]->r.c[RC_RISKS].n;
    cr_assert_gt(nrisks, 0);
    char msg[512];
    size_t k = core_rename_round(&s, i, "fy27", msg, sizeof msg);
    cr_assert_neq(k, ROUND_NONE, "%s", msg);
    spit("assessments/fy27.cfg", "kijun_workspace = 1;\nEXTERNAL = 1;\n");
    cr_assert_not(session_save(&s, msg, sizeof msg));
    cr_assert_not_null(s.conflict);
    cr_assert_str_eq(s.conflict->name, "assessments/fy27.cfg");
    size_t applied, failed;
    cr_assert_not(conflict_reload(&s, s.conflict, &applied, &failed, msg, sizeof msg));
    cr_assert_not_null(strstr(msg, "is new here"), "%s", msg);
    cr_assert_eq(s.rounds[k]->r.c[RC_RISKS].n, nrisks, "the renamed round keeps its risks");
    /* o writes ours; theirs is the backup */
    cr_assert(conflict_overwrite(&s, s.conflict, msg, sizeof msg), "%s", msg);
    char *theirs = slurp("assessments/fy27.cfg~");
    cr_assert_not_null(theirs);
    cr_assert_not_null(strstr(theirs, "EXTERNAL"));
    free(theirs);
}

Test(conflict, edits_restored_onto_an_unchanged_file_save_at_once)
{
    edit_org_name("Ours");
    session_journal(&s, 0, false);
    lose_and_reopen();
    cr_assert(s.rec.available);
    cr_assert_null(strstr(s.rec.summary, "since"), "%s", s.rec.summary);
    session_recover(&s, true);
    char msg[512];
    cr_assert(session_save(&s, msg, sizeof msg), "%s", msg);
}

Test(conflict, reload_redoes_the_edits_and_reports_those_whose_entry_is_gone)
{
    struct collection *roles = &s.profile.c[COLL_ROLES];
    struct record *audit = coll_find(roles, "role-audit");
    cr_assert_not_null(audit);
    edit_org_name("Ours");
    core_set_text(&s, &s.pdoc, roles, audit, roles->def, fi(roles->def, "name"), "Auditor Ours");
    /* meanwhile, in an editor: a number changed, the audit role renamed */
    other_writer("profile.cfg", "employees = 480", "employees = 481");
    other_writer("profile.cfg", "\"role-audit\"", "\"role-audited\"");
    char msg[512];
    cr_assert_not(session_save(&s, msg, sizeof msg));
    size_t applied = 0, failed = 0;
    cr_assert(conflict_reload(&s, &s.pdoc, &applied, &failed, msg, sizeof msg), "%s", msg);
    cr_assert_eq(applied, 1);
    cr_assert_eq(failed, 1, "the change to the entry gone on disk is reported, not applied");
    cr_assert(strstr(msg, "1 redone, 1 not (entry gone)"), "%s", msg);
    cr_assert_str_eq(s.profile.org.v[fi(&profile_org_def, "name")].s, "Ours", "ours is redone");
    cr_assert_eq(s.profile.org.v[fi(&profile_org_def, "employees")].i, 481, "theirs is kept");
    cr_assert_null(coll_find(&s.profile.c[COLL_ROLES], "role-audit"));
    struct record *renamed = coll_find(&s.profile.c[COLL_ROLES], "role-audited");
    cr_assert_not_null(renamed);
    cr_assert_str_neq(renamed->v[fi(roles->def, "name")].s, "Auditor Ours");
    cr_assert_eq(s.log.n, 1, "the change that could not apply left the log");
    cr_assert(session_modified(&s) && !s.pdoc.conflict);
    /* the stamp was taken again: the next save goes through */
    cr_assert(session_save(&s, msg, sizeof msg), "%s", msg);
    char *t = slurp("profile.cfg");
    cr_assert(strstr(t, "Ours") && strstr(t, "employees = 481"), "both sides are in the file");
    free(t);
}

Test(conflict, reload_of_a_round)
{
    cr_assert_gt(s.nrounds, 0);
    struct round_doc *rd = s.rounds[s.nrounds - 1];
    struct round_doc *keep = rd;
    struct collection *risks = &rd->r.c[RC_RISKS];
    cr_assert_gt(risks->n, 0);
    core_set_text(&s, &rd->d, risks, &risks->r[0], risks->def, fi(risks->def, "scenario"), "Ours");
    other_writer(rd->d.name, "kijun_workspace = 1;", "kijun_workspace = 1;\n");
    char msg[512];
    cr_assert_not(session_save(&s, msg, sizeof msg));
    cr_assert_eq(s.conflict, &rd->d);
    size_t applied, failed;
    cr_assert(conflict_reload(&s, &rd->d, &applied, &failed, msg, sizeof msg), "%s", msg);
    cr_assert_eq(applied, 1);
    cr_assert_eq(failed, 0);
    cr_assert_eq(s.rounds[s.nrounds - 1], keep, "the round document stays where it is");
    cr_assert_str_eq(rd->r.c[RC_RISKS].r[0].v[fi(risks->def, "scenario")].s, "Ours");
    cr_assert(session_save(&s, msg, sizeof msg), "%s", msg);
}

/* r on a file another program removed would leave an empty document
 * that the next s writes: it is refused, and o is offered. */
Test(conflict, reload_of_a_removed_file_is_refused_and_keeps_everything)
{
    edit_org_name("Ours");
    char *p = ws_path(s.dir, "profile.cfg");
    cr_assert_eq(unlink(p), 0);
    free(p);
    size_t applied, failed;
    char msg[512];
    size_t services = s.profile.c[COLL_SERVICES].n;
    cr_assert_not(conflict_reload(&s, &s.pdoc, &applied, &failed, msg, sizeof msg));
    cr_assert_not_null(strstr(msg, "another program removed profile.cfg: o writes yours"), "%s", msg);
    cr_assert_str_eq(rec_str(&s.profile.org, ORG_NAME), "Ours");
    cr_assert_eq(s.profile.c[COLL_SERVICES].n, services, "the profile is as it was");
}

Test(conflict, reload_of_an_unreadable_file_keeps_everything)
{
    edit_org_name("Ours");
    spit("profile.cfg", "kijun_workspace = 1;\norganisation = {\n");
    size_t applied, failed;
    char msg[512];
    cr_assert_not(conflict_reload(&s, &s.pdoc, &applied, &failed, msg, sizeof msg));
    cr_assert(strstr(msg, "Not reloaded"), "%s", msg);
    cr_assert_str_eq(s.profile.org.v[fi(&profile_org_def, "name")].s, "Ours");
    cr_assert_eq(s.log.n, 1);
}

Test(conflict, overwrite_keeps_the_other_version_as_the_backup)
{
    edit_org_name("Ours");
    other_writer("profile.cfg", "employees = 480", "employees = 481");
    char *theirs = slurp("profile.cfg");
    char msg[512];
    cr_assert_not(session_save(&s, msg, sizeof msg));
    cr_assert(conflict_overwrite(&s, s.conflict, msg, sizeof msg), "%s", msg);
    char *backup = slurp("profile.cfg~");
    cr_assert_not_null(backup);
    cr_assert_str_eq(backup, theirs, "their version is FILE~");
    char *now = slurp("profile.cfg");
    cr_assert(strstr(now, "Ours") && strstr(now, "employees = 480"), "ours is the file");
    cr_assert_not(doc_modified(&s.pdoc));
    edit_org_name("Again");
    cr_assert(session_save(&s, msg, sizeof msg), "the stamp was taken again: %s", msg);
    free(theirs);
    free(backup);
    free(now);
}

Test(conflict, save_beside_writes_ours_and_keeps_the_edits_unsaved)
{
    edit_org_name("Ours");
    other_writer("profile.cfg", "employees = 480", "employees = 481");
    char *theirs = slurp("profile.cfg");
    char msg[512], name[300];
    cr_assert_not(session_save(&s, msg, sizeof msg));
    cr_assert(conflict_beside(&s, &s.pdoc, name, sizeof name, msg, sizeof msg), "%s", msg);
    cr_assert_eq(strncmp(name, "profile.mine-", 13), 0, "%s", name);
    cr_assert_eq(strlen(name), strlen("profile.mine-20261201-094500.cfg"), "%s", name);
    char *p = ws_path(s.dir, name);
    struct stat st;
    cr_assert_eq(lstat(p, &st), 0);
    cr_assert_eq(st.st_mode & 0777, 0600);
    struct profile mine;
    struct ws_file info = {0};
    struct diag_list dl = {0};
    profile_init(&mine);
    cr_assert_eq(ws_load_profile(p, lib, &mine, &info, &dl), WS_OK);
    cr_assert(profile_equal(&mine, &s.profile), "the copy is what the workbench holds");
    profile_free(&mine);
    free(info.path);
    diag_clear(&dl);
    char *now = slurp("profile.cfg");
    cr_assert_str_eq(now, theirs, "the file is theirs still");
    cr_assert(doc_modified(&s.pdoc) && s.pdoc.conflict, "ours stays unsaved, the question stays");
    char second[300];
    cr_assert(conflict_beside(&s, &s.pdoc, second, sizeof second, msg, sizeof msg));
    cr_assert_str_neq(second, name, "a second copy never replaces the first");
    free(p);
    free(theirs);
    free(now);
}

Test(conflict, a_copy_beside_a_round_is_no_round)
{
    struct round_doc *rd = s.rounds[0];
    struct collection *risks = &rd->r.c[RC_RISKS];
    size_t n = s.nrounds;
    core_set_text(&s, &rd->d, risks, &risks->r[0], risks->def, fi(risks->def, "scenario"), "Ours");
    char msg[512], name[300];
    cr_assert(conflict_beside(&s, &rd->d, name, sizeof name, msg, sizeof msg), "%s", msg);
    cr_assert_eq(strncmp(name, "assessments/", 12), 0, "%s", name);
    char **names;
    size_t k = ws_list_rounds(s.dir, &names);
    cr_assert_eq(k, n, "the .mine- copy is not listed as a round");
    for (size_t i = 0; i < k; i++)
        free(names[i]);
    free(names);
    /* and the findings name it at once, as kijun check does */
    struct findings f = {0};
    session_all_findings(&s, &f, NULL, NULL);
    bool named = false;
    for (size_t i = 0; i < f.n; i++)
        named |= strstr(f.v[i].file, ".mine-") && strstr(f.v[i].text, "a copy saved beside");
    cr_assert(named, "the copy beside is a finding now");
    findings_free(&f);
}

Test(conflict, overwrite_of_a_deleted_file_writes_it_again)
{
    edit_org_name("Ours");
    char *p = ws_path(s.dir, "profile.cfg");
    cr_assert_eq(unlink(p), 0);
    free(p);
    char msg[512];
    cr_assert_not(session_save(&s, msg, sizeof msg));
    cr_assert_eq(s.conflict, &s.pdoc);
    cr_assert(conflict_overwrite(&s, &s.pdoc, msg, sizeof msg), "%s", msg);
    cr_assert(strstr(msg, "had been deleted"), "%s", msg);
    char *t = slurp("profile.cfg");
    cr_assert(t && strstr(t, "Ours"));
    free(t);
}
