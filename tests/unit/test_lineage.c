/* Unit tests: the lineage of editions: dates (partial ones too), the
 * status computed for a day, and the shipped record. */
#include "model/lineage.h"
#include "store/libload.h"
#include "util/xalloc.h"
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

Test(lineage, dates_full_and_partial)
{
    struct lin_date d;
    cr_assert(lin_date_parse("2019", &d));
    cr_assert_eq(d.y, 2019);
    cr_assert_eq(d.m, 0);
    cr_assert(lin_date_parse("2019-05", &d));
    cr_assert_eq(d.m, 5);
    cr_assert_eq(d.d, 0);
    cr_assert(lin_date_parse("2018-04-04", &d));
    cr_assert_eq(d.d, 4);
    cr_assert(lin_date_parse("2020-02-29", NULL), "a leap day");
    const char *bad[] = {"2019-02-29", "1900-02-29", "2019-13", "2019-00", "2019-5", "19",
                         "2019-04-31", "2019-04-00", "2019/04/01", "2019-04-01x", "", "0000", NULL};
    for (const char **b = bad; *b; b++)
        cr_assert_not(lin_date_parse(*b, NULL), "'%s' accepted", *b);
    cr_assert_not(lin_date_parse(NULL, NULL));
}

Test(lineage, a_partial_date_counts_from_its_first_day)
{
    struct lin_date y, m, t;
    lin_date_parse("2022", &y);
    lin_date_parse("2023-07", &m);
    lin_date_parse("2021-12-31", &t);
    cr_assert_not(lin_date_reached(&y, &t));
    lin_date_parse("2022-01-01", &t);
    cr_assert(lin_date_reached(&y, &t));
    lin_date_parse("2023-06-30", &t);
    cr_assert_not(lin_date_reached(&m, &t));
    lin_date_parse("2023-07-01", &t);
    cr_assert(lin_date_reached(&m, &t));
    cr_assert_lt(lin_date_cmp(&y, &m), 0);
}

Test(lineage, status_from_the_events)
{
    struct lineage l = {0};
    cr_assert_eq(lineage_status(&l, STATUS_DRAFT, "2026-12-01"), STATUS_DRAFT, "no events: declared");
    lineage_add(&l, EV_DECIDED, "2026-07-31", "s", CONF_SPLUS);
    cr_assert_eq(lineage_status(&l, STATUS_DRAFT, "2026-08-01"), STATUS_IN_FORCE,
                 "decided with no in-force date: in force from the decision");
    lineage_add(&l, EV_IN_FORCE, "2026-10-01", "s", CONF_SPLUS);
    cr_assert_eq(lineage_status(&l, STATUS_DRAFT, "2026-07-30"), STATUS_NOT_YET);
    cr_assert_eq(lineage_status(&l, STATUS_DRAFT, "2026-07-31"), STATUS_DECIDED);
    cr_assert_eq(lineage_status(&l, STATUS_DRAFT, "2026-09-30"), STATUS_DECIDED);
    cr_assert_eq(lineage_status(&l, STATUS_DRAFT, "2026-10-01"), STATUS_IN_FORCE);
    struct lin_event *e = lineage_add(&l, EV_ABOLISHED, "2030", "s", CONF_S);
    e->by = xstrdup("next");
    cr_assert_eq(lineage_status(&l, STATUS_DRAFT, "2029-12-31"), STATUS_IN_FORCE);
    cr_assert_null(lineage_end(&l, "2029-12-31"));
    cr_assert_eq(lineage_status(&l, STATUS_DRAFT, "2030-01-01"), STATUS_ABOLISHED);
    cr_assert_str_eq(lineage_end(&l, "2030-01-01")->by, "next");
    cr_assert_eq(lineage_status(&l, STATUS_DRAFT, "not a day"), STATUS_DRAFT);
    cr_assert_eq(lineage_status(&l, STATUS_DRAFT, "2030-01"), STATUS_DRAFT, "today is a whole day");
    cr_assert_eq(lineage_order_error(&l), (size_t)-1);
    lineage_add(&l, EV_REVISED, "2029-05", "s", CONF_S);
    cr_assert_eq(lineage_order_error(&l), 3);
    lineage_free(&l);

    /* a lineage that records only its end: in force before it */
    lineage_add(&l, EV_SUPERSEDED, "2023-07", "p", CONF_P);
    cr_assert_eq(lineage_status(&l, STATUS_DRAFT, "2023-06-30"), STATUS_IN_FORCE);
    cr_assert_eq(lineage_status(&l, STATUS_DRAFT, "2023-07-01"), STATUS_SUPERSEDED);
    lineage_free(&l);
}

Test(lineage, declared_statuses_parse)
{
    cr_assert_eq(status_parse("draft"), STATUS_DRAFT);
    cr_assert_eq(status_parse("in-force"), STATUS_IN_FORCE);
    cr_assert_eq(status_parse("superseded"), STATUS_SUPERSEDED);
    cr_assert_eq(status_parse("abolished"), STATUS_ABOLISHED);
    cr_assert_eq(status_parse("not-yet"), -1, "computed only");
    cr_assert_eq(status_parse("decided"), -1, "computed only");
    cr_assert_eq(confidence_parse("S+"), CONF_SPLUS);
    cr_assert_eq(confidence_parse("Q"), -1);
    cr_assert_eq(event_parse("in-force"), EV_IN_FORCE);
    cr_assert_str_eq(status_name(STATUS_IN_FORCE, LANG_JA), "現行");
    cr_assert_str_eq(status_name(STATUS_ABOLISHED, LANG_EN), "abolished");
}

/* --- the shipped record -------------------------------------------------- */

static struct library *lib;

static void load(void)
{
    struct diag_list dl = {0};
    lib = library_load(TEST_DATADIR, &dl);
    cr_assert_not_null(lib);
    cr_assert_eq(dl.n, 0, "the shipped library has findings");
    diag_clear(&dl);
}

static enum edition_status st(const char *id, const char *today)
{
    const struct gl_edition *ed = gl_edition_find(&lib->gl, id);
    cr_assert_not_null(ed, "no edition %s", id);
    return gl_edition_status(ed, today);
}

Test(lineage, shipped_status_on_each_day)
{
    load();
    /* before 2018-04-04: nothing is out yet */
    cr_assert_eq(st("v5", "2018-04-03"), STATUS_NOT_YET);
    cr_assert_eq(st("rev", "2018-04-03"), STATUS_NOT_YET);
    cr_assert_eq(st("v5", "2018-04-04"), STATUS_IN_FORCE);
    /* 2020: the 5th edition (as revised in 2019) */
    cr_assert_eq(st("v5", "2020-06-01"), STATUS_IN_FORCE);
    cr_assert_eq(st("rev", "2020-06-01"), STATUS_NOT_YET);
    cr_assert_eq(st("v2023", "2020-06-01"), STATUS_NOT_YET);
    cr_assert_eq(st("rev", "2022-06-01"), STATUS_DRAFT, "drafted in 2022 (a partial date)");
    /* 2023-08: the 2023 Guideline replaced the 5th edition and the draft */
    cr_assert_eq(st("v5", "2023-08-01"), STATUS_SUPERSEDED);
    cr_assert_eq(st("rev", "2023-08-01"), STATUS_SUPERSEDED);
    cr_assert_eq(st("v2023", "2023-08-01"), STATUS_IN_FORCE);
    cr_assert_eq(st("uni2026", "2023-08-01"), STATUS_NOT_YET);
    /* 2026-09: both successors decided, not yet in force */
    cr_assert_eq(st("v2023", "2026-09-15"), STATUS_IN_FORCE);
    cr_assert_eq(st("uni2026", "2026-09-15"), STATUS_DECIDED);
    cr_assert_eq(st("gl2026", "2026-09-15"), STATUS_DECIDED);
    cr_assert_eq(st("gl2026", "2026-09-10"), STATUS_NOT_YET);
    /* 2026-12: the Guideline (5th edition and 2023) abolished on 2026-10-01 */
    cr_assert_eq(st("v5", "2026-12-01"), STATUS_ABOLISHED);
    cr_assert_eq(st("v2023", "2026-12-01"), STATUS_ABOLISHED);
    cr_assert_eq(st("v2023", "2026-09-30"), STATUS_IN_FORCE);
    cr_assert_eq(st("gl2026", "2026-12-01"), STATUS_IN_FORCE);
    cr_assert_eq(st("uni2026", "2026-12-01"), STATUS_IN_FORCE);
    const struct lin_event *end = lineage_end(&gl_edition_find(&lib->gl, "v5")->lineage, "2026-12-01");
    cr_assert_str_eq(end->by, "gl2026");
    cr_assert_str_eq(end->date, "2026-10-01");
    library_free(lib);
}

Test(lineage, every_event_has_source_and_confidence)
{
    load();
    size_t n = 0;
    for (size_t i = 0; i < lib->gl.n; i++) {
        const struct gl_edition *ed = lib->gl.editions[i];
        cr_assert_gt(ed->lineage.n, 0, "%s has no lineage", ed->id);
        for (size_t k = 0; k < ed->lineage.n; k++, n++) {
            cr_assert(ed->lineage.v[k].source && *ed->lineage.v[k].source);
            /* in both languages: the editions screen shows it in Japanese too */
            cr_assert(ed->lineage.v[k].source_ja && *ed->lineage.v[k].source_ja,
                      "%s: event %zu has no Japanese source", ed->id, k);
            cr_assert_neq(ed->lineage.v[k].conf, CONF_NONE);
        }
    }
    cr_assert_geq(n, 12);
    /* which text is which */
    const struct gl_edition *v5 = gl_edition_find(&lib->gl, "v5"), *rev = gl_edition_find(&lib->gl, "rev");
    cr_assert_str_eq(v5->label.ja, "第5版（2019年改定版）");
    cr_assert_str_eq(lineage_find(&v5->lineage, EV_REVISED)->date, "2019");
    cr_assert_str_eq(rev->label.en, "2022 draft of the 2023 Guideline");
    cr_assert_null(strstr(rev->label.en, "(draft)"));
    /* the data says which values are kijun's own judgement */
    cr_assert_not_null(v5->note.en);
    cr_assert_not_null(strstr(v5->note.en, "kijun's own judgement"));
    cr_assert_not_null(strstr(rev->note.ja, "kijun独自の判断"));
    /* shipped and metadata only */
    cr_assert(v5->has_text);
    cr_assert(rev->has_text);
    const char *meta[] = {"v2023", "uni2026", "gl2026", NULL};
    for (const char **m = meta; *m; m++)
        cr_assert_not(gl_edition_find(&lib->gl, *m)->has_text, "%s ships no text", *m);
    cr_assert_eq(gl_edition_find(&lib->gl, "v2023")->nnodes, 0);
    cr_assert_eq(gl_edition_find(&lib->gl, "gl2026")->nnodes, 0);
    /* the Unified Standards: six unnumbered topics from one secondary source */
    const struct gl_edition *uni = gl_edition_find(&lib->gl, "uni2026");
    cr_assert_eq(uni->nnodes, 6);
    for (size_t k = 0; k < uni->nnodes; k++) {
        cr_assert_str_eq(uni->nodes[k]->number, "");
        cr_assert_eq(uni->nodes[k]->conf, CONF_S);
        cr_assert_eq(uni->nodes[k]->nchildren, 0);
    }
    cr_assert_str_eq(uni->nodes[0]->title.ja, "組織統治");
    cr_assert_str_eq(uni->nodes[5]->title.ja, "AI等の技術・脅威動向への対応");
    /* the browser opens on the newest edition with text */
    cr_assert_str_eq(lib->gl.editions[gl_default_edition(&lib->gl)]->id, "rev");
    cr_assert(gl_edition_has_text(&lib->gl, "v5"));
    cr_assert_not(gl_edition_has_text(&lib->gl, "gl2026"));
    cr_assert_not(gl_edition_has_text(&lib->gl, "nope"));
    library_free(lib);
}

Test(lineage, the_handbook_and_the_sectors)
{
    load();
    const struct ref_table *hb = library_table(lib, "handbook");
    cr_assert_eq(hb->lineage.n, 1);
    cr_assert_str_eq(hb->lineage.v[0].date, "2023-07");
    cr_assert_str_eq(hb->lineage.v[0].by_title.ja,
                     "重要インフラのサイバーセキュリティ部門におけるリスクマネジメント等手引書");
    cr_assert_eq(lineage_status(&hb->lineage, STATUS_IN_FORCE, "2023-06-30"), STATUS_IN_FORCE);
    cr_assert_eq(lineage_status(&hb->lineage, STATUS_IN_FORCE, "2023-07-01"), STATUS_SUPERSEDED);
    cr_assert_eq(hb->n, 5, "the five steps stay as the slides give them");
    cr_assert_null(strstr(hb->head.title.en, "Mission"), "機能保証 is function assurance");
    const struct ref_table *sec = library_table(lib, "sectors");
    cr_assert_eq(sec->n, 15);
    cr_assert_str_eq(sec->items[14].title.ja, "港湾");
    cr_assert_str_eq(lineage_find(&sec->lineage, EV_REVISED)->date, "2024-03-08");
    cr_assert_not_null(strstr(ref_text(&sec->head, "source", LANG_EN), "2024"));
    library_free(lib);
}

/* --- bad lineages are findings at their line ------------------------------- */

#define HEAD \
    "kijun_library = 1;\n" \
    "edition = {\n" \
    "  id = \"x\"; title = { ja = \"x\"; en = \"x\"; }; label = { ja = \"x\"; en = \"x\"; };\n" \
    "  date = \"%s\";\n" \
    "  lineage = (\n" \
    "    { event = \"decided\"; date = \"2020\"; source = \"s\"; confidence = \"P\"; }\n" \
    "    %s\n" \
    "  );\n" \
    "  %s\n" \
    "};\n" \
    "nodes = (%s);\n"

static bool load_text(const char *date, const char *event, const char *extra, const char *nodes,
                      struct diag_list *dl)
{
    char path[] = "/tmp/kijun-lineage-XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    FILE *f = fdopen(fd, "w");
    char ev[512];
    snprintf(ev, sizeof ev, "%s%s", *event ? ", " : "", event);
    fprintf(f, HEAD, date, ev, extra, nodes);
    fclose(f);
    struct gl_set set = {0};
    bool ok = library_load_edition(&set, path, dl);
    gl_set_free(&set);
    unlink(path);
    return ok;
}

static void expect(const char *date, const char *event, const char *extra, const char *nodes,
                   int line, const char *text)
{
    struct diag_list dl = {0};
    cr_assert_not(load_text(date, event, extra, nodes, &dl), "accepted: %s %s", date, event);
    bool found = false;
    for (size_t i = 0; i < dl.n; i++)
        if (dl.v[i].line == line && strstr(dl.v[i].text, text))
            found = true;
    for (size_t i = 0; !found && i < dl.n; i++)
        fprintf(stderr, "finding %d: %s\n", dl.v[i].line, dl.v[i].text);
    cr_assert(found, "no finding '%s' at line %d", text, line);
    diag_clear(&dl);
}

#define GOOD_NODE "{ id = \"x.1\"; parent = \"\"; number = \"1.\"; title = { ja = \"a\"; en = \"a\"; }; }"

Test(lineage, bad_dates_and_events_are_findings_with_lines)
{
    struct diag_list dl = {0};
    cr_assert(load_text("2019-05", "{ event = \"abolished\"; date = \"2026-10\"; by = \"y\"; source = \"s\"; confidence = \"S+\"; }",
                        "", GOOD_NODE, &dl), "a good file with partial dates");
    cr_assert_eq(dl.n, 0);
    expect("2019-13", "", "", GOOD_NODE, 4, "2019-13");
    expect("2019-02-29", "", "", GOOD_NODE, 4, "YYYY-MM-DD");
    expect("2019", "{ event = \"revised\"; date = \"2021-04-31\"; source = \"s\"; confidence = \"P\"; }",
           "", GOOD_NODE, 7, "2021-04-31");
    expect("2019", "{ event = \"revised\"; date = \"2019-12\"; source = \"s\"; confidence = \"P\"; }",
           "", GOOD_NODE, 7, "date order");
    expect("2019", "{ event = \"repealed\"; date = \"2021\"; source = \"s\"; confidence = \"P\"; }",
           "", GOOD_NODE, 7, "repealed");
    expect("2019", "{ event = \"revised\"; date = \"2021\"; source = \"s\"; confidence = \"sure\"; }",
           "", GOOD_NODE, 7, "sure");
    expect("2019", "{ event = \"revised\"; date = \"2021\"; confidence = \"P\"; }", "", GOOD_NODE, 7,
           "source");
    expect("2019", "{ event = \"revised\"; date = \"2021\"; by = \"y\"; source = \"s\"; confidence = \"P\"; }",
           "", GOOD_NODE, 7, "successor");
    /* no nodes: only an entry of metadata only */
    expect("2019", "", "", "", 11, "text = false");
    cr_assert(load_text("2019", "", "text = false;", "", &dl));
    cr_assert_eq(dl.n, 0);
    expect("2019", "", "status = \"gone\";", GOOD_NODE, 9, "abolished");
}

Test(lineage, a_revision_still_ahead_is_said)
{
    struct lineage l = {0};
    lineage_add(&l, EV_DECIDED, "2018-04-04", "s", CONF_P);
    lineage_add(&l, EV_REVISED, "2019", "s", CONF_P);
    cr_assert_not_null(lineage_revision_ahead(&l, "2018-04-04"), "decided, the 2019 revision still ahead");
    cr_assert_str_eq(lineage_revision_ahead(&l, "2018-12-31")->date, "2019");
    cr_assert_null(lineage_revision_ahead(&l, "2019-01-01"), "revised: the label is true");
    cr_assert_null(lineage_revision_ahead(&l, "garbage"), "no day, no claim");
    char out[80];
    revision_ahead_say(out, sizeof out, "in force", LANG_EN);
    cr_assert_str_eq(out, "in force, not yet revised");
    lineage_free(&l);
}
