/* shim: an LD_PRELOAD library that makes file system calls fail, for
 * the fault-injection test (tests/ui/fault.sh). It is inert unless told
 * what to fail.
 *
 * What fails is a list of rules, one per line, each
 *
 *     CALL ERRNO [MATCH]
 *
 * CALL    write | shortwrite | fsync | dirsync | close | fchmod | open |
 *         rename | link | unlink
 *           write       write(2) on a matching fd fails
 *           shortwrite  write(2) on a matching fd writes half of what it
 *                       was given, and its next write fails (a disk that
 *                       fills up during the write)
 *           fsync       fsync/fdatasync of a matching regular file fails
 *           dirsync     fsync/fdatasync of a matching folder fails
 *           close       close(2) closes a matching fd, then reports failure
 *           fchmod      fchmod(2) on a matching fd fails
 *           open        creating a matching file fails: open/openat with
 *                       O_CREAT or for writing, and mkstemp & co.
 *           rename, link, unlink: when either path matches (renameat,
 *           linkat and unlinkat too)
 * ERRNO   a name (ENOSPC, EIO, EPERM, EACCES, EDQUOT, EROFS, EXDEV, ...)
 *         or a number
 * MATCH   a substring of the path as the program passes it (a path
 *         relative to a folder descriptor, as openat/renameat/linkat/
 *         unlinkat take it, is matched as that folder's path, from
 *         /proc/self/fd, + "/" + the name); an fd matches
 *         when it was opened on a matching path. A folder also matches
 *         when it is the folder that holds MATCH (for dirsync). Without
 *         MATCH, KIJUN_FAULT_MATCH is used; with neither, nothing matches.
 *
 * The rules come from the file named by KIJUN_FAULT_FILE, read again at
 * every matching call, so that a test arms a fault by writing the file
 * and removes it by deleting the file; or, without KIJUN_FAULT_FILE, from
 * KIJUN_FAULT (calls, comma-separated) and KIJUN_FAULT_ERRNO.
 * Every injected failure is appended to KIJUN_FAULT_LOG, when set, as
 * "CALL ERRNO PATH", so that a test can see the fault was reached.
 *
 * Build: cc -shared -fPIC -o shim.so shim.c -ldl */
#undef _FORTIFY_SOURCE
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#define MAX_FD 4096
#define MAX_RULES 16

struct rule {
    char call[16];
    int err;
    char match[1024];
};

static ssize_t (*real_write)(int, const void *, size_t);
static int (*real_fsync)(int);
static int (*real_fdatasync)(int);
static int (*real_close)(int);
static int (*real_fchmod)(int, mode_t);
static int (*real_open)(const char *, int, ...);
static int (*real_open64)(const char *, int, ...);
static int (*real_openat)(int, const char *, int, ...);
static int (*real_openat64)(int, const char *, int, ...);
static int (*real_mkstemp)(char *);
static int (*real_mkstemp64)(char *);
static int (*real_mkostemp)(char *, int);
static int (*real_mkostemp64)(char *, int);
static int (*real_rename)(const char *, const char *);
static int (*real_link)(const char *, const char *);
static int (*real_unlink)(const char *);
static int (*real_renameat)(int, const char *, int, const char *);
static int (*real_linkat)(int, const char *, int, const char *, int);
static int (*real_unlinkat)(int, const char *, int);

/* Per fd: the path it was opened on (NULL when not tracked), and whether
 * a shortwrite already happened on it. */
static char *fd_path[MAX_FD];
static char fd_shorted[MAX_FD];

#define RESOLVE(name) \
    do { if (!real_##name) *(void **)&real_##name = dlsym(RTLD_NEXT, #name); } while (0)

static void resolve(void)
{
    RESOLVE(write);
    RESOLVE(fsync);
    RESOLVE(fdatasync);
    RESOLVE(close);
    RESOLVE(fchmod);
    RESOLVE(open);
    RESOLVE(open64);
    RESOLVE(openat);
    RESOLVE(openat64);
    RESOLVE(mkstemp);
    RESOLVE(mkstemp64);
    RESOLVE(mkostemp);
    RESOLVE(mkostemp64);
    RESOLVE(rename);
    RESOLVE(link);
    RESOLVE(unlink);
    RESOLVE(renameat);
    RESOLVE(linkat);
    RESOLVE(unlinkat);
}

__attribute__((constructor)) static void shim_init(void)
{
    resolve();
}

static const struct { const char *name; int err; } errnos[] = {
    {"ENOSPC", ENOSPC}, {"EDQUOT", EDQUOT}, {"EIO", EIO}, {"EPERM", EPERM},
    {"EACCES", EACCES}, {"EROFS", EROFS}, {"EXDEV", EXDEV}, {"EMLINK", EMLINK},
    {"ENOSYS", ENOSYS}, {"ENOTSUP", ENOTSUP}, {"EOPNOTSUPP", EOPNOTSUPP},
    {"EFBIG", EFBIG}, {"ENOENT", ENOENT}, {"EEXIST", EEXIST}, {"EBUSY", EBUSY},
    {"EINTR", EINTR}, {"ENAMETOOLONG", ENAMETOOLONG}, {"EMFILE", EMFILE},
    {"ENFILE", ENFILE}, {"ENOMEM", ENOMEM}, {"ETXTBSY", ETXTBSY},
};

static int parse_errno(const char *s)
{
    for (size_t i = 0; i < sizeof errnos / sizeof errnos[0]; i++)
        if (strcmp(s, errnos[i].name) == 0)
            return errnos[i].err;
    int n = atoi(s);
    return n > 0 ? n : EIO;
}

static const char *errno_name(int err)
{
    for (size_t i = 0; i < sizeof errnos / sizeof errnos[0]; i++)
        if (errnos[i].err == err)
            return errnos[i].name;
    return "?";
}

static void copy_word(char *dst, size_t size, const char *src, size_t len)
{
    if (len >= size)
        len = size - 1;
    memcpy(dst, src, len);
    dst[len] = '\0';
}

/* Parse one rule line "CALL ERRNO [MATCH]"; false when it is empty. */
static int parse_rule(const char *line, size_t len, struct rule *r)
{
    const char *end = line + len, *p = line, *w;
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    w = p;
    while (p < end && *p != ' ' && *p != '\t')
        p++;
    if (p == w || *w == '#')
        return 0;
    copy_word(r->call, sizeof r->call, w, (size_t)(p - w));
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    w = p;
    while (p < end && *p != ' ' && *p != '\t')
        p++;
    char e[32];
    copy_word(e, sizeof e, w, (size_t)(p - w));
    r->err = e[0] ? parse_errno(e) : EIO;
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
        end--;
    const char *dflt = getenv("KIJUN_FAULT_MATCH");
    if (p < end)
        copy_word(r->match, sizeof r->match, p, (size_t)(end - p));
    else
        copy_word(r->match, sizeof r->match, dflt ? dflt : "", dflt ? strlen(dflt) : 0);
    return 1;
}

/* The rules in force now; returns how many. */
static int load_rules(struct rule *rules)
{
    int n = 0;
    const char *file = getenv("KIJUN_FAULT_FILE");
    if (file && *file) {
        char buf[8192];
        int fd = real_open(file, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return 0;
        ssize_t got = read(fd, buf, sizeof buf - 1);
        real_close(fd);
        if (got <= 0)
            return 0;
        buf[got] = '\0';
        char *line = buf;
        while (line && *line && n < MAX_RULES) {
            char *nl = strchr(line, '\n');
            size_t len = nl ? (size_t)(nl - line) : strlen(line);
            n += parse_rule(line, len, &rules[n]);
            line = nl ? nl + 1 : NULL;
        }
        return n;
    }
    const char *calls = getenv("KIJUN_FAULT"), *err = getenv("KIJUN_FAULT_ERRNO");
    if (!calls || !*calls)
        return 0;
    char line[1100];
    const char *p = calls;
    while (*p && n < MAX_RULES) {
        size_t k = strcspn(p, ",");
        snprintf(line, sizeof line, "%.*s %s", (int)k, p, err && *err ? err : "EIO");
        n += parse_rule(line, strlen(line), &rules[n]);
        p += k;
        if (*p == ',')
            p++;
    }
    return n;
}

/* Does path match: contains m, or is the folder that holds m? */
static int path_matches(const char *path, const char *m)
{
    if (!path || !*m)
        return 0;
    if (strstr(path, m))
        return 1;
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/')
        n--;
    return strncmp(m, path, n) == 0 && m[n] == '/' && !strchr(m + n + 1, '/');
}

/* Is an fd opened on path to be watched? When it matches
 * KIJUN_FAULT_MATCH or a rule in force; and always when rules come from
 * KIJUN_FAULT_FILE without KIJUN_FAULT_MATCH, since a rule written later
 * may match it. */
static int tracked_path(const char *path)
{
    const char *dflt = getenv("KIJUN_FAULT_MATCH"), *file = getenv("KIJUN_FAULT_FILE");
    if (dflt && *dflt)
        if (path_matches(path, dflt))
            return 1;
    if (file && *file && !(dflt && *dflt))
        return 1;
    struct rule rules[MAX_RULES];
    int n = load_rules(rules);
    for (int i = 0; i < n; i++)
        if (path_matches(path, rules[i].match))
            return 1;
    return 0;
}

static void log_fault(const char *call, int err, const char *path)
{
    const char *log = getenv("KIJUN_FAULT_LOG");
    if (!log || !*log)
        return;
    char line[1200];
    int k = snprintf(line, sizeof line, "%s %s %s\n", call, errno_name(err), path ? path : "-");
    if (k < 0)
        return;
    if ((size_t)k >= sizeof line)
        k = sizeof line - 1;
    int fd = real_open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd >= 0) {
        ssize_t w = real_write(fd, line, (size_t)k);
        (void)w;
        real_close(fd);
    }
}

/* Should call on path (or path2) fail now? Sets errno and logs if so. */
static int fault(const char *call, const char *path, const char *path2)
{
    if (!path && !path2)
        return 0;
    struct rule rules[MAX_RULES];
    int n = load_rules(rules);
    for (int i = 0; i < n; i++) {
        if (strcmp(rules[i].call, call) != 0)
            continue;
        const char *hit = path_matches(path, rules[i].match) ? path
                        : path_matches(path2, rules[i].match) ? path2 : NULL;
        if (hit) {
            log_fault(call, rules[i].err, hit);
            errno = rules[i].err;
            return 1;
        }
    }
    return 0;
}

static const char *path_of(int fd)
{
    return fd >= 0 && fd < MAX_FD ? fd_path[fd] : NULL;
}

static void untrack(int fd)
{
    if (fd >= 0 && fd < MAX_FD) {
        free(fd_path[fd]);
        fd_path[fd] = NULL;
        fd_shorted[fd] = 0;
    }
}

static void track(int fd, const char *path)
{
    if (fd < 0 || fd >= MAX_FD)
        return;
    untrack(fd);
    if (path && tracked_path(path))
        fd_path[fd] = strdup(path);
}

/* The path of name relative to the folder dirfd, as a full path (in
 * buf), so that rules name files as the tests know them. */
static const char *at_path(int dirfd, const char *name, char *buf, size_t size)
{
    if (!name || name[0] == '/' || dirfd == AT_FDCWD)
        return name;
    char link[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", dirfd);
    ssize_t n = readlink(link, buf, size - 1);
    if (n <= 0 || (size_t)n + strlen(name) + 2 > size)
        return name;
    buf[n] = '\0';
    strcat(buf, "/");
    strcat(buf, name);
    return buf;
}

static int creates(int flags)
{
    return (flags & O_CREAT) || (flags & O_ACCMODE) != O_RDONLY;
}

/* --- the calls ------------------------------------------------------------ */

ssize_t write(int fd, const void *buf, size_t count)
{
    resolve();
    const char *p = path_of(fd);
    if (p) {
        if (fd_shorted[fd] && fault("shortwrite", p, NULL))
            return -1;
        if (fault("write", p, NULL))
            return -1;
        if (count > 1 && !fd_shorted[fd]) {
            struct rule rules[MAX_RULES];
            int n = load_rules(rules);
            for (int i = 0; i < n; i++) {
                if (strcmp(rules[i].call, "shortwrite") == 0 && path_matches(p, rules[i].match)) {
                    fd_shorted[fd] = 1;
                    return real_write(fd, buf, count / 2);
                }
            }
        }
    }
    return real_write(fd, buf, count);
}

static int is_dir_fd(int fd)
{
    struct stat st;
    return fstat(fd, &st) == 0 && S_ISDIR(st.st_mode);
}

int fsync(int fd)
{
    resolve();
    const char *p = path_of(fd);
    if (p && fault(is_dir_fd(fd) ? "dirsync" : "fsync", p, NULL))
        return -1;
    return real_fsync(fd);
}

int fdatasync(int fd)
{
    resolve();
    const char *p = path_of(fd);
    if (p && fault(is_dir_fd(fd) ? "dirsync" : "fsync", p, NULL))
        return -1;
    return real_fdatasync(fd);
}

int close(int fd)
{
    resolve();
    const char *p = path_of(fd);
    int failed = 0, err = 0;
    if (p) {
        failed = fault("close", p, NULL);
        err = errno;
        untrack(fd);
    }
    /* like Linux: the fd is closed even when close reports an error */
    int r = real_close(fd);
    if (failed) {
        errno = err;
        return -1;
    }
    return r;
}

int fchmod(int fd, mode_t mode)
{
    resolve();
    const char *p = path_of(fd);
    if (p && fault("fchmod", p, NULL))
        return -1;
    return real_fchmod(fd, mode);
}

static mode_t mode_arg(int flags, va_list ap)
{
#ifdef O_TMPFILE
    if ((flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE)
#else
    if (flags & O_CREAT)
#endif
        return (mode_t)va_arg(ap, int);
    return 0;
}

int open(const char *path, int flags, ...)
{
    resolve();
    va_list ap;
    va_start(ap, flags);
    mode_t mode = mode_arg(flags, ap);
    va_end(ap);
    if (creates(flags) && fault("open", path, NULL))
        return -1;
    int fd = real_open(path, flags, mode);
    track(fd, path);
    return fd;
}

int open64(const char *path, int flags, ...)
{
    resolve();
    va_list ap;
    va_start(ap, flags);
    mode_t mode = mode_arg(flags, ap);
    va_end(ap);
    if (creates(flags) && fault("open", path, NULL))
        return -1;
    int fd = (real_open64 ? real_open64 : real_open)(path, flags, mode);
    track(fd, path);
    return fd;
}

int openat(int dirfd, const char *path, int flags, ...)
{
    resolve();
    va_list ap;
    va_start(ap, flags);
    mode_t mode = mode_arg(flags, ap);
    va_end(ap);
    char buf[4096];
    const char *full = at_path(dirfd, path, buf, sizeof buf);
    if (creates(flags) && fault("open", full, NULL))
        return -1;
    int fd = real_openat(dirfd, path, flags, mode);
    track(fd, full);
    return fd;
}

int openat64(int dirfd, const char *path, int flags, ...)
{
    resolve();
    va_list ap;
    va_start(ap, flags);
    mode_t mode = mode_arg(flags, ap);
    va_end(ap);
    char buf[4096];
    const char *full = at_path(dirfd, path, buf, sizeof buf);
    if (creates(flags) && fault("open", full, NULL))
        return -1;
    int fd = (real_openat64 ? real_openat64 : real_openat)(dirfd, path, flags, mode);
    track(fd, full);
    return fd;
}

/* mkstemp opens inside libc, out of reach of the open above. */
int mkstemp(char *tmpl)
{
    resolve();
    if (fault("open", tmpl, NULL))
        return -1;
    int fd = real_mkstemp(tmpl);
    track(fd, tmpl);
    return fd;
}

int mkstemp64(char *tmpl)
{
    resolve();
    if (fault("open", tmpl, NULL))
        return -1;
    int fd = (real_mkstemp64 ? real_mkstemp64 : real_mkstemp)(tmpl);
    track(fd, tmpl);
    return fd;
}

int mkostemp(char *tmpl, int flags)
{
    resolve();
    if (fault("open", tmpl, NULL))
        return -1;
    int fd = real_mkostemp(tmpl, flags);
    track(fd, tmpl);
    return fd;
}

int mkostemp64(char *tmpl, int flags)
{
    resolve();
    if (fault("open", tmpl, NULL))
        return -1;
    int fd = (real_mkostemp64 ? real_mkostemp64 : real_mkostemp)(tmpl, flags);
    track(fd, tmpl);
    return fd;
}

int rename(const char *from, const char *to)
{
    resolve();
    if (fault("rename", from, to))
        return -1;
    return real_rename(from, to);
}

int link(const char *from, const char *to)
{
    resolve();
    if (fault("link", from, to))
        return -1;
    return real_link(from, to);
}

int unlink(const char *path)
{
    resolve();
    if (fault("unlink", path, NULL))
        return -1;
    return real_unlink(path);
}

int renameat(int fromfd, const char *from, int tofd, const char *to)
{
    resolve();
    char b1[4096], b2[4096];
    if (fault("rename", at_path(fromfd, from, b1, sizeof b1), at_path(tofd, to, b2, sizeof b2)))
        return -1;
    return real_renameat(fromfd, from, tofd, to);
}

int linkat(int fromfd, const char *from, int tofd, const char *to, int flags)
{
    resolve();
    char b1[4096], b2[4096];
    if (fault("link", at_path(fromfd, from, b1, sizeof b1), at_path(tofd, to, b2, sizeof b2)))
        return -1;
    return real_linkat(fromfd, from, tofd, to, flags);
}

int unlinkat(int dirfd, const char *path, int flags)
{
    resolve();
    char buf[4096];
    if (fault("unlink", at_path(dirfd, path, buf, sizeof buf), NULL))
        return -1;
    return real_unlinkat(dirfd, path, flags);
}
