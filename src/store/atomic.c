/* atomic: save a file via a fsynced temporary and rename, keeping FILE~.
 * Every step works on the descriptor of the file's folder (safefs), so
 * that no link in a workspace is followed. */
#include "config.h"
#include "util/i18n.h"
#include "store/atomic.h"
#include "store/safefs.h"
#include "util/xalloc.h"
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static enum atomic_step fail_step = ATOMIC_STEP_NONE;
static int fail_errno;

void atomic_fail_at(enum atomic_step step, int err)
{
    fail_step = step;
    fail_errno = err;
}

/* The test hook: true (with errno set) when step is to fail now. */
static bool injected(enum atomic_step step)
{
    if (fail_step == ATOMIC_STEP_NONE || fail_step != step)
        return false;
    fail_step = ATOMIC_STEP_NONE;
    errno = fail_errno;
    return true;
}

static char *concat(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    char *s = xmalloc(na + nb + 1);
    memcpy(s, a, na);
    memcpy(s + na, b, nb + 1);
    return s;
}

/* The file being saved: its folder's descriptor and names in it. */
struct target {
    const char *path;   /* as the caller named it, for messages */
    int dfd;
    const char *leaf;   /* the file's name in dfd */
    char *backup;       /* leaf~ */
    char tmp[300];      /* leaf.tmpXXXXXX once made */
};

static bool write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        if (injected(ATOMIC_STEP_WRITE))
            return false;
        ssize_t w = write(fd, data, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return false;
        data += w;
        len -= (size_t)w;
    }
    return true;
}

/* Whether the open file fd holds exactly data[0..len). */
static bool same_content(int fd, const char *data, size_t len)
{
    char buf[65536];
    size_t off = 0;
    for (;;) {
        ssize_t r = read(fd, buf, sizeof buf);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return false;
        if (r == 0)
            return off == len;
        if ((size_t)r > len - off || memcmp(buf, data + off, (size_t)r) != 0)
            return false;
        off += (size_t)r;
    }
}

/* "it is a symbolic link (refused)" and the like, for what is at leaf. */
static const char *kind_refused(mode_t m)
{
    if (S_ISLNK(m))
        return _("it is a symbolic link (refused)");
    return _("it is not a regular file (refused)");
}

/* Look at what is at the target now: *exists, and whether it already
 * holds the data. A non-regular file (or a symbolic link, which rename
 * would replace) is refused with a diagnostic. */
static bool inspect(struct target *t, const char *data, size_t len, bool *exists, bool *same,
                    struct diag_list *dl)
{
    *exists = *same = false;
    struct stat st;
    if (safefs_lstat(t->dfd, t->leaf, &st) != 0) {
        if (errno == ENOENT)
            return true;
        diag_add(dl, DIAG_ERROR, t->path, 0, _("cannot save: stat: %s"), strerror(errno));
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        diag_add(dl, DIAG_ERROR, t->path, 0, _("cannot save: %s"), kind_refused(st.st_mode));
        return false;
    }
    *exists = true;
    if ((unsigned long long)st.st_size != (unsigned long long)len)
        return true;
    int fd = openat(t->dfd, t->leaf, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd >= 0) {
        *same = same_content(fd, data, len);
        close(fd);
    }
    return true;
}

/* The backup name must hold kijun's backup or nothing: a link, a folder
 * or a device there is refused before anything is written. */
static bool backup_ok(struct target *t, struct diag_list *dl)
{
    struct stat st;
    if (safefs_lstat(t->dfd, t->backup, &st) != 0 || S_ISREG(st.st_mode))
        return true;
    char *bp = concat(t->path, "~");
    diag_add(dl, DIAG_ERROR, t->path, 0,
             _("cannot save: its backup %s is in the way: %s; move it away"), bp,
             kind_refused(st.st_mode));
    free(bp);
    return false;
}

/* Copy the open file in to a new file named to in dfd (mode 0600). */
static bool copy_to(int in, int dfd, const char *to)
{
    int out = openat(dfd, to, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (out < 0)
        return false;
    char buf[65536];
    bool ok = true;
    for (;;) {
        ssize_t r = read(in, buf, sizeof buf);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0 || !write_all(out, buf, (size_t)r)) {
            ok = r == 0;
            break;
        }
    }
    ok = ok && fsync(out) == 0;
    int err = errno;
    if (close(out) != 0 && ok) {
        ok = false;
        err = errno;
    }
    if (!ok) {
        unlinkat(dfd, to, 0);
        errno = err;
    }
    return ok;
}

/* link() fails with these where hard links are impossible: copy instead. */
static bool link_impossible(int err)
{
    return err == EPERM || err == EXDEV || err == EMLINK || err == ENOSYS
        || err == ENOTSUP || err == EOPNOTSUPP;
}

/* Make the backup (leaf~) a copy of leaf: a hard link, or a real copy. */
static bool make_backup(struct target *t)
{
    if (unlinkat(t->dfd, t->backup, 0) != 0 && errno != ENOENT)
        return false;
    if (!injected(ATOMIC_STEP_BACKUP) && linkat(t->dfd, t->leaf, t->dfd, t->backup, 0) == 0)
        return true;
    if (!link_impossible(errno))
        return false;
    int in = openat(t->dfd, t->leaf, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
    if (in < 0)
        return false;
    bool ok = copy_to(in, t->dfd, t->backup);
    int err = errno;
    close(in);
    errno = err;
    return ok;
}

/* Fill the open temporary fd; on failure *step names what failed. */
static bool fill_temp(int fd, const char *data, size_t len, const char **step)
{
    *step = "chmod temporary file";
    if (fchmod(fd, 0600) != 0)
        return false;
    *step = "write";
    if (!write_all(fd, data, len))
        return false;
    *step = "fsync";
    return !injected(ATOMIC_STEP_FSYNC) && fsync(fd) == 0;
}

/* Six characters of the temporary's name, as mkstemp makes them. */
static void temp_suffix(char out[7])
{
    static const char set[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static uint64_t counter;
    unsigned char r[6];
    if (getrandom(r, sizeof r, GRND_NONBLOCK) != (ssize_t)sizeof r) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        uint64_t v = (uint64_t)ts.tv_nsec ^ ((uint64_t)getpid() << 20) ^ (++counter * 0x9E3779B97F4A7C15ULL);
        for (size_t i = 0; i < sizeof r; i++, v >>= 8)
            r[i] = (unsigned char)v;
    }
    for (int i = 0; i < 6; i++)
        out[i] = set[r[i] % (sizeof set - 1)];
    out[6] = '\0';
}

/* Create a new temporary LEAF.tmpXXXXXX in the folder (O_EXCL). */
static int create_temp(struct target *t)
{
    for (int attempt = 0; attempt < 100; attempt++) {
        char sfx[7];
        temp_suffix(sfx);
        snprintf(t->tmp, sizeof t->tmp, "%s" ATOMIC_TEMP_MARK "%s", t->leaf, sfx);
        int fd = openat(t->dfd, t->tmp, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    errno = EEXIST;
    return -1;
}

/* Write the temporary file: create, write, fsync, close. On failure
 * *step names what failed and the temporary is gone. */
static bool write_temp(struct target *t, const char *data, size_t len, const char **step)
{
    *step = "create temporary file";
    t->tmp[0] = '\0';
    if (strlen(t->leaf) + sizeof ATOMIC_TEMP_MARK + 7 > sizeof t->tmp) {
        errno = ENAMETOOLONG;
        return false;
    }
    int fd = injected(ATOMIC_STEP_OPEN) ? -1 : create_temp(t);
    if (fd < 0)
        return false;
    bool ok = fill_temp(fd, data, len, step);
    int err = errno;
    if (close(fd) != 0 && ok) {
        ok = false;
        err = errno;
        *step = "close";
    }
    if (!ok) {
        unlinkat(t->dfd, t->tmp, 0);
        errno = err;
    }
    return ok;
}

/* Make the rename durable. Filesystems that cannot fsync a folder say
 * EINVAL; that is not an error. */
static bool sync_dir(int dfd)
{
    bool ok = !injected(ATOMIC_STEP_DIRSYNC) && fsync(dfd) == 0;
    return ok || errno == EINVAL;
}

static void report(struct diag_list *dl, const char *path, const char *step, int err,
                   bool existed)
{
    const char *keep = existed ? _("the previous version is untouched") : _("nothing was saved");
    /* the reason a person acts on first: it must survive a cut status line */
    if (err == ENOSPC)
        diag_add(dl, DIAG_ERROR, path, 0, _("cannot save: the disk is full (%s: %s; %s)"), step,
                 strerror(err), keep);
    else if (err == EDQUOT)
        diag_add(dl, DIAG_ERROR, path, 0, _("cannot save: the disk quota is used up (%s: %s; %s)"),
                 step, strerror(err), keep);
    else
        diag_add(dl, DIAG_ERROR, path, 0, _("cannot save: %s: %s (%s)"), step, strerror(err),
                 keep);
}

/* Open the target's folder; false with a diagnostic naming what was
 * refused on the way. */
static bool open_target(struct target *t, const char *path, struct diag_list *dl)
{
    memset(t, 0, sizeof *t);
    t->path = path;
    struct safefs_err e = {0};
    t->dfd = safefs_open_parent(path, &t->leaf, &e);
    if (t->dfd < 0) {
        safefs_report(dl, &e, path, _("cannot save"));
        safefs_err_free(&e);
        return false;
    }
    t->backup = concat(t->leaf, "~");
    return true;
}

static void close_target(struct target *t)
{
    if (t->dfd >= 0)
        close(t->dfd);
    free(t->backup);
    t->dfd = -1;
    t->backup = NULL;
}

/* Put the written temporary in place; false with errno and *step. */
static bool replace(struct target *t, bool exists, bool backup, const char **step)
{
    if (exists && backup && !make_backup(t)) {
        *step = "backup";
        return false;
    }
    *step = "rename";
    return !injected(ATOMIC_STEP_RENAME) && renameat(t->dfd, t->tmp, t->dfd, t->leaf) == 0;
}

static enum atomic_result save(const char *path, const char *data, size_t len, unsigned flags,
                               struct diag_list *dl)
{
    struct target t;
    if (!open_target(&t, path, dl))
        return ATOMIC_FAILED;
    bool exists, same, backup = !(flags & ATOMIC_NO_BACKUP);
    enum atomic_result res = ATOMIC_FAILED;
    if (!inspect(&t, data, len, &exists, &same, dl) || (backup && exists && !same && !backup_ok(&t, dl)))
        goto out;
    res = ATOMIC_UNCHANGED;
    if (same)
        goto out;
    res = ATOMIC_FAILED;
    const char *step;
    if (!write_temp(&t, data, len, &step)) {
        report(dl, path, step, errno, exists);
        goto out;
    }
    if (!replace(&t, exists, backup, &step)) {
        int err = errno;
        unlinkat(t.dfd, t.tmp, 0);
        report(dl, path, step, err, exists);
        goto out;
    }
    res = ATOMIC_SAVED;
    /* The new content is in place; only its durability after a crash
     * is in doubt, so this is a warning. */
    if (!sync_dir(t.dfd))
        diag_add(dl, DIAG_WARNING, path, 0,
                 _("saved, but cannot sync the folder (fsync): %s; a crash soon after "
                 "may lose the change"), strerror(errno));
out:
    close_target(&t);
    return res;
}

enum atomic_result atomic_save(const char *path, const char *data, size_t len,
                               struct diag_list *dl)
{
    return atomic_save_flags(path, data, len, 0, dl);
}

enum atomic_result atomic_save_flags(const char *path, const char *data, size_t len,
                                     unsigned flags, struct diag_list *dl)
{
    enum atomic_result r = save(path, data, len, flags, dl);
    /* the hook is for one save only, even when its step was not reached */
    fail_step = ATOMIC_STEP_NONE;
    return r;
}

static enum atomic_result create(const char *path, const char *data, size_t len,
                                 struct diag_list *dl)
{
    struct target t;
    if (!open_target(&t, path, dl))
        return ATOMIC_FAILED;
    enum atomic_result res = ATOMIC_UNCHANGED;
    struct stat st;
    const char *step;
    if (safefs_lstat(t.dfd, t.leaf, &st) == 0)
        goto out;   /* whatever is there stays */
    res = ATOMIC_FAILED;
    if (!write_temp(&t, data, len, &step)) {
        report(dl, path, step, errno, false);
        goto out;
    }
    /* link() puts it in place only if the name is still free */
    step = "link";
    int rc = injected(ATOMIC_STEP_RENAME) ? -1 : linkat(t.dfd, t.tmp, t.dfd, t.leaf, 0);
    int err = errno;
    if (rc != 0 && link_impossible(err)) {
        step = "rename";
        rc = safefs_lstat(t.dfd, t.leaf, &st) == 0 ? (errno = EEXIST, -1)
                                                     : renameat(t.dfd, t.tmp, t.dfd, t.leaf);
        err = errno;
    }
    unlinkat(t.dfd, t.tmp, 0);
    if (rc != 0 && err == EEXIST) {
        res = ATOMIC_UNCHANGED;
    } else if (rc != 0) {
        report(dl, path, step, err, false);
    } else {
        res = ATOMIC_SAVED;
        if (!sync_dir(t.dfd))
            diag_add(dl, DIAG_WARNING, path, 0,
                     _("saved, but cannot sync the folder (fsync): %s; a crash soon after "
                     "may lose the change"), strerror(errno));
    }
out:
    close_target(&t);
    return res;
}

enum atomic_result atomic_create(const char *path, const char *data, size_t len,
                                 struct diag_list *dl)
{
    enum atomic_result r = create(path, data, len, dl);
    fail_step = ATOMIC_STEP_NONE;
    return r;
}

bool atomic_is_temp_name(const char *name)
{
    static const char tail[] = ".cfg" ATOMIC_TEMP_MARK;
    size_t n = strlen(name), k = sizeof tail - 1;
    if (n < 1 + k + 6 || name[0] == '.')
        return false;
    for (size_t i = n - 6; i < n; i++)
        if (!isalnum((unsigned char)name[i]))
            return false;
    if (memcmp(name + n - 6 - k, tail, k) != 0)
        return false;
    for (size_t i = 0; i < n - 6 - k; i++)
        if (!isalnum((unsigned char)name[i]) && !strchr("._-", name[i]))
            return false;
    return true;
}

size_t atomic_remove_temps(const char *dir)
{
    struct safefs_err e = {0};
    int fd = safefs_open_dir(dir, &e);
    safefs_err_free(&e);
    if (fd < 0)
        return 0;
    DIR *d = fdopendir(fd);
    if (!d) {
        close(fd);
        return 0;
    }
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        struct stat st;
        if (atomic_is_temp_name(de->d_name) && safefs_lstat(dirfd(d), de->d_name, &st) == 0
            && S_ISREG(st.st_mode) && unlinkat(dirfd(d), de->d_name, 0) == 0)
            n++;
    }
    closedir(d);
    return n;
}
