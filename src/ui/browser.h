/* browser: the Guideline browser view: the chapter tree, the detail pane
 * of the selected item, breadcrumbs, edition switch with mapping and the
 * incremental search. */
#ifndef KIJUN_BROWSER_H
#define KIJUN_BROWSER_H
#include "model/library.h"
#include "model/outline.h"
#include "ui/actions.h"
#include "ui/lineedit.h"
#include <stdbool.h>

struct browser {
    const struct library *lib;
    enum lang lang;
    size_t ed;                    /* index into lib->gl.editions */
    struct outline *outlines;     /* one per edition, so each keeps its state */
    bool focus_detail;
    size_t detail_top;
    int detail_height;            /* rows of the detail pane at the last draw */
    int tree_height;
    struct prompt search;         /* the search prompt (/), open or not */
    char *last_query;             /* for n/N and highlighting */
    const struct gl_node *search_origin;
    char message[640];            /* for the status line; "" when none */
    bool message_is_error;
    struct editions *editions;    /* the editions screen when open (editions_view.c) */
    /* The highlight moves first; the breadcrumbs, the detail pane and the
     * position follow when no key is pending (browser_follow): until then
     * they show `shown`, as last drawn, and cost no bytes (draw_follow_later). */
    bool follow;
    bool offer_elsewhere;         /* the message offers the edition key for
                                     the search's matches in another edition */
    const struct gl_node *shown;
    size_t shown_pos, shown_top;
};

void browser_init(struct browser *b, const struct library *lib, enum lang lang,
                  const char *edition_id);
void browser_free(struct browser *b);
/* The screen whose bindings apply now (browser or prompt). */
enum view browser_screen(const struct browser *b);
/* Handle an action (ACT_NONE with a character for text input).
 * Returns true when the action was used. */
bool browser_action(struct browser *b, enum action a);
/* Text typed into the search prompt (UTF-8). */
void browser_input(struct browser *b, const char *utf8);
/* Draw the header, the panes and the status line in rows [0, rows-1);
 * the caller draws the key bar on the last row. */
void browser_draw(struct browser *b, int rows, int cols, const char *workspace);
const struct gl_edition *browser_edition(const struct browser *b);
#endif
