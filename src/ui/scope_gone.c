/* scope_gone: the scoping's lines for entries no longer in the profile. */
#include "config.h"
#include "ui/scope_gone.h"
#include "core/rounds.h"
#include "model/labels.h"
#include "ui/refnames.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <stdlib.h>

static const struct strlist *scope_list(const struct round *r, int kind)
{
    return &r->head.v[kind == SCOPE_GONE_SERVICE ? HEAD_SERVICES : HEAD_RESOURCES].list;
}

static const char *coll_key(int kind)
{
    return kind == SCOPE_GONE_SERVICE ? "services" : "resources";
}

void scope_gone_push(struct aview *av, const struct round *r)
{
    static const int kinds[] = {SCOPE_GONE_SERVICE, SCOPE_GONE_RESOURCE};
    for (size_t k = 0; r && k < sizeof kinds / sizeof *kinds; k++) {
        const struct strlist *l = scope_list(r, kinds[k]);
        int pc = kinds[k] == SCOPE_GONE_SERVICE ? COLL_SERVICES : COLL_RESOURCES;
        for (size_t i = 0; i < l->n; i++) {
            if (coll_find(&av->s->profile.c[pc], l->v[i]))
                continue;
            av->scope = xrealloc(av->scope, (av->nscope + 1) * sizeof *av->scope);
            av->scope[av->nscope++] = (struct scope_line){kinds[k], i};
        }
    }
}

void scope_gone_line(const struct aview *av, const struct round *r, const struct scope_line *l,
                     struct strbuf *out)
{
    struct strbuf *sb = out;
    const struct strlist *sl = scope_list(r, l->kind);
    const char *id = l->index < sl->n ? sl->v[l->index] : "";
    const char *name = refname_plain(av->s, r, coll_key(l->kind), id, NULL);
    if (l->kind == SCOPE_GONE_SERVICE) {
        sb_printf(sb, "[x] %s %s", name, refname_removed());
    } else {
        const char *kind = refkind(av->s, r, id);
        sb_printf(sb, "        [x] %s", name);
        if (*kind)
            sb_printf(sb, " (%s)", enum_label(kind));
        sb_printf(sb, " %s", refname_removed());
        const struct record *note = coll_find(&r->c[RC_CLEAR], id);
        if (note)
            sb_printf(sb, _(" - no risk: %s"), rec_str(note, CLEAR_NOTE));
    }
}

bool scope_gone_toggle(struct aview *av, struct round *r, const struct scope_line *l)
{
    if (l->kind != SCOPE_GONE_SERVICE && l->kind != SCOPE_GONE_RESOURCE)
        return false;
    const struct strlist *sl = scope_list(r, l->kind);
    if (l->index >= sl->n)
        return true;
    char *id = xstrdup(sl->v[l->index]);
    if (l->kind == SCOPE_GONE_SERVICE)
        core_scope_service(av->s, r, id, false);
    else
        core_scope_resource(av->s, r, id, false);
    free(id);
    snprintf(av->message, sizeof av->message, "%s",
             _("Out of scope: it is no longer in the profile, so it cannot be put back"));
    av->message_is_error = false;
    return true;
}
