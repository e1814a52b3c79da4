/* cmd_checklib: kijun check on the user's library: each file's findings
 * as FILE:LINE, with what is already loaded (the shipped editions, the
 * files before it) as its context. */
#include "config.h"
#include "cli/cmd.h"
#include "store/cfgfile.h"
#include "store/libload.h"
#include "store/libuser.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *base_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xstrdup(".");
    return slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path));
}

bool cmd_is_library_file(const char *path)
{
    size_t n = strlen(path);
    if (n < 5 || strcmp(path + n - 4, ".cfg") != 0)
        return false;
    char *dir = dir_of(path);
    char real[PATH_MAX];
    bool yes = strcmp(base_of(dir), "library") == 0
               || (realpath(dir, real) && strcmp(base_of(real), "library") == 0);
    free(dir);
    return yes;
}

/* One file: read (unreadable: false), loaded into lib, its findings said. */
static bool check_one(struct library *lib, const char *path, size_t *files, size_t *findings)
{
    struct diag_list dl = {0};
    char *buf = NULL;
    size_t len;
    bool readable = file_read_nofollow(path, path, LIBRARY_MAX_FILE, &buf, &len, &dl);
    free(buf);
    if (readable)
        userlib_load_file(lib, path, &dl);
    (*files)++;
    cmd_print_diags(stderr, &dl);
    *findings += dl.n;
    diag_clear(&dl);
    return readable;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

bool cmd_check_library_dir(struct library *lib, const char *dir, bool in_workspace,
                           size_t *files, size_t *findings)
{
    struct stat st;
    if (lstat(dir, &st) != 0)
        return true; /* no library folder: nothing to check */
    if (in_workspace && S_ISLNK(st.st_mode)) {
        fprintf(stderr, "kijun: %s: %s: %s\n", dir, _("error"),
                _("a symbolic link (kijun follows no links in a workspace): not read"));
        (*findings)++;
        return false;
    }
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "kijun: %s: %s: %s\n", dir, _("error"), strerror(errno));
        return false;
    }
    char **v = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t l = strlen(de->d_name);
        if (l > 4 && de->d_name[0] != '.' && strcmp(de->d_name + l - 4, ".cfg") == 0) {
            v = xgrow(v, &cap, n + 1, sizeof *v);
            size_t need = strlen(dir) + l + 2;
            v[n] = xcalloc(need, 1);
            snprintf(v[n++], need, "%s/%s", dir, de->d_name);
        }
    }
    closedir(d);
    if (n)
        qsort(v, n, sizeof *v, cmp_str);
    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        if (i < USERLIB_MAX_FILES)
            ok &= check_one(lib, v[i], files, findings);
        free(v[i]);
    }
    if (n > USERLIB_MAX_FILES) {
        fprintf(stderr, "kijun: %s: %s: ", dir, _("error"));
        fprintf(stderr, _("more than %d library files: %zu not read"), USERLIB_MAX_FILES,
                n - USERLIB_MAX_FILES);
        fputc('\n', stderr);
        (*findings)++;
    }
    free(v);
    return ok;
}

bool cmd_check_library_file(struct library *lib, const char *path, size_t *files, size_t *findings)
{
    /* its context: the user's folder and the other files of its own folder */
    struct diag_list quiet = {0};
    char *mine = userlib_dir(), *dir = dir_of(path);
    if (mine)
        userlib_load_dir(lib, mine, false, path, &quiet);
    char a[PATH_MAX], b[PATH_MAX];
    if (!mine || !realpath(mine, a) || !realpath(dir, b) || strcmp(a, b) != 0)
        userlib_load_dir(lib, dir, true, path, &quiet);
    diag_clear(&quiet);
    free(mine);
    free(dir);
    return check_one(lib, path, files, findings);
}
