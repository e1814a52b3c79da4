/* workspace: the user's folder of libconfig files. */
#include "config.h"
#include "store/workspace.h"
#include "store/ws_private.h"
#include "store/atomic.h"
#include "store/cfgfile.h"
#include "store/cfgwrite.h"
#include "store/safefs.h"
#include "store/journal.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *ws_path(const char *dir, const char *name)
{
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "%s/%s", dir, name);
    return sb_take(&sb);
}

/* --- the folder ------------------------------------------------------------ */

bool ws_file_missing(const char *path)
{
    struct safefs_err e = {0};
    const char *leaf;
    int dfd = safefs_open_parent(path, &leaf, &e);
    bool missing;
    if (dfd < 0) {
        missing = e.err == ENOENT;
    } else {
        struct stat st;
        missing = safefs_lstat(dfd, leaf, &st) != 0 && errno == ENOENT;
        close(dfd);
    }
    safefs_err_free(&e);
    return missing;
}

bool ws_round_name_valid(const char *name)
{
    /* a leading '.' would make a hidden file, a leading '-' a name that
     * commands take for an option (kijun check -x.cfg); ".mine-" is the
     * name of a copy saved beside a changed round (core/conflict.h) */
    return name[0] != '.' && name[0] != '-' && id_syntax_ok(name, 64) && !strstr(name, ".mine-");
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of dir's NAME.cfg files that keep() takes, as it gives them
 * (a new string, or NULL to leave the file out), sorted. dir is opened
 * without following a link: a link there is not listed through. */
static size_t list_cfgs(const char *dir, char *(*keep)(const char *name, size_t len, bool ctx), bool ctx,
                        char ***names)
{
    struct safefs_err e = {0};
    int fd = safefs_open_dir(dir, &e);
    safefs_err_free(&e);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (fd >= 0 && !d)
        close(fd);
    char **v = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while (d && (de = readdir(d))) {
        size_t len = strlen(de->d_name);
        if (len < 5 || strcmp(de->d_name + len - 4, ".cfg") != 0)
            continue;
        char *name = keep(de->d_name, len, ctx);
        if (name) {
            v = xgrow(v, &cap, n + 1, sizeof *v);
            v[n++] = name;
        }
    }
    if (d)
        closedir(d);
    if (n)
        qsort(v, n, sizeof *v, cmp_names);
    *names = v;
    return n;
}

/* In assessments/: a round's name (rounds), or the file name of one that
 * is no round (a copy saved beside a changed round, core/conflict.h). */
static char *keep_assessment(const char *name, size_t len, bool rounds)
{
    char *stem = xstrndup(name, len - 4);
    if (ws_round_name_valid(stem) != rounds) {
        free(stem);
        return NULL;
    }
    if (rounds)
        return stem;
    free(stem);
    return xstrdup(name);
}

/* The NAME.cfg files of dir's assessments/, sorted: the rounds' names
 * (rounds), or the file names of those that are no round (!rounds). */
static size_t list_assessments(const char *dir, bool rounds, char ***names)
{
    char *ad = ws_path(dir, "assessments");
    size_t n = list_cfgs(ad, keep_assessment, rounds, names);
    free(ad);
    return n;
}

size_t ws_list_rounds(const char *dir, char ***names)
{
    return list_assessments(dir, true, names);
}

/* A copy saved beside a changed profile.cfg or checklist.cfg
 * (core/conflict.h): NAME.mine-WHEN.cfg in the workspace folder itself. */
static char *keep_top_copy(const char *name, size_t len, bool unused)
{
    (void)len, (void)unused;
    return name[0] != '.' && strstr(name, ".mine-") ? xstrdup(name) : NULL;
}

static void report_top_copies(const char *dir, struct diag_list *dl)
{
    char **v;
    size_t n = list_cfgs(dir, keep_top_copy, false, &v);
    for (size_t i = 0; i < n; i++) {
        char *p = ws_path(dir, v[i]);
        diag_add(dl, DIAG_WARNING, p, 0, "%s", _("a copy saved beside a changed file: not read; merge it by hand, then remove it"));
        free(p);
        free(v[i]);
    }
    free(v);
}

void ws_report_strays(const char *dir, struct diag_list *dl)
{
    char **v;
    size_t n = list_assessments(dir, false, &v);
    char *ad = ws_path(dir, "assessments");
    for (size_t i = 0; i < n; i++) {
        char *p = ws_path(ad, v[i]);
        if (strstr(v[i], ".mine-"))
            diag_add(dl, DIAG_WARNING, p, 0, "%s",
                     _("a copy saved beside a changed round: not read; merge it by hand, then remove it"));
        else
            diag_add(dl, DIAG_WARNING, p, 0, "%s",
                     _("not read: no round name (1-64 ASCII letters, digits, '.', '-' or '_', not first a '.' or '-'); rename it "
                       "to read it as a round"));
        free(p);
        free(v[i]);
    }
    free(v);
    free(ad);
    report_top_copies(dir, dl);
}

/* The folders kijun makes in a workspace: absent, or real folders. */
static const char *const own_folders[] = {"assessments", JOURNAL_DIR, JOURNAL_DIR "/assessments", NULL};

bool ws_check_folders(const char *dir, struct diag_list *dl)
{
    bool ok = true;
    for (const char *const *f = own_folders; *f; f++) {
        char *p = ws_path(dir, *f);
        struct safefs_err e = {0};
        int fd = safefs_open_dir(p, &e);
        if (fd >= 0)
            close(fd);
        else if (e.err != ENOENT) {
            /* the first refused folder on the way is the one to name */
            safefs_report(dl, &e, p, NULL);
            ok = false;
        }
        safefs_err_free(&e);
        free(p);
        if (!ok)
            break;
    }
    return ok;
}

/* --- creating -------------------------------------------------------------- */

/* mkdir -p with mode 0700 for the folders it makes. */
static bool make_dirs(const char *dir, struct diag_list *dl)
{
    char *p = xstrdup(dir);
    for (char *s = p + 1; ; s++) {
        if (*s == '/' || *s == '\0') {
            char save = *s;
            *s = '\0';
            if (mkdir(p, 0700) != 0 && errno != EEXIST) {
                diag_add(dl, DIAG_ERROR, p, 0, _("cannot create the folder: %s"), strerror(errno));
                free(p);
                return false;
            }
            *s = save;
            if (!save)
                break;
        }
    }
    free(p);
    return true;
}

/* Names joined by ", " (what init added, what it kept). */
static void add_name(char **list, const char *name)
{
    struct strbuf sb = STRBUF_INIT;
    if (*list && **list)
        sb_printf(&sb, "%s, ", *list);
    sb_adds(&sb, name);
    free(*list);
    *list = sb_take(&sb);
}

/* Put every regular *.cfg file of from into to (0600) where to has
 * nothing of that name; nothing there is replaced. prefix names the
 * folder in info's lists ("" or "assessments/"). */
static bool copy_cfgs(const char *from, const char *to, const char *prefix,
                      struct ws_init_info *info, struct diag_list *dl)
{
    DIR *d = opendir(from);
    if (!d) {
        diag_add(dl, DIAG_ERROR, from, 0, _("cannot read the folder: %s"), strerror(errno));
        return false;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t len = strlen(de->d_name);
        if (de->d_name[0] == '.' || len < 5 || strcmp(de->d_name + len - 4, ".cfg") != 0)
            continue;
        names = xgrow(names, &cap, n + 1, sizeof *names);
        names[n++] = xstrdup(de->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_names);
    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        char *src = ws_path(from, names[i]), *dst = ws_path(to, names[i]);
        char *text;
        size_t len;
        enum atomic_result r = ATOMIC_FAILED;
        if (ok && file_read_checked(src, src, WORKSPACE_MAX_FILE, &text, &len, dl)) {
            r = atomic_create(dst, text, len, dl);
            free(text);
        }
        ok = ok && r != ATOMIC_FAILED;
        if (ok) {
            struct strbuf nm = STRBUF_INIT;
            sb_printf(&nm, "%s%s", prefix, names[i]);
            add_name(r == ATOMIC_SAVED ? &info->added : &info->kept, sb_str(&nm));
            sb_free(&nm);
        }
        free(src);
        free(dst);
        free(names[i]);
    }
    free(names);
    return ok;
}

static char *lang_dir(const char *datadir, const char *what, const char *lang)
{
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "%s/%s/%s", datadir, what, lang);
    return sb_take(&sb);
}

/* Fill the folder dir (made when missing) from the folder from: what is
 * missing is added, nothing there is replaced, the folder's mode stays. */
static bool make_workspace(const char *dir, const char *from, struct ws_init_info *info,
                           struct diag_list *dl)
{
    struct stat st;
    info->existed = stat(dir, &st) == 0;
    if (info->existed && !S_ISDIR(st.st_mode)) {
        diag_add(dl, DIAG_ERROR, dir, 0, _("%s, not a folder: refused"), file_kind(st.st_mode));
        return false;
    }
    info->mode = info->existed ? st.st_mode & 07777 : 0700;
    if (!info->existed && !make_dirs(dir, dl))
        return false;
    /* a folder of kijun's that is a link (or no folder) stops it before
     * anything is written: nothing half-made */
    if (info->existed && !ws_check_folders(dir, dl))
        return false;
    char *assess = ws_path(dir, "assessments");
    char *from_assess = ws_path(from, "assessments");
    bool ok = copy_cfgs(from, dir, "", info, dl);
    if (ok) {
        struct safefs_err e = {0};
        bool missing = ws_file_missing(assess);
        ok = safefs_mkdir(assess, 0700, &e);
        if (!ok)
            safefs_report(dl, &e, assess, _("cannot create the folder"));
        else
            add_name(missing ? &info->added : &info->kept, "assessments/");
        safefs_err_free(&e);
    }
    /* the rounds too, when the source has them (the demo does) */
    if (ok && stat(from_assess, &st) == 0 && S_ISDIR(st.st_mode))
        ok = copy_cfgs(from_assess, assess, "assessments/", info, dl);
    free(from_assess);
    free(assess);
    return ok;
}

void ws_init_info_free(struct ws_init_info *info)
{
    free(info->added);
    free(info->kept);
    memset(info, 0, sizeof *info);
}

bool ws_init_report(const char *dir, const char *datadir, const char *lang,
                    struct ws_init_info *info, struct diag_list *dl)
{
    memset(info, 0, sizeof *info);
    char *profile = ws_path(dir, "profile.cfg");
    bool exists = !ws_file_missing(profile);
    free(profile);
    if (exists) {
        diag_add(dl, DIAG_ERROR, dir, 0, _("already a workspace (it has a profile.cfg): not touched"));
        return false;
    }
    char *from = lang_dir(datadir, "template", lang);
    bool ok = make_workspace(dir, from, info, dl);
    free(from);
    return ok;
}

bool ws_init(const char *dir, const char *datadir, const char *lang, struct diag_list *dl)
{
    struct ws_init_info info;
    bool ok = ws_init_report(dir, datadir, lang, &info, dl);
    ws_init_info_free(&info);
    return ok;
}

char *ws_demo_copy(const char *datadir, const char *lang, struct diag_list *dl)
{
    const char *tmp = getenv("TMPDIR");
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "%s/kijun-demo-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    char *dir = sb_take(&sb);
    if (!mkdtemp(dir)) {
        diag_add(dl, DIAG_ERROR, dir, 0, _("cannot create a folder for the demo: %s"), strerror(errno));
        free(dir);
        return NULL;
    }
    char *from = lang_dir(datadir, "demo", lang);
    struct ws_init_info info;
    memset(&info, 0, sizeof info);
    bool ok = make_workspace(dir, from, &info, dl);
    ws_init_info_free(&info);
    free(from);
    if (!ok) {
        ws_remove_tree(dir);
        free(dir);
        return NULL;
    }
    return dir;
}

/* Remove what is in the open folder fd (closed here), entering
 * sub-folders by descriptor: a link is removed, never followed. */
static bool empty_folder(int fd, const char *path, struct diag_list *dl, int depth)
{
    DIR *d = fdopendir(fd);
    if (!d) {
        close(fd);
        return false;
    }
    bool ok = true;
    struct dirent *de;
    while ((de = readdir(d))) {
        const char *name = de->d_name;
        if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
            continue;
        struct stat st;
        if (fstatat(dirfd(d), name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue;
        if (S_ISDIR(st.st_mode) && depth < 16) {
            int sub = openat(dirfd(d), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            char *sp = ws_path(path, name);
            if (sub < 0 || !empty_folder(sub, sp, dl, depth + 1)
                || unlinkat(dirfd(d), name, AT_REMOVEDIR) != 0)
                ok = false;
            free(sp);
        } else if (unlinkat(dirfd(d), name, 0) != 0) {
            ok = false;
        }
    }
    closedir(d);
    return ok;
}

bool ws_remove_tree_checked(const char *dir, struct diag_list *dl)
{
    struct safefs_err e = {0};
    int fd = safefs_open_dir(dir, &e);
    if (fd < 0) {
        bool gone = e.err == ENOENT;
        if (!gone)
            safefs_report(dl, &e, dir, _("not removed"));
        safefs_err_free(&e);
        return gone;
    }
    bool ok = empty_folder(fd, dir, dl, 0);
    const char *leaf;
    int pfd = safefs_open_parent(dir, &leaf, &e);
    if (pfd >= 0) {
        ok = unlinkat(pfd, leaf, AT_REMOVEDIR) == 0 && ok;
        close(pfd);
    } else {
        ok = false;
    }
    safefs_err_free(&e);
    if (!ok)
        diag_add(dl, DIAG_ERROR, dir, 0, _("cannot remove the folder completely: %s"),
                 strerror(errno));
    return ok;
}

void ws_remove_tree(const char *dir)
{
    struct diag_list dl = {0};
    ws_remove_tree_checked(dir, &dl);
    diag_clear(&dl);
}

char *ws_default(const char *datadir, const char *lang, bool create, bool *created,
                 struct diag_list *dl)
{
    *created = false;
    const char *env = getenv("KIJUN_WORKSPACE");
    if (env && *env)
        return xstrdup(env);
    if (access("profile.cfg", F_OK) == 0)
        return xstrdup(".");
    struct strbuf sb = STRBUF_INIT;
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    if (xdg && *xdg)
        sb_printf(&sb, "%s/kijun/workspace", xdg);
    else
        sb_printf(&sb, "%s/.local/share/kijun/workspace", home && *home ? home : ".");
    char *dir = sb_take(&sb);
    char *profile = ws_path(dir, "profile.cfg");
    bool exists = access(profile, F_OK) == 0;
    free(profile);
    if (!exists && create) {
        if (!ws_init(dir, datadir, lang, dl)) {
            free(dir);
            return NULL;
        }
        *created = true;
    }
    return dir;
}

