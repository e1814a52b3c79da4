/* recedit_private: what the record editor's files share among
 * themselves (recedit.c, form.c, pick.c, profile_text.c, signoff.c): the
 * helpers each of them uses. Not for other modules: the editor's owners
 * use ui/recedit.h. */
#ifndef KIJUN_RECEDIT_PRIVATE_H
#define KIJUN_RECEDIT_PRIVATE_H
#include "ui/recedit.h"
#include "ui/frame.h"
#include "ui/reopen.h"
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

static inline void say(struct recedit *re, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static inline void say(struct recedit *re, bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    message_vset(re->message, sizeof re->message, &re->message_is_error, error, fmt, ap);
    va_end(ap);
}

static inline bool read_only(struct recedit *re) /* read-only, or the round is closed */
{
    return re->message_is_error = ui_refused(re->s, re->round, re->message, sizeof re->message);
}

/* The document the screen edits. */
static inline struct doc *re_doc(struct recedit *re)
{
    return session_doc(re->s, re->round);
}

/* --- recedit.c: the lists ---------------------------------------------------- */

/* The section shown (of the owner's table: the profile's, or the round's). */
const struct section *cur_section(const struct recedit *re);
/* Its collection, or NULL for a single record. */
struct collection *cur_coll(struct recedit *re);
/* d: ask before deleting entry i of c, naming the rounds that refer to it. */
void ask_delete(struct recedit *re, struct collection *c, size_t i);

/* --- form.c: the form of one entry ------------------------------------------- */

/* The record and definition the form shows. */
struct record *form_record(struct recedit *re, const struct coll_def **def);
/* The collection of the form's record (NULL for a single record:
 * organisation, criteria, round). */
struct collection *form_coll(struct recedit *re);
/* A new entry: whether it is untouched since added; drop it (take the
 * add back) and leave the form. */
/* A new entry's form opens: leaving it asks when a required field is missing. */
void fresh_start(struct recedit *re);
bool fresh_untouched(struct recedit *re);
void fresh_drop(struct recedit *re);
/* After a change that moves the ranges (a rule, a scale): a number of
 * the form's record now outside its field_range is said at once. */
bool form_range_warn(struct recedit *re);
/* Leave the form for the list, or the owner (done). */
void form_leave(struct recedit *re);
/* a: add an entry to the section's collection and open its form. */
void add_entry(struct recedit *re);
/* An action while a field is edited, and on the form. */
bool edit_action(struct recedit *re, enum action a);
bool form_action(struct recedit *re, enum action a);
/* Draw the form in the rows y .. y + height - 1; put the cursor into the
 * field being edited. */
void draw_form(struct recedit *re, int y, int height, int cols);
void form_cursor(struct recedit *re, int y, int cols);

/* --- pick.c: pick lists ---------------------------------------------------- */

void pick_add(struct pick *pk, const char *id, const char *label, bool marked);
void pick_close(struct pick *pk);
/* Offer the choices of field f (value v); exclude is an id to leave out. */
void pick_open(struct recedit *re, const struct field_def *f, const struct value *v,
               const char *exclude);
/* The levels of profile scale coll, with their labels and definitions,
 * for a number field on that scale (value v). */
void pick_open_levels(struct recedit *re, int coll, const struct value *v);
/* The library items (or profile entries) not yet in c, for Add. */
void pick_open_library_ids(struct recedit *re, struct collection *c);
bool pick_action(struct recedit *re, enum action a);
/* The open pick list, over the rows y .. y + height - 1. */
void draw_pick(struct recedit *re, int y, int height, int cols);

/* --- profile_text.c: what a person reads ------------------------------------- */

/* The value of field f as a person reads it. New string. */
char *field_text(const struct recedit *re, const struct field_def *f, const struct value *v);
/* One line describing a record in a list. New string. */
char *record_line(const struct recedit *re, int coll, const struct record *r);
/* The name of entry i of c: its name, label, title or id. */
const char *entry_name(struct recedit *re, struct collection *c, size_t i);
#endif
