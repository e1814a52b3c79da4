/* stamp: file identity and content hash, taken without following links. */
#include "config.h"
#include "store/stamp.h"
#include "store/safefs.h"
#include "store/workspace.h"
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void dir_identity(const char *dir, struct file_stamp *st)
{
    struct stat ds;
    if (stat(dir, &ds) == 0) {
        st->dir_dev = ds.st_dev;
        st->dir_ino = ds.st_ino;
    }
}

static void from_stat(struct file_stamp *st, const struct stat *fs)
{
    st->exists = true;
    st->dev = fs->st_dev;
    st->ino = fs->st_ino;
    st->size = fs->st_size;
    st->mtime = fs->st_mtim;
}

void stamp_identity(const char *dir, const char *name, struct file_stamp *st)
{
    memset(st, 0, sizeof *st);
    dir_identity(dir, st);
    char *path = ws_path(dir, name);
    struct safefs_err e = {0};
    const char *leaf;
    int dfd = safefs_open_parent(path, &leaf, &e);
    struct stat fs;
    if (dfd >= 0 && safefs_lstat(dfd, leaf, &fs) == 0)
        from_stat(st, &fs);
    if (dfd >= 0)
        close(dfd);
    safefs_err_free(&e);
    free(path);
}

void stamp_take(const char *dir, const char *name, struct file_stamp *st)
{
    memset(st, 0, sizeof *st);
    dir_identity(dir, st);
    char *path = ws_path(dir, name);
    struct safefs_err e = {0};
    int fd = safefs_open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY, 0, &e);
    safefs_err_free(&e);
    free(path);
    struct stat fs;
    if (fd < 0)
        return;
    if (fstat(fd, &fs) != 0 || !S_ISREG(fs.st_mode)) {
        close(fd);
        return;
    }
    from_stat(st, &fs);
    struct sha256 c;
    sha256_init(&c);
    char buf[65536];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0)
        sha256_update(&c, buf, (size_t)n);
    close(fd);
    if (n == 0) {
        sha256_final(&c, st->sha);
        st->hashed = true;
    }
}

bool stamp_same_identity(const struct file_stamp *a, const struct file_stamp *b)
{
    if (a->dir_dev != b->dir_dev || a->dir_ino != b->dir_ino || a->exists != b->exists)
        return false;
    return !a->exists
        || (a->dev == b->dev && a->ino == b->ino && a->size == b->size
            && a->mtime.tv_sec == b->mtime.tv_sec && a->mtime.tv_nsec == b->mtime.tv_nsec);
}

bool stamp_same(const struct file_stamp *a, const struct file_stamp *b)
{
    if (!stamp_same_identity(a, b))
        return false;
    return !a->exists || !a->hashed || !b->hashed || memcmp(a->sha, b->sha, SHA256_BYTES) == 0;
}
