/* Unit tests: the exports' text (model/export.h): CSV cells quoted and
 * neutralised against formula injection, the register's rows, JSON
 * strings escaped (control characters, U+2028, bytes that are no UTF-8),
 * only what is set written, the risks' computed values, and the digest
 * over the files as sha256sum gives it. tests/export.sh reads whole
 * exports back. */
#include "model/export.h"
#include <criterion/criterion.h>
#include "fields.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *cell(const char *text)
{
    struct strbuf sb = STRBUF_INIT;
    export_csv_cell(&sb, text);
    return sb_take(&sb);
}

Test(csv, cells_are_quoted_only_when_needed)
{
    static const char *const cases[][2] = {
        {"plain", "plain"},
        {"", ""},
        {"a, b", "\"a, b\""},
        {"say \"hi\"", "\"say \"\"hi\"\"\""},
        {"two\nlines", "\"two\nlines\""},
        {"停電", "停電"},
        {"1-2", "1-2"}, /* a minus inside is no formula */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *c = cell(cases[i][0]);
        cr_assert_str_eq(c, cases[i][1], "'%s'", cases[i][0]);
        free(c);
    }
}

Test(csv, a_cell_a_spreadsheet_would_compute_is_neutralised)
{
    static const char *const cases[][2] = {
        {"=1+1", "\"'=1+1\""},
        {"+81 3", "\"'+81 3\""},
        {"-2", "\"'-2\""},
        {"@SUM(A1)", "\"'@SUM(A1)\""},
        {"\tx", "\"'\tx\""},
        {"\rx", "\"'\rx\""},
        {"=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *c = cell(cases[i][0]);
        cr_assert_str_eq(c, cases[i][1], "'%s'", cases[i][0]);
        free(c);
    }
}

/* A round of two risks on a profile with 5-level scales and a product
 * rule with threshold 10. */
static void setup_round(struct profile *p, struct round *r)
{
    profile_init(p);
    round_init(r, "2026");
    for (int sc = COLL_IMPACT; sc <= COLL_LIKELIHOOD; sc++)
        for (int l = 1; l <= 5; l++) {
            struct record x;
            record_init(&x, profile_coll_defs[sc]);
            x.v[LEVEL_LEVEL].set = true;
            x.v[LEVEL_LEVEL].i = l;
            coll_add(&p->c[sc], &x);
        }
    value_parse(&round_head_def.fields[HEAD_RULE], "product", &r->head.v[HEAD_RULE]);
    value_parse(&round_head_def.fields[HEAD_THRESHOLD], "10", &r->head.v[HEAD_THRESHOLD]);
    const struct coll_def *d = round_coll_defs[RC_RISKS];
    static const char *const rows[][4] = {{"risk-1", "=cmd", "4", "5"}, {"risk-2", "Flood, \"big\"", "1", "2"}};
    for (size_t i = 0; i < 2; i++) {
        struct record x;
        record_init(&x, d);
        x.id = strdup(rows[i][0]);
        value_parse(&d->fields[RISK_TITLE], rows[i][1], &x.v[RISK_TITLE]);
        value_parse(&d->fields[RISK_IMPACT], rows[i][2], &x.v[RISK_IMPACT]);
        value_parse(&d->fields[RISK_LIKELIHOOD], rows[i][3], &x.v[RISK_LIKELIHOOD]);
        coll_add(&r->c[RC_RISKS], &x);
    }
}

Test(csv, the_register_has_a_header_and_a_row_per_risk)
{
    struct profile p;
    struct round r;
    setup_round(&p, &r);
    struct library lib = {0};
    struct strbuf sb = STRBUF_INIT;
    export_csv(&sb, &r, &p, &lib, LANG_EN, false);
    const char *s = sb_str(&sb);
    cr_assert(strncmp(s, "id,title,service,resource,threat,", 33) == 0, "%s", s);
    const char *row1 = strstr(s, "\r\nrisk-1,");
    cr_assert_not_null(row1, "%s", s);
    cr_assert(strstr(row1, "risk-1,\"'=cmd\",,,,,,,,4,5,20,very high,") == row1 + 2, "%s", row1);
    cr_assert_not_null(strstr(s, "\r\nrisk-2,\"Flood, \"\"big\"\"\",,,,,,,,1,2,2,low,"), "%s", s);
    size_t rows = 0;
    for (const char *q = s; (q = strstr(q, "\r\n")); q += 2)
        rows++;
    cr_assert_eq(rows, 3, "a header and two rows, each ending in CRLF");
    sb_free(&sb);
    export_csv(&sb, &r, &p, &lib, LANG_EN, true);
    cr_assert(memcmp(sb_str(&sb), "\xEF\xBB\xBFid,", 6) == 0, "the byte-order mark, then the header");
    sb_free(&sb);
    round_free(&r);
    profile_free(&p);
}

static char *json_of(const struct profile *p, const struct round *r, size_t n)
{
    struct checklist cl;
    checklist_init(&cl);
    struct export_source src = {.workspace = "ws", .version = "0", .sha256 = "00"};
    struct strbuf sb = STRBUF_INIT;
    export_json(&sb, &src, p, &cl, r, n, NULL);
    checklist_free(&cl);
    return sb_take(&sb);
}

Test(json, strings_are_escaped_and_only_what_is_set_is_written)
{
    struct profile p;
    struct round r;
    setup_round(&p, &r);
    struct value *name = &p.org.v[ORG_NAME];
    name->set = true;
    name->s = strdup("a\"b\\c\x01\x7f\xe2\x80\xa8 \xff 停電");
    char *j = json_of(&p, &r, 1);
    cr_assert_not_null(strstr(j, "\"name\": \"a\\\"b\\\\c\\u0001\\u007f\\u2028 \\ufffd 停電\""), "%s", j);
    cr_assert_null(strstr(j, "\"note\""), "an unset field is not written");
    cr_assert_not_null(strstr(j, "\"id\": \"risk-1\",\n"), "a record's id first");
    cr_assert_not_null(strstr(j, "\"residual_value\": 20,\n"), "%s", j);
    cr_assert_not_null(strstr(j, "\"band\": \"very high\""), "%s", j);
    cr_assert_not_null(strstr(j, "\"over_threshold\": true"), "%s", j);
    char *again = json_of(&p, &r, 1);
    cr_assert_str_eq(j, again, "the same input, the same bytes");
    cr_assert_null(strstr(j, "exported_at"), "no moment of export unless asked for");
    free(again);
    free(j);
    round_free(&r);
    profile_free(&p);
}

Test(json, the_digest_is_that_of_sha256sum_s_listing)
{
    /* printf 'a' | sha256sum, printf 'b' | sha256sum, and the listing of both */
    struct export_file f[2] = {
        {"profile.cfg", "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"},
        {"assessments/2026.cfg", "3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d"},
    };
    char out[65];
    export_digest(f, 2, out);
    cr_assert_str_eq(out, "8ed2422581b602a965067d4c18ec7a1af6019b0afff9f492a65c9debbf932e5e");
}

Test(json, the_schema_describes_every_field)
{
    struct strbuf sb = STRBUF_INIT;
    export_json_schema(&sb);
    const char *s = sb_str(&sb);
    for (int c = 0; c < RC__COUNT; c++)
        for (size_t i = 0; i < round_coll_defs[c]->nfields; i++) {
            char key[80];
            snprintf(key, sizeof key, "\"%s\": {", round_coll_defs[c]->fields[i].key);
            cr_assert_not_null(strstr(s, key), "%s", key);
        }
    cr_assert_not_null(strstr(s, "\"additionalProperties\": false"));
    sb_free(&sb);
}

Test(verify, the_source_reads_back_from_a_report_and_from_the_json)
{
    struct export_file files[2] = {
        {"profile.cfg", "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"},
        {"assessments/2026.cfg", "3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d"},
    };
    struct export_source src = {.workspace = "ws", .version = "0", .files = files, .nfiles = 2};
    export_digest(files, 2, src.sha256);
    struct strbuf md = STRBUF_INIT;
    sb_adds(&md, "# report\n\n<!-- ");
    export_source_mark(&md, &src);
    sb_adds(&md, " -->\n");
    struct profile p;
    struct round r;
    setup_round(&p, &r);
    struct checklist cl;
    checklist_init(&cl);
    struct strbuf js = STRBUF_INIT;
    export_json(&js, &src, &p, &cl, &r, 1, NULL);
    const char *texts[] = {sb_str(&md), sb_str(&js)};
    for (int t = 0; t < 2; t++) {
        char digest[65];
        struct export_file *back;
        size_t n;
        cr_assert(export_source_parse(texts[t], digest, &back, &n), "%d", t);
        cr_assert_str_eq(digest, src.sha256);
        cr_assert_eq(n, 2, "%d: %zu files", t, n);
        for (size_t i = 0; i < 2; i++) {
            cr_assert_str_eq(back[i].path, files[i].path);
            cr_assert_str_eq(back[i].sha256, files[i].sha256);
        }
        export_files_free(back, n);
    }
    char digest[65];
    struct export_file *back;
    size_t n;
    cr_assert_not(export_source_parse("no report at all", digest, &back, &n));
    cr_assert_not(export_source_parse("<!-- kijun-source sha256=123 -->", digest, &back, &n), "a digest of 64 hex digits");
    sb_free(&md);
    sb_free(&js);
    checklist_free(&cl);
    round_free(&r);
    profile_free(&p);
}

Test(markdown, the_report_escapes_workspace_text_and_lists_every_risk)
{
    struct profile p;
    struct round r;
    setup_round(&p, &r);
    struct value *t = &r.c[RC_RISKS].r[0].v[RISK_TITLE];
    free(t->s);
    t->s = strdup("<img src=x onerror=alert(1)> a|b *c* [d](e) & f");
    struct library lib = {0};
    struct export_source src = {.workspace = "<ws>", .version = "0", .sha256 = "00"};
    struct report_input in = {.src = &src, .p = &p, .lib = &lib, .rounds = &r, .n = 1, .ri = 0,
                              .today = "2026-12-01", .lang = LANG_EN};
    struct strbuf sb = STRBUF_INIT;
    report_markdown(&sb, &in);
    const char *s = sb_str(&sb);
    cr_assert_null(strstr(s, "<img"), "%s", s);
    cr_assert_null(strstr(s, "<ws>"), "%s", s);
    cr_assert_not_null(strstr(s, "| &lt;img src=x onerror=alert(1)&gt; a\\|b \\*c\\* \\[d\\](e) &amp; f |"), "%s", s);
    cr_assert_not_null(strstr(s, "\n### Very high (1)\n"), "%s", s);
    cr_assert_not_null(strstr(s, "\n### Low (1)\n"), "%s", s);
    cr_assert_not_null(strstr(s, "- 2 risks: 1 very high, 0 high, 0 medium, 1 low, 0 not rated\n"), "%s", s);
    cr_assert_not_null(strstr(s, "\n## Sign-offs\n"), "%s", s);
    cr_assert_not_null(strstr(s, "| Preparation | - | - | - | not signed off |"), "%s", s);
    sb_free(&sb);
    round_free(&r);
    profile_free(&p);
}

Test(markdown, counts_in_the_singular_when_there_is_one)
{
    struct profile p;
    struct round r;
    setup_round(&p, &r);
    coll_remove(&r.c[RC_RISKS], 1);
    struct library lib = {0};
    struct export_source src = {.workspace = "ws", .version = "0", .sha256 = "00"};
    struct report_input in = {.src = &src, .p = &p, .lib = &lib, .rounds = &r, .n = 1, .ri = 0,
                              .today = "2026-12-01", .lang = LANG_EN};
    struct strbuf sb = STRBUF_INIT;
    report_markdown(&sb, &in);
    const char *s = sb_str(&sb);
    cr_assert_not_null(strstr(s, "- 1 risk: "), "%s", s);
    cr_assert_null(strstr(s, "- 1 risks: "), "%s", s);
    sb_free(&sb);
    /* no risk and nothing in scope: the assessment has one check, failing */
    coll_remove(&r.c[RC_RISKS], 0);
    strlist_free(&r.head.v[HEAD_RESOURCES].list);
    report_markdown(&sb, &in);
    s = sb_str(&sb);
    cr_assert_not_null(strstr(s, "- **Assessment:** 0 of 1 check passes\n"), "%s", s);
    cr_assert_not_null(strstr(s, "no risk is assessed yet"), "%s", s);
    sb_free(&sb);
    round_free(&r);
    profile_free(&p);
}
