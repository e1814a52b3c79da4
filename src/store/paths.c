/* paths: where kijun finds its library data and its translations. */
#include "config.h"
#include "store/paths.h"
#include "util/xalloc.h"
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The folder of the running executable, or NULL. */
static char *exe_dir(void)
{
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0)
        return NULL;
    buf[n] = '\0';
    char *slash = strrchr(buf, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    return realpath(buf, NULL);
}

/* $ENV when set; else build_dir for a binary run from build_bindir;
 * else installed. */
static char *find_dir(const char *env_name, const char *build_bindir,
                      const char *build_dir, const char *installed)
{
    const char *env = getenv(env_name);
    if (env && *env)
        return xstrdup(env);
    if (build_bindir && build_dir) {
        char *here = exe_dir();
        char *build = realpath(build_bindir, NULL);
        bool in_build = here && build && strcmp(here, build) == 0;
        free(here);
        free(build);
        if (in_build)
            return xstrdup(build_dir);
    }
    return xstrdup(installed);
}

char *paths_datadir(const char *build_bindir, const char *source_datadir,
                    const char *pkgdatadir)
{
    return find_dir("KIJUN_DATADIR", build_bindir, source_datadir, pkgdatadir);
}

char *paths_localedir(const char *build_bindir, const char *build_localedir,
                      const char *localedir)
{
    return find_dir("KIJUN_LOCALEDIR", build_bindir, build_localedir, localedir);
}
