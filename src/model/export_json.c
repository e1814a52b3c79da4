/* export_json: the workspace as JSON, made from the field tables of
 * model/schema.h (a field added there is exported without a line here;
 * export_schema.c describes it), and what a report was made from: the
 * files' digest, its mark, read back by --verify. */
#include "config.h"
#include "model/export.h"
#include "model/findings.h"
#include "util/json.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void export_digest(const struct export_file *files, size_t n, char out[2 * SHA256_BYTES + 1])
{
    struct sha256 c;
    sha256_init(&c);
    for (size_t i = 0; i < n; i++) {
        sha256_update(&c, files[i].sha256, strlen(files[i].sha256));
        sha256_update(&c, "  ", 2);
        sha256_update(&c, files[i].path, strlen(files[i].path));
        sha256_update(&c, "\n", 1);
    }
    unsigned char h[SHA256_BYTES];
    sha256_final(&c, h);
    sha256_hex(h, out);
}

void export_source_mark(struct strbuf *out, const struct export_source *src)
{
    sb_printf(out, "%s%s", REPORT_SOURCE_MARK, src->sha256);
    for (size_t i = 0; i < src->nfiles; i++)
        sb_printf(out, " %s=%s", src->files[i].path, src->files[i].sha256);
}

static bool hex64(const char *s)
{
    for (int i = 0; i < 2 * SHA256_BYTES; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return false;
    return true;
}

static void files_add(struct export_file **files, size_t *n, const char *path, size_t len, const char *hex)
{
    *files = xrealloc(*files, (*n + 1) * sizeof **files);
    struct export_file *f = &(*files)[(*n)++];
    f->path = xstrndup(path, len);
    memcpy(f->sha256, hex, 2 * SHA256_BYTES);
    f->sha256[2 * SHA256_BYTES] = '\0';
}

/* The mark: "kijun-source sha256=HEX PATH=HEX ..." up to the line's end. */
static bool parse_mark(const char *m, char digest[2 * SHA256_BYTES + 1], struct export_file **files, size_t *n)
{
    m += strlen(REPORT_SOURCE_MARK);
    if (!hex64(m))
        return false;
    memcpy(digest, m, 2 * SHA256_BYTES);
    digest[2 * SHA256_BYTES] = '\0';
    m += 2 * SHA256_BYTES;
    while (*m == ' ') {
        m++;
        const char *eq = m;
        while (*eq && *eq != '=' && *eq != ' ' && *eq != '\n')
            eq++;
        if (*eq != '=' || eq == m || !hex64(eq + 1))
            break;
        files_add(files, n, m, (size_t)(eq - m), eq + 1);
        m = eq + 1 + 2 * SHA256_BYTES;
    }
    return true;
}

/* A JSON export as export_json writes it: the source's files, one
 * member per line, and its own sha256 after them. */
static bool parse_json_source(const char *t, char digest[2 * SHA256_BYTES + 1], struct export_file **files,
                              size_t *n)
{
    const char *src = strstr(t, "\n  \"source\": {"), *end = src ? strstr(src, "\n  },") : NULL;
    if (!src || !end || !strstr(t, "\"kijun_export\": "))
        return false;
    const char *path = NULL;
    size_t plen = 0;
    for (const char *l = src; l && l < end; l = strchr(l + 1, '\n')) {
        const char *p = l + 1;
        while (*p == ' ')
            p++;
        if (strncmp(p, "\"path\": \"", 9) == 0) {
            path = p + 9;
            plen = strcspn(path, "\"");
        } else if (strncmp(p, "\"sha256\": \"", 11) == 0 && hex64(p + 11)) {
            if (p - l - 1 == 4) { /* the source's own: the digest */
                memcpy(digest, p + 11, 2 * SHA256_BYTES);
                digest[2 * SHA256_BYTES] = '\0';
                return true;
            }
            if (path)
                files_add(files, n, path, plen, p + 11);
            path = NULL;
        }
    }
    return false;
}

bool export_source_parse(const char *text, char digest[2 * SHA256_BYTES + 1],
                         struct export_file **files, size_t *n)
{
    *files = NULL;
    *n = 0;
    const char *m = strstr(text, REPORT_SOURCE_MARK);
    bool ok = m ? parse_mark(m, digest, files, n) : parse_json_source(text, digest, files, n);
    if (!ok) {
        export_files_free(*files, *n);
        *files = NULL;
        *n = 0;
    }
    return ok;
}

void export_files_free(struct export_file *files, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(files[i].path);
    free(files);
}

/* The fields of r that are set, in the table's order; its id first. */
static void jw_fields(struct jw *w, const struct record *r, const struct coll_def *def)
{
    if (r->id)
        jw_str(w, "id", r->id);
    for (size_t i = 0; i < def->nfields; i++) {
        const struct field_def *f = &def->fields[i];
        const struct value *v = &r->v[i];
        if (!v->set)
            continue;
        switch (f->type) {
        case F_INT: jw_int(w, f->key, v->i); break;
        case F_BOOL: jw_bool(w, f->key, v->b); break;
        case F_REFLIST:
        case F_STRLIST:
            jw_open(w, f->key, '[');
            for (size_t k = 0; k < v->list.n; k++)
                jw_str(w, NULL, v->list.v[k]);
            jw_close(w, ']');
            break;
        default: jw_str(w, f->key, v->s); break;
        }
    }
}

static void jw_record(struct jw *w, const char *key, const struct record *r, const struct coll_def *def)
{
    jw_open(w, key, '{');
    jw_fields(w, r, def);
    jw_close(w, '}');
}

/* What a reader of a risk needs besides its fields: its values and band
 * by the round's rule and threshold (model/assessment.h). */
static void jw_risk_values(struct jw *w, const struct round *r, const struct profile *p,
                           const struct record *x)
{
    long long inh = risk_inherent(r, x), res = risk_residual(r, x), t = round_threshold(r),
              max = round_max(r, p);
    jw_open(w, "computed", '{');
    if (inh)
        jw_int(w, "inherent_value", inh);
    if (inh)
        jw_str(w, "inherent_band", band_name(band_of(inh, t, max)));
    if (res)
        jw_int(w, "residual_value", res);
    jw_str(w, "band", band_name(band_of(res, t, max)));
    jw_bool(w, "over_threshold", risk_over_threshold(r, x));
    jw_close(w, '}');
}

static void jw_collection(struct jw *w, const struct collection *c, const struct round *r,
                          const struct profile *p)
{
    jw_open(w, c->def->key, '[');
    for (size_t i = 0; i < c->n; i++) {
        if (record_is_kept_entry(&c->r[i]))
            continue; /* no entry: the reader's finding says what it is */
        jw_open(w, NULL, '{');
        jw_fields(w, &c->r[i], c->def);
        if (r && c->def == round_coll_defs[RC_RISKS])
            jw_risk_values(w, r, p, &c->r[i]);
        jw_close(w, '}');
    }
    jw_close(w, ']');
}

static void jw_source(struct jw *w, const struct export_source *src)
{
    jw_open(w, "source", '{');
    jw_str(w, "workspace", src->workspace);
    if (src->round)
        jw_str(w, "round", src->round);
    jw_str(w, "kijun", src->version);
    if (src->timestamp)
        jw_str(w, "exported_at", src->timestamp);
    jw_open(w, "files", '[');
    for (size_t i = 0; i < src->nfiles; i++) {
        jw_open(w, NULL, '{');
        jw_str(w, "path", src->files[i].path);
        jw_str(w, "sha256", src->files[i].sha256);
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_str(w, "sha256", src->sha256);
    jw_close(w, '}');
}

void export_json(struct strbuf *out, const struct export_source *src, const struct profile *p,
                 const struct checklist *cl, const struct round *rounds, size_t n,
                 const struct findings *f)
{
    struct jw w = {out, 0, true};
    sb_adds(out, "{");
    w.depth = 1;
    jw_int(&w, "kijun_export", EXPORT_JSON_VERSION);
    jw_source(&w, src);
    jw_open(&w, "profile", '{');
    jw_record(&w, profile_org_def.key, &p->org, &profile_org_def);
    jw_record(&w, profile_criteria_def.key, &p->criteria, &profile_criteria_def);
    for (int c = 0; c < COLL__COUNT; c++)
        jw_collection(&w, &p->c[c], NULL, p);
    jw_close(&w, '}');
    jw_open(&w, "checklist", '{');
    jw_collection(&w, &cl->items, NULL, p);
    jw_close(&w, '}');
    jw_open(&w, "rounds", '[');
    for (size_t i = 0; i < n; i++) {
        const struct round *r = &rounds[i];
        if (src->round && strcmp(src->round, r->name) != 0)
            continue;
        jw_open(&w, NULL, '{');
        jw_str(&w, "name", r->name);
        jw_record(&w, round_head_def.key, &r->head, &round_head_def);
        for (int c = 0; c < RC__COUNT; c++)
            jw_collection(&w, &r->c[c], r, p);
        jw_close(&w, '}');
    }
    jw_close(&w, ']');
    jw_open(&w, "findings", '[');
    for (size_t i = 0; f && i < f->n; i++) {
        const struct finding *x = &f->v[i];
        if (src->round && x->at.doc == DOC_ROUND) {
            char *file = NULL;
            for (size_t k = 0; k < n && !file; k++)
                if (strcmp(rounds[k].name, src->round) == 0)
                    file = round_file(&rounds[k]);
            bool other = file && strcmp(file, x->file) != 0;
            free(file);
            if (other)
                continue;
        }
        jw_open(&w, NULL, '{');
        jw_str(&w, "severity", x->severity == DIAG_ERROR ? "error" : "warning");
        jw_str(&w, "file", x->file);
        if (x->line > 0)
            jw_int(&w, "line", x->line);
        jw_str(&w, "text", x->text);
        jw_close(&w, '}');
    }
    jw_close(&w, ']');
    sb_adds(out, "\n}\n");
}

