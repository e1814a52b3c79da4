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
    f->path = xstrdup(d->name);
    sha256_hex(st.sha, f->sha256);
    return true;
}

/* Every file of the session, with the SHA-256 of its bytes as read. */
static struct export_file *session_files(const struct session *s, const char *dir, size_t *n)
{
    struct export_file *files = xcalloc(s->nrounds + 2, sizeof *files);
    size_t nf = 0;
    nf += file_hash(dir, &s->pdoc, &files[nf]);
    nf += file_hash(dir, &s->cdoc, &files[nf]);
    for (size_t i = 0; i < s->nrounds; i++)
        nf += file_hash(dir, &s->rounds[i]->d, &files[nf]);
    *n = nf;
    return files;
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
    bool one_round = o->format != EXPORT_JSON; /* a report of one round */
    const struct round *r = o->round ? round_by_name(&s, o->round) : one_round ? latest_round(&s) : NULL;
    if (o->round && !r) {
        fprintf(stderr, _("kijun: %s: error: no round '%s' (the name of a file of assessments/, "
                          "without .cfg)\n"), dir, o->round);
        session_close(&s);
        return 2;
    }
    if (one_round && !r) {
        fprintf(stderr, _("kijun: %s: error: no round to export: the workspace has none\n"), dir);
        session_close(&s);
        return 2;
    }
    struct strbuf out = STRBUF_INIT;
    if (o->format == EXPORT_CSV) {
        export_csv(&out, r, &s.profile, lib, o->lang, o->bom);
    } else {
        size_t nf;
        struct export_file *files = session_files(&s, dir, &nf);
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
        const struct round *flat = session_rounds_flat(&s);
        if (o->format == EXPORT_JSON) {
            export_json(&out, &src, &s.profile, &s.checklist, flat, s.nrounds, &f);
        } else {
            size_t ri = 0;
            while (ri < s.nrounds && strcmp(flat[ri].name, r->name) != 0)
                ri++;
            char today[11];
            session_today(today);
            struct report_input in = {
                .src = &src, .p = &s.profile, .lib = lib, .rounds = flat, .n = s.nrounds, .ri = ri,
                .found = &f, .today = round_today(flat, s.nrounds, &flat[ri], today), .lang = o->lang,
            };
            if (o->format == EXPORT_MD)
                report_markdown(&out, &in);
            else
                report_html(&out, &in);
        }
        findings_free(&f);
        export_files_free(files, nf);
    }
    char what[300];
    if (o->format == EXPORT_CSV)
        snprintf(what, sizeof what, _("the risk register of round %s (%zu risks)"), r->name,
                 r->c[RC_RISKS].n);
    else if (o->format != EXPORT_JSON)
        snprintf(what, sizeof what, _("the report of round %s"), r->name);
    else
        snprintf(what, sizeof what, _("the workspace %s"), dir);
    rc = write_out(&out, o->output, what);
    sb_free(&out);
    session_close(&s);
    return rc;
}

/* The report's text: a regular file of at most 64 MiB. New string. */
static char *read_report(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
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
        fprintf(stderr, _("kijun: %s: error: cannot read the report\n"), report);
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
    struct export_file *now = session_files(&s, dir, &nnow);
    char digest_now[2 * SHA256_BYTES + 1];
    export_digest(now, nnow, digest_now);
    int rc = 0;
    if (strcmp(digest, digest_now) == 0) {
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
