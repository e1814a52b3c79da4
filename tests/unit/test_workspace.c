/* Unit tests: the workspace store: loading the shipped demo and template,
 * schema messages from files, refusing unsafe files, comments, the
 * stable format and round trips, atomic saving, creating workspaces and
 * finding the default one. Every test works in its own folder under
 * /tmp, removed afterwards. */
#include "store/atomic.h"
#include "store/cfgfile.h"
#include "store/libload.h"
#include "util/utf8.h"
#include "store/journal.h"
#include "store/workspace.h"
#include "model/supplier.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <criterion/criterion.h>
#include "fields.h"
#include "diag_expect.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* --- the test's folder -------------------------------------------------- */

static char root[64];
static struct library *lib;

/* rm -rf that also enters folders a test made unreadable. */
static void rm_rf(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        chmod(path, 0700);
        DIR *d = opendir(path);
        if (d) {
            for (struct dirent *e; (e = readdir(d));) {
                if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                    continue;
                char *p = xmalloc(strlen(path) + strlen(e->d_name) + 2);
                sprintf(p, "%s/%s", path, e->d_name);
                rm_rf(p);
                free(p);
            }
            closedir(d);
        }
        rmdir(path);
    } else {
        unlink(path);
    }
}

static void setup(void)
{
    strcpy(root, "/tmp/kijun-ws-test-XXXXXX");
    cr_assert_not_null(mkdtemp(root), "mkdtemp: %s", strerror(errno));
    umask(022);
    lib = test_library();
}

static void teardown(void)
{
    atomic_fail_at(ATOMIC_STEP_NONE, 0);
    if (chdir("/") != 0)
        cr_log_error("chdir /: %s", strerror(errno));
    if (root[0])
        rm_rf(root);
    if (lib)
        library_free(lib);
    lib = NULL;
}

/* A path under the test's folder; new string. */
static char *at(const char *name)
{
    return ws_path(root, name);
}

static char *data_path(const char *what, const char *lang, const char *file)
{
    char *p = xmalloc(strlen(TEST_DATADIR) + strlen(what) + strlen(lang) + strlen(file) + 4);
    sprintf(p, "%s/%s/%s/%s", TEST_DATADIR, what, lang, file);
    return p;
}

/* The file's bytes (NUL-terminated for convenience); *len its size. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "cannot open %s: %s", path, strerror(errno));
    size_t cap = 4096, n = 0, r;
    char *s = xmalloc(cap);
    while ((r = fread(s + n, 1, cap - n - 1, f)) > 0)
        if ((n += r) + 1 == cap)
            s = xrealloc(s, cap *= 2);
    fclose(f);
    s[n] = '\0';
    if (len)
        *len = n;
    return s;
}

static void put(const char *path, const char *text, size_t len)
{
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f, "cannot create %s: %s", path, strerror(errno));
    cr_assert_eq(fwrite(text, 1, len, f), len);
    cr_assert_eq(fclose(f), 0);
}

/* Write name in the test folder; returns its path (new string). */
static char *put_in(const char *name, const char *text)
{
    char *p = at(name);
    put(p, text, strlen(text));
    return p;
}

static void copy_file(const char *from, const char *to)
{
    size_t n;
    char *s = slurp(from, &n);
    put(to, s, n);
    free(s);
}

static bool same_bytes(const char *a, const char *b)
{
    size_t na, nb;
    char *x = slurp(a, &na), *y = slurp(b, &nb);
    bool same = na == nb && memcmp(x, y, na) == 0;
    free(x);
    free(y);
    return same;
}

static bool exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

static mode_t mode_of(const char *path)
{
    struct stat st;
    cr_assert_eq(lstat(path, &st), 0, "%s: %s", path, strerror(errno));
    return st.st_mode;
}

/* Names in dir, sorted and joined with spaces ("." and ".." aside). */
static char *listing(const char *dir)
{
    char *names[64];
    size_t n = 0;
    DIR *d = opendir(dir);
    cr_assert_not_null(d, "%s: %s", dir, strerror(errno));
    for (struct dirent *e; (e = readdir(d));)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && n < 64)
            names[n++] = xstrdup(e->d_name);
    closedir(d);
    for (size_t i = 1; i < n; i++)
        for (size_t k = i; k > 0 && strcmp(names[k - 1], names[k]) > 0; k--) {
            char *t = names[k];
            names[k] = names[k - 1];
            names[k - 1] = t;
        }
    size_t len = 1;
    for (size_t i = 0; i < n; i++)
        len += strlen(names[i]) + 1;
    char *s = xmalloc(len);
    s[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(s, " ");
        strcat(s, names[i]);
        free(names[i]);
    }
    return s;
}

static void assert_listing(const char *dir, const char *want)
{
    char *got = listing(dir);
    cr_assert_str_eq(got, want, "%s holds the wrong files", dir);
    free(got);
}

/* --- diagnostics -------------------------------------------------------- */

#define EXPECT(dl, file, ...) do { \
        const struct want w_[] = {__VA_ARGS__}; \
        expect(dl, file, w_, sizeof w_ / sizeof *w_); \
    } while (0)

/* The only error of dl (there must be exactly one). */
static const struct diag *the_error(const struct diag_list *dl)
{
    if (diag_count(dl, DIAG_ERROR) != 1)
        log_diags(dl);
    cr_assert_eq(diag_count(dl, DIAG_ERROR), 1, "expected one error, got %zu",
                 diag_count(dl, DIAG_ERROR));
    for (size_t i = 0; i < dl->n; i++)
        if (dl->v[i].severity == DIAG_ERROR)
            return &dl->v[i];
    return NULL;
}

/* --- loading ------------------------------------------------------------ */

struct loaded {
    char *path;
    enum ws_status st;
    struct profile p;
    struct ws_file info;
    struct diag_list dl;
};

static void load_at(struct loaded *l, const char *path)
{
    memset(l, 0, sizeof *l);
    l->path = xstrdup(path);
    profile_init(&l->p);
    l->st = ws_load_profile(path, lib, &l->p, &l->info, &l->dl);
    if (l->st == WS_OK) /* and the model's rules, as kijun check runs them */
        profile_check(&l->p, lib, path, &l->dl);
    cr_assert_eq(l->info.status, l->st);
    cr_assert_str_eq(l->info.path, path);
}

/* Write text as profile.cfg in the test folder and load it. */
static void load_text(struct loaded *l, const char *text)
{
    char *path = put_in("profile.cfg", text);
    load_at(l, path);
    free(path);
}

static void loaded_free(struct loaded *l)
{
    profile_free(&l->p);
    diag_clear(&l->dl);
    free(l->info.path);
    free(l->path);
}

/* A valid profile after the first lines given (criteria on lines +1..+5
 * of where it starts). */
#define CRITERIA "criteria = {\n  rule = \"product\";\n  threshold = 4;\n" \
    "  impact = ( { level = 1; label = \"a\"; }, { level = 2; label = \"b\"; }, { level = 3; label = \"c\"; } );\n" \
    "  likelihood = ( { level = 1; label = \"a\"; }, { level = 2; label = \"b\"; }, { level = 3; label = \"c\"; } );\n};\n"
#define HEAD "kijun_workspace = 1;\norganisation = {\n  name = \"Org\";\n};\n"

TestSuite(shipped, .init = setup, .fini = teardown);

Test(shipped, demo_and_template_load_without_findings)
{
    const char *whats[] = {"demo", "template"}, *langs[] = {"ja", "en"};
    for (int w = 0; w < 2; w++) {
        for (int g = 0; g < 2; g++) {
            char *pp = data_path(whats[w], langs[g], "profile.cfg");
            struct loaded l;
            load_at(&l, pp);
            if (l.dl.n)
                log_diags(&l.dl);
            cr_assert_eq(l.st, WS_OK, "%s", pp);
            cr_assert_eq(l.dl.n, 0, "%s has %zu findings", pp, l.dl.n);
            cr_assert_not(l.info.has_comments, "%s", pp);
            cr_assert_eq(l.p.c[COLL_IMPACT].n, 5);
            cr_assert_eq(l.p.c[COLL_LIKELIHOOD].n, 5);
            cr_assert_str_eq(rec_str(&l.p.criteria, CRIT_RULE), "product");
            cr_assert_eq(rec_int(&l.p.criteria, CRIT_THRESHOLD, 0), 10);
            if (w == 0) {
                cr_assert_eq(l.p.c[COLL_ROLES].n, 8);
                cr_assert_eq(l.p.c[COLL_GOVERNANCE].n, 8);
                cr_assert_eq(l.p.c[COLL_SERVICES].n, 4);
                cr_assert_eq(l.p.c[COLL_OPERATIONS].n, 10);
                cr_assert_eq(profile_supplier_count(&l.p), 5); /* in the new form */
                cr_assert_eq(l.p.old_suppliers, 0);
                cr_assert_str_eq(rec_str(&l.p.org, ORG_SECTOR), "sectors.water");
                cr_assert_eq(rec_int(&l.p.org, ORG_EMPLOYEES, 0), 480);
            } else {
                for (int c = 0; c < COLL__COUNT; c++)
                    if (c != COLL_IMPACT && c != COLL_LIKELIHOOD)
                        cr_assert_eq(l.p.c[c].n, 0, "the template has %s", profile_coll_defs[c]->key);
            }
            loaded_free(&l);
            free(pp);

            char *cp = data_path(whats[w], langs[g], "checklist.cfg");
            struct checklist c;
            checklist_init(&c);
            struct ws_file info = {0};
            struct diag_list dl = {0};
            cr_assert_eq(ws_load_checklist(cp, lib, &c, &info, &dl), WS_OK, "%s", cp);
            if (dl.n)
                log_diags(&dl);
            cr_assert_eq(dl.n, 0, "%s has %zu findings", cp, dl.n);
            cr_assert_eq(info.status, WS_OK);
            cr_assert_not(info.has_comments);
            if (w == 0)
                cr_assert_gt(c.items.n, 20);
            else
                cr_assert_eq(c.items.n, 0);
            checklist_free(&c);
            free(info.path);
            free(cp);
        }
    }
}

Test(shipped, the_demo_in_english)
{
    char *pp = data_path("demo", "en", "profile.cfg");
    struct loaded l;
    load_at(&l, pp);
    cr_assert_str_eq(rec_str(&l.p.org, ORG_NAME), "Minato City Waterworks Bureau");
    const struct record *svc = coll_find(&l.p.c[COLL_SERVICES], "svc-water");
    cr_assert_not_null(svc);
    cr_assert_eq(rec_int(svc, SVC_MTD_HOURS, -1), 12);
    cr_assert_eq(svc->line, 125, "the record's line is that of its '{'");
    cr_assert_eq(service_operation_count(&l.p, "svc-water"), 5);
    cr_assert_eq(service_operation_count(&l.p, "svc-quality-info"), 0);
    const struct record *old = coll_find(&l.p.c[COLL_RESOURCES], "res-old-server");
    cr_assert_not_null(old);
    cr_assert(resource_unused(&l.p, old));
    cr_assert_not(resource_unused(&l.p, coll_find(&l.p.c[COLL_RESOURCES], "res-scada")));
    cr_assert_eq(l.p.c[COLL_RESOURCES].r[0].line, 224);
    loaded_free(&l);
    free(pp);
}

Test(shipped, the_format_of_a_loaded_file_is_its_bytes)
{
    const char *whats[] = {"demo", "template"}, *langs[] = {"ja", "en"};
    for (int w = 0; w < 2; w++) {
        for (int g = 0; g < 2; g++) {
            char *pp = data_path(whats[w], langs[g], "profile.cfg");
            struct loaded l;
            load_at(&l, pp);
            cr_assert_eq(l.st, WS_OK);
            char *text = ws_format_profile(&l.p), *file = slurp(pp, NULL);
            cr_assert_str_eq(text, file, "%s would be rewritten", pp);
            free(text);
            free(file);
            loaded_free(&l);
            free(pp);

            char *cp = data_path(whats[w], langs[g], "checklist.cfg");
            struct checklist c;
            checklist_init(&c);
            struct diag_list dl = {0};
            cr_assert_eq(ws_load_checklist(cp, lib, &c, NULL, &dl), WS_OK);
            text = ws_format_checklist(&c);
            file = slurp(cp, NULL);
            cr_assert_str_eq(text, file, "%s would be rewritten", cp);
            free(text);
            free(file);
            checklist_free(&c);
            diag_clear(&dl);
            free(cp);
        }
    }
}

Test(shipped, saving_without_edits_changes_nothing)
{
    const char *langs[] = {"ja", "en"};
    for (int g = 0; g < 2; g++) {
        char *src = data_path("demo", langs[g], "profile.cfg");
        char *csrc = data_path("demo", langs[g], "checklist.cfg");
        char *path = at("profile.cfg"), *bak = at("profile.cfg~");
        char *cpath = at("checklist.cfg"), *cbak = at("checklist.cfg~");
        copy_file(src, path);
        copy_file(csrc, cpath);
        struct stat before, after;
        cr_assert_eq(stat(path, &before), 0);
        struct loaded l;
        load_at(&l, path);
        cr_assert_eq(l.st, WS_OK);
        bool unchanged = false;
        struct diag_list dl = {0};
        cr_assert(ws_save_profile(path, &l.p, &unchanged, &dl));
        cr_assert(unchanged, "a save without edits rewrote %s", path);
        cr_assert_eq(dl.n, 0);
        cr_assert_not(exists(bak), "an unchanged save made a backup");
        cr_assert_eq(stat(path, &after), 0);
        cr_assert_eq(after.st_ino, before.st_ino);
        cr_assert_eq(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec);
        cr_assert(same_bytes(path, src));

        struct checklist c;
        checklist_init(&c);
        cr_assert_eq(ws_load_checklist(cpath, lib, &c, NULL, &dl), WS_OK);
        unchanged = false;
        cr_assert(ws_save_checklist(cpath, &c, &unchanged, &dl));
        cr_assert(unchanged);
        cr_assert_eq(dl.n, 0);
        cr_assert_not(exists(cbak));
        cr_assert(same_bytes(cpath, csrc));
        assert_listing(root, "checklist.cfg profile.cfg");

        /* one edit: saved, with the old version as FILE~ */
        struct value *v = &l.p.org.v[ORG_EMPLOYEES];
        v->i++;
        cr_assert(ws_save_profile(path, &l.p, &unchanged, &dl));
        cr_assert_not(unchanged);
        cr_assert_eq(dl.n, 0);
        cr_assert(same_bytes(bak, src));
        cr_assert_not(same_bytes(path, src));
        cr_assert_eq(mode_of(path) & 07777, 0600);

        checklist_free(&c);
        loaded_free(&l);
        unlink(path);
        unlink(bak);
        unlink(cpath);
        free(src), free(csrc), free(path), free(bak), free(cpath), free(cbak);
    }
}

/* --- schema messages -------------------------------------------------------- */

TestSuite(schema, .init = setup, .fini = teardown);

Test(schema, a_small_valid_file)
{
    struct loaded l;
    load_text(&l, HEAD CRITERIA);
    cr_assert_eq(l.st, WS_OK);
    if (l.dl.n)
        log_diags(&l.dl);
    cr_assert_eq(l.dl.n, 0);
    cr_assert_eq(l.p.org.line, 2);
    cr_assert_eq(l.p.criteria.line, 5);
    loaded_free(&l);
}

Test(schema, unknown_settings_are_warnings_with_their_line)
{
    struct loaded l;
    load_text(&l, "kijun_workspace = 1;\n"
                  "colour = \"red\";\n"
                  "organisation = {\n"
                  "  name = \"Org\";\n"
                  "  motto = \"Safety first\";\n"
                  "};\n"
                  "services = (\n"
                  "  {\n"
                  "    id = \"svc-1\";\n"
                  "    name = \"Water\";\n"
                  "    mtd = 12;\n"
                  "  }\n"
                  ");\n"
                  CRITERIA);
    cr_assert_eq(l.st, WS_OK);
    EXPECT(&l.dl, l.path,
           {DIAG_WARNING, 2, "unknown setting 'colour' (kept as it is)"},
           {DIAG_WARNING, 5, "unknown setting 'motto' (kept as it is)"},
           {DIAG_WARNING, 11, "unknown setting 'mtd' (kept as it is)"});
    /* the rest is read */
    cr_assert_str_eq(rec_str(&l.p.org, ORG_NAME), "Org");
    cr_assert_str_eq(l.p.c[COLL_SERVICES].r[0].id, "svc-1");
    loaded_free(&l);
}

/* The reader takes a list's entries from the last (each freed from the
 * parsed tree once read): the entries and their findings stay in the
 * file's order. */
Test(schema, entries_and_their_findings_keep_the_files_order)
{
    struct loaded l;
    load_text(&l, HEAD "services = (\n"
                  "  { id = \"svc-1\"; name = \"A\"; x1 = 1; },\n"
                  "  { id = \"svc-2\"; name = \"B\"; x2 = 2; x3 = 3; },\n"
                  "  { id = \"svc-3\"; name = \"C\"; x4 = 4; }\n"
                  ");\n" CRITERIA);
    cr_assert_eq(l.st, WS_OK);
    cr_assert_eq(l.p.c[COLL_SERVICES].n, 3);
    static const char *const ids[] = {"svc-1", "svc-2", "svc-3"};
    for (size_t i = 0; i < 3; i++)
        cr_assert_str_eq(l.p.c[COLL_SERVICES].r[i].id, ids[i]);
    static const char *const names[] = {"'x1'", "'x2'", "'x3'", "'x4'"};
    size_t k = 0;
    for (size_t i = 0; i < l.dl.n && k < 4; i++)
        if (strstr(l.dl.v[i].text, names[k]))
            k++;
    cr_assert_eq(k, 4, "the findings are in the file's order");
    loaded_free(&l);
}

/* The reader frees the parsed entries of a long list a batch at a time:
 * across the batches, the records and what it finds about them keep the
 * file's order, and what it keeps goes back to its own record. */
Test(schema, a_long_list_keeps_the_files_order_across_the_readers_batches)
{
    enum { N = 1300 };
    static const int odd[] = {0, 1, 510, 511, 512, 513, 1023, 1024, 1025, 1299};
    struct strbuf sb = STRBUF_INIT;
    sb_adds(&sb, HEAD "services = (\n");
    size_t k = 0;
    for (int i = 0; i < N; i++) {
        sb_printf(&sb, "  { id = \"svc-%d\"; name = \"S%d\";", i, i);
        if (k < sizeof odd / sizeof *odd && odd[k] == i) {
            sb_printf(&sb, " x%d = %d;", i, i);
            k++;
        }
        sb_adds(&sb, i + 1 < N ? " },\n" : " }\n");
    }
    sb_adds(&sb, ");\n" CRITERIA);
    struct loaded l;
    load_text(&l, sb_str(&sb));
    sb_free(&sb);
    cr_assert_eq(l.st, WS_OK);
    const struct collection *c = &l.p.c[COLL_SERVICES];
    cr_assert_eq(c->n, (size_t)N);
    k = 0;
    for (int i = 0; i < N; i++) {
        char id[32], kept[32];
        snprintf(id, sizeof id, "svc-%d", i);
        cr_assert_str_eq(c->r[i].id, id);
        cr_assert_eq(c->r[i].line, 6 + i, "svc-%d is read from its line", i);
        if (k < sizeof odd / sizeof *odd && odd[k] == i) {
            snprintf(kept, sizeof kept, "x%d = %d;", i, i);
            cr_assert_eq(c->r[i].kept.n, 1);
            cr_assert_str_eq(c->r[i].kept.v[0], kept);
            k++;
        } else {
            cr_assert_eq(c->r[i].kept.n, 0, "svc-%d keeps nothing", i);
        }
    }
    k = 0;
    for (size_t i = 0; i < l.dl.n; i++) {
        char name[32];
        if (k == sizeof odd / sizeof *odd)
            break;
        snprintf(name, sizeof name, "'x%d'", odd[k]);
        if (strstr(l.dl.v[i].text, name)) {
            cr_assert_eq(l.dl.v[i].line, 6 + odd[k]);
            k++;
        }
    }
    cr_assert_eq(k, sizeof odd / sizeof *odd, "the findings are in the file's order");
    loaded_free(&l);
}

/* What reading finds comes in line order, whatever the order in which
 * the reader looks (the top level first, then each group). */
Test(schema, what_reading_finds_comes_in_line_order)
{
    struct loaded l;
    load_text(&l, "kijun_workspace = 1;\n"
                  "organisation = {\n"
                  "  name = \"Org\";\n"
                  "  motto = \"first\";\n"
                  "};\n"
                  CRITERIA
                  "trailing = 1;\n");
    cr_assert_eq(l.st, WS_OK);
    int last = 0;
    size_t seen = 0;
    for (size_t i = 0; i < l.dl.n; i++) {
        cr_assert_geq(l.dl.v[i].line, last, "finding %zu (line %d) after line %d", i, l.dl.v[i].line, last);
        last = l.dl.v[i].line;
        seen += strstr(l.dl.v[i].text, "'motto'") || strstr(l.dl.v[i].text, "'trailing'");
    }
    cr_assert_eq(seen, 2);
    loaded_free(&l);
}

/* An entry that is no group is one finding, the reader's: not also "no id"
 * and "'name' is required" from the rules. */
Test(schema, an_entry_that_is_no_group_is_said_once)
{
    struct loaded l;
    load_text(&l, HEAD "services = ( 5 );\n" CRITERIA);
    cr_assert_eq(l.st, WS_OK);
    cr_assert_eq(l.dl.n, 1, "%zu findings, the first: %s", l.dl.n, l.dl.n ? l.dl.v[0].text : "");
    cr_assert_not_null(strstr(l.dl.v[0].text, "each entry must be a group"), "%s", l.dl.v[0].text);
    loaded_free(&l);
}

Test(schema, wrong_types_are_errors_with_their_line)
{
    struct loaded l;
    load_text(&l, "kijun_workspace = 1;\n"
                  "organisation = {\n"
                  "  name = 5;\n"
                  "  employees = \"many\";\n"
                  "};\n"
                  "roles = (\n"
                  "  { id = \"r\"; role = \"roles.ciso\"; name = \"A\";\n"
                  "    from_board = \"yes\"; }\n"
                  ");\n"
                  "operations = (\n"
                  "  { id = \"op-1\"; name = \"Op\";\n"
                  "    services = \"svc-1\"; }\n"
                  ");\n"
                  CRITERIA);
    cr_assert_eq(l.st, WS_OK);
    EXPECT(&l.dl, l.path,
           {DIAG_ERROR, 3, "'name' must be a string"},
           {DIAG_ERROR, 4, "'employees' must be an integer"},
           {DIAG_ERROR, 8, "'from_board' must be true or false"},
           {DIAG_ERROR, 12, "'services' must be a list of strings [\"...\", ...]"});
    /* the name is there, of the wrong type, kept as it was: "'name' is
     * required" would be untrue */
    cr_assert(record_keeps(&l.p.org, "name"));
    loaded_free(&l);
}

Test(schema, out_of_range_values_are_errors_with_their_line)
{
    struct loaded l;
    load_text(&l, "kijun_workspace = 1;\n"
                  "organisation = {\n"
                  "  name = \"Org\";\n"
                  "  sector = \"sectors.mars\";\n"
                  "};\n"
                  "services = (\n"
                  "  {\n"
                  "    id = \"svc-1\";\n"
                  "    name = \"Water\";\n"
                  "    mtd_hours = 9000;\n"
                  "  }\n"
                  ");\n"
                  "resources = (\n"
                  "  { id = \"res-1\"; name = \"R\"; kind = \"robot\"; }\n"
                  ");\n"
                  CRITERIA);
    cr_assert_eq(l.st, WS_OK);
    EXPECT(&l.dl, l.path,
           /* at the line of the value, not of its group */
           {DIAG_ERROR, 4, "organisation: Sector ('sector') names 'sectors.mars', which does not exist"},
           {DIAG_ERROR, 10, "svc-1: Max downtime (h) ('mtd_hours') is 9000, outside 0..8760"},
           {DIAG_ERROR, 14, "res-1: Kind ('kind') is 'robot', not one of the allowed values"});
    /* the value is kept for the user to fix */
    cr_assert_eq(rec_int(&l.p.c[COLL_SERVICES].r[0], field_of(profile_coll_defs[COLL_SERVICES], "mtd_hours"), 0), 9000);
    loaded_free(&l);
}

Test(schema, missing_groups_and_criteria_rules)
{
    struct loaded l;
    load_text(&l, "kijun_workspace = 1;\norganisation = { name = \"Org\"; };\n");
    cr_assert_eq(l.st, WS_OK);
    EXPECT(&l.dl, l.path,
           {DIAG_ERROR, 0, "missing group 'criteria = { ... };'"},
           {DIAG_ERROR, 0, "criteria: Rule ('rule') is required"},
           {DIAG_ERROR, 0, "criteria: Threshold ('threshold') is required"},
           {DIAG_ERROR, 0, "criteria: Impact scale ('impact') has 0 levels; it needs 3 to 6"},
           {DIAG_ERROR, 0, "criteria: Likelihood scale ('likelihood') has 0 levels; it needs 3 to 6"});
    loaded_free(&l);
    load_text(&l, "kijun_workspace = 1;\n" CRITERIA "services = { id = \"x\"; };\n");
    EXPECT(&l.dl, l.path,
           {DIAG_ERROR, 0, "missing group 'organisation = { name = ...; };'"},
           {DIAG_ERROR, 0, "organisation: Name ('name') is required"},
           {DIAG_ERROR, 8, "'services' must be a list ( { ... }, ... )"});
    loaded_free(&l);
}

Test(schema, a_newer_schema_is_not_read)
{
    struct loaded l;
    load_text(&l, "kijun_workspace = 2;\norganisation = { name = \"Org\"; };\n" CRITERIA);
    cr_assert_eq(l.st, WS_UNREADABLE);
    EXPECT(&l.dl, l.path,
           {DIAG_ERROR, 1, "schema version 2 is newer than this kijun understands (1): not read"});
    cr_assert_str_eq(rec_str(&l.p.org, ORG_NAME), "", "nothing was read");
    loaded_free(&l);
}

Test(schema, a_much_newer_schema_is_not_read_either)
{
    struct loaded l;
    load_text(&l, "kijun_workspace = 1001;\norganisation = { name = \"Org\"; };\n" CRITERIA);
    cr_assert_eq(l.st, WS_UNREADABLE, "a schema version 1001 file was read as WS_OK");
    loaded_free(&l);
}

Test(schema, a_syntax_error_is_unreadable_with_its_line)
{
    struct loaded l;
    load_text(&l, "kijun_workspace = 1;\norganisation = {\n  name = \"Org\";\n  sector = = \"sectors.water\";\n};\n");
    cr_assert_eq(l.st, WS_UNREADABLE);
    const struct diag *d = the_error(&l.dl);
    cr_assert_str_eq(d->file, l.path);
    cr_assert_eq(d->line, 4);
    cr_assert_str_eq(d->text, "syntax error");
    loaded_free(&l);
}

Test(schema, a_missing_file)
{
    char *path = at("profile.cfg");
    struct loaded l;
    load_at(&l, path);
    cr_assert_eq(l.st, WS_MISSING);
    cr_assert_eq(l.dl.n, 0);
    loaded_free(&l);
    struct checklist c;
    checklist_init(&c);
    struct ws_file info = {0};
    struct diag_list dl = {0};
    char *cpath = at("checklist.cfg");
    cr_assert_eq(ws_load_checklist(cpath, lib, &c, &info, &dl), WS_MISSING);
    cr_assert_eq(info.status, WS_MISSING);
    cr_assert_eq(dl.n, 0);
    checklist_free(&c);
    free(info.path);
    free(cpath);
    free(path);
}

/* --- files that are refused ---------------------------------------------- */

TestSuite(refused, .init = setup, .fini = teardown, .timeout = 20);

static void assert_refused(const char *path, int line, const char *text)
{
    struct loaded l;
    load_at(&l, path);
    cr_assert_eq(l.st, WS_UNREADABLE, "%s was not refused", path);
    EXPECT(&l.dl, path, {DIAG_ERROR, line, text});
    loaded_free(&l);
}

Test(refused, a_fifo_a_folder_and_a_device_without_hanging)
{
    char *path = at("profile.cfg");
    cr_assert_eq(mkfifo(path, 0600), 0);
    assert_refused(path, 0, "a FIFO, not a regular file: refused");
    unlink(path);
    cr_assert_eq(mkdir(path, 0700), 0);
    assert_refused(path, 0, "a directory, not a regular file: refused");
    rmdir(path);
    cr_assert_eq(symlink("/dev/null", path), 0);
    assert_refused(path, 0, "a symbolic link (kijun follows no links in a workspace): refused");
    assert_refused("/dev/null", 0, "a character device, not a regular file: refused");
    free(path);
}

Test(refused, a_file_over_16_mib)
{
    char *path = at("profile.cfg");
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    cr_assert_geq(fd, 0);
    cr_assert_eq(ftruncate(fd, WORKSPACE_MAX_FILE + 1), 0);
    close(fd);
    assert_refused(path, 0, "file is 16777217 bytes, over the limit of 16777216: refused");
    free(path);
}

Test(refused, invalid_utf8_and_nul_with_their_line)
{
    char *path = at("profile.cfg");
    const char bad[] = "kijun_workspace = 1;\norganisation = {\n  name = \"Org \xC3\x28\";\n};\n";
    put(path, bad, sizeof bad - 1);
    assert_refused(path, 3, "invalid UTF-8 (byte 0xC3): refused");
    const char nul[] = "kijun_workspace = 1;\norganisation = {\n\n  name = \"Org\0\";\n};\n";
    put(path, nul, sizeof nul - 1);
    assert_refused(path, 4, "NUL byte in the file: refused");
    /* an overlong encoding of '"' is invalid too */
    const char overlong[] = "kijun_workspace = 1;\nx = \"\xC0\xA2\";\n";
    put(path, overlong, sizeof overlong - 1);
    assert_refused(path, 2, "invalid UTF-8 (byte 0xC0): refused");
    free(path);
}

Test(refused, include_and_long_lines)
{
    char *other = put_in("other.cfg", "organisation = { name = \"Included\"; };\n");
    char *text = xmalloc(strlen(other) + 100);
    sprintf(text, "kijun_workspace = 1;\n\n  @include \"%s\"\n", other);
    char *path = put_in("profile.cfg", text);
    assert_refused(path, 3, "@include is not allowed here");
    /* a relative one too */
    const char rel[] = "kijun_workspace = 1;\n@include \"other.cfg\"\n";
    put(path, rel, sizeof rel - 1);
    assert_refused(path, 2, "@include is not allowed here");
    size_t n = CFG_MAX_LINE + 1;
    char *big = xmalloc(n + 64);
    int k = sprintf(big, "kijun_workspace = 1;\norganisation = { name = \"");
    memset(big + k, 'a', n);
    k += (int)n;
    k += sprintf(big + k, "\"; };\n");
    put(path, big, (size_t)k);
    assert_refused(path, 2, "line longer than 65536 bytes: refused");
    free(big);
    free(text);
    free(path);
    free(other);
}

Test(refused, control_characters_in_strings)
{
    struct loaded l;
    load_text(&l, "kijun_workspace = 1;\n"
                  "organisation = {\n"
                  "  name = \"Org\";\n"
                  "  note = \"\\x1b]0;pwned\\x07\";\n"
                  "  standards = [ \"ok\", \"tab\\there\" ];\n"
                  "};\n" CRITERIA);
    cr_assert_eq(l.st, WS_OK);
    EXPECT(&l.dl, l.path,
           {DIAG_ERROR, 4, "'note' contains a control character (0x1B)"},
           {DIAG_ERROR, 5, "'standards' contains a control character (0x09)"});
    cr_assert_null(l.p.org.v[ORG_NOTE].s, "the note was not read");
    cr_assert_not(l.p.org.v[ORG_NOTE].set);
    cr_assert_not(l.p.org.v[ORG_STANDARDS].set);
    loaded_free(&l);
}

/* The control characters the reader refuses, as a plain walk over the
 * characters finds them (cg_clean_text looks at eight bytes at a time). */
static bool refused_by_walk(const char *v, bool allow_nl)
{
    size_t n = strlen(v), i = 0;
    while (i < n) {
        uint32_t cp;
        bool ok;
        size_t k = utf8_decode(v + i, n - i, &cp, &ok);
        if ((cp < 0x20 && !(allow_nl && cp == '\n')) || (cp >= 0x7F && cp < 0xA0))
            return true;
        i += k;
    }
    return false;
}

Test(refused, every_byte_at_every_place_of_a_string)
{
    struct diag_list dl = {0};
    struct cfgctx c = {"t.cfg", &dl};
    static const char *const tails[] = {"", "\xC2\x9B", "\xE3\x81\x82", "\x7F", "~", "\xC2\xA0"};
    char buf[64];
    for (int b = 1; b < 256; b++)
        for (size_t at = 0; at < 20; at++)
            for (size_t t = 0; t < sizeof tails / sizeof *tails; t++)
                for (int nl = 0; nl < 2; nl++) {
                    memset(buf, 'a', at);
                    buf[at] = (char)b;
                    snprintf(buf + at + 1, sizeof buf - at - 1, "%.*s%s", (int)(at % 9), "bcdefghij", tails[t]);
                    bool want = !refused_by_walk(buf, nl);
                    cr_assert_eq(cg_clean_text(&c, NULL, "x", buf, nl), want,
                                 "byte 0x%02X at %zu, tail %zu, newline %s", b, at, t, nl ? "allowed" : "not");
                }
    diag_clear(&dl);
}

Test(refused, c1_control_characters_in_strings)
{
    struct loaded l;
    load_text(&l, "kijun_workspace = 1;\norganisation = {\n  name = \"x\xC2\x9B" "2J\";\n};\n" CRITERIA);
    cr_assert_eq(l.st, WS_OK);
    /* one finding: the name is there, refused for its character, and kept
     * (written back as it was); "'name' is required" would be untrue */
    EXPECT(&l.dl, l.path,
           {DIAG_ERROR, 3, "'name' contains a control character (0x9B)"});
    cr_assert(record_keeps(&l.p.org, "name"), "the name is kept to be written back");
    loaded_free(&l);
}

/* --- comments ------------------------------------------------------------------ */

TestSuite(comments, .init = setup, .fini = teardown);

static bool has_comments(const char *text)
{
    struct loaded l;
    load_text(&l, text);
    cr_assert_eq(l.st, WS_OK, "%s", text);
    bool c = l.info.has_comments;
    loaded_free(&l);
    return c;
}

Test(comments, are_noticed_outside_strings_only)
{
    cr_assert(has_comments(HEAD "# a comment\n" CRITERIA));
    cr_assert(has_comments(HEAD "// a comment\n" CRITERIA));
    cr_assert(has_comments(HEAD "/* a comment */\n" CRITERIA));
    cr_assert(has_comments("kijun_workspace = 1; # schema\n"
                           "organisation = { name = \"Org\"; };\n" CRITERIA));
    cr_assert_not(has_comments(HEAD CRITERIA));
    cr_assert_not(has_comments("kijun_workspace = 1;\norganisation = {\n"
                               "  name = \"Org #1\";\n"
                               "  note = \"see https://example.jp/a /* b */\";\n"
                               "  standards = [ \"say \\\"#\\\" \\\\\", \"// not\" ];\n"
                               "};\n" CRITERIA));
    /* after a string with an escaped backslash, '#' is a comment again */
    cr_assert(has_comments("kijun_workspace = 1;\norganisation = {\n"
                           "  name = \"Org \\\\\"; # here\n};\n" CRITERIA));
}

/* --- round trips -------------------------------------------------------------- */

TestSuite(roundtrip, .init = setup, .fini = teardown);

#define D(c) (profile_coll_defs[c])

static void set_s(struct record *r, const struct coll_def *def, const char *key, const char *s)
{
    struct value *v = value_of(r, def, key);
    cr_assert_not_null(v, "%s has no %s", def->key, key);
    free(v->s);
    v->s = xstrdup(s);
    v->set = true;
}

static void set_i(struct record *r, const struct coll_def *def, const char *key, long long i)
{
    struct value *v = value_of(r, def, key);
    cr_assert_not_null(v, "%s has no %s", def->key, key);
    v->i = i;
    v->set = true;
}

static void set_b(struct record *r, const struct coll_def *def, const char *key, bool b)
{
    struct value *v = value_of(r, def, key);
    cr_assert_not_null(v, "%s has no %s", def->key, key);
    v->b = b;
    v->set = true;
}

static void set_l(struct record *r, const struct coll_def *def, const char *key, ...)
{
    struct value *v = value_of(r, def, key);
    cr_assert_not_null(v, "%s has no %s", def->key, key);
    strlist_free(&v->list);
    va_list ap;
    va_start(ap, key);
    for (const char *s; (s = va_arg(ap, const char *));)
        strlist_add(&v->list, s);
    va_end(ap);
    v->set = true;
}

static struct record *add(struct profile *p, enum profile_coll c, const char *id)
{
    struct record r;
    record_init(&r, D(c));
    r.id = id ? xstrdup(id) : NULL;
    size_t i = coll_add(&p->c[c], &r);
    return &p->c[c].r[i];
}

/* Every field of every record of a profile that has none unset, with
 * text that needs escaping but no control characters. */
static const char *const WEIRD = "「本局」 \"quoted\" back\\slash \\\\ \\n not-a-newline 🚰🔐 é";

static char *long_text(void)
{
    size_t n = 0, cap = 11000;
    char *s = xmalloc(cap);
    const char unit[] = "水道 water \"q\" \\ 🔐 ";
    while (n + sizeof unit < cap) {
        memcpy(s + n, unit, sizeof unit - 1);
        n += sizeof unit - 1;
    }
    s[n] = '\0';
    cr_assert_geq(strlen(s), 10240);
    return s;
}

static void full_profile(struct profile *p)
{
    profile_init(p);
    char *big = long_text();
    const struct coll_def *od = &profile_org_def;
    set_s(&p->org, od, "name", "湊市上下水道局 \"Minato\" \\ Waterworks");
    set_s(&p->org, od, "sector", "sectors.water");
    set_i(&p->org, od, "employees", 0);
    set_l(&p->org, od, "standards", "ISO/IEC 27001", "JIS Q 27001「情報」", WEIRD, "", NULL);
    set_s(&p->org, od, "note", big);

    const char *role_ids[] = {"role-ciso", "role.exec_1"}, *roles[] = {"roles.ciso", "roles.executives"};
    for (int i = 0; i < 2; i++) {
        struct record *r = add(p, COLL_ROLES, role_ids[i]);
        set_s(r, D(COLL_ROLES), "role", roles[i]);
        set_s(r, D(COLL_ROLES), "name", i ? "佐藤 花子" : "Sato \"Hana\" 😀");
        set_s(r, D(COLL_ROLES), "position", "執行役員 / CISO");
        set_s(r, D(COLL_ROLES), "contact", "ciso@example.jp; +81-3-0000-0000");
        set_b(r, D(COLL_ROLES), "from_board", i == 0);
        set_s(r, D(COLL_ROLES), "training", "2026-06 NISC \\ course");
        set_s(r, D(COLL_ROLES), "note", "");
    }
    const char *gov[] = {"governance.policy", "governance.ciso"}, *gst[] = {"yes", "na"};
    for (int i = 0; i < 2; i++) {
        struct record *r = add(p, COLL_GOVERNANCE, gov[i]);
        set_s(r, D(COLL_GOVERNANCE), "status", gst[i]);
        set_s(r, D(COLL_GOVERNANCE), "evidence", WEIRD);
        set_s(r, D(COLL_GOVERNANCE), "note", "規程 第3条");
    }
    const char *svc[] = {"svc-1", "svc-2"};
    for (int i = 0; i < 2; i++) {
        struct record *r = add(p, COLL_SERVICES, svc[i]);
        set_s(r, D(COLL_SERVICES), "name", i ? "Billing" : "給水");
        set_s(r, D(COLL_SERVICES), "description", WEIRD);
        set_s(r, D(COLL_SERVICES), "dependents", "120,000 households; two hospitals");
        set_i(r, D(COLL_SERVICES), "mtd_hours", i ? 8760 : 0);
        set_s(r, D(COLL_SERVICES), "service_level", "> 0.15 MPa");
        set_s(r, D(COLL_SERVICES), "note", big);
    }
    struct record *r = add(p, COLL_OPERATIONS, "op-1");
    set_s(r, D(COLL_OPERATIONS), "name", "浄水処理");
    set_l(r, D(COLL_OPERATIONS), "services", "svc-1", "svc-2", NULL);
    set_s(r, D(COLL_OPERATIONS), "description", WEIRD);
    set_s(r, D(COLL_OPERATIONS), "note", "n");

    r = add(p, COLL_RESOURCES, "res-1");
    set_s(r, D(COLL_RESOURCES), "name", "SCADA（中央監視）");
    set_s(r, D(COLL_RESOURCES), "kind", "ot");
    set_s(r, D(COLL_RESOURCES), "owner", "Facilities");
    set_s(r, D(COLL_RESOURCES), "location", "中央制御室");
    set_l(r, D(COLL_RESOURCES), "operations", "op-1", NULL);
    set_l(r, D(COLL_RESOURCES), "depends", "res-2", NULL);
    set_s(r, D(COLL_RESOURCES), "note", WEIRD);
    r = add(p, COLL_RESOURCES, "res-2");
    set_s(r, D(COLL_RESOURCES), "name", "Network");
    set_s(r, D(COLL_RESOURCES), "kind", "external");
    set_s(r, D(COLL_RESOURCES), "owner", "");
    set_s(r, D(COLL_RESOURCES), "location", "");
    set_l(r, D(COLL_RESOURCES), "operations", NULL);   /* set, but empty */
    set_l(r, D(COLL_RESOURCES), "depends", NULL);
    set_s(r, D(COLL_RESOURCES), "note", "");

    /* a supplier: a resource of kind supplier, with its own fields */
    r = add(p, COLL_RESOURCES, "sup-1");
    set_s(r, D(COLL_RESOURCES), "name", "Vendor K.K.");
    set_s(r, D(COLL_RESOURCES), "kind", "supplier");
    set_s(r, D(COLL_RESOURCES), "owner", "調達課");
    set_s(r, D(COLL_RESOURCES), "location", WEIRD);
    set_l(r, D(COLL_RESOURCES), "operations", "op-1", NULL);
    set_l(r, D(COLL_RESOURCES), "depends", "res-2", NULL);
    set_s(r, D(COLL_RESOURCES), "provides", "保守");
    set_s(r, D(COLL_RESOURCES), "contract_security", "partial");
    set_s(r, D(COLL_RESOURCES), "clauses", WEIRD);
    set_l(r, D(COLL_RESOURCES), "supply_risks", "supply_chain.subcontractor", "supply_chain.disruption", NULL);
    set_l(r, D(COLL_RESOURCES), "serves", "res-1", "res-2", NULL);
    set_s(r, D(COLL_RESOURCES), "note", "🚰");

    set_s(&p->criteria, &profile_criteria_def, "rule", "sum");
    set_i(&p->criteria, &profile_criteria_def, "threshold", 6);
    for (int i = 1; i <= 3; i++) {
        r = add(p, COLL_IMPACT, NULL);
        set_i(r, D(COLL_IMPACT), "level", i);
        set_s(r, D(COLL_IMPACT), "label", i == 1 ? "軽微" : i == 2 ? "中" : "重大 \"!\"");
        set_s(r, D(COLL_IMPACT), "definition", WEIRD);
    }
    for (int i = 4; i >= 1; i--) {
        r = add(p, COLL_LIKELIHOOD, NULL);
        set_i(r, D(COLL_LIKELIHOOD), "level", i);
        set_s(r, D(COLL_LIKELIHOOD), "label", "L");
        set_s(r, D(COLL_LIKELIHOOD), "definition", "");
    }
    free(big);
}

/* Every field of every collection is set. */
static void assert_all_set(const struct profile *p)
{
    for (size_t f = 0; f < profile_org_def.nfields; f++)
        cr_assert(p->org.v[f].set, "organisation.%s", profile_org_def.fields[f].key);
    for (size_t f = 0; f < profile_criteria_def.nfields; f++)
        cr_assert(p->criteria.v[f].set);
    for (int c = 0; c < COLL__COUNT; c++) {
        cr_assert_gt(p->c[c].n, 0, "%s is empty", D(c)->key);
        for (size_t i = 0; i < p->c[c].n; i++) /* a supplier's own fields on suppliers only */
            for (size_t f = 0; f < record_shown_fields(D(c), &p->c[c].r[i]); f++)
                cr_assert(p->c[c].r[i].v[f].set, "%s[%zu].%s", D(c)->key, i, D(c)->fields[f].key);
    cr_assert_eq(profile_supplier_count(p), 1);
    for (size_t f = 0; f < D(COLL_RESOURCES)->nfields; f++)
        cr_assert(p->c[COLL_RESOURCES].r[p->c[COLL_RESOURCES].n - 1].v[f].set);
    }
}

Test(roundtrip, every_field_survives_save_and_load)
{
    struct profile p;
    full_profile(&p);
    assert_all_set(&p);
    struct diag_list dl = {0};
    profile_check(&p, lib, "mem", &dl);
    if (dl.n)
        log_diags(&dl);
    cr_assert_eq(dl.n, 0, "the profile built for the test has findings");

    char *path = at("profile.cfg");
    bool unchanged = true;
    cr_assert(ws_save_profile(path, &p, &unchanged, &dl));
    cr_assert_not(unchanged);
    cr_assert_eq(dl.n, 0);
    cr_assert_eq(mode_of(path) & 07777, 0600);

    struct loaded l;
    load_at(&l, path);
    if (l.dl.n)
        log_diags(&l.dl);
    cr_assert_eq(l.st, WS_OK);
    cr_assert_eq(l.dl.n, 0);
    cr_assert_not(l.info.has_comments, "'#' and '//' inside strings are no comments");
    cr_assert(profile_equal(&l.p, &p), "the profile changed on its way through the file");
    assert_all_set(&l.p);
    cr_assert_str_eq(rec_str(&l.p.c[COLL_GOVERNANCE].r[0], GOV_EVIDENCE), WEIRD);
    cr_assert_eq(strlen(rec_str(&l.p.org, ORG_NOTE)),
                 strlen(rec_str(&p.org, ORG_NOTE)));
    cr_assert_eq(rec_int(&l.p.c[COLL_LIKELIHOOD].r[0], LEVEL_LEVEL, 0), 4);

    /* stable: the same text again, and a save changes nothing */
    char *text = ws_format_profile(&l.p), *file = slurp(path, NULL);
    cr_assert_str_eq(text, file);
    free(text);
    free(file);
    cr_assert(ws_save_profile(path, &l.p, &unchanged, &dl));
    cr_assert(unchanged);
    char *bak = at("profile.cfg~");
    cr_assert_not(exists(bak));
    free(bak);
    cr_assert_eq(dl.n, 0);
    loaded_free(&l);
    profile_free(&p);
    free(path);
}

Test(roundtrip, the_checklist_survives_save_and_load)
{
    struct checklist c;
    checklist_init(&c);
    const char *ids[] = {"rev.II.1", "v5.II.4.1.2.1"}, *st[] = {"not-yet", "implemented"};
    for (int i = 0; i < 2; i++) {
        struct record r;
        record_init(&r, &checklist_def);
        r.id = xstrdup(ids[i]);
        set_s(&r, &checklist_def, "status", st[i]);
        set_s(&r, &checklist_def, "evidence", WEIRD);
        set_s(&r, &checklist_def, "owner", "情報システム課");
        set_s(&r, &checklist_def, "note", i ? "" : "🔐");
        coll_add(&c.items, &r);
    }
    char *path = at("checklist.cfg");
    struct diag_list dl = {0};
    bool unchanged = true;
    cr_assert(ws_save_checklist(path, &c, &unchanged, &dl));
    cr_assert_not(unchanged);
    struct checklist d;
    checklist_init(&d);
    cr_assert_eq(ws_load_checklist(path, lib, &d, NULL, &dl), WS_OK);
    if (dl.n)
        log_diags(&dl);
    cr_assert_eq(dl.n, 0);
    cr_assert_eq(d.items.n, 2);
    for (size_t i = 0; i < 2; i++)
        cr_assert(record_equal(&c.items.r[i], &d.items.r[i], &checklist_def));
    cr_assert(ws_save_checklist(path, &d, &unchanged, &dl));
    cr_assert(unchanged);
    checklist_free(&c);
    checklist_free(&d);
    free(path);
}

/* The 1-based line of the first line of text holding needle, or 0. */

Test(roundtrip, control_characters_that_the_reader_refuses_are_refused_before_writing)
{
    /* the reader refuses control characters in a value: a save of one
     * would write a file (or a journal) that loses it on the next load */
    static const char *const bad[] = {"a\ttab", "two\nlines", "\x1b]0;pwned\x07", "del\x7f",
                                      "c1\xc2\x9b", NULL};
    static const unsigned codes[] = {0x09, 0x0A, 0x1B, 0x7F, 0x9B};
    char *path = at("profile.cfg");
    for (int k = 0; bad[k]; k++) {
        struct profile p;
        full_profile(&p);
        bool unchanged = true;
        struct diag_list dl = {0};
        cr_assert(ws_save_profile(path, &p, &unchanged, &dl));
        char *before = slurp(path, NULL);
        struct stat st0, st1;
        cr_assert_eq(stat(path, &st0), 0);
        struct record *r = &p.c[COLL_OPERATIONS].r[0];
        set_s(r, D(COLL_OPERATIONS), "note", bad[k]);
        cr_assert_not(ws_save_profile(path, &p, &unchanged, &dl));
        cr_assert_not(unchanged);
        char want[300];
        snprintf(want, sizeof want,
                 "not saved: operations %s: 'note' holds a control character (0x%02X) that kijun "
                 "cannot read back; nothing was written", r->id, codes[k]);
        EXPECT(&dl, path, {DIAG_ERROR, r->line, want});
        cr_assert_eq(stat(path, &st1), 0);
        cr_assert_eq(st1.st_ino, st0.st_ino, "the file was replaced");
        char *after = slurp(path, NULL);
        cr_assert_str_eq(after, before);
        assert_listing(root, "profile.cfg");
        free(after), free(before);
        diag_clear(&dl);
        profile_free(&p);
    }
    free(path);
}

/* --- write-read fidelity: whatever kijun accepts, it reads back ---------------- */

TestSuite(fidelity, .init = setup, .fini = teardown, .timeout = 60);

/* Every line of text is within the reader's limit. */
static void assert_lines_fit(const char *text)
{
    size_t len = 0, line = 1, longest = 0;
    for (const char *p = text; *p; p++) {
        if (*p == '\n') {
            longest = len > longest ? len : longest;
            len = 0;
            line++;
        } else {
            len++;
        }
    }
    longest = len > longest ? len : longest;
    cr_assert_leq(longest, CFG_MAX_LINE, "a line of %zu bytes (limit %d)", longest, CFG_MAX_LINE);
}

/* Save p, load it back: clean, equal, and formatted the same. */
static void assert_profile_round_trip(struct profile *p, size_t errors)
{
    char *path = at("profile.cfg");
    struct diag_list dl = {0};
    bool unchanged;
    cr_assert(ws_save_profile(path, p, &unchanged, &dl), "not saved");
    cr_assert_eq(dl.n, 0);
    char *file = slurp(path, NULL);
    assert_lines_fit(file);
    struct loaded l;
    load_at(&l, path);
    cr_assert_eq(l.st, WS_OK, "kijun cannot read what it wrote");
    if (diag_count(&l.dl, DIAG_ERROR) != errors)
        log_diags(&l.dl);
    cr_assert_eq(diag_count(&l.dl, DIAG_ERROR), errors);
    cr_assert(profile_equal(&l.p, p), "the document read back differs");
    char *again = ws_format_profile(&l.p);
    cr_assert(strcmp(again, file) == 0, "formatted again, the text differs");
    free(again);
    loaded_free(&l);
    free(file);
    free(path);
}

Test(fidelity, a_text_of_2_mib)
{
    struct profile p;
    full_profile(&p);
    /* Japanese, quotes and backslashes, no line end: 2 MiB on one "line" */
    struct strbuf sb = STRBUF_INIT;
    while (sb.len < 2 * 1024 * 1024)
        sb_adds(&sb, "重要インフラの「機能保証」 \"quoted\" back\\slash 🚰 ");
    set_s(&p.org, &profile_org_def, "note", sb_str(&sb));
    set_s(&p.c[COLL_SERVICES].r[0], D(COLL_SERVICES), "name", sb_str(&sb));
    assert_profile_round_trip(&p, 0);
    sb_free(&sb);
    profile_free(&p);
}

Test(fidelity, numbers_beyond_32_bits)
{
    struct profile p;
    full_profile(&p);
    set_i(&p.org, &profile_org_def, "employees", 1LL << 40);
    /* read back as what it is: out of the field's range, said so */
    assert_profile_round_trip(&p, 1);
    char *text = ws_format_profile(&p);
    cr_assert_not_null(strstr(text, "employees = 1099511627776L;"), "%s", text);
    free(text);
    set_i(&p.org, &profile_org_def, "employees", -(1LL << 40));
    assert_profile_round_trip(&p, 1);
    set_i(&p.org, &profile_org_def, "employees", 2147483647);
    text = ws_format_profile(&p);
    cr_assert_not_null(strstr(text, "employees = 2147483647;"), "no L within 32 bits");
    free(text);
    profile_free(&p);
}

Test(fidelity, bytes_that_are_no_utf8_are_written_as_escapes)
{
    struct profile p;
    full_profile(&p);
    set_s(&p.org, &profile_org_def, "note", "caf\xe9 \xff\xfe end");
    char *text = ws_format_profile(&p);
    cr_assert(utf8_valid(text, strlen(text), NULL), "kijun wrote invalid UTF-8");
    cr_assert_not_null(strstr(text, "caf\\xE9 \\xFF\\xFE end"), "%s", text);
    free(text);
    assert_profile_round_trip(&p, 0);
    profile_free(&p);
}

Test(fidelity, a_round_with_5000_entries_in_one_list)
{
    struct round r;
    round_init(&r, "2026");
    struct profile p;
    profile_init(&p);
    struct value *v = &r.head.v[HEAD_RESOURCES];
    for (int i = 0; i < 5000; i++) {
        char id[64];
        snprintf(id, sizeof id, "res-%05d-control-system-hmi", i);
        strlist_add(&v->list, id);
        struct record *res = add(&p, COLL_RESOURCES, id);
        set_s(res, D(COLL_RESOURCES), "name", id);
    }
    v->set = true;
    struct value *d = &r.head.v[HEAD_DATE];
    d->s = xstrdup("2026-04-01");
    d->set = true;
    char *path = at("2026.cfg");
    struct diag_list dl = {0};
    bool unchanged;
    cr_assert(ws_save_round(path, &r, &unchanged, &dl));
    char *file = slurp(path, NULL);
    assert_lines_fit(file);
    struct round back;
    round_init(&back, "2026");
    cr_assert_eq(ws_load_round(path, lib, &p, &back, NULL, &dl), WS_OK, "kijun cannot read its round");
    cr_assert_eq(back.head.v[HEAD_RESOURCES].list.n, 5000);
    cr_assert(round_equal(&back, &r), "the round read back differs");
    char *again = ws_format_round(&back);
    cr_assert(strcmp(again, file) == 0);
    /* the journal holds the same text, and loads too */
    cr_assert(journal_put(root, "assessments/2026.cfg", file, &dl));
    char *jp = journal_path(root, "assessments/2026.cfg");
    struct round j;
    round_init(&j, "2026");
    cr_assert_eq(ws_load_round(jp, lib, &p, &j, NULL, &dl), WS_OK);
    cr_assert(round_equal(&j, &r));
    round_free(&j);
    free(jp);
    free(again);
    free(file);
    round_free(&back);
    round_free(&r);
    profile_free(&p);
    diag_clear(&dl);
    free(path);
}

Test(fidelity, the_size_limit_counts_what_kijun_writes)
{
    /* a model that would be written over the limit: refused before
     * anything is written (the reader would refuse the file) */
    struct profile p;
    full_profile(&p);
    char *big = xmalloc(WORKSPACE_MAX_FILE + 2);
    memset(big, 'x', WORKSPACE_MAX_FILE + 1);
    big[WORKSPACE_MAX_FILE + 1] = '\0';
    set_s(&p.org, &profile_org_def, "note", big);
    char *path = at("profile.cfg");
    struct diag_list dl = {0};
    bool unchanged;
    cr_assert_not(ws_save_profile(path, &p, &unchanged, &dl));
    cr_assert_eq(dl.n, 1);
    cr_assert_not_null(strstr(dl.v[0].text, "over the limit"), "%s", dl.v[0].text);
    cr_assert_not_null(strstr(dl.v[0].text, "nothing was written"), "%s", dl.v[0].text);
    assert_listing(root, "");
    diag_clear(&dl);
    /* nor kept as a recovery copy that the next start could not read */
    char *text = ws_format_profile(&p);
    cr_assert_not(journal_put(root, "profile.cfg", text, &dl));
    cr_assert_not_null(strstr(dl.v[0].text, "over the limit"), "%s", dl.v[0].text);
    assert_listing(root, "");
    free(text);
    diag_clear(&dl);
    profile_free(&p);
    free(big);

    /* a compact file under the limit that kijun would write over it:
     * refused when read, so that what loads always saves (10 MiB to
     * parse: minutes under valgrind, where the above suffices) */
    if (getenv("KIJUN_VALGRIND")) {
        free(path);
        return;
    }
    struct strbuf sb = STRBUF_INIT;
    sb_adds(&sb, HEAD "services=(");
    for (int i = 0; sb.len < 10 * 1024 * 1024; i++)
        sb_printf(&sb, "%s{id=\"s%d\";name=\"n\";}\n", i ? "," : "", i);
    sb_adds(&sb, ");\n" CRITERIA);
    cr_assert_lt(sb.len, WORKSPACE_MAX_FILE);
    put(path, sb_str(&sb), sb.len);
    struct loaded l;
    load_at(&l, path);
    cr_assert_eq(l.st, WS_UNREADABLE);
    const struct diag *e = the_error(&l.dl);
    cr_assert_not_null(strstr(e->text, "kijun would write this as"), "%s", e->text);
    loaded_free(&l);
    sb_free(&sb);
    free(path);
}

/* --- what the store does not understand, it keeps ------------------------------ */

TestSuite(kept, .init = setup, .fini = teardown);

#define KEPT_FILE HEAD_KEPT "services = (\n" \
    "  {\n    id = \"svc-1\";\n    name = \"Water\";\n    mtd = \"many\";\n" \
    "    future = { level = 3; tags = [ \"a\", \"b\" ]; ratio = 0.5; big = 1099511627776L; };\n  },\n" \
    "  5,\n" \
    "  {\n    id = 7;\n    name = \"Sewage\";\n    operations = ( \"op-1\", 2 );\n  }\n);\n" CRITERIA
#define HEAD_KEPT "kijun_workspace = 1;\norganisation = {\n  name = \"Org\";\n" \
    "  employees = \"a few\";\n  motto = \"Safety first\";\n  hex = 0xFF;\n};\n"

/* Load l's file again into m: it loads, with as many findings of each
 * kind as l had, and formats as text (what was saved). */
static void reload_same(const struct loaded *l, struct loaded *m, const char *text)
{
    load_at(m, l->path);
    cr_assert_eq(m->st, WS_OK);
    cr_assert_eq(diag_count(&m->dl, DIAG_ERROR), diag_count(&l->dl, DIAG_ERROR));
    cr_assert_eq(diag_count(&m->dl, DIAG_WARNING), diag_count(&l->dl, DIAG_WARNING));
    char *again = ws_format_profile(&m->p);
    cr_assert_str_eq(again, text);
    free(again);
}

Test(kept, unknown_settings_wrong_types_and_bad_list_elements_survive_a_save)
{
    struct loaded l;
    load_text(&l, KEPT_FILE);
    cr_assert_eq(l.st, WS_OK);
    cr_assert_gt(diag_count(&l.dl, DIAG_ERROR), 0);
    /* an unrelated edit, then save */
    set_s(&l.p.org, &profile_org_def, "name", "Renamed");
    struct diag_list dl = {0};
    bool unchanged;
    cr_assert(ws_save_profile(l.path, &l.p, &unchanged, &dl));
    cr_assert_eq(dl.n, 0);
    char *text = slurp(l.path, NULL);
    static const char *const kept[] = {
        "  employees = \"a few\";\n", "  motto = \"Safety first\";\n", "  hex = 0xFF;\n",
        "    mtd = \"many\";\n",
        "    future = { level = 3; tags = [ \"a\", \"b\" ]; ratio = 0.5; big = 1099511627776L; };\n",
        "  5,\n", "    id = 7;\n", "    operations = ( \"op-1\", 2 );\n", NULL};
    for (const char *const *k = kept; *k; k++)
        cr_assert_not_null(strstr(text, *k), "dropped on save: %s\nin:\n%s", *k, text);
    cr_assert_not_null(strstr(text, "name = \"Renamed\";"));
    /* read again: the same findings about the same settings, and the
     * same text when saved again */
    struct loaded m;
    reload_same(&l, &m, text);
    char *again;
    /* a value given to a field replaces what was kept for it */
    set_i(&m.p.org, &profile_org_def, "employees", 12);
    again = ws_format_profile(&m.p);
    cr_assert_not_null(strstr(again, "  employees = 12;\n"));
    cr_assert_null(strstr(again, "a few"), "the kept value stays beside the new one");
    free(again);
    /* copies keep them too (recovery, a round copied) */
    struct profile copy;
    profile_copy(&copy, &l.p);
    again = ws_format_profile(&copy);
    cr_assert_str_eq(again, text);
    free(again);
    profile_free(&copy);
    loaded_free(&m);
    free(text);
    diag_clear(&dl);
    loaded_free(&l);
}

/* How often name appears at the start of a line of text ("name = "). */
static int settings_named(const char *text, const char *name)
{
    int n = 0;
    size_t len = strlen(name);
    for (const char *l = text; l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
        const char *b = l;
        while (*b == ' ')
            b++;
        n += strncmp(b, name, len) == 0 && strncmp(b + len, " = ", 3) == 0;
    }
    return n;
}

#define TOP_KEPT "kijun_workspace = 1;\ncolour = \"red\";\n" \
    "organisation = {\n  name = \"Org\";\n};\n" \
    "operations = 5;\n" \
    "future = { level = 3; tags = [ \"a\" ]; };\n" \
    "criteria = {\n  rule = \"product\";\n  threshold = 4;\n" \
    "  impact = ( { level = 1; label = \"a\"; }, { level = 2; label = \"b\"; } );\n" \
    "  likelihood = \"high\";\n};\n"

Test(kept, top_level_settings_and_whole_sections_of_the_wrong_type_survive_a_save)
{
    struct loaded l;
    load_text(&l, TOP_KEPT);
    cr_assert_eq(l.st, WS_OK);
    set_s(&l.p.org, &profile_org_def, "name", "Renamed");
    struct diag_list dl = {0};
    bool unchanged;
    cr_assert(ws_save_profile(l.path, &l.p, &unchanged, &dl));
    cr_assert_eq(dl.n, 0);
    char *text = slurp(l.path, NULL);
    static const char *const kept[] = {"colour = \"red\";\n", "operations = 5;\n",
        "future = { level = 3; tags = [ \"a\" ]; };\n", "  likelihood = \"high\";\n", NULL};
    for (const char *const *k = kept; *k; k++)
        cr_assert_not_null(strstr(text, *k), "dropped on save: %s\nin:\n%s", *k, text);
    /* each once: libconfig refuses a setting given twice */
    cr_assert_eq(settings_named(text, "operations"), 1, "%s", text);
    cr_assert_eq(settings_named(text, "likelihood"), 1, "%s", text);
    /* read again: it loads, with the same findings, and saves the same */
    struct loaded m;
    reload_same(&l, &m, text);
    char *again;
    /* an entry added in memory takes the place of the kept section */
    struct record op;
    record_init(&op, D(COLL_OPERATIONS));
    op.id = xstrdup("op-1");
    set_s(&op, D(COLL_OPERATIONS), "name", "Billing");
    coll_add(&m.p.c[COLL_OPERATIONS], &op);
    struct record lv;
    record_init(&lv, D(COLL_LIKELIHOOD));
    set_i(&lv, D(COLL_LIKELIHOOD), "level", 1);
    set_s(&lv, D(COLL_LIKELIHOOD), "label", "rare");
    coll_add(&m.p.c[COLL_LIKELIHOOD], &lv);
    again = ws_format_profile(&m.p);
    cr_assert_null(strstr(again, "operations = 5;"), "%s", again);
    cr_assert_null(strstr(again, "\"high\""), "%s", again);
    cr_assert_eq(settings_named(again, "operations"), 1, "%s", again);
    cr_assert_eq(settings_named(again, "likelihood"), 1, "%s", again);
    cr_assert_not_null(strstr(again, "colour = \"red\";"));
    cr_assert(ws_save_profile(m.path, &m.p, &unchanged, &dl));
    struct loaded k;
    load_at(&k, m.path);
    cr_assert_eq(k.st, WS_OK);
    cr_assert_str_eq(k.p.c[COLL_OPERATIONS].r[0].id, "op-1");
    free(again);
    loaded_free(&k);
    loaded_free(&m);
    free(text);
    diag_clear(&dl);
    loaded_free(&l);
}

Test(kept, a_group_of_the_wrong_type_is_kept_until_the_workbench_fills_it)
{
    struct loaded l;
    load_text(&l, "kijun_workspace = 1;\norganisation = 5;\n" CRITERIA);
    cr_assert_eq(l.st, WS_OK);
    cr_assert_gt(diag_count(&l.dl, DIAG_ERROR), 0);
    char *text = ws_format_profile(&l.p);
    cr_assert_not_null(strstr(text, "organisation = 5;"), "%s", text);
    cr_assert_eq(settings_named(text, "organisation"), 1, "%s", text);
    free(text);
    set_s(&l.p.org, &profile_org_def, "name", "Org");
    text = ws_format_profile(&l.p);
    cr_assert_null(strstr(text, "organisation = 5;"), "%s", text);
    cr_assert_eq(settings_named(text, "organisation"), 1, "%s", text);
    free(text);
    loaded_free(&l);
}

Test(kept, a_round_and_the_checklist_keep_their_top_level_settings)
{
    struct loaded l;
    load_text(&l, HEAD CRITERIA);
    cr_assert_eq(l.st, WS_OK);
    char *rp = put_in("r.cfg", "kijun_workspace = 1;\nround = {\n  date = \"2026-04-01\";\n"
                               "  purpose = \"p\";\n  rule = \"product\";\n  threshold = 4;\n};\n"
                               "risks = ( );\nsignoffs = \"none\";\naudit = { by = \"A\"; };\n");
    struct round r;
    round_init(&r, "r");
    struct diag_list dl = {0};
    cr_assert_eq(ws_load_round(rp, lib, &l.p, &r, NULL, &dl), WS_OK);
    diag_clear(&dl);
    bool unchanged;
    cr_assert(ws_save_round(rp, &r, &unchanged, &dl));
    char *text = slurp(rp, NULL);
    cr_assert_not_null(strstr(text, "signoffs = \"none\";"), "%s", text);
    cr_assert_not_null(strstr(text, "audit = { by = \"A\"; };"), "%s", text);
    cr_assert_eq(settings_named(text, "signoffs"), 1, "%s", text);
    struct round again;
    round_init(&again, "r");
    cr_assert_eq(ws_load_round(rp, lib, &l.p, &again, NULL, &dl), WS_OK);
    char *t2 = ws_format_round(&again);
    cr_assert_str_eq(t2, text);
    free(t2);
    round_free(&again);
    round_free(&r);
    free(text);
    char *cp = put_in("checklist.cfg", "kijun_workspace = 1;\nitems = ( );\nowner = \"ops\";\n");
    struct checklist c;
    checklist_init(&c);
    diag_clear(&dl);
    cr_assert_eq(ws_load_checklist(cp, lib, &c, NULL, &dl), WS_OK);
    cr_assert(ws_save_checklist(cp, &c, &unchanged, &dl));
    text = slurp(cp, NULL);
    cr_assert_not_null(strstr(text, "owner = \"ops\";"), "%s", text);
    free(text);
    checklist_free(&c);
    diag_clear(&dl);
    free(cp);
    free(rp);
    loaded_free(&l);
}

/* --- the reader: no fixed tables ------------------------------------------------ */

TestSuite(reader, .init = setup, .fini = teardown);

/* A schema of n string fields s000, s001, ... (the reader kept the
 * names it knows in a 32-entry table). */
static struct coll_def *wide_def(size_t n, bool has_id)
{
    struct field_def *f = xcalloc(n, sizeof *f);
    for (size_t i = 0; i < n; i++) {
        char *k = xmalloc(8);
        snprintf(k, 8, "s%03zu", i);
        f[i] = (struct field_def){.key = k, .type = F_STRING, .label = k};
    }
    struct coll_def *d = xcalloc(1, sizeof *d);
    *d = (struct coll_def){.key = "wide", .label = "wide", .id_prefix = "w", .fields = f,
                           .nfields = n, .has_id = has_id};
    return d;
}

static void wide_free(struct coll_def *d)
{
    for (size_t i = 0; i < d->nfields; i++)
        free((char *)d->fields[i].key);
    free((void *)d->fields);
    free(d);
}

Test(reader, a_group_of_100_settings_against_a_schema_of_100_fields)
{
    struct strbuf sb = STRBUF_INIT;
    sb_adds(&sb, "g = {\n  id = \"x\";\n");
    for (int i = 0; i < 100; i++)
        sb_printf(&sb, "  s%03d = \"v%d\";\n", i, i);
    sb_adds(&sb, "  stray = 1;\n  extra = 2;\n};\n");
    for (int has_id = 0; has_id < 2; has_id++) {
        struct coll_def *def = wide_def(100, has_id);
        struct diag_list dl = {0};
        config_t cfg;
        cr_assert(cfg_parse_text(sb_str(&sb), sb.len, "wide.cfg", &cfg, &dl));
        const config_setting_t *g = config_setting_get_member(config_root_setting(&cfg), "g");
        struct cfgctx c = {"wide.cfg", &dl};
        struct record r;
        record_init(&r, def);
        static const char *const extra[] = {"extra", NULL};
        cr_assert(ws_read_group(&c, g, def, extra, &r));
        /* every field read; the one unknown setting (and "id" for the
         * singleton) warned about, nothing else */
        for (size_t i = 0; i < 100; i++) {
            char want[8];
            snprintf(want, sizeof want, "v%zu", i);
            cr_assert(r.v[i].set, "s%03zu was not read", i);
            cr_assert_str_eq(r.v[i].s, want);
        }
        if (has_id) {
            cr_assert_str_eq(r.id, "x");
            EXPECT(&dl, "wide.cfg", {DIAG_WARNING, 103, "unknown setting 'stray' (kept as it is)"});
        } else {
            EXPECT(&dl, "wide.cfg", {DIAG_WARNING, 2, "unknown setting 'id' (kept as it is)"},
                   {DIAG_WARNING, 103, "unknown setting 'stray' (kept as it is)"});
        }
        record_free(&r, def);
        config_destroy(&cfg);
        diag_clear(&dl);
        wide_free(def);
    }
    sb_free(&sb);
}

Test(reader, a_profile_group_with_100_settings)
{
    struct strbuf sb = STRBUF_INIT;
    sb_adds(&sb, "kijun_workspace = 1;\norganisation = {\n  name = \"Org\";\n");
    for (int i = 0; i < 99; i++)
        sb_printf(&sb, "  unknown%02d = %d;\n", i, i);
    sb_adds(&sb, "};\n" CRITERIA);
    struct loaded l;
    load_text(&l, sb_str(&sb));
    cr_assert_eq(l.st, WS_OK);
    cr_assert_str_eq(rec_str(&l.p.org, ORG_NAME), "Org");
    cr_assert_eq(diag_count(&l.dl, DIAG_WARNING), 99);
    cr_assert_eq(diag_count(&l.dl, DIAG_ERROR), 0);
    loaded_free(&l);
    sb_free(&sb);
}

/* --- atomic saving ---------------------------------------------------------- */

TestSuite(atomic, .init = setup, .fini = teardown);

Test(atomic, a_failed_rename_leaves_the_old_file)
{
    char *src = data_path("demo", "en", "profile.cfg");
    char *path = at("profile.cfg");
    copy_file(src, path);
    struct loaded l;
    load_at(&l, path);
    cr_assert_eq(l.st, WS_OK);
    set_s(&l.p.org, &profile_org_def, "name", "Renamed");
    struct diag_list dl = {0};
    bool unchanged = true;
    atomic_fail_at(ATOMIC_STEP_RENAME, EIO);
    cr_assert_not(ws_save_profile(path, &l.p, &unchanged, &dl));
    cr_assert_not(unchanged);
    char want[200];
    snprintf(want, sizeof want, "cannot save: rename: %s (the previous version is untouched)",
             strerror(EIO));
    EXPECT(&dl, path, {DIAG_ERROR, 0, want});
    cr_assert(same_bytes(path, src), "the old file changed");
    cr_assert_eq(mode_of(path) & 07777, 0644, "the old file's mode changed");
    /* no temporary is left; a backup, if made, is the old file */
    char *bak = at("profile.cfg~");
    if (exists(bak)) {
        cr_assert(same_bytes(bak, src));
        assert_listing(root, "profile.cfg profile.cfg~");
    } else {
        assert_listing(root, "profile.cfg");
    }
    diag_clear(&dl);
    /* the next save goes through */
    cr_assert(ws_save_profile(path, &l.p, &unchanged, &dl));
    cr_assert_eq(dl.n, 0);
    cr_assert(same_bytes(bak, src));
    struct loaded m;
    load_at(&m, path);
    cr_assert_str_eq(rec_str(&m.p.org, ORG_NAME), "Renamed");
    cr_assert(profile_equal(&m.p, &l.p));
    loaded_free(&m);
    loaded_free(&l);
    free(bak);
    free(path);
    free(src);
}

/* --- creating and finding workspaces ------------------------------------------ */

TestSuite(create, .init = setup, .fini = teardown);

Test(create, init_makes_a_private_workspace_from_the_template)
{
    char *dir = at("a/b/ws");
    struct diag_list dl = {0};
    cr_assert(ws_init(dir, TEST_DATADIR, "ja", &dl));
    cr_assert_eq(dl.n, 0);
    char *profile = ws_path(dir, "profile.cfg"), *checklist = ws_path(dir, "checklist.cfg");
    char *assess = ws_path(dir, "assessments");
    cr_assert(S_ISDIR(mode_of(dir)));
    cr_assert_eq(mode_of(dir) & 07777, 0700);
    cr_assert(S_ISREG(mode_of(profile)));
    cr_assert_eq(mode_of(profile) & 07777, 0600);
    cr_assert_eq(mode_of(checklist) & 07777, 0600);
    cr_assert(S_ISDIR(mode_of(assess)));
    cr_assert_eq(mode_of(assess) & 07777, 0700);
    assert_listing(dir, "assessments checklist.cfg profile.cfg");
    assert_listing(assess, "");
    char *tp = data_path("template", "ja", "profile.cfg"), *tc = data_path("template", "ja", "checklist.cfg");
    cr_assert(same_bytes(profile, tp));
    cr_assert(same_bytes(checklist, tc));
    /* and it loads clean */
    struct loaded l;
    load_at(&l, profile);
    cr_assert_eq(l.st, WS_OK);
    cr_assert_eq(l.dl.n, 0);
    loaded_free(&l);
    free(tp), free(tc), free(profile), free(checklist), free(assess), free(dir);
}

Test(create, init_of_an_existing_folder_keeps_its_mode)
{
    char *dir = at("ws");
    cr_assert_eq(mkdir(dir, 0755), 0);
    cr_assert_eq(chmod(dir, 0755), 0);
    struct diag_list dl = {0};
    struct ws_init_info info;
    cr_assert(ws_init_report(dir, TEST_DATADIR, "en", &info, &dl));
    cr_assert_eq(dl.n, 0);
    cr_assert(info.existed);
    cr_assert_eq(info.mode, 0755);
    cr_assert_str_eq(info.added, "checklist.cfg, profile.cfg, assessments/");
    cr_assert_null(info.kept);
    cr_assert_eq(mode_of(dir) & 07777, 0755, "init changed the mode of an existing folder");
    char *tp = data_path("template", "en", "profile.cfg"), *profile = ws_path(dir, "profile.cfg");
    cr_assert(same_bytes(profile, tp));
    cr_assert_eq(mode_of(profile) & 07777, 0600);
    ws_init_info_free(&info);
    free(tp), free(profile), free(dir);
}

Test(create, init_adds_what_is_missing_and_replaces_nothing)
{
    char *dir = at("ws");
    cr_assert_eq(mkdir(dir, 0711), 0);
    cr_assert_eq(chmod(dir, 0711), 0);
    /* a hand-made checklist, an assessments folder with a round, a link */
    char *checklist = ws_path(dir, "checklist.cfg");
    put(checklist, "my checklist\n", 13);
    cr_assert_eq(chmod(checklist, 0644), 0);
    struct stat before;
    cr_assert_eq(stat(checklist, &before), 0);
    char *assess = ws_path(dir, "assessments"), *round = ws_path(dir, "assessments/2026.cfg");
    cr_assert_eq(mkdir(assess, 0750), 0);
    put(round, "my round\n", 9);
    struct diag_list dl = {0};
    struct ws_init_info info;
    cr_assert(ws_init_report(dir, TEST_DATADIR, "en", &info, &dl));
    cr_assert_eq(dl.n, 0);
    cr_assert_str_eq(info.added, "profile.cfg");
    cr_assert_str_eq(info.kept, "checklist.cfg, assessments/");
    struct stat after;
    cr_assert_eq(stat(checklist, &after), 0);
    cr_assert_eq(after.st_ino, before.st_ino, "checklist.cfg was replaced");
    cr_assert_eq(after.st_mode, before.st_mode);
    char *c = slurp(checklist, NULL);
    cr_assert_str_eq(c, "my checklist\n");
    free(c);
    cr_assert_eq(mode_of(dir) & 07777, 0711);
    cr_assert_eq(mode_of(assess) & 07777, 0750);
    assert_listing(dir, "assessments checklist.cfg profile.cfg");
    assert_listing(assess, "2026.cfg");
    ws_init_info_free(&info);
    /* the template's files are not replaced either when a second init is
     * refused for the profile that is there now */
    cr_assert_not(ws_init(dir, TEST_DATADIR, "en", &dl));
    diag_clear(&dl);
    free(round), free(assess), free(checklist), free(dir);
}

Test(create, a_linked_assessments_folder_stops_init_before_anything_is_written)
{
    char *dir = at("linked"), *assess = at("linked/assessments"), *out = at("outside");
    cr_assert_eq(mkdir(dir, 0700), 0);
    cr_assert_eq(symlink(out, assess), 0);
    struct diag_list dl = {0};
    cr_assert_not(ws_init(dir, TEST_DATADIR, "en", &dl));
    cr_assert_gt(dl.n, 0);
    cr_assert_not_null(strstr(dl.v[0].text, "symbolic link"), "%s", dl.v[0].text);
    assert_listing(dir, "assessments");
    cr_assert_not(exists(out), "nothing made through the link");
    diag_clear(&dl);
    free(dir), free(assess), free(out);
}

Test(create, atomic_create_replaces_nothing)
{
    /* atomic_create: whatever is at the name stays */
    char *p = at("x.cfg"), *l = at("l.cfg"), *t = at("t");
    put(p, "mine\n", 5);
    cr_assert_eq(symlink(t, l), 0);
    struct diag_list dl = {0};
    cr_assert_eq(atomic_create(p, "new\n", 4, &dl), ATOMIC_UNCHANGED);
    cr_assert_eq(atomic_create(l, "new\n", 4, &dl), ATOMIC_UNCHANGED);
    cr_assert_not(exists(t), "atomic_create followed a link");
    char *s = slurp(p, NULL);
    cr_assert_str_eq(s, "mine\n");
    free(s);
    char *n = at("n.cfg");
    cr_assert_eq(atomic_create(n, "new\n", 4, &dl), ATOMIC_SAVED);
    cr_assert_eq(mode_of(n) & 07777, 0600);
    cr_assert_eq(dl.n, 0);
    assert_listing(root, "l.cfg n.cfg x.cfg");
    free(n), free(t), free(l), free(p);
}

Test(create, init_refuses_a_workspace_and_leaves_it_alone)
{
    char *dir = at("ws");
    cr_assert_eq(mkdir(dir, 0755), 0);
    char *profile = ws_path(dir, "profile.cfg");
    put(profile, "my own profile\n", 15);
    cr_assert_eq(chmod(profile, 0644), 0);
    struct stat before, after;
    cr_assert_eq(stat(profile, &before), 0);
    struct diag_list dl = {0};
    cr_assert_not(ws_init(dir, TEST_DATADIR, "en", &dl));
    EXPECT(&dl, dir, {DIAG_ERROR, 0, "already a workspace (it has a profile.cfg): not touched"});
    cr_assert_eq(stat(profile, &after), 0);
    cr_assert_eq(after.st_ino, before.st_ino);
    cr_assert_eq(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec);
    cr_assert_eq(after.st_mode, before.st_mode);
    char *s = slurp(profile, NULL);
    cr_assert_str_eq(s, "my own profile\n");
    free(s);
    assert_listing(dir, "profile.cfg");
    cr_assert_eq(mode_of(dir) & 07777, 0755);
    diag_clear(&dl);
    free(profile);
    free(dir);
}

Test(create, the_demo_copy_is_private_and_removable)
{
    cr_assert_eq(setenv("TMPDIR", root, 1), 0);   /* so that teardown cleans up */
    struct diag_list dl = {0};
    char *dir = ws_demo_copy(TEST_DATADIR, "en", &dl);
    cr_assert_not_null(dir);
    cr_assert_eq(dl.n, 0);
    cr_assert_eq(strncmp(dir, root, strlen(root)), 0, "%s is not under TMPDIR", dir);
    cr_assert_eq(mode_of(dir) & 07777, 0700);
    assert_listing(dir, "assessments checklist.cfg profile.cfg");
    const char *files[] = {"profile.cfg", "checklist.cfg"};
    for (int i = 0; i < 2; i++) {
        char *mine = ws_path(dir, files[i]), *orig = data_path("demo", "en", files[i]);
        cr_assert(same_bytes(mine, orig), "%s differs", files[i]);
        cr_assert_eq(mode_of(mine) & 07777, 0600);
        free(mine);
        free(orig);
    }
    /* a second copy is another folder */
    char *dir2 = ws_demo_copy(TEST_DATADIR, "ja", &dl);
    cr_assert_not_null(dir2);
    cr_assert_str_neq(dir, dir2);
    /* removal takes the files, the assessments and whatever was saved */
    char *extra = ws_path(dir, "assessments/2026.cfg");
    put(extra, "x\n", 2);
    ws_remove_tree(dir);
    cr_assert_not(exists(dir));
    ws_remove_tree(dir2);
    cr_assert_not(exists(dir2));
    assert_listing(root, "");
    /* an unknown language fails cleanly, leaving nothing */
    cr_assert_null(ws_demo_copy(TEST_DATADIR, "xx", &dl));
    cr_assert_eq(diag_count(&dl, DIAG_ERROR), 1);
    assert_listing(root, "");
    diag_clear(&dl);
    free(extra);
    free(dir2);
    free(dir);
}

Test(create, remove_tree_does_not_follow_symbolic_links)
{
    char *outside = at("outside"), *keep = at("outside/keep.cfg"), *dir = at("ws");
    cr_assert_eq(mkdir(outside, 0700), 0);
    put(keep, "keep\n", 5);
    cr_assert_eq(mkdir(dir, 0700), 0);
    char *link = ws_path(dir, "link");
    cr_assert_eq(symlink(outside, link), 0);
    ws_remove_tree(dir);
    cr_assert_not(exists(dir));
    cr_assert(exists(keep), "ws_remove_tree followed a link out of the folder");
    free(link), free(dir), free(keep), free(outside);
}

/* ws_default from a clean environment in an empty current folder. */
static char *cwd_dir(void)
{
    char *cwd = at("cwd");
    cr_assert_eq(mkdir(cwd, 0700), 0);
    cr_assert_eq(chdir(cwd), 0);
    cr_assert_eq(unsetenv("KIJUN_WORKSPACE"), 0);
    return cwd;
}

Test(create, default_prefers_kijun_workspace)
{
    char *cwd = cwd_dir();
    put("profile.cfg", "x\n", 2);   /* would be found next */
    cr_assert_eq(setenv("KIJUN_WORKSPACE", "/some/where", 1), 0);
    struct diag_list dl = {0};
    bool created = true;
    char *ws = ws_default(TEST_DATADIR, "en", true, &created, &dl);
    cr_assert_str_eq(ws, "/some/where");
    cr_assert_not(created);
    cr_assert_eq(dl.n, 0);
    cr_assert_not(exists("/some/where"), "the named workspace is not created");
    free(ws);
    /* an empty value counts as unset */
    cr_assert_eq(setenv("KIJUN_WORKSPACE", "", 1), 0);
    ws = ws_default(TEST_DATADIR, "en", true, &created, &dl);
    cr_assert_str_eq(ws, ".");
    free(ws);
    free(cwd);
}

Test(create, default_then_the_current_folder)
{
    char *cwd = cwd_dir();
    char *xdg = at("xdg");
    cr_assert_eq(setenv("XDG_DATA_HOME", xdg, 1), 0);
    put("profile.cfg", "x\n", 2);
    struct diag_list dl = {0};
    bool created = true;
    char *ws = ws_default(TEST_DATADIR, "en", true, &created, &dl);
    cr_assert_str_eq(ws, ".");
    cr_assert_not(created);
    cr_assert_not(exists(xdg));
    free(ws);
    free(xdg);
    free(cwd);
}

Test(create, default_then_xdg_data_home_created_from_the_template)
{
    char *cwd = cwd_dir();
    char *xdg = at("xdg"), *want = at("xdg/kijun/workspace");
    cr_assert_eq(setenv("XDG_DATA_HOME", xdg, 1), 0);
    struct diag_list dl = {0};
    bool created = true;
    /* create = false: the path, not made */
    char *ws = ws_default(TEST_DATADIR, "en", false, &created, &dl);
    cr_assert_str_eq(ws, want);
    cr_assert_not(created);
    cr_assert_not(exists(xdg));
    free(ws);
    ws = ws_default(TEST_DATADIR, "en", true, &created, &dl);
    cr_assert_str_eq(ws, want);
    cr_assert(created);
    cr_assert_eq(dl.n, 0);
    cr_assert_eq(mode_of(ws) & 07777, 0700);
    assert_listing(ws, "assessments checklist.cfg profile.cfg");
    char *profile = ws_path(ws, "profile.cfg"), *tp = data_path("template", "en", "profile.cfg");
    cr_assert(same_bytes(profile, tp));
    cr_assert_eq(mode_of(profile) & 07777, 0600);
    free(ws);
    /* the second time it is there */
    ws = ws_default(TEST_DATADIR, "en", true, &created, &dl);
    cr_assert_str_eq(ws, want);
    cr_assert_not(created);
    cr_assert(same_bytes(profile, tp));
    free(ws);
    free(tp), free(profile), free(want), free(xdg), free(cwd);
}

Test(create, default_falls_back_to_home)
{
    char *cwd = cwd_dir();
    char *home = at("home"), *want = at("home/.local/share/kijun/workspace");
    cr_assert_eq(mkdir(home, 0700), 0);
    cr_assert_eq(unsetenv("XDG_DATA_HOME"), 0);
    cr_assert_eq(setenv("HOME", home, 1), 0);
    struct diag_list dl = {0};
    bool created = false;
    char *ws = ws_default(TEST_DATADIR, "ja", true, &created, &dl);
    cr_assert_str_eq(ws, want);
    cr_assert(created);
    char *profile = ws_path(ws, "profile.cfg"), *tp = data_path("template", "ja", "profile.cfg");
    cr_assert(same_bytes(profile, tp));
    free(tp), free(profile), free(ws), free(want), free(home), free(cwd);
}
