/* cmd_check: `kijun check` and `kijun init`, workspace commands without
 * a terminal. kijun check reports, per file, what the store found in its
 * text and what the model's rules (workspace_validate) find in what was
 * read; --workbench (for the tests) reports instead what the workbench's
 * validation step shows: the findings its checks carry (round_validate). */
#include "config.h"
#include "cli/cmd.h"
#include "model/assessment.h"
#include "model/rules.h"
#include "model/snapshot.h"
#include "store/libuser.h"
#include "store/workspace.h"
#include "ui/settings.h"
#include "util/hmap.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct check_result {
    size_t files;
    bool unreadable;
    size_t findings;
};

/* A workspace as kijun check reads it: its documents, and per file the
 * path it was read from, its status and what the store said. */
struct wsfile {
    char *path;
    enum ws_status st;
    struct diag_list dl;
};

struct wsread {
    char *dir;
    struct profile p;
    struct checklist c;
    struct wsfile pf, cf;
    struct round *rounds;
    struct wsfile *rf;
    size_t n;
};

static void ws_read(struct wsread *w, const struct library *lib, const char *dir)
{
    memset(w, 0, sizeof *w);
    w->dir = xstrdup(dir);
    profile_init(&w->p);
    checklist_init(&w->c);
    struct ws_file info = {0};
    w->pf.path = ws_path(dir, "profile.cfg");
    w->pf.st = ws_load_profile(w->pf.path, lib, &w->p, &info, &w->pf.dl);
    free(info.path);
    w->cf.path = ws_path(dir, "checklist.cfg");
    w->cf.st = ws_load_checklist(w->cf.path, lib, &w->c, &info, &w->cf.dl);
    free(info.path);
    char **names;
    w->n = ws_list_rounds(dir, &names);
    w->rounds = xcalloc(w->n + 1, sizeof *w->rounds);
    w->rf = xcalloc(w->n + 1, sizeof *w->rf);
    for (size_t i = 0; i < w->n; i++) {
        struct strbuf sb = STRBUF_INIT;
        sb_printf(&sb, "%s/assessments/%s.cfg", dir, names[i]);
        w->rf[i].path = sb_take(&sb);
        round_init(&w->rounds[i], names[i]);
        w->rf[i].st = ws_load_round(w->rf[i].path, lib, &w->p, &w->rounds[i], &info, &w->rf[i].dl);
        if (w->rf[i].st == WS_OK) /* as the workbench reads it: one truth */
            round_read_fill(&w->rounds[i], &w->p);
        free(info.path);
        free(names[i]);
    }
    free(names);
}

static void wsfile_free(struct wsfile *f)
{
    free(f->path);
    diag_clear(&f->dl);
}

static void ws_read_free(struct wsread *w)
{
    profile_free(&w->p);
    checklist_free(&w->c);
    wsfile_free(&w->pf);
    wsfile_free(&w->cf);
    for (size_t i = 0; i < w->n; i++) {
        round_free(&w->rounds[i]);
        wsfile_free(&w->rf[i]);
    }
    free(w->rounds);
    free(w->rf);
    free(w->dir);
}

/* The file of w with this workspace-relative name. */
static struct wsfile *ws_file_of(struct wsread *w, const char *rel)
{
    if (strcmp(rel, "profile.cfg") == 0)
        return &w->pf;
    if (strcmp(rel, "checklist.cfg") == 0)
        return &w->cf;
    for (size_t i = 0; i < w->n; i++) {
        char *f = round_file(&w->rounds[i]);
        bool same = strcmp(f, rel) == 0;
        free(f);
        if (same)
            return &w->rf[i];
    }
    return NULL;
}

/* May the rules speak of this file? Not of a file that could not be
 * read, nor of a round whose profile could not be. */
static bool validated(const struct wsread *w, const struct wsfile *f)
{
    return f->st == WS_OK && (f == &w->pf || f == &w->cf || w->pf.st == WS_OK);
}

/* Report the file f of w (shown as `shown`): what the store said, then
 * the findings of the rules about it, in line order; count it. */
static void report(struct wsread *w, struct wsfile *f, const char *shown, bool required,
                   const struct findings *found, struct check_result *res)
{
    if (f->st == WS_MISSING) {
        if (required) {
            fprintf(stderr, "kijun: %s: %s: %s\n", shown, _("error"), _("no such file"));
            res->unreadable = true;
        }
        return;
    }
    res->files++;
    struct diag_list dl = {0};
    for (size_t i = 0; i < f->dl.n; i++) {
        const struct diag *d = &f->dl.v[i];
        const char *file = d->file && strcmp(d->file, f->path) == 0 ? shown : d->file;
        diag_add(&dl, d->severity, file, d->line, "%s", d->text);
    }
    size_t from = dl.n;
    for (size_t i = 0; validated(w, f) && i < found->n; i++)
        if (ws_file_of(w, found->v[i].file) == f)
            diag_add(&dl, found->v[i].severity, shown, found->v[i].line, "%s", found->v[i].text);
    diag_sort_lines(&dl, from);
    if (f != &w->pf && f != &w->cf && f->st == WS_OK && w->pf.st != WS_OK)
        diag_add(&dl, DIAG_WARNING, shown, 0, _("not validated: the profile beside it (%s) cannot be read"),
                 w->pf.path);
    cmd_print_diags(stderr, &dl);
    res->findings += dl.n;
    if (f->st == WS_UNREADABLE)
        res->unreadable = true;
    diag_clear(&dl);
}

/* --workbench: what the workbench's validation step shows of the rounds
 * of w, each finding once (those of the profile fail a check of every
 * round); only the findings of `only` when not NULL. */
static void report_workbench(struct wsread *w, const struct library *lib, const struct wsfile *only,
                             const char *shown, struct check_result *res)
{
    const char *today = getenv("KIJUN_TODAY");
    struct diag_list dl = {0};
    struct hmap seen = {.owns_keys = true};
    for (size_t i = 0; i < w->n; i++) {
        if (!validated(w, &w->rf[i]))
            continue;
        struct checks c = {0};
        round_validate(w->rounds, w->n, i, &w->p, lib, today, &c);
        for (size_t k = 0; k < c.n; k++) {
            if (c.v[k].finding == CHECK_NO_FINDING)
                continue;
            const struct finding *f = &c.found.v[c.v[k].finding];
            const struct wsfile *wf = ws_file_of(w, f->file);
            if (only && wf != only)
                continue;
            struct strbuf key = STRBUF_INIT;
            sb_printf(&key, "%s:%d:%d:%s", f->file, f->line, (int)f->severity, f->text);
            if (hmap_put(&seen, sb_str(&key), 0, NULL)) {
                struct strbuf name = STRBUF_INIT;
                if (only)
                    sb_adds(&name, shown);
                else
                    sb_printf(&name, "%s/%s", w->dir, f->file);
                diag_add(&dl, f->severity, sb_str(&name), f->line, "%s", f->text);
                sb_free(&name);
            }
            sb_free(&key);
        }
        checks_free(&c);
    }
    res->files += only ? 1 : 1 + (w->cf.st != WS_MISSING) + w->n;
    res->unreadable |= w->pf.st != WS_OK || w->cf.st == WS_UNREADABLE;
    for (size_t i = 0; i < w->n; i++)
        res->unreadable |= w->rf[i].st == WS_UNREADABLE;
    cmd_print_diags(stderr, &dl);
    res->findings += dl.n;
    diag_clear(&dl);
    hmap_free(&seen);
}

static void check_dir(const struct library *lib, const char *dir, bool workbench,
                      struct check_result *res)
{
    struct wsread w;
    ws_read(&w, lib, dir);
    if (workbench) {
        report_workbench(&w, lib, NULL, NULL, res);
    } else {
        struct findings found = {0};
        workspace_validate(&w.p, w.cf.st == WS_OK ? &w.c : NULL, w.rounds, w.n, lib, &found);
        report(&w, &w.pf, w.pf.path, true, &found, res);
        report(&w, &w.cf, w.cf.path, false, &found, res);
        for (size_t i = 0; i < w.n; i++)
            report(&w, &w.rf[i], w.rf[i].path, true, &found, res);
        findings_free(&found);
        struct diag_list strays = {0}; /* what is no round is said, not skipped */
        ws_report_strays(dir, &strays);
        cmd_print_diags(stderr, &strays);
        res->findings += strays.n;
        diag_clear(&strays);
    }
    ws_read_free(&w);
}

/* The folder part of path ("." when none). New string. */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xstrdup(".");
    return slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path));
}

static const char *base_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* Is dir a folder named `assessments` (by its name, or when the name
 * does not say, as "." does, by where it really is)? */
static bool is_assessments(const char *dir)
{
    if (strcmp(base_of(dir), "assessments") == 0)
        return true;
    char real[PATH_MAX];
    return realpath(dir, real) && strcmp(base_of(real), "assessments") == 0;
}

/* A file's kind by its place in a workspace: WS/profile.cfg,
 * WS/checklist.cfg, WS/assessments/NAME.cfg. *ws: the workspace (new
 * string); *rel: the file's name in it (new string); false for a file
 * that has no such place. */
static bool file_place(const char *path, char **ws, char **rel)
{
    const char *base = base_of(path);
    char *dir = dir_of(path);
    if (strcmp(base, "profile.cfg") == 0 || strcmp(base, "checklist.cfg") == 0) {
        *ws = dir;
        *rel = xstrdup(base);
        return true;
    }
    size_t len = strlen(base);
    char *stem = len > 4 && strcmp(base + len - 4, ".cfg") == 0 ? xstrndup(base, len - 4) : NULL;
    bool round = stem && ws_round_name_valid(stem) && is_assessments(dir);
    free(stem);
    if (round) {
        char real[PATH_MAX];
        if (strcmp(base_of(dir), "assessments") == 0)
            *ws = dir_of(dir);
        else
            *ws = realpath(dir, real) ? dir_of(real) : xstrdup("..");
        struct strbuf sb = STRBUF_INIT;
        sb_printf(&sb, "assessments/%s", base);
        *rel = sb_take(&sb);
    }
    free(dir);
    return round;
}

static void check_file(const struct library *lib, const char *path, bool workbench,
                       struct check_result *res)
{
    char *ws, *rel;
    if (access(path, F_OK) != 0 && errno == ENOENT) {
        fprintf(stderr, "kijun: %s: %s: %s\n", path, _("error"), _("no such file"));
        res->unreadable = true;
        return;
    }
    if (!file_place(path, &ws, &rel)) {
        fprintf(stderr, "kijun: %s: %s: %s\n", path, _("error"),
                _("not a workspace file: kijun check takes WORKSPACE/profile.cfg, "
                  "WORKSPACE/checklist.cfg or WORKSPACE/assessments/NAME.cfg"));
        res->unreadable = true;
        return;
    }
    struct wsread w;
    ws_read(&w, lib, ws);
    struct wsfile *f = ws_file_of(&w, rel);
    if (!f) { /* its folder does not list it */
        fprintf(stderr, "kijun: %s: %s: ", path, _("error"));
        fprintf(stderr, _("not a round of the workspace %s"), ws);
        fputc('\n', stderr);
        res->unreadable = true;
    } else if (workbench) {
        report_workbench(&w, lib, f, path, res);
    } else {
        struct findings found = {0};
        workspace_validate(&w.p, w.cf.st == WS_OK ? &w.c : NULL, w.rounds, w.n, lib, &found);
        report(&w, f, path, true, &found, res);
        findings_free(&found);
    }
    ws_read_free(&w);
    free(ws);
    free(rel);
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

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0 && (n == k || s[n - k - 1] == '/');
}

/* A workspace's library/ folder, the user's own folder as its context
 * (mine: that folder checked and reported too). */
static void check_library(struct library *lib, const char *ws, bool mine, struct check_result *res)
{
    struct diag_list quiet = {0};
    char *dir = userlib_dir();
    userlib_unload(lib);
    if (dir && mine)
        res->unreadable |= !cmd_check_library_dir(lib, dir, false, &res->files, &res->findings);
    else if (dir)
        userlib_load_dir(lib, dir, false, NULL, &quiet);
    diag_clear(&quiet);
    free(dir);
    if (ws) {
        dir = userlib_ws_dir(ws);
        res->unreadable |= !cmd_check_library_dir(lib, dir, true, &res->files, &res->findings);
        free(dir);
    }
    userlib_unload(lib);
}

int cmd_check(struct library *lib, char **args, int n, const char *datadir,
              const char *rcfile, bool rc_required, bool workbench)
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
        check_dir(lib, def, workbench, &res);
        if (!workbench)
            check_library(lib, def, true, &res);
    }
    for (int i = 0; i < n; i++) {
        struct stat st;
        if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            check_dir(lib, args[i], workbench, &res);
            if (!workbench)
                check_library(lib, args[i], false, &res);
        } else if (ends_with(args[i], "kijunrc")) {
            check_rc(args[i], true, &res);
        } else if (cmd_is_library_file(args[i]) && !workbench) {
            userlib_unload(lib);
            res.unreadable |= !cmd_check_library_file(lib, args[i], &res.files, &res.findings);
            userlib_unload(lib);
        } else {
            check_file(lib, args[i], workbench, &res);
        }
    }
    if (rcfile && !workbench)
        check_rc(rcfile, rc_required, &res);
    free(def);
    char files[64], findings[64];
    snprintf(files, sizeof files, P_("%zu file", "%zu files", res.files), res.files);
    snprintf(findings, sizeof findings, P_("%zu finding", "%zu findings", res.findings), res.findings);
    if (res.unreadable) {
        printf(_("kijun check: %s, %s; not every file could be read\n"), files, findings);
        return 2;
    }
    if (res.findings) {
        printf(_("kijun check: %s, %s\n"), files, findings);
        return 1;
    }
    printf(_("kijun check: %s, clean\n"), files);
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
        if (info.mode & 022)
            printf(_("kijun: %s: the folder's mode %04o is left as it was; others may change "
                     "its files (chmod 700 makes it private)\n"), dir, info.mode);
        else if (info.mode & 077)
            printf(_("kijun: %s: the folder's mode %04o is left as it was; others may read it "
                     "(chmod 700 makes it private)\n"), dir, info.mode);
        else
            printf(_("kijun: %s: the folder's mode %04o is left as it was\n"), dir, info.mode);
    }
    ws_init_info_free(&info);
    return ok ? 0 : 2;
}
