/* export: the open workspace's exports. */
#include "config.h"
#include "core/export.h"
#include "core/findings.h"
#include "store/atomic.h"
#include "store/stamp.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

static const char *const format_names[EXPORT__COUNT] = {"json", "csv", "md", "html"};

const char *export_format_name(enum export_format f)
{
    return format_names[f];
}

int export_format_parse(const char *name)
{
    for (int i = 0; name && i < EXPORT__COUNT; i++)
        if (strcmp(format_names[i], name) == 0)
            return i;
    return -1;
}

/* The moment of export, when asked for: SOURCE_DATE_EPOCH (reproducible
 * builds' convention) or, with --timestamp, now; UTC, ISO 8601. */
static bool export_time(bool asked, char out[32])
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    time_t t;
    if (epoch && *epoch) {
        char *end;
        long long v = strtoll(epoch, &end, 10);
        if (*end || v < 0 || v > 253402300799LL) /* up to 9999-12-31 */
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

struct export_file *session_export_files(const struct session *s, size_t *n)
{
    struct export_file *files = xcalloc(s->nrounds + 2, sizeof *files);
    size_t nf = 0;
    nf += file_hash(s->dir, &s->pdoc, &files[nf]);
    nf += file_hash(s->dir, &s->cdoc, &files[nf]);
    for (size_t i = 0; i < s->nrounds; i++)
        nf += file_hash(s->dir, &s->rounds[i]->d, &files[nf]);
    *n = nf;
    return files;
}

const char *session_export_stale(const struct session *s)
{
    const struct doc *docs[2] = {&s->pdoc, &s->cdoc};
    for (size_t i = 0; i < 2 + s->nrounds; i++) {
        const struct doc *d = i < 2 ? docs[i] : &s->rounds[i - 2]->d;
        if (!d->on_disk)
            continue;
        struct file_stamp now;
        stamp_take(s->dir, d->name, &now);
        if (!stamp_same(&d->stamp, &now))
            return d->name;
    }
    return NULL;
}

const struct round *session_export_round(const struct session *s, const char *name)
{
    const struct round *best = NULL;
    for (size_t i = 0; i < s->nrounds; i++) {
        const struct round *r = &s->rounds[i]->r;
        if (name) {
            if (strcmp(r->name, name) == 0)
                return r;
            continue;
        }
        /* a date that is none (missing, 9999-99-99) is older than any */
        const char *d = rec_str(&r->head, HEAD_DATE), *bd = best ? rec_str(&best->head, HEAD_DATE) : "";
        const char *dv = date_valid(d) ? d : "", *bv = date_valid(bd) ? bd : "";
        int c = best ? strcmp(dv, bv) : 1;
        if (c > 0 || (c == 0 && strcmp(r->name, best->name) > 0))
            best = r;
    }
    return best;
}

/* The workspace's name in the export: the last part of its path. */
static void workspace_name(const char *given, char *name, size_t size)
{
    char *real = realpath(given, NULL); /* ".", "..", "ws/." name a folder too */
    const char *dir = real ? real : given;
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    const char *end = dir + n, *p = end;
    while (p > dir && p[-1] != '/')
        p--;
    snprintf(name, size, "%.*s", (int)(end - p), p);
    free(real);
}

bool session_export(struct session *s, const struct library *lib, const struct export_request *rq,
                    struct strbuf *out, char *what, size_t what_size, char *err, size_t err_size)
{
    session_open_finish(s, NULL, NULL);
    if (!s->dir || s->pinfo.status != WS_OK || s->cinfo.status == WS_UNREADABLE) {
        snprintf(err, err_size, _("the workspace cannot be read whole: %s"),
                 s->why_read_only[0] ? s->why_read_only : _("see kijun check"));
        return false;
    }
    for (size_t i = 0; i < s->nrounds; i++)
        if (s->rounds[i]->unreadable) {
            snprintf(err, err_size, _("%s cannot be read (see kijun check): nothing is exported"),
                     s->rounds[i]->d.name);
            return false;
        }
    bool one_round = rq->format != EXPORT_JSON;
    const struct round *r = rq->round || one_round ? session_export_round(s, rq->round) : NULL;
    if (rq->round && !r) {
        snprintf(err, err_size, _("no round '%s' (the name of a file of assessments/, without .cfg)"), rq->round);
        return false;
    }
    if (one_round && !r) {
        snprintf(err, err_size, "%s", _("no round to export: the workspace has none"));
        return false;
    }
    if (rq->format == EXPORT_CSV) {
        export_csv(out, r, &s->profile, lib, rq->lang, rq->bom);
        snprintf(what, what_size, P_("the risk register of round %s (%zu risk)", "the risk register of round %s (%zu risks)", r->c[RC_RISKS].n), r->name, r->c[RC_RISKS].n);
        return true;
    }
    size_t nf;
    struct export_file *files = session_export_files(s, &nf);
    char when[32], name[256], today[11];
    workspace_name(s->dir, name, sizeof name);
    session_today(today);
    if (export_time(false, when)) /* SOURCE_DATE_EPOCH: the report's day is its today */
        snprintf(today, sizeof today, "%.10s", when);
    struct export_source src = {
        .workspace = name,
        .round = r ? r->name : NULL,
        .version = PACKAGE_VERSION,
        .timestamp = export_time(rq->timestamp, when) ? when : NULL,
        .files = files,
        .nfiles = nf,
    };
    /* a report for people says when it was made, at least the day (the
     * JSON only when asked: the same files give the same bytes) */
    if (!src.timestamp && rq->format != EXPORT_JSON)
        src.timestamp = today;
    export_digest(files, nf, src.sha256);
    struct findings f = {0};
    session_all_findings(s, &f, NULL, NULL);
    const struct round *flat = session_rounds_flat(s);
    if (rq->format == EXPORT_JSON) {
        export_json(out, &src, &s->profile, &s->checklist, flat, s->nrounds, &f);
        snprintf(what, what_size, _("the workspace %s"), s->dir);
    } else {
        size_t ri = 0;
        while (ri < s->nrounds && strcmp(flat[ri].name, r->name) != 0)
            ri++;
        struct report_input in = {
            .src = &src, .p = &s->profile, .lib = lib, .rounds = flat, .n = s->nrounds, .ri = ri,
            .found = &f, .today = round_today(flat, s->nrounds, &flat[ri], today), .lang = rq->lang,
        };
        if (rq->format == EXPORT_MD)
            report_markdown(out, &in);
        else
            report_html(out, &in);
        snprintf(what, what_size, _("the report of round %s"), r->name);
    }
    findings_free(&f);
    export_files_free(files, nf);
    return true;
}

int export_format_of_path(const char *path)
{
    static const struct { const char *ending; enum export_format f; } endings[] = {
        {".html", EXPORT_HTML}, {".htm", EXPORT_HTML}, {".md", EXPORT_MD},
        {".csv", EXPORT_CSV}, {".json", EXPORT_JSON},
    };
    size_t n = strlen(path);
    for (size_t i = 0; i < sizeof endings / sizeof *endings; i++) {
        size_t k = strlen(endings[i].ending);
        if (n > k && strcasecmp(path + n - k, endings[i].ending) == 0 && path[n - k - 1] != '/')
            return endings[i].f;
    }
    return -1;
}

void export_default_path(const char *ws, const char *round, enum export_format f, char *out, size_t size)
{
    static const char *const names[EXPORT__COUNT] = {"workspace.json", "register.csv", "report.md",
                                                    "report.html"};
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd))
        snprintf(cwd, sizeof cwd, ".");
    char probe[4200], err[600];
    snprintf(probe, sizeof probe, "%s/x", cwd);
    if (!export_path_outside(ws, probe, err, sizeof err)) {
        /* started inside the workspace: beside it instead */
        char *rw = realpath(ws, NULL), *slash = rw ? strrchr(rw, '/') : NULL;
        if (slash && slash != rw) {
            *slash = '\0';
            snprintf(cwd, sizeof cwd, "%s", rw);
        } else {
            snprintf(cwd, sizeof cwd, "/tmp");
        }
        free(rw);
    }
    snprintf(out, size, "%s/%s-%s", cwd, round, names[f]);
}

bool export_path_outside(const char *ws, const char *path, char *err, size_t size)
{
    if (!*path) {
        snprintf(err, size, "%s", _("no file named"));
        return false;
    }
    /* the folder the file goes into, as it really is */
    char *copy = xstrdup(path), *slash = strrchr(copy, '/');
    const char *folder = slash ? (slash == copy ? "/" : (*slash = '\0', copy)) : ".";
    char *rf = realpath(folder, NULL), *rw = realpath(ws, NULL);
    bool inside = false;
    if (rf && rw) {
        size_t n = strlen(rw);
        inside = strncmp(rf, rw, n) == 0 && (rf[n] == '\0' || rf[n] == '/' || n == 1);
    }
    if (inside)
        snprintf(err, size, _("%s is in the workspace, which an export never writes into: choose a file "
                              "outside it"), path);
    free(rf);
    free(rw);
    free(copy);
    return !inside;
}

bool export_write(const char *path, const struct strbuf *text, struct diag_list *dl)
{
    return atomic_save_flags(path, sb_str(text), text->len, ATOMIC_NO_BACKUP, dl) != ATOMIC_FAILED;
}
