/* recedit: the record editor, a widget: the lists and forms of one
 * document, the profile or a round. Its owner gives it a table of
 * sections and opens it on one of them: the list of a section's entries
 * (cursor, add, delete with its question, reorder), or the form of one
 * entry (field cursor, line editing, pick lists). It asks its questions
 * (delete, keep a new entry incomplete, sign off a step whose checks
 * fail), drops a new entry left untouched, has its own message line,
 * and sets done when it is left: the owner is in front again. The
 * profile view (ui/profile_view.h) and a round's screens
 * (ui/assess_view.h) each hold one. Its files: recedit.c, form.c,
 * pick.c, profile_text.c and signoff.c; what they share is
 * recedit_private.h. */
#ifndef KIJUN_RECEDIT_H
#define KIJUN_RECEDIT_H
#include "ui/actions.h"
#include "model/assessment.h"
#include "core/session.h"
#include "ui/lineedit.h"
#include <stdbool.h>

/* A section of the owner's table: a single record (the organisation,
 * the criteria, a round's head) or a collection (coll: a COLL_* of the
 * profile, an RC_* of a round). SEC_DEPS is the profile view's own
 * dependency view: the editor is never opened on it. */
enum sec_kind { SEC_ORG, SEC_COLL, SEC_CRITERIA, SEC_DEPS, SEC_HEAD };

struct section {
    enum sec_kind kind;
    int coll;
    const char *label;
};

enum re_level { RE_LIST, RE_FORM };

struct pick {
    bool open, multi;
    bool spaced;          /* Space was used: Enter takes the marks as they are */
    char **ids, **labels; /* an id NULL: a group's heading, not a choice */
    bool *marked;
    size_t n, cur, top;
};

struct recedit {
    struct session *s;
    const struct section *sections; /* the owner's table */
    struct round *round;  /* when set, the lists and forms edit this round */
    bool done;            /* the list or form was left: back to the owner */
    bool form_only;       /* opened on a form: leaving it goes back to the owner */
    enum lang lang;
    enum re_level level;
    size_t section;       /* in sections */
    size_t list_cur, list_top;
    size_t rec;
    size_t field_cur, form_top;
    bool editing;
    struct lineedit ed;   /* the field being edited */
    struct pick pick;
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

/* sections: the owner's table, which outlives the editor. */
void recedit_init(struct recedit *re, struct session *s, enum lang lang, const struct section *sections);
void recedit_free(struct recedit *re);
/* Open section sec of the profile: its list, or the form of a single
 * record, the cursors at the top. */
void recedit_open_section(struct recedit *re, size_t sec);
/* Open the form of entry index of section sec of the profile. */
void recedit_open_entry(struct recedit *re, size_t sec, size_t index);
/* Edit round r: open the form of section sec when it is a single record
 * (the head), else the section's list (index (size_t)-1) or the form of
 * its entry index. */
void recedit_open_round(struct recedit *re, struct round *r, size_t sec, size_t index);
/* a: add an entry to the section shown and open its form (or a pick
 * list of what can be added). */
void recedit_add(struct recedit *re);
/* Add an entry to section sec of round r and open its form. */
void recedit_round_add(struct recedit *re, struct round *r, size_t sec);
/* The same for an entry named by id (a resource's "no risk" note). */
void recedit_round_add_id(struct recedit *re, struct round *r, size_t sec, const char *id);
/* Put the form's cursor on field key and start editing it. */
void recedit_edit_field(struct recedit *re, int field);
enum view recedit_screen(const struct recedit *re);
/* Handle an action; returns false when it was not for the editor. */
bool recedit_action(struct recedit *re, enum action a);
/* Text typed into a field being edited. */
void recedit_input(struct recedit *re, const char *utf8);
/* The answer to its question (y or n). */
void recedit_answer(struct recedit *re, enum answer ans);
/* The key bar: d where there is nothing to delete (a single record's
 * form), J and K where the entries keep their order, hidden. */
void recedit_hide_keys(const struct recedit *re);
/* Draw the header, body and status line (all but the key bar). */
void recedit_draw(struct recedit *re, int rows, int cols);
/* The status line alone on row y: the workspace, the document's file
 * and the message line. */
void recedit_draw_status(struct recedit *re, int y, int cols);
/* The name a person reads for the entry id of ref (a library item, a
 * profile entry, or what the round keeps of one). */
const char *recedit_ref_label(const struct recedit *re, const char *ref, const char *id);
#endif
