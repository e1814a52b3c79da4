/* app: the workbench's main loop: one screen at a time, keys dispatched
 * to the focused view, one doupdate() per key, re-layout on resize, a
 * notice when the terminal is too small. */
#ifndef KIJUN_APP_H
#define KIJUN_APP_H
#include "model/library.h"
#include "model/text.h"
#include <stdbool.h>

#define APP_MIN_COLS 60
#define APP_MIN_ROWS 16

struct app_options {
    struct library *lib;
    enum lang lang;
    const char *workspace_label;  /* shown on the status line */
    const char *edition;          /* initial edition id, or NULL */
    bool utf8;                    /* the terminal can show UTF-8 */
    bool color;
};

/* Run the workbench until the user quits; returns an exit status. */
int app_run(const struct app_options *opt);
#endif
