/* libuser: the user's library folders. */
#include "config.h"
#include "util/i18n.h"
#include "store/libuser.h"
#include "store/cfgfile.h"
#include "store/libload.h"
#include "store/safefs.h"
#include "model/standard.h"
#include "util/hmap.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <dirent.h>
#include <limits.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *userlib_dir(void)
{
    struct strbuf sb = STRBUF_INIT;
    const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
    /* the XDG spec: a relative XDG_DATA_HOME is invalid and ignored */
    if (xdg && *xdg == '/')
        sb_printf(&sb, "%s/kijun/library", xdg);
    else if (home && *home)
        sb_printf(&sb, "%s/.local/share/kijun/library", home);
    else
        return NULL;
    return sb_take(&sb);
}

char *userlib_ws_dir(const char *workspace)
{
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "%s/library", workspace);
    return sb_take(&sb);
}

/* Relink lib; keep only the findings about files of the user's library
 * (the shipped data was checked when it was loaded). */
/* The maps of the user's items after gl_link: only Guideline items (an
 * edition's, not another standard's), each once; what is not is no
 * mapping, and a finding of the file `only`. */
static void maps_to_guideline(struct library *lib, const char *only, struct diag_list *dl)
{
    for (size_t e = 0; e < lib->gl.n; e++) {
        struct gl_edition *ed = lib->gl.editions[e];
        bool say = only && ed->file && strcmp(ed->file, only) == 0;
        for (size_t i = 0; ed->user && i < ed->nnodes; i++) {
            struct gl_node *n = ed->nodes[i];
            for (size_t k = 0; n->map_nodes && k < n->nmaps; k++) {
                const struct gl_node *t = n->map_nodes[k];
                if (!t)
                    continue;
                bool twice = false;
                for (size_t j = 0; j < k && !twice; j++)
                    twice = strcmp(n->maps[j], n->maps[k]) == 0;
                if (twice) {
                    if (say)
                        diag_add(dl, DIAG_WARNING, ed->file, n->line,
                                 _("node '%s': maps names '%s' twice (counted once)"), n->id, n->maps[k]);
                    n->map_nodes[k] = NULL;
                } else if (t->edition->kind != KIND_EDITION) {
                    if (say)
                        diag_add(dl, DIAG_ERROR, ed->file, n->line,
                                 _("node '%s': maps to '%s', an item of %s, not of the Guideline "
                                   "(maps name Guideline items only)"),
                                 n->id, n->maps[k], t->edition->file ? t->edition->file : t->edition->id);
                    n->map_nodes[k] = NULL;
                }
            }
        }
    }
}

static void relink(struct library *lib, const char *only, struct diag_list *dl)
{
    struct diag_list all = {0};
    gl_link(&lib->gl, &all);
    maps_to_guideline(lib, only, dl);
    for (size_t i = 0; i < all.n; i++) {
        const struct diag *d = &all.v[i];
        if (d->file && only && strcmp(d->file, only) == 0)
            diag_add(dl, d->severity, d->file, d->line, "%s", d->text);
    }
    diag_clear(&all);
}

/* Ids that would collide with what lib has, or twice in the file. */
static bool ids_free(const struct library *lib, const struct gl_edition *ed, struct diag_list *dl)
{
    bool ok = true;
    const struct gl_edition *o = gl_edition_find(&lib->gl, ed->id);
    const struct gl_node *on = gl_node_find(&lib->gl, ed->id);
    if (o) {
        diag_add(dl, DIAG_ERROR, ed->file, ed->line, _("edition id '%s' is already used by %s"),
                 ed->id, o->file ? o->file : "?");
        ok = false;
    } else if (on) {
        diag_add(dl, DIAG_ERROR, ed->file, ed->line,
                 _("edition id '%s' is already an item's id (%s:%d): ids must be new"), ed->id,
                 on->edition->file ? on->edition->file : "?", on->line);
        ok = false;
    }
    struct hmap ids = {0};
    for (size_t i = 0; i < ed->nnodes; i++) {
        const struct gl_node *n = ed->nodes[i];
        size_t prev;
        const struct gl_node *g = gl_node_find(&lib->gl, n->id);
        if (!hmap_put(&ids, n->id, i, &prev)) {
            diag_add(dl, DIAG_ERROR, ed->file, n->line,
                     _("id '%s' is used twice in this file (first at line %d)"), n->id,
                     ed->nodes[prev]->line);
            ok = false;
        } else if (g) {
            diag_add(dl, DIAG_ERROR, ed->file, n->line, _("id '%s' is already used by %s:%d"),
                     n->id, g->edition->file ? g->edition->file : "?", g->line);
            ok = false;
        } else if (gl_edition_find(&lib->gl, n->id) || strcmp(n->id, ed->id) == 0) {
            diag_add(dl, DIAG_ERROR, ed->file, n->line,
                     _("id '%s' is already an edition's id: ids must be new"), n->id);
            ok = false;
        }
    }
    hmap_free(&ids);
    return ok;
}

enum userlib_result userlib_load_text(struct library *lib, const char *path, const char *buf,
                                      size_t len, struct diag_list *dl)
{
    config_t cfg;
    if (!cfg_parse_text(buf, len, path, &cfg, dl))
        return USERLIB_UNREADABLE;
    struct gl_set one = {0};
    bool ok = library_edition_from(&one, path, &cfg, dl);
    if (one.n == 0) {
        gl_set_free(&one);
        diag_add(dl, DIAG_WARNING, path, 0, "%s", _("this file is not loaded; the rest of the library is loaded"));
        return USERLIB_UNUSABLE;
    }
    struct gl_edition *ed = one.editions[0];
    if (ok && (!ed->issuer || !*ed->issuer)) {
        diag_add(dl, DIAG_ERROR, path, ed->line,
                 _("missing setting 'issuer': who issued it (a ministry, an association, the company)"));
        ok = false;
    }
    ok = ok && ids_free(lib, ed, dl);
    if (!ok) {
        diag_add(dl, DIAG_WARNING, path, 0, "%s", _("this file is not loaded; the rest of the library is loaded"));
        gl_set_free(&one);
        return USERLIB_UNUSABLE;
    }
    one.n = 0;
    gl_set_free(&one);
    ed->user = true;
    ed->order += USERLIB_ORDER_BASE;
    gl_set_add(&lib->gl, ed);
    relink(lib, ed->file, dl);
    return USERLIB_LOADED;
}

enum userlib_result userlib_load_one(struct library *lib, const char *path, struct diag_list *dl)
{
    /* no link, no FIFO, no huge file; the text parsed is the text read
     * through that one descriptor (the path is not opened again) */
    char *buf = NULL;
    size_t len;
    struct stat st;
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) { /* said for the library, not a workspace */
        diag_add(dl, DIAG_ERROR, path, 0, "%s",
                 _("a symbolic link (kijun follows no links in the library folders): not read"));
        return USERLIB_UNREADABLE;
    }
    if (!file_read_nofollow(path, path, LIBRARY_MAX_FILE, &buf, &len, dl))
        return USERLIB_UNREADABLE;
    enum userlib_result r = userlib_load_text(lib, path, buf, len, dl);
    free(buf);
    return r;
}

bool userlib_load_file(struct library *lib, const char *path, struct diag_list *dl)
{
    return userlib_load_one(lib, path, dl) == USERLIB_LOADED;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool same_file(const char *a, const struct stat *b)
{
    struct stat st;
    return b && stat(a, &st) == 0 && st.st_dev == b->st_dev && st.st_ino == b->st_ino;
}

void userlib_unload(struct library *lib)
{
    size_t k = 0;
    for (size_t i = 0; i < lib->gl.n; i++) {
        if (lib->gl.editions[i]->user)
            gl_edition_free(lib->gl.editions[i]);
        else
            lib->gl.editions[k++] = lib->gl.editions[i];
    }
    lib->gl.n = k;
    diag_clear(&lib->ws_diags);
    relink(lib, NULL, NULL);
}

char **userlib_list(const char *dir, size_t *count)
{
    char **v = NULL;
    size_t n = 0, cap = 0;
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *de;
        while ((de = readdir(d))) {
            if (!userlib_name_read(de->d_name))
                continue;
            struct strbuf sb = STRBUF_INIT;
            sb_printf(&sb, "%s/%s", dir, de->d_name);
            v = xgrow(v, &cap, n + 1, sizeof *v);
            v[n++] = sb_take(&sb);
        }
        closedir(d);
    }
    if (n) /* by name, bytewise: the same order on every machine */
        qsort(v, n, sizeof *v, cmp_str);
    *count = n;
    return v;
}

void userlib_scan_dir(struct library *lib, const char *dir, bool in_workspace, const char *skip,
                      const char *upto, struct diag_list *dl, struct userlib_scan *sc)
{
    struct stat skip_st;
    bool skipping = skip && stat(skip, &skip_st) == 0;
    struct stat st;
    if (lstat(dir, &st) != 0) {
        if (errno != ENOENT) {
            diag_add(dl, DIAG_ERROR, dir, 0, _("cannot read the library folder: %s"), strerror(errno));
            sc->unreadable = true;
        }
        return;
    }
    if (in_workspace && S_ISLNK(st.st_mode)) {
        diag_add(dl, DIAG_ERROR, dir, 0, "%s",
                 _("a symbolic link (kijun follows no links in a workspace): not read"));
        sc->unreadable = true;
        return;
    }
    if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
        diag_add(dl, DIAG_ERROR, dir, 0, _("not a folder but %s: not read"), file_kind(st.st_mode));
        sc->unreadable = true;
        return;
    }
    DIR *d = opendir(dir);
    if (!d) {
        diag_add(dl, DIAG_ERROR, dir, 0, _("cannot read the library folder: %s"), strerror(errno));
        sc->unreadable = true;
        return;
    }
    closedir(d);
    size_t n;
    char **v = userlib_list(dir, &n);
    for (size_t i = 0; i < n; i++) {
        if (upto && strcmp(strrchr(v[i], '/') + 1, strrchr(upto, '/') ? strrchr(upto, '/') + 1 : upto) >= 0) {
            /* the files after it: not its context */
        } else if (i >= USERLIB_MAX_FILES) {
            if (!upto)
                diag_add(dl, DIAG_ERROR, v[i], 0, _("not read: more than %d library files in the folder"),
                         USERLIB_MAX_FILES);
        } else if (!same_file(v[i], skipping ? &skip_st : NULL)) {
            enum userlib_result r = userlib_load_one(lib, v[i], dl);
            sc->files++;
            sc->added += r == USERLIB_LOADED;
            sc->unreadable |= r == USERLIB_UNREADABLE;
        }
        free(v[i]);
    }
    free(v);
}

size_t userlib_load_dir(struct library *lib, const char *dir, bool in_workspace,
                        const char *skip, struct diag_list *dl)
{
    struct userlib_scan sc = {0};
    userlib_scan_dir(lib, dir, in_workspace, skip, NULL, dl, &sc);
    return sc.added;
}

size_t userlib_load(struct library *lib, const char *workspace, struct diag_list *dl)
{
    size_t added = 0;
    char *dir = userlib_dir();
    if (dir)
        added += userlib_load_dir(lib, dir, false, NULL, dl);
    free(dir);
    diag_clear(&lib->ws_diags);
    if (workspace) {
        dir = userlib_ws_dir(workspace);
        struct diag_list ws = {0};
        added += userlib_load_dir(lib, dir, true, NULL, &ws);
        for (size_t i = 0; i < ws.n; i++) {
            diag_add(dl, ws.v[i].severity, ws.v[i].file, ws.v[i].line, "%s", ws.v[i].text);
            diag_add(&lib->ws_diags, ws.v[i].severity, ws.v[i].file, ws.v[i].line, "%s", ws.v[i].text);
        }
        diag_clear(&ws);
        free(dir);
    }
    return added;
}

void userlib_load_context(struct library *lib, const char *path, bool all)
{
    struct diag_list quiet = {0};
    struct userlib_scan sc = {0};
    const char *slash = strrchr(path, '/');
    char *dir = !slash ? xstrdup(".") : slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path));
    char *mine = userlib_dir();
    char a[PATH_MAX], b[PATH_MAX];
    bool own = mine && realpath(mine, a) && realpath(dir, b) && strcmp(a, b) == 0;
    if (mine)
        userlib_scan_dir(lib, mine, false, path, own && !all ? path : NULL, &quiet, &sc);
    if (!own)
        userlib_scan_dir(lib, dir, true, path, all ? NULL : path, &quiet, &sc);
    diag_clear(&quiet);
    free(mine);
    free(dir);
}
