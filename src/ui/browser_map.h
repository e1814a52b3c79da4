/* browser_map: what the browser's detail pane says of the user's
 * standards (sector standards, internal rules): on a Guideline item,
 * which of their items cover it; on a standard's item, the Guideline
 * items it implements and how much of each edition the standard covers.
 * Lines go out through a callback (the detail pane's field). */
#ifndef KIJUN_BROWSER_MAP_H
#define KIJUN_BROWSER_MAP_H
#include "model/guideline.h"

/* label (may be "") and value of one field of the detail pane */
typedef void (*bmap_field_fn)(void *ctx, const char *label, const char *value);

/* On a standard's item: "Implements" and its Guideline items; returns
 * true (the editions' mapping is not shown then), else false. */
bool browser_map_implements(const struct gl_set *set, const struct gl_node *n, enum lang lang,
                            bmap_field_fn field, void *ctx);
/* On a Guideline item, when standards are loaded: "Covered by" and
 * their items that name it. */
void browser_map_covered(const struct gl_set *set, const struct gl_node *n, enum lang lang,
                         bmap_field_fn field, void *ctx);
/* On a standard's item: for each edition it maps into, "N of M items of
 * edition E covered" and the items not covered. */
void browser_map_coverage(const struct gl_set *set, const struct gl_node *n, enum lang lang,
                          bmap_field_fn field, void *ctx);
#endif
