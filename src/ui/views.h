/* views: the ops tables of the workbench's screens (ui/view.h). Each is
 * registered with the screen's state as its self: browser_view with a
 * struct browser, profile_view a struct pview, assess_view a struct
 * aview, findings_view a struct fview, help_view a struct help_view. */
#ifndef KIJUN_VIEWS_H
#define KIJUN_VIEWS_H
#include "ui/help.h"
#include "ui/view.h"

struct help_view {
    struct help help;
    int page;          /* rows of help at the last draw */
    char message[8];   /* unused: messages go to the screen under the help */
    bool message_is_error;
};

extern const struct view_ops browser_view, profile_view, assess_view, findings_view, help_view;
#endif
