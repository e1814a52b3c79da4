/* deps_view: the profile view's dependency view (deps_view.h): each
 * priority service with the business operations that serve it and the
 * resources they use, the gaps marked, then the resources that nothing
 * uses; Enter opens the entry of a line in the view's editor. */
#include "config.h"
#include "ui/deps_view.h"
#include "ui/draw.h"
#include "model/labels.h"
#include "ui/rows.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static void dep_add(struct pview *pv, int coll, size_t index, bool warn, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

void deps_free(struct pview *pv)
{
    for (size_t i = 0; i < pv->ndeps; i++)
        free(pv->deps[i].text);
    free(pv->deps);
    pv->deps = NULL;
    pv->ndeps = 0;
}

static void dep_add(struct pview *pv, int coll, size_t index, bool warn, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char buf[1024];
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    pv->deps = xrealloc(pv->deps, (pv->ndeps + 1) * sizeof *pv->deps);
    pv->deps[pv->ndeps++] = (struct dep_line){xstrdup(buf), coll, index, warn};
}

void deps_build(struct pview *pv)
{
    deps_free(pv);
    const struct profile *p = &pv->s->profile;
    const struct collection *sv = &p->c[COLL_SERVICES], *ops = &p->c[COLL_OPERATIONS],
                            *rs = &p->c[COLL_RESOURCES];
    int f_os = OP_SERVICES, f_ro = RES_OPERATIONS,
        f_rd = RES_DEPENDS;
    const char *branch = glyph("\xE2\x94\x9C\xE2\x94\x80 ", "+- ");
    const char *pipe = glyph("\xE2\x94\x82     ", "|     ");
    for (size_t i = 0; i < sv->n; i++) {
        const struct record *s = &sv->r[i];
        long long mtd = rec_int(s, SVC_MTD_HOURS, -1);
        if (mtd >= 0)
            dep_add(pv, COLL_SERVICES, i, false, _("%s (max. downtime %lld h)"),
                    rec_str(s, SVC_NAME), mtd);
        else
            dep_add(pv, COLL_SERVICES, i, false, "%s", rec_str(s, SVC_NAME));
        size_t nops = 0;
        for (size_t k = 0; k < ops->n; k++) {
            if (!strlist_has(&ops->r[k].v[f_os].list, s->id))
                continue;
            nops++;
            dep_add(pv, COLL_OPERATIONS, k, false, "  %s%s", branch, rec_str(&ops->r[k], OP_NAME));
            size_t nres = 0;
            for (size_t j = 0; j < rs->n; j++) {
                const struct record *r = &rs->r[j];
                if (!strlist_has(&r->v[f_ro].list, ops->r[k].id))
                    continue;
                nres++;
                struct strbuf sb = STRBUF_INIT;
                for (size_t d = 0; d < r->v[f_rd].list.n; d++) {
                    sb_adds(&sb, d ? ", " : _(" -> needs "));
                    sb_adds(&sb, recedit_ref_label(&pv->edit, "resources", r->v[f_rd].list.v[d]));
                }
                dep_add(pv, COLL_RESOURCES, j, false, "  %s[%s] %s%s", pipe, enum_label(rec_str(r, RES_KIND)),
                        rec_str(r, RES_NAME), sb_str(&sb));
                sb_free(&sb);
            }
            if (!nres)
                dep_add(pv, COLL_OPERATIONS, k, true, "  %s%s", pipe, _("! no resource is recorded for this operation"));
        }
        if (!nops)
            dep_add(pv, COLL_SERVICES, i, true, "  %s", _("! no business operation serves this service"));
        dep_add(pv, -1, 0, false, "%s", "");
    }
    bool heading = false;
    for (size_t j = 0; j < rs->n; j++) {
        if (!resource_unused(p, &rs->r[j]))
            continue;
        if (!heading)
            dep_add(pv, -1, 0, true, "%s", _("Resources that nothing uses:"));
        heading = true;
        dep_add(pv, COLL_RESOURCES, j, true, "  [%s] %s", enum_label(rec_str(&rs->r[j], RES_KIND)),
                rec_str(&rs->r[j], RES_NAME));
    }
    if (!heading)
        dep_add(pv, -1, 0, false, "%s", _("Every resource is used by an operation or another resource."));
    if (pv->deps_cur >= pv->ndeps)
        pv->deps_cur = pv->ndeps ? pv->ndeps - 1 : 0;
}

bool deps_action(struct pview *pv, enum action a)
{
    if (rows_move(&pv->deps_cur, pv->ndeps, a, pv->page))
        return true;
    if (a == ACT_BACK) {
        pv->level = PV_MENU;
        return true;
    }
    if (a == ACT_SELECT && pv->deps_cur < pv->ndeps && pv->deps[pv->deps_cur].coll >= 0)
        pview_open_entry(pv, pv->deps[pv->deps_cur].coll, pv->deps[pv->deps_cur].index);
    return a == ACT_SELECT && pv->level == PV_EDIT;
}

static char *deps_line(void *ctx, size_t i, bool *warn)
{
    struct pview *pv = ctx;
    *warn = pv->deps[i].warn;
    return xstrdup(pv->deps[i].text);
}

void deps_draw(struct pview *pv, int y, int height, int cols)
{
    deps_build(pv);
    rows_draw(y, height, cols, pv->ndeps, &pv->deps_cur, &pv->deps_top, deps_line, pv);
}
