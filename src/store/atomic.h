/* atomic: save a file so that it is always either the old or the new
 * version: write a temporary file (FILE.tmpXXXXXX) in the same folder
 * (mode 0600), fsync it, keep the previous version as FILE~, rename the
 * temporary over FILE, fsync the folder. Nothing is written when the
 * content is unchanged. Every step works on the folder's descriptor
 * without following links (safefs): a link at FILE, at FILE~ or at a
 * folder kijun made on the way is refused with a message naming it. */
#ifndef KIJUN_ATOMIC_H
#define KIJUN_ATOMIC_H
#include "util/diag.h"
#include <stdbool.h>
#include <stddef.h>

enum atomic_result {
    ATOMIC_SAVED,       /* the new content is in place */
    ATOMIC_UNCHANGED,   /* the file already held exactly this content */
    ATOMIC_FAILED,      /* nothing changed on disk; a diagnostic says why */
};

/* Steps where a test can inject a failure (see atomic_fail_at). */
enum atomic_step {
    ATOMIC_STEP_NONE, ATOMIC_STEP_OPEN, ATOMIC_STEP_WRITE, ATOMIC_STEP_FSYNC,
    ATOMIC_STEP_BACKUP, ATOMIC_STEP_RENAME, ATOMIC_STEP_DIRSYNC,
};

/* The temporary's name: FILE + ATOMIC_TEMP_MARK + six of [A-Za-z0-9]. */
#define ATOMIC_TEMP_MARK ".tmp"

/* Flags of atomic_save_flags. */
enum {
    ATOMIC_NO_BACKUP = 1,   /* keep no FILE~ (the recovery journal) */
};

/* Write data[0..len) to path atomically; the previous version, if any,
 * is kept as path~ (a hard link, or a copy when links are impossible).
 * Errors (ENOSPC included) are reported as "PATH: error: ..." in dl and
 * leave path as it was. */
enum atomic_result atomic_save(const char *path, const char *data, size_t len,
                               struct diag_list *dl);
/* The same with flags (ATOMIC_NO_BACKUP). */
enum atomic_result atomic_save_flags(const char *path, const char *data, size_t len,
                                     unsigned flags, struct diag_list *dl);

/* Create path with data (through a temporary, mode 0600) only when
 * nothing is there: whatever is at path (a file, a link...) is left
 * alone and ATOMIC_UNCHANGED returned. Never replaces anything. */
enum atomic_result atomic_create(const char *path, const char *data, size_t len,
                                 struct diag_list *dl);

/* Whether name is one of atomic_save's temporaries of a kijun file:
 * STEM.cfg.tmpXXXXXX (STEM of [A-Za-z0-9._-], not starting with '.';
 * X one of [A-Za-z0-9]). */
bool atomic_is_temp_name(const char *name);
/* Remove the regular files named like atomic_save's temporaries in the
 * folder dir (opened without following links); links, folders and every
 * other name are left alone. Only the holder of the workspace's lock may
 * call this (lock_acquire does). Returns how many were removed. */
size_t atomic_remove_temps(const char *dir);

/* Test hook: make the given step fail with errno err (e.g. ENOSPC) on
 * the next atomic_save; ATOMIC_STEP_NONE clears it. */
void atomic_fail_at(enum atomic_step step, int err);
#endif
