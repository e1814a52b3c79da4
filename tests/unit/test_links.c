/* Unit tests: symbolic links in a workspace are never followed. Each
 * test makes a workspace from the template and an "outside" folder with
 * files in it, puts a link into the workspace where kijun keeps one of
 * its own files or folders (the journal, a backup, a round, assessments/,
 * the lock file), lets the store work on it, and checks that the outside
 * is byte for byte what it was and that the refusal names the link. */
#include "store/atomic.h"
#include "store/journal.h"
#include "store/lock.h"
#include "store/workspace.h"
#include "util/xalloc.h"
#include <criterion/criterion.h>
#include "diag_expect.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char root[64];
static char *ws, *outside;
static struct library *lib;

static char *at(const char *dir, const char *name)
{
    return ws_path(dir, name);
}

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f, "%s: %s", path, strerror(errno));
    fputs(text, f);
    cr_assert_eq(fclose(f), 0);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f, "%s: %s", path, strerror(errno));
    char *s = xcalloc(1, 65536);
    size_t n = fread(s, 1, 65535, f);
    s[n] = '\0';
    fclose(f);
    return s;
}

/* The outside folder's names and contents, as one string. */
static char *outside_state(void)
{
    char *s = xstrdup("");
    DIR *d = opendir(outside);
    cr_assert_not_null(d);
    char *names[32];
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d));)
        if (e->d_name[0] != '.' && n < 32)
            names[n++] = xstrdup(e->d_name);
    closedir(d);
    for (size_t i = 1; i < n; i++)
        for (size_t k = i; k > 0 && strcmp(names[k - 1], names[k]) > 0; k--) {
            char *t = names[k];
            names[k] = names[k - 1];
            names[k - 1] = t;
        }
    for (size_t i = 0; i < n; i++) {
        char *p = at(outside, names[i]), *c = slurp(p);
        char *next = xmalloc(strlen(s) + strlen(names[i]) + strlen(c) + 4);
        sprintf(next, "%s%s=%s;", s, names[i], c);
        free(s);
        s = next;
        free(c), free(p), free(names[i]);
    }
    return s;
}

static void rm_rf(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        for (struct dirent *e; d && (e = readdir(d));) {
            if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
                char *p = at(path, e->d_name);
                rm_rf(p);
                free(p);
            }
        }
        if (d)
            closedir(d);
        rmdir(path);
    } else {
        unlink(path);
    }
}

static void setup(void)
{
    strcpy(root, "/tmp/kijun-links-XXXXXX");
    cr_assert_not_null(mkdtemp(root));
    lib = test_library();
    ws = at(root, "ws");
    outside = at(root, "outside");
    struct diag_list dl = {0};
    cr_assert(ws_init(ws, TEST_DATADIR, "en", &dl));
    diag_clear(&dl);
    cr_assert_eq(mkdir(outside, 0700), 0);
    char *p = at(outside, "profile.cfg");
    put(p, "someone else's profile\n");
    free(p);
    p = at(outside, "2026.cfg");
    put(p, "someone else's round\n");
    free(p);
}

static void teardown(void)
{
    rm_rf(root);
    free(ws);
    free(outside);
    library_free(lib);
}

/* A link at name in the workspace pointing at target. */
static char *link_in_ws(const char *name, const char *target)
{
    char *p = at(ws, name);
    cr_assert_eq(symlink(target, p), 0, "%s: %s", p, strerror(errno));
    return p;
}

static bool is_link(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
}

/* Some finding of dl is about file and its text holds part. */
static void assert_finding(const struct diag_list *dl, const char *file, const char *part)
{
    bool found = false;
    for (size_t i = 0; i < dl->n && !found; i++)
        found = dl->v[i].file && strcmp(dl->v[i].file, file) == 0 && strstr(dl->v[i].text, part);
    if (!found)
        log_diags(dl);
    cr_assert(found, "no finding about %s saying \"%s\"", file, part);
}

#define LINK_REFUSED "a symbolic link (kijun follows no links in a workspace): refused"

TestSuite(links, .init = setup, .fini = teardown);

Test(links, a_journal_folder_that_is_a_link_is_never_emptied)
{
    char *before = outside_state();
    char *jl = link_in_ws(".kijun-recovery", outside);
    struct diag_list dl = {0};
    /* what opening the workspace did: clear a journal that offers nothing */
    cr_assert_not(journal_clear_checked(ws, &dl));
    assert_finding(&dl, jl, LINK_REFUSED);
    journal_clear(ws);
    char *after = outside_state();
    cr_assert_str_eq(after, before, "the folder behind the link changed");
    cr_assert(is_link(jl), "the link itself was removed");
    /* nor written through */
    diag_clear(&dl);
    cr_assert_not(journal_put(ws, "profile.cfg", "kijun_workspace = 1;\n", &dl));
    assert_finding(&dl, jl, LINK_REFUSED);
    journal_drop(ws, "profile.cfg");
    free(after);
    after = outside_state();
    cr_assert_str_eq(after, before, "the journal was written through the link");
    /* and the workspace opens unreadable, naming the link */
    diag_clear(&dl);
    struct profile p;
    profile_init(&p);
    char *pp = at(ws, "profile.cfg");
    cr_assert_eq(ws_load_profile(pp, lib, &p, NULL, &dl), WS_UNREADABLE);
    assert_finding(&dl, jl, LINK_REFUSED);
    profile_free(&p);
    diag_clear(&dl);
    free(pp), free(jl), free(after), free(before);
}

Test(links, a_journal_assessments_folder_that_is_a_link)
{
    char *before = outside_state();
    char *jd = at(ws, ".kijun-recovery");
    cr_assert_eq(mkdir(jd, 0700), 0);
    char *jl = at(jd, "assessments");
    cr_assert_eq(symlink(outside, jl), 0);
    struct diag_list dl = {0};
    cr_assert_not(journal_put(ws, "assessments/2026.cfg", "x = 1;\n", &dl));
    assert_finding(&dl, jl, LINK_REFUSED);
    journal_drop(ws, "assessments/2026.cfg");
    journal_clear(ws);   /* a link inside kijun's own folder goes, not what it points to */
    char *after = outside_state();
    cr_assert_str_eq(after, before);
    diag_clear(&dl);
    free(after), free(before), free(jl), free(jd);
}

Test(links, the_journal_itself_is_still_kept_and_cleared)
{
    struct diag_list dl = {0};
    cr_assert(journal_put(ws, "assessments/2026.cfg", "x = 1;\n", &dl));
    cr_assert(journal_put(ws, "profile.cfg", "y = 1;\n", &dl));
    cr_assert_eq(dl.n, 0);
    char *jp = journal_path(ws, "assessments/2026.cfg");
    char *s = slurp(jp);
    cr_assert_str_eq(s, "x = 1;\n");
    free(s);
    char *bak = xmalloc(strlen(jp) + 2);
    sprintf(bak, "%s~", jp);
    cr_assert_eq(access(bak, F_OK), -1, "the journal keeps a backup of itself");
    journal_drop(ws, "assessments/2026.cfg");
    cr_assert_eq(access(jp, F_OK), -1);
    cr_assert(journal_clear_checked(ws, &dl));
    char *jd = at(ws, ".kijun-recovery");
    cr_assert_eq(access(jd, F_OK), -1);
    free(jd), free(bak), free(jp);
}

Test(links, a_backup_that_is_a_link_stops_the_save)
{
    char *before = outside_state();
    char *target = at(outside, "profile.cfg");
    char *bl = link_in_ws("profile.cfg~", target);
    char *pp = at(ws, "profile.cfg");
    char *old = slurp(pp);
    struct profile p;
    profile_init(&p);
    struct diag_list dl = {0};
    cr_assert_eq(ws_load_profile(pp, lib, &p, NULL, &dl), WS_OK);
    struct value *v = &p.org.v[ORG_NAME];
    free(v->s);
    v->s = xstrdup("Renamed");
    v->set = true;
    bool unchanged = true;
    cr_assert_not(ws_save_profile(pp, &p, &unchanged, &dl));
    assert_finding(&dl, pp, "profile.cfg~");
    assert_finding(&dl, pp, "symbolic link");
    char *now = slurp(pp);
    cr_assert_str_eq(now, old, "profile.cfg was written although its backup is a link");
    char *after = outside_state();
    cr_assert_str_eq(after, before, "the file behind the backup link changed");
    cr_assert(is_link(bl));
    profile_free(&p);
    diag_clear(&dl);
    free(after), free(now), free(old), free(pp), free(bl), free(target), free(before);
}

Test(links, a_round_file_that_is_a_link_is_neither_read_nor_written)
{
    char *before = outside_state();
    char *target = at(outside, "2026.cfg");
    char *rl = link_in_ws("assessments/2026.cfg", target);
    struct profile p;
    profile_init(&p);
    struct diag_list dl = {0};
    char *pp = at(ws, "profile.cfg");
    cr_assert_eq(ws_load_profile(pp, lib, &p, NULL, &dl), WS_OK);
    char **names;
    cr_assert_eq(ws_list_rounds(ws, &names), 1);
    free(names[0]);
    free(names);
    struct round r;
    round_init(&r, "2026");
    cr_assert_eq(ws_load_round(rl, lib, &p, &r, NULL, &dl), WS_UNREADABLE);
    assert_finding(&dl, rl, LINK_REFUSED);
    diag_clear(&dl);
    bool unchanged;
    cr_assert_not(ws_save_round(rl, &r, &unchanged, &dl));
    assert_finding(&dl, rl, "symbolic link");
    char *after = outside_state();
    cr_assert_str_eq(after, before);
    cr_assert(is_link(rl));
    round_free(&r);
    profile_free(&p);
    diag_clear(&dl);
    free(after), free(pp), free(rl), free(target), free(before);
}

Test(links, an_assessments_folder_that_is_a_link)
{
    char *before = outside_state();
    char *ad = at(ws, "assessments");
    cr_assert_eq(rmdir(ad), 0);
    cr_assert_eq(symlink(outside, ad), 0);
    char **names;
    cr_assert_eq(ws_list_rounds(ws, &names), 0, "rounds were listed through the link");
    free(names);
    struct diag_list dl = {0};
    struct profile p;
    profile_init(&p);
    char *pp = at(ws, "profile.cfg");
    cr_assert_eq(ws_load_profile(pp, lib, &p, NULL, &dl), WS_UNREADABLE);
    assert_finding(&dl, ad, LINK_REFUSED);
    diag_clear(&dl);
    /* a round behind the link is not read, and none is saved there */
    char *rp = at(ws, "assessments/2026.cfg");
    struct round r;
    round_init(&r, "2026");
    cr_assert_eq(ws_load_round(rp, lib, &p, &r, NULL, &dl), WS_UNREADABLE);
    assert_finding(&dl, ad, LINK_REFUSED);
    diag_clear(&dl);
    bool unchanged;
    cr_assert_not(ws_save_round(rp, &r, &unchanged, &dl));
    assert_finding(&dl, ad, LINK_REFUSED);
    char *np = at(ws, "assessments/new.cfg");
    cr_assert_not(ws_save_round(np, &r, &unchanged, &dl));
    char *after = outside_state();
    cr_assert_str_eq(after, before, "a round was written through the link");
    round_free(&r);
    profile_free(&p);
    diag_clear(&dl);
    free(np), free(after), free(rp), free(pp), free(ad), free(before);
}

Test(links, a_profile_that_is_a_link_is_refused)
{
    char *before = outside_state();
    char *pp = at(ws, "profile.cfg");
    cr_assert_eq(unlink(pp), 0);
    char *target = at(outside, "profile.cfg");
    cr_assert_eq(symlink(target, pp), 0);
    struct diag_list dl = {0};
    struct profile p;
    profile_init(&p);
    cr_assert_eq(ws_load_profile(pp, lib, &p, NULL, &dl), WS_UNREADABLE);
    assert_finding(&dl, pp, LINK_REFUSED);
    cr_assert_not(ws_file_missing(pp));
    diag_clear(&dl);
    bool unchanged;
    cr_assert_not(ws_save_profile(pp, &p, &unchanged, &dl));
    char *after = outside_state();
    cr_assert_str_eq(after, before);
    profile_free(&p);
    diag_clear(&dl);
    free(after), free(target), free(pp), free(before);
}

Test(links, a_lock_file_that_is_a_link)
{
    char *before = outside_state();
    char *target = at(outside, "profile.cfg");
    char *ll = link_in_ws(".kijun.lock", target);
    struct ws_lock lk;
    struct lock_owner o;
    cr_assert_eq(lock_acquire(&lk, ws, &o), LOCK_ERROR);
    cr_assert_not_null(strstr(lk.why, ll), "%s", lk.why);
    cr_assert_not_null(strstr(lk.why, "symbolic link"), "%s", lk.why);
    lock_release(&lk);
    char *after = outside_state();
    cr_assert_str_eq(after, before);
    cr_assert(is_link(ll));
    free(after), free(ll), free(target), free(before);
}

Test(links, remove_tree_of_a_link_leaves_both)
{
    char *before = outside_state();
    char *l = at(root, "demo-link");
    cr_assert_eq(symlink(outside, l), 0);
    struct diag_list dl = {0};
    cr_assert_not(ws_remove_tree_checked(l, &dl));
    assert_finding(&dl, l, LINK_REFUSED);
    ws_remove_tree(l);
    cr_assert(is_link(l));
    char *after = outside_state();
    cr_assert_str_eq(after, before);
    diag_clear(&dl);
    free(after), free(l), free(before);
}

/* --- leftovers of interrupted saves ---------------------------------------- */

static void put_at(const char *dir, const char *name, const char *text)
{
    char *p = at(dir, name);
    put(p, text);
    free(p);
}

static bool there(const char *dir, const char *name)
{
    char *p = at(dir, name);
    struct stat st;
    bool ok = lstat(p, &st) == 0;
    free(p);
    return ok;
}

Test(links, the_lock_holder_removes_stale_temporaries_and_nothing_else)
{
    char *ad = at(ws, "assessments"), *jd = at(ws, ".kijun-recovery"), *jad = at(jd, "assessments");
    cr_assert_eq(mkdir(jd, 0700), 0);
    cr_assert_eq(mkdir(jad, 0700), 0);
    /* what a kill during saves leaves */
    put_at(ws, "profile.cfg.tmpAb12Cd", "partial");
    put_at(ws, "checklist.cfg.tmpZZZZZZ", "partial");
    put_at(ad, "2026.cfg.tmp0a1B2c", "partial");
    put_at(jd, "profile.cfg.tmpqwerty", "partial");
    put_at(jad, "2026.cfg.tmpQWERTY", "partial");
    /* names that are not kijun's temporaries, or not plain files */
    put_at(ws, "notes.tmp", "mine");
    put_at(ws, "profile.cfg.tmpAB12C", "mine");       /* five characters */
    put_at(ws, "profile.cfg.tmpAB12CDE", "mine");     /* seven */
    put_at(ws, "profile.txt.tmpAB12CD", "mine");
    put_at(ws, ".hidden.cfg.tmpAB12CD", "mine");
    put_at(ws, "profile.cfg.tmp-B12CD", "mine");
    char *lp = at(ws, "checklist.cfg.tmpLINKED"), *target = at(outside, "profile.cfg");
    cr_assert_eq(symlink(target, lp), 0);
    char *dp = at(ws, "round.cfg.tmpFOLDER");
    cr_assert_eq(mkdir(dp, 0700), 0);
    char *before = outside_state();

    /* while another kijun holds the lock, nothing is removed */
    int r[2], g[2];
    cr_assert_eq(pipe(r), 0);
    cr_assert_eq(pipe(g), 0);
    pid_t pid = fork();
    if (pid == 0) {
        struct ws_lock hl;
        char res = (char)('0' + lock_acquire(&hl, ws, NULL));
        ssize_t w = write(r[1], &res, 1);
        (void)w;
        char c;
        ssize_t n = read(g[0], &c, 1);
        (void)n;
        lock_release(&hl);
        _exit(0);
    }
    char res;
    cr_assert_eq(read(r[0], &res, 1), 1);
    cr_assert(res == '0' + LOCK_TAKEN || res == '0' + LOCK_TAKEN_STALE);
    /* (the child removed them as it took the lock: make them again) */
    put_at(ws, "profile.cfg.tmpAb12Cd", "partial");
    put_at(ad, "2026.cfg.tmp0a1B2c", "partial");
    struct ws_lock lk;
    cr_assert_eq(lock_acquire(&lk, ws, NULL), LOCK_BUSY);
    cr_assert(there(ws, "profile.cfg.tmpAb12Cd"), "a busy kijun removed a temporary");
    cr_assert(there(ad, "2026.cfg.tmp0a1B2c"));
    cr_assert_eq(write(g[1], "x", 1), 1);
    waitpid(pid, NULL, 0);
    close(r[0]), close(r[1]), close(g[0]), close(g[1]);

    put_at(ws, "checklist.cfg.tmpZZZZZZ", "partial");
    put_at(jd, "profile.cfg.tmpqwerty", "partial");
    put_at(jad, "2026.cfg.tmpQWERTY", "partial");
    cr_assert(lock_acquire(&lk, ws, NULL) == LOCK_TAKEN, "%s", lk.why);
    cr_assert_not(there(ws, "profile.cfg.tmpAb12Cd"));
    cr_assert_not(there(ws, "checklist.cfg.tmpZZZZZZ"));
    cr_assert_not(there(ad, "2026.cfg.tmp0a1B2c"));
    cr_assert_not(there(jd, "profile.cfg.tmpqwerty"));
    cr_assert_not(there(jad, "2026.cfg.tmpQWERTY"));
    const char *kept[] = {"notes.tmp", "profile.cfg.tmpAB12C", "profile.cfg.tmpAB12CDE",
                          "profile.txt.tmpAB12CD", ".hidden.cfg.tmpAB12CD", "profile.cfg.tmp-B12CD",
                          "checklist.cfg.tmpLINKED", "round.cfg.tmpFOLDER", "profile.cfg",
                          "checklist.cfg", NULL};
    for (const char *const *k = kept; *k; k++)
        cr_assert(there(ws, *k), "%s was removed", *k);
    char *after = outside_state();
    cr_assert_str_eq(after, before);
    lock_release(&lk);
    free(after), free(before), free(dp), free(target), free(lp), free(jad), free(jd), free(ad);
}
