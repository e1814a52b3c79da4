/* csvimport: spreadsheet rows to a library file. */
#include "config.h"
#include "util/i18n.h"
#include "model/csvimport.h"
#include "model/record.h"
#include "model/standard.h"
#include "util/hmap.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

const char *const csvimport_columns[CSVIMPORT_COLUMNS] = {
    "id", "parent", "number", "title_ja", "title_en", "summary_ja", "summary_en", "maps",
};
enum { C_ID, C_PARENT, C_NUMBER, C_TITLE_JA, C_TITLE_EN, C_SUM_JA, C_SUM_EN, C_MAPS };

char *csvimport_item_id(const char *edition_id, const char *row_id)
{
    size_t n = strlen(edition_id);
    struct strbuf sb = STRBUF_INIT;
    if (strncmp(row_id, edition_id, n) == 0 && row_id[n] == '.')
        sb_adds(&sb, row_id);
    else
        sb_printf(&sb, "%s.%s", edition_id, row_id);
    return sb_take(&sb);
}

/* Leading and trailing blanks go (spaces, tabs, the ideographic space
 * U+3000): spreadsheets keep them invisibly. */
static bool blank_at(const char *s, size_t n, size_t *k)
{
    if (n >= 1 && (*s == ' ' || *s == '\t'))
        return (*k = 1), true;
    if (n >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0)
        return (*k = 3), true;
    return false;
}

static char *trimmed(const char *s)
{
    size_t n = strlen(s), k;
    while (blank_at(s, n, &k))
        s += k, n -= k;
    for (;;) {
        if (n >= 1 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
            n--;
        else if (n >= 3 && memcmp(s + n - 3, "\xE3\x80\x80", 3) == 0)
            n -= 3;
        else
            break;
    }
    return xstrndup(s, n);
}

/* The field checked: valid UTF-8, no control or invisible character
 * (line breaks become spaces where lines_ok). NULL with a finding. */
static char *clean_field(const struct csvimport_opts *o, int line, const char *col, const char *raw,
                         bool lines_ok, struct diag_list *dl)
{
    char *v = trimmed(raw); /* blanks around the text go before it is checked */
    char *t = NULL;
    size_t n = strlen(v), bad;
    if (!utf8_valid(v, n, &bad)) {
        diag_add(dl, DIAG_ERROR, o->file, line, _("column %s: invalid UTF-8 (byte 0x%02X)"), col,
                 (unsigned char)v[bad]);
        goto out;
    }
    if (n > CSVIMPORT_MAX_FIELD) {
        diag_add(dl, DIAG_ERROR, o->file, line, _("column %s: longer than %d bytes"), col,
                 CSVIMPORT_MAX_FIELD);
        goto out;
    }
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        bool ok;
        size_t k = utf8_decode(v + i, n - i, &cp, &ok);
        if (lines_ok && (cp == '\n' || cp == '\r')) {
            if (cp == '\n' || !(i + 1 < n && v[i + 1] == '\n'))
                sb_addc(&sb, ' ');
        } else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp_is_invisible_control(cp)) {
            diag_add(dl, DIAG_ERROR, o->file, line,
                     _("column %s: a control or invisible character (U+%04X)"), col, (unsigned)cp);
            sb_free(&sb);
            goto out;
        } else {
            sb_add(&sb, v + i, k);
        }
        i += k;
    }
    t = trimmed(sb_str(&sb));
    sb_free(&sb);
out:
    free(v);
    return t;
}

struct row {
    int line;
    int depth;
    char *f[CSVIMPORT_COLUMNS];
    char *id, *parent;
};

static void row_free(struct row *r)
{
    for (int i = 0; i < CSVIMPORT_COLUMNS; i++)
        free(r->f[i]);
    free(r->id);
    free(r->parent);
}

static bool blank_record(const struct csv_record *r)
{
    for (size_t i = 0; i < r->n; i++) {
        char *t = trimmed(r->fields[i]);
        bool empty = !*t;
        free(t);
        if (!empty)
            return false;
    }
    return true;
}

static bool check_header(const struct csv *csv, const struct csvimport_opts *o, struct diag_list *dl)
{
    const struct csv_record *h = csv->n ? &csv->v[0] : NULL;
    bool ok = h && h->n == CSVIMPORT_COLUMNS;
    for (size_t i = 0; ok && i < CSVIMPORT_COLUMNS; i++) {
        char *t = trimmed(h->fields[i]);
        ok = strcmp(t, csvimport_columns[i]) == 0;
        free(t);
    }
    if (!ok)
        diag_add(dl, DIAG_ERROR, o->file, h ? h->line : 1,
                 _("the first row must name the columns: "
                   "id,parent,number,title_ja,title_en,summary_ja,summary_en,maps"));
    return ok;
}

/* An option's text checked as a cell is: valid UTF-8, no control or
 * invisible character, no longer than a cell. */
static bool clean_opt(const char *name, const char *v, struct diag_list *dl)
{
    size_t n = strlen(v), bad;
    if (!utf8_valid(v, n, &bad)) {
        diag_add(dl, DIAG_ERROR, NULL, 0, _("%s: invalid UTF-8 (byte 0x%02X)"), name,
                 (unsigned char)v[bad]);
        return false;
    }
    if (n > CSVIMPORT_MAX_FIELD) {
        diag_add(dl, DIAG_ERROR, NULL, 0, _("%s: longer than %d bytes"), name, CSVIMPORT_MAX_FIELD);
        return false;
    }
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        bool ok;
        i += utf8_decode(v + i, n - i, &cp, &ok);
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp_is_invisible_control(cp)) {
            diag_add(dl, DIAG_ERROR, NULL, 0, _("%s: a control or invisible character (U+%04X)"),
                     name, (unsigned)cp);
            return false;
        }
    }
    return true;
}

static bool check_opts(const struct csvimport_opts *o, const struct gl_set *set, struct diag_list *dl)
{
    bool ok = true;
    if (!userlib_id_ok(o->id)) {
        char *safe = utf8_sanitize(o->id, strlen(o->id), false);
        diag_add(dl, DIAG_ERROR, NULL, 0,
                 _("--id '%s' must be 1-64 ASCII letters, digits, '.', '-' or '_', not starting with '.'"),
                 safe);
        free(safe);
        ok = false;
    } else if (gl_edition_find(set, o->id)) {
        diag_add(dl, DIAG_ERROR, NULL, 0, _("--id '%s' is already an edition's id (%s)"), o->id,
                 gl_edition_find(set, o->id)->file);
        ok = false;
    } else if (gl_node_find(set, o->id)) {
        diag_add(dl, DIAG_ERROR, NULL, 0, _("--id '%s' is already an item's id (%s): ids must be new"),
                 o->id, gl_node_find(set, o->id)->edition->file);
        ok = false;
    }
    if (!o->issuer || !*o->issuer) {
        diag_add(dl, DIAG_ERROR, NULL, 0, "%s", _("--issuer NAME is needed: who issued it"));
        ok = false;
    } else {
        ok &= clean_opt("--issuer", o->issuer, dl);
    }
    if (!o->date) {
        diag_add(dl, DIAG_ERROR, NULL, 0, "%s", _("--date is needed as YYYY, YYYY-MM or YYYY-MM-DD"));
        ok = false;
    } else if (!edition_date_valid(o->date)) {
        char *safe = utf8_sanitize(o->date, strlen(o->date), false);
        diag_add(dl, DIAG_ERROR, NULL, 0, _("--date '%s' is not a date: give YYYY, YYYY-MM or YYYY-MM-DD"),
                 safe);
        free(safe);
        ok = false;
    }
    if (o->status && status_parse(o->status) < 0) {
        char *safe = utf8_sanitize(o->status, strlen(o->status), false);
        diag_add(dl, DIAG_ERROR, NULL, 0, _("--status '%s' is not a status of the library format"), safe);
        free(safe);
        ok = false;
    }
    if (o->title)
        ok &= clean_opt("--title", o->title, dl);
    return ok;
}

/* One row checked into r; false with findings. */
static bool read_row(const struct csv_record *rec, const struct csvimport_opts *o,
                     const struct gl_set *set, struct hmap *ids, struct row *rows, size_t nrows,
                     struct row *r, struct diag_list *dl)
{
    memset(r, 0, sizeof *r);
    r->line = rec->line;
    if (rec->n != CSVIMPORT_COLUMNS) {
        diag_add(dl, DIAG_ERROR, o->file, r->line, _("%zu columns; expected %d"), rec->n,
                 CSVIMPORT_COLUMNS);
        return false;
    }
    bool ok = true;
    for (int i = 0; i < CSVIMPORT_COLUMNS; i++) {
        r->f[i] = clean_field(o, r->line, csvimport_columns[i], rec->fields[i],
                              i == C_SUM_JA || i == C_SUM_EN, dl);
        ok &= r->f[i] != NULL;
    }
    if (!ok) { /* its id still defines it for the rows below (their parent) */
        if (r->f[C_ID] && *r->f[C_ID])
            r->id = csvimport_item_id(o->id, r->f[C_ID]);
        return false;
    }
    if (!*r->f[C_ID]) {
        diag_add(dl, DIAG_ERROR, o->file, r->line, "%s", _("no id"));
        return false;
    }
    r->id = csvimport_item_id(o->id, r->f[C_ID]);
    size_t prev;
    if (!id_syntax_ok(r->id, 128)) {
        diag_add(dl, DIAG_ERROR, o->file, r->line,
                 _("id '%s' must be ASCII letters, digits, '.', '-' or '_' (128 at most with the prefix)"),
                 r->f[C_ID]);
        ok = false;
    } else if (hmap_get(ids, r->id, &prev)) {
        diag_add(dl, DIAG_ERROR, o->file, r->line, _("id '%s' is also on line %d"), r->f[C_ID],
                 rows[prev].line);
        ok = false;
    } else if (gl_edition_find(set, r->id)) {
        diag_add(dl, DIAG_ERROR, o->file, r->line, _("id '%s' is already an edition's id: ids must be new"),
                 r->id);
        ok = false;
    } else if (gl_node_find(set, r->id)) {
        diag_add(dl, DIAG_ERROR, o->file, r->line, _("id '%s' is already used by %s"), r->id,
                 gl_node_find(set, r->id)->edition->file);
        ok = false;
    }
    if (*r->f[C_PARENT]) {
        r->parent = csvimport_item_id(o->id, r->f[C_PARENT]);
        if (!hmap_get(ids, r->parent, &prev)) {
            diag_add(dl, DIAG_ERROR, o->file, r->line,
                     _("parent '%s' is not the id of a row above"), r->f[C_PARENT]);
            ok = false;
        } else if ((r->depth = rows[prev].depth + 1) >= GL_MAX_DEPTH) {
            diag_add(dl, DIAG_ERROR, o->file, r->line, _("nested deeper than %d levels"), GL_MAX_DEPTH);
            ok = false;
        }
    }
    if (!*r->f[C_TITLE_JA] && !*r->f[C_TITLE_EN]) {
        diag_add(dl, DIAG_ERROR, o->file, r->line, "%s", _("no title: give title_ja or title_en"));
        ok = false;
    }
    /* maps: Guideline items, separated by ';', each once */
    struct hmap seen = {.owns_keys = true};
    char *m = r->f[C_MAPS];
    for (char *p = m; *p;) {
        char *e = strchr(p, CSVIMPORT_MAPS_SEP);
        char *piece = e ? xstrndup(p, (size_t)(e - p)) : xstrdup(p);
        char *one = trimmed(piece);
        free(piece);
        const struct gl_node *t = *one ? gl_node_find(set, one) : NULL;
        if (*one && !t) {
            diag_add(dl, DIAG_ERROR, o->file, r->line, _("maps to '%s', which no edition has"), one);
            ok = false;
        } else if (t && t->edition->kind != KIND_EDITION) {
            diag_add(dl, DIAG_ERROR, o->file, r->line,
                     _("maps to '%s', an item of %s, not of the Guideline (maps name Guideline items only)"),
                     one, t->edition->file ? t->edition->file : t->edition->id);
            ok = false;
        } else if (t && hmap_get(&seen, one, NULL)) {
            diag_add(dl, DIAG_ERROR, o->file, r->line, _("maps names '%s' twice"), one);
            ok = false;
        } else if (t) {
            hmap_put(&seen, one, 0, NULL);
        }
        free(one);
        if (!e)
            break;
        p = e + 1;
    }
    hmap_free(&seen);
    (void)nrows;
    return ok;
}

/* A libconfig string literal (the text is already clean). */
static void put_str(struct strbuf *sb, const char *s)
{
    sb_addc(sb, '"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            sb_addc(sb, '\\');
        sb_addc(sb, *s);
    }
    sb_addc(sb, '"');
}

/* { ja = ...; en = ...; }: a text given in one language only is used
 * for both (the format needs both). */
static void put_text(struct strbuf *sb, const char *ja, const char *en)
{
    sb_adds(sb, "{ ja = ");
    put_str(sb, *ja ? ja : en);
    sb_adds(sb, "; en = ");
    put_str(sb, *en ? en : ja);
    sb_adds(sb, "; }");
}

static void put_file(struct strbuf *out, const struct csvimport_opts *o, struct row *rows, size_t n)
{
    const char *title = o->title && *o->title ? o->title : o->id;
    sb_printf(out, "# kijun library: %s, imported by kijun import from a spreadsheet\n"
                   "# (format: kijun(5)).\nkijun_library = 1;\n\nedition = {\n  id = ",
              kind_code(o->kind));
    put_str(out, o->id);
    sb_adds(out, ";\n  kind = ");
    put_str(out, kind_code(o->kind));
    sb_adds(out, ";\n  title = ");
    put_text(out, title, title);
    sb_adds(out, ";\n  label = ");
    put_text(out, title, title);
    sb_adds(out, ";\n  issuer = ");
    put_str(out, o->issuer);
    sb_adds(out, ";\n  date = ");
    put_str(out, o->date);
    sb_adds(out, ";\n  status = ");
    put_str(out, o->status ? o->status : "in-force");
    sb_adds(out, ";\n  source = ");
    char *src = utf8_sanitize(o->source, strlen(o->source), false);
    struct strbuf s = STRBUF_INIT;
    sb_printf(&s, "imported from %s", src);
    put_str(out, sb_str(&s));
    sb_free(&s);
    free(src);
    sb_adds(out, ";\n};\n\nnodes = (\n");
    for (size_t i = 0; i < n; i++) {
        struct row *r = &rows[i];
        sb_adds(out, "  { id = ");
        put_str(out, r->id);
        sb_adds(out, ";\n    parent = ");
        put_str(out, r->parent ? r->parent : "");
        sb_adds(out, ";\n    number = ");
        put_str(out, r->f[C_NUMBER]);
        sb_adds(out, ";\n    title = ");
        put_text(out, r->f[C_TITLE_JA], r->f[C_TITLE_EN]);
        sb_adds(out, ";\n");
        if (*r->f[C_SUM_JA] || *r->f[C_SUM_EN]) {
            sb_adds(out, "    summary = ");
            put_text(out, r->f[C_SUM_JA], r->f[C_SUM_EN]);
            sb_adds(out, ";\n");
        }
        const char *sep = "    maps = [ ";
        bool any = false;
        for (char *p = r->f[C_MAPS]; *p;) {
            char *e = strchr(p, CSVIMPORT_MAPS_SEP);
            char *piece = e ? xstrndup(p, (size_t)(e - p)) : xstrdup(p);
            char *one = trimmed(piece);
            if (*one) {
                sb_adds(out, sep);
                put_str(out, one);
                sep = ", ";
                any = true;
            }
            free(one);
            free(piece);
            if (!e)
                break;
            p = e + 1;
        }
        if (any)
            sb_adds(out, " ];\n");
        sb_printf(out, "    source = \"row %d\";\n  }%s\n", r->line, i + 1 < n ? "," : "");
    }
    sb_adds(out, ");\n");
}

bool csvimport_make(const struct csv *csv, const struct gl_set *set,
                    const struct csvimport_opts *o, struct strbuf *out, struct diag_list *dl)
{
    size_t before = diag_count(dl, DIAG_ERROR);
    bool ok = check_opts(o, set, dl);
    struct csvimport_opts good = *o;
    if (!userlib_id_ok(o->id)) /* said once above; the rows are checked with a stand-in */
        good.id = "id";
    o = &good;
    if (!check_header(csv, o, dl))
        return false;
    if (csv->n - 1 > CSVIMPORT_MAX_ROWS) {
        diag_add(dl, DIAG_ERROR, o->file, 0, _("more than %d rows"), CSVIMPORT_MAX_ROWS);
        return false;
    }
    struct row *rows = xcalloc(csv->n, sizeof *rows);
    size_t n = 0;
    struct hmap ids = {.owns_keys = true};
    for (size_t i = 1; i < csv->n; i++) {
        if (blank_record(&csv->v[i]))
            continue;
        struct row *r = &rows[n];
        if (read_row(&csv->v[i], o, set, &ids, rows, n, r, dl)) {
            hmap_put(&ids, r->id, n, NULL);
            n++;
        } else {
            /* a good id still counts, so that its children are not all reported */
            if (r->id && id_syntax_ok(r->id, 128))
                hmap_put(&ids, r->id, n, NULL);
            row_free(r);
            memset(r, 0, sizeof *r);
            r->line = csv->v[i].line;
            n++;
            ok = false;
        }
    }
    if (ok && n == 0) {
        diag_add(dl, DIAG_ERROR, o->file, 0, "%s", _("no rows below the column names"));
        ok = false;
    }
    ok = ok && diag_count(dl, DIAG_ERROR) == before;
    if (ok)
        put_file(out, o, rows, n);
    for (size_t i = 0; i < n; i++)
        row_free(&rows[i]);
    free(rows);
    hmap_free(&ids);
    return ok;
}
