/* report: what the reports of a round share: the summary's figures. */
#include "config.h"
#include "model/export.h"
#include "model/rules.h"
#include <stdlib.h>
#include "util/i18n.h"
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
    const char *rule = rec_str(&r->head, HEAD_RULE);
    long long t = round_threshold(r), max = round_max(r, in->p);
    s->rule_bad = strcmp(rule, "product") != 0 && strcmp(rule, "sum") != 0;
    s->threshold_bad = t < 1 || (max > 0 && t > max);
    for (size_t i = 0; i < rk->n; i++) {
        const struct record *x = &rk->r[i];
        bool over = risk_over_threshold(r, x), accept = strcmp(rec_str(x, RISK_DECISION), "accept") == 0;
        bool stale = accept && risk_acceptance_stale(r, x);
        s->risks++;
        s->by_band[risk_band(r, in->p, x)]++;
        s->over += over;
        s->unacceptable += over && (!accept || stale); /* a stale acceptance accepts nothing now */
        s->undecided += over && !*rec_str(x, RISK_DECISION);
        s->overdue += in->today && risk_overdue(x, in->today);
        s->accepted += risk_accepted(r, x);
        s->stale += stale;
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

const char *report_signoff_state(const struct round *r, const struct record *so)
{
    if (!so)
        return _("not signed off");
    if (!record_complete(round_coll_defs[RC_SIGNOFFS], so)) /* who or when is missing */
        return _("incomplete: a required field is missing");
    if (!*rec_str(so, SO_DIGEST)) /* signed before kijun kept what it vouched for */
        return _("signed, with no digest to check it against");
    return signoff_stale(r, so) ? _("stale: the step's data changed since") : _("valid");
}

const char *report_acceptance_state(const struct round *r, const struct record *risk)
{
    return risk_acceptance_stale(r, risk) ? _("stale: the values changed since")
         : risk_acceptance_carried(r, risk) ? _("carried over: to be confirmed")
         : _("valid");
}

void report_made_by(const struct export_source *src, report_escape_fn *esc, struct strbuf *made,
                    struct strbuf *files)
{
    struct strbuf ws = STRBUF_INIT;
    sb_adds(&ws, "");
    esc(&ws, src->workspace);
    if (src->timestamp)
        sb_printf(made, _("Made by kijun %s from the workspace %s, round %s, on %s."), src->version, sb_str(&ws),
                  src->round ? src->round : "-", src->timestamp);
    else
        sb_printf(made, _("Made by kijun %s from the workspace %s, round %s."), src->version, sb_str(&ws),
                  src->round ? src->round : "-");
    sb_adds(files, "");
    for (size_t i = 0; i < src->nfiles; i++) {
        if (i)
            sb_adds(files, _(", "));
        esc(files, src->files[i].path);
    }
    sb_free(&ws);
}
