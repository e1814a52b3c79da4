/* signoff: a step signed off while its checks fail is said before it
 * is recorded (signoff.h): a question of the record editor. */
#include "config.h"
#include "ui/signoff.h"
#include "ui/recedit_private.h"
#include "core/edits.h"
#include "model/labels.h"
#include "model/rules.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <string.h>

/* How many automatic checks of step st of re's round fail now. */
static size_t failing(struct recedit *re, enum step st)
{
    size_t ri = 0;
    while (ri < re->s->nrounds && &re->s->rounds[ri]->r != re->round)
        ri++;
    if (ri >= re->s->nrounds)
        return 0;
    char today[11];
    session_today(today);
    struct checks c = {0};
    round_validate(session_rounds_flat(re->s), re->s->nrounds, ri, &re->s->profile, re->s->lib, today, &c);
    size_t done, total;
    step_progress(&c, st, &done, &total);
    checks_free(&c);
    return total - done;
}

bool signoff_ask(struct recedit *re, const char *id)
{
    enum step st = step_of_id(id);
    size_t n = st < STEP__COUNT ? failing(re, st) : 0;
    if (!n)
        return false;
    snprintf(re->signoff_step, sizeof re->signoff_step, "%s", id);
    re->signoff_failing = n;
    re->asking_delete = true; /* the y/n question on the status line */
    say(re, true, P_("%s: %zu automatic check fails. Sign it off anyway? %s",
                     "%s: %zu automatic checks fail. Sign it off anyway? %s", n),
        step_label(id), n, action_yes_no());
    return true;
}

bool signoff_answer(struct recedit *re, bool yes)
{
    if (!re->signoff_step[0])
        return false;
    char id[sizeof re->signoff_step];
    snprintf(id, sizeof id, "%s", re->signoff_step);
    size_t n = re->signoff_failing;
    re->signoff_step[0] = '\0';
    re->asking_delete = false;
    if (!yes) {
        say(re, false, _("Nothing signed off: %s stays without a sign-off"), step_label(id));
        return true;
    }
    struct collection *c = &re->round->c[RC_SIGNOFFS];
    struct record r;
    record_init(&r, c->def);
    r.id = xstrdup(id);
    char note[200];
    snprintf(note, sizeof note, P_("Signed off while %zu automatic check of the step failed",
                                   "Signed off while %zu automatic checks of the step failed", n), n);
    r.v[SO_COMMENT].set = true;
    r.v[SO_COMMENT].s = xstrdup(note);
    size_t at = core_add(re->s, re_doc(re), c, &r);
    record_free(&r, c->def);
    if (at == (size_t)-1)
        return true;
    re->rec = re->list_cur = at;
    re->level = RE_FORM;
    re->field_cur = 0;
    fresh_start(re);
    say(re, false, _("%s signed off with failing checks: the comment says so; fill in who and when"), step_label(id));
    return true;
}
