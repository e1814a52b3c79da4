/* scope_view: step 2, the scoping: the services with their operations
 * and resources, Space puts one in scope or out (a service brings what it
 * depends on), a resource's "no risk" note, what left the profile. */
#include "config.h"
#include "ui/assess_private.h"
#include "core/rounds.h"
#include "ui/actions.h"
#include "ui/draw.h"
#include <stdio.h>
#include "model/labels.h"
#include "ui/scope_gone.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

static void scope_push(struct aview *av, int kind, size_t index)
{
    av->scope = xrealloc(av->scope, (av->nscope + 1) * sizeof *av->scope);
    av->scope[av->nscope++] = (struct scope_line){kind, index};
}

/* Services, each with its operations and their resources, then the
 * resources in scope that no service in the list reaches. */
void scope_build(struct aview *av)
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
    /* a line that went (one gone from the profile, taken out): the cursor
     * stays on the list */
    if (av->cur[AV_SCOPE] >= av->nscope)
        av->cur[AV_SCOPE] = av->nscope ? av->nscope - 1 : 0;
}

static bool in_scope(const struct round *r, int field, const char *id)
{
    return strlist_has(&r->head.v[field].list, id);
}

void scope_toggle(struct aview *av)
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
    say(av, false, P_("Service in scope, with %zu of its resources", "Service in scope, with %zu of its resources", added), added);
}

/* The operation of the line under the cursor: an operation's line, or
 * a resource's under it; NULL on a service or a resource no operation
 * uses. */
static const char *line_operation(struct aview *av, size_t at)
{
    const struct collection *ops = &prof(av)->c[COLL_OPERATIONS];
    for (size_t i = at + 1; i-- > 0 && i < av->nscope;) {
        const struct scope_line *l = &av->scope[i];
        if (l->kind == 1)
            return l->index < ops->n ? ops->r[l->index].id : NULL;
        if (l->kind != 2)
            return NULL;
    }
    return NULL;
}

static const char *cursor_operation(struct aview *av)
{
    return line_operation(av, av->cur[AV_SCOPE]);
}

void scope_add(struct aview *av)
{
    struct round *r = cur_round(av);
    if (!r || read_only(av, NULL) || read_only(av, r))
        return;
    const char *op = cursor_operation(av);
    const struct record *o = op ? coll_find(&prof(av)->c[COLL_OPERATIONS], op) : NULL;
    start_prompt(av, AVP_RESOURCE);
    if (o)
        say(av, false, _("Name of the new resource, used by \"%s\" and in scope; %s adds it, %s cancels"),
            rec_str(o, OP_NAME), action_key_str(ACT_EDIT_ACCEPT, SCREEN_PROMPT), action_key_str(ACT_EDIT_CANCEL, SCREEN_PROMPT));
    else
        say(av, false, _("Name of the new resource, in scope (no operation under the cursor uses it); %s adds it, %s cancels"),
            action_key_str(ACT_EDIT_ACCEPT, SCREEN_PROMPT), action_key_str(ACT_EDIT_CANCEL, SCREEN_PROMPT));
}

void scope_add_finish(struct aview *av, const char *name)
{
    struct round *r = cur_round(av);
    if (!r || !*name) {
        say(av, false, "%s", _("Nothing added: the resource has no name"));
        return;
    }
    const char *op = cursor_operation(av);
    const struct record *o = op ? coll_find(&prof(av)->c[COLL_OPERATIONS], op) : NULL;
    char *opname = o ? xstrdup(rec_str(o, OP_NAME)) : NULL;
    size_t at = core_scope_new_resource(av->s, r, name, op);
    if (at == (size_t)-1) {
        free(opname);
        return;
    }
    char key[16];
    action_key_name(ACT_VIEW_PROFILE, SCREEN_SCOPE, key, sizeof key);
    if (opname)
        say(av, false, _("Added \"%s\" to the profile, used by \"%s\", in scope; its kind is not set yet (%s: the profile)"),
            name, opname, key);
    else
        say(av, false, _("Added \"%s\" to the profile, in scope, used by no operation; its kind is not set yet (%s: the profile)"),
            name, key);
    free(opname);
    /* the cursor on the new line */
    scope_build(av);
    for (size_t i = 0; i < av->nscope; i++) {
        const char *lo = line_operation(av, i);
        if (av->scope[i].kind == 2 && av->scope[i].index == at && (!op || (lo && strcmp(lo, op) == 0))) {
            av->cur[AV_SCOPE] = i;
            break;
        }
    }
}

/* n on a resource in the scoping: its "no risk" note (the round's
 * `clear`), opened when there is one, else added and typed at once. */
void no_risk_note(struct aview *av)
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
        recedit_open_round(&av->edit, r, RSEC_CLEAR, (size_t)(note - c->r));
        av->editing = true;
        return;
    }
    if (read_only(av, r))
        return;
    recedit_round_add_id(&av->edit, r, RSEC_CLEAR, id);
    av->editing = !av->edit.done;
    if (av->editing)
        recedit_edit_field(&av->edit, CLEAR_NOTE);
}

void draw_scope(struct aview *av, int y, int height, int cols)
{
    struct round *r = cur_round(av);
    const struct profile *p = prof(av);
    const struct strlist *sl = &r->head.v[HEAD_SERVICES].list,
                         *rl = &r->head.v[HEAD_RESOURCES].list;
    char hint[300];
    snprintf(hint, sizeof hint, _("Scoping: %s puts a service or resource in scope (x) or out; %s adds a resource"),
             action_key_str(ACT_TOGGLE_SCOPE, SCREEN_SCOPE), action_key_str(ACT_ADD, SCREEN_SCOPE));
    draw_cell(y, 0, cols, hint,
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
            const char *kind = rec_str(res, RES_KIND);
            sb_printf(&sb, "        [%s] %s (%s)", strlist_has(rl, res->id) ? "x" : " ",
                      rec_str(res, RES_NAME), *kind ? enum_label(kind) : _("kind not set"));
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
