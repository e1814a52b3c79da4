/* lock: one writer per workspace. The kernel decides who that is: the
 * holder keeps .kijun.lock (mode 0600) open with an exclusive flock()
 * for the whole session, which the kernel releases when the process
 * ends, however it ends and whatever PID namespace it ran in. The file's
 * content (user, host, pid, start time) only names the holder for the
 * message a second kijun shows; it never decides. A lock file nobody
 * holds is left from a session that is gone, and is taken over; but one
 * that names another host is not, since a kijun there may hold it where
 * this kernel's lock does not reach (a network file system without
 * shared locks). */
#ifndef KIJUN_LOCK_H
#define KIJUN_LOCK_H
#include <stdbool.h>
#include <sys/types.h>
#include <time.h>

struct lock_owner {
    char user[64];
    char host[256];
    pid_t pid;
    time_t since;
};

struct ws_lock {
    char *path;        /* the lock file; NULL when not held */
    bool held;
    char why[512];     /* after LOCK_BUSY or LOCK_ERROR: what is wrong, for the user */
    int fd;            /* the open lock file holding the flock (-1: none) */
    int dirfd;         /* the workspace folder (-1: none) */
    bool elsewhere;    /* after LOCK_BUSY: the file names a kijun on another host */
};

enum lock_result {
    LOCK_TAKEN,        /* we hold it now */
    LOCK_TAKEN_STALE,  /* we took over the lock file of a session that is gone (owner says whose) */
    LOCK_BUSY,         /* another kijun holds it (owner says who, when its file does) */
    LOCK_ERROR,        /* cannot lock: why says what is wrong (a read-only folder, a link...) */
};

/* Try to lock the workspace folder dir. On LOCK_BUSY/LOCK_TAKEN_STALE
 * *owner describes the other holder (blank when its file names none).
 * lk->why says what is wrong after LOCK_BUSY and LOCK_ERROR: "held by
 * ...", "is a symbolic link, not a lock file: refused", "the folder ... is
 * on a read-only file system", "no permission to create files in ...".
 * A second lock_acquire of the same workspace in the process that holds
 * it is LOCK_TAKEN (it is ours). Once it holds the lock anew, kijun
 * removes the temporary files that interrupted saves left in the
 * workspace's folders (atomic_remove_temps): only a holder may. */
enum lock_result lock_acquire(struct ws_lock *lk, const char *dir, struct lock_owner *owner);
/* Release if held: the lock file is removed while still locked, then
 * closed (which lets the kernel release the lock). */
void lock_release(struct ws_lock *lk);
/* Whether lk still locks the folder at dir: the folder there is the one it
 * was taken in (not one re-created at the same path: a fresh clone, a
 * restored copy), and the lock file held is still linked in it. Two
 * stat calls; nothing else. */
bool lock_current(const struct ws_lock *lk, const char *dir);
/* lock_current, or else let go of the old folder's lock (its lock file is
 * left alone unless it is still ours) and lock_acquire the folder at dir. */
enum lock_result lock_renew(struct ws_lock *lk, const char *dir, struct lock_owner *owner);
/* "user@host, pid 123, since 2026-11-25 10:00" into buf. */
void lock_describe(const struct lock_owner *o, char *buf, size_t size);
#endif
