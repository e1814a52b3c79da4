/* regtable: the risk register as a table: band and value, title,
 * service, decision, owner, due, flags; widths by display width
 * (util/columns), the title shortened first; a preview beside it. */
#include "config.h"
#include "ui/regtable.h"
#include "ui/assess_private.h"
#include "ui/draw.h"
#include "ui/mouse.h"
#include "ui/refnames.h"
#include "ui/rows.h"
#include "model/labels.h"
#include "model/rules.h"
#include "util/columns.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include <stdlib.h>
#include <string.h>

enum { RCOL_BAND, RCOL_TITLE, RCOL_SERVICE, RCOL_DECISION, RCOL_OWNER, RCOL_DUE, RCOL_FLAGS, RCOL__N };

static const char *const heads[RCOL__N] = {
    N_("Value"), N_("Risk"), N_("Service"), N_("Decision"), N_("Owner"), N_("Due"), N_("Flags"),
};

/* The column each order sorts by. */
static int sorted_column(enum risk_sort s)
{
    switch (s) {
    case SORT_SERVICE: return RCOL_SERVICE;
    case SORT_OWNER: return RCOL_OWNER;
    case SORT_DUE: return RCOL_DUE;
    default: return RCOL_BAND;
    }
}

static const char *service_name(const struct aview *av, const struct round *r, const char *id)
{
    const char *n = refname(av->s, r, "services", id);
    return n ? n : id;
}

/* The text of column col for risk x. New string. */
static char *cell(const struct aview *av, struct round *r, const struct record *x, int col)
{
    struct strbuf sb = STRBUF_INIT;
    sb_adds(&sb, "");
    switch (col) {
    case RCOL_BAND:
        sb_printf(&sb, "%c %2lld", band_letter(risk_band(r, prof(av), x)), risk_residual(r, x));
        break;
    case RCOL_TITLE:
        if (!rec_has(x, round_coll_defs[RC_RISKS], RISK_TITLE) && record_kept(x, "title"))
            sb_printf(&sb, _("! not read: %s"), record_kept(x, "title")); /* in the file: never an empty cell */
        else
            sb_adds(&sb, rec_str(x, RISK_TITLE));
        break;
    case RCOL_SERVICE: sb_adds(&sb, service_name(av, r, rec_str(x, RISK_SERVICE))); break;
    case RCOL_DECISION:
        sb_adds(&sb, *rec_str(x, RISK_DECISION) ? enum_label(rec_str(x, RISK_DECISION)) : "-");
        break;
    case RCOL_OWNER: sb_adds(&sb, *rec_str(x, RISK_OWNER) ? rec_str(x, RISK_OWNER) : "-"); break;
    case RCOL_DUE: sb_adds(&sb, *rec_str(x, RISK_DUE) ? rec_str(x, RISK_DUE) : "-"); break;
    default:
        if (risk_overdue(x, today_for(av, r)))
            sb_adds(&sb, _("overdue"));
        if (!risk_residual(r, x))
            sb_printf(&sb, "%s%s", sb.len ? _(", ") : "", _("not scored"));
        if (risk_acceptance_stale(r, x))
            sb_printf(&sb, "%s%s", sb.len ? _(", ") : "", _("acceptance stale"));
        if (risk_off_scales(prof(av), x))
            sb_printf(&sb, "%s%s", sb.len ? _(", ") : "", _("off the scales"));
        break;
    }
    return sb_take(&sb);
}

static int head_width(const struct aview *av, int col)
{
    (void)av; /* room for the sort mark on every column: no column moves on o */
    return utf8_width(_(heads[col])) + (col == sorted_column(SORT_RESIDUAL) || col == sorted_column(SORT_SERVICE)
                                           || col == sorted_column(SORT_OWNER) || col == sorted_column(SORT_DUE) ? 2 : 0);
}

void regtable_measure(struct aview *av)
{
    struct round *r = cur_round(av);
    for (int c = 0; c < RCOL__N; c++)
        av->reg_want[c] = head_width(av, c);
    for (size_t i = 0; r && i < r->c[RC_RISKS].n; i++) {
        for (int c = 0; c < RCOL__N; c++) {
            char *t = cell(av, r, &r->c[RC_RISKS].r[i], c);
            int w = utf8_width(t);
            if (w > av->reg_want[c])
                av->reg_want[c] = w;
            free(t);
        }
    }
}

/* The widths of the columns for a table of `cols` columns (the cursor
 * mark not counted) on a screen `screen` wide: service and decision on a
 * screen of 132 or more (a table of at least 96), below it only where
 * they leave the title 30 columns and the owner its width up to 16. */
static void widths(const struct aview *av, int cols, int screen, int *w)
{
    struct column_spec c[RCOL__N];
    for (int k = 0; k < RCOL__N; k++) {
        int want = av->reg_want[k] > head_width(av, k) ? av->reg_want[k] : head_width(av, k);
        c[k] = (struct column_spec){want, want, false, true};
    }
    c[RCOL_TITLE].min = 20;
    c[RCOL_TITLE].grow = true;
    c[RCOL_SERVICE].min = 10;
    c[RCOL_SERVICE].keep = c[RCOL_DECISION].keep = false;
    /* a long owner is cut before it crowds the title out */
    if (c[RCOL_OWNER].want > 24)
        c[RCOL_OWNER].want = 24;
    c[RCOL_OWNER].min = head_width(av, RCOL_OWNER) > 8 ? head_width(av, RCOL_OWNER) : 8;
    c[RCOL_FLAGS].keep = false;
    int owner = c[RCOL_OWNER].want < 16 ? c[RCOL_OWNER].want : 16;
    if (cols >= 96) {
        columns_fit(c, RCOL__N, cols, 1, w);
        if (screen >= 132 || (w[RCOL_TITLE] >= 30 && w[RCOL_OWNER] >= owner))
            return;
    }
    c[RCOL_SERVICE].want = c[RCOL_DECISION].want = 0;
    columns_fit(c, RCOL__N, cols, 1, w);
}

/* One row of cells from x = 1; the gaps in the row's attribute. */
static void draw_cells(int y, const int *w, char *const *text, attr_t attr, const attr_t *own)
{
    int x = 1;
    bool first = true;
    for (int c = 0; c < RCOL__N; c++) {
        if (w[c] <= 0)
            continue;
        if (!first)
            draw_blank(y, x++, 1, attr);
        first = false;
        draw_cell(y, x, w[c], text[c], own ? own[c] : attr);
        x += w[c];
    }
}

static void draw_preview(struct aview *av, struct round *r, int y, int height, int x, int width)
{
    for (int k = 0; k < height; k++)
        draw_blank(y + k, x, width, A_NORMAL);
    draw_vline(y, x, height);
    x += 2;
    width -= 2;
    if (av->cur[AV_REGISTER] >= av->nrows || width < 10)
        return;
    /* keys pending: the risk shown before stays (no bytes), then it catches up */
    av->reg_follow = av->reg_follow && draw_following();
    size_t ri = av->rows[av->cur[AV_REGISTER]];
    if (av->reg_follow && av->reg_shown < r->c[RC_RISKS].n)
        ri = av->reg_shown;
    av->reg_shown = ri;
    const struct record *x0 = &r->c[RC_RISKS].r[ri];
    int yy = y, end = y + height;
    yy += draw_wrapped(yy, x, width, 3 < end - yy ? 3 : end - yy, rec_str(x0, RISK_TITLE), role_attr(ROLE_HEADING));
    char imp[96], lik[96];
    scale_level_text(prof(av), COLL_IMPACT, rec_int(x0, RISK_IMPACT, 0), imp, sizeof imp);
    scale_level_text(prof(av), COLL_LIKELIHOOD, rec_int(x0, RISK_LIKELIHOOD, 0), lik, sizeof lik);
    struct strbuf v = STRBUF_INIT;
    long long res = risk_residual(r, x0);
    if (res)
        sb_printf(&v, "%s %s %s = %lld (%s)", imp, round_operator(r), lik, res, _(band_name(risk_band(r, prof(av), x0))));
    else
        sb_adds(&v, _("not scored yet (impact and likelihood)"));
    const struct { const char *label; const char *text; int lines; } f[] = {
        {N_("Residual"), sb_str(&v), 2},
        {N_("Service"), service_name(av, r, rec_str(x0, RISK_SERVICE)), 2},
        {N_("Resource"), refname(av->s, r, "resources", rec_str(x0, RISK_RESOURCE)), 2},
        {N_("Decision"), *rec_str(x0, RISK_DECISION) ? enum_label(rec_str(x0, RISK_DECISION)) : "-", 1},
        {N_("Owner"), rec_str(x0, RISK_OWNER), 2},
        {N_("Due"), rec_str(x0, RISK_DUE), 1},
        {N_("Measures"), rec_str(x0, RISK_MEASURES), 4},
        {N_("Scenario"), rec_str(x0, RISK_SCENARIO), 4},
    };
    for (size_t i = 0; i < sizeof f / sizeof *f && yy + 1 < end; i++) {
        const char *t = f[i].text && *f[i].text ? f[i].text : "-";
        draw_cell(yy++, x, width, _(f[i].label), role_attr(ROLE_LABEL));
        int n = f[i].lines < end - yy ? f[i].lines : end - yy;
        yy += draw_wrapped(yy, x + 1, width - 1, n, t, A_NORMAL);
    }
    sb_free(&v);
}

void regtable_draw(struct aview *av, int y, int height, int cols)
{
    struct round *r = cur_round(av);
    int pw = cols >= 120 ? (cols / 4 > 30 ? cols / 4 : 30) : 0;
    int tw = cols - pw;
    int w[RCOL__N];
    widths(av, tw - (pw ? 2 : 1), cols, w); /* a space before the preview's rule */
    /* the header: each column's name, the sort mark on the sorted one */
    char *text[RCOL__N];
    const char *mark = av->sort == SORT_RESIDUAL ? glyph("\xE2\x96\xBC", "v") : glyph("\xE2\x96\xB2", "^");
    for (int c = 0; c < RCOL__N; c++) {
        struct strbuf sb = STRBUF_INIT;
        sb_adds(&sb, _(heads[c]));
        if (sorted_column(av->sort) == c)
            sb_printf(&sb, " %s", mark);
        text[c] = sb_take(&sb);
    }
    draw_blank(y, 0, 1, role_attr(ROLE_LABEL));
    draw_cells(y, w, text, role_attr(ROLE_LABEL), NULL);
    for (int c = 0; c < RCOL__N; c++)
        free(text[c]);
    int used = 1;
    for (int c = 0; c < RCOL__N; c++)
        used += w[c] > 0 ? w[c] + (used > 1 ? 1 : 0) : 0;
    if (used < tw)
        draw_blank(y, used, tw - used, A_NORMAL);
    int rows = height - 1;
    size_t *cur = &av->cur[AV_REGISTER], *top = &av->top[AV_REGISTER];
    rows_scroll(*cur, top, rows);
    hit_rows(y + 1, 0, rows, tw, *top, av->nrows, cur);
    const char *today = today_for(av, r);
    for (int k = 0; k < rows; k++) {
        size_t i = *top + (size_t)k;
        if (i >= av->nrows) {
            draw_blank(y + 1 + k, 0, tw, A_NORMAL);
            continue;
        }
        const struct record *x = &r->c[RC_RISKS].r[av->rows[i]];
        bool sel = i == *cur, overdue = risk_overdue(x, today);
        attr_t attr = sel ? role_attr(ROLE_SELECTED) : A_NORMAL;
        attr_t own[RCOL__N];
        for (int c = 0; c < RCOL__N; c++) {
            text[c] = w[c] > 0 ? cell(av, r, x, c) : NULL;
            own[c] = attr;
        }
        if (!sel && overdue)
            own[RCOL_DUE] = own[RCOL_FLAGS] = role_attr(ROLE_BASELINE);
        draw_cell(y + 1 + k, 0, 1, sel ? ">" : " ", attr);
        draw_cells(y + 1 + k, w, text, attr, own);
        if (used < tw)
            draw_blank(y + 1 + k, used, tw - used, attr);
        for (int c = 0; c < RCOL__N; c++)
            free(text[c]);
    }
    if (pw)
        draw_preview(av, r, y, height, tw, pw);
}
