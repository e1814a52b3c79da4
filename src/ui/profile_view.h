/* profile_view: the organisation-profile view: the section menu, the
 * dependency view from priority services through operations to
 * resources (ui/deps_view.h), and a record editor (ui/recedit.h) for the
 * list of a section's entries and the form of one. */
#ifndef KIJUN_PROFILE_VIEW_H
#define KIJUN_PROFILE_VIEW_H
#include "ui/actions.h"
#include "ui/recedit.h"
#include "core/session.h"
#include <stdbool.h>

/* PV_EDIT: the editor is in front (a list or a form). */
enum pv_level { PV_MENU, PV_EDIT, PV_DEPS };

struct dep_line {
    char *text;
    int coll;            /* profile collection of the entry, -1 for none */
    size_t index;        /* its index there */
    bool warn;           /* a gap worth attention */
};

struct pview {
    struct session *s;
    enum lang lang;
    enum pv_level level;
    size_t menu_cur;
    struct dep_line *deps;
    size_t ndeps, deps_cur, deps_top;
    int page;
    struct recedit edit;  /* the lists and forms; its message line is the view's */
};

void pview_init(struct pview *pv, struct session *s, enum lang lang);
void pview_free(struct pview *pv);
/* Open the profile's resources and add one (asked for by the scoping). */
void pview_add_resource(struct pview *pv);
/* Open the form of a profile entry: coll a COLL_*, or -1 the organisation,
 * -2 the criteria (ITEM_HEAD, ITEM_CRITERIA of model/validate.h). */
void pview_open_entry(struct pview *pv, int coll, size_t index);
enum view pview_screen(const struct pview *pv);
/* Handle an action; returns false when it was not for this view. */
bool pview_action(struct pview *pv, enum action a);
/* Text typed into a field being edited. */
void pview_input(struct pview *pv, const char *utf8);
/* The answer to the editor's question (y or n). */
void pview_answer(struct pview *pv, enum answer ans);
/* Draw the header, body and status line (all but the key bar). */
void pview_draw(struct pview *pv, int rows, int cols);
#endif
