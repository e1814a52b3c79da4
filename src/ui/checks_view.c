/* checks_view: step 4, the validation: the round's checks, the failed
 * first, and Enter on one goes to the place that fixes it. */
#include "config.h"
#include "ui/assess_private.h"
#include "ui/actions.h"
#include "ui/draw.h"
#include <stdio.h>
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <stdlib.h>

/* The i-th check on screen: the failed ones first, each group in step order. */
static size_t check_order(const struct aview *av, size_t i)
{
    size_t k = 0;
    for (int pass = 0; pass < 2; pass++)
        for (size_t j = 0; j < av->checks.n; j++)
            if (av->checks.v[j].ok == (pass == 1) && k++ == i)
                return j;
    return i;
}

/* Enter on a check: the place that fixes it. */
void jump_to_check(struct aview *av)
{
    size_t i = av->cur[AV_CHECKS];
    if (i >= av->checks.n)
        return;
    const struct check *c = &av->checks.v[check_order(av, i)];
    if (c->coll == RC_RISKS)
        open_edit(av, RSEC_RISKS, c->index);
    else if (c->coll == RC_SIGNOFFS) /* a finding names its sign-off; a missing one, the list */
        open_edit(av, RSEC_SIGNOFFS, c->finding != CHECK_NO_FINDING ? c->index : (size_t)-1);
    else if (c->coll == RC_REVIEWS)
        open_edit(av, RSEC_REVIEWS, (size_t)-1);
    else
        open_step(av, c->step);
    if (av->level != AV_CHECKS)
        av->back = AV_CHECKS; /* q or Esc there comes back to the checks */
}

void draw_checks(struct aview *av, int y, int height, int cols)
{
    char hint[300];
    snprintf(hint, sizeof hint, _("Validation: the automatic checks (%s goes to the item) and the sign-offs (%s shows them)"),
             action_key_str(ACT_SELECT, SCREEN_CHECKS), action_key_str(ACT_SIGNOFF, SCREEN_CHECKS));
    int hl = draw_wrapped(y, 0, cols, 2, hint, role_attr(ROLE_HEADING)); /* read whole: a second line when it needs one */
    hl = hl < 1 ? 1 : hl;
    y += hl - 1, height -= hl - 1;
    size_t n = av->checks.n;
    char **lines = xcalloc(n + 1, sizeof *lines);
    bool *warn = xcalloc(n + 1, sizeof *warn);
    for (size_t i = 0; i < n; i++) {
        const struct check *c = &av->checks.v[check_order(av, i)];
        struct strbuf sb = STRBUF_INIT;
        sb_printf(&sb, "%s %d %s", c->ok ? " ok " : "[!!]", (int)c->step + 1, c->text);
        lines[i] = sb_take(&sb);
        warn[i] = !c->ok;
    }
    /* the highlighted check read whole below the list: a long one is cut in its row */
    int whole = height >= 12 ? 3 : 0;
    draw_list(av, y + 1, height - 1 - (whole ? whole + 1 : 0), cols, lines, warn, n);
    if (whole) {
        size_t cur = av->cur[AV_CHECKS];
        draw_hline(y + height - whole - 1, 0, cols);
        draw_wrapped(y + height - whole, 0, cols, whole, cur < n ? lines[cur] : "", cur < n && warn[cur] ? role_attr(ROLE_NOTICE) : A_NORMAL);
    }
    free_lines(lines, n);
    free(warn);
}
