/* settings: kijunrc put to work: its keys into the action table, its
 * styles into the theme, its mouse switch; the findings summed up for
 * the message line. */
#ifndef KIJUN_SETTINGS_H
#define KIJUN_SETTINGS_H
#include "store/rcfile.h"
#include "util/diag.h"
#include <stdbool.h>

/* The names and the key syntax kijunrc may use (the screen's). */
const struct rc_vocab *settings_vocab(void);
/* Read kijunrc at path and apply it (call before the screen starts);
 * findings go to dl as FILE:LINE. A missing file gives RC_MISSING and no
 * finding. *mouse is set when the file says mouse = true or false. Two
 * actions given the same key on a common screen: the later keeps its
 * default keys (a warning). */
enum rc_status settings_load(const char *path, bool *mouse, struct diag_list *dl);
/* The edition kijunrc's last settings_load named ("" when none). */
const char *settings_edition(void);
/* The first finding and how many more, for the message line at start
 * (~ for the home folder); NULL without findings. New string. */
char *settings_summary(const struct diag_list *dl);
#endif
