/* help: the help screen, generated from the action table for the screen
 * the user came from. */
#ifndef KIJUN_HELP_H
#define KIJUN_HELP_H
#include "ui/actions.h"
#include <stdbool.h>
#include <stddef.h>

struct help {
    enum view from;   /* screen whose keys are shown */
    size_t top;         /* first line shown */
    char **lines;       /* built on open; "\x01" marks a heading line */
    size_t nlines;
    size_t shown;       /* lines after wrapping to the screen, at the last draw */
};

void help_open(struct help *h, enum view from);
void help_close(struct help *h);
/* Handle an action; returns false when the help should close. */
bool help_action(struct help *h, enum action a, int page);
void help_draw(struct help *h, int y, int height, int width);
#endif
