/* standard: kinds of library files and coverage of the Guideline. */
#include "config.h"
#include "util/i18n.h"
#include "model/standard.h"
#include "model/record.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_codes[KIND__COUNT] = {"edition", "sector-standard", "internal-rule"};

const char *kind_code(enum edition_kind k)
{
    return k < KIND__COUNT ? kind_codes[k] : "?";
}

const char *kind_name(enum edition_kind k, enum lang lang)
{
    static const char *const ja[KIND__COUNT] = {"指針の版", "分野の安全基準等", "内規"};
    static const char *const en[KIND__COUNT] = {"Guideline edition", "sector standard", "internal rule"};
    if (k >= KIND__COUNT)
        return "?";
    return lang == LANG_JA ? ja[k] : en[k];
}

int kind_parse(const char *s)
{
    for (int i = 0; i < KIND__COUNT; i++)
        if (strcmp(kind_codes[i], s) == 0)
            return i;
    return -1;
}

bool edition_date_valid(const char *d)
{
    size_t n = strlen(d);
    char full[11];
    if (n == 4 && snprintf(full, sizeof full, "%s-01-01", d) == 10)
        return date_valid(full);
    if (n == 7 && snprintf(full, sizeof full, "%s-01", d) == 10)
        return date_valid(full);
    return n == 10 && date_valid(d);
}

bool userlib_name_read(const char *base)
{
    size_t n = strlen(base);
    return n > 4 && base[0] != '.' && strchr(base, '/') == NULL && strcmp(base + n - 4, ".cfg") == 0;
}

bool userlib_id_ok(const char *id)
{
    return id_syntax_ok(id, 64) && id[0] != '.';
}

bool is_standard(const struct gl_edition *ed)
{
    return ed->kind == KIND_SECTOR_STANDARD || ed->kind == KIND_INTERNAL_RULE;
}

/* Does some item of the standard name node in its maps? */
static bool names_node(const struct gl_edition *standard, const struct gl_node *node)
{
    for (size_t i = 0; i < standard->nnodes; i++) {
        const struct gl_node *s = standard->nodes[i];
        for (size_t k = 0; s->map_nodes && k < s->nmaps; k++)
            if (s->map_nodes[k] == node)
                return true;
    }
    return false;
}

void coverage_compute(const struct gl_edition *standard, const struct gl_edition *target,
                      struct coverage *out)
{
    memset(out, 0, sizeof *out);
    out->standard = standard;
    out->target = target;
    out->total = target->nnodes;
    if (target->nnodes)
        out->uncovered = xcalloc(target->nnodes, sizeof *out->uncovered);
    for (size_t i = 0; i < target->nnodes; i++) {
        if (names_node(standard, target->nodes[i]))
            out->covered++;
        else
            out->uncovered[out->nuncovered++] = target->nodes[i];
    }
}

void coverage_free(struct coverage *c)
{
    free(c->uncovered);
    memset(c, 0, sizeof *c);
}

size_t coverage_targets(const struct gl_set *set, const struct gl_edition *standard,
                        const struct gl_edition **out, size_t max)
{
    size_t n = 0;
    for (size_t e = 0; e < set->n && n < max; e++) {
        const struct gl_edition *ed = set->editions[e];
        if (ed == standard || ed->kind != KIND_EDITION)
            continue;
        bool hit = false;
        for (size_t i = 0; !hit && i < standard->nnodes; i++) {
            const struct gl_node *s = standard->nodes[i];
            for (size_t k = 0; s->map_nodes && k < s->nmaps; k++)
                hit |= s->map_nodes[k] && s->map_nodes[k]->edition == ed;
        }
        if (hit)
            out[n++] = ed;
    }
    return n;
}

size_t coverage_covering(const struct gl_set *set, const struct gl_node *node,
                         const struct gl_node ***out)
{
    const struct gl_node **v = NULL;
    size_t n = 0, cap = 0;
    for (size_t e = 0; e < set->n; e++) {
        const struct gl_edition *ed = set->editions[e];
        if (!is_standard(ed) || ed == node->edition)
            continue;
        for (size_t i = 0; i < ed->nnodes; i++) {
            const struct gl_node *s = ed->nodes[i];
            bool hit = false;
            for (size_t k = 0; s->map_nodes && k < s->nmaps; k++)
                hit |= s->map_nodes[k] == node;
            if (hit) {
                v = xgrow(v, &cap, n + 1, sizeof *v);
                v[n++] = s;
            }
        }
    }
    *out = v;
    return n;
}
