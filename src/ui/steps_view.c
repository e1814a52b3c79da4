/* steps_view: a round's steps screen: the five steps with their
 * progress, what needs attention next, the state of the round, the risks
 * counted by band, and its history. */
#include "config.h"
#include "core/rounds.h"
#include "ui/assess_private.h"
#include "ui/draw.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include <stdlib.h>
#include <string.h>

static void band_counts(struct aview *av, struct round *r, size_t counts[BAND__COUNT], size_t *over,
                        size_t *overdue, size_t *accepted)
{
    memset(counts, 0, BAND__COUNT * sizeof *counts);
    *over = *overdue = *accepted = 0;
    for (size_t k = 0; k < r->c[RC_RISKS].n; k++) {
        const struct record *x = &r->c[RC_RISKS].r[k];
        counts[risk_band(r, prof(av), x)]++;
        *over += risk_over_threshold(r, x);
        *overdue += risk_overdue(x, today_for(av, r));
        *accepted += risk_accepted(r, x); /* as the reports count: a stale acceptance accepts nothing */
    }
}

void draw_steps(struct aview *av, int y, int height, int cols)
{
    struct round *r = cur_round(av);
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, _("Round %s, %s: %s"), r->name, rec_str(&r->head, HEAD_DATE),
              rec_str(&r->head, HEAD_PURPOSE));
    draw_cell(y, 0, cols, sb_str(&sb), role_attr(ROLE_HEADING));
    sb_reset(&sb);
    char bad[400];
    if (session_round_unreadable(av->s, r, bad, sizeof bad)) { /* not an empty round: one kijun could not read */
        sb_reset(&sb);
        sb_printf(&sb, _("Round %s could not be read: %s. Fix the file in an editor; kijun check says the same."),
                  r->name, bad);
        for (int k = y; k < y + height; k++)
            draw_blank(k, 0, cols, A_NORMAL);
        draw_wrapped(y, 0, cols, height, sb_str(&sb), role_attr(ROLE_NOTICE));
        sb_free(&sb);
        return;
    }
    const struct check *why;
    enum step next = next_step(&av->checks, &why);
    if (next == STEP__COUNT)
        sb_adds(&sb, _("Every check passes."));
    else
        /* TRANSLATORS: the step, then the first of its checks that fails,
         * worded as the condition to meet */
        sb_printf(&sb, _("Next: %d %s: not yet met: %s"), (int)next + 1, step_title(av, next), why->text);
    /* the next step's check read whole: a second line when it needs one */
    draw_blank(y + 2, 0, cols, A_NORMAL);
    int nx = draw_wrapped(y + 1, 0, cols, 2, sb_str(&sb), role_attr(next == STEP__COUNT ? ROLE_LABEL : ROLE_NOTICE)) - 1;
    nx = nx < 0 ? 0 : nx;
    y += nx, height -= nx;
    round_state_draw(av->s, r, y + 2, cols);
    char *lines[STEP__COUNT];
    bool warn[STEP__COUNT];
    for (int s = 0; s < STEP__COUNT; s++) {
        size_t done, total;
        step_progress(&av->checks, (enum step)s, &done, &total);
        struct strbuf l = STRBUF_INIT;
        const char *title = step_title(av, (enum step)s);
        sb_printf(&l, "%d %s", s + 1, title);
        for (int w = utf8_width(title) + 2; w < 34; w++)
            sb_addc(&l, ' ');
        sb_printf(&l, " %3zu/%-3zu %s", done, total, done == total ? _("done") : _("! to do"));
        lines[s] = sb_take(&l);
        warn[s] = done != total;
    }
    draw_list(av, y + 3, STEP__COUNT, cols, lines, warn, STEP__COUNT);
    for (int s = 0; s < STEP__COUNT; s++)
        free(lines[s]);
    size_t bands[BAND__COUNT], over, overdue, accepted;
    band_counts(av, r, bands, &over, &overdue, &accepted);
    sb_reset(&sb);
    sb_printf(&sb, _("Risks %zu: L %zu, M %zu, H %zu, V %zu | at or above threshold %zu | overdue %zu | accepted %zu"),
              r->c[RC_RISKS].n, bands[BAND_LOW], bands[BAND_MEDIUM], bands[BAND_HIGH], bands[BAND_VERY_HIGH],
              over, overdue, accepted);
    /* read whole: a second line when it needs one (the history starts
     * below), broken after a " | " so that no count leaves its label */
    if (utf8_width(sb_str(&sb)) > cols) {
        char *t = sb.s, *cut = NULL;
        for (char *p = strstr(t, " | "); p; p = strstr(p + 1, " | "))
            if (utf8_nwidth(t, (size_t)(p - t) + 2) <= cols)
                cut = p;
        if (cut)
            cut[2] = '\n';
    }
    int rl = draw_wrapped(y + 4 + STEP__COUNT, 0, cols, 2, sb_str(&sb), A_NORMAL);
    sb_free(&sb);
    for (int k = y + 4 + STEP__COUNT + (rl > 0 ? rl : 1); k < y + height; k++)
        draw_blank(k, 0, cols, A_NORMAL);
    round_history_draw(r, y + 6 + STEP__COUNT, height - 6 - STEP__COUNT, cols);
}
