/* lock: one writer per workspace. A lock file (.kijun.lock, mode 0600)
 * holds user, host, pid and start time; a second kijun opens the
 * workspace read-only and can say who holds it. A lock left by a dead
 * process on this host is taken over. */
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
    char why[256];     /* after LOCK_ERROR: the reason, for the user */
};

enum lock_result {
    LOCK_TAKEN,        /* we hold it now */
    LOCK_TAKEN_STALE,  /* we took over a lock of a dead process (owner says whose) */
    LOCK_BUSY,         /* another live process holds it (owner says who) */
    LOCK_ERROR,        /* cannot create the lock file (e.g. read-only folder) */
};

/* Try to lock the workspace folder dir. On LOCK_BUSY/LOCK_TAKEN_STALE
 * *owner describes the other holder. */
enum lock_result lock_acquire(struct ws_lock *lk, const char *dir, struct lock_owner *owner);
/* Release (remove the lock file) if held. */
void lock_release(struct ws_lock *lk);
/* "user@host, pid 123, since 2026-11-25 10:00" into buf. */
void lock_describe(const struct lock_owner *o, char *buf, size_t size);
#endif
