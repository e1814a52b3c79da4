/* frame: what every screen has. The key bar, generated from the action
 * table: the keys that matter on the screen, help first, then the
 * screen's own, save and quit, the findings, then the views (they matter
 * least where space is short); each entry is recorded for mouse clicks. */
#ifndef KIJUN_FRAME_H
#define KIJUN_FRAME_H
#include "ui/actions.h"

void draw_keybar(enum view s, int y, int cols);
/* The notice of a terminal smaller than APP_MIN_COLS x APP_MIN_ROWS. */
void draw_too_small(int rows, int cols);
#endif
