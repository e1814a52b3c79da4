/* report_html: the report of a round for the board, one self-contained
 * HTML file that prints on A4: a one-page summary with the heat map
 * first, then the residual risk per priority service, the top risks, the
 * accepted risks, the validation and sign-offs, the review log. Charts are
 * inline SVG in shades of grey with letters and numbers, so that they read
 * in black and white. Every text from the workspace goes through h_text:
 * sanitised (utf8_sanitize: controls, bidi overrides and invisible
 * characters made visible), then HTML-escaped. */
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

/* Text for HTML, from the workspace or not. */
static void h_text(struct strbuf *out, const char *s)
{
    char *safe = utf8_sanitize(s ? s : "", strlen(s ? s : ""), false);
    for (const char *p = safe; *p; p++) {
        switch (*p) {
        case '&': sb_adds(out, "&amp;"); break;
        case '<': sb_adds(out, "&lt;"); break;
        case '>': sb_adds(out, "&gt;"); break;
        case '"': sb_adds(out, "&quot;"); break;
        case '\'': sb_adds(out, "&#39;"); break;
        default: sb_addc(out, *p); break;
        }
    }
    free(safe);
}

/* At most cols display columns of s, with an ellipsis when cut, escaped:
 * for the labels of charts, where text does not wrap. */
static void h_short(struct strbuf *out, const char *s, int cols)
{
    char *cut = utf8_ellipsize(s ? s : "", cols, "…", 1);
    h_text(out, cut);
    free(cut);
}

static void h_elem(struct strbuf *out, const char *tag, const char *text)
{
    sb_printf(out, "<%s>", tag);
    h_text(out, text);
    sb_printf(out, "</%s>\n", tag);
}

static void h_cell(struct strbuf *out, const char *text)
{
    sb_adds(out, "<td>");
    h_text(out, text && *text ? text : "–");
    sb_adds(out, "</td>");
}

/* A date: never broken over two lines. */
static void h_cell_date(struct strbuf *out, const char *date)
{
    sb_adds(out, "<td class=\"d\">");
    h_text(out, date && *date ? date : "–");
    sb_adds(out, "</td>");
}

static void h_cell_int(struct strbuf *out, long long v)
{
    if (v)
        sb_printf(out, "<td class=\"n\">%lld</td>", v);
    else
        sb_adds(out, "<td class=\"n\">–</td>");
}

static void h_head(struct strbuf *out, const char *const *heads, size_t n)
{
    sb_adds(out, "<table>\n<thead><tr>");
    for (size_t i = 0; i < n; i++) {
        sb_adds(out, "<th>");
        h_text(out, _(heads[i]));
        sb_adds(out, "</th>");
    }
    sb_adds(out, "</tr></thead>\n<tbody>\n");
}

static const char *ref_name(const struct report_input *in, const char *coll, const char *id)
{
    return id && *id ? round_ref_name(&in->rounds[in->ri], in->p, coll, id, NULL) : "";
}

/* The shades of the bands, white to dark grey; the text on them. */
static const char *const band_fill[BAND__COUNT] = {"#ffffff", "#ffffff", "#e0e0e0", "#a8a8a8", "#585858"};
static const char *const band_ink[BAND__COUNT] = {"#000", "#000", "#000", "#000", "#fff"};

static const char style[] =
    "@page { size: A4; margin: 14mm 13mm; }\n"
    /* a Latin face first, then Japanese ones for what it lacks */
    "html { font-family: \"DejaVu Sans\", \"Noto Sans CJK JP\", \"IPAPGothic\", \"IPAGothic\", "
    "\"Hiragino Sans\", \"Yu Gothic\", \"Meiryo\", sans-serif; font-size: 9.5pt; color: #000; "
    "background: #fff; line-height: 1.35; }\n"
    "body { margin: 0 auto; max-width: 184mm; }\n"
    "h1 { font-size: 17pt; margin: 0 0 2pt; }\n"
    "h2 { font-size: 12.5pt; border-bottom: 1.2pt solid #000; margin: 12pt 0 5pt; padding-bottom: 1pt; }\n"
    "h3 { font-size: 10.5pt; margin: 8pt 0 3pt; }\n"
    ".meta { margin: 0 0 4pt; }\n"
    ".source { font-size: 7.5pt; color: #333; word-break: break-all; margin: 0 0 6pt; }\n"
    "section.page { break-before: page; page-break-before: always; }\n"
    ".keep { break-inside: avoid; page-break-inside: avoid; }\n"
    ".figures { display: flex; flex-wrap: wrap; gap: 5pt; margin: 4pt 0 6pt; }\n"
    ".figure { border: 1pt solid #000; padding: 3pt 7pt; min-width: 30mm; }\n"
    ".figure b { display: block; font-size: 19pt; }\n"
    ".figure.alert { border-width: 2.4pt; }\n"
    "ul { margin: 2pt 0 4pt 14pt; padding: 0; }\n"
    "table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 2pt 0 6pt; }\n"
    "th, td { border: 0.5pt solid #000; padding: 1.5pt 3.5pt; text-align: left; vertical-align: top; }\n"
    "th { background: #eee; }\n"
    "td.n { text-align: right; white-space: nowrap; }\n"
    "td.d { white-space: nowrap; }\n"
    "thead { display: table-header-group; }\n"
    "tr { break-inside: avoid; page-break-inside: avoid; }\n"
    "svg { display: block; margin: 4pt 0; }\n"
    "svg text { font-family: inherit; }\n"
    ".fail { font-weight: bold; }\n"
    ".alert { border: 2.4pt solid #000; padding: 3pt 6pt; font-weight: bold; }\n"
    "td, th, h1, p, li, .meta { overflow-wrap: anywhere; }\n"
    "td.b { white-space: nowrap; }\n";

static void h_source(struct strbuf *out, const struct report_input *in)
{
    const struct export_source *src = in->src;
    struct strbuf made = STRBUF_INIT, files = STRBUF_INIT;
    report_made_by(src, h_text, &made, &files);
    sb_adds(out, "<p class=\"source\">");
    sb_adds(out, sb_str(&made));
    sb_adds(out, "<br>");
    sb_printf(out, _("SHA-256 of its files: %s (%s)"), src->sha256, sb_str(&files));
    sb_adds(out, "</p>\n");
    sb_free(&made);
    sb_free(&files);
}

static void h_figure(struct strbuf *out, bool alert, size_t n, const char *label)
{
    sb_printf(out, "<div class=\"figure%s\"><b>%zu</b>", alert && n ? " alert" : "", n);
    h_text(out, label);
    sb_adds(out, "</div>\n");
}

/* The heat map of the residual risks: impact up, likelihood across, each
 * cell's shade and letter its band, its number the risks in it; the
 * legend's ranges from band_bounds, as band_of draws them. */
static void h_heatmap(struct strbuf *out, const struct report_input *in, const struct round *r)
{
    const struct profile *p = in->p;
    size_t ni = p->c[COLL_IMPACT].n, nl = p->c[COLL_LIKELIHOOD].n;
    if (!ni || !nl)
        return;
    size_t *counts = xcalloc(ni * nl, sizeof *counts);
    round_heatmap(r, p, counts);
    long long t = round_threshold(r), max = round_max(r, p);
    const int cw = 54, ch = 34, left = 150, top = 10;
    int w = left + (int)nl * cw + 10, h = top + (int)ni * ch + 70;
    sb_adds(out, "<div class=\"keep\" id=\"heatmap\">\n");
    h_elem(out, "h3", _("Heat map of the residual risks"));
    sb_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                   "role=\"img\" aria-label=\"", w, h, w, h);
    h_text(out, _("Heat map of the residual risks"));
    sb_adds(out, "\">\n");
    for (size_t row = 0; row < ni; row++) {
        size_t i = ni - row; /* the highest impact on top */
        int y = top + (int)row * ch;
        sb_printf(out, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%zu ", left - 6, y + ch / 2 + 4, i);
        h_short(out, rec_str(&p->c[COLL_IMPACT].r[i - 1], LEVEL_LABEL), 18);
        sb_adds(out, "</text>\n");
        for (size_t l = 1; l <= nl; l++) {
            enum band b = band_of(round_value(r, (long long)i, (long long)l), t, max);
            size_t n = counts[(i - 1) * nl + (l - 1)];
            int x = left + (int)(l - 1) * cw;
            sb_printf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#000\" "
                           "stroke-width=\"0.8\"/>\n", x, y, cw, ch, band_fill[b]);
            sb_printf(out, "<text x=\"%d\" y=\"%d\" font-size=\"8\" fill=\"%s\">%c</text>\n", x + 3, y + 10,
                      band_ink[b], band_letter(b));
            if (n)
                sb_printf(out, "<text x=\"%d\" y=\"%d\" font-size=\"14\" font-weight=\"bold\" text-anchor=\"middle\" "
                               "fill=\"%s\">%zu</text>\n", x + cw / 2, y + ch / 2 + 6, band_ink[b], n);
        }
    }
    int by = top + (int)ni * ch;
    for (size_t l = 1; l <= nl; l++)
        sb_printf(out, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%zu</text>\n",
                  left + (int)(l - 1) * cw + cw / 2, by + 13, l);
    sb_printf(out, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">", left + (int)nl * cw / 2, by + 27);
    h_text(out, _("Likelihood"));
    sb_adds(out, " →</text>\n");
    sb_printf(out, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">", left - 6, by + 13);
    h_text(out, _("Impact"));
    sb_adds(out, " ↑</text>\n");
    /* the legend */
    long long lowest[BAND__COUNT];
    band_bounds(t, max, lowest);
    int lx = 0;
    for (int b = BAND_LOW; b < BAND__COUNT; b++) {
        long long hi = b == BAND_VERY_HIGH ? max : lowest[b + 1] - 1;
        sb_printf(out, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\" stroke=\"#000\" "
                       "stroke-width=\"0.8\"/>\n", lx, by + 40, band_fill[b]);
        sb_printf(out, "<text x=\"%d\" y=\"%d\" font-size=\"9\">%c ", lx + 16, by + 50, band_letter(b));
        h_text(out, _(band_name((enum band)b)));
        if (hi >= lowest[b])
            sb_printf(out, " %lld–%lld", lowest[b], hi);
        sb_adds(out, "</text>\n");
        lx += w / 4;
    }
    sb_adds(out, "</svg>\n");
    sb_adds(out, "<p class=\"meta\">");
    char rule[300];
    snprintf(rule, sizeof rule, _("%s, threshold %lld (the highest value %lld)"),
             enum_label(rec_str(&r->head, HEAD_RULE)), t, max);
    h_text(out, rule);
    sb_adds(out, "</p>\n</div>\n");
    free(counts);
}

/* Per priority service in scope, its risks by band as one bar. */
static void h_services(struct strbuf *out, const struct report_input *in, const struct round *r)
{
    const struct strlist *sv = &r->head.v[HEAD_SERVICES].list;
    const struct collection *rk = &r->c[RC_RISKS];
    if (!sv->n)
        return;
    size_t (*counts)[BAND__COUNT] = xcalloc(sv->n, sizeof *counts);
    size_t most = 1;
    for (size_t s = 0; s < sv->n; s++) {
        size_t total = 0;
        for (size_t i = 0; i < rk->n; i++)
            if (strcmp(rec_str(&rk->r[i], RISK_SERVICE), sv->v[s]) == 0) {
                counts[s][risk_band(r, in->p, &rk->r[i])]++;
                total++;
            }
        most = total > most ? total : most;
    }
    const int left = 260, bw = 390, bh = 22, gap = 10, top = 4;
    int h = top + (int)sv->n * (bh + gap) + 30;
    sb_adds(out, "<div class=\"keep\" id=\"services\">\n");
    h_elem(out, "h2", _("Residual risk per priority service"));
    sb_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                   "role=\"img\" aria-label=\"", left + bw + 40, h, left + bw + 40, h);
    h_text(out, _("Residual risk per priority service"));
    sb_adds(out, "\">\n");
    for (size_t s = 0; s < sv->n; s++) {
        int y = top + (int)s * (bh + gap);
        sb_printf(out, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">", left - 6, y + bh / 2 + 4);
        h_short(out, ref_name(in, "services", sv->v[s]), 44);
        sb_adds(out, "</text>\n");
        int x = left;
        size_t total = 0;
        for (int b = BAND__COUNT - 1; b >= BAND_NONE; b--) {
            size_t n = counts[s][b];
            if (!n)
                continue;
            int wseg = (int)((double)n * bw / (double)most + 0.5);
            sb_printf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#000\" "
                           "stroke-width=\"0.8\"/>\n", x, y, wseg, bh, band_fill[b]);
            sb_printf(out, "<text x=\"%d\" y=\"%d\" font-size=\"9\" text-anchor=\"middle\" fill=\"%s\">%c%zu</text>\n",
                      x + wseg / 2, y + bh / 2 + 3, band_ink[b], band_letter((enum band)b), n);
            x += wseg;
            total += n;
        }
        sb_printf(out, "<text x=\"%d\" y=\"%d\" font-size=\"10\">%zu</text>\n", x + 5, y + bh / 2 + 4, total);
    }
    int ly = top + (int)sv->n * (bh + gap) + 10, lx = left;
    for (int b = BAND__COUNT - 1; b >= BAND_LOW; b--) {
        sb_printf(out, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\" stroke=\"#000\" "
                       "stroke-width=\"0.8\"/>\n", lx, ly, band_fill[b]);
        sb_printf(out, "<text x=\"%d\" y=\"%d\" font-size=\"9\">%c ", lx + 16, ly + 10, band_letter((enum band)b));
        h_text(out, _(band_name((enum band)b)));
        sb_adds(out, "</text>\n");
        lx += bw / 4;
    }
    sb_adds(out, "</svg>\n</div>\n");
    free(counts);
}

static const char *const top_heads[] = {
    N_("Risk"), N_("Service"), N_("Value"), N_("Band"), N_("Decision"), N_("Owner"), N_("Due"),
};

/* The risks at or above the threshold, the highest first (at least the
 * top ten when fewer are). */
static void h_top(struct strbuf *out, const struct report_input *in, const struct round *r)
{
    const struct collection *rk = &r->c[RC_RISKS];
    size_t *idx = xcalloc(rk->n + 1, sizeof *idx);
    struct risk_filter f = {0};
    size_t n = round_register(r, in->p, SORT_RESIDUAL, &f, idx), shown = 0;
    h_elem(out, "h2", _("Top risks"));
    h_head(out, top_heads, sizeof top_heads / sizeof *top_heads);
    for (size_t i = 0; i < n; i++) {
        const struct record *x = &rk->r[idx[i]];
        if (shown >= 10 && !risk_over_threshold(r, x))
            break;
        enum band b = risk_band(r, in->p, x);
        sb_adds(out, "<tr>");
        h_cell(out, rec_str(x, RISK_TITLE));
        h_cell(out, ref_name(in, "services", rec_str(x, RISK_SERVICE)));
        h_cell_int(out, risk_residual(r, x));
        sb_printf(out, "<td class=\"b\">%c ", band_letter(b));
        h_text(out, _(band_name(b)));
        sb_adds(out, "</td>");
        h_cell(out, *rec_str(x, RISK_DECISION) ? enum_label(rec_str(x, RISK_DECISION)) : "");
        h_cell(out, rec_str(x, RISK_OWNER));
        h_cell_date(out, rec_str(x, RISK_DUE));
        sb_adds(out, "</tr>\n");
        shown++;
    }
    sb_adds(out, "</tbody></table>\n");
    free(idx);
}

static void h_accepted(struct strbuf *out, const struct round *r)
{
    static const char *const heads[] = {N_("Risk"), N_("Value accepted"), N_("Value now"),
                                        N_("Accepted by"), N_("Accepted on"), N_("Status")};
    h_elem(out, "h2", _("Accepted risks"));
    const struct collection *rk = &r->c[RC_RISKS];
    size_t n = 0;
    for (size_t i = 0; i < rk->n; i++) {
        const struct record *x = &rk->r[i];
        if (strcmp(rec_str(x, RISK_DECISION), "accept") != 0)
            continue;
        if (!n++)
            h_head(out, heads, sizeof heads / sizeof *heads);
        sb_adds(out, "<tr>");
        h_cell(out, rec_str(x, RISK_TITLE));
        h_cell_int(out, rec_int(x, RISK_ACCEPTED_VALUE, 0));
        h_cell_int(out, risk_residual(r, x));
        h_cell(out, rec_str(x, RISK_ACCEPTED_BY));
        h_cell_date(out, rec_str(x, RISK_ACCEPTED_ON));
        h_cell(out, report_acceptance_state(r, x));
        sb_adds(out, "</tr>\n");
    }
    if (n)
        sb_adds(out, "</tbody></table>\n");
    else
        h_elem(out, "p", _("None."));
}

static void h_validation(struct strbuf *out, const struct report_input *in, const struct round *r)
{
    h_elem(out, "h2", _("Validation"));
    struct checks c = {0};
    round_validate(in->rounds, in->n, in->ri, in->p, in->lib, in->today, &c);
    sb_adds(out, "<ul>\n");
    for (int s = 0; s < STEP__COUNT; s++) {
        size_t done, total;
        step_progress(&c, (enum step)s, &done, &total);
        sb_printf(out, "<li%s><b>", done < total ? " class=\"fail\"" : "");
        h_text(out, _(step_name((enum step)s)));
        sb_adds(out, ":</b> ");
        char line[200];
        snprintf(line, sizeof line, P_("%zu of %zu check passes", "%zu of %zu checks pass", total), done, total);
        h_text(out, line);
        bool any = false;
        for (size_t i = 0; i < c.n; i++)
            if (c.v[i].step == (enum step)s && !c.v[i].ok) {
                sb_adds(out, any ? "\n<li>" : "\n<ul><li>");
                any = true;
                h_text(out, _("not met:"));
                sb_addc(out, ' ');
                h_text(out, c.v[i].text);
                sb_adds(out, "</li>");
            }
        sb_adds(out, any ? "</ul></li>\n" : "</li>\n");
    }
    sb_adds(out, "</ul>\n");
    checks_free(&c);
    static const char *const heads[] = {N_("Step"), N_("Reviewer"), N_("Date"), N_("Comment"), N_("Status")};
    h_elem(out, "h2", _("Sign-offs"));
    h_head(out, heads, sizeof heads / sizeof *heads);
    const struct collection *so = &r->c[RC_SIGNOFFS];
    for (int s = 0; s < STEP__COUNT; s++) {
        const struct record *x = coll_find(so, step_id((enum step)s));
        sb_adds(out, "<tr>");
        h_cell(out, _(step_name((enum step)s)));
        h_cell(out, x ? rec_str(x, SO_REVIEWER) : "");
        h_cell_date(out, x ? rec_str(x, SO_DATE) : "");
        h_cell(out, x ? rec_str(x, SO_COMMENT) : "");
        h_cell(out, report_signoff_state(r, x));
        sb_adds(out, "</tr>\n");
    }
    sb_adds(out, "</tbody></table>\n");
    if (round_closed(r)) {
        char line[200];
        snprintf(line, sizeof line, _("The round is closed (%s): read-only until reopened."), round_closed_on(r));
        h_elem(out, "p", line);
    }
}

static void h_reviews(struct strbuf *out, const struct round *r)
{
    static const char *const heads[] = {N_("Date"), N_("Trigger"), N_("What changed")};
    h_elem(out, "h2", _("Review log"));
    const struct collection *rv = &r->c[RC_REVIEWS];
    if (!rv->n) {
        h_elem(out, "p", _("None."));
    } else {
        h_head(out, heads, sizeof heads / sizeof *heads);
        for (size_t i = 0; i < rv->n; i++) {
            sb_adds(out, "<tr>");
            h_cell_date(out, rec_str(&rv->r[i], REV_DATE));
            h_cell(out, enum_label(rec_str(&rv->r[i], REV_TRIGGER)));
            h_cell(out, rec_str(&rv->r[i], REV_CHANGES));
            sb_adds(out, "</tr>\n");
        }
        sb_adds(out, "</tbody></table>\n");
    }
    if (*rec_str(&r->head, HEAD_NEXT_REVIEW)) {
        char line[120];
        snprintf(line, sizeof line, _("Next review: %s"), rec_str(&r->head, HEAD_NEXT_REVIEW));
        h_elem(out, "p", line);
    }
}

/* The first page: what is unacceptable, what is overdue, what changed,
 * who decided what, and the heat map. */
static void h_summary(struct strbuf *out, const struct report_input *in, const struct round *r,
                      const struct report_summary *sum)
{
    sb_adds(out, "<section id=\"summary\">\n<h1>");
    const char *title = rec_str(&r->head, HEAD_TITLE);
    h_text(out, _("Risk assessment"));
    sb_adds(out, ": ");
    h_text(out, *title ? title : r->name);
    sb_adds(out, "</h1>\n<p class=\"meta\">");
    h_text(out, rec_str(&in->p->org, ORG_NAME));
    sb_adds(out, " — ");
    char line[300];
    snprintf(line, sizeof line, _("round %s of %s"), r->name, rec_str(&r->head, HEAD_DATE));
    h_text(out, line);
    sb_adds(out, "</p>\n");
    h_source(out, in);
    h_elem(out, "h2", _("Summary"));
    if (sum->rule_bad || sum->threshold_bad) {
        /* the figures below rest on them: said first */
        char why[400];
        snprintf(why, sizeof why, _("The round's risk criteria are not valid (rule \"%s\", threshold %lld, the "
                                    "highest value %lld): no band or threshold below can be trusted; see Validation."),
                 rec_str(&r->head, HEAD_RULE), round_threshold(r), round_max(r, in->p));
        sb_adds(out, "<p class=\"alert\">");
        h_text(out, why);
        sb_adds(out, "</p>\n");
    }
    sb_adds(out, "<div class=\"figures\">\n");
    h_figure(out, true, sum->unacceptable, _("at or above the threshold, not accepted"));
    h_figure(out, true, sum->undecided, _("of them without a decision"));
    h_figure(out, true, sum->overdue, _("with overdue measures"));
    h_figure(out, false, sum->by_band[BAND_VERY_HIGH], _("very high"));
    h_figure(out, false, sum->accepted, _("accepted"));
    if (sum->stale)
        h_figure(out, true, sum->stale, _("acceptances stale"));
    h_figure(out, false, sum->risks, _("risks in all"));
    sb_adds(out, "</div>\n<ul>\n");
    if (sum->before) {
        snprintf(line, sizeof line, _("Since round %s: %zu rose, %zu added, %zu fell, %zu removed."),
                 sum->before->name, sum->rose, sum->added, sum->fell, sum->removed);
        h_elem(out, "li", line);
    }
    /* who decided what: the acceptances, the board's own decisions */
    const struct collection *rk = &r->c[RC_RISKS];
    size_t said = 0, all = sum->accepted + sum->stale;
    for (size_t i = 0; i < rk->n; i++) {
        const struct record *x = &rk->r[i];
        if (strcmp(rec_str(x, RISK_DECISION), "accept") != 0)
            continue;
        if (said++ == 5) { /* the heat map stays on this page */
            snprintf(line, sizeof line, P_("and %zu more acceptance (Accepted risks)", "and %zu more acceptances (Accepted risks)", all - 5), all - 5);
            h_elem(out, "li", line);
            break;
        }
        sb_adds(out, "<li>");
        struct strbuf who = STRBUF_INIT, what = STRBUF_INIT;
        h_text(&who, *rec_str(x, RISK_ACCEPTED_BY) ? rec_str(x, RISK_ACCEPTED_BY) : _("(no one named)"));
        h_text(&what, rec_str(x, RISK_TITLE));
        sb_printf(out, _("%s accepted \"%s\" at the value %lld on %s."), sb_str(&who), sb_str(&what),
                  rec_int(x, RISK_ACCEPTED_VALUE, 0), *rec_str(x, RISK_ACCEPTED_ON) ? rec_str(x, RISK_ACCEPTED_ON) : "–");
        if (risk_acceptance_stale(r, x)) {
            char stale[120];
            snprintf(stale, sizeof stale, _(" Stale: its value is %lld now."), risk_residual(r, x));
            sb_adds(out, "<b>");
            h_text(out, stale);
            sb_adds(out, "</b>");
        }
        sb_adds(out, "</li>\n");
        sb_free(&who);
        sb_free(&what);
    }
    sb_adds(out, "</ul>\n");
    h_heatmap(out, in, r);
    sb_adds(out, "</section>\n");
}

void report_html(struct strbuf *out, const struct report_input *in)
{
    const struct round *r = &in->rounds[in->ri];
    struct report_summary sum;
    report_summarise(in, &sum);
    sb_printf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
              in->lang == LANG_JA ? "ja" : "en");
    sb_adds(out, "<meta name=\"generator\" content=\"kijun ");
    h_text(out, in->src->version);
    sb_adds(out, "\">\n<!-- ");
    export_source_mark(out, in->src);
    sb_adds(out, " -->\n<title>");
    h_text(out, _("Risk assessment"));
    sb_adds(out, " ");
    h_text(out, r->name);
    sb_adds(out, "</title>\n<style>\n");
    sb_adds(out, style);
    sb_adds(out, "</style>\n</head>\n<body>\n");
    h_summary(out, in, r, &sum);
    sb_adds(out, "<section class=\"page\" id=\"risks\">\n");
    h_services(out, in, r);
    h_top(out, in, r);
    sb_adds(out, "</section>\n<section class=\"page\" id=\"decisions\">\n");
    h_accepted(out, r);
    h_validation(out, in, r);
    sb_adds(out, "</section>\n<section class=\"page\" id=\"review\">\n");
    h_reviews(out, r);
    sb_adds(out, "</section>\n</body>\n</html>\n");
}
