/* lock: one writer per workspace, through a lock file naming its holder. */
#include "config.h"
#include "util/i18n.h"
#include "store/lock.h"
#include "store/cfgfile.h"
#include "util/xalloc.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define LOCK_NAME ".kijun.lock"
#define LOCK_MAX 4096   /* a real lock file is under 400 bytes */
#define LOCK_YOUNG 10   /* seconds an incomplete lock file may still be being written */

enum create_status { CREATED, EXISTS, CREATE_FAILED };
enum read_status { READ_OK, READ_GONE, READ_PARTIAL, READ_BAD };

static void set_why(struct ws_lock *lk, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void set_why(struct ws_lock *lk, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(lk->why, sizeof lk->why, fmt, ap);
    va_end(ap);
}

/* Copy src into dst, turning control characters (a newline would break
 * the file format) into '?'. */
static void copy_clean(char *dst, size_t size, const char *src)
{
    size_t i = 0;
    for (; src[i] && i + 1 < size; i++)
        dst[i] = (unsigned char)src[i] < 0x20 || src[i] == 0x7F ? '?' : src[i];
    dst[i] = '\0';
}

static void my_host(char *host, size_t size)
{
    if (gethostname(host, size - 1) != 0 || !*host)
        copy_clean(host, size, "localhost");
    host[size - 1] = '\0';
}

static void self_owner(struct lock_owner *o)
{
    memset(o, 0, sizeof *o);
    const struct passwd *pw = getpwuid(geteuid());
    const char *user = pw && pw->pw_name && *pw->pw_name ? pw->pw_name : getenv("USER");
    if (user && *user)
        copy_clean(o->user, sizeof o->user, user);
    else
        snprintf(o->user, sizeof o->user, "uid %lu", (unsigned long)geteuid());
    my_host(o->host, sizeof o->host);
    o->pid = getpid();
    o->since = time(NULL);
}

static bool parse_num(const char *s, long long *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0')
        return false;
    *out = v;
    return true;
}

/* Parse the "key=value" lines of a lock file; false unless complete. */
static bool parse_owner(char *text, struct lock_owner *o)
{
    memset(o, 0, sizeof *o);
    bool host = false, pid = false, since = false;
    char *next;
    for (char *line = text; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        char *eq = strchr(line, '=');
        if (!eq)
            continue;
        *eq = '\0';
        const char *v = eq + 1;
        long long n;
        if (strcmp(line, "user") == 0) {
            copy_clean(o->user, sizeof o->user, v);
        } else if (strcmp(line, "host") == 0) {
            copy_clean(o->host, sizeof o->host, v);
            host = *v != '\0';
        } else if (strcmp(line, "pid") == 0 && parse_num(v, &n) && n > 0 && n <= INT_MAX) {
            o->pid = (pid_t)n;
            pid = true;
        } else if (strcmp(line, "since") == 0 && parse_num(v, &n)) {
            o->since = (time_t)n;
            since = true;
        }
    }
    return host && pid && since;
}

/* Read up to LOCK_MAX bytes of fd into buf (NUL-terminated). */
static bool read_small(int fd, char *buf, size_t cap)
{
    size_t n = 0;
    while (n + 1 < cap) {
        ssize_t r = read(fd, buf + n, cap - n - 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return false;
        if (r == 0)
            break;
        n += (size_t)r;
    }
    buf[n] = '\0';
    return true;
}

/* Open the lock file without following links and refuse anything that
 * is not a small regular file; fd < 0 means done with status *rs. */
static int open_lock(struct ws_lock *lk, const char *path, struct stat *st,
                     enum read_status *rs)
{
    *rs = READ_BAD;
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        if (errno == ENOENT)
            *rs = READ_GONE;
        else if (errno == ELOOP)
            set_why(lk, _("%s is a symbolic link, not a lock file: refused"), path);
        else
            set_why(lk, _("cannot read %s: %s"), path, strerror(errno));
        return -1;
    }
    if (fstat(fd, st) != 0) {
        set_why(lk, _("cannot stat %s: %s"), path, strerror(errno));
    } else if (!S_ISREG(st->st_mode)) {
        set_why(lk, _("%s is %s, not a lock file: refused"), path, file_kind(st->st_mode));
    } else if (st->st_size > LOCK_MAX) {
        set_why(lk, _("%s is %lld bytes, too big for a lock file: refused"), path,
                (long long)st->st_size);
    } else {
        return fd;
    }
    close(fd);
    return -1;
}

/* Read and parse the lock file at path into *o; st gets its identity. */
static enum read_status read_lock(struct ws_lock *lk, const char *path, struct lock_owner *o,
                                  struct stat *st)
{
    enum read_status rs;
    int fd = open_lock(lk, path, st, &rs);
    if (fd < 0)
        return rs;
    char buf[LOCK_MAX + 1];
    bool ok = read_small(fd, buf, sizeof buf);
    int err = errno;
    close(fd);
    if (!ok) {
        set_why(lk, _("cannot read %s: %s"), path, strerror(err));
        return READ_BAD;
    }
    if (parse_owner(buf, o))
        return READ_OK;
    /* another kijun may have created it and not yet written it */
    if (time(NULL) - st->st_mtime < LOCK_YOUNG)
        return READ_PARTIAL;
    set_why(lk, _("%s is not a valid lock file (no host, pid or start time); remove it "
            "if no kijun is using this folder"), path);
    return READ_BAD;
}

static bool write_all(int fd, const char *s, size_t len)
{
    while (len > 0) {
        ssize_t w = write(fd, s, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return false;
        s += w;
        len -= (size_t)w;
    }
    return true;
}

/* Create the lock file with O_EXCL and write our owner lines into it. */
static enum create_status create_lock(struct ws_lock *lk, const char *path,
                                      const struct lock_owner *me)
{
    int fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST)
            return EXISTS;
        set_why(lk, _("cannot create %s: %s"), path, strerror(errno));
        return CREATE_FAILED;
    }
    char text[512];
    int n = snprintf(text, sizeof text, "user=%s\nhost=%s\npid=%ld\nsince=%lld\n", me->user,
                     me->host, (long)me->pid, (long long)me->since);
    bool ok = fchmod(fd, 0600) == 0 && write_all(fd, text, (size_t)n);
    int err = errno;
    if (close(fd) != 0 && ok) {
        ok = false;
        err = errno;
    }
    if (ok)
        return CREATED;
    set_why(lk, _("cannot write %s: %s"), path, strerror(err));
    unlink(path);
    return CREATE_FAILED;
}

/* The holder (pid) on our host is dead: remove its lock, but only if the
 * file is still the one we read, then compete for it with O_EXCL again. */
static enum lock_result take_stale(struct ws_lock *lk, const char *path,
                                   const struct lock_owner *me, struct lock_owner *owner,
                                   const struct stat *read_st)
{
    struct stat now;
    if (lstat(path, &now) == 0) {
        if (now.st_dev != read_st->st_dev || now.st_ino != read_st->st_ino)
            return LOCK_BUSY;   /* another kijun took it over first */
        if (unlink(path) != 0 && errno != ENOENT) {
            set_why(lk, _("cannot remove the stale lock %s: %s"), path, strerror(errno));
            return LOCK_ERROR;
        }
    }
    switch (create_lock(lk, path, me)) {
    case CREATED:
        return LOCK_TAKEN_STALE;
    case CREATE_FAILED:
        return LOCK_ERROR;
    case EXISTS:
        break;
    }
    /* lost the race: say who won if we can */
    struct lock_owner winner;
    struct stat st;
    if (read_lock(lk, path, &winner, &st) == READ_OK)
        *owner = winner;
    return LOCK_BUSY;
}

/* Decide about a lock held by *owner. */
static enum lock_result judge(struct ws_lock *lk, const char *path, const struct lock_owner *me,
                              struct lock_owner *owner, const struct stat *st)
{
    if (strcmp(owner->host, me->host) != 0)
        return LOCK_BUSY;   /* we cannot see processes on another host */
    if (owner->pid == me->pid)
        return LOCK_TAKEN;
    if (kill(owner->pid, 0) == 0 || errno != ESRCH)
        return LOCK_BUSY;   /* alive (EPERM: alive, another user's) */
    return take_stale(lk, path, me, owner, st);
}

static enum lock_result try_lock(struct ws_lock *lk, const char *path,
                                 const struct lock_owner *me, struct lock_owner *owner)
{
    /* a few rounds: the file may vanish between our create and our read */
    for (int round = 0; round < 3; round++) {
        switch (create_lock(lk, path, me)) {
        case CREATED:
            return LOCK_TAKEN;
        case CREATE_FAILED:
            return LOCK_ERROR;
        case EXISTS:
            break;
        }
        struct stat st;
        switch (read_lock(lk, path, owner, &st)) {
        case READ_OK:
            return judge(lk, path, me, owner, &st);
        case READ_GONE:
            continue;
        case READ_PARTIAL:
            return LOCK_BUSY;
        case READ_BAD:
            return LOCK_ERROR;
        }
    }
    return LOCK_BUSY;
}

enum lock_result lock_acquire(struct ws_lock *lk, const char *dir, struct lock_owner *owner)
{
    struct lock_owner scratch, me;
    if (!owner)
        owner = &scratch;
    memset(owner, 0, sizeof *owner);
    lk->path = NULL;
    lk->held = false;
    lk->why[0] = '\0';
    self_owner(&me);
    size_t nd = strlen(dir);
    char *path = xmalloc(nd + sizeof "/" LOCK_NAME);
    memcpy(path, dir, nd);
    memcpy(path + nd, "/" LOCK_NAME, sizeof "/" LOCK_NAME);
    enum lock_result r = try_lock(lk, path, &me, owner);
    if (r == LOCK_TAKEN || r == LOCK_TAKEN_STALE) {
        lk->path = path;
        lk->held = true;
    } else {
        free(path);
    }
    return r;
}

void lock_release(struct ws_lock *lk)
{
    if (!lk->held)
        return;
    struct lock_owner o;
    struct stat st;
    char host[256];
    my_host(host, sizeof host);
    /* never remove a lock that another kijun has taken over meanwhile */
    if (read_lock(lk, lk->path, &o, &st) == READ_OK && o.pid == getpid()
        && strcmp(o.host, host) == 0)
        unlink(lk->path);
    free(lk->path);
    lk->path = NULL;
    lk->held = false;
}

void lock_describe(const struct lock_owner *o, char *buf, size_t size)
{
    char when[32] = "?";
    struct tm tm;
    if (o->since > 0 && localtime_r(&o->since, &tm))
        strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
    snprintf(buf, size, "%s@%s, pid %ld, since %s", *o->user ? o->user : "?",
             *o->host ? o->host : "?", (long)o->pid, when);
}
