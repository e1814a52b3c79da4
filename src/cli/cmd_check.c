/* cmd_check: `kijun check` and `kijun init`, workspace commands without
 * a terminal. */
#include "config.h"
#include "cli/cmd.h"
#include "store/workspace.h"
#include "util/i18n.h"
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct check_result {
    size_t files;
    bool unreadable;
    size_t findings;
};

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0 && (n == k || s[n - k - 1] == '/');
}

static void check_file(const struct library *lib, const char *path, bool required,
                       struct check_result *res)
{
    struct diag_list dl = {0};
    struct ws_file info = {0};
    enum ws_status st;
    if (ends_with(path, "checklist.cfg")) {
        struct checklist c;
        checklist_init(&c);
        st = ws_load_checklist(path, lib, &c, &info, &dl);
        checklist_free(&c);
    } else {
        struct profile p;
        profile_init(&p);
        st = ws_load_profile(path, lib, &p, &info, &dl);
        profile_free(&p);
    }
    free(info.path);
    if (st == WS_MISSING) {
        if (required) {
            fprintf(stderr, "kijun: %s: %s: %s\n", path, _("error"), _("no such file"));
            res->unreadable = true;
        }
        return;
    }
    res->files++;
    cmd_print_diags(stderr, &dl);
    res->findings += dl.n;
    if (st == WS_UNREADABLE)
        res->unreadable = true;
    diag_clear(&dl);
}

static void check_dir(const struct library *lib, const char *dir, struct check_result *res)
{
    char *p = ws_path(dir, "profile.cfg");
    check_file(lib, p, true, res);
    free(p);
    p = ws_path(dir, "checklist.cfg");
    check_file(lib, p, false, res);
    free(p);
}

int cmd_check(const struct library *lib, char **args, int n, const char *datadir)
{
    struct check_result res = {0};
    char *def = NULL;
    if (n == 0) {
        bool created;
        struct diag_list dl = {0};
        def = ws_default(datadir, "en", false, &created, &dl);
        diag_clear(&dl);
        if (!def)
            return 2;
        check_dir(lib, def, &res);
    }
    for (int i = 0; i < n; i++) {
        struct stat st;
        if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode))
            check_dir(lib, args[i], &res);
        else
            check_file(lib, args[i], true, &res);
    }
    free(def);
    if (res.unreadable)
        return 2;
    if (res.findings) {
        printf(_("kijun check: %zu files, %zu findings\n"), res.files, res.findings);
        return 1;
    }
    printf(_("kijun check: %zu files, clean\n"), res.files);
    return 0;
}

int cmd_init(const char *dir, const char *datadir, enum lang lang)
{
    struct diag_list dl = {0};
    bool ok = ws_init(dir, datadir, lang_code(lang), &dl);
    cmd_print_diags(stderr, &dl);
    diag_clear(&dl);
    if (!ok)
        return 2;
    printf(_("kijun: created the workspace %s (edit it with: kijun %s)\n"), dir, dir);
    return 0;
}
