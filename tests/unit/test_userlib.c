/* Unit tests: the user's library (store/libuser), the coverage of the
 * Guideline by standards (model/standard), CSV (util/csv) and the import
 * of a spreadsheet (model/csvimport). */
#include "model/csvimport.h"
#include "model/standard.h"
#include "store/libload.h"
#include "store/libuser.h"
#include "util/csv.h"
#include "util/xalloc.h"
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static struct library *shipped(void)
{
    struct diag_list dl = {0};
    struct library *lib = library_load(TEST_DATADIR, &dl);
    cr_assert_not_null(lib);
    diag_clear(&dl);
    return lib;
}

static char tmp[64];

static void mktmp(void)
{
    snprintf(tmp, sizeof tmp, "/tmp/kijun-userlib-XXXXXX");
    cr_assert_not_null(mkdtemp(tmp));
}

static void rmtmp(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    cr_assert_eq(system(cmd), 0);
}

static char *write_file(const char *dir, const char *name, const char *text)
{
    char *p = xcalloc(strlen(dir) + strlen(name) + 2, 1);
    sprintf(p, "%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
    return p;
}

/* A library file: the edition id, its kind and the node lines. */
static char *lib_text(const char *id, const char *kind, const char *nodes)
{
    char *s = xcalloc(4096 + strlen(nodes), 1);
    sprintf(s, "kijun_library = 1;\nedition = {\n  id = \"%s\";\n  kind = \"%s\";\n"
               "  title = { ja = \"t\"; en = \"t\"; };\n  label = { ja = \"%s\"; en = \"%s\"; };\n"
               "  issuer = \"someone\";\n  date = \"2025\";\n  status = \"in-force\";\n};\n"
               "nodes = (\n%s\n);\n", id, kind, id, id, nodes);
    return s;
}

static bool has_diag(const struct diag_list *dl, const char *file, int line, const char *text)
{
    for (size_t i = 0; i < dl->n; i++)
        if ((!file || (dl->v[i].file && strcmp(dl->v[i].file, file) == 0)) && dl->v[i].line == line
            && strstr(dl->v[i].text, text))
            return true;
    for (size_t i = 0; i < dl->n; i++) {
        char *s = diag_format(&dl->v[i]);
        cr_log_error("got: %s", s);
        free(s);
    }
    return false;
}

/* --- the folders ------------------------------------------------------ */

Test(userlib, folders_follow_xdg_then_home)
{
    setenv("XDG_DATA_HOME", "/x/data", 1);
    char *d = userlib_dir();
    cr_assert_str_eq(d, "/x/data/kijun/library");
    free(d);
    setenv("XDG_DATA_HOME", "relative", 1); /* invalid per the spec: ignored */
    setenv("HOME", "/home/u", 1);
    d = userlib_dir();
    cr_assert_str_eq(d, "/home/u/.local/share/kijun/library");
    free(d);
    unsetenv("XDG_DATA_HOME");
    d = userlib_dir();
    cr_assert_str_eq(d, "/home/u/.local/share/kijun/library");
    free(d);
    d = userlib_ws_dir("/w");
    cr_assert_str_eq(d, "/w/library");
    free(d);
}

Test(userlib, a_file_in_each_folder_loads_with_its_kind, .init = mktmp, .fini = rmtmp)
{
    char xdg[128], ws[128], cmd[300];
    snprintf(xdg, sizeof xdg, "%s/xdg", tmp);
    snprintf(ws, sizeof ws, "%s/ws", tmp);
    snprintf(cmd, sizeof cmd, "mkdir -p %s/kijun/library %s/library", xdg, ws);
    cr_assert_eq(system(cmd), 0);
    setenv("XDG_DATA_HOME", xdg, 1);
    char *dir = userlib_dir();
    char *t1 = lib_text("mine", "edition", "{ id = \"mine.1\"; parent = \"\"; number = \"1\"; title = { ja = \"a\"; en = \"a\"; }; }");
    char *t2 = lib_text("team", "sector-standard", "{ id = \"team.1\"; parent = \"\"; number = \"1\"; title = { ja = \"b\"; en = \"b\"; }; maps = [ \"v5.II\" ]; }");
    char *p2dir = userlib_ws_dir(ws);
    free(write_file(dir, "mine.cfg", t1));
    free(write_file(p2dir, "team.cfg", t2));
    free(write_file(p2dir, "notes.txt", "not a library file"));
    struct library *lib = shipped();
    size_t before = lib->gl.n;
    struct diag_list dl = {0};
    cr_assert_eq(userlib_load(lib, ws, &dl), 2);
    cr_assert_eq(dl.n, 0);
    cr_assert_eq(lib->gl.n, before + 2);
    const struct gl_edition *m = gl_edition_find(&lib->gl, "mine"), *t = gl_edition_find(&lib->gl, "team");
    cr_assert(m && t && m->user && t->user);
    cr_assert_eq(m->kind, KIND_EDITION);
    cr_assert_eq(t->kind, KIND_SECTOR_STANDARD);
    cr_assert_str_eq(t->issuer, "someone");
    /* after the shipped editions, linked: the map resolves */
    cr_assert_eq(lib->gl.editions[lib->gl.n - 1]->user, true);
    cr_assert_eq(lib->gl.editions[0]->user, false);
    const struct gl_node *n = gl_node_find(&lib->gl, "team.1");
    cr_assert_not_null(n);
    cr_assert_eq(n->map_nodes[0], gl_node_find(&lib->gl, "v5.II"));
    userlib_unload(lib);
    cr_assert_eq(lib->gl.n, before);
    cr_assert_null(gl_node_find(&lib->gl, "team.1"));
    library_free(lib);
    free(t1);
    free(t2);
    free(dir);
    free(p2dir);
}

Test(userlib, bad_files_are_findings_and_the_rest_loads, .init = mktmp, .fini = rmtmp)
{
    char *good = lib_text("good", "internal-rule", "{ id = \"good.1\"; parent = \"\"; number = \"\"; title = { ja = \"a\"; en = \"a\"; }; maps = [ \"v5.II\", \"v5.nope\" ]; }");
    char *dupfile = lib_text("dup", "internal-rule",
                             "{ id = \"dup.1\"; parent = \"\"; number = \"\"; title = { ja = \"a\"; en = \"a\"; }; },\n"
                             "{ id = \"dup.1\"; parent = \"\"; number = \"\"; title = { ja = \"b\"; en = \"b\"; }; }");
    char *shipdup = lib_text("v5", "edition", "{ id = \"v5.II\"; parent = \"\"; number = \"\"; title = { ja = \"a\"; en = \"a\"; }; }");
    char *nodedup = lib_text("other", "edition", "{ id = \"good.1\"; parent = \"\"; number = \"\"; title = { ja = \"a\"; en = \"a\"; }; }");
    char *badtype = lib_text("typed", "internal-rule", "{ id = \"typed.1\"; parent = \"\"; number = 3; title = { ja = \"a\"; en = \"a\"; }; }");
    char *badkind = lib_text("kinded", "rulebook", "{ id = \"kinded.1\"; parent = \"\"; number = \"\"; title = { ja = \"a\"; en = \"a\"; }; }");
    char *p[6];
    p[0] = write_file(tmp, "a-good.cfg", good);
    p[1] = write_file(tmp, "b-dup.cfg", dupfile);
    p[2] = write_file(tmp, "c-shipdup.cfg", shipdup);
    p[3] = write_file(tmp, "d-nodedup.cfg", nodedup);
    p[4] = write_file(tmp, "e-type.cfg", badtype);
    p[5] = write_file(tmp, "f-kind.cfg", badkind);
    /* invalid UTF-8, a link, a huge file */
    char *u = write_file(tmp, "g-utf8.cfg", "kijun_library = 1;\n# \xff\xfe\n");
    char link[128], huge[128];
    snprintf(link, sizeof link, "%s/h-link.cfg", tmp);
    cr_assert_eq(symlink(p[0], link), 0);
    snprintf(huge, sizeof huge, "%s/i-huge.cfg", tmp);
    FILE *f = fopen(huge, "w");
    fseek(f, LIBRARY_MAX_FILE + 10, SEEK_SET);
    fputc('\n', f);
    fclose(f);
    struct library *lib = shipped();
    size_t before = lib->gl.n;
    struct diag_list dl = {0};
    cr_assert_eq(userlib_load_dir(lib, tmp, true, NULL, &dl), 1);
    cr_assert_eq(lib->gl.n, before + 1);
    cr_assert_not_null(gl_edition_find(&lib->gl, "good"));
    cr_assert(has_diag(&dl, p[0], 12, "maps to 'v5.nope', which no edition has"));
    cr_assert(has_diag(&dl, p[1], 13, "id 'dup.1' is used twice in this file (first at line 12)"));
    cr_assert(has_diag(&dl, p[2], 2, "edition id 'v5' is already used by"));
    cr_assert(has_diag(&dl, p[2], 12, "id 'v5.II' is already used by"));
    cr_assert(has_diag(&dl, p[3], 12, "id 'good.1' is already used by"));
    cr_assert(has_diag(&dl, p[4], 12, "'number'"));
    cr_assert(has_diag(&dl, p[5], 4, "'kind' is 'rulebook'"));
    cr_assert(has_diag(&dl, u, 2, "invalid UTF-8"));
    cr_assert(has_diag(&dl, link, 0, "symbolic link"));
    cr_assert(has_diag(&dl, huge, 0, ""));
    cr_assert(has_diag(&dl, p[1], 0, "this file is not loaded; the rest of the library is loaded"));
    diag_clear(&dl);
    /* the shipped editions are as they were */
    cr_assert_not_null(gl_node_find(&lib->gl, "v5.II"));
    cr_assert_eq(gl_node_find(&lib->gl, "v5.II")->edition, gl_edition_find(&lib->gl, "v5"));
    library_free(lib);
    for (int i = 0; i < 6; i++)
        free(p[i]);
    free(u);
    free(good), free(dupfile), free(shipdup), free(nodedup), free(badtype), free(badkind);
}

Test(userlib, a_file_without_issuer_is_refused, .init = mktmp, .fini = rmtmp)
{
    char *p = write_file(tmp, "x.cfg",
                         "kijun_library = 1;\nedition = { id = \"x\"; title = { ja = \"t\"; en = \"t\"; };\n"
                         "label = { ja = \"t\"; en = \"t\"; }; date = \"2025\"; status = \"draft\"; };\n"
                         "nodes = ( { id = \"x.1\"; parent = \"\"; number = \"\"; title = { ja = \"a\"; en = \"a\"; }; } );\n");
    struct library *lib = shipped();
    struct diag_list dl = {0};
    cr_assert_not(userlib_load_file(lib, p, &dl));
    cr_assert(has_diag(&dl, p, 2, "missing setting 'issuer'"));
    cr_assert_null(gl_edition_find(&lib->gl, "x"));
    diag_clear(&dl);
    library_free(lib);
    free(p);
}

Test(userlib, without_kind_a_file_is_an_edition, .init = mktmp, .fini = rmtmp)
{
    char *p = write_file(tmp, "x.cfg",
                         "kijun_library = 1;\nedition = { id = \"x\"; title = { ja = \"t\"; en = \"t\"; };\n"
                         "label = { ja = \"t\"; en = \"t\"; }; issuer = \"me\"; date = \"2026-09\"; status = \"draft\"; };\n"
                         "nodes = ( { id = \"x.1\"; parent = \"\"; number = \"\"; title = { ja = \"a\"; en = \"a\"; }; maps = [ \"rev.II\" ]; } );\n");
    struct library *lib = shipped();
    struct diag_list dl = {0};
    cr_assert(userlib_load_file(lib, p, &dl));
    cr_assert_eq(dl.n, 0);
    const struct gl_edition *x = gl_edition_find(&lib->gl, "x");
    cr_assert_eq(x->kind, KIND_EDITION);
    cr_assert_not(is_standard(x));
    /* an edition's mapping is lineage, not coverage */
    const struct gl_node **v;
    cr_assert_eq(coverage_covering(&lib->gl, gl_node_find(&lib->gl, "rev.II"), &v), 0);
    library_free(lib);
    free(p);
}

/* --- coverage ------------------------------------------------------------ */

static struct gl_edition *edition(const char *id, enum edition_kind kind, int order)
{
    struct gl_edition *ed = xcalloc(1, sizeof *ed);
    ed->id = xstrdup(id);
    ed->kind = kind;
    ed->order = order;
    ed->date = xstrdup("2025");
    ed->supersedes = xstrdup("");
    return ed;
}

static struct gl_node *node(struct gl_edition *ed, const char *id, const char *parent, const char *maps)
{
    struct gl_node *n = gl_node_new();
    n->id = xstrdup(id);
    n->parent_id = xstrdup(parent);
    n->number = xstrdup("");
    for (const char *m = maps; m && *m;) {
        const char *e = strchr(m, ' ');
        char *one = e ? xstrndup(m, (size_t)(e - m)) : xstrdup(m);
        gl_node_add_map(n, one);
        free(one);
        m = e ? e + 1 : NULL;
    }
    gl_edition_add(ed, n);
    return n;
}

Test(coverage, counts_direct_mappings_and_lists_the_rest)
{
    struct gl_set set = {0};
    struct gl_edition *g = edition("g", KIND_EDITION, 1), *s = edition("s", KIND_SECTOR_STANDARD, 2),
                      *r = edition("r", KIND_INTERNAL_RULE, 3), *e2 = edition("e2", KIND_EDITION, 4);
    node(g, "g.1", "", NULL);
    node(g, "g.1.1", "g.1", NULL);
    node(g, "g.1.2", "g.1", NULL);
    node(g, "g.2", "", NULL);
    node(s, "s.a", "", "g.1");         /* a chapter: its sections are not covered by it */
    node(s, "s.b", "", "g.1.2 g.1.2"); /* named twice: counted once */
    node(r, "r.a", "", "g.1.2 s.a");
    node(e2, "e2.1", "", "g.2");       /* an edition's mapping is no coverage */
    gl_set_add(&set, g);
    gl_set_add(&set, s);
    gl_set_add(&set, r);
    gl_set_add(&set, e2);
    struct diag_list dl = {0};
    gl_link(&set, &dl);
    diag_clear(&dl);
    struct coverage c;
    coverage_compute(s, g, &c);
    cr_assert_eq(c.total, 4);
    cr_assert_eq(c.covered, 2);
    cr_assert_eq(c.nuncovered, 2);
    cr_assert_str_eq(c.uncovered[0]->id, "g.1.1");
    cr_assert_str_eq(c.uncovered[1]->id, "g.2");
    coverage_free(&c);
    const struct gl_edition *t[4];
    cr_assert_eq(coverage_targets(&set, s, t, 4), 1);
    cr_assert_eq(t[0], g);
    cr_assert_eq(coverage_targets(&set, r, t, 4), 1); /* s is a standard, not an edition */
    const struct gl_node **v;
    cr_assert_eq(coverage_covering(&set, gl_node_find(&set, "g.1.2"), &v), 2);
    cr_assert_str_eq(v[0]->id, "s.b");
    cr_assert_str_eq(v[1]->id, "r.a");
    free(v);
    cr_assert_eq(coverage_covering(&set, gl_node_find(&set, "g.2"), &v), 0);
    cr_assert_null(v);
    cr_assert_eq(coverage_covering(&set, gl_node_find(&set, "g.1.1"), &v), 0);
    gl_set_free(&set);
}

Test(coverage, kinds_parse_and_name)
{
    cr_assert_eq(kind_parse("edition"), KIND_EDITION);
    cr_assert_eq(kind_parse("sector-standard"), KIND_SECTOR_STANDARD);
    cr_assert_eq(kind_parse("internal-rule"), KIND_INTERNAL_RULE);
    cr_assert_eq(kind_parse("Internal-rule"), -1);
    cr_assert_str_eq(kind_code(KIND_INTERNAL_RULE), "internal-rule");
    cr_assert_str_eq(kind_name(KIND_INTERNAL_RULE, LANG_JA), "内規");
}

/* --- CSV -------------------------------------------------------------------- */

Test(csv, rfc4180_quotes_crlf_and_bom)
{
    const char *t = "\xEF\xBB\xBF" "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,x\r\nlast,";
    struct csv c;
    cr_assert(csv_parse(t, strlen(t), &c));
    cr_assert(c.bom);
    cr_assert_eq(c.n, 3);
    cr_assert_eq(c.v[0].n, 3);
    cr_assert_str_eq(c.v[0].fields[0], "a");
    cr_assert_str_eq(c.v[0].fields[1], "b,c");
    cr_assert_str_eq(c.v[0].fields[2], "say \"hi\"");
    cr_assert_eq(c.v[1].line, 2);
    cr_assert_str_eq(c.v[1].fields[0], "two\nlines");
    cr_assert_str_eq(c.v[1].fields[1], "");
    cr_assert_eq(c.v[2].line, 4); /* the quoted line break counts */
    cr_assert_eq(c.v[2].n, 2);
    cr_assert_str_eq(c.v[2].fields[1], "");
    csv_free(&c);
}

Test(csv, malformed_quotes_say_where)
{
    struct csv c;
    const char *t = "a,b\nc,\"open\n";
    cr_assert_not(csv_parse(t, strlen(t), &c));
    cr_assert_eq(c.error_line, 2);
    csv_free(&c);
    t = "a\nb\"c\n";
    cr_assert_not(csv_parse(t, strlen(t), &c));
    cr_assert_eq(c.error_line, 2);
    csv_free(&c);
    t = "\"a\"b\n";
    cr_assert_not(csv_parse(t, strlen(t), &c));
    cr_assert_eq(c.error_line, 1);
    csv_free(&c);
}

/* --- import -------------------------------------------------------------- */

static const char header[] = "id,parent,number,title_ja,title_en,summary_ja,summary_en,maps\n";

static bool import(struct library *lib, const char *rows, struct strbuf *out, struct diag_list *dl)
{
    char *t = xcalloc(strlen(header) + strlen(rows) + 1, 1);
    strcat(strcat(t, header), rows);
    struct csv c;
    cr_assert(csv_parse(t, strlen(t), &c));
    struct csvimport_opts o = {.file = "in.csv", .source = "in.csv", .id = "std",
                               .kind = KIND_SECTOR_STANDARD, .issuer = "Ministry", .date = "2024-04"};
    bool ok = csvimport_make(&c, &lib->gl, &o, out, dl);
    csv_free(&c);
    free(t);
    return ok;
}

Test(import, a_good_sheet_makes_a_file_that_loads, .init = mktmp, .fini = rmtmp)
{
    FILE *f = fopen(TEST_FIXTURES "/library/example-standard.csv", "rb");
    cr_assert_not_null(f);
    char buf[8192];
    size_t len = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[len] = '\0';
    struct csv c;
    cr_assert(csv_parse(buf, len, &c));
    struct library *lib = shipped();
    struct csvimport_opts o = {.file = "x.csv", .source = "x.csv", .id = "water", .kind = KIND_SECTOR_STANDARD,
                               .issuer = "Ministry", .date = "2024-04", .title = "Water \"guideline\""};
    struct strbuf out = STRBUF_INIT;
    struct diag_list dl = {0};
    cr_assert(csvimport_make(&c, &lib->gl, &o, &out, &dl));
    cr_assert_eq(dl.n, 0);
    csv_free(&c);
    char *p = write_file(tmp, "water.cfg", sb_str(&out));
    cr_assert(userlib_load_file(lib, p, &dl));
    if (dl.n)
        has_diag(&dl, NULL, -1, "");
    cr_assert_eq(dl.n, 0);
    const struct gl_edition *ed = gl_edition_find(&lib->gl, "water");
    cr_assert_eq(ed->kind, KIND_SECTOR_STANDARD);
    cr_assert_str_eq(ed->title.en, "Water \"guideline\"");
    cr_assert_eq(ed->nnodes, 4);
    const struct gl_node *n = gl_node_find(&lib->gl, "water.1.1");
    cr_assert_not_null(n);
    cr_assert_eq(n->parent, gl_node_find(&lib->gl, "water.1"));
    cr_assert_eq(n->nmaps, 2);
    cr_assert_eq(n->map_nodes[1], gl_node_find(&lib->gl, "v5.II.3"));
    n = gl_node_find(&lib->gl, "water.1.2");
    cr_assert_str_eq(n->title.ja, "方針の策定、見直し");
    cr_assert_str_eq(n->summary.ja, "方針を毎年見直す。 見直しの記録を残す。");
    cr_assert_str_eq(n->summary.en, n->summary.ja); /* one language given: both */
    cr_assert_str_eq(gl_node_find(&lib->gl, "water.2")->title.ja, "リスク評価 \"年1回\"");
    struct coverage cov;
    coverage_compute(ed, gl_edition_find(&lib->gl, "v5"), &cov);
    cr_assert_eq(cov.covered, 5);
    coverage_free(&cov);
    sb_free(&out);
    free(p);
    library_free(lib);
}

Test(import, bad_rows_are_findings_and_nothing_is_made)
{
    struct library *lib = shipped();
    struct strbuf out = STRBUF_INIT;
    struct diag_list dl = {0};
    cr_assert_not(import(lib,
                         "a,,1,タイトル,,,,v5.II\n"
                         "b,,2,x,y,,\n"                  /* 7 columns */
                         "a,,3,x,y,,,\n"                 /* duplicate */
                         "c,zz,4,x,y,,,\n"               /* unknown parent */
                         "d,,5,\xff\xfe,y,,,\n"          /* invalid UTF-8 */
                         ",,6,x,y,,,\n"                  /* no id */
                         "e,,7,,,,,\n"                   /* no title */
                         "f,,8,x,y,,,v5.II;v5.nope\n"    /* a missing item */
                         "g,h,9,x,y,,,\n"                /* parent below */
                         "h,,10,x,y,,,\n",
                         &out, &dl));
    cr_assert(has_diag(&dl, "in.csv", 3, "7 columns; expected 8"));
    cr_assert(has_diag(&dl, "in.csv", 4, "id 'a' is also on line 2"));
    cr_assert(has_diag(&dl, "in.csv", 5, "parent 'zz' is not the id of a row above"));
    cr_assert(has_diag(&dl, "in.csv", 6, "invalid UTF-8"));
    cr_assert(has_diag(&dl, "in.csv", 7, "no id"));
    cr_assert(has_diag(&dl, "in.csv", 8, "no title"));
    cr_assert(has_diag(&dl, "in.csv", 9, "maps to 'v5.nope', which no edition has"));
    cr_assert(has_diag(&dl, "in.csv", 10, "parent 'h' is not the id of a row above"));
    cr_assert_eq(dl.n, 8);
    cr_assert_eq(out.len, 0);
    diag_clear(&dl);
    sb_free(&out);
    library_free(lib);
}

Test(import, too_deep_a_tree_is_a_bad_row)
{
    struct library *lib = shipped();
    struct strbuf rows = STRBUF_INIT, out = STRBUF_INIT;
    sb_adds(&rows, "r0,,,x,y,,,\n");
    for (int i = 1; i <= GL_MAX_DEPTH; i++)
        sb_printf(&rows, "r%d,r%d,,x,y,,,\n", i, i - 1);
    struct diag_list dl = {0};
    cr_assert_not(import(lib, sb_str(&rows), &out, &dl));
    /* r0 is on line 2, at depth 0: r12 (line 14) is one level too deep */
    cr_assert(has_diag(&dl, "in.csv", 2 + GL_MAX_DEPTH, "nested deeper than 12 levels"));
    cr_assert_eq(dl.n, 1);
    diag_clear(&dl);
    sb_free(&rows);
    sb_free(&out);
    library_free(lib);
}

Test(import, wrong_columns_and_a_bom)
{
    struct library *lib = shipped();
    struct strbuf out = STRBUF_INIT;
    struct diag_list dl = {0};
    const char *t = "id,parent,title\na,,x\n";
    struct csv c;
    cr_assert(csv_parse(t, strlen(t), &c));
    struct csvimport_opts o = {.file = "in.csv", .source = "in.csv", .id = "std",
                               .kind = KIND_INTERNAL_RULE, .issuer = "Us", .date = "2024"};
    cr_assert_not(csvimport_make(&c, &lib->gl, &o, &out, &dl));
    cr_assert(has_diag(&dl, "in.csv", 1, "the first row must name the columns"));
    csv_free(&c);
    diag_clear(&dl);
    /* a BOM and CRLF, as Excel saves "CSV UTF-8" */
    t = "\xEF\xBB\xBFid,parent,number,title_ja,title_en,summary_ja,summary_en,maps\r\n1,,,見出し,Heading,,,v5.II\r\n\r\n";
    cr_assert(csv_parse(t, strlen(t), &c));
    cr_assert(csvimport_make(&c, &lib->gl, &o, &out, &dl));
    cr_assert(strstr(sb_str(&out), "id = \"std.1\";"));
    cr_assert(strstr(sb_str(&out), "kind = \"internal-rule\";"));
    csv_free(&c);
    /* options: an id in use, no issuer, a bad date */
    sb_reset(&out);
    o.id = "v5";
    o.issuer = NULL;
    o.date = "April";
    t = "id,parent,number,title_ja,title_en,summary_ja,summary_en,maps\n1,,,x,y,,,\n";
    cr_assert(csv_parse(t, strlen(t), &c));
    cr_assert_not(csvimport_make(&c, &lib->gl, &o, &out, &dl));
    cr_assert(has_diag(&dl, NULL, 0, "already an edition's id"));
    cr_assert(has_diag(&dl, NULL, 0, "--issuer"));
    cr_assert(has_diag(&dl, NULL, 0, "--date"));
    csv_free(&c);
    diag_clear(&dl);
    sb_free(&out);
    library_free(lib);
}
