/* report_md: a readable report of one round in Markdown, in the UI
 * language. Every figure comes from the model's rules (the bands, the
 * register's order, the validation, the staleness of approvals, the
 * comparison), so that the report says what the workbench shows. Text
 * from the workspace is escaped for Markdown and for the HTML a renderer
 * makes of it. */
#include "config.h"
#include "model/export.h"
#include "model/labels.h"
#include "model/rules.h"
#include "model/snapshot.h"
#include "util/i18n.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Text from the workspace: Markdown's punctuation escaped, <, > and &
 * as entities (a renderer passes HTML through), line breaks and tabs as
 * spaces, other control characters dropped. */
static void md_text(struct strbuf *out, const char *text)
{
    /* bidi overrides and other invisible controls made visible first */
    char *safe = utf8_sanitize(text ? text : "", strlen(text ? text : ""), false);
    for (const char *s = safe; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '<')
            sb_adds(out, "&lt;");
        else if (c == '>')
            sb_adds(out, "&gt;");
        else if (c == '&')
            sb_adds(out, "&amp;");
        else if (c == '\n' || c == '\r' || c == '\t')
            sb_addc(out, ' ');
        else if (c < 0x20 || c == 0x7f)
            continue;
        else {
            if (strchr("\\`*_[]|~", c)) /* inline, never at a line's start */
                sb_addc(out, '\\');
            sb_addc(out, (char)c);
        }
    }
    free(safe);
}

/* "- **Label:** text" */
static void md_item(struct strbuf *out, const char *label, const char *text)
{
    sb_printf(out, "- **%s:** ", label);
    md_text(out, text);
    sb_adds(out, "\n");
}

static void md_heading(struct strbuf *out, int level, const char *text)
{
    if (out->len < 2 || strcmp(sb_str(out) + out->len - 2, "\n\n") != 0)
        sb_adds(out, "\n");
    for (int i = 0; i < level; i++)
        sb_addc(out, '#');
    sb_addc(out, ' ');
    sb_adds(out, text);
    sb_adds(out, "\n\n");
}

/* A table's head: the labels, then the rule under them. */
static void md_table(struct strbuf *out, const char *const *heads, size_t n)
{
    sb_adds(out, "|");
    for (size_t i = 0; i < n; i++)
        sb_printf(out, " %s |", _(heads[i]));
    sb_adds(out, "\n|");
    for (size_t i = 0; i < n; i++)
        sb_adds(out, " --- |");
    sb_adds(out, "\n");
}

static void md_cell(struct strbuf *out, const char *text)
{
    sb_addc(out, ' ');
    md_text(out, text && *text ? text : "-");
    sb_adds(out, " |");
}

static void md_cell_int(struct strbuf *out, long long v)
{
    if (v)
        sb_printf(out, " %lld |", v);
    else
        sb_adds(out, " - |");
}

static const char *lib_title(const struct report_input *in, const char *table, const char *id)
{
    const struct ref_item *it = id && *id ? library_ref_item(in->lib, table, id) : NULL;
    return it ? text_get(&it->title, in->lang) : id ? id : "";
}

static const char *ref_name(const struct report_input *in, const char *coll, const char *id)
{
    return id && *id ? round_ref_name(&in->rounds[in->ri], in->p, coll, id, NULL) : "";
}

static void md_source(struct strbuf *out, const struct report_input *in)
{
    const struct export_source *src = in->src;
    struct strbuf made = STRBUF_INIT, files = STRBUF_INIT;
    report_made_by(src, md_text, &made, &files);
    sb_adds(out, "\n> ");
    sb_adds(out, sb_str(&made));
    sb_adds(out, "  \n> ");
    sb_printf(out, _("SHA-256 of its files: `%s` (%s)"), src->sha256, sb_str(&files));
    sb_adds(out, "\n\n<!-- ");
    export_source_mark(out, src);
    sb_adds(out, " -->\n");
    sb_free(&made);
    sb_free(&files);
}

static void md_frame(struct strbuf *out, const struct report_input *in, const struct round *r)
{
    const struct profile *p = in->p;
    md_heading(out, 2, _("Organisation and scope"));
    md_item(out, _("Organisation"), rec_str(&p->org, ORG_NAME));
    md_item(out, _("Sector"), lib_title(in, "sectors", rec_str(&p->org, ORG_SECTOR)));
    md_item(out, _("Round"), r->name);
    md_item(out, _("Date"), rec_str(&r->head, HEAD_DATE));
    md_item(out, _("Purpose"), rec_str(&r->head, HEAD_PURPOSE));
    if (*rec_str(&r->head, HEAD_SCOPE))
        md_item(out, _("Scope"), rec_str(&r->head, HEAD_SCOPE));
    const struct strlist *sv = &r->head.v[HEAD_SERVICES].list, *rs = &r->head.v[HEAD_RESOURCES].list;
    sb_printf(out, "- **%s:** ", _("Services in scope"));
    for (size_t i = 0; i < sv->n; i++) {
        if (i)
            sb_adds(out, _(", "));
        md_text(out, ref_name(in, "services", sv->v[i]));
    }
    sb_adds(out, sv->n ? "\n" : "-\n");
    sb_printf(out, "- **%s:** %zu\n", _("Resources in scope"), rs->n);
    char rule[300];
    snprintf(rule, sizeof rule, _("%s, threshold %lld (the highest value %lld)"),
             enum_label(rec_str(&r->head, HEAD_RULE)), round_threshold(r), round_max(r, p));
    md_item(out, _("Risk value"), rule);
}

static const char *const register_heads[] = {
    N_("Risk"), N_("Service"), N_("Resource"), N_("Value"), N_("Decision"), N_("Owner"), N_("Due"),
};

/* The register by band, the highest first, each band by value. */
static void md_register(struct strbuf *out, const struct report_input *in, const struct round *r,
                        const size_t *by_band)
{
    md_heading(out, 2, _("Risk register by band"));
    const struct collection *rk = &r->c[RC_RISKS];
    size_t *idx = xcalloc(rk->n + 1, sizeof *idx);
    for (int b = BAND_VERY_HIGH; b >= BAND_NONE; b--) {
        if (!by_band[b])
            continue;
        struct risk_filter f = {.band = (enum band)b};
        size_t n = round_register(r, in->p, SORT_RESIDUAL, &f, idx);
        if (b == BAND_NONE) { /* "any" to the filter: keep the unrated */
            size_t k = 0;
            for (size_t i = 0; i < n; i++)
                if (risk_band(r, in->p, &rk->r[idx[i]]) == BAND_NONE)
                    idx[k++] = idx[i];
            n = k;
        }
        char head[120];
        snprintf(head, sizeof head, "%s (%zu)", _(band_name((enum band)b)), n);
        if (head[0] >= 'a' && head[0] <= 'z') /* "Very high (5)" */
            head[0] = (char)(head[0] - 'a' + 'A');
        md_heading(out, 3, head);
        md_table(out, register_heads, sizeof register_heads / sizeof *register_heads);
        for (size_t i = 0; i < n; i++) {
            const struct record *x = &rk->r[idx[i]];
            sb_adds(out, "|");
            md_cell(out, rec_str(x, RISK_TITLE));
            md_cell(out, ref_name(in, "services", rec_str(x, RISK_SERVICE)));
            md_cell(out, ref_name(in, "resources", rec_str(x, RISK_RESOURCE)));
            md_cell_int(out, risk_residual(r, x));
            md_cell(out, *rec_str(x, RISK_DECISION) ? enum_label(rec_str(x, RISK_DECISION)) : "");
            md_cell(out, rec_str(x, RISK_OWNER));
            md_cell(out, rec_str(x, RISK_DUE));
            sb_adds(out, "\n");
        }
    }
    free(idx);
}

/* Per owner, how many risks under each decision. */
static void md_owners(struct strbuf *out, const struct round *r)
{
    static const char *const decisions[] = {"mitigate", "accept", "avoid", "transfer", ""};
    static const char *const heads[] = {N_("Owner"), N_("Risks"), N_("mitigate"), N_("accept"),
                                        N_("avoid"), N_("transfer"), N_("no decision")};
    md_heading(out, 2, _("Decisions and owners"));
    md_table(out, heads, sizeof heads / sizeof *heads);
    const struct collection *rk = &r->c[RC_RISKS];
    struct strlist owners = {0};
    for (size_t i = 0; i < rk->n; i++)
        if (!strlist_has(&owners, rec_str(&rk->r[i], RISK_OWNER)))
            strlist_add(&owners, rec_str(&rk->r[i], RISK_OWNER));
    for (size_t o = 0; o < owners.n; o++) {
        size_t count[5] = {0}, total = 0;
        for (size_t i = 0; i < rk->n; i++) {
            const struct record *x = &rk->r[i];
            if (strcmp(rec_str(x, RISK_OWNER), owners.v[o]) != 0)
                continue;
            total++;
            for (size_t d = 0; d < 5; d++)
                if (strcmp(rec_str(x, RISK_DECISION), decisions[d]) == 0)
                    count[d]++;
        }
        sb_adds(out, "|");
        md_cell(out, *owners.v[o] ? owners.v[o] : _("(no owner)"));
        md_cell_int(out, (long long)total);
        for (size_t d = 0; d < 5; d++)
            md_cell_int(out, (long long)count[d]);
        sb_adds(out, "\n");
    }
    strlist_free(&owners);
}

static void md_overdue(struct strbuf *out, const struct report_input *in, const struct round *r)
{
    md_heading(out, 2, _("Overdue measures"));
    if (!in->today) {
        sb_adds(out, _("Not checked: the round is followed up by a later round, which carries its measures."));
        sb_adds(out, "\n");
        return;
    }
    const struct collection *rk = &r->c[RC_RISKS];
    size_t n = 0;
    for (size_t i = 0; i < rk->n; i++) {
        const struct record *x = &rk->r[i];
        if (!risk_overdue(x, in->today))
            continue;
        sb_adds(out, "- ");
        md_text(out, rec_str(x, RISK_TITLE));
        sb_printf(out, _(" (due %s, owner "), rec_str(x, RISK_DUE));
        md_text(out, *rec_str(x, RISK_OWNER) ? rec_str(x, RISK_OWNER) : "-");
        sb_adds(out, ")\n");
        n++;
    }
    if (!n) {
        sb_printf(out, _("None on %s."), in->today);
        sb_adds(out, "\n");
    }
}

static void md_accepted(struct strbuf *out, const struct round *r)
{
    static const char *const heads[] = {N_("Risk"), N_("Value accepted"), N_("Value now"),
                                        N_("Accepted by"), N_("Accepted on"), N_("Accepted in"), N_("Status")};
    md_heading(out, 2, _("Accepted risks"));
    const struct collection *rk = &r->c[RC_RISKS];
    size_t n = 0;
    for (size_t i = 0; i < rk->n; i++) {
        const struct record *x = &rk->r[i];
        if (strcmp(rec_str(x, RISK_DECISION), "accept") != 0)
            continue;
        if (!n++)
            md_table(out, heads, sizeof heads / sizeof *heads);
        sb_adds(out, "|");
        md_cell(out, rec_str(x, RISK_TITLE));
        md_cell_int(out, rec_int(x, RISK_ACCEPTED_VALUE, 0));
        md_cell_int(out, risk_residual(r, x));
        md_cell(out, rec_str(x, RISK_ACCEPTED_BY));
        md_cell(out, rec_str(x, RISK_ACCEPTED_ON));
        md_cell(out, rec_str(x, RISK_ACCEPTED_ROUND));
        md_cell(out, report_acceptance_state(r, x));
        sb_adds(out, "\n");
    }
    if (!n)
        sb_printf(out, "%s\n", _("None."));
}

static void md_validation(struct strbuf *out, const struct report_input *in, const struct round *r)
{
    md_heading(out, 2, _("Validation"));
    struct checks c = {0};
    round_validate(in->rounds, in->n, in->ri, in->p, in->lib, in->today, &c);
    for (int s = 0; s < STEP__COUNT; s++) {
        size_t done, total;
        step_progress(&c, (enum step)s, &done, &total);
        sb_printf(out, P_("- **%s:** %zu of %zu check passes\n", "- **%s:** %zu of %zu checks pass\n", total), _(step_name((enum step)s)), done, total);
        for (size_t i = 0; i < c.n; i++)
            if (c.v[i].step == (enum step)s && !c.v[i].ok) {
                sb_printf(out, "  - %s ", _("not met:"));
                md_text(out, c.v[i].text);
                sb_adds(out, "\n");
            }
    }
    checks_free(&c);
    (void)r;
}

static void md_signoffs(struct strbuf *out, const struct round *r)
{
    static const char *const heads[] = {N_("Step"), N_("Reviewer"), N_("Date"), N_("Comment"), N_("Status")};
    md_heading(out, 2, _("Sign-offs"));
    md_table(out, heads, sizeof heads / sizeof *heads);
    const struct collection *so = &r->c[RC_SIGNOFFS];
    for (int s = 0; s < STEP__COUNT; s++) {
        const struct record *x = coll_find(so, step_id((enum step)s));
        sb_adds(out, "|");
        md_cell(out, _(step_name((enum step)s)));
        md_cell(out, x ? rec_str(x, SO_REVIEWER) : "");
        md_cell(out, x ? rec_str(x, SO_DATE) : "");
        md_cell(out, x ? rec_str(x, SO_COMMENT) : "");
        md_cell(out, report_signoff_state(r, x));
        sb_adds(out, "\n");
    }
    if (round_closed(r)) {
        sb_adds(out, "\n");
        sb_printf(out, _("The round is closed (%s): read-only until reopened."), round_closed_on(r));
        sb_adds(out, "\n");
    }
}

static void md_reviews(struct strbuf *out, const struct round *r)
{
    static const char *const heads[] = {N_("Date"), N_("Trigger"), N_("What changed")};
    md_heading(out, 2, _("Review log"));
    const struct collection *rv = &r->c[RC_REVIEWS];
    if (!rv->n) {
        sb_printf(out, "%s\n", _("None."));
    } else {
        md_table(out, heads, sizeof heads / sizeof *heads);
        for (size_t i = 0; i < rv->n; i++) {
            sb_adds(out, "|");
            md_cell(out, rec_str(&rv->r[i], REV_DATE));
            md_cell(out, enum_label(rec_str(&rv->r[i], REV_TRIGGER)));
            md_cell(out, rec_str(&rv->r[i], REV_CHANGES));
            sb_adds(out, "\n");
        }
    }
    if (*rec_str(&r->head, HEAD_NEXT_REVIEW)) {
        sb_adds(out, "\n");
        sb_printf(out, _("Next review: %s"), rec_str(&r->head, HEAD_NEXT_REVIEW));
        sb_adds(out, "\n");
    }
}

static void md_compare(struct strbuf *out, const struct report_input *in, const struct round *r)
{
    const char *prev = rec_str(&r->head, HEAD_PREVIOUS);
    const struct round *before = report_previous(in);
    if (!before)
        return;
    char head[200];
    snprintf(head, sizeof head, _("Compared with round %s"), prev);
    md_heading(out, 2, head);
    struct diff *d;
    size_t n = round_compare(r, before, &d);
    static const char *const kinds[] = {N_("added"), N_("removed"), N_("rose"), N_("fell")};
    static const enum change_kind order[] = {DIFF_ROSE, DIFF_ADDED, DIFF_FELL, DIFF_REMOVED};
    for (size_t k = 0; k < 4; k++) {
        for (size_t i = 0; i < n; i++) {
            if (d[i].kind != order[k])
                continue;
            const struct record *x = d[i].now ? d[i].now : d[i].before;
            sb_printf(out, "- %s: ", _(kinds[d[i].kind]));
            md_text(out, rec_str(x, RISK_TITLE));
            if (d[i].kind == DIFF_ROSE || d[i].kind == DIFF_FELL)
                sb_printf(out, " (%lld → %lld)", d[i].value_before, d[i].value_now);
            else
                sb_printf(out, " (%lld)", d[i].now ? d[i].value_now : d[i].value_before);
            sb_adds(out, "\n");
        }
    }
    if (!n)
        sb_printf(out, "%s\n", _("No risk was added or removed, and no value changed."));
    free(d);
}

void report_markdown(struct strbuf *out, const struct report_input *in)
{
    const struct round *r = &in->rounds[in->ri];
    const char *title = rec_str(&r->head, HEAD_TITLE);
    sb_printf(out, "# %s: ", _("Risk assessment"));
    md_text(out, *title ? title : r->name);
    sb_adds(out, "\n");
    md_source(out, in);
    md_frame(out, in, r);
    struct report_summary sum;
    report_summarise(in, &sum);
    md_heading(out, 2, _("Summary"));
    if (sum.rule_bad || sum.threshold_bad) {
        char why[400];
        snprintf(why, sizeof why, _("The round's risk criteria are not valid (rule \"%s\", threshold %lld, the "
                                    "highest value %lld): no band or threshold below can be trusted; see Validation."),
                 rec_str(&r->head, HEAD_RULE), round_threshold(r), round_max(r, in->p));
        sb_adds(out, "**");
        md_text(out, why);
        sb_adds(out, "**\n\n");
    }
    sb_printf(out, P_("- %zu risk: %zu very high, %zu high, %zu medium, %zu low, %zu not rated\n", "- %zu risks: %zu very high, %zu high, %zu medium, %zu low, %zu not rated\n", sum.risks), sum.risks,
              sum.by_band[BAND_VERY_HIGH], sum.by_band[BAND_HIGH], sum.by_band[BAND_MEDIUM],
              sum.by_band[BAND_LOW], sum.by_band[BAND_NONE]);
    sb_printf(out, _("- %zu at or above the threshold, %zu of them without a decision\n"), sum.over, sum.undecided);
    sb_printf(out, _("- %zu accepted, %zu with overdue measures\n"), sum.accepted, sum.overdue);
    if (sum.stale)
        sb_printf(out, P_("- %zu acceptance stale: its risk's values changed since\n",
                          "- %zu acceptances stale: their risks' values changed since\n", sum.stale), sum.stale);
    md_register(out, in, r, sum.by_band);
    md_owners(out, r);
    md_overdue(out, in, r);
    md_accepted(out, r);
    md_validation(out, in, r);
    md_signoffs(out, r);
    md_reviews(out, r);
    md_compare(out, in, r);
}
