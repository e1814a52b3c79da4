/* atomic: save a file via a fsynced temporary and rename, keeping FILE~. */
#include "config.h"
#include "util/i18n.h"
#include "store/atomic.h"
#include "util/xalloc.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

/* The folder holding path ("." when path has no slash). */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xstrdup(".");
    if (slash == path)
        return xstrdup("/");
    return xstrndup(path, (size_t)(slash - path));
}

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

/* Look at what is at path now: *exists, and whether it already holds
 * the data. A non-regular file (or a symlink, which rename would replace)
 * is refused with a diagnostic. */
static bool inspect(const char *path, const char *data, size_t len, bool *exists,
                    bool *same, struct diag_list *dl)
{
    *exists = *same = false;
    struct stat st;
    if (lstat(path, &st) != 0) {
        if (errno == ENOENT)
            return true;
        diag_add(dl, DIAG_ERROR, path, 0, _("cannot save: stat: %s"), strerror(errno));
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        diag_add(dl, DIAG_ERROR, path, 0, _("cannot save: %s"),
                 S_ISLNK(st.st_mode) ? "it is a symbolic link (refused)"
                                     : "it is not a regular file (refused)");
        return false;
    }
    *exists = true;
    if ((unsigned long long)st.st_size != (unsigned long long)len)
        return true;
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd >= 0) {
        *same = same_content(fd, data, len);
        close(fd);
    }
    return true;
}

/* Copy the open file in to a new file at to (mode 0600). */
static bool copy_to(int in, const char *to)
{
    int out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
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
        unlink(to);
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

/* Make backup (path~) a copy of path: a hard link, or a real copy. */
static bool make_backup(const char *path, const char *backup)
{
    if (unlink(backup) != 0 && errno != ENOENT)
        return false;
    if (!injected(ATOMIC_STEP_BACKUP) && link(path, backup) == 0)
        return true;
    if (!link_impossible(errno))
        return false;
    int in = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
    if (in < 0)
        return false;
    bool ok = copy_to(in, backup);
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

/* Write the temporary file: create, write, fsync, close. On failure
 * *step names what failed and the temporary is gone. */
static bool write_temp(char *tmp, const char *data, size_t len, const char **step)
{
    *step = "create temporary file";
    int fd = injected(ATOMIC_STEP_OPEN) ? -1 : mkstemp(tmp);
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
        unlink(tmp);
        errno = err;
    }
    return ok;
}

/* Make the rename durable. Filesystems that cannot fsync a folder say
 * EINVAL; that is not an error. */
static bool sync_dir(const char *path)
{
    char *dir = dir_of(path);
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    free(dir);
    if (fd < 0)
        return false;
    bool ok = !injected(ATOMIC_STEP_DIRSYNC) && fsync(fd) == 0;
    int err = errno;
    close(fd);
    errno = err;
    return ok || err == EINVAL;
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

static enum atomic_result save(const char *path, const char *data, size_t len,
                               struct diag_list *dl)
{
    bool exists, same;
    if (!inspect(path, data, len, &exists, &same, dl))
        return ATOMIC_FAILED;
    if (same)
        return ATOMIC_UNCHANGED;
    char *tmp = concat(path, ".tmpXXXXXX");
    const char *step;
    if (!write_temp(tmp, data, len, &step)) {
        report(dl, path, step, errno, exists);
        free(tmp);
        return ATOMIC_FAILED;
    }
    char *backup = concat(path, "~");
    bool ok = true;
    if (exists && !make_backup(path, backup)) {
        step = "backup";
        ok = false;
    } else if (injected(ATOMIC_STEP_RENAME) || rename(tmp, path) != 0) {
        step = "rename";
        ok = false;
    }
    if (!ok) {
        int err = errno;
        unlink(tmp);
        report(dl, path, step, err, exists);
    }
    free(backup);
    free(tmp);
    if (!ok)
        return ATOMIC_FAILED;
    /* The new content is in place; only its durability after a crash
     * is in doubt, so this is a warning. */
    if (!sync_dir(path))
        diag_add(dl, DIAG_WARNING, path, 0,
                 _("saved, but cannot sync the folder (fsync): %s; a crash soon after "
                 "may lose the change"), strerror(errno));
    return ATOMIC_SAVED;
}

enum atomic_result atomic_save(const char *path, const char *data, size_t len,
                               struct diag_list *dl)
{
    enum atomic_result r = save(path, data, len, dl);
    /* the hook is for one save only, even when its step was not reached */
    fail_step = ATOMIC_STEP_NONE;
    return r;
}
