/* review_lines: the lines of a round's review screen. */
#include "config.h"
#include "ui/review_lines.h"
#include "ui/assess_private.h"
#include "model/labels.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void review_free(struct review_line *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i].text);
    free(v);
}

static void rl_add(struct review_line **v, size_t *n, int act, size_t index, bool warn, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

static void rl_add(struct review_line **v, size_t *n, int act, size_t index, bool warn, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    *v = xrealloc(*v, (*n + 1) * sizeof **v);
    (*v)[(*n)++] = (struct review_line){xstrdup(buf), act, index, warn};
}

size_t review_lines(struct aview *av, struct review_line **out)
{
    struct review_line *v = NULL;
    size_t n = 0;
    struct round *r = cur_round(av);
    const char *next = rec_str(&r->head, HEAD_NEXT_REVIEW);
    if (!*next)
        rl_add(&v, &n, 1, 0, true, _("Next review: not set (%s sets it)"), action_key_str(ACT_SELECT, SCREEN_REVIEW));
    else if (strcmp(next, av->today) < 0)
        rl_add(&v, &n, 1, 0, true, _("Next review: %s ! passed (today is %s)"), next, av->today);
    else
        rl_add(&v, &n, 1, 0, false, _("Next review: %s"), next);
    rl_add(&v, &n, 0, 0, false, _("Review log (%zu; %s adds an entry):"), r->c[RC_REVIEWS].n,
           action_key_str(ACT_ADD, SCREEN_REVIEW));
    for (size_t i = 0; i < r->c[RC_REVIEWS].n; i++) {
        const struct record *e = &r->c[RC_REVIEWS].r[i];
        rl_add(&v, &n, 2, i, false, "  %s [%s] %s", rec_str(e, REV_DATE), enum_label(rec_str(e, REV_TRIGGER)),
               rec_str(e, REV_CHANGES));
    }
    const char *prev = rec_str(&r->head, HEAD_PREVIOUS);
    const struct round *before = NULL;
    for (size_t i = 0; i < av->s->nrounds; i++)
        if (*prev && strcmp(av->s->rounds[i]->r.name, prev) == 0)
            before = &av->s->rounds[i]->r;
    if (!before) {
        rl_add(&v, &n, 0, 0, false, "%s", *prev ? _("Comparison: the earlier round is not in this workspace (c chooses one)")
                                               : _("Comparison: no earlier round chosen (c chooses one)"));
    } else {
        struct diff *d;
        size_t nd = round_compare(r, before, &d);
        size_t count[4] = {0};
        for (size_t i = 0; i < nd; i++)
            count[d[i].kind]++;
        rl_add(&v, &n, 0, 0, false, _("Compared with %s (c: another): %zu rose, %zu added, %zu fell, %zu removed"),
               before->name, count[DIFF_ROSE], count[DIFF_ADDED], count[DIFF_FELL], count[DIFF_REMOVED]);
        /* what got worse first */
        static const enum change_kind order[] = {DIFF_ROSE, DIFF_ADDED, DIFF_FELL, DIFF_REMOVED};
        for (size_t o = 0; o < 4; o++) {
            for (size_t i = 0; i < nd; i++) {
                if (d[i].kind != order[o])
                    continue;
                const struct record *x = d[i].now ? d[i].now : d[i].before;
                size_t idx = d[i].now ? (size_t)(d[i].now - r->c[RC_RISKS].r) : 0;
                switch (d[i].kind) {
                case DIFF_ADDED:
                    rl_add(&v, &n, 3, idx, false, _("  + added   %2lld      %s"), d[i].value_now, rec_str(x, RISK_TITLE));
                    break;
                case DIFF_REMOVED:
                    rl_add(&v, &n, 0, 0, false, _("  - removed %2lld      %s"), d[i].value_before, rec_str(x, RISK_TITLE));
                    break;
                case DIFF_ROSE:
                    rl_add(&v, &n, 3, idx, true, _("  ^ rose    %2lld -> %2lld %s"), d[i].value_before, d[i].value_now,
                           rec_str(x, RISK_TITLE));
                    break;
                case DIFF_FELL:
                    rl_add(&v, &n, 3, idx, false, _("  v fell    %2lld -> %2lld %s"), d[i].value_before, d[i].value_now,
                           rec_str(x, RISK_TITLE));
                    break;
                }
            }
        }
        free(d);
    }
    *out = v;
    return n;
}
