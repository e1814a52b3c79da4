/* review_view: step 5, the review: its lines (review_lines.c), Enter on
 * one opens what it is about, c compares with the next earlier round. */
#include "config.h"
#include "ui/assess_private.h"
#include "core/edits.h"
#include "ui/draw.h"
#include "ui/review_lines.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

void review_enter(struct aview *av)
{
    struct review_line *v;
    size_t n = review_lines(av, &v);
    size_t i = av->cur[AV_REVIEW];
    if (i < n) {
        switch (v[i].act) {
        case 1: open_edit(av, RSEC_HEAD, 0); break;
        case 2: open_edit(av, RSEC_REVIEWS, v[i].index); break;
        case 3: open_edit(av, RSEC_RISKS, v[i].index); break;
        default: break;
        }
    }
    review_free(v, n);
}

/* c on the review: compare with the next earlier round. */
void compare_next(struct aview *av)
{
    struct round *r = cur_round(av);
    if (read_only(av, r) || av->s->nrounds < 2)
        return;
    const char *prev = rec_str(&r->head, HEAD_PREVIOUS);
    size_t start = 0;
    for (size_t i = 0; i < av->s->nrounds; i++)
        if (strcmp(av->s->rounds[i]->r.name, prev) == 0)
            start = i + 1;
    for (size_t k = 0; k < av->s->nrounds; k++) {
        size_t i = (start + k) % av->s->nrounds;
        if (i == av->round)
            continue;
        const char *name = av->s->rounds[i]->r.name;
        core_set_text(av->s, session_doc(av->s, r), NULL, &r->head, &round_head_def,
                      HEAD_PREVIOUS, name);
        say(av, false, _("Compared with round %s"), name);
        return;
    }
}

void draw_review(struct aview *av, int y, int height, int cols)
{
    draw_cell(y, 0, cols, _("Review: the next review, the review log and the comparison with an earlier round"),
              role_attr(ROLE_HEADING));
    struct review_line *v;
    size_t n = review_lines(av, &v);
    char **lines = xcalloc(n + 1, sizeof *lines);
    bool *warn = xcalloc(n + 1, sizeof *warn);
    for (size_t i = 0; i < n; i++) {
        lines[i] = v[i].text;
        warn[i] = v[i].warn;
    }
    draw_list(av, y + 1, height - 1, cols, lines, warn, n);
    free(lines);
    free(warn);
    review_free(v, n);
}
