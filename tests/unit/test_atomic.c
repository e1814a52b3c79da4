/* Unit tests: atomic saving, the FILE~ backup, and failure at each step. */
#include "store/atomic.h"
#include "util/xalloc.h"
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *tmp_dir(void)
{
    char tmpl[] = "/tmp/kijun-atomic-XXXXXX";
    cr_assert_not_null(mkdtemp(tmpl), "mkdtemp: %s", strerror(errno));
    return xstrdup(tmpl);
}

static char *path_in(const char *dir, const char *name)
{
    char *p = xmalloc(strlen(dir) + strlen(name) + 2);
    sprintf(p, "%s/%s", dir, name);
    return p;
}

/* Remove dir and the plain files in it. */
static void remove_dir(const char *dir)
{
    DIR *d = opendir(dir);
    cr_assert_not_null(d);
    for (struct dirent *e; (e = readdir(d));) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char *p = path_in(dir, e->d_name);
        unlink(p);
        free(p);
    }
    closedir(d);
    rmdir(dir);
}

/* Entries of dir other than the given names ("." and ".." aside). */
static int others_in(const char *dir, const char *a, const char *b)
{
    DIR *d = opendir(dir);
    cr_assert_not_null(d);
    int n = 0;
    for (struct dirent *e; (e = readdir(d));) {
        const char *s = e->d_name;
        if (strcmp(s, ".") && strcmp(s, "..") && (!a || strcmp(s, a)) && (!b || strcmp(s, b))) {
            cr_log_error("unexpected file %s", s);
            n++;
        }
    }
    closedir(d);
    return n;
}

static void put_file(const char *path, const char *text, mode_t mode)
{
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs(text, f);
    cr_assert_eq(fclose(f), 0);
    cr_assert_eq(chmod(path, mode), 0);
}

/* The whole file as a string (NUL bytes not expected). */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f, "cannot open %s", path);
    size_t cap = 1024, n = 0;
    char *s = xmalloc(cap);
    size_t r;
    while ((r = fread(s + n, 1, cap - n - 1, f)) > 0)
        if ((n += r) + 1 == cap)
            s = xrealloc(s, cap *= 2);
    fclose(f);
    s[n] = '\0';
    return s;
}

static void assert_content(const char *path, const char *want)
{
    char *got = slurp(path);
    cr_assert_str_eq(got, want, "%s holds the wrong content", path);
    free(got);
}

static bool exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

static mode_t mode_of(const char *path)
{
    struct stat st;
    cr_assert_eq(stat(path, &st), 0);
    return st.st_mode & 07777;
}

/* The one diagnostic in dl, of severity sev, whose text holds all of
 * the given words. */
static void assert_diag(const struct diag_list *dl, enum diag_severity sev,
                        const char *path, const char *w1, const char *w2)
{
    cr_assert_eq(dl->n, 1, "expected one diagnostic, got %zu", dl->n);
    const struct diag *d = &dl->v[0];
    char *s = diag_format(d);
    cr_log_info("%s", s);
    cr_assert_eq(d->severity, sev, "%s", s);
    cr_assert_str_eq(d->file, path);
    cr_assert_not_null(strstr(d->text, w1), "'%s' not in: %s", w1, s);
    if (w2)
        cr_assert_not_null(strstr(d->text, w2), "'%s' not in: %s", w2, s);
    free(s);
}

static const char OLD[] = "name = \"old\";\n";
static const char NEW[] = "name = \"the new version\";\n";

Test(atomic, new_file_is_created_0600_without_backup)
{
    char *dir = tmp_dir(), *path = path_in(dir, "a.cfg"), *bak = path_in(dir, "a.cfg~");
    umask(022);
    struct diag_list dl = {0};
    cr_assert_eq(atomic_save(path, NEW, strlen(NEW), &dl), ATOMIC_SAVED);
    cr_assert_eq(dl.n, 0);
    assert_content(path, NEW);
    cr_assert_eq(mode_of(path), 0600);
    cr_assert(!exists(bak));
    cr_assert_eq(others_in(dir, "a.cfg", NULL), 0);
    remove_dir(dir);
    free(dir), free(path), free(bak);
}

Test(atomic, overwrite_keeps_the_old_version_as_backup)
{
    char *dir = tmp_dir(), *path = path_in(dir, "a.cfg"), *bak = path_in(dir, "a.cfg~");
    struct diag_list dl = {0};
    cr_assert_eq(atomic_save(path, OLD, strlen(OLD), &dl), ATOMIC_SAVED);
    put_file(bak, "an older backup\n", 0644);
    cr_assert_eq(atomic_save(path, NEW, strlen(NEW), &dl), ATOMIC_SAVED);
    cr_assert_eq(dl.n, 0);
    assert_content(path, NEW);
    assert_content(bak, OLD);
    cr_assert_eq(mode_of(path), 0600);
    cr_assert_eq(mode_of(bak), 0600);
    cr_assert_eq(others_in(dir, "a.cfg", "a.cfg~"), 0);
    remove_dir(dir);
    free(dir), free(path), free(bak);
}

Test(atomic, a_hand_made_file_becomes_0600)
{
    char *dir = tmp_dir(), *path = path_in(dir, "a.cfg"), *bak = path_in(dir, "a.cfg~");
    put_file(path, OLD, 0644);
    struct diag_list dl = {0};
    cr_assert_eq(atomic_save(path, NEW, strlen(NEW), &dl), ATOMIC_SAVED);
    assert_content(path, NEW);
    assert_content(bak, OLD);
    cr_assert_eq(mode_of(path), 0600);
    remove_dir(dir);
    free(dir), free(path), free(bak);
}

Test(atomic, unchanged_content_touches_nothing)
{
    char *dir = tmp_dir(), *path = path_in(dir, "a.cfg"), *bak = path_in(dir, "a.cfg~");
    struct diag_list dl = {0};
    cr_assert_eq(atomic_save(path, OLD, strlen(OLD), &dl), ATOMIC_SAVED);
    struct stat before, after;
    cr_assert_eq(stat(path, &before), 0);
    cr_assert_eq(atomic_save(path, OLD, strlen(OLD), &dl), ATOMIC_UNCHANGED);
    cr_assert_eq(dl.n, 0);
    cr_assert_eq(stat(path, &after), 0);
    cr_assert_eq(after.st_ino, before.st_ino);
    cr_assert_eq(after.st_mtim.tv_sec, before.st_mtim.tv_sec);
    cr_assert_eq(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec);
    cr_assert(!exists(bak), "an unchanged save made a backup");
    cr_assert_eq(others_in(dir, "a.cfg", NULL), 0);
    remove_dir(dir);
    free(dir), free(path), free(bak);
}

Test(atomic, same_size_other_bytes_is_a_change_even_far_in)
{
    char *dir = tmp_dir(), *path = path_in(dir, "big.cfg");
    size_t n = 300000;   /* several read chunks */
    char *a = xmalloc(n + 1);
    for (size_t i = 0; i < n; i++)
        a[i] = (char)('a' + i % 26);
    a[n] = '\0';
    struct diag_list dl = {0};
    cr_assert_eq(atomic_save(path, a, n, &dl), ATOMIC_SAVED);
    cr_assert_eq(atomic_save(path, a, n, &dl), ATOMIC_UNCHANGED);
    a[n - 1] = '!';
    cr_assert_eq(atomic_save(path, a, n, &dl), ATOMIC_SAVED);
    assert_content(path, a);
    cr_assert_eq(atomic_save(path, a, n - 1, &dl), ATOMIC_SAVED, "a shorter content is a change");
    cr_assert_eq(dl.n, 0);
    remove_dir(dir);
    free(a), free(dir), free(path);
}

Test(atomic, empty_content_is_saved)
{
    char *dir = tmp_dir(), *path = path_in(dir, "a.cfg");
    struct diag_list dl = {0};
    put_file(path, OLD, 0600);
    cr_assert_eq(atomic_save(path, "", 0, &dl), ATOMIC_SAVED);
    assert_content(path, "");
    cr_assert_eq(atomic_save(path, "", 0, &dl), ATOMIC_UNCHANGED);
    remove_dir(dir);
    free(dir), free(path);
}

Test(atomic, a_path_without_a_folder_saves_in_the_current_one)
{
    char *dir = tmp_dir();
    cr_assert_eq(chdir(dir), 0);
    struct diag_list dl = {0};
    cr_assert_eq(atomic_save("here.cfg", OLD, strlen(OLD), &dl), ATOMIC_SAVED);
    cr_assert_eq(atomic_save("here.cfg", NEW, strlen(NEW), &dl), ATOMIC_SAVED);
    cr_assert_eq(dl.n, 0);
    assert_content("here.cfg", NEW);
    assert_content("here.cfg~", OLD);
    cr_assert_eq(chdir("/"), 0);
    remove_dir(dir);
    free(dir);
}

Test(atomic, a_symlink_or_folder_is_refused)
{
    char *dir = tmp_dir(), *target = path_in(dir, "target"), *link = path_in(dir, "link.cfg");
    put_file(target, OLD, 0644);
    cr_assert_eq(symlink(target, link), 0);
    struct diag_list dl = {0};
    cr_assert_eq(atomic_save(link, NEW, strlen(NEW), &dl), ATOMIC_FAILED);
    assert_diag(&dl, DIAG_ERROR, link, "cannot save", "symbolic link");
    assert_content(target, OLD);
    diag_clear(&dl);
    cr_assert_eq(atomic_save(dir, NEW, strlen(NEW), &dl), ATOMIC_FAILED);
    assert_diag(&dl, DIAG_ERROR, dir, "cannot save", "not a regular file");
    diag_clear(&dl);
    cr_assert_eq(others_in(dir, "target", "link.cfg"), 0);
    remove_dir(dir);
    free(dir), free(target), free(link);
}

/* Inject a failure at step into the save of NEW over OLD and check that
 * the file, its inode and its mode are as before and nothing is left. */
static void fail_over_old(enum atomic_step step, int err, const char *w1, const char *w2)
{
    char *dir = tmp_dir(), *path = path_in(dir, "a.cfg"), *bak = path_in(dir, "a.cfg~");
    put_file(path, OLD, 0640);
    struct stat before, after;
    cr_assert_eq(stat(path, &before), 0);
    struct diag_list dl = {0};
    atomic_fail_at(step, err);
    cr_assert_eq(atomic_save(path, NEW, strlen(NEW), &dl), ATOMIC_FAILED);
    assert_diag(&dl, DIAG_ERROR, path, w1, w2);
    cr_assert_not_null(strstr(dl.v[0].text, strerror(err)));
    assert_content(path, OLD);
    cr_assert_eq(stat(path, &after), 0);
    cr_assert_eq(after.st_ino, before.st_ino, "the file was replaced");
    cr_assert_eq(after.st_mode, before.st_mode);
    cr_assert_eq(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec);
    /* a backup, if made, is of the untouched file */
    if (exists(bak))
        assert_content(bak, OLD);
    cr_assert_eq(others_in(dir, "a.cfg", "a.cfg~"), 0, "a temporary file was left");
    diag_clear(&dl);
    /* the hook fired once: the next save goes through */
    cr_assert_eq(atomic_save(path, NEW, strlen(NEW), &dl), ATOMIC_SAVED);
    cr_assert_eq(dl.n, 0);
    assert_content(path, NEW);
    assert_content(bak, OLD);
    remove_dir(dir);
    free(dir), free(path), free(bak);
}

Test(atomic, failing_open_leaves_the_file)
{
    fail_over_old(ATOMIC_STEP_OPEN, EACCES, "cannot save: create temporary file", "untouched");
}

Test(atomic, failing_write_leaves_the_file)
{
    fail_over_old(ATOMIC_STEP_WRITE, EIO, "cannot save: write", "untouched");
}

Test(atomic, failing_fsync_leaves_the_file)
{
    fail_over_old(ATOMIC_STEP_FSYNC, EIO, "cannot save: fsync", "untouched");
}

Test(atomic, failing_backup_leaves_the_file)
{
    fail_over_old(ATOMIC_STEP_BACKUP, EIO, "cannot save: backup", "untouched");
}

Test(atomic, failing_rename_leaves_the_file)
{
    fail_over_old(ATOMIC_STEP_RENAME, EBUSY, "cannot save: rename", "untouched");
}

Test(atomic, a_full_disk_is_named_in_the_message)
{
    fail_over_old(ATOMIC_STEP_WRITE, ENOSPC, "the disk is full",
                  "the previous version is untouched");
}

Test(atomic, a_full_disk_at_fsync_too)
{
    fail_over_old(ATOMIC_STEP_FSYNC, ENOSPC, "(fsync: No space left on device", "cannot save: the disk is full");
}

Test(atomic, failing_dirsync_saves_with_a_warning)
{
    char *dir = tmp_dir(), *path = path_in(dir, "a.cfg"), *bak = path_in(dir, "a.cfg~");
    put_file(path, OLD, 0600);
    struct diag_list dl = {0};
    atomic_fail_at(ATOMIC_STEP_DIRSYNC, EIO);
    cr_assert_eq(atomic_save(path, NEW, strlen(NEW), &dl), ATOMIC_SAVED);
    assert_diag(&dl, DIAG_WARNING, path, "saved, but cannot sync the folder", strerror(EIO));
    cr_assert_eq(diag_count(&dl, DIAG_ERROR), 0);
    assert_content(path, NEW);
    assert_content(bak, OLD);
    cr_assert_eq(others_in(dir, "a.cfg", "a.cfg~"), 0);
    diag_clear(&dl);
    remove_dir(dir);
    free(dir), free(path), free(bak);
}

Test(atomic, failure_on_a_new_file_leaves_no_file)
{
    const enum atomic_step steps[] = {ATOMIC_STEP_OPEN, ATOMIC_STEP_WRITE, ATOMIC_STEP_FSYNC,
                                      ATOMIC_STEP_RENAME};
    char *dir = tmp_dir(), *path = path_in(dir, "new.cfg");
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
        struct diag_list dl = {0};
        atomic_fail_at(steps[i], ENOSPC);
        cr_assert_eq(atomic_save(path, NEW, strlen(NEW), &dl), ATOMIC_FAILED);
        assert_diag(&dl, DIAG_ERROR, path, "the disk is full", "nothing was saved");
        cr_assert(!exists(path));
        cr_assert_eq(others_in(dir, NULL, NULL), 0);
        diag_clear(&dl);
    }
    remove_dir(dir);
    free(dir), free(path);
}

Test(atomic, the_hook_lasts_one_save_even_when_its_step_is_not_reached)
{
    char *dir = tmp_dir(), *path = path_in(dir, "a.cfg"), *bak = path_in(dir, "a.cfg~");
    struct diag_list dl = {0};
    atomic_fail_at(ATOMIC_STEP_BACKUP, EIO);   /* a new file has no backup step */
    cr_assert_eq(atomic_save(path, OLD, strlen(OLD), &dl), ATOMIC_SAVED);
    cr_assert_eq(atomic_save(path, NEW, strlen(NEW), &dl), ATOMIC_SAVED);
    cr_assert_eq(dl.n, 0);
    assert_content(bak, OLD);
    atomic_fail_at(ATOMIC_STEP_WRITE, EIO);
    atomic_fail_at(ATOMIC_STEP_NONE, 0);       /* cleared */
    cr_assert_eq(atomic_save(path, OLD, strlen(OLD), &dl), ATOMIC_SAVED);
    cr_assert_eq(dl.n, 0);
    remove_dir(dir);
    free(dir), free(path), free(bak);
}

/* Where link() is refused (EPERM: protected_hardlinks, some FUSE file
 * systems; EXDEV and friends elsewhere) the backup is a real copy. */
static void backup_by_copy(int err)
{
    char *dir = tmp_dir(), *path = path_in(dir, "a.cfg"), *bak = path_in(dir, "a.cfg~");
    put_file(path, OLD, 0600);
    put_file(bak, "an older backup\n", 0600);
    struct diag_list dl = {0};
    atomic_fail_at(ATOMIC_STEP_BACKUP, err);
    cr_assert_eq(atomic_save(path, NEW, strlen(NEW), &dl), ATOMIC_SAVED);
    cr_assert_eq(dl.n, 0);
    assert_content(path, NEW);
    assert_content(bak, OLD);
    struct stat st;
    cr_assert_eq(stat(bak, &st), 0);
    cr_assert_eq(st.st_nlink, 1, "the backup is a link, not a copy");
    cr_assert_eq(st.st_mode & 07777, 0600);
    cr_assert_eq(others_in(dir, "a.cfg", "a.cfg~"), 0);
    remove_dir(dir);
    free(dir), free(path), free(bak);
}

Test(atomic, backup_is_copied_when_links_are_not_permitted)
{
    backup_by_copy(EPERM);
}

Test(atomic, backup_is_copied_across_devices)
{
    backup_by_copy(EXDEV);
}
