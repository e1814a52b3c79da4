/* safefs: paths inside a workspace, opened without following symbolic
 * links. The folders a path starts with (the workspace the user named
 * and where it lies) are followed as usual; the folders kijun makes in a
 * workspace (assessments/, .kijun-recovery/ and its assessments/) and
 * the file itself never are: each is opened with openat(O_NOFOLLOW) on
 * the descriptor of the folder before it, so that a link stored in a
 * workspace (git keeps them) cannot lead a read, a save or a removal
 * out of it. */
#ifndef KIJUN_SAFEFS_H
#define KIJUN_SAFEFS_H
#include "util/diag.h"
#include <stdbool.h>
#include <sys/stat.h>
#include <sys/types.h>

/* Why a path was refused: errno (ELOOP: a symbolic link, ENOTDIR: not
 * a folder, with its mode) and the path that was refused (new string,
 * or NULL when none was). */
struct safefs_err {
    int err;
    mode_t mode;
    char *path;
};

/* Open the folder that holds path's last component (O_DIRECTORY,
 * O_CLOEXEC); *leaf points into path at that component. Returns the
 * descriptor, or -1 with *e filled (free it with safefs_err_free). */
int safefs_open_parent(const char *path, const char **leaf, struct safefs_err *e);
/* Open path itself as a folder, not following a link at its last
 * component either (for the folders kijun made: the journal, the demo
 * copy). Returns the descriptor or -1 with *e filled. */
int safefs_open_dir(const char *path, struct safefs_err *e);
/* Open the file path with flags | O_NOFOLLOW | O_CLOEXEC (and mode when
 * creating). Returns the descriptor or -1 with *e filled. */
int safefs_open(const char *path, int flags, mode_t mode, struct safefs_err *e);
/* Make the folder dir (mode) unless it is there; a link or a file in
 * its place is refused. false with *e filled on failure. */
bool safefs_mkdir(const char *dir, mode_t mode, struct safefs_err *e);
/* What is at leaf in the folder dfd, not following a link: 0, or -1
 * with errno. */
int safefs_lstat(int dfd, const char *leaf, struct stat *st);

/* Fill *e for a failed call on path (in the folder dfd, name leaf):
 * tells a link or a non-folder from other errors. */
void safefs_err_set(struct safefs_err *e, int dfd, const char *leaf, const char *path, int err);
/* The reason for a message, translated: "a symbolic link (kijun follows
 * no links in a workspace): refused", "a FIFO, not a folder: refused",
 * or strerror. */
const char *safefs_reason(const struct safefs_err *e, char *buf, size_t size);
/* Add "PATH: error: CONTEXT: REASON" (CONTEXT may be NULL) to dl. */
void safefs_report(struct diag_list *dl, const struct safefs_err *e, const char *fallback_path,
                   const char *context);
void safefs_err_free(struct safefs_err *e);
#endif
