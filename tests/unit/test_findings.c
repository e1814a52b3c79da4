/* Unit tests of the findings as the workbench lists them: in the order
 * of kijun check (model/findings.c: by file, what reading found first,
 * then by line, stably), grouped by file with their counts, the target
 * of each (none for what reading found or an entry no longer there),
 * their text as kijun check prints it; and the core's list of the open
 * workspace (core/findings.c): clean on the demo, a finding after an
 * edit, with its target, and the save's message naming the key. */
#include <criterion/criterion.h>
#include "diag_expect.h"
#include "core/edits.h"
#include "core/findings.h"
#include "model/assessment.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <string.h>

#include "demo_session.h"

static void put(struct findings *f, const char *file, int line, enum diag_severity sev, bool read,
                const char *text)
{
    f->v = xgrow(f->v, &f->cap, f->n + 1, sizeof *f->v);
    struct item at = {DOC_PROFILE, 0, ITEM_HEAD, 0, FIELD_NONE};
    f->v[f->n++] = (struct finding){sev, xstrdup(file), line, xstrdup(text), at, read};
}

Test(findings_model, sorted_as_kijun_check_prints_them)
{
    struct findings f = {0};
    put(&f, "assessments/2026.cfg", 3, DIAG_ERROR, false, "r2026");
    put(&f, "assessments/2025.cfg", 9, DIAG_ERROR, false, "r2025-9");
    put(&f, "checklist.cfg", 6, DIAG_ERROR, false, "c6");
    put(&f, "profile.cfg", 40, DIAG_ERROR, false, "p40");
    put(&f, "profile.cfg", 12, DIAG_WARNING, false, "p12a");
    put(&f, "profile.cfg", 50, DIAG_WARNING, true, "p-read");
    put(&f, "assessments/2025.cfg", 2, DIAG_WARNING, false, "r2025-2");
    put(&f, "profile.cfg", 12, DIAG_ERROR, false, "p12b");
    findings_sort(&f);
    const char *want[] = {"p-read", "p12a", "p12b", "p40", "c6", "r2025-2", "r2025-9", "r2026"};
    cr_assert_eq(f.n, 8);
    for (size_t i = 0; i < f.n; i++)
        cr_expect_str_eq(f.v[i].text, want[i], "finding %zu", i);
    struct finding_group *g;
    size_t n = findings_group(&f, &g);
    cr_assert_eq(n, 4);
    cr_expect_str_eq(g[0].file, "profile.cfg");
    cr_expect(g[0].first == 0 && g[0].n == 4 && g[0].errors == 2 && g[0].warnings == 2);
    cr_expect(g[1].first == 4 && g[1].n == 1 && g[1].errors == 1);
    cr_expect_str_eq(g[2].file, "assessments/2025.cfg");
    cr_expect(g[2].first == 5 && g[2].n == 2 && g[2].errors == 1 && g[2].warnings == 1);
    cr_expect(g[3].first == 7 && g[3].n == 1);
    free(g);
    findings_free(&f);
    cr_expect_eq(findings_group(&f, &g), 0);
    cr_expect_null(g);
}

Test(findings_model, the_text_is_kijun_checks)
{
    struct findings f = {0};
    put(&f, "profile.cfg", 40, DIAG_ERROR, false, "res-a: Depends on ('depends') names itself");
    put(&f, "checklist.cfg", 0, DIAG_WARNING, false, "odd");
    char *a = finding_format(&f.v[0]), *b = finding_format(&f.v[1]);
    cr_expect_str_eq(a, "profile.cfg:40: error: res-a: Depends on ('depends') names itself");
    cr_expect_str_eq(b, "checklist.cfg: warning: odd");
    cr_expect(finding_matches(&f.v[0], "NAMES it"));
    cr_expect(finding_matches(&f.v[0], "profile.cfg:40"));
    cr_expect(!finding_matches(&f.v[1], "error"));
    free(a), free(b);
    findings_free(&f);
}

Test(findings_model, a_target_where_the_entry_is)
{
    struct profile p;
    struct checklist cl;
    struct round r;
    profile_init(&p);
    checklist_init(&cl);
    round_init(&r, "2026");
    struct record x;
    record_init(&x, p.c[COLL_RESOURCES].def);
    x.id = xstrdup("res-a");
    coll_add(&p.c[COLL_RESOURCES], &x);
    struct finding f = {DIAG_ERROR, "profile.cfg", 4, "t", {DOC_PROFILE, 0, COLL_RESOURCES, 0, 2}, false};
    struct target t;
    cr_expect(finding_target(&f, &p, &cl, &r, 1, &t));
    cr_expect(t.kind == TARGET_PROFILE && t.coll == COLL_RESOURCES && t.index == 0 && t.field == 2);
    f.at.index = 1; /* deleted since */
    cr_expect(!finding_target(&f, &p, &cl, &r, 1, &t));
    cr_expect_eq(t.kind, TARGET_NONE);
    f.at = (struct item){DOC_PROFILE, 0, ITEM_CRITERIA, 0, 1};
    cr_expect(finding_target(&f, &p, &cl, &r, 1, &t) && t.coll == ITEM_CRITERIA);
    f.read = true; /* what reading the file found has no item */
    cr_expect(!finding_target(&f, &p, &cl, &r, 1, &t));
    f.read = false;
    f.at = (struct item){DOC_CHECKLIST, 0, 0, 0, FIELD_NONE};
    cr_expect(!finding_target(&f, &p, &cl, &r, 1, &t), "the checklist has no item 0");
    f.at = (struct item){DOC_ROUND, 0, ITEM_HEAD, 0, 3};
    cr_expect(finding_target(&f, &p, &cl, &r, 1, &t));
    cr_expect(t.kind == TARGET_ROUND && t.round == 0 && t.coll == ITEM_HEAD && t.field == 3);
    f.at.round = 1;
    cr_expect(!finding_target(&f, &p, &cl, &r, 1, &t), "no second round");
    f.at = (struct item){DOC_ROUND, 0, RC_RISKS, 0, FIELD_NONE};
    cr_expect(!finding_target(&f, &p, &cl, &r, 1, &t), "the round has no risk");
    round_free(&r);
    checklist_free(&cl);
    profile_free(&p);
}

TestSuite(findings, .init = open_demo, .fini = close_demo);

Test(findings, the_demo_is_clean_and_an_edit_gives_a_finding_with_its_target)
{
    struct findings f = {0};
    session_all_findings(&s, &f, NULL, NULL);
    cr_expect_eq(f.n, 0, "the demo is clean (kijun check)");
    findings_free(&f);
    struct record *c = &s.profile.criteria;
    core_set_int(&s, &s.pdoc, NULL, c, &profile_criteria_def,
                 CRIT_THRESHOLD, 99);
    session_all_findings(&s, &f, NULL, NULL);
    cr_assert_eq(f.n, 1);
    cr_expect_str_eq(f.v[0].file, "profile.cfg");
    cr_expect(strstr(f.v[0].text, "99") != NULL, "%s", f.v[0].text);
    struct target t;
    cr_expect(session_finding_target(&s, &f.v[0], &t));
    cr_expect(t.kind == TARGET_PROFILE && t.coll == ITEM_CRITERIA);
    cr_expect_eq(t.field, CRIT_THRESHOLD);
    findings_free(&f);
}

static size_t calls;
static void count(void *ctx, size_t done, size_t total)
{
    (void)ctx;
    cr_expect(done < total);
    calls++;
}

Test(findings, progress_before_each_document)
{
    struct findings f = {0};
    calls = 0;
    session_all_findings(&s, &f, count, NULL);
    cr_expect_eq(calls, s.nrounds + 2);
    findings_free(&f);
}

Test(findings, the_save_names_the_key_that_shows_them)
{
    struct record *c = &s.profile.criteria;
    core_set_int(&s, &s.pdoc, NULL, c, &profile_criteria_def,
                 CRIT_THRESHOLD, 99);
    char msg[512];
    cr_assert(session_save(&s, msg, sizeof msg));
    cr_expect_str_eq(msg, "Saved; 1 finding in profile.cfg (kijun check)", "without a key");
    snprintf(s.findings_key, sizeof s.findings_key, "6");
    core_set_int(&s, &s.pdoc, NULL, c, &profile_criteria_def,
                 CRIT_THRESHOLD, 98);
    cr_assert(session_save(&s, msg, sizeof msg));
    cr_expect_str_eq(msg, "Saved; 1 finding (6 shows it) in profile.cfg");
}

/* After a save the file holds kijun's form, whose lines are not those it
 * was read from: the findings point at the lines of the file as saved,
 * those a fresh read (kijun check) gives, what reading finds included. */
static void expect_as_read_afresh(void)
{
    struct findings now = {0}, fresh = {0};
    session_all_findings(&s, &now, NULL, NULL);
    struct session v;
    session_open_viewer(&v, lib, s.dir);
    session_all_findings(&v, &fresh, NULL, NULL);
    cr_assert_eq(now.n, fresh.n, "%zu findings, a fresh read %zu", now.n, fresh.n);
    for (size_t i = 0; i < now.n; i++) {
        cr_expect_str_eq(now.v[i].file, fresh.v[i].file);
        cr_expect_eq(now.v[i].line, fresh.v[i].line, "%s: line %d, a fresh read %d", now.v[i].text,
                     now.v[i].line, fresh.v[i].line);
        cr_expect_str_eq(now.v[i].text, fresh.v[i].text);
    }
    findings_free(&now);
    findings_free(&fresh);
    session_close(&v);
}

Test(findings, after_a_save_they_point_at_the_lines_as_saved)
{
    /* a setting kijun does not know and a comment: the saved form moves lines */
    char *p = ws_path(s.dir, "profile.cfg");
    FILE *f = fopen(p, "r");
    static char text[1 << 16];
    size_t n = fread(text, 1, sizeof text - 1, f);
    text[n] = '\0';
    fclose(f);
    f = fopen(p, "w");
    fprintf(f, "# a comment\n\n\ncolour = \"blue\";\n%s", text);
    fclose(f);
    free(p);
    char *dir = xstrdup(s.dir);
    s.demo = false; /* closed, the copy stays: it is opened again */
    session_close(&s);
    session_open(&s, lib, dir, "again", false);
    free(dir);
    cr_assert_gt(s.nrounds, 0);
    struct round_doc *rd = s.rounds[s.nrounds - 1];
    core_set_int(&s, &rd->d, NULL, &rd->r.head, &round_head_def, HEAD_THRESHOLD, 30);
    core_set_int(&s, &s.pdoc, NULL, &s.profile.criteria, &profile_criteria_def, CRIT_THRESHOLD, 30);
    char msg[512];
    cr_assert(session_save(&s, msg, sizeof msg), "%s", msg);
    expect_as_read_afresh();
    s.demo = true; /* the copy goes with the session */
}
