/* browser_map: the user's standards in the browser's detail pane. */
#include "config.h"
#include "ui/browser_map.h"
#include "model/standard.h"
#include "ui/draw.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <stdlib.h>

/* "LABEL: II．1. heading" */
static void node_line(struct strbuf *v, const char *arrow, const struct gl_node *t, enum lang lang)
{
    char *h = gl_node_long_heading(t, lang);
    sb_printf(v, "%s%s: %s", arrow, text_get(&t->edition->label, lang), h);
    free(h);
}

static bool any_standard(const struct gl_set *set)
{
    for (size_t i = 0; i < set->n; i++)
        if (is_standard(set->editions[i]))
            return true;
    return false;
}

bool browser_map_implements(const struct gl_set *set, const struct gl_node *n, enum lang lang,
                            bmap_field_fn field, void *ctx)
{
    (void)set;
    if (!is_standard(n->edition))
        return false;
    const char *arrow = glyph("\xE2\x86\x92 ", "-> ");
    struct strbuf v = STRBUF_INIT;
    sb_printf(&v, "%s (%s)", kind_name(n->edition->kind, lang),
              n->edition->issuer ? n->edition->issuer : "");
    field(ctx, _("Kind"), sb_str(&v));
    sb_reset(&v);
    if (!n->nmaps)
        field(ctx, _("Implements"), _("no Guideline item named (maps)"));
    for (size_t k = 0; k < n->nmaps; k++) {
        const struct gl_node *t = n->map_nodes ? n->map_nodes[k] : NULL;
        if (t)
            node_line(&v, arrow, t, lang);
        else
            sb_printf(&v, _("%s%s: no such item (kijun check)"), arrow, n->maps[k]);
        field(ctx, k == 0 ? _("Implements") : "", sb_str(&v));
        sb_reset(&v);
    }
    sb_free(&v);
    return true;
}

void browser_map_covered(const struct gl_set *set, const struct gl_node *n, enum lang lang,
                         bmap_field_fn field, void *ctx)
{
    if (is_standard(n->edition) || !any_standard(set))
        return;
    const struct gl_node **v;
    size_t k = coverage_covering(set, n, &v);
    if (!k)
        field(ctx, _("Covered by"), _("no item of the loaded standards"));
    struct strbuf s = STRBUF_INIT;
    for (size_t i = 0; i < k; i++) {
        node_line(&s, glyph("\xE2\x86\x90 ", "<- "), v[i], lang);
        field(ctx, i == 0 ? _("Covered by") : "", sb_str(&s));
        sb_reset(&s);
    }
    sb_free(&s);
    free(v);
}

void browser_map_coverage(const struct gl_set *set, const struct gl_node *n, enum lang lang,
                          bmap_field_fn field, void *ctx)
{
    const struct gl_edition *std = n->edition;
    if (!is_standard(std))
        return;
    const struct gl_edition *targets[16];
    size_t nt = coverage_targets(set, std, targets, 16);
    struct strbuf v = STRBUF_INIT;
    field(ctx, "", "");
    if (!nt)
        field(ctx, _("Coverage"), _("no item of this standard names a Guideline item (maps)"));
    for (size_t t = 0; t < nt; t++) {
        struct coverage c;
        coverage_compute(std, targets[t], &c);
        sb_printf(&v, P_("%zu of %zu item of edition %s covered", "%zu of %zu items of edition %s covered",
                         c.total),
                  c.covered, c.total, text_get(&targets[t]->label, lang));
        field(ctx, t == 0 ? _("Coverage") : "", sb_str(&v));
        sb_reset(&v);
        for (size_t i = 0; i < c.nuncovered; i++) {
            char *h = gl_node_long_heading(c.uncovered[i], lang);
            sb_printf(&v, "%s%s", glyph("\xE2\x80\xA2 ", "* "), h);
            field(ctx, i == 0 ? _("Not covered") : "", sb_str(&v));
            sb_reset(&v);
            free(h);
        }
        coverage_free(&c);
    }
    sb_free(&v);
}
