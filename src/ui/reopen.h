/* reopen: closed rounds on the screen. What the rounds list and a
 * round's screen say of a closed round (in words), the refusal of an
 * edit to one (naming the key that reopens it), and the small form that
 * reopens it: "Reopened by" (the login name to start with) and "Why"
 * (required); Esc cancels and leaves nothing. The core records it. */
#ifndef KIJUN_REOPEN_H
#define KIJUN_REOPEN_H
#include "core/session.h"
#include "ui/actions.h"
#include "ui/lineedit.h"
#include <stdbool.h>
#include <stddef.h>

struct reopen_form {
    bool open;
    int field;               /* 0 who, 1 why */
    struct lineedit by, why;
    struct round *round;
};

void reopen_init(struct reopen_form *f);
void reopen_free(struct reopen_form *f);
/* Would an edit of round r (NULL: of the workspace) be refused: the
 * session is read-only, or r is closed? Then msg says why (and which
 * key reopens r) and true is returned. */
bool ui_refused(const struct session *s, const struct round *r, char *msg, size_t size);
/* The reopen key on round r: open the form, or say in msg why not
 * (false). */
bool reopen_start(struct reopen_form *f, const struct session *s, struct round *r, char *msg, size_t size);
/* An action while the form is open: Enter goes to "Why", then reopens
 * (core_reopen_round); Esc cancels. msg and *error tell what happened. */
bool reopen_action(struct reopen_form *f, struct session *s, enum action a, const char *today,
                   char *msg, size_t size, bool *error);
void reopen_input(struct reopen_form *f, struct session *s, const char *utf8);
/* The form over the lines from y (4 lines), the cursor in its field. */
void reopen_draw(struct reopen_form *f, int y, int cols);
/* The words the rounds list puts before a round: "" for an open one. */
const char *round_state_words(const struct round *r, bool changed_outside);
/* round_changed_outside, computed again only after an edit. */
bool ui_changed_outside(const struct session *s, const struct round *r);
/* A round's screen: the line that says it is closed, or was reopened. */
void round_state_draw(const struct session *s, const struct round *r, int y, int cols);
/* The round's closings and reopenings, oldest first (the newest when
 * they do not fit), in the lines from y. */
void round_history_draw(const struct round *r, int y, int height, int cols);
#endif
