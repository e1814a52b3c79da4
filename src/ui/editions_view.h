/* editions_view: the browser's editions screen: the lineage of each
 * edition (dates, status on today, successor, source and confidence),
 * what kijun ships (text) and what it does not (metadata only), and how
 * to add a text; Enter opens an edition with text in the browser. */
#ifndef KIJUN_EDITIONS_VIEW_H
#define KIJUN_EDITIONS_VIEW_H
#include "model/guideline.h"
#include "ui/actions.h"
#include <stdbool.h>

struct browser;

/* Open or close the screen on the browser b (b->editions). */
void editions_open(struct browser *b);
void editions_close(struct browser *b);
bool editions_action(struct browser *b, enum action a);
void editions_draw(struct browser *b, int rows, int cols, const char *workspace);
/* The status of ed today ($KIJUN_TODAY in tests), named in lang. */
const char *editions_status(const struct gl_edition *ed, enum lang lang);
#endif
