/* report: what the reports of a round share: the summary's figures. */
#include "config.h"
#include "model/export.h"
#include <stdlib.h>
#include <string.h>

const struct round *report_previous(const struct report_input *in)
{
    const char *prev = rec_str(&in->rounds[in->ri].head, HEAD_PREVIOUS);
    for (size_t i = 0; *prev && i < in->n; i++)
        if (i != in->ri && strcmp(in->rounds[i].name, prev) == 0)
            return &in->rounds[i];
    return NULL;
}

void report_summarise(const struct report_input *in, struct report_summary *s)
{
    memset(s, 0, sizeof *s);
    const struct round *r = &in->rounds[in->ri];
    const struct collection *rk = &r->c[RC_RISKS];
    for (size_t i = 0; i < rk->n; i++) {
        const struct record *x = &rk->r[i];
        bool over = risk_over_threshold(r, x), accepted = strcmp(rec_str(x, RISK_DECISION), "accept") == 0;
        s->risks++;
        s->by_band[risk_band(r, in->p, x)]++;
        s->over += over;
        s->unacceptable += over && !accepted;
        s->undecided += over && !*rec_str(x, RISK_DECISION);
        s->overdue += in->today && risk_overdue(x, in->today);
        s->accepted += accepted;
    }
    s->before = report_previous(in);
    if (!s->before)
        return;
    struct diff *d;
    size_t n = round_compare(r, s->before, &d);
    for (size_t i = 0; i < n; i++) {
        s->rose += d[i].kind == DIFF_ROSE;
        s->added += d[i].kind == DIFF_ADDED;
        s->fell += d[i].kind == DIFF_FELL;
        s->removed += d[i].kind == DIFF_REMOVED;
    }
    free(d);
}
