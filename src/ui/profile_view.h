/* profile_view: the organisation-profile screens: the section menu, the
 * list of entries of a section (add, edit, delete, reorder), the form of
 * one entry with line editing and pick lists, and the dependency view
 * from priority services through operations to resources. */
#ifndef KIJUN_PROFILE_VIEW_H
#define KIJUN_PROFILE_VIEW_H
#include "ui/actions.h"
#include "model/assessment.h"
#include "core/session.h"
#include "util/edit.h"
#include <stdbool.h>

enum pv_level { PV_MENU, PV_LIST, PV_FORM, PV_DEPS };

struct pick {
    bool open, multi;
    bool spaced;          /* Space was used: Enter takes the marks as they are */
    char **ids, **labels; /* an id NULL: a group's heading, not a choice */
    bool *marked;
    size_t n, cur, top;
};

struct dep_line {
    char *text;
    int coll;            /* profile collection of the entry, -1 for none */
    size_t index;        /* its index there */
    bool warn;           /* a gap worth attention */
};

struct pview {
    struct session *s;
    struct round *round;  /* when set, the lists and forms edit this round */
    bool done;            /* a round's list or form was left: back to the caller */
    bool form_only;       /* opened on a form: leaving it goes back to the caller */
    enum lang lang;
    enum pv_level level;
    size_t menu_cur;
    size_t section;
    size_t list_cur, list_top;
    size_t rec;
    size_t field_cur, form_top;
    bool editing;
    struct edit ed;
    size_t ed_scroll;
    struct pick pick;
    struct dep_line *deps;
    size_t ndeps, deps_cur, deps_top;
    int page;
    bool asking_delete;  /* a y/n question is on the status line: delete, or keep */
    bool asking_keep;    /* the question is "keep the new entry incomplete?" */
    char signoff_step[16]; /* the question is "sign off this step although its checks fail?" (ui/signoff.h) */
    size_t signoff_failing;
    /* the entry of the form was just added: left untouched it goes again,
     * left with required fields missing it asks (nothing half-made) */
    bool fresh, fresh_direct; /* direct: opened on a field; cancelling it cancels the add */
    unsigned long fresh_edits;
    char message[640];
    bool message_is_error;
};

void pview_init(struct pview *pv, struct session *s, enum lang lang);
void pview_free(struct pview *pv);
/* Round sections (for pview_open_round). */
enum round_section { RSEC_HEAD, RSEC_RISKS, RSEC_CLEAR, RSEC_SIGNOFFS, RSEC_REVIEWS };
/* Edit a round: open the head's form, or a collection's list, or the
 * form of one of its entries (index, or (size_t)-1 for the list). */
void pview_open_round(struct pview *pv, struct round *r, enum round_section sec, size_t index);
/* Open the profile's resources and add one (asked for by the scoping). */
void pview_add_resource(struct pview *pv);
/* Open the form of a profile entry: coll a COLL_*, or -1 the organisation,
 * -2 the criteria (ITEM_HEAD, ITEM_CRITERIA of model/validate.h). */
void pview_open_entry(struct pview *pv, int coll, size_t index);
/* Put the form's cursor on field key and start editing it. */
void pview_edit_field(struct pview *pv, int field);
/* Add an entry to a round collection and open its form. */
void pview_round_add(struct pview *pv, struct round *r, enum round_section sec);
/* The same for an entry named by id (a resource's "no risk" note). */
void pview_round_add_id(struct pview *pv, struct round *r, enum round_section sec, const char *id);
enum view pview_screen(const struct pview *pv);
/* Handle an action; returns false when it was not for this view. */
bool pview_action(struct pview *pv, enum action a);
/* Text typed into a field being edited. */
void pview_input(struct pview *pv, const char *utf8);
/* The answer to the delete question (y or n). */
void pview_answer(struct pview *pv, bool yes);
/* Draw the header, body and status line (all but the key bar). */
void pview_draw(struct pview *pv, int rows, int cols);
#endif
