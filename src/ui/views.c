/* views: the ops tables of the workbench's screens (ui/view.h): the
 * Guideline browser, the organisation profile, the assessment, the
 * findings and the help, each an adapter over the screen's own code,
 * which stays in its file. What one screen asks of another (a finding's
 * item, scoping's new resource) goes through the view stack here. */
#include "config.h"
#include "ui/views.h"
#include "ui/assess_view.h"
#include "ui/browser.h"
#include "ui/draw.h"
#include "ui/findings_view.h"
#include "ui/frame.h"
#include "ui/help.h"
#include "ui/profile_view.h"
#include "core/session.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include <stdlib.h>
#include <string.h>

/* The text cursor shows where a prompt or field is open. */
static bool prompt_open(struct view_ctx *c, void *self);

/* --- the Guideline browser ---------------------------------------------------- */

static enum view b_screen(struct view_ctx *c, void *self) { (void)c; return browser_screen(self); }
static void b_draw(struct view_ctx *c, void *self, int rows, int cols) { browser_draw(self, rows, cols, c->s->label); }
static bool b_act(struct view_ctx *c, void *self, enum action a) { (void)c; return browser_action(self, a); }
static void b_input(struct view_ctx *c, void *self, const char *t) { (void)c; browser_input(self, t); }
static const char *b_title(struct view_ctx *c, void *self) { (void)c; (void)self; return screen_title(SCREEN_BROWSER); }

static char *b_message(struct view_ctx *c, void *self, size_t *size, bool **err)
{
    (void)c;
    struct browser *b = self;
    *size = sizeof b->message, *err = &b->message_is_error;
    return b->message;
}

const struct view_ops browser_view = {
    .name = "guideline", .screen = b_screen, .cursor = prompt_open, .draw = b_draw, .act = b_act, .input = b_input,
    .title = b_title, .message = b_message,
};

/* --- the organisation profile --------------------------------------------------- */

static enum view p_screen(struct view_ctx *c, void *self) { (void)c; return pview_screen(self); }
/* The editor in front: the key bar without its keys that do nothing
 * there (recedit_hide_keys: d on a single record's form, J and K on the
 * sign-offs). */
static void p_draw(struct view_ctx *c, void *self, int rows, int cols)
{
    (void)c;
    struct pview *pv = self;
    if (pv->level == PV_EDIT)
        recedit_hide_keys(&pv->edit);
    pview_draw(pv, rows, cols);
}
static bool p_act(struct view_ctx *c, void *self, enum action a) { (void)c; return pview_action(self, a); }
static void p_input(struct view_ctx *c, void *self, const char *t) { (void)c; pview_input(self, t); }
static const char *p_title(struct view_ctx *c, void *self) { (void)c; (void)self; return screen_title(SCREEN_PROFILE); }
static void p_answer(struct view_ctx *c, void *self, enum answer ans) { (void)c; pview_answer(self, ans); }

static char *p_message(struct view_ctx *c, void *self, size_t *size, bool **err)
{
    (void)c;
    struct pview *pv = self; /* its message line is its editor's */
    *size = sizeof pv->edit.message, *err = &pv->edit.message_is_error;
    return pv->edit.message;
}

static const char *p_question(struct view_ctx *c, void *self)
{
    (void)c;
    struct pview *pv = self;
    return pv->edit.asking_delete ? pv->edit.message : NULL;
}

const struct view_ops profile_view = {
    .name = "profile", .screen = p_screen, .cursor = prompt_open, .draw = p_draw, .act = p_act, .input = p_input,
    .title = p_title, .message = p_message, .question = p_question, .answer = p_answer,
};

/* --- the risk assessment ------------------------------------------------------------ */

static enum view a_screen(struct view_ctx *c, void *self) { (void)c; return aview_screen(self); }
static void a_draw(struct view_ctx *c, void *self, int rows, int cols)
{
    struct aview *av = self;
    if (av->editing)
        recedit_hide_keys(&av->edit);
    bool none = aview_screen(av) == SCREEN_ROUNDS && !c->s->nrounds; /* no round to act on */
    action_hide(ACT_DELETE, none || action_hidden(ACT_DELETE));
    action_hide(ACT_COPY, none);
    action_hide(ACT_RENAME, none);
    aview_draw(av, rows, cols);
}
static void a_input(struct view_ctx *c, void *self, const char *t) { (void)c; aview_input(self, t); }
static const char *a_title(struct view_ctx *c, void *self) { (void)c; (void)self; return _("Risk assessment"); }
static void a_answer(struct view_ctx *c, void *self, enum answer ans) { (void)c; aview_answer(self, ans); }

static const char *a_question(struct view_ctx *c, void *self)
{
    (void)c;
    return aview_asking(self) ? aview_question(self) : NULL;
}

static bool a_act(struct view_ctx *c, void *self, enum action a)
{
    struct aview *av = self;
    bool used = aview_action(av, a);
    if (used && av->want_new_resource) {
        /* scoping's a: the resource is added in the profile; q comes back */
        av->want_new_resource = false;
        vstack_push(c->st, c, &profile_view);
        pview_add_resource(vstack_self(c->st, &profile_view));
    }
    return used;
}

static char *a_message(struct view_ctx *c, void *self, size_t *size, bool **err)
{
    (void)c;
    struct aview *av = self;
    /* the round's editor shows its own status line when it is in front */
    if (av->editing) {
        *size = sizeof av->edit.message, *err = &av->edit.message_is_error;
        return av->edit.message;
    }
    *size = sizeof av->message, *err = &av->message_is_error;
    return av->message;
}

const struct view_ops assess_view = {
    .name = "assessment", .screen = a_screen, .cursor = prompt_open, .draw = a_draw, .act = a_act, .input = a_input,
    .title = a_title, .message = a_message, .question = a_question, .answer = a_answer,
};

/* --- the findings ---------------------------------------------------------------- */

static enum view f_screen(struct view_ctx *c, void *self) { (void)c; return fview_screen(self); }
static void f_draw(struct view_ctx *c, void *self, int rows, int cols)
{
    (void)c;
    struct fview *fv = self;
    fview_draw(fv, rows, cols);
    action_hide(ACT_SELECT, !fv->f.n); /* no finding: Enter goes nowhere */
}
static void f_input(struct view_ctx *c, void *self, const char *t) { (void)c; fview_input(self, t); }
static const char *f_title(struct view_ctx *c, void *self) { (void)c; (void)self; return screen_title(SCREEN_FINDINGS); }

static char *f_message(struct view_ctx *c, void *self, size_t *size, bool **err)
{
    (void)c;
    struct fview *fv = self;
    *size = sizeof fv->message, *err = &fv->message_is_error;
    return fv->message;
}

/* The finding's item was left (Esc or q there): the findings come back. */
static bool f_left(struct view_ctx *c, void *ctx)
{
    return fview_left(ctx, vstack_self(c->st, &profile_view), vstack_self(c->st, &assess_view));
}

static bool f_act(struct view_ctx *c, void *self, enum action a)
{
    struct fview *fv = self;
    if (a != ACT_SELECT || fview_screen(fv) != SCREEN_FINDINGS)
        return a != ACT_BACK && fview_action(fv, a); /* BACK: the screen below */
    /* Enter: the finding's item, in the view it belongs to */
    switch (fview_jump(fv, vstack_self(c->st, &browser_view), vstack_self(c->st, &profile_view),
                       vstack_self(c->st, &assess_view))) {
    case FV_GUIDELINE: vstack_push_until(c->st, c, &browser_view, NULL, NULL); break;
    case FV_PROFILE: vstack_push_until(c->st, c, &profile_view, f_left, fv); break;
    case FV_ASSESS: vstack_push_until(c->st, c, &assess_view, f_left, fv); break;
    default: break;
    }
    return true;
}

const struct view_ops findings_view = {
    .name = "findings", .screen = f_screen, .cursor = prompt_open, .draw = f_draw, .act = f_act, .input = f_input,
    .title = f_title, .message = f_message,
};

/* --- the help ---------------------------------------------------------------------- */

static enum view h_screen(struct view_ctx *c, void *self) { (void)c; (void)self; return SCREEN_HELP; }

/* Opened over a screen: the keys of that screen. */
static void h_open(struct view_ctx *c, void *self)
{
    struct help_view *hv = self;
    const struct view_entry *under = vstack_at(c->st, 1);
    help_open(&hv->help, under ? under->ops->screen(c, under->self) : SCREEN_BROWSER);
}

static void h_close(struct view_ctx *c, void *self)
{
    (void)c;
    struct help_view *hv = self;
    help_close(&hv->help);
}

static void h_draw(struct view_ctx *c, void *self, int rows, int cols)
{
    struct help_view *hv = self;
    struct strbuf t = STRBUF_INIT;
    sb_printf(&t, "kijun %s %s: %s", glyph("\xE2\x80\xBA", ">"), _("Help"), screen_title(hv->help.from));
    /* a screen inside a view (a form, a list): the view's name too */
    const struct view_entry *under = vstack_at(c->st, 1);
    const char *view = under ? under->ops->title(c, under->self) : NULL;
    if (view && strcmp(view, screen_title(hv->help.from)) != 0)
        sb_printf(&t, " (%s)", view);
    chrome_title(cols, sb_str(&t));
    sb_free(&t);
    hv->page = rows - 2;
    help_draw(&hv->help, 1, rows - 2, cols);
}

static bool h_act(struct view_ctx *c, void *self, enum action a)
{
    struct help_view *hv = self;
    if (a == ACT_NONE)
        return false;
    if (!help_action(&hv->help, a, hv->page))
        vstack_pop(c->st, c);
    return true;
}

static void h_input(struct view_ctx *c, void *self, const char *t) { (void)c; (void)self; (void)t; }
static const char *h_title(struct view_ctx *c, void *self) { (void)c; (void)self; return _("Help"); }

/* The help has no message line of its own: a message goes to the screen under it. */
static char *h_message(struct view_ctx *c, void *self, size_t *size, bool **err)
{
    struct help_view *hv = self;
    const struct view_entry *under = vstack_at(c->st, 1);
    if (under)
        return under->ops->message(c, under->self, size, err);
    *size = sizeof hv->message, *err = &hv->message_is_error;
    return hv->message;
}

/* The views' prompts: where their draw left the cursor. */
static bool prompt_open(struct view_ctx *c, void *self)
{
    const struct view_entry *e = vstack_top(c->st);
    return e && e->self == self && e->ops->screen(c, self) == SCREEN_PROMPT;
}

const struct view_ops help_view = {
    .name = "help", .screen = h_screen, .open = h_open, .draw = h_draw, .act = h_act,
    .input = h_input, .close = h_close, .title = h_title, .message = h_message,
};

/* --- the screens' life ---------------------------------------------------------- */

void views_init(struct views *v, struct view_ctx *c, const struct library *lib, enum lang lang,
                const char *edition)
{
    browser_init(&v->browser, lib, lang, edition);
    pview_init(&v->pview, c->s, lang);
    aview_init(&v->aview, c->s, lang);
    fview_init(&v->fview, c->s);
    vstack_register(c->st, &browser_view, &v->browser);
    vstack_register(c->st, &profile_view, &v->pview);
    vstack_register(c->st, &assess_view, &v->aview);
    vstack_register(c->st, &findings_view, &v->fview);
    vstack_register(c->st, &help_view, &v->help);
    vstack_push(c->st, c, &browser_view);
}

void views_free(struct views *v)
{
    help_close(&v->help.help);
    browser_free(&v->browser);
    pview_free(&v->pview);
    aview_free(&v->aview);
    fview_free(&v->fview);
}

void views_rounds_loaded(struct views *v)
{
    aview_rounds_loaded(&v->aview);
}

void views_reset(struct views *v, struct session *s)
{
    enum lang pl = v->pview.lang, al = v->aview.lang;
    pview_free(&v->pview);
    pview_init(&v->pview, s, pl);
    aview_free(&v->aview);
    aview_init(&v->aview, s, al);
}
