/* export_json: the workspace as JSON, made from the field tables of
 * model/schema.h (a field added there is exported without a line here;
 * export_schema.c describes it), and what a report was made from: the
 * files' digest, its mark, read back by --verify. */
#include "config.h"
#include "model/export.h"
#include "model/findings.h"
#include "util/json.h"
#include "util/utf8.h"
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

/* A JSON export's source, read as JSON (however it was laid out since:
 * minified, indented, escaped): a small reader of what it needs. */
struct jr {
    const char *p;
    bool bad;
};

static void jr_space(struct jr *r)
{
    while (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r')
        r->p++;
}

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* A string into out (NULL: skipped); false when there is none. */
static bool jr_string(struct jr *r, struct strbuf *out)
{
    jr_space(r);
    if (*r->p != '"')
        return !(r->bad = true);
    for (r->p++; *r->p && *r->p != '"'; r->p++) {
        char c = *r->p;
        if (c != '\\') {
            if (out)
                sb_addc(out, c);
            continue;
        }
        c = *++r->p;
        if (c == 'u') {
            unsigned cp = 0;
            for (int k = 1; k <= 4; k++) {
                int h = hexval(r->p[k]);
                if (h < 0)
                    return !(r->bad = true);
                cp = cp * 16 + (unsigned)h;
            }
            r->p += 4;
            if (cp >= 0xD800 && cp < 0xDC00 && r->p[1] == '\\' && r->p[2] == 'u') {
                unsigned lo = 0;
                int k = 3;
                for (; k <= 6 && hexval(r->p[k]) >= 0; k++) /* stops at the text's end */
                    lo = lo * 16 + (unsigned)hexval(r->p[k]);
                if (k <= 6 || lo < 0xDC00 || lo > 0xDFFF)
                    return !(r->bad = true);
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                r->p += 6;
            }
            char u[8];
            size_t k = utf8_encode(cp, u);
            if (out)
                sb_add(out, u, k);
        } else if (out) {
            sb_addc(out, c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c == 'b' ? '\b' : c == 'f' ? '\f' : c);
        }
        if (!*r->p)
            break;
    }
    if (*r->p != '"')
        return !(r->bad = true);
    r->p++;
    return true;
}

static void jr_skip(struct jr *r, int depth);

/* The members of an object, each given to member (key, reader at its
 * value) which reads or skips the value. */
static void jr_object(struct jr *r, int depth, void (*member)(struct jr *, const char *, void *), void *ctx)
{
    jr_space(r);
    if (*r->p != '{' || depth > 64) {
        r->bad = true;
        return;
    }
    r->p++;
    jr_space(r);
    if (*r->p == '}') {
        r->p++;
        return;
    }
    while (!r->bad) {
        struct strbuf key = STRBUF_INIT;
        sb_adds(&key, "");
        jr_string(r, &key);
        jr_space(r);
        if (r->bad || *r->p != ':') {
            r->bad = true;
            sb_free(&key);
            return;
        }
        r->p++;
        if (member)
            member(r, sb_str(&key), ctx);
        else
            jr_skip(r, depth + 1);
        sb_free(&key);
        jr_space(r);
        if (*r->p == ',') {
            r->p++;
            continue;
        }
        if (*r->p == '}') {
            r->p++;
            return;
        }
        r->bad = true;
    }
}

static void jr_skip(struct jr *r, int depth)
{
    jr_space(r);
    if (depth > 64) {
        r->bad = true;
    } else if (*r->p == '{') {
        jr_object(r, depth, NULL, NULL);
    } else if (*r->p == '[') {
        r->p++;
        jr_space(r);
        if (*r->p == ']') {
            r->p++;
            return;
        }
        while (!r->bad) {
            jr_skip(r, depth + 1);
            jr_space(r);
            if (*r->p == ',') {
                r->p++;
                continue;
            }
            if (*r->p == ']') {
                r->p++;
                return;
            }
            r->bad = true;
        }
    } else if (*r->p == '"') {
        jr_string(r, NULL);
    } else {
        while (*r->p && strchr("-+.0123456789eEtruefalsn", *r->p))
            r->p++;
    }
}

struct source_read {
    char digest[2 * SHA256_BYTES + 1];
    bool has_digest, is_export, has_source;
    struct export_file *files;
    size_t n;
    struct strbuf path, hash;   /* the file entry being read */
};

static void file_member(struct jr *r, const char *key, void *ctx)
{
    struct source_read *sr = ctx;
    if (strcmp(key, "path") == 0)
        jr_string(r, &sr->path);
    else if (strcmp(key, "sha256") == 0)
        jr_string(r, &sr->hash);
    else
        jr_skip(r, 3);
}

static void source_member(struct jr *r, const char *key, void *ctx)
{
    struct source_read *sr = ctx;
    if (strcmp(key, "sha256") == 0) {
        struct strbuf h = STRBUF_INIT;
        sb_adds(&h, "");
        if (jr_string(r, &h) && h.len == 2 * SHA256_BYTES && hex64(sb_str(&h))) {
            memcpy(sr->digest, sb_str(&h), sizeof sr->digest);
            sr->has_digest = true;
        }
        sb_free(&h);
        return;
    }
    if (strcmp(key, "files") != 0) {
        jr_skip(r, 2);
        return;
    }
    jr_space(r);
    if (*r->p != '[') {
        r->bad = true;
        return;
    }
    r->p++;
    jr_space(r);
    while (!r->bad && *r->p != ']') {
        sb_reset(&sr->path);
        sb_reset(&sr->hash);
        sb_adds(&sr->path, "");
        sb_adds(&sr->hash, "");
        jr_object(r, 3, file_member, sr);
        if (!r->bad && sr->hash.len == 2 * SHA256_BYTES && hex64(sb_str(&sr->hash)))
            files_add(&sr->files, &sr->n, sb_str(&sr->path), sr->path.len, sb_str(&sr->hash));
        jr_space(r);
        if (*r->p == ',')
            r->p++, jr_space(r);
        else if (*r->p != ']')
            r->bad = true;
    }
    if (*r->p == ']')
        r->p++;
}

static void top_member(struct jr *r, const char *key, void *ctx)
{
    struct source_read *sr = ctx;
    if (strcmp(key, "kijun_export") == 0) {
        sr->is_export = true;
        jr_skip(r, 1);
    } else if (strcmp(key, "source") == 0) {
        sr->has_source = true;
        jr_object(r, 1, source_member, sr);
    } else {
        jr_skip(r, 1);
    }
}

static bool parse_json_source(const char *t, char digest[2 * SHA256_BYTES + 1], struct export_file **files,
                              size_t *n)
{
    struct jr r = {t, false};
    struct source_read sr = {.path = STRBUF_INIT, .hash = STRBUF_INIT};
    if (!strncmp(r.p, "\xEF\xBB\xBF", 3)) /* a byte-order mark an editor added */
        r.p += 3;
    jr_object(&r, 0, top_member, &sr);
    sb_free(&sr.path);
    sb_free(&sr.hash);
    *files = sr.files;
    *n = sr.n;
    if (r.bad || !sr.is_export || !sr.has_source || !sr.has_digest)
        return false;
    memcpy(digest, sr.digest, sizeof sr.digest);
    return true;
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

