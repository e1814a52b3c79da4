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

Test(lock, a_live_pid_on_this_host_that_does_not_hold_it_is_taken_over)
{
    /* the file names a process that is alive here (PID namespaces: a
     * container's kijun with the same host name and pid, or pid reuse),
     * but no kijun holds the kernel's lock: the file does not decide */
    char *dir = tmp_dir(), *path = lock_path(dir);
    char host[256];
    our_host(host, sizeof host);
    put_lock(path, "alice", host, (long)getppid(), 1795600800LL);
    struct ws_lock lk;
    struct lock_owner o;
    cr_assert_eq(lock_acquire(&lk, dir, &o), LOCK_TAKEN_STALE, "%s", lk.why);
    cr_assert(lk.held);
    cr_assert_str_eq(o.user, "alice");
    cr_assert_eq(o.pid, getppid());
    char *text = slurp(path);
    char want[64];
    snprintf(want, sizeof want, "\npid=%ld\n", (long)getpid());
    cr_assert_not_null(strstr(text, want), "the lock is not ours: %s", text);
    free(text);
    lock_release(&lk);
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
    cr_assert_eq(access(path, F_OK), 0, "the first holder's lock went with the second");
    lock_release(&a);
    cr_assert_eq(access(path, F_OK), -1);
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
    cr_assert_not_null(strstr(lk.why, "another host"), "%s", lk.why);
    char *after = slurp(path);
    cr_assert_str_eq(after, before);
    free(before), free(after);
    cleanup(dir, path);
}

Test(lock, release_leaves_a_lock_file_that_replaced_ours)
{
    char *dir = tmp_dir(), *path = lock_path(dir);
    char host[256];
    our_host(host, sizeof host);
    struct ws_lock lk;
    cr_assert_eq(lock_acquire(&lk, dir, NULL), LOCK_TAKEN);
    cr_assert_eq(unlink(path), 0);
    put_lock(path, "dave", host, (long)getppid(), 1700000000LL);
    lock_release(&lk);
    cr_assert(!lk.held);
    cr_assert_eq(access(path, F_OK), 0, "release removed another's lock file");
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

Test(lock, an_oversized_lock_is_an_error_a_garbled_one_nobody_holds_is_taken)
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
    cr_assert_not_null(strstr(lk.why, path), "%s", lk.why);
    f = fopen(path, "w");
    fputs("this is not a lock\n", f);
    fclose(f);
    /* names no one, and no kijun holds it: ours (nobody to name) */
    struct lock_owner o;
    cr_assert_eq(lock_acquire(&lk, dir, &o), LOCK_TAKEN, "%s", lk.why);
    cr_assert_eq(o.pid, 0);
    lock_release(&lk);
    cr_assert_eq(access(path, F_OK), -1);
    cleanup(dir, path);
}

Test(lock, an_empty_lock_file_nobody_holds_is_taken)
{
    char *dir = tmp_dir(), *path = lock_path(dir);
    int fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0600);
    cr_assert_geq(fd, 0);
    close(fd);
    struct ws_lock lk;
    cr_assert_eq(lock_acquire(&lk, dir, NULL), LOCK_TAKEN, "%s", lk.why);
    char *text = slurp(path);
    cr_assert_not_null(strstr(text, "\npid="), "%s", text);
    free(text);
    lock_release(&lk);
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
    cr_assert_not_null(strstr(lk.why, "cannot open the folder"), "%s", lk.why);
    cr_assert_not_null(strstr(lk.why, strerror(ENOENT)), "%s", lk.why);
    cleanup(dir, path);
}

/* Run lock_acquire on dir in a child as user nobody (when we are root,
 * whom folder permissions do not stop) or as ourselves; its result and
 * lk.why come back through a pipe. */
static enum lock_result acquire_unprivileged(const char *dir, char *why, size_t size)
{
    int p[2];
    cr_assert_eq(pipe(p), 0);
    pid_t pid = fork();
    cr_assert_geq(pid, 0);
    if (pid == 0) {
        close(p[0]);
        if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
            _exit(99);
        struct ws_lock lk;
        enum lock_result r = lock_acquire(&lk, dir, NULL);
        ssize_t w = write(p[1], lk.why, strlen(lk.why));
        (void)w;
        _exit((int)r);
    }
    close(p[1]);
    ssize_t n = read(p[0], why, size - 1);
    why[n > 0 ? n : 0] = '\0';
    close(p[0]);
    int status;
    cr_assert_eq(waitpid(pid, &status, 0), pid);
    cr_assert(WIFEXITED(status));
    cr_assert_neq(WEXITSTATUS(status), 99, "cannot become nobody");
    return (enum lock_result)WEXITSTATUS(status);
}

Test(lock, a_folder_without_write_permission_says_so)
{
    char *dir = tmp_dir(), *path = lock_path(dir);
    cr_assert_eq(chmod(dir, 0555), 0);
    char why[512];
    cr_assert_eq(acquire_unprivileged(dir, why, sizeof why), LOCK_ERROR);
    cr_assert_not_null(strstr(why, "no permission to write in the folder"), "%s", why);
    cr_assert_not_null(strstr(why, dir), "%s", why);
    chmod(dir, 0700);
    cleanup(dir, path);
}

Test(lock, another_users_lock_file_nobody_holds_in_a_closed_folder)
{
    if (geteuid() != 0)
        cr_skip_test("needs root to make a file of another user");
    char *dir = tmp_dir(), *path = lock_path(dir);
    char host[256];
    our_host(host, sizeof host);
    put_lock(path, "root", host, 1, 1700000000LL);
    cr_assert_eq(chmod(path, 0600), 0);
    cr_assert_eq(chmod(dir, 0755), 0);
    char why[512];
    cr_assert_eq(acquire_unprivileged(dir, why, sizeof why), LOCK_ERROR);
    cr_assert_not_null(strstr(why, "belongs to another user"), "%s", why);
    cleanup(dir, path);
}

/* --- two processes: the kernel's lock decides ---------------------------- */

/* A child that takes the lock of dir (then, with rewrite, makes the file
 * say that instead), reports through *ready, and waits for a byte on
 * *go: 'k' exits without releasing (as if killed), else it releases. */
static pid_t holder(const char *dir, int *ready, int *go, const char *rewrite)
{
    int r[2], g[2];
    cr_assert_eq(pipe(r), 0);
    cr_assert_eq(pipe(g), 0);
    pid_t pid = fork();
    cr_assert_geq(pid, 0);
    if (pid == 0) {
        close(r[0]);
        close(g[1]);
        struct ws_lock lk;
        char res = (char)('0' + lock_acquire(&lk, dir, NULL));
        if (rewrite) {
            /* the file may say anything: a dead pid, nothing at all */
            int fd = open(lk.path, O_WRONLY | O_TRUNC);
            ssize_t w = write(fd, rewrite, strlen(rewrite));
            (void)w;
            close(fd);
        }
        ssize_t w = write(r[1], &res, 1);
        (void)w;
        char c = 0;
        ssize_t n = read(g[0], &c, 1);
        (void)n;
        if (c != 'k')
            lock_release(&lk);
        _exit(0);
    }
    close(r[1]);
    close(g[0]);
    char res;
    cr_assert_eq(read(r[0], &res, 1), 1);
    cr_assert_eq(res, '0' + LOCK_TAKEN, "the child did not get the lock");
    *ready = r[0];
    *go = g[1];
    return pid;
}

static void end_holder(pid_t pid, int ready, int go, char how)
{
    cr_assert_eq(write(go, &how, 1), 1);
    int status;
    cr_assert_eq(waitpid(pid, &status, 0), pid);
    close(go);
    close(ready);
}

Test(lock, a_holder_in_another_process_keeps_it_whatever_its_file_says)
{
    char *dir = tmp_dir(), *path = lock_path(dir);
    char host[256], text[512];
    our_host(host, sizeof host);
    /* a dead pid on this host: the old rule took such a lock over */
    snprintf(text, sizeof text, "user=ghost\nhost=%s\npid=%ld\nsince=1700000000\n", host,
             (long)dead_pid());
    int ready, go;
    pid_t pid = holder(dir, &ready, &go, text);
    char *before = slurp(path);
    struct ws_lock lk;
    struct lock_owner o;
    cr_assert_eq(lock_acquire(&lk, dir, &o), LOCK_BUSY, "%s", lk.why);
    cr_assert(!lk.held);
    cr_assert_str_eq(o.user, "ghost");
    cr_assert_not_null(strstr(lk.why, "held by another kijun"), "%s", lk.why);
    char *after = slurp(path);
    cr_assert_str_eq(after, before, "a held lock file was rewritten");
    free(before), free(after);
    /* the holder dies without a word (kill -9): the kernel lets go */
    end_holder(pid, ready, go, 'k');
    cr_assert_eq(lock_acquire(&lk, dir, &o), LOCK_TAKEN_STALE, "%s", lk.why);
    cr_assert_str_eq(o.user, "ghost");
    lock_release(&lk);
    cleanup(dir, path);
}

Test(lock, a_holder_whose_file_names_no_one_yet_is_still_busy)
{
    char *dir = tmp_dir(), *path = lock_path(dir);
    int ready, go;
    pid_t pid = holder(dir, &ready, &go, "");
    struct ws_lock lk;
    struct lock_owner o;
    cr_assert_eq(lock_acquire(&lk, dir, &o), LOCK_BUSY, "%s", lk.why);
    cr_assert_not_null(strstr(lk.why, "does not say whose"), "%s", lk.why);
    end_holder(pid, ready, go, 'r');
    cr_assert_eq(access(path, F_OK), -1, "a released lock file is left");
    cr_assert_eq(lock_acquire(&lk, dir, &o), LOCK_TAKEN, "%s", lk.why);
    lock_release(&lk);
    cleanup(dir, path);
}

Test(lock, of_many_processes_starting_at_once_exactly_one_holds_it, .timeout = 30)
{
    char *dir = tmp_dir(), *path = lock_path(dir);
    enum { N = 12 };
    pid_t pids[N];
    int res[2], go[2];
    cr_assert_eq(pipe(res), 0);
    cr_assert_eq(pipe(go), 0);
    for (int i = 0; i < N; i++) {
        pids[i] = fork();
        cr_assert_geq(pids[i], 0);
        if (pids[i] == 0) {
            close(res[0]);
            close(go[1]);
            struct ws_lock lk;
            char r = (char)('0' + lock_acquire(&lk, dir, NULL));
            ssize_t w = write(res[1], &r, 1);
            (void)w;
            char c;
            ssize_t n = read(go[0], &c, 1);   /* hold until the parent has counted */
            (void)n;
            lock_release(&lk);
            _exit(0);
        }
    }
    close(res[1]);
    close(go[0]);
    int taken = 0, busy = 0;
    for (int i = 0; i < N; i++) {
        char r;
        cr_assert_eq(read(res[0], &r, 1), 1);
        taken += r == '0' + LOCK_TAKEN || r == '0' + LOCK_TAKEN_STALE;
        busy += r == '0' + LOCK_BUSY;
    }
    close(go[1]);   /* every child reads EOF, releases and ends */
    for (int i = 0; i < N; i++)
        waitpid(pids[i], NULL, 0);
    close(res[0]);
    cr_assert_eq(taken, 1, "%d processes hold the lock", taken);
    cr_assert_eq(busy, N - 1);
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
