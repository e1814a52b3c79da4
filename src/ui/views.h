/* views: the ops tables of the workbench's screens (ui/view.h). Each is
 * registered with the screen's state as its self: browser_view with a
 * struct browser, profile_view a struct pview, assess_view a struct
 * aview, findings_view a struct fview, help_view a struct help_view. */
#ifndef KIJUN_VIEWS_H
#define KIJUN_VIEWS_H
#include "ui/assess_view.h"
#include "ui/browser.h"
#include "ui/findings_view.h"
#include "ui/help.h"
#include "ui/profile_view.h"
#include "ui/view.h"

struct help_view {
    struct help help;
    int page;          /* rows of help at the last draw */
    char message[8];   /* unused: messages go to the screen under the help */
    bool message_is_error;
};

extern const struct view_ops browser_view, profile_view, assess_view, findings_view, help_view;

/* Every screen's state. */
struct views {
    struct browser browser;
    struct pview pview;
    struct aview aview;
    struct fview fview;
    struct help_view help;
};

/* Make every screen, register it on c's stack, and bring the Guideline
 * browser to the front (the first screen). */
void views_init(struct views *v, struct view_ctx *c, const struct library *lib, enum lang lang,
                const char *edition);
void views_free(struct views *v);
/* The rounds are loaded (session_open_finish): the assessment starts on the newest. */
void views_rounds_loaded(struct views *v);
/* The documents were read again: the screens that hold places in them
 * start again from their top. */
void views_reset(struct views *v, struct session *s);
#endif
