/* cmd_export: kijun export, the workspace as data for other programs and
 * reports (core/export.h). The workspace is read as the workbench reads it,
 * so that the export holds the findings the workbench shows, but only to
 * read (session_open_viewer): nothing is written in it. What is exported
 * is what the files hold (a running workbench's unsaved edits are not). */
#include "config.h"
#include "cli/cmd.h"
#include "core/export.h"
#include "util/i18n.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The text to standard output, or atomically to output (mode 0600) with
 * what is there said on stderr. */
static int write_out(const struct strbuf *out, const char *output, const char *what)
{
    if (!output || strcmp(output, "-") == 0) { /* -o -: the standard output */
        fwrite(sb_str(out), 1, out->len, stdout);
        return 0;
    }
    struct diag_list dl = {0};
    int rc = 0;
    char *safe = utf8_sanitize(output, strlen(output), false);
    if (!export_write(output, out, &dl)) {
        cmd_print_diags(stderr, &dl);
        rc = 2;
    } else {
        fprintf(stderr, _("kijun: %s is in %s\n"), what, safe);
    }
    free(safe);
    diag_clear(&dl);
    return rc;
}

int cmd_export_schema(const char *output)
{
    struct strbuf out = STRBUF_INIT;
    export_json_schema(&out);
    int rc = write_out(&out, output, _("the JSON Schema of the export"));
    sb_free(&out);
    return rc;
}

int cmd_export(const struct library *lib, const struct export_options *o)
{
    const char *dir = o->workspace ? o->workspace : ".";
    char err[700];
    if (o->output && strcmp(o->output, "-") != 0 && !export_path_outside(dir, o->output, err, sizeof err)) {
        char *safe = utf8_sanitize(err, strlen(err), false);
        fprintf(stderr, _("kijun: error: %s\n"), safe);
        free(safe);
        return 2;
    }
    struct session s;
    session_open_viewer(&s, lib, dir);
    struct export_request rq = {.format = o->format, .round = o->round, .bom = o->bom,
                                .timestamp = o->timestamp, .lang = o->lang};
    struct strbuf out = STRBUF_INIT;
    char what[300];
    int rc = 2;
    if (!session_export(&s, lib, &rq, &out, what, sizeof what, err, sizeof err))
        fprintf(stderr, _("kijun: %s: error: %s\n"), dir, err);
    else
        rc = write_out(&out, o->output, what);
    sb_free(&out);
    session_close(&s);
    return rc;
}

/* The report's text: a regular file of at most 64 MiB (a FIFO or a
 * device is not waited on). New string. */
static char *read_report(const char *path)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        close(fd);
        return NULL;
    }
    struct strbuf sb = STRBUF_INIT;
    char buf[65536];
    size_t k;
    while ((k = fread(buf, 1, sizeof buf, f)) > 0 && sb.len < (64u << 20))
        sb_add(&sb, buf, k);
    bool bad = ferror(f) || sb.len >= (64u << 20);
    fclose(f);
    if (bad) {
        sb_free(&sb);
        return NULL;
    }
    sb_adds(&sb, "");
    return sb_take(&sb);
}

static const struct export_file *file_named(const struct export_file *v, size_t n, const char *path)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(v[i].path, path) == 0)
            return &v[i];
    return NULL;
}

int cmd_export_verify(const struct library *lib, const char *report, const char *workspace)
{
    char *text = read_report(report);
    if (!text) {
        fprintf(stderr, _("kijun: %s: error: cannot read the report (a regular file of at most 64 MiB)\n"), report);
        return 2;
    }
    char digest[2 * SHA256_BYTES + 1];
    struct export_file *was;
    size_t nwas;
    bool ok = export_source_parse(text, digest, &was, &nwas);
    free(text);
    if (!ok) {
        fprintf(stderr, _("kijun: %s: error: no source of kijun export in it: not one of its reports\n"),
                report);
        return 2;
    }
    const char *dir = workspace ? workspace : ".";
    struct session s;
    session_open_viewer(&s, lib, dir);
    if (s.pinfo.status == WS_MISSING) {
        fprintf(stderr, _("kijun: %s: error: not a workspace (no profile.cfg)\n"), dir);
        session_close(&s);
        export_files_free(was, nwas);
        return 2;
    }
    size_t nnow;
    struct export_file *now = session_export_files(&s, &nnow);
    char digest_now[2 * SHA256_BYTES + 1], digest_listed[2 * SHA256_BYTES + 1];
    export_digest(now, nnow, digest_now);
    export_digest(was, nwas, digest_listed);
    int rc = 0;
    if (strcmp(digest, digest_listed) != 0) {
        /* its files and its digest disagree: edited after it was made */
        rc = 1;
        printf(_("%s does not match: its list of files does not give its SHA-256 %s (the report was "
                 "changed after kijun made it)\n"), report, digest);
    } else if (strcmp(digest, digest_now) == 0) {
        printf(_("%s matches the workspace %s: made from its files as they are (SHA-256 %s)\n"), report, dir,
               digest);
    } else {
        rc = 1;
        printf(_("%s does not match the workspace %s: made from files of SHA-256 %s, they give %s now\n"),
               report, dir, digest, digest_now);
        for (size_t i = 0; i < nnow; i++) {
            const struct export_file *w = file_named(was, nwas, now[i].path);
            if (!w && nwas)
                printf(_("  new since:     %s\n"), now[i].path);
            else if (w && strcmp(w->sha256, now[i].sha256) != 0)
                printf(_("  changed since: %s\n"), now[i].path);
        }
        for (size_t i = 0; i < nwas; i++)
            if (!file_named(now, nnow, was[i].path))
                printf(_("  gone since:    %s\n"), was[i].path);
    }
    export_files_free(now, nnow);
    export_files_free(was, nwas);
    session_close(&s);
    return rc;
}
