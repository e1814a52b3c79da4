/* assess_view: the risk assessment screens. */
#include "config.h"
#include "ui/assess_view.h"
#include "core/edits.h"
#include "core/rounds.h"
#include "ui/draw.h"
#include "ui/labels.h"
#include "ui/mouse.h"
#include "ui/refnames.h"
#include "ui/regfilter.h"
#include "ui/scope_gone.h"
#include "ui/rows.h"
#include "ui/reopen.h"
#include "ui/review_lines.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void say(struct aview *av, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void register_build(struct aview *av);

static void say(struct aview *av, bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(av->message, sizeof av->message, fmt, ap);
    va_end(ap);
    av->message_is_error = error;
}

static struct round *cur_round(struct aview *av)
{
    return av->round < av->s->nrounds ? &av->s->rounds[av->round]->r : NULL;
}

/* The round the reopen key acts on: the one under the cursor, or shown. */
static struct round *key_round(struct aview *av)
{
    size_t i = av->level == AV_ROUNDS ? av->cur[AV_ROUNDS] : av->round;
    return i < av->s->nrounds ? &av->s->rounds[i]->r : NULL;
}

static const struct profile *prof(const struct aview *av)
{
    return &av->s->profile;
}

static const char *pname(const struct aview *av, int coll, const char *id)
{
    const struct round *r = av->round < av->s->nrounds ? &av->s->rounds[av->round]->r : NULL;
    const char *n = refname(av->s, r, profile_coll_defs[coll]->key, id);
    return n ? n : id;
}

/* The step's name as the Handbook (library) gives it, in the language. */
static const char *step_title(const struct aview *av, enum step st)
{
    const struct ref_table *t = library_table(av->s->lib, "handbook");
    for (size_t i = 0; t && i < t->n; i++)
        if (ref_int(&t->items[i], "number", 0) == (long long)st + 1)
            return text_get(&t->items[i].title, av->lang);
    return _(step_name(st));
}

/* Today for the date checks of a round (see round_today). */
static const char *today_for(const struct aview *av, const struct round *r)
{
    const struct round *flat = session_rounds_flat(av->s);
    size_t i = 0;
    while (i < av->s->nrounds && &av->s->rounds[i]->r != r)
        i++;
    return i < av->s->nrounds ? round_today(flat, av->s->nrounds, &flat[i], av->today) : av->today;
}

/* The checks of the round shown: run again only after an edit (of the
 * round or of the profile it reads) or when another round is shown. */
static void checks_refresh(struct aview *av)
{
    if (cur_round(av)) /* its five steps just signed off, the form left: it closes */
        core_round_settle(av->s, cur_round(av), av->today);
    if (av->checks_ok && av->checks_gen == av->s->gen && av->checks_for == av->round)
        return;
    av->checks_ok = true;
    av->checks_gen = av->s->gen;
    av->checks_for = av->round;
    checks_free(&av->checks);
    struct round *r = cur_round(av);
    if (r)
        round_validate(session_rounds_flat(av->s), av->s->nrounds, av->round, prof(av), av->s->lib, av->today, &av->checks);
}

void aview_init(struct aview *av, struct session *s, enum lang lang)
{
    memset(av, 0, sizeof *av);
    av->s = s;
    av->lang = lang;
    pview_init(&av->edit, s, lang);
    edit_init(&av->prompt, "", 256);
    reopen_init(&av->reopen);
    session_today(av->today);
    av->hm_i = av->hm_l = 1;
    av->page = 10;
    /* start on the newest round */
    av->cur[AV_ROUNDS] = s->nrounds ? s->nrounds - 1 : 0;
}

void aview_rounds_loaded(struct aview *av)
{
    av->cur[AV_ROUNDS] = av->s->nrounds ? av->s->nrounds - 1 : 0;
}

void aview_free(struct aview *av)
{
    pview_free(&av->edit);
    edit_free(&av->prompt);
    reopen_free(&av->reopen);
    checks_free(&av->checks);
    free(av->round_next);
    free(av->round_changed);
    free(av->rows);
    free(av->scope);
    free(av->filter_text);
}

enum view aview_screen(const struct aview *av)
{
    if (av->prompting || av->reopen.open)
        return SCREEN_PROMPT;
    if (av->editing)
        return pview_screen(&av->edit);
    switch (av->level) {
    case AV_ROUNDS: return SCREEN_ROUNDS;
    case AV_STEPS: return SCREEN_STEPS;
    case AV_SCOPE: return SCREEN_SCOPE;
    case AV_REGISTER: return SCREEN_REGISTER;
    case AV_HEATMAP: return SCREEN_HEATMAP;
    case AV_CHECKS: return SCREEN_CHECKS;
    default: return SCREEN_REVIEW;
    }
}

bool aview_asking(const struct aview *av)
{
    return av->asking_round || (av->editing && av->edit.asking_delete);
}

const char *aview_question(const struct aview *av)
{
    return av->asking_round ? av->message : av->edit.message;
}

void aview_answer(struct aview *av, bool yes)
{
    if (av->asking_round) {
        av->asking_round = false;
        av->message[0] = '\0';
        if (yes && av->cur[AV_ROUNDS] < av->s->nrounds)
            core_delete_round(av->s, av->cur[AV_ROUNDS], av->message, sizeof av->message);
        av->message_is_error = false;
        if (av->cur[AV_ROUNDS] >= av->s->nrounds && av->cur[AV_ROUNDS])
            av->cur[AV_ROUNDS] = av->s->nrounds - 1;
        av->round = av->cur[AV_ROUNDS];
        return;
    }
    pview_answer(&av->edit, yes);
    snprintf(av->message, sizeof av->message, "%s", av->edit.message);
    if (av->edit.done) {
        av->editing = false;
        checks_refresh(av);
        register_build(av);
    }
}

/* An edit of round r (NULL: of the workspace) refused: read-only, or r is closed. */
static bool read_only(struct aview *av, const struct round *r)
{
    return av->message_is_error = ui_refused(av->s, r, av->message, sizeof av->message);
}

/* --- scoping ---------------------------------------------------------- */

static void scope_push(struct aview *av, int kind, size_t index)
{
    av->scope = xrealloc(av->scope, (av->nscope + 1) * sizeof *av->scope);
    av->scope[av->nscope++] = (struct scope_line){kind, index};
}

/* Services, each with its operations and their resources, then the
 * resources in scope that no service in the list reaches. */
static void scope_build(struct aview *av)
{
    const struct profile *p = prof(av);
    const struct collection *sv = &p->c[COLL_SERVICES], *ops = &p->c[COLL_OPERATIONS],
                            *rs = &p->c[COLL_RESOURCES];
    int fs = OP_SERVICES, fo = RES_OPERATIONS;
    if (av->scope_ok && av->scope_gen == av->s->gen && av->scope_round == av->round)
        return; /* the profile and the round did not change: the same lines */
    av->scope_ok = true;
    av->scope_gen = av->s->gen;
    av->scope_round = av->round;
    av->nscope = 0;
    for (size_t i = 0; i < sv->n; i++) {
        scope_push(av, 0, i);
        for (size_t k = 0; k < ops->n; k++) {
            if (!strlist_has(&ops->r[k].v[fs].list, sv->r[i].id))
                continue;
            scope_push(av, 1, k);
            for (size_t j = 0; j < rs->n; j++)
                if (strlist_has(&rs->r[j].v[fo].list, ops->r[k].id))
                    scope_push(av, 2, j);
        }
    }
    for (size_t j = 0; j < rs->n; j++)
        if (!rs->r[j].v[fo].list.n)
            scope_push(av, 2, j);
    scope_gone_push(av, cur_round(av)); /* in scope, gone from the profile */
}

static bool in_scope(const struct round *r, int field, const char *id)
{
    return strlist_has(&r->head.v[field].list, id);
}

static void scope_toggle(struct aview *av)
{
    struct round *r = cur_round(av);
    size_t i = av->cur[AV_SCOPE];
    if (!r || i >= av->nscope || read_only(av, r))
        return;
    const struct profile *p = prof(av);
    const struct scope_line *l = &av->scope[i];
    if (scope_gone_toggle(av, r, l))
        return;
    if (l->kind == 1) {
        say(av, false, "%s", _("Operations follow their service: put the service or a resource in scope"));
        return;
    }
    if (l->kind == 2) {
        const char *id = p->c[COLL_RESOURCES].r[l->index].id;
        core_scope_resource(av->s, r, id, !in_scope(r, HEAD_RESOURCES, id));
        return;
    }
    const char *sid = p->c[COLL_SERVICES].r[l->index].id;
    if (in_scope(r, HEAD_SERVICES, sid)) {
        core_scope_service(av->s, r, sid, false);
        say(av, false, "%s", _("Service out of scope; its resources stay until you take them out"));
        return;
    }
    /* what the service depends on comes into scope with it */
    size_t added = core_scope_service(av->s, r, sid, true);
    say(av, false, _("Service in scope, with %zu of its resources"), added);
}

/* --- register -------------------------------------------------------- */

static void register_build(struct aview *av)
{
    struct round *r = cur_round(av);
    free(av->rows);
    av->rows = NULL;
    av->nrows = 0;
    if (!r)
        return;
    av->rows = xcalloc(r->c[RC_RISKS].n + 1, sizeof *av->rows);
    av->filter.text = av->filter_text;
    av->nrows = round_register(r, prof(av), av->sort, &av->filter, av->rows);
    if (av->cur[AV_REGISTER] >= av->nrows)
        av->cur[AV_REGISTER] = av->nrows ? av->nrows - 1 : 0;
}

/* --- actions --------------------------------------------------------------- */

/* n on a resource in the scoping: its "no risk" note (the round's
 * `clear`), opened when there is one, else added and typed at once. */
static void no_risk_note(struct aview *av)
{
    struct round *r = cur_round(av);
    size_t i = av->cur[AV_SCOPE];
    if (!r || i >= av->nscope || av->scope[i].kind != 2) {
        say(av, false, "%s", _("A \"no risk\" note is for a resource: move to one"));
        return;
    }
    const char *id = prof(av)->c[COLL_RESOURCES].r[av->scope[i].index].id;
    struct collection *c = &r->c[RC_CLEAR];
    const struct record *note = coll_find(c, id);
    if (note) {
        pview_open_round(&av->edit, r, RSEC_CLEAR, (size_t)(note - c->r));
        av->editing = true;
        return;
    }
    if (read_only(av, r))
        return;
    pview_round_add_id(&av->edit, r, RSEC_CLEAR, id);
    av->editing = !av->edit.done;
    if (av->editing)
        pview_edit_field(&av->edit, CLEAR_NOTE);
}

static void open_edit(struct aview *av, enum round_section sec, size_t index)
{
    pview_open_round(&av->edit, cur_round(av), sec, index);
    av->editing = true;
}

static void add_in(struct aview *av, enum round_section sec)
{
    if (read_only(av, cur_round(av)))
        return;
    pview_round_add(&av->edit, cur_round(av), sec);
    av->editing = !av->edit.done;
}

static void open_step(struct aview *av, enum step st)
{
    switch (st) {
    case STEP_PREP: open_edit(av, RSEC_HEAD, 0); break;
    case STEP_SCOPE: av->level = AV_SCOPE; scope_build(av); break;
    case STEP_ASSESS: av->level = AV_REGISTER; av->back = AV_STEPS; register_build(av); break;
    case STEP_VALIDATE: av->level = AV_CHECKS; break;
    default: av->level = AV_REVIEW; break;
    }
}

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
static void jump_to_check(struct aview *av)
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
}

static void review_enter(struct aview *av)
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
static void compare_next(struct aview *av)
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

static void start_prompt(struct aview *av, int kind)
{
    av->prompting = true;
    av->prompt_kind = kind;
    edit_set(&av->prompt, kind == 2 && av->filter_text ? av->filter_text
                          : kind == 3 ? av->s->rounds[av->cur[AV_ROUNDS]]->r.name : "");
    say(av, false, "%s", kind == 0 ? _("Name of the new round (e.g. 2027), Enter makes it, Esc cancels")
                       : kind == 1 ? _("Name of the copy, Enter makes it, Esc cancels")
                       : kind == 3 ? _("New name of the round (its file name), Enter renames, Esc cancels")
                                   : _("Text to look for, Enter filters, Esc cancels"));
}

static void finish_prompt(struct aview *av)
{
    av->prompting = false;
    const char *text = av->prompt.buf;
    if (av->prompt_kind == 2) {
        free(av->filter_text);
        av->filter_text = *text ? xstrdup(text) : NULL;
        av->message[0] = '\0';
        register_build(av);
        return;
    }
    char msg[512];
    if (av->prompt_kind == 3) {
        size_t i = core_rename_round(av->s, av->cur[AV_ROUNDS], text, msg, sizeof msg);
        say(av, i == ROUND_NONE, "%s", msg);
        return;
    }
    /* by index: adding a round must not leave a pointer into the list behind */
    size_t from = av->prompt_kind == 1 ? av->cur[AV_ROUNDS] : ROUND_NONE;
    size_t i = core_new_round(av->s, text, from, av->today, msg, sizeof msg);
    say(av, i == ROUND_NONE, "%s", msg);
    if (i != ROUND_NONE) {
        av->round = av->cur[AV_ROUNDS] = i;
        av->level = AV_STEPS;
        av->cur[AV_STEPS] = 0;
        checks_refresh(av);
    }
}

static void ask_delete_round(struct aview *av)
{
    size_t i = av->cur[AV_ROUNDS];
    const struct round *r = &av->s->rounds[i]->r;
    char after[200], also[300] = "";
    if (session_rounds_after(av->s, i, after, sizeof after))
        snprintf(also, sizeof also, _("; round %s compares with it"), after);
    if (round_closed(r)) /* a record signed off: the question says so */
        snprintf(also + strlen(also), sizeof also - strlen(also), "%s", _("; closed"));
    if (!av->s->rounds[i]->fresh)
        say(av, false, _("Delete round %s (%zu risks%s)? y/n, a backup is kept"), r->name, r->c[RC_RISKS].n, also);
    else /* never saved: no file, no backup */
        say(av, false, _("Delete round %s (%zu risks%s, never saved)? y/n"), r->name, r->c[RC_RISKS].n, also);
    av->asking_round = true;
}

static bool prompt_action(struct aview *av, enum action a)
{
    struct edit *e = &av->prompt;
    switch (a) {
    case ACT_EDIT_ACCEPT: finish_prompt(av); return true;
    case ACT_EDIT_CANCEL: av->prompting = false; av->message[0] = '\0'; return true;
    default: return action_edit(a, e) != EDIT_NONE;
    }
}

void aview_input(struct aview *av, const char *utf8)
{
    if (av->prompting)
        edit_insert(&av->prompt, utf8);
    else if (av->reopen.open)
        reopen_input(&av->reopen, av->s, utf8);
    else if (av->editing)
        pview_input(&av->edit, utf8);
}

static size_t level_rows(struct aview *av)
{
    switch (av->level) {
    case AV_ROUNDS: return av->s->nrounds;
    case AV_STEPS: return STEP__COUNT;
    case AV_SCOPE: return av->nscope;
    case AV_REGISTER: return av->nrows;
    case AV_CHECKS: return av->checks.n;
    case AV_REVIEW: {
        struct review_line *v;
        size_t n = review_lines(av, &v);
        review_free(v, n);
        return n;
    }
    default: return 0;
    }
}

static bool move_cursor(struct aview *av, enum action a)
{
    return rows_move(&av->cur[av->level], level_rows(av), a, av->page);
}

static bool heatmap_action(struct aview *av, enum action a)
{
    long long ni = (long long)prof(av)->c[COLL_IMPACT].n, nl = (long long)prof(av)->c[COLL_LIKELIHOOD].n;
    switch (a) {
    case ACT_UP: if (av->hm_i < ni) av->hm_i++; return true;
    case ACT_DOWN: if (av->hm_i > 1) av->hm_i--; return true;
    case ACT_LEFT: if (av->hm_l > 1) av->hm_l--; return true;
    case ACT_RIGHT: if (av->hm_l < nl) av->hm_l++; return true;
    case ACT_SELECT:
        memset(&av->filter, 0, sizeof av->filter);
        av->filter.impact = av->hm_i;
        av->filter.likelihood = av->hm_l;
        av->level = AV_REGISTER;
        av->back = AV_HEATMAP;
        av->cur[AV_REGISTER] = 0;
        register_build(av);
        return true;
    case ACT_BACK:
        av->level = AV_STEPS;
        return true;
    default:
        return false;
    }
}

static bool register_action(struct aview *av, enum action a)
{
    switch (a) {
    case ACT_SELECT:
        if (av->cur[AV_REGISTER] < av->nrows)
            open_edit(av, RSEC_RISKS, av->rows[av->cur[AV_REGISTER]]);
        return true;
    case ACT_ADD: add_in(av, RSEC_RISKS); return true;
    case ACT_ADD_THREAT:
        add_in(av, RSEC_RISKS);
        if (av->editing)
            pview_edit_field(&av->edit, RISK_THREAT);
        return true;
    case ACT_SORT: av->sort = (enum risk_sort)((av->sort + 1) % SORT__COUNT); break;
    case ACT_FILTER_BAND: av->filter.band = (enum band)((av->filter.band + 1) % BAND__COUNT); break;
    case ACT_FILTER_DECISION: regfilter_next_decision(av); break;
    case ACT_FILTER_OWNER: regfilter_next_owner(av); break;
    case ACT_FILTER_TEXT: start_prompt(av, 2); return true;
    case ACT_CLEAR_FILTERS:
        memset(&av->filter, 0, sizeof av->filter);
        free(av->filter_text);
        av->filter_text = NULL;
        break;
    case ACT_HEATMAP: av->level = AV_HEATMAP; return true;
    case ACT_BACK:
        av->level = av->back == AV_HEATMAP ? AV_HEATMAP : AV_STEPS;
        if (av->level == AV_HEATMAP)
            av->filter.impact = av->filter.likelihood = 0;
        return true;
    default: return false;
    }
    av->cur[AV_REGISTER] = 0;
    register_build(av);
    return true;
}

bool aview_action(struct aview *av, enum action a)
{
    if (av->prompting)
        return prompt_action(av, a);
    if (av->reopen.open)
        return reopen_action(&av->reopen, av->s, a, av->today, av->message, sizeof av->message, &av->message_is_error);
    if (av->editing) {
        bool used = pview_action(&av->edit, a);
        if (av->edit.done) {
            av->editing = false;
            snprintf(av->message, sizeof av->message, "%s", av->edit.message);
            checks_refresh(av);
            register_build(av);
        }
        return used;
    }
    av->message[0] = '\0';
    checks_refresh(av);
    if (av->level == AV_HEATMAP)
        return heatmap_action(av, a);
    if (av->level != AV_HEATMAP && move_cursor(av, a))
        return true;
    switch (av->level) {
    case AV_ROUNDS:
        if (a == ACT_SELECT && av->s->nrounds) {
            av->round = av->cur[AV_ROUNDS];
            av->level = AV_STEPS;
            checks_refresh(av);
            return true;
        }
        if (a == ACT_ADD && !read_only(av, NULL)) {
            start_prompt(av, 0);
            return true;
        }
        if (a == ACT_COPY && av->s->nrounds && !read_only(av, NULL)) {
            start_prompt(av, 1);
            return true;
        }
        if (a == ACT_RENAME && av->s->nrounds && !read_only(av, NULL)) {
            if (core_round_renamable(av->s, av->cur[AV_ROUNDS], av->message, sizeof av->message))
                start_prompt(av, 3);
            else /* said before a name is typed in vain */
                av->message_is_error = true;
            return true;
        }
        if (a == ACT_DELETE && av->s->nrounds && !read_only(av, NULL)) {
            ask_delete_round(av);
            return true;
        }
        if (a == ACT_REOPEN && av->s->nrounds)
            av->message_is_error = !reopen_start(&av->reopen, av->s, key_round(av), av->message, sizeof av->message);
        return a == ACT_REOPEN;
    case AV_STEPS:
        if (a == ACT_SELECT) { open_step(av, (enum step)av->cur[AV_STEPS]); return true; }
        if (a == ACT_HEATMAP) { av->level = AV_HEATMAP; return true; }
        if (a == ACT_REGISTER) { open_step(av, STEP_ASSESS); return true; }
        if (a == ACT_SIGNOFF) { add_in(av, RSEC_SIGNOFFS); return true; }
        if (a == ACT_REOPEN) { av->message_is_error = !reopen_start(&av->reopen, av->s, key_round(av), av->message, sizeof av->message); return true; }
        if (a == ACT_BACK) { av->level = AV_ROUNDS; return true; }
        return false;
    case AV_SCOPE:
        if (a == ACT_TOGGLE_SCOPE) { scope_toggle(av); checks_refresh(av); return true; }
        if (a == ACT_NO_RISK) { no_risk_note(av); return true; }
        if (a == ACT_ADD && !read_only(av, NULL)) {
            /* what is missing goes into the profile; 5 comes back here */
            av->want_new_resource = true;
            return true;
        }
        if (a == ACT_BACK) { av->level = AV_STEPS; return true; }
        return false;
    case AV_REGISTER:
        return register_action(av, a);
    case AV_CHECKS:
        if (a == ACT_SELECT) { jump_to_check(av); return true; }
        if (a == ACT_SIGNOFF) { add_in(av, RSEC_SIGNOFFS); return true; }
        if (a == ACT_BACK) { av->level = AV_STEPS; return true; }
        return false;
    case AV_REVIEW:
        if (a == ACT_SELECT) { review_enter(av); return true; }
        if (a == ACT_ADD) { add_in(av, RSEC_REVIEWS); return true; }
        if (a == ACT_COMPARE) { compare_next(av); return true; }
        if (a == ACT_BACK) { av->level = AV_STEPS; return true; }
        return false;
    default:
        return false;
    }
}

/* --- drawing ------------------------------------------------------------------ */

struct line_array {
    char **lines;
    const bool *warn;
};

static char *array_line(void *ctx, size_t i, bool *warn)
{
    const struct line_array *la = ctx;
    *warn = la->warn && la->warn[i];
    return xstrdup(la->lines[i]);
}

/* Rows of text with the level's cursor; warn marks rows needing attention. */
static void draw_list(struct aview *av, int y, int height, int cols, char **lines, const bool *warn,
                      size_t n)
{
    struct line_array la = {lines, warn};
    rows_draw(y, height, cols, n, &av->cur[av->level], &av->top[av->level], array_line, &la);
}

static void free_lines(char **lines, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(lines[i]);
    free(lines);
}

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
        *accepted += strcmp(rec_str(x, RISK_DECISION), "accept") == 0;
    }
}

static void draw_rounds(struct aview *av, int y, int height, int cols)
{
    size_t n = av->s->nrounds;
    draw_cell(y, 0, cols, _("Assessment rounds (assessments/*.cfg)"), role_attr(ROLE_HEADING));
    if (!n) {
        char key[16], text[160];
        snprintf(text, sizeof text, _("No round yet: press %s to start one."),
                 action_key_name(ACT_ADD, SCREEN_ROUNDS, key, sizeof key));
        draw_cell(y + 2, 2, cols - 2, text, role_attr(ROLE_DIM));
        return;
    }
    if (av->nround_next != n || av->rounds_gen != av->s->gen) {
        /* each round's next step, again only after an edit */
        av->round_next = xrealloc(av->round_next, n * sizeof *av->round_next);
        av->round_changed = xrealloc(av->round_changed, n * sizeof *av->round_changed);
        struct findings pf = {0}; /* once for every round */
        profile_findings(prof(av), av->s->lib, &pf);
        const struct round *flat = session_rounds_flat(av->s);
        for (size_t i = 0; i < n; i++) {
            struct checks c = {0};
            round_validate_with(flat, n, i, prof(av), &pf, av->s->lib, av->today, &c);
            const struct check *why;
            av->round_next[i] = next_step(&c, &why);
            av->round_changed[i] = round_changed_outside(&flat[i]);
            checks_free(&c);
        }
        findings_free(&pf);
        av->nround_next = n;
        av->rounds_gen = av->s->gen;
    }
    char **lines = xcalloc(n, sizeof *lines);
    for (size_t i = 0; i < n; i++) {
        struct round *r = &av->s->rounds[i]->r;
        enum step next = av->round_next[i];
        struct strbuf sb = STRBUF_INIT;
        const char *title = rec_str(&r->head, HEAD_TITLE);
        sb_printf(&sb, "%-8s %s | %s", r->name, rec_str(&r->head, HEAD_DATE),
                  round_state_words(r, av->round_changed[i]));
        if (*title) /* the title in words before what is cut first */
            sb_printf(&sb, "%s | ", title);
        sb_printf(&sb, "%zu %s | ", r->c[RC_RISKS].n, _("risks"));
        if (next == STEP__COUNT)
            sb_adds(&sb, _("every check passes"));
        else
            sb_printf(&sb, _("next: %d %s"), (int)next + 1, step_title(av, next));
        if (!*title)
            sb_printf(&sb, " | %s", rec_str(&r->head, HEAD_PURPOSE));
        lines[i] = sb_take(&sb);
    }
    draw_list(av, y + 1, height - 1, cols, lines, NULL, n);
    free_lines(lines, n);
}

static void draw_steps(struct aview *av, int y, int height, int cols)
{
    struct round *r = cur_round(av);
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, _("Round %s, %s: %s"), r->name, rec_str(&r->head, HEAD_DATE),
              rec_str(&r->head, HEAD_PURPOSE));
    draw_cell(y, 0, cols, sb_str(&sb), role_attr(ROLE_HEADING));
    sb_reset(&sb);
    const struct check *why;
    enum step next = next_step(&av->checks, &why);
    if (next == STEP__COUNT)
        sb_adds(&sb, _("Every check passes."));
    else
        sb_printf(&sb, _("Next: %d %s: %s"), (int)next + 1, step_title(av, next), why->text);
    draw_cell(y + 1, 0, cols, sb_str(&sb), role_attr(next == STEP__COUNT ? ROLE_LABEL : ROLE_NOTICE));
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
    sb_printf(&sb, _("Risks %zu: L %zu, M %zu, H %zu, V %zu | over the threshold %zu | overdue %zu | accepted %zu"),
              r->c[RC_RISKS].n, bands[BAND_LOW], bands[BAND_MEDIUM], bands[BAND_HIGH], bands[BAND_VERY_HIGH],
              over, overdue, accepted);
    draw_cell(y + 4 + STEP__COUNT, 0, cols, sb_str(&sb), A_NORMAL);
    sb_free(&sb);
    for (int k = y + 5 + STEP__COUNT; k < y + height; k++)
        draw_blank(k, 0, cols, A_NORMAL);
    round_history_draw(r, y + 6 + STEP__COUNT, height - 6 - STEP__COUNT, cols);
}

static void draw_scope(struct aview *av, int y, int height, int cols)
{
    struct round *r = cur_round(av);
    const struct profile *p = prof(av);
    const struct strlist *sl = &r->head.v[HEAD_SERVICES].list,
                         *rl = &r->head.v[HEAD_RESOURCES].list;
    draw_cell(y, 0, cols, _("Scoping: Space puts a service or resource in scope (x) or out; a adds a missing resource"),
              role_attr(ROLE_HEADING));
    /* the gaps first: they hide in a long list */
    struct strbuf gaps = STRBUF_INIT;
    for (size_t i = 0; i < p->c[COLL_SERVICES].n; i++) {
        const struct record *sv = &p->c[COLL_SERVICES].r[i];
        if (service_operation_count(p, sv->id))
            continue;
        sb_adds(&gaps, gaps.len ? ", " : _("! No operations in the profile for: "));
        sb_adds(&gaps, rec_str(sv, SVC_NAME));
    }
    if (gaps.len) {
        draw_cell(y + 1, 0, cols, sb_str(&gaps), role_attr(ROLE_NOTICE));
        y++;
        height--;
    }
    sb_free(&gaps);
    char **lines = xcalloc(av->nscope + 1, sizeof *lines);
    bool *warn = xcalloc(av->nscope + 1, sizeof *warn);
    for (size_t i = 0; i < av->nscope; i++) {
        const struct scope_line *l = &av->scope[i];
        struct strbuf sb = STRBUF_INIT;
        if (l->kind >= SCOPE_GONE_SERVICE) {
            scope_gone_line(av, r, l, &sb);
        } else if (l->kind == 0) {
            const struct record *s = &p->c[COLL_SERVICES].r[l->index];
            sb_printf(&sb, "[%s] %s", strlist_has(sl, s->id) ? "x" : " ", rec_str(s, SVC_NAME));
            if (!service_operation_count(p, s->id)) {
                char key[16];
                sb_printf(&sb, _("  ! no operations in the profile (press %s to add them)"),
                          action_key_name(ACT_VIEW_PROFILE, SCREEN_SCOPE, key, sizeof key));
                warn[i] = true;
            }
        } else if (l->kind == 1) {
            sb_printf(&sb, "      %s", rec_str(&p->c[COLL_OPERATIONS].r[l->index], OP_NAME));
        } else {
            const struct record *res = &p->c[COLL_RESOURCES].r[l->index];
            sb_printf(&sb, "        [%s] %s (%s)", strlist_has(rl, res->id) ? "x" : " ",
                      rec_str(res, RES_NAME),
                      enum_label(rec_str(res, RES_KIND)));
            const struct record *note = coll_find(&r->c[RC_CLEAR], res->id);
            if (note)
                sb_printf(&sb, _(" - no risk: %s"), rec_str(note, CLEAR_NOTE));
        }
        lines[i] = sb_take(&sb);
    }
    draw_list(av, y + 1, height - 1, cols, lines, warn, av->nscope);
    free_lines(lines, av->nscope);
    free(warn);
}

struct register_ctx {
    struct aview *av;
    struct round *r;
    int cols;
};

/* One row of the register, made only when it is on the screen. */
static char *register_line(void *ctx, size_t i, bool *warn)
{
    const struct register_ctx *rc = ctx;
    struct aview *av = rc->av;
    struct round *r = rc->r;
    const struct record *x = &r->c[RC_RISKS].r[av->rows[i]];
    enum band b = risk_band(r, prof(av), x);
    struct strbuf l = STRBUF_INIT;
    const char *decision = rec_str(x, RISK_DECISION);
    bool overdue = risk_overdue(x, today_for(av, r));
    /* what matters first: band and value, overdue, the risk, then who and when */
    sb_printf(&l, "[%c %2lld]%s %s", band_letter(b), risk_residual(r, x), overdue ? _(" !overdue") : "",
              rec_str(x, RISK_TITLE));
    if (rc->cols >= 120)
        sb_printf(&l, " | %s", pname(av, COLL_SERVICES, rec_str(x, RISK_SERVICE)));
    sb_printf(&l, " | %s | %s", *decision ? enum_label(decision) : "-",
              *rec_str(x, RISK_OWNER) ? rec_str(x, RISK_OWNER) : "-");
    if (*rec_str(x, RISK_DUE))
        sb_printf(&l, " | %s", rec_str(x, RISK_DUE));
    *warn = overdue;
    return sb_take(&l);
}

static void draw_register(struct aview *av, int y, int height, int cols)
{
    struct round *r = cur_round(av);
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, _("Register: %zu of %zu, "), av->nrows, r->c[RC_RISKS].n);
    regfilter_describe(av, &sb);
    draw_cell(y, 0, cols, sb_str(&sb), role_attr(ROLE_HEADING));
    sb_free(&sb);
    if (!av->nrows) {
        draw_cell(y + 2, 2, cols - 2, r->c[RC_RISKS].n ? _("No risk passes the filter: x clears it.")
                                                        : _("No risk yet: a writes one, t takes one from the threat catalogue."),
                  role_attr(ROLE_DIM));
        return;
    }
    struct register_ctx rc = {av, r, cols};
    rows_draw(y + 1, height - 1, cols, av->nrows, &av->cur[av->level], &av->top[av->level],
              register_line, &rc);
}

/* A click on a heat-map column: the cell in the row clicked. */
struct heat_column {
    struct aview *av;
    long long likelihood, levels;
};

static void heat_pick(void *ctx, size_t row)
{
    struct heat_column *c = ctx;
    c->av->hm_l = c->likelihood;
    c->av->hm_i = c->levels - (long long)row; /* highest impact on top */
}

static void draw_heatmap(struct aview *av, int y, int height, int cols)
{
    struct round *r = cur_round(av);
    const struct profile *p = prof(av);
    size_t ni = p->c[COLL_IMPACT].n, nl = p->c[COLL_LIKELIHOOD].n;
    for (int k = y; k < y + height; k++)
        draw_blank(k, 0, cols, A_NORMAL);
    if (!ni || !nl) {
        char key[16], text[200];
        snprintf(text, sizeof text, _("The profile has no scales: press %s and fill in the risk criteria."),
                 action_key_name(ACT_VIEW_PROFILE, SCREEN_HEATMAP, key, sizeof key));
        draw_cell(y + 1, 2, cols - 2, text, role_attr(ROLE_NOTICE));
        return;
    }
    size_t *counts = xcalloc(ni * nl, sizeof *counts);
    round_heatmap(r, p, counts);
    draw_cell(y, 0, cols, _("Heat map: residual risks per impact (rows) x likelihood (columns); arrows choose a cell, Enter lists its risks"),
              role_attr(ROLE_HEADING));
    long long t = round_threshold(r), max = round_max(r, p);
    int cw = 7, lx = 16;
    /* likelihood header */
    for (size_t l = 0; l < nl; l++) {
        char h[32];
        snprintf(h, sizeof h, " L%zu", l + 1);
        draw_cell(y + 1, lx + (int)l * cw, cw, h, role_attr(ROLE_LABEL));
    }
    static struct heat_column columns[16];
    for (size_t l = 0; l < nl && l < sizeof columns / sizeof *columns; l++) {
        columns[l] = (struct heat_column){av, (long long)l + 1, (long long)ni};
        hit_rows_fn(y + 2, lx + (int)l * cw, (int)ni, cw - 1, 0, ni, heat_pick, &columns[l]);
    }
    for (size_t row = 0; row < ni; row++) {
        size_t i = ni - row; /* highest impact on top */
        int yy = y + 2 + (int)row;
        const char *label = rec_str(&p->c[COLL_IMPACT].r[i - 1], LEVEL_LABEL);
        char lab[80];
        snprintf(lab, sizeof lab, "I%zu %s", i, label);
        draw_cell(yy, 0, lx - 1, lab, role_attr(ROLE_LABEL));
        for (size_t l = 1; l <= nl; l++) {
            enum band b = band_of(round_value(r, (long long)i, (long long)l), t, max);
            size_t n = counts[(i - 1) * nl + (l - 1)];
            bool sel = (long long)i == av->hm_i && (long long)l == av->hm_l;
            char cell[32];
            snprintf(cell, sizeof cell, sel ? "[%c%3zu]" : " %c%3zu ", band_letter(b), n);
            attr_t attr = b == BAND_VERY_HIGH ? role_attr(ROLE_NOTICE)
                        : b == BAND_HIGH ? (role_attr(ROLE_SELECTED_DIM))
                        : b == BAND_MEDIUM ? A_BOLD : A_NORMAL;
            if (sel)
                attr = role_attr(ROLE_SELECTED);
            draw_cell(yy, lx + (int)(l - 1) * cw, cw - 1, cell, attr);
        }
    }
    int ly = y + 3 + (int)ni;
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, _("Bands by value (%s, threshold %lld, highest %lld): L low < %lld, M medium < %lld, H high >= %lld, V very high >= %lld"),
              enum_label(rec_str(&r->head, HEAD_RULE)), t, max, (t + 1) / 2, t, t, t + (max - t + 1) / 2);
    ly += draw_wrapped(ly, 0, cols - 1, 2, sb_str(&sb), A_NORMAL);
    sb_reset(&sb);
    const char *il = rec_str(&p->c[COLL_IMPACT].r[av->hm_i - 1], LEVEL_LABEL);
    const char *ll = rec_str(&p->c[COLL_LIKELIHOOD].r[av->hm_l - 1], LEVEL_LABEL);
    sb_printf(&sb, _("Cell: impact %lld (%s) x likelihood %lld (%s) = %lld, %zu risks"), av->hm_i, il, av->hm_l, ll,
              round_value(r, av->hm_i, av->hm_l), counts[(size_t)(av->hm_i - 1) * nl + (size_t)(av->hm_l - 1)]);
    draw_cell(ly, 0, cols, sb_str(&sb), A_BOLD);
    sb_free(&sb);
    free(counts);
}

static void draw_checks(struct aview *av, int y, int height, int cols)
{
    draw_cell(y, 0, cols, _("Validation: the automatic checks (Enter goes to the item) and the sign-offs (S signs off)"),
              role_attr(ROLE_HEADING));
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
    draw_list(av, y + 1, height - 1, cols, lines, warn, n);
    free_lines(lines, n);
    free(warn);
}

static void draw_review(struct aview *av, int y, int height, int cols)
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

static void draw_header(struct aview *av, int cols)
{
    const char *sep = glyph(" \xE2\x80\xBA ", " > ");
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "kijun%s%s", sep, _("Assessment"));
    struct round *r = cur_round(av);
    if (av->level != AV_ROUNDS && r)
        sb_printf(&sb, "%s%s", sep, r->name);
    static const enum step of_level[] = {0, 0, STEP_SCOPE, STEP_ASSESS, STEP_ASSESS, STEP_VALIDATE, STEP_REVIEW};
    if (av->level >= AV_SCOPE)
        sb_printf(&sb, "%s%d %s", sep, (int)of_level[av->level] + 1, step_title(av, of_level[av->level]));
    if (av->level == AV_HEATMAP)
        sb_printf(&sb, "%s%s", sep, _("Heat map"));
    draw_blank(0, 0, cols, role_attr(ROLE_TITLE));
    draw_cell(0, 1, cols - 1, sb_str(&sb), role_attr(ROLE_TITLE));
    sb_free(&sb);
}

void aview_draw(struct aview *av, int rows, int cols)
{
    if (av->editing) {
        pview_draw(&av->edit, rows, cols);
        return;
    }
    int body = rows - 3, y = 1;
    av->page = body > 3 ? body - 2 : 1;
    draw_header(av, cols);
    for (int k = y; k < y + body; k++)
        draw_blank(k, 0, cols, A_NORMAL);
    if (av->level != AV_ROUNDS && !cur_round(av))
        av->level = AV_ROUNDS;
    checks_refresh(av); /* after an edit anywhere the progress is the edit's */
    action_hide(ACT_REOPEN, !key_round(av) || !round_closed(key_round(av)));
    switch (av->level) {
    case AV_ROUNDS: draw_rounds(av, y, body, cols); break;
    case AV_STEPS: draw_steps(av, y, body, cols); break;
    case AV_SCOPE: scope_build(av); draw_scope(av, y, body, cols); break;
    case AV_REGISTER: draw_register(av, y, body, cols); break;
    case AV_HEATMAP: draw_heatmap(av, y, body, cols); break;
    case AV_CHECKS: draw_checks(av, y, body, cols); break;
    case AV_REVIEW: draw_review(av, y, body, cols); break;
    }
    /* the status line */
    struct strbuf sb = STRBUF_INIT;
    char *ws = short_path(av->s->label, 16);
    const char *bar = glyph(" \xE2\x94\x82 ", " | ");
    sb_printf(&sb, " %s%s%s%s%s", ws, bar, _("today"), " ", av->today);
    if (session_modified(av->s))
        sb_adds(&sb, _(" [+] modified"));
    if (av->s->read_only)
        sb_adds(&sb, _(" [read-only]"));
    free(ws);
    if (av->reopen.open) {
        draw_status_message(rows - 2, cols, sb_str(&sb), av->message, av->message_is_error);
        reopen_draw(&av->reopen, rows - 7, cols);
    } else if (av->prompting) {
        if (av->message[0]) /* what the prompt asks, above it */
            draw_cell(rows - 3, 0, cols, av->message, role_attr(ROLE_NOTICE));
        draw_blank(rows - 2, 0, cols, A_NORMAL);
        draw_cell(rows - 2, 0, 2, "> ", role_attr(ROLE_LABEL));
        draw_cell(rows - 2, 2, cols - 2, av->prompt.buf, A_NORMAL);
        move(rows - 2, 2 + edit_cursor_col(&av->prompt) < cols ? 2 + edit_cursor_col(&av->prompt) : cols - 1);
    } else {
        draw_status_message(rows - 2, cols, sb_str(&sb), av->message, av->message_is_error);
    }
    sb_free(&sb);
}
