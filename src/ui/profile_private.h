/* profile_private: what the profile view's files share among themselves
 * (profile_view.c, form.c, pick.c, deps_view.c, profile_text.c): the
 * sections and the helpers each of them uses. Not for other modules. */
#ifndef KIJUN_PROFILE_PRIVATE_H
#define KIJUN_PROFILE_PRIVATE_H
#include "ui/profile_view.h"
#include "ui/frame.h"
#include "ui/reopen.h"
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

enum sec_kind { SEC_ORG, SEC_COLL, SEC_CRITERIA, SEC_DEPS, SEC_HEAD };

struct section {
    enum sec_kind kind;
    int coll;
    const char *label;
};

static inline void say(struct pview *pv, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static inline void say(struct pview *pv, bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    message_vset(pv->message, sizeof pv->message, &pv->message_is_error, error, fmt, ap);
    va_end(ap);
}

static inline bool read_only(struct pview *pv) /* read-only, or the round is closed */
{
    return pv->message_is_error = ui_refused(pv->s, pv->round, pv->message, sizeof pv->message);
}

/* The document the screen edits. */
static inline struct doc *pv_doc(struct pview *pv)
{
    return session_doc(pv->s, pv->round);
}

/* --- profile_view.c: the menu and the lists -------------------------------- */

/* The section shown (of the profile, or of the round edited). */
const struct section *cur_section(const struct pview *pv);
/* Its collection, or NULL for a single record. */
struct collection *cur_coll(struct pview *pv);
/* d: ask before deleting entry i of c, naming the rounds that refer to it. */
void ask_delete(struct pview *pv, struct collection *c, size_t i);

/* --- form.c: the form of one entry ------------------------------------------- */

/* The record and definition the form shows. */
struct record *form_record(struct pview *pv, const struct coll_def **def);
/* The collection of the form's record (NULL for a single record:
 * organisation, criteria, round). */
struct collection *form_coll(struct pview *pv);
/* A new entry: whether it is untouched since added; drop it (take the
 * add back) and leave the form. */
/* A new entry's form opens: leaving it asks when a required field is missing. */
void fresh_start(struct pview *pv);
bool fresh_untouched(struct pview *pv);
void fresh_drop(struct pview *pv);
/* After a change that moves the ranges (a rule, a scale): a number of
 * the form's record now outside its field_range is said at once. */
bool form_range_warn(struct pview *pv);
/* Leave the form for the list, or the caller (a round's screens). */
void form_leave(struct pview *pv);
/* a: add an entry to the section's collection and open its form. */
void add_entry(struct pview *pv);
/* An action while a field is edited, and on the form. */
bool edit_action(struct pview *pv, enum action a);
bool form_action(struct pview *pv, enum action a);
/* Draw the form in the rows y .. y + height - 1; put the cursor into the
 * field being edited. */
void draw_form(struct pview *pv, int y, int height, int cols);
void form_cursor(struct pview *pv, int y, int cols);

/* --- pick.c: pick lists ---------------------------------------------------- */

void pick_add(struct pick *pk, const char *id, const char *label, bool marked);
void pick_close(struct pick *pk);
/* Offer the choices of field f (value v); exclude is an id to leave out. */
void pick_open(struct pview *pv, const struct field_def *f, const struct value *v,
               const char *exclude);
/* The levels of profile scale coll, with their labels and definitions,
 * for a number field on that scale (value v). */
void pick_open_levels(struct pview *pv, int coll, const struct value *v);
/* The library items (or profile entries) not yet in c, for Add. */
void pick_open_library_ids(struct pview *pv, struct collection *c);
bool pick_action(struct pview *pv, enum action a);
/* The open pick list, over the rows y .. y + height - 1. */
void draw_pick(struct pview *pv, int y, int height, int cols);

/* --- deps_view.c: the dependency view ---------------------------------------- */

void deps_build(struct pview *pv);
void deps_free(struct pview *pv);
bool deps_action(struct pview *pv, enum action a);
void deps_draw(struct pview *pv, int y, int height, int cols);

/* --- profile_text.c: what a person reads ------------------------------------- */

/* The name a person reads for the entry id of ref. */
const char *ref_label(const struct pview *pv, const char *ref, const char *id);
/* The value of field f as a person reads it. New string. */
char *field_text(const struct pview *pv, const struct field_def *f, const struct value *v);
/* One line describing a record in a list. New string. */
char *record_line(const struct pview *pv, int coll, const struct record *r);
/* The name of entry i of c: its name, label, title or id. */
const char *entry_name(struct pview *pv, struct collection *c, size_t i);
#endif
