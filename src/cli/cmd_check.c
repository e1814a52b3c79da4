/* cmd_check: `kijun check` and `kijun init`, workspace commands without
 * a terminal. */
#include "config.h"
#include "cli/cmd.h"
#include "store/workspace.h"
#include "ui/settings.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
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

/* Report a file's findings; count it. */
static void report(const char *path, enum ws_status st, bool required, struct diag_list *dl,
                   struct check_result *res)
{
    if (st == WS_MISSING) {
        if (required) {
            fprintf(stderr, "kijun: %s: %s: %s\n", path, _("error"), _("no such file"));
            res->unreadable = true;
        }
        return;
    }
    res->files++;
    cmd_print_diags(stderr, dl);
    res->findings += dl->n;
    if (st == WS_UNREADABLE)
        res->unreadable = true;
}

static bool is_round_path(const char *path)
{
    return strstr(path, "assessments/") != NULL;
}

/* Check a round against the profile of its workspace (dir). */
static void check_round(const struct library *lib, const struct profile *p, const char *path,
                        struct check_result *res)
{
    struct diag_list dl = {0};
    struct ws_file info = {0};
    struct round r;
    round_init(&r, "");
    enum ws_status st = ws_load_round(path, lib, p, &r, &info, &dl);
    report(path, st, true, &dl, res);
    round_free(&r);
    free(info.path);
    diag_clear(&dl);
}

/* Load (and report) the profile at path into p. */
static void check_profile(const struct library *lib, const char *path, struct profile *p,
                          bool report_it, struct check_result *res)
{
    struct diag_list dl = {0};
    struct ws_file info = {0};
    enum ws_status st = ws_load_profile(path, lib, p, &info, &dl);
    if (report_it)
        report(path, st, true, &dl, res);
    free(info.path);
    diag_clear(&dl);
}

static void check_file(const struct library *lib, const char *path, bool required,
                       struct check_result *res)
{
    struct diag_list dl = {0};
    struct ws_file info = {0};
    if (ends_with(path, "checklist.cfg")) {
        struct checklist c;
        checklist_init(&c);
        report(path, ws_load_checklist(path, lib, &c, &info, &dl), required, &dl, res);
        checklist_free(&c);
    } else if (is_round_path(path)) {
        /* a round refers to the profile beside its assessments/ folder */
        char *dir = xstrdup(path);
        *strstr(dir, "assessments/") = '\0';
        char *pp = ws_path(*dir ? dir : ".", "profile.cfg");
        struct profile p;
        profile_init(&p);
        struct check_result ignored = {0};
        check_profile(lib, pp, &p, false, &ignored);
        check_round(lib, &p, path, res);
        profile_free(&p);
        free(pp);
        free(dir);
    } else {
        struct profile p;
        profile_init(&p);
        report(path, ws_load_profile(path, lib, &p, &info, &dl), required, &dl, res);
        profile_free(&p);
    }
    free(info.path);
    diag_clear(&dl);
}

/* kijunrc: its findings as the workbench would meet them. */
static void check_rc(const char *path, bool required, struct check_result *res)
{
    struct diag_list dl = {0};
    bool mouse = false;
    enum rc_status st = settings_load(path, &mouse, &dl);
    if (st == RC_MISSING) {
        if (required) {
            fprintf(stderr, "kijun: %s: %s: %s\n", path, _("error"), _("no such file"));
            res->unreadable = true;
        }
        return;
    }
    res->files++;
    cmd_print_diags(stderr, &dl);
    res->findings += dl.n;
    if (st == RC_UNREADABLE)
        res->unreadable = true;
    diag_clear(&dl);
}

static void check_dir(const struct library *lib, const char *dir, struct check_result *res)
{
    char *pp = ws_path(dir, "profile.cfg");
    struct profile p;
    profile_init(&p);
    check_profile(lib, pp, &p, true, res);
    free(pp);
    pp = ws_path(dir, "checklist.cfg");
    check_file(lib, pp, false, res);
    free(pp);
    char **names;
    size_t n = ws_list_rounds(dir, &names);
    for (size_t i = 0; i < n; i++) {
        struct strbuf sb = STRBUF_INIT;
        sb_printf(&sb, "%s/assessments/%s.cfg", dir, names[i]);
        check_round(lib, &p, sb_str(&sb), res);
        sb_free(&sb);
        free(names[i]);
    }
    free(names);
    profile_free(&p);
}

int cmd_check(const struct library *lib, char **args, int n, const char *datadir,
              const char *rcfile, bool rc_required)
{
    struct check_result res = {0};
    char *def = NULL;
    if (n == 0 && !rc_required) { /* check --config FILE: that file alone */
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
        else if (ends_with(args[i], "kijunrc"))
            check_rc(args[i], true, &res);
        else
            check_file(lib, args[i], true, &res);
    }
    if (rcfile)
        check_rc(rcfile, rc_required, &res);
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
    struct ws_init_info info;
    bool ok = ws_init_report(dir, datadir, lang_code(lang), &info, &dl);
    cmd_print_diags(stderr, &dl);
    diag_clear(&dl);
    if (ok && !info.existed) {
        printf(_("kijun: created the workspace %s (edit it with: kijun %s)\n"), dir, dir);
    } else if (ok) {
        /* an existing folder: say what was added and that nothing was replaced */
        printf(_("kijun: %s: the folder was there; added %s (edit it with: kijun %s)\n"), dir,
               info.added ? info.added : _("nothing"), dir);
        if (info.kept)
            printf(_("kijun: %s: kept what was there, unchanged: %s\n"), dir, info.kept);
        if (info.mode & 077)
            printf(_("kijun: %s: the folder's mode %04o is left as it was; others may read it "
                     "(chmod 700 makes it private)\n"), dir, info.mode);
        else
            printf(_("kijun: %s: the folder's mode %04o is left as it was\n"), dir, info.mode);
    }
    ws_init_info_free(&info);
    return ok ? 0 : 2;
}
