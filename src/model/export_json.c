/* export_json: the workspace as JSON, and its JSON Schema, both made from
 * the field tables of model/schema.h: a field added there is exported
 * and described without a line here. */
#include "config.h"
#include "model/export.h"
#include "model/findings.h"
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

/* A JSON string: quotes, backslashes and every control character escaped,
 * and U+2028/U+2029 (line breaks to JavaScript); other text as it is.
 * Bytes that are no UTF-8 become U+FFFD. */
static void json_str(struct strbuf *out, const char *s)
{
    sb_addc(out, '"');
    size_t n = strlen(s), i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (c == '"' || c == '\\')
                sb_addc(out, '\\'), sb_addc(out, (char)c);
            else if (c == '\n')
                sb_adds(out, "\\n");
            else if (c == '\t')
                sb_adds(out, "\\t");
            else if (c < 0x20 || c == 0x7f)
                sb_printf(out, "\\u%04x", c);
            else
                sb_addc(out, (char)c);
            i++;
            continue;
        }
        uint32_t cp;
        bool ok;
        size_t len = utf8_decode(s + i, n - i, &cp, &ok);
        if (!ok)
            sb_adds(out, "\\ufffd");
        else if (cp == 0x2028 || cp == 0x2029)
            sb_printf(out, "\\u%04x", (unsigned)cp);
        else
            sb_add(out, s + i, len);
        i += len ? len : 1;
    }
    sb_addc(out, '"');
}

/* Indentation and commas of a pretty printer with one member per line. */
struct jw {
    struct strbuf *out;
    int depth;
    bool first;   /* no member yet at this depth */
};

static void jw_indent(struct jw *w)
{
    sb_addc(w->out, '\n');
    for (int i = 0; i < w->depth; i++)
        sb_adds(w->out, "  ");
}

/* Before a member: the comma, the line, and its key (NULL in an array). */
static void jw_key(struct jw *w, const char *key)
{
    if (!w->first)
        sb_addc(w->out, ',');
    w->first = false;
    jw_indent(w);
    if (key) {
        json_str(w->out, key);
        sb_adds(w->out, ": ");
    }
}

static void jw_open(struct jw *w, const char *key, char bracket)
{
    jw_key(w, key);
    sb_addc(w->out, bracket);
    w->depth++;
    w->first = true;
}

static void jw_close(struct jw *w, char bracket)
{
    w->depth--;
    if (!w->first)
        jw_indent(w);
    sb_addc(w->out, bracket);
    w->first = false;
}

static void jw_str(struct jw *w, const char *key, const char *s)
{
    jw_key(w, key);
    json_str(w->out, s ? s : "");
}

static void jw_int(struct jw *w, const char *key, long long i)
{
    jw_key(w, key);
    sb_printf(w->out, "%lld", i);
}

static void jw_bool(struct jw *w, const char *key, bool b)
{
    jw_key(w, key);
    sb_adds(w->out, b ? "true" : "false");
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

/* --- the JSON Schema --------------------------------------------------------- */

/* A value is exported as it was read, in its field's type: one off its
 * range, its list or the calendar is a finding (in "findings"), so the
 * schema states those as annotations (the range in words, "examples",
 * "format") rather than as conditions. */
static void js_field(struct jw *w, const struct field_def *f)
{
    jw_open(w, f->key, '{');
    if (f->type == F_INT) {
        char d[300];
        snprintf(d, sizeof d, "%s (%lld to %lld)", f->help, f->lo, f->hi);
        jw_str(w, "description", d);
    } else {
        jw_str(w, "description", f->help);
    }
    switch (f->type) {
    case F_INT: jw_str(w, "type", "integer"); break;
    case F_DATE:
        jw_str(w, "type", "string");
        jw_str(w, "format", "date");
        break;
    case F_BOOL: jw_str(w, "type", "boolean"); break;
    case F_ENUM:
        jw_str(w, "type", "string");
        jw_open(w, "examples", '[');
        for (const char *const *v = f->values; *v; v++)
            jw_str(w, NULL, *v);
        jw_close(w, ']');
        break;
    case F_REFLIST:
    case F_STRLIST:
        jw_str(w, "type", "array");
        jw_open(w, "items", '{');
        jw_str(w, "type", "string");
        jw_close(w, '}');
        break;
    default: jw_str(w, "type", "string"); break;
    }
    jw_close(w, '}');
}

/* The schema of a record of def (with the risk's computed values). */
static void js_record(struct jw *w, const char *key, const struct coll_def *def, bool computed)
{
    jw_open(w, key, '{');
    jw_str(w, "type", "object");
    jw_str(w, "description", def->label);
    jw_open(w, "properties", '{');
    if (def->has_id) {
        jw_open(w, "id", '{');
        jw_str(w, "type", "string");
        jw_close(w, '}');
    }
    for (size_t i = 0; i < def->nfields; i++)
        js_field(w, &def->fields[i]);
    if (computed) {
        jw_open(w, "computed", '{');
        jw_str(w, "$ref", "#/$defs/computed");
        jw_close(w, '}');
    }
    jw_close(w, '}');
    if (def->has_id) {
        jw_open(w, "required", '[');
        jw_str(w, NULL, "id");
        jw_close(w, ']');
    }
    jw_bool(w, "additionalProperties", false);
    jw_close(w, '}');
}

static void js_array(struct jw *w, const char *key, const char *def_name)
{
    char ref[80];
    snprintf(ref, sizeof ref, "#/$defs/%s", def_name);
    jw_open(w, key, '{');
    jw_str(w, "type", "array");
    jw_open(w, "items", '{');
    jw_str(w, "$ref", ref);
    jw_close(w, '}');
    jw_close(w, '}');
}

static void js_ref(struct jw *w, const char *key, const char *def_name)
{
    char ref[80];
    snprintf(ref, sizeof ref, "#/$defs/%s", def_name);
    jw_open(w, key, '{');
    jw_str(w, "$ref", ref);
    jw_close(w, '}');
}

static void js_type(struct jw *w, const char *key, const char *type)
{
    jw_open(w, key, '{');
    jw_str(w, "type", type);
    jw_close(w, '}');
}

/* The end of an object's schema: the properties required, no other. */
static void js_closed(struct jw *w, const char *const *required)
{
    jw_open(w, "required", '[');
    for (const char *const *r = required; *r; r++)
        jw_str(w, NULL, *r);
    jw_close(w, ']');
    jw_bool(w, "additionalProperties", false);
}

void export_json_schema(struct strbuf *out)
{
    struct jw w = {out, 1, true};
    sb_adds(out, "{");
    jw_str(&w, "$schema", "https://json-schema.org/draft/2020-12/schema");
    jw_str(&w, "$id", "https://kijun.invalid/export-1.schema.json");
    jw_str(&w, "title", "kijun export, version 1");
    jw_str(&w, "description", "The workspace as kijun export --format json writes it (man/kijun.5); "
                              "made from kijun's field tables.");
    jw_str(&w, "type", "object");
    jw_open(&w, "properties", '{');
    jw_open(&w, "kijun_export", '{');
    jw_int(&w, "const", EXPORT_JSON_VERSION);
    jw_close(&w, '}');
    js_ref(&w, "source", "source");
    jw_open(&w, "profile", '{');
    jw_str(&w, "type", "object");
    jw_open(&w, "properties", '{');
    js_ref(&w, profile_org_def.key, profile_org_def.key);
    js_ref(&w, profile_criteria_def.key, profile_criteria_def.key);
    for (int c = 0; c < COLL__COUNT; c++)
        js_array(&w, profile_coll_defs[c]->key, profile_coll_defs[c]->key);
    jw_close(&w, '}');
    {
        static const char *const req[] = {"organisation", "criteria", "roles", "governance", "services",
                                          "operations", "resources", "impact", "likelihood", NULL};
        js_closed(&w, req);
    }
    jw_close(&w, '}');
    jw_open(&w, "checklist", '{');
    jw_str(&w, "type", "object");
    jw_open(&w, "properties", '{');
    js_array(&w, checklist_def.key, "checklist_items");
    jw_close(&w, '}');
    {
        static const char *const req[] = {"items", NULL};
        js_closed(&w, req);
    }
    jw_close(&w, '}');
    js_array(&w, "rounds", "assessment_round");
    js_array(&w, "findings", "finding");
    jw_close(&w, '}');
    {
        static const char *const req[] = {"kijun_export", "source", "profile", "checklist", "rounds",
                                          "findings", NULL};
        js_closed(&w, req);
    }
    jw_open(&w, "$defs", '{');
    /* the source */
    jw_open(&w, "source", '{');
    jw_str(&w, "type", "object");
    jw_open(&w, "properties", '{');
    js_type(&w, "workspace", "string");
    js_type(&w, "round", "string");
    js_type(&w, "kijun", "string");
    js_type(&w, "exported_at", "string");
    jw_open(&w, "files", '{');
    jw_str(&w, "type", "array");
    jw_open(&w, "items", '{');
    jw_str(&w, "type", "object");
    jw_open(&w, "properties", '{');
    js_type(&w, "path", "string");
    jw_open(&w, "sha256", '{');
    jw_str(&w, "type", "string");
    jw_str(&w, "pattern", "^[0-9a-f]{64}$");
    jw_close(&w, '}');
    jw_close(&w, '}');
    {
        static const char *const req[] = {"path", "sha256", NULL};
        js_closed(&w, req);
    }
    jw_close(&w, '}');
    jw_close(&w, '}');
    jw_open(&w, "sha256", '{');
    jw_str(&w, "type", "string");
    jw_str(&w, "pattern", "^[0-9a-f]{64}$");
    jw_close(&w, '}');
    jw_close(&w, '}');
    {
        static const char *const req[] = {"workspace", "kijun", "files", "sha256", NULL};
        js_closed(&w, req);
    }
    jw_close(&w, '}');
    /* the records */
    js_record(&w, profile_org_def.key, &profile_org_def, false);
    js_record(&w, profile_criteria_def.key, &profile_criteria_def, false);
    for (int c = 0; c < COLL__COUNT; c++)
        js_record(&w, profile_coll_defs[c]->key, profile_coll_defs[c], false);
    js_record(&w, "checklist_items", &checklist_def, false);
    js_record(&w, "round_head", &round_head_def, false);
    for (int c = 0; c < RC__COUNT; c++) {
        char name[80];
        snprintf(name, sizeof name, "round_%s", round_coll_defs[c]->key);
        js_record(&w, name, round_coll_defs[c], c == RC_RISKS);
    }
    /* a round */
    jw_open(&w, "assessment_round", '{');
    jw_str(&w, "type", "object");
    jw_open(&w, "properties", '{');
    js_type(&w, "name", "string");
    js_ref(&w, round_head_def.key, "round_head");
    for (int c = 0; c < RC__COUNT; c++) {
        char name[80];
        snprintf(name, sizeof name, "round_%s", round_coll_defs[c]->key);
        js_array(&w, round_coll_defs[c]->key, name);
    }
    jw_close(&w, '}');
    {
        const char *req[RC__COUNT + 3] = {"name", "round"};
        for (int c = 0; c < RC__COUNT; c++)
            req[2 + c] = round_coll_defs[c]->key;
        js_closed(&w, req);
    }
    jw_close(&w, '}');
    /* a risk's computed values */
    jw_open(&w, "computed", '{');
    jw_str(&w, "type", "object");
    jw_open(&w, "properties", '{');
    js_type(&w, "inherent_value", "integer");
    js_type(&w, "residual_value", "integer");
    jw_open(&w, "inherent_band", '{');
    jw_str(&w, "$ref", "#/$defs/band");
    jw_close(&w, '}');
    jw_open(&w, "band", '{');
    jw_str(&w, "$ref", "#/$defs/band");
    jw_close(&w, '}');
    js_type(&w, "over_threshold", "boolean");
    jw_close(&w, '}');
    {
        static const char *const req[] = {"band", "over_threshold", NULL};
        js_closed(&w, req);
    }
    jw_close(&w, '}');
    jw_open(&w, "band", '{');
    jw_open(&w, "enum", '[');
    for (int b = 0; b < BAND__COUNT; b++)
        jw_str(&w, NULL, band_name((enum band)b));
    jw_close(&w, ']');
    jw_close(&w, '}');
    /* a finding */
    jw_open(&w, "finding", '{');
    jw_str(&w, "type", "object");
    jw_open(&w, "properties", '{');
    jw_open(&w, "severity", '{');
    jw_open(&w, "enum", '[');
    jw_str(&w, NULL, "error");
    jw_str(&w, NULL, "warning");
    jw_close(&w, ']');
    jw_close(&w, '}');
    js_type(&w, "file", "string");
    jw_open(&w, "line", '{');
    jw_str(&w, "type", "integer");
    jw_int(&w, "minimum", 1);
    jw_close(&w, '}');
    js_type(&w, "text", "string");
    jw_close(&w, '}');
    {
        static const char *const req[] = {"severity", "file", "text", NULL};
        js_closed(&w, req);
    }
    jw_close(&w, '}');
    jw_close(&w, '}');
    sb_adds(out, "\n}\n");
}
