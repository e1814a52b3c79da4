/* frame: the chrome, what every screen has, drawn here for all: the
 * title bar with the breadcrumbs, the status line (with "[+] modified"
 * and "[read-only]" on every screen), the message setter, and the key
 * bar, generated from the action table: the keys that matter on the
 * screen in the table's order (help first, then the screen's own, save,
 * back and quit, the findings, then the views: they matter least where
 * space is short); each entry is recorded for mouse clicks. */
#ifndef KIJUN_FRAME_H
#define KIJUN_FRAME_H
#include "ui/actions.h"
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

struct session;

/* The workspace whose state every status line shows (set once). */
void chrome_set_session(const struct session *s);
/* The title bar on row 0: the breadcrumbs ("kijun > Profile > ..."). */
void chrome_title(int cols, const char *crumbs);
/* The status line on row y: the view's status, the workspace's flags
 * ([+] modified, [read-only]), and the message beside (ui/draw.h's
 * draw_status_message: wrapped, never cut). */
void chrome_status(int y, int cols, const char *status, const char *message, bool error);
/* The status line while a field is edited: its keys (the ones in force). */
void chrome_editing(int y, int cols);
/* A view's message: the text into buf (size bytes), its error flag. The
 * one setter every view's say() calls. */
void message_vset(char *buf, size_t size, bool *flag, bool error, const char *fmt, va_list ap)
    __attribute__((format(printf, 5, 0)));

void draw_keybar(enum view s, int y, int cols);
/* The notice of a terminal smaller than APP_MIN_COLS x APP_MIN_ROWS. */
/* refused: a key was pressed (and not taken) while the notice was up */
void draw_too_small(int rows, int cols, bool refused);
#endif
