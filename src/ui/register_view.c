/* register_view: step 3, the risk register (sorted and filtered; drawn
 * as a table by regtable.c) and the heat map of the residual risks, whose
 * cell lists its risks in the register. */
#include "config.h"
#include "core/rounds.h"
#include "model/rules.h"
#include "ui/assess_private.h"
#include "ui/draw.h"
#include "model/labels.h"
#include "ui/mouse.h"
#include "ui/regfilter.h"
#include "ui/regtable.h"
#include "ui/rows.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void register_build(struct aview *av)
{
    struct round *r = cur_round(av);
    free(av->rows);
    av->rows = NULL;
    av->nrows = 0;
    if (!r)
        return;
    av->rows = xcalloc(r->c[RC_RISKS].n + 1, sizeof *av->rows);
    av->filter.text = av->filter_text;
    av->nrows = round_register(r, prof(av), av->sort, &av->filter, av->rows);
    if (av->cur[AV_REGISTER] >= av->nrows)
        av->cur[AV_REGISTER] = av->nrows ? av->nrows - 1 : 0;
    regtable_measure(av);
}

bool register_action(struct aview *av, enum action a)
{
    switch (a) {
    case ACT_SELECT:
        if (av->cur[AV_REGISTER] < av->nrows)
            open_edit(av, RSEC_RISKS, av->rows[av->cur[AV_REGISTER]]);
        return true;
    case ACT_ADD: add_in(av, RSEC_RISKS); return true;
    case ACT_ADD_THREAT:
        add_in(av, RSEC_RISKS);
        if (av->editing)
            recedit_edit_field(&av->edit, RISK_THREAT);
        return true;
    case ACT_SORT: av->sort = (enum risk_sort)((av->sort + 1) % SORT__COUNT); break;
    case ACT_FILTER_BAND: av->filter.band = (enum band)((av->filter.band + 1) % BAND__COUNT); break;
    case ACT_FILTER_DECISION: regfilter_next_decision(av); break;
    case ACT_FILTER_OWNER: regfilter_next_owner(av); break;
    case ACT_FILTER_TEXT: regfilter_start(av); return true;
    case ACT_CLEAR_FILTERS:
        memset(&av->filter, 0, sizeof av->filter);
        free(av->filter_text);
        av->filter_text = NULL;
        break;
    case ACT_HEATMAP: av->level = AV_HEATMAP; return true;
    case ACT_BACK:
        av->level = av->back == AV_HEATMAP || av->back == AV_CHECKS ? av->back : AV_STEPS;
        if (av->level == AV_HEATMAP)
            av->filter.impact = av->filter.likelihood = 0;
        return true;
    default: return false;
    }
    av->cur[AV_REGISTER] = 0;
    register_build(av);
    return true;
}

bool heatmap_action(struct aview *av, enum action a)
{
    long long ni = (long long)prof(av)->c[COLL_IMPACT].n, nl = (long long)prof(av)->c[COLL_LIKELIHOOD].n;
    switch (a) {
    case ACT_UP: if (av->hm_i < ni) av->hm_i++; return true;
    case ACT_DOWN: if (av->hm_i > 1) av->hm_i--; return true;
    case ACT_LEFT: if (av->hm_l > 1) av->hm_l--; return true;
    case ACT_RIGHT: if (av->hm_l < nl) av->hm_l++; return true;
    case ACT_SELECT:
        if (!ni || !nl) { /* no scales: no cell to open */
            say(av, true, "%s", _("The profile has no scales: the heat map has no cell to open"));
            return true;
        }
        memset(&av->filter, 0, sizeof av->filter);
        av->filter.impact = av->hm_i;
        av->filter.likelihood = av->hm_l;
        av->level = AV_REGISTER;
        av->back = AV_HEATMAP;
        av->cur[AV_REGISTER] = 0;
        register_build(av);
        return true;
    case ACT_BACK:
        av->level = AV_STEPS;
        return true;
    default:
        return false;
    }
}

void draw_register(struct aview *av, int y, int height, int cols)
{
    struct round *r = cur_round(av);
    struct strbuf sb = STRBUF_INIT;
    char bad[400];
    if (session_round_unreadable(av->s, r, bad, sizeof bad)) {
        sb_printf(&sb, _("Round %s could not be read: %s. Fix the file in an editor; kijun check says the same."),
                  r->name, bad);
        for (int k = y; k < y + height; k++)
            draw_blank(k, 0, cols, A_NORMAL);
        draw_wrapped(y, 0, cols, height, sb_str(&sb), role_attr(ROLE_NOTICE));
        sb_free(&sb);
        return;
    }
    sb_printf(&sb, _("Register: %zu of %zu, "), av->nrows, r->c[RC_RISKS].n);
    regfilter_describe(av, &sb);
    /* the filter and sort read whole: a second line when they need one */
    int hl = draw_wrapped(y, 0, cols, 2, sb_str(&sb), role_attr(ROLE_HEADING));
    hl = hl < 1 ? 1 : hl;
    y += hl - 1, height -= hl - 1;
    sb_free(&sb);
    if (!av->nrows) {
        char hint[240]; /* the keys in force */
        if (r->c[RC_RISKS].n)
            snprintf(hint, sizeof hint, _("No risk passes the filter: %s clears it."),
                     action_key_str(ACT_CLEAR_FILTERS, SCREEN_REGISTER));
        else
            snprintf(hint, sizeof hint, _("No risk yet: %s writes one, %s takes one from the threat catalogue."),
                     action_key_str(ACT_ADD, SCREEN_REGISTER), action_key_str(ACT_ADD_THREAT, SCREEN_REGISTER));
        draw_cell(y + 2, 2, cols - 2, hint, role_attr(ROLE_DIM));
        return;
    }
    regtable_draw(av, y + 1, height - 1, cols);
}

/* A click on a heat-map column: the cell in the row clicked. */
struct heat_column {
    struct aview *av;
    long long likelihood, levels;
};

static void heat_pick(void *ctx, size_t row)
{
    struct heat_column *c = ctx;
    c->av->hm_l = c->likelihood;
    c->av->hm_i = c->levels - (long long)row; /* highest impact on top */
}

/* "2 Minor": a level of a scale by its number and its label. */
static void level_text(char *buf, size_t size, const struct collection *scale, size_t level)
{
    const char *label = level <= scale->n ? rec_str(&scale->r[level - 1], LEVEL_LABEL) : "";
    snprintf(buf, size, "%zu %s", level, label);
}

void draw_heatmap(struct aview *av, int y, int height, int cols)
{
    struct round *r = cur_round(av);
    const struct profile *p = prof(av);
    const struct collection *is = &p->c[COLL_IMPACT], *ls = &p->c[COLL_LIKELIHOOD];
    size_t ni = is->n, nl = ls->n;
    for (int k = y; k < y + height; k++)
        draw_blank(k, 0, cols, A_NORMAL);
    if (!ni || !nl) {
        char key[16], text[200];
        snprintf(text, sizeof text, _("The profile has no scales: press %s and fill in the risk criteria."),
                 action_key_name(ACT_VIEW_PROFILE, SCREEN_HEATMAP, key, sizeof key));
        draw_cell(y + 1, 2, cols - 2, text, role_attr(ROLE_NOTICE));
        return;
    }
    size_t *counts = xcalloc(ni * nl, sizeof *counts);
    round_heatmap(r, p, counts);
    char head[300];
    snprintf(head, sizeof head, _("Heat map: residual risks per cell; arrows choose a cell, %s lists its risks"),
             action_key_str(ACT_SELECT, SCREEN_HEATMAP));
    int hh = draw_wrapped(y, 0, cols, 2, head, role_attr(ROLE_HEADING)); /* whole: wrapped where it needs to be */
    y += hh > 1 ? hh - 1 : 0, height -= hh > 1 ? hh - 1 : 0;
    size_t off = round_residual_off_scales(r, p);
    if (off) { /* risks the map cannot place are said, not dropped */
        char note[300];
        snprintf(note, sizeof note,
                 P_("%zu of %zu risks is off the scales (a level the profile lacks): not on the map; flagged in the register",
                    "%zu of %zu risks are off the scales (a level the profile lacks): not on the map; flagged in the register", off),
                 off, r->c[RC_RISKS].n);
        int used = draw_wrapped(y + 1, 0, cols, 2, note, role_attr(ROLE_NOTICE));
        y += used, height -= used;
    }
    long long t = round_threshold(r), max = round_max(r, p);
    /* the axes by the scales' names, their levels by number and label:
     * the band letters (L M H V) in the cells are the only letters */
    const struct field_def *rf = round_coll_defs[RC_RISKS]->fields;
    int lx = 16, cw = nl ? (cols - lx) / (int)nl : 7;
    cw = cw < 7 ? 7 : cw > 18 ? 18 : cw;
    /* what fits: a window of levels around the chosen cell, and a note of
     * what does not (nothing drawn past the edge, nothing wraps) */
    /* the bands and the chosen cell's line are read whole (long labels
     * of the levels wrap over the lines they need): the grid takes the rest */
    struct strbuf bands = STRBUF_INIT, cline = STRBUF_INIT;
    long long lowest[BAND__COUNT];
    band_bounds(t, max, lowest);
    const char *rule = rec_str(&r->head, HEAD_RULE);
    if ((strcmp(rule, "product") != 0 && strcmp(rule, "sum") != 0) || t < 1 || (max > 0 && t > max))
        /* as the reports say it (model/report.c): no band is drawn from a bad criterion in silence */
        sb_printf(&bands, _("The round's risk criteria are not valid (threshold %lld, highest %lld): these bands cannot be trusted; see Validation. "),
                  t, max);
    sb_printf(&bands, _("Bands by value (%s, threshold %lld, highest %lld): L low < %lld, M medium < %lld, H high >= %lld, V very high >= %lld"),
              enum_label(rec_str(&r->head, HEAD_RULE)), t, max, lowest[BAND_MEDIUM], lowest[BAND_HIGH],
              lowest[BAND_HIGH], lowest[BAND_VERY_HIGH]);
    const char *il = rec_str(&is->r[av->hm_i - 1], LEVEL_LABEL);
    const char *ll = rec_str(&ls->r[av->hm_l - 1], LEVEL_LABEL);
    size_t chosen = counts[(size_t)(av->hm_i - 1) * nl + (size_t)(av->hm_l - 1)];
    sb_printf(&cline, P_("Cell: %s %lld (%s) %s %s %lld (%s) = %lld, %zu risk", "Cell: %s %lld (%s) %s %s %lld (%s) = %lld, %zu risks", chosen),
              _(rf[RISK_IMPACT].label), av->hm_i, il, round_operator(r), _(rf[RISK_LIKELIHOOD].label), av->hm_l, ll,
              round_value(r, av->hm_i, av->hm_l), chosen);
    int nb = wrapped_count(sb_str(&bands), cols - 1), nc = wrapped_count(sb_str(&cline), cols - 1);
    int spare = height - 5 - nb - nc; /* the heads, the note line and one blank */
    size_t fit_l = cols > lx ? (size_t)((cols - lx + 1) / cw) : 0, fit_i = spare > 0 ? (size_t)spare : 1;
    fit_l = fit_l < 1 ? 1 : fit_l > nl ? nl : fit_l;
    fit_i = fit_i > ni ? ni : fit_i;
    size_t l0 = (size_t)av->hm_l > fit_l ? (size_t)av->hm_l - fit_l + 1 : 1; /* first likelihood shown */
    size_t itop = (size_t)av->hm_i + fit_i - 1 > ni ? ni : (size_t)av->hm_i + fit_i - 1;
    itop = itop < fit_i ? fit_i : itop;                                   /* highest impact shown */
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "%s %s", _(rf[RISK_LIKELIHOOD].label), glyph("\xE2\x86\x92", "->"));
    draw_cell(y + 1, lx, cols - lx, sb_str(&sb), role_attr(ROLE_LABEL));
    sb_reset(&sb);
    sb_printf(&sb, "%s %s", _(rf[RISK_IMPACT].label), glyph("\xE2\x86\x93", "v"));
    draw_cell(y + 2, 0, lx - 1, sb_str(&sb), role_attr(ROLE_LABEL));
    sb_reset(&sb);
    for (size_t k = 0; k < fit_l; k++) {
        size_t l = l0 + k - 1;
        char h[160];
        level_text(h, sizeof h, ls, l + 1);
        int x = lx + (int)k * cw; /* the last head may take the rest of the line */
        draw_cell(y + 2, x, k + 1 < fit_l ? cw - 1 : cols - x, h, role_attr(ROLE_LABEL));
    }
    static struct heat_column columns[16];
    for (size_t k = 0; k < fit_l && k < sizeof columns / sizeof *columns; k++) {
        columns[k] = (struct heat_column){av, (long long)(l0 + k), (long long)itop};
        hit_rows_fn(y + 3, lx + (int)k * cw, (int)fit_i, cw - 1, 0, fit_i, heat_pick, &columns[k]);
    }
    for (size_t row = 0; row < fit_i; row++) {
        size_t i = itop - row; /* highest impact on top */
        int yy = y + 3 + (int)row;
        char lab[160];
        level_text(lab, sizeof lab, is, i);
        draw_cell(yy, 0, lx - 1, lab, role_attr(ROLE_LABEL));
        for (size_t k = 0; k < fit_l; k++) {
            size_t l = l0 + k;
            enum band b = band_of(round_value(r, (long long)i, (long long)l), t, max);
            size_t n = counts[(i - 1) * nl + (l - 1)];
            bool sel = (long long)i == av->hm_i && (long long)l == av->hm_l;
            char cell[32];
            snprintf(cell, sizeof cell, sel ? "[%c%3zu]" : " %c%3zu ", band_letter(b), n);
            attr_t attr = b == BAND_VERY_HIGH ? role_attr(ROLE_NOTICE)
                        : b == BAND_HIGH ? (role_attr(ROLE_SELECTED_DIM))
                        : b == BAND_MEDIUM ? A_BOLD : A_NORMAL;
            if (sel)
                attr = role_attr(ROLE_SELECTED);
            int cx = lx + (int)k * cw;
            draw_cell(yy, cx, cx + 6 <= cols ? 6 : cols - cx, cell, attr);
        }
    }
    if (fit_l < nl || fit_i < ni) {
        char note[300];
        snprintf(note, sizeof note, _("Too small for all %zux%zu: impact %zu-%zu, likelihood %zu-%zu shown; arrows move"),
                 ni, nl, itop - fit_i + 1, itop, l0, l0 + fit_l - 1);
        draw_cell(y + 3 + (int)fit_i, 0, cols, note, role_attr(ROLE_NOTICE));
    }
    int ly = y + 4 + (int)fit_i;
    ly += draw_wrapped(ly, 0, cols - 1, nb, sb_str(&bands), A_NORMAL);
    int room = y + height - ly; /* a cell line longer than the body: cut at its end, marked */
    draw_wrapped(ly, 0, cols - 1, nc < room ? nc : room > 0 ? room : 1, sb_str(&cline), A_BOLD);
    sb_free(&bands);
    sb_free(&cline);
    sb_free(&sb);
    free(counts);
}
