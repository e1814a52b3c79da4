/* standard: the user's own standards (sector standards, internal rules)
 * beside the Guideline: their kinds, which of their items cover which
 * Guideline item, and how much of an edition a standard covers. Pure
 * functions over a linked gl_set, no I/O. */
#ifndef KIJUN_STANDARD_H
#define KIJUN_STANDARD_H
#include "model/guideline.h"

const char *kind_code(enum edition_kind k);              /* "sector-standard" */
const char *kind_name(enum edition_kind k, enum lang lang); /* translated */
int kind_parse(const char *s);                           /* the kind, or -1 */

/* Whether d is a date of the library format: YYYY, YYYY-MM or
 * YYYY-MM-DD, a month 01-12 and a day that month has. */
bool edition_date_valid(const char *d);
/* Whether the user's library reads a file of this name (no folder):
 * NAME.cfg, NAME not empty and not starting with '.' (hidden). */
bool userlib_name_read(const char *base);
/* Whether id may name a new file of the user's library: an id of 1-64
 * ASCII letters, digits, '.', '-' or '_' whose file ID.cfg is read. */
bool userlib_id_ok(const char *id);

/* Whether ed is a standard measured against the Guideline (a sector
 * standard or an internal rule, not an edition). */
bool is_standard(const struct gl_edition *ed);

/* How much of edition `target` the standard covers. An item of target
 * counts as covered when an item of the standard names it in `maps`;
 * naming a chapter does not cover the sections under it. */
struct coverage {
    const struct gl_edition *standard, *target;
    size_t covered, total;
    const struct gl_node **uncovered;   /* target's items not covered, in reading order */
    size_t nuncovered;
};
void coverage_compute(const struct gl_edition *standard, const struct gl_edition *target,
                      struct coverage *out);
void coverage_free(struct coverage *c);
/* The editions (kind edition, not the standard) that the standard's
 * items map into, in the set's order; fills up to max; returns how many. */
size_t coverage_targets(const struct gl_set *set, const struct gl_edition *standard,
                        const struct gl_edition **out, size_t max);
/* The items of standards (is_standard) that name node in their maps, in
 * the set's order. *out is a new array (NULL when none); returns how many. */
size_t coverage_covering(const struct gl_set *set, const struct gl_node *node,
                         const struct gl_node ***out);
#endif
