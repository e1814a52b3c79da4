/* cmd_export: kijun export, the workspace as data for other programs
 * (model/export.h). The workspace is read as the workbench reads it
 * (core/session.h), so that the export holds the findings the workbench
 * shows, but only to read: nothing is written in it. What is exported is
 * what the files hold (a running workbench's unsaved edits are not). */
#include "config.h"
#include "cli/cmd.h"
#include "core/findings.h"
#include "model/export.h"
#include "store/atomic.h"
#include "store/stamp.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The moment of export, when asked for: SOURCE_DATE_EPOCH (reproducible
 * builds' convention) or, with --timestamp, now; UTC, ISO 8601. */
static bool export_time(bool asked, char out[32])
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    time_t t;
    if (epoch && *epoch) {
        char *end;
        long long v = strtoll(epoch, &end, 10);
        if (*end || v < 0)
            return false;
        t = (time_t)v;
    } else if (asked) {
        t = time(NULL);
    } else {
        return false;
    }
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return true;
}

/* The SHA-256 of a document's file as it was read (its stamp), else of
 * the file now; false when there is none. */
static bool file_hash(const char *dir, const struct doc *d, struct export_file *f)
{
    struct file_stamp st = d->stamp;
    if (!st.exists || !st.hashed)
        stamp_take(dir, d->name, &st);
    if (!st.exists || !st.hashed)
        return false;
    f->path = d->name;
    sha256_hex(st.sha, f->sha256);
    return true;
}

/* The newest round: the latest date, then the greatest name. */
static const struct round *latest_round(const struct session *s)
{
    const struct round *best = NULL;
    for (size_t i = 0; i < s->nrounds; i++) {
        const struct round *r = &s->rounds[i]->r;
        if (!best) {
            best = r;
            continue;
        }
        int c = strcmp(rec_str(&r->head, HEAD_DATE), rec_str(&best->head, HEAD_DATE));
        if (c > 0 || (c == 0 && strcmp(r->name, best->name) > 0))
            best = r;
    }
    return best;
}

static const struct round *round_by_name(const struct session *s, const char *name)
{
    for (size_t i = 0; i < s->nrounds; i++)
        if (strcmp(s->rounds[i]->r.name, name) == 0)
            return &s->rounds[i]->r;
    return NULL;
}

/* The workspace's name in the export: the last part of its path. */
static const char *workspace_name(const char *dir)
{
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    const char *end = dir + n, *p = end;
    while (p > dir && p[-1] != '/')
        p--;
    static char name[256];
    snprintf(name, sizeof name, "%.*s", (int)(end - p), p);
    return name;
}

/* The text to standard output, or atomically to output (mode 0600) with
 * what is there said on stderr. */
static int write_out(const struct strbuf *out, const char *output, const char *what)
{
    if (!output) {
        fwrite(sb_str(out), 1, out->len, stdout);
        return 0;
    }
    struct diag_list dl = {0};
    int rc = 0;
    if (atomic_save_flags(output, sb_str(out), out->len, ATOMIC_NO_BACKUP, &dl) == ATOMIC_FAILED) {
        cmd_print_diags(stderr, &dl);
        rc = 2;
    } else {
        fprintf(stderr, _("kijun: %s is in %s\n"), what, output);
    }
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
    struct session s;
    session_open_viewer(&s, lib, dir);
    int rc;
    if (s.pinfo.status != WS_OK || s.cinfo.status == WS_UNREADABLE) {
        /* half a workspace exported would be taken for the whole */
        fprintf(stderr, _("kijun: %s: error: the workspace cannot be read whole: %s\n"), dir,
                s.why_read_only[0] ? s.why_read_only : _("see kijun check"));
        session_close(&s);
        return 2;
    }
    for (size_t i = 0; i < s.nrounds; i++)
        if (s.rounds[i]->unreadable) {
            fprintf(stderr, _("kijun: %s/%s: error: the round cannot be read (see kijun check): "
                              "nothing is exported\n"), dir, s.rounds[i]->d.name);
            session_close(&s);
            return 2;
        }
    const struct round *r = o->round ? round_by_name(&s, o->round)
                          : o->format == EXPORT_CSV ? latest_round(&s) : NULL;
    if (o->round && !r) {
        fprintf(stderr, _("kijun: %s: error: no round '%s' (the name of a file of assessments/, "
                          "without .cfg)\n"), dir, o->round);
        session_close(&s);
        return 2;
    }
    if (o->format == EXPORT_CSV && !r) {
        fprintf(stderr, _("kijun: %s: error: no round to export: the workspace has none\n"), dir);
        session_close(&s);
        return 2;
    }
    struct strbuf out = STRBUF_INIT;
    if (o->format == EXPORT_CSV) {
        export_csv(&out, r, &s.profile, lib, o->lang, o->bom);
    } else {
        struct export_file *files = xcalloc(s.nrounds + 2, sizeof *files);
        size_t nf = 0;
        nf += file_hash(dir, &s.pdoc, &files[nf]);
        nf += file_hash(dir, &s.cdoc, &files[nf]);
        for (size_t i = 0; i < s.nrounds; i++)
            nf += file_hash(dir, &s.rounds[i]->d, &files[nf]);
        char when[32];
        struct export_source src = {
            .workspace = workspace_name(dir),
            .round = r ? r->name : NULL,
            .version = PACKAGE_VERSION,
            .timestamp = export_time(o->timestamp, when) ? when : NULL,
            .files = files,
            .nfiles = nf,
        };
        export_digest(files, nf, src.sha256);
        struct findings f = {0};
        session_all_findings(&s, &f, NULL, NULL);
        export_json(&out, &src, &s.profile, &s.checklist, session_rounds_flat(&s), s.nrounds, &f);
        findings_free(&f);
        free(files);
    }
    char what[300];
    if (o->format == EXPORT_CSV)
        snprintf(what, sizeof what, _("the risk register of round %s (%zu risks)"), r->name,
                 r->c[RC_RISKS].n);
    else
        snprintf(what, sizeof what, _("the workspace %s"), dir);
    rc = write_out(&out, o->output, what);
    sb_free(&out);
    session_close(&s);
    return rc;
}
