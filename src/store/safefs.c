/* safefs: workspace paths opened without following symbolic links. */
#include "config.h"
#include "store/safefs.h"
#include "store/cfgfile.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The folders kijun makes in a workspace, in the order they nest. */
#define KIJUN_JOURNAL ".kijun-recovery"
#define KIJUN_ROUNDS "assessments"

void safefs_err_free(struct safefs_err *e)
{
    free(e->path);
    e->path = NULL;
}

int safefs_lstat(int dfd, const char *leaf, struct stat *st)
{
    return fstatat(dfd, leaf, st, AT_SYMLINK_NOFOLLOW);
}

void safefs_err_set(struct safefs_err *e, int dfd, const char *leaf, const char *path, int err)
{
    struct stat st;
    free(e->path);
    e->path = path ? xstrdup(path) : NULL;
    e->err = err;
    e->mode = 0;
    if (err != ENOENT && dfd >= 0 && safefs_lstat(dfd, leaf, &st) == 0) {
        e->mode = st.st_mode;
        if (S_ISLNK(st.st_mode))
            e->err = ELOOP;
    }
    errno = e->err;
}

const char *safefs_reason(const struct safefs_err *e, char *buf, size_t size)
{
    if (e->err == ELOOP && S_ISLNK(e->mode))
        return _("a symbolic link (kijun follows no links in a workspace): refused");
    if (e->err == ENOTDIR && e->mode) {
        snprintf(buf, size, _("%s, not a folder: refused"),
                 S_ISREG(e->mode) ? _("a file") : file_kind(e->mode));
        return buf;
    }
    return strerror(e->err);
}

void safefs_report(struct diag_list *dl, const struct safefs_err *e, const char *fallback_path,
                   const char *context)
{
    char buf[160];
    const char *why = safefs_reason(e, buf, sizeof buf);
    const char *path = e->path ? e->path : fallback_path;
    if (context)
        diag_add(dl, DIAG_ERROR, path, 0, "%s: %s", context, why);
    else
        diag_add(dl, DIAG_ERROR, path, 0, "%s", why);
}

/* The length of dir without its last component and the slashes before
 * it ("a/b" -> 1, "b" -> 0, "/b" -> 1: the root stays). */
static size_t cut_last(const char *dir, size_t len)
{
    while (len > 0 && dir[len - 1] != '/')
        len--;
    while (len > 1 && dir[len - 1] == '/')
        len--;
    return len;
}

/* Whether dir[0..len) ends in the component name. */
static bool ends_in(const char *dir, size_t len, const char *name)
{
    size_t k = strlen(name);
    return len >= k && memcmp(dir + len - k, name, k) == 0 && (len == k || dir[len - k - 1] == '/');
}

/* Open the folder base (followed: the user's path), then each of the
 * nofollow components after it. */
static int open_chain(const char *dir, size_t dlen, size_t base_len, struct safefs_err *e)
{
    char *base = base_len ? xstrndup(dir, base_len) : xstrdup(".");
    int fd = open(base, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        safefs_err_set(e, -1, NULL, base, errno);
        free(base);
        return -1;
    }
    free(base);
    size_t at = base_len;
    while (at < dlen) {
        while (at < dlen && dir[at] == '/')
            at++;
        size_t end = at;
        while (end < dlen && dir[end] != '/')
            end++;
        if (end == at)
            break;
        char *comp = xstrndup(dir + at, end - at);
        int next = openat(fd, comp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (next < 0) {
            char *bad = xstrndup(dir, end);
            safefs_err_set(e, fd, comp, bad, errno);
            free(bad);
            free(comp);
            close(fd);
            errno = e->err;
            return -1;
        }
        free(comp);
        close(fd);
        fd = next;
        at = end;
    }
    return fd;
}

/* Open the folder dir[0..dlen): kijun's own folders at its end (and
 * the last component when own_last) are not followed. */
static int open_folder(const char *dir, size_t dlen, bool own_last, struct safefs_err *e)
{
    while (dlen > 1 && dir[dlen - 1] == '/')
        dlen--;
    size_t base = dlen;
    if (own_last && dlen > 0 && !(dlen == 1 && dir[0] == '/'))
        base = cut_last(dir, base);
    else if (ends_in(dir, base, KIJUN_ROUNDS))
        base = cut_last(dir, base);
    if (ends_in(dir, base, KIJUN_JOURNAL))
        base = cut_last(dir, base);
    if (base == 0 && dlen > 0 && dir[0] == '/')
        base = 1;
    return open_chain(dir, dlen, base, e);
}

int safefs_open_parent(const char *path, const char **leaf, struct safefs_err *e)
{
    e->path = NULL;
    const char *slash = strrchr(path, '/');
    *leaf = slash ? slash + 1 : path;
    if (!**leaf) {
        safefs_err_set(e, -1, NULL, path, EISDIR);
        return -1;
    }
    if (!slash)
        return open_chain(".", 1, 1, e);
    size_t dlen = (size_t)(slash - path);
    if (dlen == 0)
        return open_chain("/", 1, 1, e);
    return open_folder(path, dlen, false, e);
}

int safefs_open_dir(const char *path, struct safefs_err *e)
{
    e->path = NULL;
    return open_folder(path, strlen(path), true, e);
}

int safefs_open(const char *path, int flags, mode_t mode, struct safefs_err *e)
{
    const char *leaf;
    int dfd = safefs_open_parent(path, &leaf, e);
    if (dfd < 0)
        return -1;
    int fd = openat(dfd, leaf, flags | O_NOFOLLOW | O_CLOEXEC, mode);
    if (fd < 0)
        safefs_err_set(e, dfd, leaf, path, errno);
    close(dfd);
    if (fd < 0)
        errno = e->err;
    return fd;
}

bool safefs_mkdir(const char *dir, mode_t mode, struct safefs_err *e)
{
    const char *leaf;
    char *copy = xstrdup(dir);
    size_t n = strlen(copy);
    while (n > 1 && copy[n - 1] == '/')
        copy[--n] = '\0';
    int dfd = safefs_open_parent(copy, &leaf, e);
    bool ok = dfd >= 0;
    if (ok && mkdirat(dfd, leaf, mode) != 0) {
        struct stat st;
        int err = errno;
        if (err != EEXIST || safefs_lstat(dfd, leaf, &st) != 0 || !S_ISDIR(st.st_mode)) {
            safefs_err_set(e, dfd, leaf, copy, err == EEXIST ? ENOTDIR : err);
            ok = false;
        }
    }
    if (dfd >= 0)
        close(dfd);
    free(copy);
    return ok;
}
