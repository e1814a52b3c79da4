/* lock: one writer per workspace, decided by a kernel lock (flock) on an
 * open lock file whose content names the holder. */
#include "config.h"
#include "util/i18n.h"
#include "store/lock.h"
#include "store/atomic.h"
#include "store/cfgfile.h"
#include "store/journal.h"
#include "util/xalloc.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#define LOCK_NAME ".kijun.lock"
#define LOCK_MAX 4096   /* a real lock file is under 400 bytes */

static void set_why(struct ws_lock *lk, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void set_why(struct ws_lock *lk, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(lk->why, sizeof lk->why, fmt, ap);
    va_end(ap);
}

/* --- the locks this process holds ---------------------------------------
 * flock() locks belong to an open file: a second open in the same
 * process conflicts with the first. A second lock_acquire of a lock file
 * this process holds shares the first one's instead. */

struct held_lock {
    dev_t dev;
    ino_t ino;
    int fd;
    int refs;
    pid_t pid;   /* a child after fork() holds nothing of its parent's */
};

static struct held_lock *held_v;
static size_t held_n, held_cap;

static struct held_lock *held_find(dev_t dev, ino_t ino)
{
    for (size_t i = 0; i < held_n; i++)
        if (held_v[i].dev == dev && held_v[i].ino == ino && held_v[i].pid == getpid())
            return &held_v[i];
    return NULL;
}

static struct held_lock *held_by_fd(int fd)
{
    for (size_t i = 0; i < held_n; i++)
        if (held_v[i].fd == fd && held_v[i].pid == getpid())
            return &held_v[i];
    return NULL;
}

static void held_add(dev_t dev, ino_t ino, int fd)
{
    held_v = xgrow(held_v, &held_cap, held_n + 1, sizeof *held_v);
    held_v[held_n++] = (struct held_lock){dev, ino, fd, 1, getpid()};
}

static void held_remove(struct held_lock *h)
{
    *h = held_v[--held_n];
    if (held_n == 0) {
        free(held_v);
        held_v = NULL;
        held_cap = 0;
    }
}

/* --- who we are, and what a lock file says ------------------------------- */

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
    if (!(host && pid && since))
        memset(o, 0, sizeof *o);
    return host && pid && since;
}

/* Who the open lock file fd names; false (o blank) when it names no one. */
static bool read_owner(int fd, struct lock_owner *o)
{
    char buf[LOCK_MAX + 1];
    size_t n = 0;
    while (n < LOCK_MAX) {
        ssize_t r = pread(fd, buf + n, LOCK_MAX - n, (off_t)n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        n += (size_t)r;
    }
    buf[n] = '\0';
    return parse_owner(buf, o);
}

static bool write_owner(int fd, const struct lock_owner *me)
{
    char text[512];
    int n = snprintf(text, sizeof text, "user=%s\nhost=%s\npid=%ld\nsince=%lld\n", me->user,
                     me->host, (long)me->pid, (long long)me->since);
    if (ftruncate(fd, 0) != 0)
        return false;
    size_t off = 0;
    while (off < (size_t)n) {
        ssize_t w = pwrite(fd, text + off, (size_t)n - off, (off_t)off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        off += (size_t)w;
    }
    return true;
}

/* --- taking the lock --------------------------------------------------- */

/* What opening the lock file failed on, said as what is wrong. */
static void why_open_failed(struct ws_lock *lk, int dfd, const char *dir, int err)
{
    struct stat st;
    if (fstatat(dfd, LOCK_NAME, &st, AT_SYMLINK_NOFOLLOW) == 0) {
        if (S_ISLNK(st.st_mode)) {
            set_why(lk, _("%s is a symbolic link, not a lock file: refused"), lk->path);
            return;
        }
        if (!S_ISREG(st.st_mode)) {
            set_why(lk, _("%s is %s, not a lock file: refused"), lk->path, file_kind(st.st_mode));
            return;
        }
    }
    bool exists = fstatat(dfd, LOCK_NAME, &st, AT_SYMLINK_NOFOLLOW) == 0;
    if (err == EROFS)
        set_why(lk, _("the folder %s is on a read-only file system: kijun can only show it"), dir);
    else if (err == EACCES && exists && st.st_uid != geteuid())
        set_why(lk, _("%s belongs to another user and cannot be opened (%s): kijun can only show "
                      "the workspace"), lk->path, strerror(err));
    else if (err == EACCES || err == EPERM)
        set_why(lk, _("you have no permission to write in the folder %s (%s): kijun can only show it"),
                dir, strerror(err));
    else if (err == ENOSPC || err == EDQUOT)
        set_why(lk, _("cannot create %s: %s"), lk->path, strerror(err));
    else
        set_why(lk, _("cannot open %s: %s"), lk->path, strerror(err));
}

/* Open (creating if need be) the lock file in dfd; *writable tells
 * whether it is open for writing. -1 with lk->why on failure. */
static int open_lock_file(struct ws_lock *lk, int dfd, const char *dir, bool *writable)
{
    const int flags = O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK;
    *writable = true;
    int fd = openat(dfd, LOCK_NAME, O_RDWR | O_CREAT | flags, 0600);
    if (fd < 0 && (errno == EACCES || errno == EROFS || errno == EPERM)) {
        int err = errno;
        /* someone else's lock file, or a read-only folder: it can still
         * tell whether a kijun holds it */
        fd = openat(dfd, LOCK_NAME, O_RDONLY | flags);
        if (fd < 0) {
            why_open_failed(lk, dfd, dir, errno == ENOENT ? err : errno);
            return -1;
        }
        *writable = false;
        errno = err;
    } else if (fd < 0) {
        why_open_failed(lk, dfd, dir, errno);
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        set_why(lk, _("cannot stat %s: %s"), lk->path, strerror(errno));
    } else if (!S_ISREG(st.st_mode)) {
        set_why(lk, _("%s is %s, not a lock file: refused"), lk->path, file_kind(st.st_mode));
    } else if (st.st_size > LOCK_MAX) {
        set_why(lk, _("%s is %lld bytes, too big for a lock file: refused"), lk->path,
                (long long)st.st_size);
    } else {
        return fd;
    }
    close(fd);
    return -1;
}

/* Whether the open fd is still the file named LOCK_NAME in dfd (a
 * releasing holder removes it before letting go of the lock). */
static bool still_linked(int dfd, int fd)
{
    struct stat a, b;
    return fstat(fd, &a) == 0 && fstatat(dfd, LOCK_NAME, &b, AT_SYMLINK_NOFOLLOW) == 0
        && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

enum attempt { ATTEMPT_DONE, ATTEMPT_AGAIN };

/* The lock file fd is held by someone: ours, or another kijun's. */
static enum lock_result busy(struct ws_lock *lk, int fd, struct lock_owner *owner)
{
    struct stat st;
    struct held_lock *h = fstat(fd, &st) == 0 ? held_find(st.st_dev, st.st_ino) : NULL;
    if (h) {
        read_owner(fd, owner);
        close(fd);
        h->refs++;
        lk->fd = h->fd;
        lk->held = true;
        return LOCK_TAKEN;
    }
    char who[400];
    if (read_owner(fd, owner)) {
        lock_describe(owner, who, sizeof who);
        set_why(lk, _("%s is held by another kijun: %s"), lk->path, who);
    } else {
        set_why(lk, _("%s is held by another kijun (its lock file does not say whose yet)"),
                lk->path);
    }
    close(fd);
    return LOCK_BUSY;
}

/* One attempt: open, lock, check it is still the named file, write. */
static enum attempt attempt(struct ws_lock *lk, const char *dir, const struct lock_owner *me,
                            struct lock_owner *owner, enum lock_result *res)
{
    bool writable;
    *res = LOCK_ERROR;
    int fd = open_lock_file(lk, lk->dirfd, dir, &writable);
    if (fd < 0)
        return ATTEMPT_DONE;
    int open_err = errno;
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno == EWOULDBLOCK || errno == EAGAIN) {
            *res = busy(lk, fd, owner);
        } else {
            set_why(lk, _("cannot lock %s: %s (does the file system support locks?)"), lk->path,
                    strerror(errno));
            close(fd);
        }
        return ATTEMPT_DONE;
    }
    if (!still_linked(lk->dirfd, fd)) {
        close(fd);   /* its holder removed it as we opened it: try the new one */
        return ATTEMPT_AGAIN;
    }
    struct lock_owner prev;
    bool named = read_owner(fd, &prev);
    if (named && strcmp(prev.host, me->host) != 0) {
        /* a kijun on another host may hold it where our kernel's lock does
         * not reach (a network file system without shared locks) */
        *owner = prev;
        char who[400];
        lock_describe(owner, who, sizeof who);
        set_why(lk, _("%s names a kijun on another host (%s): kijun cannot tell whether it still "
                      "runs; remove the file if it does not"), lk->path, who);
        lk->elsewhere = true;
        close(fd);
        *res = LOCK_BUSY;
        return ATTEMPT_DONE;
    }
    if (!writable) {
        /* no kijun holds it, but it cannot be rewritten: another user's
         * file in a folder we may write replaces, else say why */
        if (open_err != EROFS && unlinkat(lk->dirfd, LOCK_NAME, 0) == 0) {
            close(fd);
            return ATTEMPT_AGAIN;
        }
        why_open_failed(lk, lk->dirfd, dir, open_err == EROFS ? EROFS : errno);
        close(fd);
        return ATTEMPT_DONE;
    }
    if (fchmod(fd, 0600) != 0 || !write_owner(fd, me)) {
        set_why(lk, _("cannot write %s: %s"), lk->path, strerror(errno));
        close(fd);
        return ATTEMPT_DONE;
    }
    struct stat st;
    if (fstat(fd, &st) == 0)
        held_add(st.st_dev, st.st_ino, fd);
    lk->fd = fd;
    lk->held = true;
    if (named) {
        *owner = prev;
        *res = LOCK_TAKEN_STALE;
    } else {
        *res = LOCK_TAKEN;
    }
    return ATTEMPT_DONE;
}

/* The workspace's own folders, where saves and the journal write. */
static const char *const own_folders[] = {"", "/assessments", "/" JOURNAL_DIR,
                                          "/" JOURNAL_DIR "/assessments", NULL};

/* A kill during a save leaves its temporary file: the new holder (and
 * only a holder: a save may be under way otherwise) removes them. */
static void remove_stale_temps(const char *dir)
{
    for (const char *const *f = own_folders; *f; f++) {
        size_t n = strlen(dir), k = strlen(*f);
        char *p = xmalloc(n + k + 1);
        memcpy(p, dir, n);
        memcpy(p + n, *f, k + 1);
        atomic_remove_temps(p);
        free(p);
    }
}

enum lock_result lock_acquire(struct ws_lock *lk, const char *dir, struct lock_owner *owner)
{
    struct lock_owner scratch, me;
    if (!owner)
        owner = &scratch;
    memset(owner, 0, sizeof *owner);
    memset(lk, 0, sizeof *lk);
    lk->fd = lk->dirfd = -1;
    self_owner(&me);
    size_t nd = strlen(dir);
    lk->path = xmalloc(nd + sizeof "/" LOCK_NAME);
    memcpy(lk->path, dir, nd);
    memcpy(lk->path + nd, "/" LOCK_NAME, sizeof "/" LOCK_NAME);
    enum lock_result r = LOCK_ERROR;
    /* the workspace folder as the user named it: followed */
    lk->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (lk->dirfd < 0) {
        set_why(lk, _("cannot open the folder %s: %s"), dir, strerror(errno));
    } else {
        /* a few rounds: a releasing holder may remove the file under us */
        int round = 0;
        while (attempt(lk, dir, &me, owner, &r) == ATTEMPT_AGAIN && ++round < 5)
            ;
        if (round == 5)
            set_why(lk, _("%s keeps being replaced: another kijun is starting or stopping"),
                    lk->path);
    }
    struct held_lock *h = lk->held ? held_by_fd(lk->fd) : NULL;
    if (h && h->refs == 1)   /* taken anew, not shared with an earlier acquire */
        remove_stale_temps(dir);
    if (!lk->held) {
        if (lk->dirfd >= 0)
            close(lk->dirfd);
        lk->dirfd = -1;
        free(lk->path);
        lk->path = NULL;
        if (r == LOCK_TAKEN || r == LOCK_TAKEN_STALE)
            r = LOCK_ERROR;
    }
    return r;
}

void lock_release(struct ws_lock *lk)
{
    if (!lk->held)
        return;
    struct held_lock *h = held_by_fd(lk->fd);
    if (h && --h->refs == 0) {
        held_remove(h);
        /* removed while still locked: whoever opens it next finds it gone
         * (still_linked) and makes a new one */
        if (still_linked(lk->dirfd, lk->fd))
            unlinkat(lk->dirfd, LOCK_NAME, 0);
        close(lk->fd);
    }
    if (lk->dirfd >= 0)
        close(lk->dirfd);
    free(lk->path);
    lk->path = NULL;
    lk->held = false;
    lk->fd = lk->dirfd = -1;
}

bool lock_current(const struct ws_lock *lk, const char *dir)
{
    struct stat now, then;
    return lk->held && stat(dir, &now) == 0 && fstat(lk->dirfd, &then) == 0
           && now.st_dev == then.st_dev && now.st_ino == then.st_ino
           && still_linked(lk->dirfd, lk->fd);
}

enum lock_result lock_renew(struct ws_lock *lk, const char *dir, struct lock_owner *owner)
{
    if (lock_current(lk, dir))
        return LOCK_TAKEN;
    lock_release(lk);
    return lock_acquire(lk, dir, owner);
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
