/* Unit tests: the workspace lock — busy, stale, foreign and refused locks. */
#include "store/lock.h"
#include "util/xalloc.h"
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char *tmp_dir(void)
{
    char tmpl[] = "/tmp/kijun-lock-XXXXXX";
    cr_assert_not_null(mkdtemp(tmpl), "mkdtemp: %s", strerror(errno));
    return xstrdup(tmpl);
}

static char *lock_path(const char *dir)
{
    char *p = xmalloc(strlen(dir) + sizeof "/.kijun.lock");
    sprintf(p, "%s/.kijun.lock", dir);
    return p;
}

static void our_host(char *host, size_t size)
{
    cr_assert_eq(gethostname(host, size - 1), 0);
    host[size - 1] = '\0';
}

static void put_lock(const char *path, const char *user, const char *host, long pid,
                     long long since)
{
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fprintf(f, "user=%s\nhost=%s\npid=%ld\nsince=%lld\n", user, host, pid, since);
    cr_assert_eq(fclose(f), 0);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f, "cannot open %s", path);
    char *s = xcalloc(1, 4096);
    size_t n = fread(s, 1, 4095, f);
    s[n] = '\0';
    fclose(f);
    return s;
}

/* A pid that surely belongs to no process: a child that has been reaped. */
static pid_t dead_pid(void)
{
    pid_t pid = fork();
    cr_assert_geq(pid, 0);
    if (pid == 0)
        _exit(0);
    int status;
    cr_assert_eq(waitpid(pid, &status, 0), pid);
    cr_assert_eq(kill(pid, 0), -1);
    return pid;
}

static void cleanup(char *dir, char *path)
{
    unlink(path);
    rmdir(dir);
    free(path);
    free(dir);
}

Test(lock, acquire_writes_our_lines_and_release_removes_the_file)
{
    char *dir = tmp_dir(), *path = lock_path(dir);
    char host[256];
    our_host(host, sizeof host);
    struct ws_lock lk;
    struct lock_owner o;
    cr_assert_eq(lock_acquire(&lk, dir, &o), LOCK_TAKEN);
    cr_assert(lk.held);
    cr_assert_str_eq(lk.path, path);
    struct stat st;
    cr_assert_eq(lstat(path, &st), 0);
    cr_assert(S_ISREG(st.st_mode));
    cr_assert_eq(st.st_mode & 07777, 0600);
    char *text = slurp(path);
    char want[512];
    snprintf(want, sizeof want, "\nhost=%s\npid=%ld\nsince=", host, (long)getpid());
    cr_assert_eq(strncmp(text, "user=", 5), 0, "%s", text);
    cr_assert_not_null(strstr(text, want), "%s", text);
    long long since = atoll(strstr(text, "since=") + 6);
    cr_assert(since > 0 && llabs(since - (long long)time(NULL)) < 60);
    free(text);
    lock_release(&lk);
    cr_assert(!lk.held);
    cr_assert_null(lk.path);
    cr_assert_eq(access(path, F_OK), -1, "the lock file is still there");
    lock_release(&lk);   /* twice is harmless */
    cleanup(dir, path);
}

Test(lock, a_live_process_on_this_host_keeps_it)
{
    char *dir = tmp_dir(), *path = lock_path(dir);
    char host[256];
    our_host(host, sizeof host);
    put_lock(path, "alice", host, (long)getppid(), 1795600800LL);
    char *before = slurp(path);
    struct ws_lock lk;
    struct lock_owner o;
    cr_assert_eq(lock_acquire(&lk, dir, &o), LOCK_BUSY);
    cr_assert(!lk.held);
    cr_assert_null(lk.path);
    cr_assert_str_eq(o.user, "alice");
    cr_assert_str_eq(o.host, host);
    cr_assert_eq(o.pid, getppid());
    cr_assert_eq(o.since, (time_t)1795600800);
    char *after = slurp(path);
    cr_assert_str_eq(after, before, "a busy lock was rewritten");
    lock_release(&lk);   /* not held: leaves the other's lock alone */
    cr_assert_eq(access(path, F_OK), 0);
    free(before), free(after);
    cleanup(dir, path);
}

Test(lock, a_second_acquire_in_the_same_process_is_ours)
{
    char *dir = tmp_dir(), *path = lock_path(dir);
    struct ws_lock a, b;
    struct lock_owner o;
    cr_assert_eq(lock_acquire(&a, dir, NULL), LOCK_TAKEN);
    cr_assert_eq(lock_acquire(&b, dir, &o), LOCK_TAKEN);
    cr_assert_eq(o.pid, getpid());
    lock_release(&b);
    lock_release(&a);
    cleanup(dir, path);
}

Test(lock, a_dead_process_lock_is_taken_over)
{
    char *dir = tmp_dir(), *path = lock_path(dir);
    char host[256];
    our_host(host, sizeof host);
    pid_t dead = dead_pid();
    put_lock(path, "bob", host, (long)dead, 1700000000LL);
    chmod(path, 0644);
    struct ws_lock lk;
    struct lock_owner o;
    cr_assert_eq(lock_acquire(&lk, dir, &o), LOCK_TAKEN_STALE);
    cr_assert(lk.held);
    cr_assert_str_eq(o.user, "bob");
    cr_assert_eq(o.pid, dead);
    cr_assert_eq(o.since, (time_t)1700000000);
    char *text = slurp(path);
    char want[64];
    snprintf(want, sizeof want, "\npid=%ld\n", (long)getpid());
    cr_assert_not_null(strstr(text, want), "the lock is not ours: %s", text);
    struct stat st;
    cr_assert_eq(stat(path, &st), 0);
    cr_assert_eq(st.st_mode & 07777, 0600);
    free(text);
    lock_release(&lk);
    cr_assert_eq(access(path, F_OK), -1);
    cleanup(dir, path);
}

Test(lock, a_lock_from_another_host_is_never_taken_over)
{
    char *dir = tmp_dir(), *path = lock_path(dir);
    /* even with a pid that is dead here: it may live on the other host */
    put_lock(path, "carol", "other-host.example", (long)dead_pid(), 1700000000LL);
    char *before = slurp(path);
    struct ws_lock lk;
    struct lock_owner o;
    cr_assert_eq(lock_acquire(&lk, dir, &o), LOCK_BUSY);
    cr_assert_str_eq(o.host, "other-host.example");
    cr_assert_str_eq(o.user, "carol");
    char *after = slurp(path);
    cr_assert_str_eq(after, before);
    free(before), free(after);
    cleanup(dir, path);
}

Test(lock, release_leaves_a_lock_that_is_no_longer_ours)
{
    char *dir = tmp_dir(), *path = lock_path(dir);
    char host[256];
    our_host(host, sizeof host);
    struct ws_lock lk;
    cr_assert_eq(lock_acquire(&lk, dir, NULL), LOCK_TAKEN);
    put_lock(path, "dave", host, (long)getppid(), 1700000000LL);
    lock_release(&lk);
    cr_assert(!lk.held);
    cr_assert_eq(access(path, F_OK), 0, "release removed another's lock");
    cleanup(dir, path);
}

Test(lock, a_directory_as_lock_file_is_an_error)
{
    char *dir = tmp_dir(), *path = lock_path(dir);
    cr_assert_eq(mkdir(path, 0700), 0);
    struct ws_lock lk;
    struct lock_owner o;
    cr_assert_eq(lock_acquire(&lk, dir, &o), LOCK_ERROR);
    cr_assert(!lk.held);
    cr_assert_not_null(strstr(lk.why, "is a directory"), "%s", lk.why);
    cr_assert_eq(rmdir(path), 0, "the directory was changed");
    cleanup(dir, path);
}

Test(lock, a_symlink_as_lock_file_is_an_error_and_not_followed)
{
    char *dir = tmp_dir(), *path = lock_path(dir);
    char host[256], target[512];
    our_host(host, sizeof host);
    snprintf(target, sizeof target, "%s/elsewhere", dir);
    /* a stale lock behind the link would be taken over if it were followed */
    put_lock(target, "eve", host, (long)dead_pid(), 1700000000LL);
    char *before = slurp(target);
    cr_assert_eq(symlink(target, path), 0);
    struct ws_lock lk;
    struct lock_owner o;
    cr_assert_eq(lock_acquire(&lk, dir, &o), LOCK_ERROR);
    cr_assert_not_null(strstr(lk.why, "symbolic link"), "%s", lk.why);
    struct stat st;
    cr_assert_eq(lstat(path, &st), 0);
    cr_assert(S_ISLNK(st.st_mode));
    char *after = slurp(target);
    cr_assert_str_eq(after, before);
    unlink(target);
    free(before), free(after);
    cleanup(dir, path);
}

Test(lock, an_oversized_or_garbled_old_lock_is_an_error)
{
    char *dir = tmp_dir(), *path = lock_path(dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    for (int i = 0; i < 1000; i++)
        fputs("junk=junk\n", f);
    fclose(f);
    struct ws_lock lk;
    cr_assert_eq(lock_acquire(&lk, dir, NULL), LOCK_ERROR);
    cr_assert_not_null(strstr(lk.why, "too big"), "%s", lk.why);
    f = fopen(path, "w");
    fputs("this is not a lock\n", f);
    fclose(f);
    struct timespec old[2] = {{.tv_sec = 1700000000}, {.tv_sec = 1700000000}};
    cr_assert_eq(utimensat(AT_FDCWD, path, old, 0), 0);
    cr_assert_eq(lock_acquire(&lk, dir, NULL), LOCK_ERROR);
    cr_assert_not_null(strstr(lk.why, "not a valid lock file"), "%s", lk.why);
    cr_assert_eq(access(path, F_OK), 0);
    cleanup(dir, path);
}

Test(lock, a_lock_file_being_written_counts_as_busy)
{
    char *dir = tmp_dir(), *path = lock_path(dir);
    int fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0600);   /* just created, still empty */
    cr_assert_geq(fd, 0);
    close(fd);
    struct ws_lock lk;
    cr_assert_eq(lock_acquire(&lk, dir, NULL), LOCK_BUSY);
    struct stat st;
    cr_assert_eq(stat(path, &st), 0);
    cr_assert_eq(st.st_size, 0, "the other's lock was overwritten");
    cleanup(dir, path);
}

Test(lock, a_missing_folder_is_an_error)
{
    char *dir = tmp_dir(), *path = lock_path(dir);
    char sub[512];
    snprintf(sub, sizeof sub, "%s/missing", dir);
    struct ws_lock lk;
    cr_assert_eq(lock_acquire(&lk, sub, NULL), LOCK_ERROR);
    cr_assert(!lk.held);
    cr_assert_not_null(strstr(lk.why, "cannot create"), "%s", lk.why);
    cr_assert_not_null(strstr(lk.why, strerror(ENOENT)), "%s", lk.why);
    cleanup(dir, path);
}

Test(lock, a_read_only_folder_is_an_error)
{
    if (geteuid() == 0)
        cr_skip_test("root ignores folder permissions");
    char *dir = tmp_dir(), *path = lock_path(dir);
    cr_assert_eq(chmod(dir, 0500), 0);
    struct ws_lock lk;
    cr_assert_eq(lock_acquire(&lk, dir, NULL), LOCK_ERROR);
    cr_assert(!lk.held);
    cr_assert_not_null(strstr(lk.why, strerror(EACCES)), "%s", lk.why);
    chmod(dir, 0700);
    cleanup(dir, path);
}

Test(lock, describe_says_who_where_and_since_when)
{
    setenv("TZ", "UTC", 1);
    tzset();
    struct lock_owner o = {.user = "alice", .host = "ws1.example", .pid = 123,
                           .since = 1795600800};
    char buf[128];
    lock_describe(&o, buf, sizeof buf);
    cr_assert_str_eq(buf, "alice@ws1.example, pid 123, since 2026-11-25 10:00");
    setenv("TZ", "JST-9", 1);
    tzset();
    lock_describe(&o, buf, sizeof buf);
    cr_assert_str_eq(buf, "alice@ws1.example, pid 123, since 2026-11-25 19:00");
    char small[12];
    lock_describe(&o, small, sizeof small);
    cr_assert_str_eq(small, "alice@ws1.e");
    struct lock_owner blank = {0};
    lock_describe(&blank, buf, sizeof buf);
    cr_assert_str_eq(buf, "?@?, pid 0, since ?");
}
