/* lineedit: the one-line text editor on the screen, and the prompt made
 * of it. A line editor is the text being typed (util/edit.h) and its
 * scroll: it takes the line-editing actions of the action table and is
 * drawn into a cell of a given x and width, scrolled by display width
 * so that the cursor stays in view. A prompt is a line editor that opens
 * and closes: Enter accepts, Esc gives back the text it opened with, and
 * every action and every text typed says whether the text changed, so
 * that its owner can apply it as it is typed (the searches, the
 * register's filter). lineedit.c has no curses (tests/unit/test_lineedit);
 * lineedit_draw.c draws. */
#ifndef KIJUN_LINEEDIT_H
#define KIJUN_LINEEDIT_H
#include "ui/actions.h"
#include "util/edit.h"
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

struct lineedit {
    struct edit e;     /* the text and the cursor */
    size_t scroll;     /* the first byte shown */
};

/* max: the most bytes the text takes (0: no limit). */
void lineedit_init(struct lineedit *le, const char *text, size_t max);
void lineedit_free(struct lineedit *le);
/* New text (NULL: none), the cursor at its end, shown from its start. */
void lineedit_set(struct lineedit *le, const char *text);
const char *lineedit_text(const struct lineedit *le);
/* A line-editing action (cursor moves, deletions): EDIT_NONE when a is
 * none of them, EDIT_CHANGED when the text changed, else EDIT_MOVED. */
enum edit_effect lineedit_action(struct lineedit *le, enum action a);
/* Text typed or pasted, at the cursor (control characters dropped, the
 * limit kept): EDIT_CHANGED when any of it went in, else EDIT_MOVED. */
enum edit_effect lineedit_input(struct lineedit *le, const char *utf8);
/* The text as it shows in a cell `width` columns wide: the scroll moved
 * to keep the cursor in view, the first byte shown returned and *col
 * set to the cursor's column from the cell's start. */
const char *lineedit_shown(struct lineedit *le, int width, int *col);
/* Draw it at (y, x), `width` columns (cut with an ellipsis, padded);
 * returns the cursor's column on the screen. The cursor is not moved. */
int lineedit_draw(struct lineedit *le, int y, int x, int width, attr_t attr);

struct prompt {
    struct lineedit line;
    bool open;
    char *before;      /* the text it opened with: Esc gives it back */
};

/* What an action or a text did to an open prompt. */
enum prompt_effect {
    PROMPT_NONE,       /* not the prompt's (it is closed, or no editing action) */
    PROMPT_KEPT,       /* used, the text as it was (a cursor move) */
    PROMPT_CHANGED,    /* the text changed: apply it, if it applies as typed */
    PROMPT_ACCEPTED,   /* Enter: closed, the text is the answer */
    PROMPT_CANCELLED,  /* Esc: closed, the text given back as it was before */
};

void prompt_init(struct prompt *p, size_t max);
void prompt_free(struct prompt *p);
/* Open with text (NULL: none), the cursor at its end. */
void prompt_start(struct prompt *p, const char *text);
/* After PROMPT_ACCEPTED: the answer was refused, the prompt stays open
 * with it to correct (Esc still gives back the text before). */
void prompt_keep(struct prompt *p);
enum prompt_effect prompt_act(struct prompt *p, enum action a);
enum prompt_effect prompt_type(struct prompt *p, const char *utf8);
const char *prompt_text(const struct prompt *p);
/* Draw the label (in the label role) and the text after it at (y, x),
 * `width` columns in all, and leave the cursor in it; returns its column. */
int prompt_draw(struct prompt *p, int y, int x, int width, const char *label);
#endif
