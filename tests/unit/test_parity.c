/* Unit tests: the Japanese and English demo and template workspaces hold
 * the same ids, numbers and dates: the same files, the same settings in
 * the same order and of the same types, lists of the same length, equal
 * integers and booleans, and equal strings wherever the string is not
 * prose (an id or reference, a code, a date). Prose may differ. */
#include <criterion/criterion.h>
#include <libconfig.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* A string that is no prose: ASCII without spaces (ids, references,
 * codes such as "ot" or "sectors.water", dates such as "2025-06-01"). */
static bool is_token(const char *s)
{
    if (!*s)
        return true;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p >= 0x80 || *p == ' ')
            return false;
    return true;
}

/* Dates YYYY-MM-DD inside a text, in order, into out (max n); count. */
static size_t dates_in(const char *s, char out[][11], size_t n)
{
    size_t k = 0;
    for (const char *p = s; *p && k < n; p++) {
        if (strlen(p) >= 10 && p[4] == '-' && p[7] == '-') {
            bool ok = true;
            for (int i = 0; i < 10 && ok; i++)
                ok = (i == 4 || i == 7) ? true : (p[i] >= '0' && p[i] <= '9');
            if (ok) {
                memcpy(out[k], p, 10);
                out[k++][10] = '\0';
                p += 9;
            }
        }
    }
    return k;
}

static size_t mismatches;
static bool quiet; /* the self-test: count, do not log (a logged error fails the run) */

static void report(const char *file, const config_setting_t *a, const char *what)
{
    if (mismatches++ < 20 && !quiet)
        cr_log_error("%s:%d (the ja file): %s", file, config_setting_source_line(a), what);
}

static void compare(const char *file, const config_setting_t *ja, const config_setting_t *en)
{
    char buf[512];
    if (config_setting_type(ja) != config_setting_type(en)) {
        snprintf(buf, sizeof buf, "'%s' has another type", config_setting_name(ja) ? config_setting_name(ja) : "?");
        report(file, ja, buf);
        return;
    }
    const char *name = config_setting_name(ja);
    switch (config_setting_type(ja)) {
    case CONFIG_TYPE_GROUP:
    case CONFIG_TYPE_LIST:
    case CONFIG_TYPE_ARRAY: {
        int n = config_setting_length(ja);
        if (n != config_setting_length(en)) {
            snprintf(buf, sizeof buf, "'%s' has %d entries in ja, %d in en", name ? name : "?", n,
                     config_setting_length(en));
            report(file, ja, buf);
            return;
        }
        for (int i = 0; i < n; i++) {
            const config_setting_t *x = config_setting_get_elem(ja, (unsigned)i);
            const config_setting_t *y = config_setting_get_elem(en, (unsigned)i);
            const char *nx = config_setting_name(x), *ny = config_setting_name(y);
            if ((nx || ny) && (!nx || !ny || strcmp(nx, ny) != 0)) {
                snprintf(buf, sizeof buf, "setting '%s' in ja, '%s' in en", nx ? nx : "?", ny ? ny : "?");
                report(file, x, buf);
                continue;
            }
            compare(file, x, y);
        }
        return;
    }
    case CONFIG_TYPE_INT:
    case CONFIG_TYPE_INT64:
        if (config_setting_get_int64(ja) != config_setting_get_int64(en)) {
            snprintf(buf, sizeof buf, "'%s' is %lld in ja, %lld in en", name ? name : "?",
                     (long long)config_setting_get_int64(ja), (long long)config_setting_get_int64(en));
            report(file, ja, buf);
        }
        return;
    case CONFIG_TYPE_BOOL:
        if (config_setting_get_bool(ja) != config_setting_get_bool(en))
            report(file, ja, "a boolean differs");
        return;
    case CONFIG_TYPE_STRING: {
        const char *x = config_setting_get_string(ja), *y = config_setting_get_string(en);
        if (is_token(x) && strcmp(x, y) != 0) {
            snprintf(buf, sizeof buf, "'%s' is '%.100s' in ja, '%.100s' in en", name ? name : "?", x, y);
            report(file, ja, buf);
        }
        if (is_token(x))
            return;
        char dx[16][11], dy[16][11];
        size_t nx = dates_in(x, dx, 16), ny = dates_in(y, dy, 16);
        bool same = nx == ny;
        for (size_t i = 0; same && i < nx; i++)
            same = strcmp(dx[i], dy[i]) == 0;
        if (!same) {
            snprintf(buf, sizeof buf, "'%s': the dates in ja and en differ", name ? name : "?");
            report(file, ja, buf);
        }
        return;
    }
    default:
        return;
    }
}

static size_t compare_files(const char *rel)
{
    char a[512], b[512];
    snprintf(a, sizeof a, "%s/%s", TEST_DATADIR, rel);
    snprintf(b, sizeof b, "%s", a);
    char *p = strstr(b, "/ja/");
    cr_assert_not_null(p, "%s is under ja/", rel);
    memcpy(p, "/en/", 4);
    config_t x, y;
    config_init(&x);
    config_init(&y);
    cr_assert(config_read_file(&x, a), "%s: %s", a, config_error_text(&x));
    cr_assert(config_read_file(&y, b), "%s: %s", b, config_error_text(&y));
    size_t before = mismatches;
    compare(rel, config_root_setting(&x), config_root_setting(&y));
    config_destroy(&x);
    config_destroy(&y);
    return mismatches - before;
}

Test(parity, demo_and_template_hold_the_same_ids_numbers_and_dates)
{
    const char *files[] = {
        "demo/ja/profile.cfg", "demo/ja/checklist.cfg", "demo/ja/assessments/2025.cfg",
        "demo/ja/assessments/2026.cfg", "template/ja/profile.cfg", "template/ja/checklist.cfg", NULL,
    };
    size_t bad = 0;
    for (const char **f = files; *f; f++)
        bad += compare_files(*f);
    cr_assert_eq(bad, 0, "%zu differences between the ja and en workspaces", bad);
}

Test(parity, the_file_sets_are_the_same)
{
    /* every file of one language has its twin (the list above is complete) */
    char cmd[1024];
    snprintf(cmd, sizeof cmd,
             "cd '%s' && for w in demo template; do diff <(cd $w/ja && find . -type f | sort) "
             "<(cd $w/en && find . -type f | sort) || exit 1; done; "
             "[ \"$(find demo/ja template/ja -type f | wc -l)\" -eq 6 ]",
             TEST_DATADIR);
    /* the command has its own quotes: run it through a script file */
    FILE *f = fopen("parity-files.sh", "w");
    cr_assert_not_null(f);
    fprintf(f, "%s\n", cmd);
    fclose(f);
    int rc = system("bash parity-files.sh");
    remove("parity-files.sh");
    cr_assert_eq(rc, 0, "the ja and en workspaces have different files (or a new file this test does not compare)");
}

/* The comparison itself finds a difference (so that the test above can fail). */
Test(parity, a_difference_is_found)
{
    config_t x, y;
    config_init(&x);
    config_init(&y);
    cr_assert(config_read_string(&x, "a = { id = \"r1\"; n = 3; t = \"文 2025-06-01\"; due = \"2026-03-31\"; };"));
    cr_assert(config_read_string(&y, "a = { id = \"r1\"; n = 3; t = \"text 2025-06-01\"; due = \"2026-03-31\"; };"));
    quiet = true;
    size_t before = mismatches;
    compare("same", config_root_setting(&x), config_root_setting(&y));
    cr_assert_eq(mismatches, before, "prose may differ");
    config_destroy(&y);
    config_init(&y);
    cr_assert(config_read_string(&y, "a = { id = \"r2\"; n = 4; t = \"text 2025-06-02\"; due = \"2026-03-30\"; };"));
    compare("diff", config_root_setting(&x), config_root_setting(&y));
    cr_assert_eq(mismatches - before, 4, "id, number, a date in prose and a date");
    config_destroy(&x);
    config_destroy(&y);
}
