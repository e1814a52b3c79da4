/* paths: where kijun finds its library data. */
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

char *paths_datadir(const char *build_bindir, const char *source_datadir,
                    const char *pkgdatadir)
{
    const char *env = getenv("KIJUN_DATADIR");
    if (env && *env)
        return xstrdup(env);
    if (build_bindir && source_datadir) {
        char *here = exe_dir();
        char *build = realpath(build_bindir, NULL);
        bool in_build = here && build && strcmp(here, build) == 0;
        free(here);
        free(build);
        if (in_build)
            return xstrdup(source_datadir);
    }
    return xstrdup(pkgdatadir);
}
