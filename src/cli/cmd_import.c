/* cmd_import: `kijun import`, a library file from a spreadsheet (CSV). */
#include "config.h"
#include "cli/cmd.h"
#include "model/csvimport.h"
#include "model/standard.h"
#include "store/atomic.h"
#include "store/cfgfile.h"
#include "store/libload.h"
#include "store/libuser.h"
#include "util/csv.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* mkdir -p with mode 0700 for the folders it makes. */
static bool make_dirs(const char *dir, struct diag_list *dl)
{
    char *p = xstrdup(dir);
    bool ok = true;
    for (char *s = p + 1; ok; s++) {
        bool end = *s == '\0';
        if (*s == '/' || end) {
            *s = '\0';
            if (mkdir(p, 0700) != 0 && errno != EEXIST) {
                diag_add(dl, DIAG_ERROR, p, 0, _("cannot make the folder: %s"), strerror(errno));
                ok = false;
            }
            if (end)
                break;
            *s = '/';
        }
    }
    free(p);
    return ok;
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static int fail(struct diag_list *dl)
{
    cmd_print_diags(stderr, dl);
    diag_clear(dl);
    return 2;
}

/* A path or argument as it may reach the terminal. New string. */
static char *shown(const char *s)
{
    return utf8_sanitize(s, strlen(s), false);
}

static int nothing_written(const char *csv, struct diag_list *dl)
{
    char *name = shown(csv);
    cmd_print_diags(stderr, dl);
    fprintf(stderr, _("kijun: %s: nothing written\n"), name);
    free(name);
    diag_clear(dl);
    return 2;
}

int cmd_import(struct library *lib, const struct import_options *io)
{
    struct diag_list dl = {0};
    char *buf = NULL;
    size_t len = 0;
    if (!file_read_checked(io->csv, io->csv, LIBRARY_MAX_FILE, &buf, &len, &dl))
        return fail(&dl);
    struct csv csv;
    if (!csv_parse(buf, len, &csv))
        diag_add(&dl, DIAG_ERROR, io->csv, csv.error_line, "%s", _(csv.error));
    free(buf);
    struct csvimport_opts o = {
        .file = io->csv, .source = base_name(io->csv), .id = io->id, .kind = (enum edition_kind)io->kind,
        .title = io->title, .issuer = io->issuer, .date = io->date, .status = io->status,
    };
    char *path = NULL;
    if (io->output && strcmp(io->output, "-") == 0) {
        diag_add(&dl, DIAG_ERROR, NULL, 0, "%s",
                 _("-o -: kijun import writes a library file, not the standard output"));
    } else if (io->output) {
        path = xstrdup(io->output);
        if (!userlib_name_read(base_name(path)))
            diag_add(&dl, DIAG_ERROR, io->output, 0, "%s",
                     _("the library reads only files named NAME.cfg, NAME not starting with '.': "
                       "this file would never be read"));
    } else {
        char *dir = userlib_dir();
        if (!dir) {
            fputs(_("kijun: error: neither XDG_DATA_HOME nor HOME is set: give -o FILE\n"), stderr);
            csv_free(&csv);
            diag_clear(&dl);
            return 2;
        }
        struct strbuf sb = STRBUF_INIT;
        sb_printf(&sb, "%s/%s.cfg", dir, io->id);
        path = sb_take(&sb);
        free(dir);
    }
    /* the library the file joins: the user's folder and the folder it
     * goes to, all of it (but the file that --force would replace) */
    if (path)
        userlib_load_context(lib, path, true);
    struct strbuf text = STRBUF_INIT;
    bool made = dl.n == 0 && csvimport_make(&csv, &lib->gl, &o, &text, &dl);
    csv_free(&csv);
    if (made && text.len > LIBRARY_MAX_FILE) {
        diag_add(&dl, DIAG_ERROR, io->csv, 0, _("the library file would be larger than %d MiB"),
                 LIBRARY_MAX_FILE / (1024 * 1024));
        made = false;
    }
    /* what would be written loads as the browser will load it, before
     * anything on disk is touched */
    if (made && (userlib_load_text(lib, path, sb_str(&text), text.len, &dl) != USERLIB_LOADED
                 || diag_count(&dl, DIAG_ERROR))) {
        fprintf(stderr, "%s", _("kijun: error: the file made would not load\n"));
        made = false;
    }
    if (!made) {
        sb_free(&text);
        free(path);
        return nothing_written(io->csv, &dl);
    }
    if (!io->output) {
        char *dir = userlib_dir();
        bool ok = make_dirs(dir, &dl);
        free(dir);
        if (!ok) {
            sb_free(&text);
            free(path);
            return fail(&dl);
        }
    }
    enum atomic_result r = io->force ? atomic_save(path, sb_str(&text), text.len, &dl)
                                     : atomic_create(path, sb_str(&text), text.len, &dl);
    sb_free(&text);
    char *name = shown(path);
    free(path);
    if (r == ATOMIC_FAILED) {
        free(name);
        return fail(&dl);
    }
    if (r == ATOMIC_UNCHANGED && !io->force) {
        fprintf(stderr, _("kijun: %s: error: there is already a file there; nothing written "
                          "(--force replaces it, keeping the old one as %s~)\n"), name, name);
        free(name);
        diag_clear(&dl);
        return 2;
    }
    const struct gl_edition *ed = gl_edition_find(&lib->gl, io->id);
    printf(P_("kijun: wrote %s: %zu item of the %s %s\n", "kijun: wrote %s: %zu items of the %s %s\n",
              ed->nnodes), name, ed->nnodes, kind_name(ed->kind, io->lang), io->id);
    cmd_print_diags(stderr, &dl); /* warnings of the file, if any */
    diag_clear(&dl);
    free(name);
    return 0;
}
