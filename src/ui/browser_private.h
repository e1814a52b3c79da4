/* browser_private: what the browser's files share (browser.c, the view;
 * browser_search.c, its search). */
#ifndef KIJUN_BROWSER_PRIVATE_H
#define KIJUN_BROWSER_PRIVATE_H
#include "ui/browser.h"
#include <stdarg.h>

/* The message of the status line. */
void browser_say(struct browser *b, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The edition shown's outline. */
struct outline *browser_outline(struct browser *b);
/* An action while the search prompt is open. */
bool browser_prompt_action(struct browser *b, enum action a);
/* n (dir 1) and N (dir -1): the next or previous match. */
void browser_search_step(struct browser *b, int dir);
/* The edition key after a search without match here: to the first
 * edition with matches, on its first match; false when there is none. */
bool browser_search_elsewhere(struct browser *b);
/* The search prompt on line y, the cursor in it. */
void browser_draw_prompt(struct browser *b, int y, int cols);
#endif
