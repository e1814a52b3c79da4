/* app: the workbench's main loop: one screen at a time, keys dispatched
 * to the focused view, one doupdate() per key, re-layout on resize, a
 * notice when the terminal is too small. */
#ifndef KIJUN_APP_H
#define KIJUN_APP_H
#include "model/library.h"
#include "model/text.h"
#include "core/session.h"
#include <stdbool.h>

#define APP_MIN_COLS 60
#define APP_MIN_ROWS 16

struct app_options {
    struct library *lib;
    enum lang lang;
    struct session *session;      /* the workspace (may be read-only) */
    const char *edition;          /* initial edition id, or NULL */
    bool utf8;                    /* the terminal can show UTF-8 */
    bool color;
    bool mouse;                   /* clicks and the wheel (mousemask) */
    const char *notice;           /* a message for the start (kijunrc's findings), or NULL */
};

/* Run the workbench until the user quits; returns an exit status. */
int app_run(const struct app_options *opt);
#endif
