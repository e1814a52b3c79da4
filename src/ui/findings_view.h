/* findings_view: the findings screen: every finding of the open
 * workspace (profile.cfg, checklist.cfg, each round), as kijun check
 * gives them, grouped by file; Enter goes to the item a finding is
 * about, / searches. Computed again only when the session's generation
 * moved. */
#ifndef KIJUN_FINDINGS_VIEW_H
#define KIJUN_FINDINGS_VIEW_H
#include "core/findings.h"
#include "ui/actions.h"
#include "ui/assess_view.h"
#include "ui/browser.h"
#include "ui/profile_view.h"
#include "ui/lineedit.h"

struct fview {
    struct session *s;
    struct findings f;             /* as of generation gen */
    struct finding_group *groups;
    size_t ngroups;
    size_t *rows;                  /* per row: a finding's index, or FV_HEADER + group */
    size_t nrows;
    unsigned long gen;
    bool built;
    size_t cur, top;
    int page;
    struct prompt search;          /* the search prompt (/), open or not */
    size_t search_origin;          /* the row it started from */
    char *last_query;
    struct target jumped;          /* where Enter went: Esc or q there comes back */
    bool jumped_editing;           /* it opened a round's form or list */
    char message[640];
    bool message_is_error;
};
#define FV_HEADER ((size_t)1 << (sizeof(size_t) * 8 - 1))

/* Where the workbench goes after fview_jump. */
enum fv_goto { FV_STAY, FV_GUIDELINE, FV_PROFILE, FV_ASSESS };

void fview_init(struct fview *fv, struct session *s);
void fview_free(struct fview *fv);
/* Compute the findings when the workspace changed since (progress on
 * the message line when it takes long). */
void fview_refresh(struct fview *fv);
enum view fview_screen(const struct fview *fv);
/* An action of the screen (ACT_BACK is the caller's): true when used. */
bool fview_action(struct fview *fv, enum action a);
void fview_input(struct fview *fv, const char *utf8);
void fview_draw(struct fview *fv, int rows, int cols);
/* Enter: open the item of the selected finding in the view it belongs
 * to; FV_STAY (with a message) when it has none. */
enum fv_goto fview_jump(struct fview *fv, struct browser *b, struct pview *pv, struct aview *av);
/* After a jump, has the view in front been left (Esc, q) back towards
 * where it was opened, so that the findings come back? */
bool fview_left(const struct fview *fv, const struct pview *pv, const struct aview *av);
#endif
