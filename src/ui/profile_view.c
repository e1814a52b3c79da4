/* profile_view: the profile view: the section menu, the dependency view
 * (deps_view.c) and, for the lists and forms of the sections, a record
 * editor (ui/recedit.h) given the profile's table of sections; the
 * view's life and the dispatch of its actions and drawing. */
#include "config.h"
#include "model/rules.h"
#include "ui/profile_view.h"
#include "ui/deps_view.h"
#include "ui/frame.h"
#include "model/supplier.h"
#include "ui/draw.h"
#include "model/labels.h"
#include "ui/rows.h"
#include "core/rounds.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct section sections[] = {
    {SEC_ORG, -1, N_("Organisation")},
    {SEC_COLL, COLL_ROLES, N_("Governance roles")},
    {SEC_COLL, COLL_GOVERNANCE, N_("Governance items")},
    {SEC_COLL, COLL_SERVICES, N_("Priority services")},
    {SEC_COLL, COLL_OPERATIONS, N_("Business operations")},
    {SEC_COLL, COLL_RESOURCES, N_("Management resources")},
    {SEC_CRITERIA, -1, N_("Risk criteria")},
    {SEC_COLL, COLL_IMPACT, N_("Impact scale")},
    {SEC_COLL, COLL_LIKELIHOOD, N_("Likelihood scale")},
    {SEC_DEPS, -1, N_("Dependencies")},
};
#define NSECTIONS (sizeof sections / sizeof *sections)

static void open_section(struct pview *pv);

static void say(struct pview *pv, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* The view's message line is its editor's. */
static void say(struct pview *pv, bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    message_vset(pv->edit.message, sizeof pv->edit.message, &pv->edit.message_is_error, error, fmt, ap);
    va_end(ap);
}

/* The editor was left: the menu again. */
static void back_from_edit(struct pview *pv)
{
    if (pv->edit.done) {
        pv->edit.done = false;
        pv->level = PV_MENU;
    }
}

/* --- life ----------------------------------------------------------------- */

void pview_init(struct pview *pv, struct session *s, enum lang lang)
{
    memset(pv, 0, sizeof *pv);
    pv->s = s;
    pv->lang = lang;
    recedit_init(&pv->edit, s, lang, sections);
    pv->page = 10;
}

void pview_add_resource(struct pview *pv)
{
    for (size_t i = 0; i < NSECTIONS; i++)
        if (sections[i].coll == COLL_RESOURCES)
            pv->menu_cur = i;
    open_section(pv);
    recedit_add(&pv->edit);
    say(pv, false, _("New resource for the scoping: fill it in, %s saves, %s returns to the round"),
        action_key_str(ACT_SAVE, SCREEN_FORM), action_key_str(ACT_VIEW_ASSESS, SCREEN_FORM));
}

void pview_free(struct pview *pv)
{
    recedit_free(&pv->edit);
    deps_free(pv);
}

enum view pview_screen(const struct pview *pv)
{
    switch (pv->level) {
    case PV_MENU: return SCREEN_PROFILE;
    case PV_EDIT: return recedit_screen(&pv->edit);
    default: return SCREEN_DEPS;
    }
}

/* --- the menu ----------------------------------------------------------------- */

static void open_section(struct pview *pv)
{
    recedit_open_section(&pv->edit, pv->menu_cur); /* its cursors from the top */
    if (sections[pv->menu_cur].kind == SEC_DEPS) {
        pv->level = PV_DEPS;
        pv->deps_cur = pv->deps_top = 0;
        deps_build(pv);
    } else {
        pv->level = PV_EDIT;
    }
}

void pview_open_entry(struct pview *pv, int coll, size_t index)
{
    enum sec_kind kind = coll == -1 ? SEC_ORG : coll == -2 ? SEC_CRITERIA : SEC_COLL;
    size_t sec = pv->edit.section;
    for (size_t i = 0; i < NSECTIONS; i++)
        if (sections[i].kind == kind && (kind != SEC_COLL || sections[i].coll == coll))
            sec = i;
    recedit_open_entry(&pv->edit, sec, index);
    pv->level = PV_EDIT;
}

void pview_input(struct pview *pv, const char *utf8)
{
    recedit_input(&pv->edit, utf8);
}

void pview_answer(struct pview *pv, enum answer ans)
{
    recedit_answer(&pv->edit, ans);
    back_from_edit(pv);
}

bool pview_action(struct pview *pv, enum action a)
{
    if (pv->level == PV_EDIT) {
        bool used = recedit_action(&pv->edit, a);
        back_from_edit(pv);
        return used;
    }
    pv->edit.message[0] = '\0';
    switch (pv->level) {
    case PV_MENU:
        if (rows_move(&pv->menu_cur, NSECTIONS, a, pv->page))
            return true;
        if (a == ACT_SELECT) {
            open_section(pv);
            return true;
        }
        return false;
    case PV_EDIT: return false; /* the editor's, above */
    case PV_DEPS: return deps_action(pv, a);
    }
    return false;
}

/* --- drawing ------------------------------------------------------------------ */

static char *menu_line(void *ctx, size_t i, bool *warn)
{
    struct pview *pv = ctx;
    const struct section *sec = &sections[i];
    const struct profile *p = &pv->s->profile;
    struct strbuf sb = STRBUF_INIT;
    sb_adds(&sb, _(sec->label));
    for (int w = utf8_width(_(sec->label)); w < 24; w++)
        sb_addc(&sb, ' ');
    if (sec->kind == SEC_COLL) {
        sb_printf(&sb, " %3zu", p->c[sec->coll].n);
        if (sec->coll == COLL_SERVICES) {
            size_t gaps = 0;
            for (size_t k = 0; k < p->c[COLL_SERVICES].n; k++)
                gaps += service_operation_count(p, p->c[COLL_SERVICES].r[k].id) == 0;
            if (gaps) {
                sb_printf(&sb, P_("   ! %zu without operations", "   ! %zu without operations", gaps), gaps);
                *warn = true;
            }
        } else if (sec->coll == COLL_RESOURCES) {
            size_t unused = 0;
            for (size_t k = 0; k < p->c[COLL_RESOURCES].n; k++)
                unused += resource_unused(p, &p->c[COLL_RESOURCES].r[k]);
            sb_printf(&sb, P_(" (%zu supplier)", " (%zu suppliers)", profile_supplier_count(p)), profile_supplier_count(p));
            if (unused) {
                sb_printf(&sb, _("   ! %zu that nothing uses"), unused);
                *warn = true;
            }
        }
    } else if (sec->kind == SEC_ORG) {
        sb_printf(&sb, "     %s", rec_str(&p->org, ORG_NAME));
    } else if (sec->kind == SEC_CRITERIA) {
        sb_printf(&sb, _("     %zux%zu, %s, threshold %lld"), p->c[COLL_IMPACT].n, p->c[COLL_LIKELIHOOD].n,
                  enum_label(rec_str(&p->criteria, CRIT_RULE)),
                  rec_int(&p->criteria, CRIT_THRESHOLD, 0));
    } else {
        sb_adds(&sb, _("     service -> operations -> resources"));
    }
    return sb_take(&sb);
}

/* The breadcrumbs of the menu and the dependency view (the editor draws its own). */
static void draw_header(struct pview *pv, int cols)
{
    struct strbuf sb = STRBUF_INIT;
    const char *sep = glyph(" \xE2\x80\xBA ", " > ");
    sb_printf(&sb, "kijun%s%s", sep, _("Profile"));
    if (pv->level == PV_DEPS)
        sb_printf(&sb, "%s%s", sep, _(sections[pv->menu_cur].label));
    chrome_title(cols, sb_str(&sb));
    sb_free(&sb);
}

void pview_draw(struct pview *pv, int rows, int cols)
{
    int body = rows - 3;
    pv->page = body > 2 ? body - 1 : 1;
    if (pv->level == PV_EDIT) {
        recedit_draw(&pv->edit, rows, cols);
        return;
    }
    draw_header(pv, cols);
    int y = 1;
    char bad[400];
    if (pv->level == PV_MENU && session_profile_unreadable(pv->s, bad, sizeof bad)) {
        /* not an empty profile: the file's error */
        struct strbuf t = STRBUF_INIT;
        sb_printf(&t, _("The profile could not be read: %s"), bad);
        draw_cell(y, 0, cols, sb_str(&t), role_attr(ROLE_NOTICE));
        sb_free(&t);
        for (int i = y + 1; i < y + body; i++)
            draw_blank(i, 0, cols, role_attr(ROLE_NORMAL));
    } else if (pv->level == PV_MENU) {
        const char *name = rec_str(&pv->s->profile.org, ORG_NAME);
        struct strbuf t = STRBUF_INIT;
        sb_printf(&t, _("Organisation profile: %s"), *name ? name : "-");
        draw_cell(y, 0, cols, sb_str(&t), role_attr(ROLE_HEADING));
        sb_free(&t);
        size_t top = 0;
        rows_draw(y + 1, body - 1, cols, NSECTIONS, &pv->menu_cur, &top, menu_line, pv);
    } else {
        deps_draw(pv, y, body, cols);
    }
    recedit_draw_status(&pv->edit, rows - 2, cols); /* the profile's file, the view's message */
}
