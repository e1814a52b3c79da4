/* regfilter: the register's filters in turn, the text filter applied as
 * it is typed, and their description. */
#include "config.h"
#include "model/snapshot.h"
#include "ui/regfilter.h"
#include "ui/assess_private.h"
#include "model/labels.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

static const char *const decisions[] = {"", "mitigate", "accept", "avoid", "transfer"};

void regfilter_next_decision(struct aview *av)
{
    if (!av->filter.decision) {
        av->filter.decision = decisions[0];
        return;
    }
    for (size_t i = 0; i < 5; i++) {
        if (av->filter.decision == decisions[i]) {
            av->filter.decision = i + 1 < 5 ? decisions[i + 1] : NULL;
            return;
        }
    }
    av->filter.decision = NULL;
}

/* The owners of the round's risks, in turn, then any. */
void regfilter_next_owner(struct aview *av)
{
    if (av->round >= av->s->nrounds)
        return;
    const struct collection *c = &av->s->rounds[av->round]->r.c[RC_RISKS];
    const char *owners[256];
    size_t n = 0;
    for (size_t i = 0; i < c->n && n < 256; i++) {
        const char *o = rec_str(&c->r[i], RISK_OWNER);
        bool seen = !*o;
        for (size_t k = 0; k < n && !seen; k++)
            seen = strcmp(owners[k], o) == 0;
        if (!seen)
            owners[n++] = o;
    }
    av->owner_pick = av->owner_pick >= n ? 0 : av->owner_pick + 1;
    av->filter.owner = av->owner_pick < n ? owners[av->owner_pick] : NULL;
}

void regfilter_describe(const struct aview *av, struct strbuf *sb)
{
    const struct risk_filter *f = &av->filter;
    sb_printf(sb, _("by %s"), _(sort_name(av->sort)));
    struct round *r = cur_round((struct aview *)av);
    size_t cur = av->cur[AV_REGISTER];
    if (av->sort == SORT_SERVICE && r && cur < av->nrows) /* the key in words, shown or not as a column */
        sb_printf(sb, _(" (here: %s)"), round_ref_name(r, prof((struct aview *)av), "services",
                                                       rec_str(&r->c[RC_RISKS].r[av->rows[cur]], RISK_SERVICE), NULL));
    if (f->band != BAND_NONE)
        sb_printf(sb, _("; band %s"), _(band_name(f->band)));
    if (f->decision)
        sb_printf(sb, _("; decision %s"), *f->decision ? enum_label(f->decision) : _("none yet"));
    if (f->owner)
        sb_printf(sb, _("; owner %s"), f->owner);
    if (f->impact)
        sb_printf(sb, _("; cell impact %lld x likelihood %lld"), f->impact, f->likelihood);
    if (av->filter_text && *av->filter_text)
        sb_printf(sb, _("; text \"%s\""), av->filter_text);
}

/* The register filtered by text (NULL or "": none), from its first row. */
static void filter_by(struct aview *av, const char *text)
{
    char *t = text && *text ? xstrdup(text) : NULL;
    free(av->filter_text);
    av->filter_text = t;
    av->cur[AV_REGISTER] = av->top[AV_REGISTER] = 0;
    register_build(av);
}

void regfilter_start(struct aview *av)
{
    av->prompt_kind = AVP_FILTER;
    prompt_start(&av->prompt, av->filter_text); /* Esc gives it back */
    say(av, false, _("Narrows the register as you type (title, scenario, controls, measures, owner); %s keeps it, %s restores the filter before"),
        action_key_str(ACT_EDIT_ACCEPT, SCREEN_PROMPT), action_key_str(ACT_EDIT_CANCEL, SCREEN_PROMPT));
}

void regfilter_typed(struct aview *av)
{
    filter_by(av, prompt_text(&av->prompt));
}

bool regfilter_prompt_action(struct aview *av, enum action a)
{
    switch (prompt_act(&av->prompt, a)) {
    case PROMPT_NONE:
        return false;
    case PROMPT_KEPT:
        return true;
    case PROMPT_ACCEPTED:
    case PROMPT_CANCELLED: /* the text kept, or the filter before given back */
        av->message[0] = '\0';
        filter_by(av, prompt_text(&av->prompt));
        return true;
    default:
        regfilter_typed(av);
        return true;
    }
}
