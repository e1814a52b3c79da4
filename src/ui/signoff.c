/* signoff: a step signed off while its checks fail is said before it
 * is recorded (signoff.h). */
#include "config.h"
#include "ui/signoff.h"
#include "ui/profile_private.h"
#include "core/edits.h"
#include "model/labels.h"
#include "model/rules.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <string.h>

/* How many automatic checks of step st of pv's round fail now. */
static size_t failing(struct pview *pv, enum step st)
{
    size_t ri = 0;
    while (ri < pv->s->nrounds && &pv->s->rounds[ri]->r != pv->round)
        ri++;
    if (ri >= pv->s->nrounds)
        return 0;
    char today[11];
    session_today(today);
    struct checks c = {0};
    round_validate(session_rounds_flat(pv->s), pv->s->nrounds, ri, &pv->s->profile, pv->s->lib, today, &c);
    size_t done, total;
    step_progress(&c, st, &done, &total);
    checks_free(&c);
    return total - done;
}

bool signoff_ask(struct pview *pv, const char *id)
{
    enum step st = step_of_id(id);
    size_t n = st < STEP__COUNT ? failing(pv, st) : 0;
    if (!n)
        return false;
    snprintf(pv->signoff_step, sizeof pv->signoff_step, "%s", id);
    pv->signoff_failing = n;
    pv->asking_delete = true; /* the y/n question on the status line */
    say(pv, true, P_("%s: %zu automatic check fails. Sign it off anyway? %s",
                     "%s: %zu automatic checks fail. Sign it off anyway? %s", n),
        step_label(id), n, action_yes_no());
    return true;
}

bool signoff_answer(struct pview *pv, bool yes)
{
    if (!pv->signoff_step[0])
        return false;
    char id[sizeof pv->signoff_step];
    snprintf(id, sizeof id, "%s", pv->signoff_step);
    size_t n = pv->signoff_failing;
    pv->signoff_step[0] = '\0';
    pv->asking_delete = false;
    if (!yes) {
        say(pv, false, _("Nothing signed off: %s stays without a sign-off"), step_label(id));
        return true;
    }
    struct collection *c = &pv->round->c[RC_SIGNOFFS];
    struct record r;
    record_init(&r, c->def);
    r.id = xstrdup(id);
    char note[200];
    snprintf(note, sizeof note, P_("Signed off while %zu automatic check of the step failed",
                                   "Signed off while %zu automatic checks of the step failed", n), n);
    r.v[SO_COMMENT].set = true;
    r.v[SO_COMMENT].s = xstrdup(note);
    size_t at = core_add(pv->s, pv_doc(pv), c, &r);
    record_free(&r, c->def);
    if (at == (size_t)-1)
        return true;
    pv->rec = pv->list_cur = at;
    pv->level = PV_FORM;
    pv->field_cur = 0;
    fresh_start(pv);
    say(pv, false, _("%s signed off with failing checks: the comment says so; fill in who and when"), step_label(id));
    return true;
}
