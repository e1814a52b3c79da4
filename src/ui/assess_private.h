/* assess_private: what the assessment view's files share among
 * themselves (assess_view.c and the screens: rounds_view.c, steps_view.c,
 * scope_view.c, register_view.c, checks_view.c, review_view.c; also
 * review_lines.c): the helpers each of them uses. Not for other modules. */
#ifndef KIJUN_ASSESS_PRIVATE_H
#define KIJUN_ASSESS_PRIVATE_H
#include "ui/assess_view.h"
#include "ui/frame.h"
#include "ui/reopen.h"
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

static inline void say(struct aview *av, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static inline void say(struct aview *av, bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    message_vset(av->message, sizeof av->message, &av->message_is_error, error, fmt, ap);
    va_end(ap);
}

/* An edit of round r (NULL: of the workspace) refused: read-only, or r is closed. */
static inline bool read_only(struct aview *av, const struct round *r)
{
    return av->message_is_error = ui_refused(av->s, r, av->message, sizeof av->message);
}

/* --- assess_view.c ----------------------------------------------------------- */

/* The round shown, or NULL. */
struct round *cur_round(struct aview *av);
const struct profile *prof(const struct aview *av);
/* The step's name as the Handbook (library) gives it, in the language. */
const char *step_title(const struct aview *av, enum step st);
/* Today for the date checks of a round (see round_today). */
const char *today_for(const struct aview *av, const struct round *r);
/* The checks of the round shown, again only after an edit. */
void checks_refresh(struct aview *av);
/* The round's editor (ui/recedit.h) in front: on a collection's entry
 * (or its list: (size_t)-1), or adding to a collection. */
void open_edit(struct aview *av, enum round_section sec, size_t index);
void add_in(struct aview *av, enum round_section sec);
/* The screen of step st. */
void open_step(struct aview *av, enum step st);
/* Rows of text with the level's cursor; warn marks rows needing attention. */
void draw_list(struct aview *av, int y, int height, int cols, char **lines, const bool *warn,
               size_t n);
void free_lines(char **lines, size_t n);

/* --- rounds_view.c: the rounds ------------------------------------------------ */

/* The prompt for a name: a new round's, a copy's, a round's new name
 * (the old one to start from), a new resource's (scoping). The register's
 * text filter has its own (regfilter_start), and so has the export's file
 * (start_export). */
void start_prompt(struct aview *av, enum av_prompt kind);
/* E: the export of round i, once the workspace is saved: a report names
 * the files it was made from. */
void start_export(struct aview *av, size_t i);
/* An action while that prompt is open (not the text filter's). */
bool name_prompt_action(struct aview *av, enum action a);
/* d: ask before deleting the round under the cursor. */
void ask_delete_round(struct aview *av);
void draw_rounds(struct aview *av, int y, int height, int cols);

/* --- steps_view.c: a round's five steps ------------------------------------- */

void draw_steps(struct aview *av, int y, int height, int cols);

/* --- scope_view.c: step 2, the scoping --------------------------------------- */

void scope_build(struct aview *av);
/* Space: the line's service or resource into scope or out. */
void scope_toggle(struct aview *av);
/* n: the "no risk" note of the resource under the cursor. */
void no_risk_note(struct aview *av);
/* a: a new resource, used by the operation under the cursor and in scope
 * (its name asked first: AVP_RESOURCE, finished by scope_add_finish). */
void scope_add(struct aview *av);
void scope_add_finish(struct aview *av, const char *name);
void draw_scope(struct aview *av, int y, int height, int cols);

/* --- register_view.c: step 3, the register and the heat map -------------------- */

/* The register's rows: the round's risks sorted and filtered. */
void register_build(struct aview *av);
bool register_action(struct aview *av, enum action a);
bool heatmap_action(struct aview *av, enum action a);
void draw_register(struct aview *av, int y, int height, int cols);
void draw_heatmap(struct aview *av, int y, int height, int cols);

/* --- checks_view.c: step 4, the validation ----------------------------------- */

/* Enter on a check: the place that fixes it. */
void jump_to_check(struct aview *av);
void draw_checks(struct aview *av, int y, int height, int cols);

/* --- review_view.c: step 5, the review ---------------------------------------- */

/* Enter on a line of the review; c: compare with the next earlier round. */
void review_enter(struct aview *av);
void compare_next(struct aview *av);
void draw_review(struct aview *av, int y, int height, int cols);
#endif
