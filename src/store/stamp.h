/* stamp: what a workspace file was when kijun loaded or saved it — its
 * identity (device, inode, size, modification time to the nanosecond),
 * the identity of the workspace folder it lies in, and a SHA-256 of its
 * bytes — so that a change by another program (an editor, git pull, a
 * sync tool, the folder re-created at the same path, the file deleted)
 * is noticed before kijun writes over it. */
#ifndef KIJUN_STAMP_H
#define KIJUN_STAMP_H
#include "util/sha256.h"
#include <stdbool.h>
#include <sys/types.h>
#include <time.h>

/* All zero: no file (a document made in this session, or one that was
 * missing when it was loaded). */
struct file_stamp {
    bool exists;
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtime;
    dev_t dir_dev;          /* the workspace folder (as named: followed if a link) */
    ino_t dir_ino;
    bool hashed;            /* sha holds the hash of the bytes */
    unsigned char sha[SHA256_BYTES];
};

/* The identity of dir/name (name workspace-relative, such as
 * "assessments/2026.cfg"): one fstatat, not following a link; no hash. */
void stamp_identity(const char *dir, const char *name, struct file_stamp *st);
/* The identity and the hash of the bytes, read through the same
 * descriptor (O_NOFOLLOW). */
void stamp_take(const char *dir, const char *name, struct file_stamp *st);
/* Same file, same size and time, same folder (the hashes unconsidered). */
bool stamp_same_identity(const struct file_stamp *a, const struct file_stamp *b);
/* The same identity, and the same bytes when both were hashed. */
bool stamp_same(const struct file_stamp *a, const struct file_stamp *b);
#endif
