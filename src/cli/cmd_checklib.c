/* cmd_checklib: kijun check on the user's library: each file's findings
 * as FILE:LINE, with what is already loaded (the shipped editions, the
 * files before it) as its context. */
#include "config.h"
#include "cli/cmd.h"
#include "model/standard.h"
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

/* One file: loaded into lib, its findings said; false when it could
 * not be read or parsed. */
static bool check_one(struct library *lib, const char *path, size_t *files, size_t *findings)
{
    struct diag_list dl = {0};
    enum userlib_result r = userlib_load_one(lib, path, &dl);
    (*files)++;
    cmd_print_diags(stderr, &dl);
    *findings += dl.n;
    diag_clear(&dl);
    return r != USERLIB_UNREADABLE;
}

bool cmd_check_library_dir(struct library *lib, const char *dir, bool in_workspace,
                           size_t *files, size_t *findings)
{
    /* the one scan the workbench makes, its findings said */
    struct diag_list dl = {0};
    struct userlib_scan sc = {0};
    userlib_scan_dir(lib, dir, in_workspace, NULL, NULL, &dl, &sc);
    cmd_print_diags(stderr, &dl);
    *findings += dl.n;
    *files += sc.files;
    diag_clear(&dl);
    return !sc.unreadable;
}

/* A finding about path that stops it being read, said and counted. */
static bool not_read(const char *path, const char *why, size_t *files, size_t *findings)
{
    struct diag_list dl = {0};
    diag_add(&dl, DIAG_ERROR, path, 0, "%s", why);
    cmd_print_diags(stderr, &dl);
    diag_clear(&dl);
    (*files)++;
    (*findings)++;
    return false;
}

bool cmd_check_library_file(struct library *lib, const char *path, size_t *files, size_t *findings)
{
    if (!userlib_name_read(base_of(path)))
        return not_read(path, _("not read: the library reads NAME.cfg files whose name does not "
                                "start with '.'"), files, findings);
    /* a workspace's library/ folder that is a link is not read (the
     * user's own folder may be one) */
    char *dir = dir_of(path), *mine = userlib_dir();
    char a[PATH_MAX], b[PATH_MAX];
    bool own = mine && realpath(mine, a) && realpath(dir, b) && strcmp(a, b) == 0;
    struct stat st;
    bool link = !own && lstat(dir, &st) == 0 && S_ISLNK(st.st_mode);
    free(dir);
    free(mine);
    if (link)
        return not_read(path, _("not read: its folder is a symbolic link (kijun follows no links "
                                "in a workspace)"), files, findings);
    /* its context: what the workbench loads before it, in its order */
    userlib_load_context(lib, path, false);
    return check_one(lib, path, files, findings);
}
