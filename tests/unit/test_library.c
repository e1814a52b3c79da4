/* Unit tests: loading the shipped library, and refusing bad files. */
#include "store/libload.h"
#include "util/xalloc.h"
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void print_diags(const struct diag_list *dl)
{
    for (size_t i = 0; i < dl->n; i++) {
        char *s = diag_format(&dl->v[i]);
        cr_log_error("%s", s);
        free(s);
    }
}

Test(library, shipped_data_loads_clean)
{
    struct diag_list dl = {0};
    struct library *lib = library_load(TEST_DATADIR, &dl);
    print_diags(&dl);
    cr_assert_not_null(lib);
    cr_assert_eq(dl.n, 0, "the shipped library has %zu findings", dl.n);
    cr_assert_geq(lib->gl.n, 2);
    const struct gl_edition *v5 = gl_edition_find(&lib->gl, "v5");
    const struct gl_edition *rev = gl_edition_find(&lib->gl, "rev");
    cr_assert_not_null(v5);
    cr_assert_not_null(rev);
    cr_assert_str_eq(rev->supersedes, "v5");
    /* the status is computed from the lineage (test_lineage.c) */
    cr_assert_gt(v5->lineage.n, 0);
    cr_assert_gt(rev->lineage.n, 0);
    library_free(lib);
}

Test(library, every_node_is_bilingual_and_every_mapping_resolves)
{
    struct diag_list dl = {0};
    struct library *lib = library_load(TEST_DATADIR, &dl);
    cr_assert_not_null(lib);
    size_t mapped = 0;
    for (size_t i = 0; i < lib->gl.nall; i++) {
        const struct gl_node *n = lib->gl.all[i];
        cr_assert(n->title.ja && *n->title.ja, "%s has no ja title", n->id);
        cr_assert(n->title.en && *n->title.en, "%s has no en title", n->id);
        for (size_t k = 0; k < n->nmaps; k++) {
            cr_assert_not_null(n->map_nodes[k], "%s maps to missing %s", n->id, n->maps[k]);
            cr_assert_neq(n->map_nodes[k]->edition, n->edition);
            mapped++;
        }
    }
    cr_assert_gt(mapped, 50);
    /* ids are unique: the index holds every node */
    cr_assert_eq(lib->gl.ids.n, lib->gl.nall);
    library_free(lib);
}

Test(library, the_seed_table_of_contents_is_there)
{
    struct diag_list dl = {0};
    struct library *lib = library_load(TEST_DATADIR, &dl);
    cr_assert_not_null(lib);
    const char *v5[] = {"「Plan（計画）」の観点", "情報セキュリティリスク対応の決定", "アクセス制御",
                        "情報セキュリティインシデント管理", "是正処置及び継続的改善", NULL};
    const char *rev[] = {"組織統治におけるサイバーセキュリティ", "サプライチェーンの管理",
                         "「Check/Act（評価／改善）」", "人的資源のセキュリティ（外部委託）", NULL};
    const char **lists[2] = {v5, rev};
    const char *eds[2] = {"v5", "rev"};
    for (int e = 0; e < 2; e++) {
        const struct gl_edition *ed = gl_edition_find(&lib->gl, eds[e]);
        for (const char **t = lists[e]; *t; t++) {
            bool found = false;
            for (size_t i = 0; i < ed->nnodes && !found; i++)
                found = strcmp(ed->nodes[i]->title.ja, *t) == 0;
            cr_assert(found, "%s lacks %s", eds[e], *t);
        }
    }
    /* the mapping of slide 24: 4.1.2（１）went to chapter II */
    const struct gl_node *n = gl_node_find(&lib->gl, "v5.II.4.1.2.1");
    cr_assert_not_null(n);
    cr_assert_eq(n->change, CHANGE_MOVED);
    cr_assert_str_eq(n->map_nodes[0]->parent ? n->map_nodes[0]->parent->id : n->map_nodes[0]->id,
                     "rev.II");
    library_free(lib);
}

Test(library, reference_tables_of_the_seed)
{
    struct diag_list dl = {0};
    struct library *lib = library_load(TEST_DATADIR, &dl);
    cr_assert_not_null(lib);
    struct { const char *id; size_t n; } want[] = {
        {"handbook", 5}, {"incidents", 8}, {"supply_chain", 4}, {"ics_misconceptions", 5},
        {"cis_controls", 18}, {"ics_goals", 9}, {"sectors", 15}, {"baseline", 3},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        const struct ref_table *t = library_table(lib, want[i].id);
        cr_assert_not_null(t, "no table %s", want[i].id);
        cr_assert_eq(t->n, want[i].n, "%s has %zu items", want[i].id, t->n);
    }
    const char *more[] = {"roles", "governance", "c2m2", "reporting", "csf", NULL};
    for (const char **m = more; *m; m++)
        cr_assert_not_null(library_table(lib, *m), "no table %s", *m);
    const struct ref_table *cis = library_table(lib, "cis_controls");
    cr_assert_eq(ref_int(&cis->head, "total", 0), 153);
    const struct ref_field *inc = ref_field_get(&library_table(lib, "incidents")->items[0], "measures");
    cr_assert_not_null(inc);
    cr_assert_eq(inc->type, REF_TEXT_LIST);
    library_free(lib);
}

/* --- bad files ---------------------------------------------------------- */

static char dir[64];

static void make_dir(void)
{
    strcpy(dir, "/tmp/kijun-test-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
}

static char *write_file(const char *name, const char *text, size_t len)
{
    char *path = xmalloc(strlen(dir) + strlen(name) + 2);
    sprintf(path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f);
    fwrite(text, 1, len, f);
    fclose(f);
    return path;
}

static const struct diag *load_bad(const char *text, size_t len, struct diag_list *dl)
{
    struct gl_set set = {0};
    char *path = write_file("bad.cfg", text, len);
    bool ok = library_load_edition(&set, path, dl);
    unlink(path);
    free(path);
    gl_set_free(&set);
    cr_assert_not(ok && diag_count(dl, DIAG_ERROR) == 0, "a bad file was accepted");
    for (size_t i = 0; i < dl->n; i++)
        if (dl->v[i].severity == DIAG_ERROR)
            return &dl->v[i];
    return NULL;
}

#define GOOD_HEAD "kijun_library = 1;\nedition = { id = \"x\"; title = { ja = \"指針\"; en = \"G\"; };\n" \
    "label = { ja = \"版\"; en = \"E\"; }; date = \"2020\"; status = \"draft\"; };\n"

static void remove_dir(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        cr_log_warn("could not remove %s", dir);
}

TestSuite(badfiles, .init = make_dir, .fini = remove_dir);

Test(badfiles, syntax_error_names_the_line)
{
    struct diag_list dl = {0};
    const char t[] = GOOD_HEAD "nodes = (\n { id = \"x.1\" parent = \"\"; }\n);\n";
    const struct diag *d = load_bad(t, sizeof t - 1, &dl);
    cr_assert_not_null(d);
    cr_assert_eq(d->line, 5);
    cr_assert(strstr(d->file, "bad.cfg"));
    diag_clear(&dl);
}

Test(badfiles, wrong_type_names_the_line)
{
    struct diag_list dl = {0};
    const char t[] = GOOD_HEAD "nodes = (\n { id = \"x.1\"; parent = \"\"; number = 7;\n"
                     "   title = { ja = \"a\"; en = \"b\"; }; }\n);\n";
    const struct diag *d = load_bad(t, sizeof t - 1, &dl);
    cr_assert_not_null(d);
    cr_assert_str_eq(d->text, "'number' must be a string");
    cr_assert_eq(d->line, 5);
    diag_clear(&dl);
}

Test(badfiles, missing_english_and_control_characters)
{
    struct diag_list dl = {0};
    const char t[] = GOOD_HEAD "nodes = (\n { id = \"x.1\"; parent = \"\"; number = \"1.\";\n"
                     "   title = { ja = \"a\"; }; }\n);\n";
    const struct diag *d = load_bad(t, sizeof t - 1, &dl);
    cr_assert(strstr(d->text, "has no 'en' text"));
    diag_clear(&dl);
    const char u[] = GOOD_HEAD "nodes = (\n { id = \"x.1\"; parent = \"\"; number = \"1.\";\n"
                     "   title = { ja = \"a\"; en = \"\\x1b[2J\"; }; }\n);\n";
    d = load_bad(u, sizeof u - 1, &dl);
    cr_assert(strstr(d->text, "control character"), "%s", d->text);
    cr_assert_eq(d->line, 6);
    diag_clear(&dl);
}

Test(badfiles, invalid_utf8_and_nul_are_refused_with_the_line)
{
    struct diag_list dl = {0};
    const char t[] = "kijun_library = 1;\n# ok\nx = \"\xFF\";\n";
    const struct diag *d = load_bad(t, sizeof t - 1, &dl);
    cr_assert_eq(d->line, 3);
    cr_assert(strstr(d->text, "invalid UTF-8"));
    diag_clear(&dl);
    const char n[] = "kijun_library = 1;\n\0\n";
    d = load_bad(n, sizeof n - 1, &dl);
    cr_assert_eq(d->line, 2);
    cr_assert(strstr(d->text, "NUL"));
    diag_clear(&dl);
}

Test(badfiles, include_and_long_lines_are_refused)
{
    struct diag_list dl = {0};
    const char t[] = "kijun_library = 1;\n @include \"/etc/passwd\"\n";
    const struct diag *d = load_bad(t, sizeof t - 1, &dl);
    cr_assert_eq(d->line, 2);
    cr_assert(strstr(d->text, "@include"));
    diag_clear(&dl);
    size_t len = 100000;
    char *big = xmalloc(len + 8);
    memcpy(big, "x = \"", 5);
    memset(big + 5, 'a', len);
    memcpy(big + 5 + len, "\";\n", 3);
    d = load_bad(big, len + 8, &dl);
    cr_assert(strstr(d->text, "line longer"));
    free(big);
    diag_clear(&dl);
}

Test(badfiles, newer_schema_and_unknown_settings)
{
    struct diag_list dl = {0};
    const char t[] = "kijun_library = 9;\nedition = {};\nnodes = ();\n";
    const struct diag *d = load_bad(t, sizeof t - 1, &dl);
    cr_assert(strstr(d->text, "newer than this kijun"));
    diag_clear(&dl);
    const char u[] = GOOD_HEAD "colour = \"red\";\nnodes = (\n { id = \"x.1\"; parent = \"\"; number = \"1.\";\n"
                     "   title = { ja = \"a\"; en = \"b\"; }; phase = \"later\"; }\n);\n";
    d = load_bad(u, sizeof u - 1, &dl);
    cr_assert(strstr(d->text, "'phase' is 'later'"), "%s", d->text);
    cr_assert_eq(dl.v[0].severity, DIAG_WARNING);
    cr_assert(strstr(dl.v[0].text, "unknown setting 'colour'"));
    cr_assert_eq(dl.v[0].line, 4);
    diag_clear(&dl);
}

Test(badfiles, non_regular_files_are_refused)
{
    struct diag_list dl = {0};
    struct gl_set set = {0};
    char fifo[128], sub[128];
    snprintf(fifo, sizeof fifo, "%s/fifo.cfg", dir);
    snprintf(sub, sizeof sub, "%s/sub.cfg", dir);
    cr_assert_eq(mkfifo(fifo, 0600), 0);
    cr_assert_eq(mkdir(sub, 0700), 0);
    cr_assert_not(library_load_edition(&set, fifo, &dl)); /* must not hang */
    cr_assert(strstr(dl.v[0].text, "a FIFO"), "%s", dl.v[0].text);
    cr_assert_not(library_load_edition(&set, sub, &dl));
    cr_assert(strstr(dl.v[1].text, "a directory"));
    cr_assert_not(library_load_edition(&set, "/dev/null", &dl));
    cr_assert(strstr(dl.v[2].text, "character device"));
    cr_assert_not(library_load_edition(&set, "/nonexistent/x.cfg", &dl));
    cr_assert(strstr(dl.v[3].text, "cannot open"));
    unlink(fifo);
    rmdir(sub);
    diag_clear(&dl);
    gl_set_free(&set);
}

Test(badfiles, oversized_files_are_refused_unread)
{
    struct diag_list dl = {0};
    struct gl_set set = {0};
    char path[128];
    snprintf(path, sizeof path, "%s/huge.cfg", dir);
    int fd = open(path, O_WRONLY | O_CREAT, 0600);
    cr_assert_geq(fd, 0);
    cr_assert_eq(ftruncate(fd, LIBRARY_MAX_FILE + 1), 0);
    close(fd);
    cr_assert_not(library_load_edition(&set, path, &dl));
    cr_assert(strstr(dl.v[0].text, "over the limit"));
    unlink(path);
    diag_clear(&dl);
    gl_set_free(&set);
}

Test(badfiles, a_folder_without_editions)
{
    struct diag_list dl = {0};
    struct library *lib = library_load(dir, &dl);
    cr_assert_null(lib);
    cr_assert(strstr(dl.v[0].text, "no Guideline edition"));
    diag_clear(&dl);
}

Test(badfiles, reference_table_duplicate_ids_and_floats)
{
    struct diag_list dl = {0};
    const char t[] = "kijun_library = 1;\ntable = { id = \"t\"; title = { ja = \"表\"; en = \"T\"; }; };\n"
                     "items = (\n { id = \"t.a\"; title = { ja = \"a\"; en = \"a\"; }; },\n"
                     " { id = \"t.a\"; title = { ja = \"b\"; en = \"b\"; }; weight = 1.5; }\n);\n";
    char *path = write_file("t.cfg", t, sizeof t - 1);
    struct ref_table *tab = library_load_table(path, &dl);
    cr_assert_null(tab);
    cr_assert_eq(diag_count(&dl, DIAG_ERROR), 2);
    cr_assert(strstr(dl.v[0].text, "used twice"));
    cr_assert_eq(dl.v[0].line, 5);
    cr_assert(strstr(dl.v[1].text, "floating-point"));
    unlink(path);
    free(path);
    diag_clear(&dl);
}

/* Editions are data: a further edition is a file dropped into guideline/. */
Test(badfiles, a_further_edition_is_a_dropped_file)
{
    char gdir[128], cmd[512];
    snprintf(gdir, sizeof gdir, "%s/guideline", dir);
    cr_assert_eq(mkdir(gdir, 0700), 0);
    snprintf(cmd, sizeof cmd, "cp %s/guideline/*.cfg %s/", TEST_DATADIR, gdir);
    cr_assert_eq(system(cmd), 0);
    const char v6[] = "kijun_library = 1;\n"
        "edition = { id = \"v6\"; title = { ja = \"指針（次版）\"; en = \"Next\"; };\n"
        "  label = { ja = \"次版\"; en = \"Next edition\"; }; date = \"2026-04\"; status = \"draft\";\n"
        "  supersedes = \"rev\"; order = 6; };\n"
        "nodes = (\n"
        "  { id = \"v6.I\"; parent = \"\"; number = \"Ⅰ．\"; title = { ja = \"組織統治\"; en = \"Governance\"; };\n"
        "    change = \"from\"; maps = [ \"rev.II\" ]; },\n"
        "  { id = \"v6.I.1\"; parent = \"v6.I\"; number = \"1.\"; title = { ja = \"方針\"; en = \"Policy\"; }; }\n"
        ");\n";
    char *path = write_file("guideline/v6.cfg", v6, sizeof v6 - 1);
    struct diag_list dl = {0};
    struct library *lib = library_load(dir, &dl);
    print_diags(&dl);
    cr_assert_not_null(lib);
    cr_assert_eq(diag_count(&dl, DIAG_ERROR), 0);
    cr_assert_eq(lib->gl.n, 6);
    cr_assert_str_eq(lib->gl.editions[5]->id, "v6"); /* sorted by order */
    const struct gl_node *child = gl_node_find(&lib->gl, "v6.I.1");
    const struct gl_edition *rev = gl_edition_find(&lib->gl, "rev");
    cr_assert_eq(gl_map_to(&lib->gl, child, rev, NULL), gl_node_find(&lib->gl, "rev.II"));
    library_free(lib);
    diag_clear(&dl);
    unlink(path);
    free(path);
    snprintf(cmd, sizeof cmd, "rm -rf %s", gdir);
    cr_assert_eq(system(cmd), 0);
}
