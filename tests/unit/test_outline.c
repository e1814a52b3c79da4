/* Unit tests: the tree view-model (expand, move, select, search). */
#include "model/outline.h"
#include "store/libload.h"
#include <criterion/criterion.h>
#include <string.h>

static struct library *lib;
static const struct gl_edition *v5;

static void setup(void)
{
    struct diag_list dl = {0};
    lib = library_load(TEST_DATADIR, &dl);
    cr_assert_not_null(lib);
    v5 = gl_edition_find(&lib->gl, "v5");
    diag_clear(&dl);
}

static void teardown(void)
{
    library_free(lib);
}

TestSuite(outline, .init = setup, .fini = teardown);

Test(outline, starts_with_chapters_open)
{
    struct outline o;
    outline_init(&o, v5);
    size_t want = v5->nroots;
    for (size_t i = 0; i < v5->nroots; i++)
        want += v5->roots[i]->nchildren;
    cr_assert_eq(o.nrows, want);
    cr_assert_eq(outline_current(&o), v5->nodes[0]);
    outline_free(&o);
}

Test(outline, expand_collapse_and_parent)
{
    struct outline o;
    outline_init(&o, v5);
    const struct gl_node *measures = gl_node_find(&lib->gl, "v5.II.4");
    cr_assert_not_null(measures);
    outline_select(&o, measures);
    size_t before = o.nrows;
    cr_assert(outline_expand(&o));
    cr_assert_eq(o.nrows, before + measures->nchildren);
    cr_assert_not(outline_expand(&o));
    outline_move(&o, 1);
    cr_assert_eq(outline_current(&o)->parent, measures);
    outline_collapse_or_parent(&o); /* a collapsed child: go to the parent */
    cr_assert_eq(outline_current(&o), measures);
    outline_collapse_or_parent(&o); /* now collapse */
    cr_assert_eq(o.nrows, before);
    cr_assert_eq(outline_current(&o), measures);
    outline_free(&o);
}

Test(outline, moves_clamp_and_select_opens_ancestors)
{
    struct outline o;
    outline_init(&o, v5);
    outline_move(&o, -5);
    cr_assert_eq(o.cur, 0);
    outline_move(&o, 100000);
    cr_assert_eq(o.cur, o.nrows - 1);
    const struct gl_node *deep = gl_node_find(&lib->gl, "v5.II.4.1.3.2.c");
    cr_assert_not_null(deep);
    outline_select(&o, deep);
    cr_assert_eq(outline_current(&o), deep);
    outline_expand_all(&o, false);
    cr_assert_eq(o.nrows, v5->nroots);
    outline_expand_all(&o, true);
    cr_assert_eq(o.nrows, v5->nnodes);
    outline_free(&o);
}

Test(outline, scroll_keeps_cursor_in_window)
{
    struct outline o;
    outline_init(&o, v5);
    outline_expand_all(&o, true);
    outline_last(&o);
    outline_scroll(&o, 10);
    cr_assert_eq(o.top, o.nrows - 10);
    outline_first(&o);
    outline_scroll(&o, 10);
    cr_assert_eq(o.top, 0);
    outline_free(&o);
}

Test(outline, search_forward_backward_and_wrap)
{
    struct outline o;
    outline_init(&o, v5);
    size_t rank;
    size_t count = outline_match_count(&o, "アクセス制御", LANG_JA, &rank);
    cr_assert_geq(count, 1);
    cr_assert(outline_search(&o, "アクセス制御", LANG_JA, 1, true));
    cr_assert(strstr(outline_current(&o)->title.ja, "アクセス制御")
              || strstr(outline_current(&o)->summary.ja ? outline_current(&o)->summary.ja : "", "アクセス制御"));
    const struct gl_node *first = outline_current(&o);
    /* forward from the last match wraps around to the first */
    for (size_t i = 0; i < count; i++)
        cr_assert(outline_search(&o, "アクセス制御", LANG_JA, 1, false));
    cr_assert_eq(outline_current(&o), first);
    cr_assert(outline_search(&o, "アクセス制御", LANG_JA, -1, false));
    cr_assert_not(outline_search(&o, "存在しない語句", LANG_JA, 1, true));
    outline_free(&o);
}

Test(outline, search_folds_case_and_width)
{
    size_t off, len;
    cr_assert(text_find_fold("CSIRTの整備", "csirt", &off, &len));
    cr_assert_eq(off, 0);
    cr_assert_eq(len, 5);
    cr_assert(text_find_fold("ＣＳＩＲＴ", "csirt", &off, &len));
    cr_assert_eq(len, 15);
    cr_assert(text_find_fold("Access Control", "CONTROL", &off, NULL));
    cr_assert_eq(off, 7);
    cr_assert_not(text_find_fold("abc", "", NULL, NULL));
    cr_assert(outline_node_matches(gl_node_find(&lib->gl, "v5.II.4.1.3.2.c"), "access control", LANG_EN));
}
