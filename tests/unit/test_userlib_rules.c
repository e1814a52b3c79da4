/* Unit tests: the rules of the user's library that the tester broke:
 * names and ids the loader reads (model/standard), dates, CSV that is
 * not text (util/csv), import options checked as cells and said once
 * (model/csvimport), a file read once without following links, the
 * folder's order and its limit, and a file's context (store/libuser). */
#include "model/csvimport.h"
#include "model/standard.h"
#include "store/libload.h"
#include "store/libuser.h"
#include "util/csv.h"
#include "util/xalloc.h"
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char tmp[64];

static void mktmp(void)
{
    snprintf(tmp, sizeof tmp, "/tmp/kijun-ulrules-XXXXXX");
    cr_assert_not_null(mkdtemp(tmp));
}

static void rmtmp(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    cr_assert_eq(system(cmd), 0);
}

static struct library *shipped(void)
{
    struct diag_list dl = {0};
    struct library *lib = library_load(TEST_DATADIR, &dl);
    cr_assert_not_null(lib);
    diag_clear(&dl);
    return lib;
}

static size_t count_text(const struct diag_list *dl, const char *text)
{
    size_t n = 0;
    for (size_t i = 0; i < dl->n; i++)
        n += strstr(dl->v[i].text, text) != NULL;
    return n;
}

static bool has(const struct diag_list *dl, const char *file, int line, const char *text)
{
    for (size_t i = 0; i < dl->n; i++)
        if ((!file || (dl->v[i].file && strcmp(dl->v[i].file, file) == 0)) && dl->v[i].line == line
            && strstr(dl->v[i].text, text))
            return true;
    return false;
}

/* A library file of edition id with one item, its title t. */
static void write_lib(const char *path, const char *id, const char *t)
{
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fprintf(f, "kijun_library = 1;\nedition = { id = \"%s\"; kind = \"internal-rule\";\n"
               "  title = { ja = \"%s\"; en = \"%s\"; }; label = { ja = \"%s\"; en = \"%s\"; };\n"
               "  issuer = \"Us\"; date = \"2025\"; status = \"draft\"; };\n"
               "nodes = ( { id = \"%s.1\"; parent = \"\"; number = \"1\"; title = { ja = \"a\"; en = \"a\"; }; } );\n",
            id, t, t, t, t, id);
    fclose(f);
}

Test(names, the_loader_and_import_share_one_rule)
{
    cr_assert(userlib_name_read("std.cfg"));
    cr_assert_not(userlib_name_read(".x.cfg"));
    cr_assert_not(userlib_name_read("...cfg"));
    cr_assert_not(userlib_name_read(".cfg"));
    cr_assert_not(userlib_name_read("std.txt"));
    cr_assert(userlib_id_ok("std"));
    cr_assert(userlib_id_ok("a.b"));
    cr_assert_not(userlib_id_ok(".."));
    cr_assert_not(userlib_id_ok(".x"));
    cr_assert_not(userlib_id_ok(""));
    cr_assert_not(userlib_id_ok("a/b"));
}

Test(names, dates_are_real_dates_partial_or_whole)
{
    cr_assert(edition_date_valid("2024"));
    cr_assert(edition_date_valid("2024-04"));
    cr_assert(edition_date_valid("2024-02-29"));
    cr_assert_not(edition_date_valid("2023-02-29"));
    cr_assert_not(edition_date_valid("2024-99-99"));
    cr_assert_not(edition_date_valid("2024-13"));
    cr_assert_not(edition_date_valid("2024-00"));
    cr_assert_not(edition_date_valid("0000"));
    cr_assert_not(edition_date_valid("24-01"));
}

Test(csv, a_nul_byte_is_refused_where_it_is)
{
    const char t[] = "id,title\n1\0../x,a\0 hidden\n";
    struct csv c;
    cr_assert_not(csv_parse(t, sizeof t - 1, &c));
    cr_assert_eq(c.error_line, 2);
    cr_assert(strstr(c.error, "NUL"));
    csv_free(&c);
}

Test(csv, utf16_is_said_to_be_utf16)
{
    struct csv c;
    const char le[] = "\xFF\xFEi\0d\0";
    cr_assert_not(csv_parse(le, sizeof le - 1, &c));
    cr_assert(strstr(c.error, "UTF-16"));
    csv_free(&c);
    const char be[] = "\xFE\xFF\0i\0d";
    cr_assert_not(csv_parse(be, sizeof be - 1, &c));
    cr_assert(strstr(c.error, "UTF-16"));
    csv_free(&c);
    const char nobom[] = "i\0d\0,\0";
    cr_assert_not(csv_parse(nobom, sizeof nobom - 1, &c));
    cr_assert(strstr(c.error, "UTF-16"));
    csv_free(&c);
}

static const char header[] = "id,parent,number,title_ja,title_en,summary_ja,summary_en,maps\n";

static bool import_with(struct library *lib, struct csvimport_opts *o, const char *rows,
                        struct strbuf *out, struct diag_list *dl)
{
    char *t = xcalloc(strlen(header) + strlen(rows) + 1, 1);
    strcat(strcat(t, header), rows);
    struct csv c;
    cr_assert(csv_parse(t, strlen(t), &c));
    o->file = "in.csv";
    o->source = "in.csv";
    bool ok = csvimport_make(&c, &lib->gl, o, out, dl);
    csv_free(&c);
    free(t);
    return ok;
}

static struct csvimport_opts opts(void)
{
    return (struct csvimport_opts){.id = "std", .kind = KIND_SECTOR_STANDARD, .issuer = "MLIT",
                                   .date = "2024"};
}

Test(import, options_are_checked_as_cells)
{
    struct library *lib = shipped();
    static const char *const bad_issuer[] = {"MLIT\x7f", "MLIT\x1b[31m", "ML\nIT", "ML\xff"};
    for (size_t i = 0; i < sizeof bad_issuer / sizeof *bad_issuer; i++) {
        struct csvimport_opts o = opts();
        o.issuer = bad_issuer[i];
        struct strbuf out = STRBUF_INIT;
        struct diag_list dl = {0};
        cr_assert_not(import_with(lib, &o, "1,,1,t,t,,,v5.II\n", &out, &dl), "issuer %zu", i);
        cr_assert_eq(count_text(&dl, "--issuer"), 1, "issuer %zu", i);
        cr_assert_eq(out.len, 0);
        diag_clear(&dl);
        sb_free(&out);
    }
    static const char *const bad_title[] = {"T\xc2\x85", "T\xff", "T\t"};
    for (size_t i = 0; i < sizeof bad_title / sizeof *bad_title; i++) {
        struct csvimport_opts o = opts();
        o.title = bad_title[i];
        struct strbuf out = STRBUF_INIT;
        struct diag_list dl = {0};
        cr_assert_not(import_with(lib, &o, "1,,1,t,t,,,v5.II\n", &out, &dl), "title %zu", i);
        cr_assert_eq(count_text(&dl, "--title"), 1);
        diag_clear(&dl);
        sb_free(&out);
    }
    char *big = xcalloc(70000, 1);
    memset(big, 'M', 69999);
    struct csvimport_opts o = opts();
    o.issuer = big;
    struct strbuf out = STRBUF_INIT;
    struct diag_list dl = {0};
    cr_assert_not(import_with(lib, &o, "1,,1,t,t,,,v5.II\n", &out, &dl));
    cr_assert_eq(count_text(&dl, "--issuer: longer than"), 1);
    diag_clear(&dl);
    o = opts();
    o.date = "2024-99-99";
    cr_assert_not(import_with(lib, &o, "1,,1,t,t,,,v5.II\n", &out, &dl));
    cr_assert_eq(count_text(&dl, "--date '2024-99-99' is not a date"), 1);
    diag_clear(&dl);
    sb_free(&out);
    free(big);
    library_free(lib);
}

Test(import, a_bad_id_or_cell_is_said_once)
{
    struct library *lib = shipped();
    struct csvimport_opts o = opts();
    o.id = "..";
    struct strbuf out = STRBUF_INIT;
    struct diag_list dl = {0};
    cr_assert_not(import_with(lib, &o, "1,,1,t,t,,,v5.II\n2,1,2,t,t,,,\n3,1,3,t,t,,,\n", &out, &dl));
    cr_assert_eq(dl.n, 1, "only the option is said, not each row");
    cr_assert(has(&dl, NULL, 0, "--id '..' must be"));
    diag_clear(&dl);
    /* a row refused for one cell still defines its id for its children */
    o = opts();
    cr_assert_not(import_with(lib, &o, "1,,1,\xff,t,,,v5.II\n2,1,2,t,t,,,\n3,1,3,t,t,,,\n", &out, &dl));
    cr_assert_eq(dl.n, 1);
    cr_assert(has(&dl, "in.csv", 2, "invalid UTF-8"));
    diag_clear(&dl);
    /* an edition id that is a shipped item's id: ids must be new */
    o = opts();
    o.id = "v5.II";
    cr_assert_not(import_with(lib, &o, "1,,1,t,t,,,v5.II\n", &out, &dl));
    cr_assert(has(&dl, NULL, 0, "is already an item's id"));
    diag_clear(&dl);
    sb_free(&out);
    library_free(lib);
}

/* The file is read once, through a descriptor that follows no link: a
 * link swapped in and out while it loads never gets its target read. */
Test(userlib, a_link_swapped_in_is_never_followed, .init = mktmp, .fini = rmtmp, .timeout = 60)
{
    char good[128], secret[128], path[128], tmpf[128], tmpl[128];
    snprintf(good, sizeof good, "%s/good.cfg", tmp);
    snprintf(secret, sizeof secret, "%s/secret.cfg", tmp);
    snprintf(path, sizeof path, "%s/x.cfg", tmp);
    snprintf(tmpf, sizeof tmpf, "%s/tmpf", tmp);
    snprintf(tmpl, sizeof tmpl, "%s/tmpl", tmp);
    write_lib(good, "good", "good");
    write_lib(secret, "secret", "secret");
    pid_t pid = fork();
    cr_assert(pid >= 0);
    if (pid == 0) {
        char buf[4096];
        FILE *g = fopen(good, "r");
        size_t n = fread(buf, 1, sizeof buf, g);
        fclose(g);
        for (;;) {
            FILE *f = fopen(tmpf, "w");
            fwrite(buf, 1, n, f);
            fclose(f);
            rename(tmpf, path);
            unlink(tmpl);
            if (symlink(secret, tmpl) == 0)
                rename(tmpl, path);
        }
    }
    struct library *lib = shipped();
    size_t leaked = 0, loaded = 0;
    for (int i = 0; i < 4000; i++) {
        struct diag_list dl = {0};
        if (userlib_load_file(lib, path, &dl)) {
            loaded++;
            leaked += gl_edition_find(&lib->gl, "secret") != NULL;
        }
        userlib_unload(lib);
        diag_clear(&dl);
    }
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    library_free(lib);
    cr_assert_eq(leaked, 0, "the link's target was read %zu times of %zu", leaked, loaded);
}

Test(userlib, more_than_the_limit_keeps_the_first_by_name_and_names_the_rest,
     .init = mktmp, .fini = rmtmp)
{
    /* made in reverse order, so that the directory's order is not the name's */
    for (int i = USERLIB_MAX_FILES + 2; i > 0; i--) {
        char p[128], id[32];
        snprintf(p, sizeof p, "%s/f%03d.cfg", tmp, i);
        snprintf(id, sizeof id, "f%03d", i);
        write_lib(p, id, id);
    }
    struct library *lib = shipped();
    struct diag_list dl = {0};
    size_t n = userlib_load_dir(lib, tmp, false, NULL, &dl);
    cr_assert_eq(n, USERLIB_MAX_FILES);
    cr_assert_not_null(gl_edition_find(&lib->gl, "f001"));
    cr_assert_not_null(gl_edition_find(&lib->gl, "f256"));
    cr_assert_null(gl_edition_find(&lib->gl, "f257"));
    char p[128];
    snprintf(p, sizeof p, "%s/f257.cfg", tmp);
    cr_assert(has(&dl, p, 0, "not read: more than 256 library files"));
    snprintf(p, sizeof p, "%s/f258.cfg", tmp);
    cr_assert(has(&dl, p, 0, "not read: more than 256 library files"));
    cr_assert_eq(dl.n, 2);
    diag_clear(&dl);
    library_free(lib);
}

Test(userlib, a_files_context_is_what_loads_before_it, .init = mktmp, .fini = rmtmp)
{
    char a[200], b[200], ws[100];
    snprintf(ws, sizeof ws, "%s/library", tmp);
    cr_assert_eq(mkdir(ws, 0700), 0);
    snprintf(a, sizeof a, "%s/a.cfg", ws);
    snprintf(b, sizeof b, "%s/b.cfg", ws);
    write_lib(a, "same", "a");
    write_lib(b, "same", "b");
    setenv("XDG_DATA_HOME", tmp, 1); /* its own folder: none */
    struct library *lib = shipped();
    struct diag_list dl = {0};
    userlib_load_context(lib, a, false); /* before a.cfg: nothing */
    cr_assert(userlib_load_file(lib, a, &dl), "a.cfg loads, as in the workbench");
    userlib_unload(lib);
    diag_clear(&dl);
    userlib_load_context(lib, b, false); /* before b.cfg: a.cfg */
    cr_assert_not(userlib_load_file(lib, b, &dl), "b.cfg does not");
    userlib_unload(lib);
    diag_clear(&dl);
    char c[200];
    snprintf(c, sizeof c, "%s/0new.cfg", ws);
    userlib_load_context(lib, c, true); /* a new file: all of its folder */
    cr_assert_not_null(gl_edition_find(&lib->gl, "same"));
    library_free(lib);
}

Test(names, in_english_a_number_and_a_title_are_spaced)
{
    struct gl_node *n = gl_node_new();
    n->number = xstrdup("第1章");
    n->title.ja = xstrdup("組織");
    n->title.en = xstrdup("Organisation");
    char *s = gl_node_heading(n, LANG_EN);
    cr_assert_str_eq(s, "第1章 Organisation");
    free(s);
    s = gl_node_heading(n, LANG_JA);
    cr_assert_str_eq(s, "第1章組織"); /* Japanese sets none */
    free(s);
    gl_node_free(n);
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
}

#define HEAD(ID) "kijun_library = 1;\nedition = { id = \"" ID "\"; kind = \"internal-rule\";\n" \
    "  title = { ja = \"t\"; en = \"t\"; }; label = { ja = \"t\"; en = \"t\"; };\n" \
    "  issuer = \"Us\"; date = \"2025\"; status = \"draft\"; };\n"

Test(userlib, ids_must_be_new_edition_or_item, .init = mktmp, .fini = rmtmp)
{
    struct library *lib = shipped();
    char p[128];
    snprintf(p, sizeof p, "%s/a.cfg", tmp);
    struct diag_list dl = {0};
    /* an edition id that is a shipped item's */
    write_text(p, HEAD("v5.II") "nodes = ( { id = \"x.1\"; parent = \"\"; number = \"\"; "
                                "title = { ja = \"a\"; en = \"a\"; }; } );\n");
    cr_assert_not(userlib_load_file(lib, p, &dl));
    cr_assert(has(&dl, p, 2, "edition id 'v5.II' is already an item's id"));
    diag_clear(&dl);
    /* an item id that is a shipped edition's */
    write_text(p, HEAD("mine") "nodes = ( { id = \"v5\"; parent = \"\"; number = \"\"; "
                               "title = { ja = \"a\"; en = \"a\"; }; } );\n");
    cr_assert_not(userlib_load_file(lib, p, &dl));
    cr_assert(has(&dl, p, 5, "id 'v5' is already an edition's id"));
    diag_clear(&dl);
    library_free(lib);
}

Test(userlib, maps_name_guideline_items_each_once, .init = mktmp, .fini = rmtmp)
{
    struct library *lib = shipped();
    char a[128], b[128];
    snprintf(a, sizeof a, "%s/a.cfg", tmp);
    snprintf(b, sizeof b, "%s/b.cfg", tmp);
    write_text(a, HEAD("a") "nodes = ( { id = \"a.1\"; parent = \"\"; number = \"\"; "
                            "title = { ja = \"a\"; en = \"a\"; }; maps = [ \"v5.II\" ]; } );\n");
    write_text(b, HEAD("b") "nodes = ( { id = \"b.1\"; parent = \"\"; number = \"\"; "
                            "title = { ja = \"b\"; en = \"b\"; }; maps = [ \"a.1\", \"v5.II.1\", \"v5.II.1\" ]; } );\n");
    struct diag_list dl = {0};
    cr_assert(userlib_load_file(lib, a, &dl));
    cr_assert(userlib_load_file(lib, b, &dl));
    cr_assert(has(&dl, b, 5, "maps to 'a.1', an item of"));
    cr_assert(has(&dl, b, 5, "maps names 'v5.II.1' twice"));
    cr_assert_eq(dl.n, 2);
    const struct gl_node **cov = NULL;
    /* a.1 is covered by no one: a standard's item is no Guideline item */
    cr_assert_eq(coverage_covering(&lib->gl, gl_node_find(&lib->gl, "a.1"), &cov), 0);
    free(cov);
    cr_assert_eq(coverage_covering(&lib->gl, gl_node_find(&lib->gl, "v5.II.1"), &cov), 1);
    free(cov);
    /* and still so once another file is loaded (every load links again) */
    char c[128];
    snprintf(c, sizeof c, "%s/c.cfg", tmp);
    write_lib(c, "c", "c");
    cr_assert(userlib_load_file(lib, c, &dl));
    cr_assert_eq(coverage_covering(&lib->gl, gl_node_find(&lib->gl, "a.1"), &cov), 0);
    free(cov);
    diag_clear(&dl);
    library_free(lib);
}

Test(import, blanks_around_a_cell_go_maps_are_guideline_items_once, .init = mktmp, .fini = rmtmp)
{
    struct library *lib = shipped();
    struct csvimport_opts o = opts();
    struct strbuf out = STRBUF_INIT;
    struct diag_list dl = {0};
    cr_assert(import_with(lib, &o, "1,,\t1\t,\xE3\x80\x80見出し\xE3\x80\x80, Head\t,,,v5.II\n", &out, &dl));
    cr_assert(strstr(sb_str(&out), "title = { ja = \"見出し\"; en = \"Head\"; }"), "%s", sb_str(&out));
    cr_assert(strstr(sb_str(&out), "number = \"1\";"));
    sb_free(&out);
    /* a tab inside the text is still a control character */
    cr_assert_not(import_with(lib, &o, "1,,1,a\tb,t,,,\n", &out, &dl));
    cr_assert(has(&dl, "in.csv", 2, "column title_ja: a control or invisible character (U+0009)"));
    diag_clear(&dl);
    /* another user standard's item, a Guideline item twice, an item id that is an edition's */
    char p[128];
    snprintf(p, sizeof p, "%s/s.cfg", tmp);
    write_lib(p, "std.1", "other");
    cr_assert(userlib_load_file(lib, p, &dl));
    diag_clear(&dl);
    cr_assert_not(import_with(lib, &o, "2,,1,t,t,,,std.1.1\n3,,1,t,t,,,v5.II;v5.II\n1,,1,t,t,,,\n", &out, &dl));
    cr_assert(has(&dl, "in.csv", 2, "maps to 'std.1.1', an item of"));
    cr_assert(has(&dl, "in.csv", 3, "maps names 'v5.II' twice"));
    cr_assert(has(&dl, "in.csv", 4, "id 'std.1' is already an edition's id"));
    cr_assert_eq(dl.n, 3);
    diag_clear(&dl);
    sb_free(&out);
    library_free(lib);
}
