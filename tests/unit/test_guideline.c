/* Unit tests: linking Guideline editions and the rules it checks. */
#include "model/guideline.h"
#include "util/xalloc.h"
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct gl_edition *edition(struct gl_set *set, const char *id, int order)
{
    struct gl_edition *ed = xcalloc(1, sizeof *ed);
    ed->id = xstrdup(id);
    ed->title.ja = xstrdup("指針");
    ed->title.en = xstrdup("Guideline");
    ed->label.ja = xstrdup(id);
    ed->label.en = xstrdup(id);
    ed->date = xstrdup("2020");
    ed->supersedes = xstrdup("");
    ed->file = xstrdup(id);
    ed->order = order;
    gl_set_add(set, ed);
    return ed;
}

static struct gl_node *node(struct gl_edition *ed, const char *id, const char *parent,
                            const char *number, const char *title)
{
    struct gl_node *n = gl_node_new();
    n->id = xstrdup(id);
    n->parent_id = xstrdup(parent);
    n->number = xstrdup(number);
    n->title.ja = xstrdup(title);
    n->title.en = xstrdup(title);
    n->line = (int)ed->nnodes + 10;
    gl_edition_add(ed, n);
    return n;
}

static bool has_diag(const struct diag_list *dl, const char *needle)
{
    for (size_t i = 0; i < dl->n; i++)
        if (strstr(dl->v[i].text, needle))
            return true;
    return false;
}

Test(guideline, links_parents_depths_and_inherited_phase)
{
    struct gl_set set = {0};
    struct diag_list dl = {0};
    struct gl_edition *ed = edition(&set, "a", 1);
    struct gl_node *r = node(ed, "a.1", "", "1.", "root");
    r->phase = PHASE_PLAN;
    r->phase_set = true;
    struct gl_node *c = node(ed, "a.1.1", "a.1", "1.1.", "child");
    struct gl_node *g = node(ed, "a.1.1.1", "a.1.1", "（１）", "grandchild");
    gl_link(&set, &dl);
    cr_assert_eq(dl.n, 0);
    cr_assert_eq(ed->nroots, 1);
    cr_assert_eq(c->parent, r);
    cr_assert_eq(g->depth, 2);
    cr_assert_eq(g->phase, PHASE_PLAN);
    cr_assert_eq(r->nchildren, 1);
    cr_assert_eq(gl_node_find(&set, "a.1.1"), c);
    gl_set_free(&set);
}

Test(guideline, reports_duplicates_missing_parents_and_order)
{
    struct gl_set set = {0};
    struct diag_list dl = {0};
    struct gl_edition *ed = edition(&set, "a", 1);
    node(ed, "a.1", "", "1.", "one");
    node(ed, "a.1", "", "1.", "again");
    node(ed, "a.2", "a.9", "2.", "orphan");
    node(ed, "a.3", "a.4", "3.", "before its parent");
    node(ed, "a.4", "", "4.", "parent");
    gl_link(&set, &dl);
    cr_assert(has_diag(&dl, "node id 'a.1' is used twice (first at a:10)"));
    cr_assert(has_diag(&dl, "parent 'a.9' is not a node"));
    cr_assert(has_diag(&dl, "parent 'a.4' must come before its children"));
    cr_assert_eq(diag_count(&dl, DIAG_ERROR), 3);
    cr_assert_eq(dl.v[0].line, 11);
    diag_clear(&dl);
    gl_set_free(&set);
}

Test(guideline, reports_bad_mappings_and_supersedes)
{
    struct gl_set set = {0};
    struct diag_list dl = {0};
    struct gl_edition *a = edition(&set, "a", 1);
    struct gl_edition *b = edition(&set, "b", 2);
    free(b->supersedes);
    b->supersedes = xstrdup("zz");
    struct gl_node *x = node(a, "a.1", "", "1.", "x");
    x->change = CHANGE_MOVED;
    gl_node_add_map(x, "b.404");
    struct gl_node *y = node(a, "a.2", "", "2.", "y");
    y->change = CHANGE_MOVED;
    gl_node_add_map(y, "a.1");
    struct gl_node *z = node(b, "b.1", "", "1.", "z");
    z->change = CHANGE_FROM; /* but no maps */
    gl_link(&set, &dl);
    cr_assert(has_diag(&dl, "maps to 'b.404', which no edition has"));
    cr_assert(has_diag(&dl, "maps to 'a.1' of the same edition"));
    cr_assert(has_diag(&dl, "change 'taken over from' needs maps"));
    cr_assert(has_diag(&dl, "supersedes 'zz'"));
    diag_clear(&dl);
    gl_set_free(&set);
}

Test(guideline, depth_is_bounded)
{
    struct gl_set set = {0};
    struct diag_list dl = {0};
    struct gl_edition *ed = edition(&set, "a", 1);
    char id[32], parent[32] = "";
    for (int i = 0; i < GL_MAX_DEPTH + 3; i++) {
        snprintf(id, sizeof id, "a.%d", i);
        node(ed, id, parent, "", "deep");
        strcpy(parent, id);
    }
    gl_link(&set, &dl);
    cr_assert(has_diag(&dl, "nested deeper than"));
    diag_clear(&dl);
    gl_set_free(&set);
}

Test(guideline, map_to_direct_reverse_and_ancestor)
{
    struct gl_set set = {0};
    struct diag_list dl = {0};
    struct gl_edition *a = edition(&set, "a", 1);
    struct gl_edition *b = edition(&set, "b", 2);
    struct gl_node *a1 = node(a, "a.1", "", "1.", "a1");
    struct gl_node *a11 = node(a, "a.1.1", "a.1", "1.1.", "a11");
    struct gl_node *a2 = node(a, "a.2", "", "2.", "a2");
    struct gl_node *b1 = node(b, "b.1", "", "1.", "b1");
    struct gl_node *b2 = node(b, "b.2", "", "2.", "b2");
    a1->change = CHANGE_MOVED;
    gl_node_add_map(a1, "b.1");
    b2->change = CHANGE_FROM;
    gl_node_add_map(b2, "a.2");
    gl_link(&set, &dl);
    cr_assert_eq(dl.n, 0);
    const struct gl_node *via = NULL;
    cr_assert_eq(gl_map_to(&set, a1, b, &via), b1);   /* direct */
    cr_assert_eq(via, a1);
    cr_assert_eq(gl_map_to(&set, a2, b, NULL), b2);   /* reverse */
    cr_assert_eq(gl_map_to(&set, a11, b, &via), b1);  /* via the parent */
    cr_assert_eq(via, a1);
    cr_assert_eq(gl_map_to(&set, b1, a, NULL), a1);   /* reverse */
    gl_set_free(&set);
}

Test(guideline, headings_in_both_languages)
{
    struct gl_set set = {0};
    struct gl_edition *ed = edition(&set, "a", 1);
    struct gl_node *n = node(ed, "a.1", "", "（２）", "x");
    free(n->title.en);
    n->title.en = xstrdup("Risk");
    struct gl_node *m = node(ed, "a.2", "", "Ⅱ．", "組織");
    struct gl_node *k = node(ed, "a.3", "", "4.1.", "観点");
    char *s = gl_node_heading(n, LANG_JA);
    cr_assert_str_eq(s, "（２）x");
    free(s);
    s = gl_node_heading(n, LANG_EN);
    cr_assert_str_eq(s, "(2) Risk");
    free(s);
    s = gl_node_heading(m, LANG_EN);
    cr_assert_str_eq(s, "II. 組織");
    free(s);
    s = gl_node_heading(k, LANG_JA);
    cr_assert_str_eq(s, "4.1. 観点");
    free(s);
    gl_set_free(&set);
}

Test(guideline, names_parse_and_print)
{
    cr_assert_eq(phase_parse("check-act"), PHASE_CHECK_ACT);
    cr_assert_eq(phase_parse("later"), -1);
    cr_assert_eq(csf_parse("RC"), CSF_RC);
    cr_assert_eq(csf_parse("XX"), -1);
    cr_assert_str_eq(csf_name(CSF_DE, LANG_JA), "検知");
    cr_assert_eq(change_parse("partly-moved"), CHANGE_PARTLY_MOVED);
    cr_assert_eq(status_parse("in-force"), STATUS_IN_FORCE);
    cr_assert_str_eq(change_name(CHANGE_NEW, LANG_JA), "新設");
}
