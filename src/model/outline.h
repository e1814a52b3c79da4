/* outline: the view-model of a Guideline tree on screen (no drawing):
 * which nodes are expanded, the visible rows, the cursor and scrolling,
 * search over titles and summaries. */
#ifndef KIJUN_OUTLINE_H
#define KIJUN_OUTLINE_H
#include "model/guideline.h"
#include <stdbool.h>
#include <stddef.h>

struct outline {
    const struct gl_edition *ed;
    bool *expanded;            /* per node index */
    struct gl_node **rows;     /* visible nodes */
    size_t nrows, rows_cap;
    size_t cur;                /* row of the cursor */
    size_t top;                /* first row on screen */
};

void outline_init(struct outline *o, const struct gl_edition *ed);
void outline_free(struct outline *o);
struct gl_node *outline_current(const struct outline *o);
/* Move the cursor by delta rows (clamped). */
void outline_move(struct outline *o, long delta);
void outline_first(struct outline *o);
void outline_last(struct outline *o);
/* Expand the current node; returns false when it has no children or is
 * expanded already. */
bool outline_expand(struct outline *o);
/* Collapse the current node, or when it is collapsed (or a leaf) move to
 * its parent. */
void outline_collapse_or_parent(struct outline *o);
/* Expand (or collapse) every node. */
void outline_expand_all(struct outline *o, bool expand);
/* Put the cursor on node, expanding its ancestors. */
void outline_select(struct outline *o, const struct gl_node *node);
/* Keep the cursor inside a window of `height` rows. */
void outline_scroll(struct outline *o, size_t height);

/* Does the node's number, title or summary (in lang) contain query,
 * ignoring ASCII case and full-width/half-width differences? */
bool outline_node_matches(const struct gl_node *n, const char *query, enum lang lang);
/* Select the next (dir > 0) or previous matching node in reading order,
 * starting after (or before) the current node and wrapping; when
 * include_current, the current node itself may match. Returns false
 * when nothing matches. */
bool outline_search(struct outline *o, const char *query, enum lang lang, int dir,
                    bool include_current);
/* Number of nodes matching, and the 1-based rank of the current one
 * among them (0 when it does not match). */
size_t outline_match_count(const struct outline *o, const char *query, enum lang lang,
                           size_t *rank);
/* Find query in s as outline_node_matches does; *off and *len give the
 * byte range of the first match in s. */
bool text_find_fold(const char *s, const char *query, size_t *off, size_t *len);
#endif
