/* actions: the one table of user actions. It gives the enum, the names
 * used in help, the help text and the key-bar label, and the default key
 * bindings per screen; help screen and key bar are generated from it so
 * they cannot drift from what the keys do. */
#ifndef KIJUN_ACTIONS_H
#define KIJUN_ACTIONS_H
#include <stdbool.h>
#include <stddef.h>
#include "ui/keys.h"

/* X(id, name, help text, key-bar label or NULL) */
#define KIJUN_ACTIONS(X) \
    X(HELP, "help", N_("Show help for this screen"), N_("Help")) \
    X(QUIT, "quit", N_("Quit kijun"), N_("Quit")) \
    X(REDRAW, "redraw", N_("Redraw the screen"), NULL) \
    X(UP, "up", N_("Move up"), NULL) \
    X(DOWN, "down", N_("Move down"), NULL) \
    X(PAGE_UP, "page-up", N_("Move up one page"), NULL) \
    X(PAGE_DOWN, "page-down", N_("Move down one page"), NULL) \
    X(FIRST, "first", N_("Go to the first item"), NULL) \
    X(LAST, "last", N_("Go to the last item"), NULL) \
    X(OPEN, "open", N_("Expand the item, or step into it"), NULL) \
    X(CLOSE, "close", N_("Collapse the item, or go to its parent"), NULL) \
    X(TOGGLE, "toggle", N_("Expand or collapse the item"), N_("Open/Close")) \
    X(EXPAND_ALL, "expand-all", N_("Expand every item"), NULL) \
    X(COLLAPSE_ALL, "collapse-all", N_("Collapse every item"), NULL) \
    X(EDITION, "edition", N_("Switch to the next edition, keeping the mapped item"), N_("Edition")) \
    X(SEARCH, "search", N_("Search titles and summaries"), N_("Search")) \
    X(NEXT_MATCH, "next-match", N_("Go to the next match"), N_("Next")) \
    X(PREV_MATCH, "prev-match", N_("Go to the previous match"), NULL) \
    X(FOCUS, "focus", N_("Switch between the tree and the detail pane"), N_("Pane")) \
    X(LANGUAGE, "language", N_("Switch the language of the Guideline text (ja/en)"), N_("Lang")) \
    X(CLOSE_HELP, "close-help", N_("Close the help"), N_("Close")) \
    X(SAVE, "save", N_("Save the workspace"), N_("Save")) \
    X(VIEW_GUIDELINE, "view-guideline", N_("Show the Guideline browser"), N_("Guideline")) \
    X(VIEW_PROFILE, "view-profile", N_("Show the organisation profile"), N_("Profile")) \
    X(BACK, "back", N_("Go back to the previous screen"), N_("Back")) \
    X(SELECT, "select", N_("Open the selected entry"), N_("Open")) \
    X(ADD, "add", N_("Add an entry"), N_("Add")) \
    X(DELETE, "delete-entry", N_("Delete the entry (asks first)"), N_("Delete")) \
    X(MOVE_UP, "move-up", N_("Move the entry up"), NULL) \
    X(MOVE_DOWN, "move-down", N_("Move the entry down"), N_("Move")) \
    X(EDIT_FIELD, "edit-field", N_("Edit the field (a pick list for choices)"), N_("Edit")) \
    X(CLEAR_FIELD, "clear-field", N_("Clear the field"), N_("Clear")) \
    X(PICK_MARK, "mark", N_("Mark or unmark the choice (lists of several)"), N_("Mark")) \
    X(PICK_ACCEPT, "choose", N_("Take the choice"), N_("Choose")) \
    X(PICK_CANCEL, "cancel-pick", N_("Close without changing (Esc cancels)"), N_("Cancel")) \
    X(VIEW_ASSESS, "view-assessment", N_("Show the risk assessment rounds"), N_("Assess")) \
    X(VIEW_FINDINGS, "view-findings", N_("Show every finding of the workspace, as kijun check gives them"), N_("Findings")) \
    X(SEARCH_FINDINGS, "search-findings", N_("Search the findings: file, line, severity and text"), N_("Search")) \
    X(COPY, "copy", N_("Start a new round as a copy of this one"), N_("Copy")) \
    X(RENAME, "rename", N_("Rename the round (its file name, an ASCII id)"), N_("Rename")) \
    X(HEATMAP, "heatmap", N_("Show the heat map (impact x likelihood)"), N_("Map")) \
    X(REGISTER, "register", N_("Show the risk register"), N_("Register")) \
    X(ADD_THREAT, "add-threat", N_("Add a risk from the threat catalogue"), N_("Threat")) \
    X(SORT, "sort", N_("Sort by the next key: residual value, service, owner, due date"), N_("Sort")) \
    X(FILTER_BAND, "filter-band", N_("Filter by the next band (low, medium, high, very high, any)"), N_("Band")) \
    X(FILTER_DECISION, "filter-decision", N_("Filter by the next decision (none, mitigate, accept, avoid, transfer, any)"), NULL) \
    X(FILTER_OWNER, "filter-owner", N_("Filter by the next owner"), NULL) \
    X(FILTER_TEXT, "filter-text", N_("Filter by text in title, scenario, controls, measures"), N_("Filter")) \
    X(CLEAR_FILTERS, "clear-filters", N_("Clear every filter"), NULL) \
    X(NO_RISK, "no-risk", N_("Note why the resource has no risk, or open its note (d there removes it)"), N_("No risk")) \
    X(TOGGLE_SCOPE, "toggle-scope", N_("Put the service or resource in scope, or take it out"), N_("In/out")) \
    X(SIGNOFF, "sign-off", N_("Sign off a step (reviewer, date, comment)"), N_("Sign off")) \
    X(REOPEN, "reopen", N_("Reopen the closed round: who and why are recorded in its file"), N_("Reopen")) \
    X(COMPARE, "compare", N_("Compare with the next earlier round"), N_("Compare")) \
    X(EXPORT, "export", N_("Export the round: the report for the board (.html), a report (.md), the register (.csv) or the workspace (.json)"), N_("Export")) \
    X(LEFT, "left", N_("Move left"), NULL) \
    X(RIGHT, "right", N_("Move right"), NULL) \
    X(EDIT_ACCEPT, "accept", N_("Accept the text"), N_("Accept")) \
    X(EDIT_CANCEL, "cancel", N_("Cancel (Esc cancels)"), N_("Cancel")) \
    X(EDIT_LEFT, "char-left", N_("Cursor one character left"), NULL) \
    X(EDIT_RIGHT, "char-right", N_("Cursor one character right"), NULL) \
    X(EDIT_HOME, "line-start", N_("Cursor to the start"), NULL) \
    X(EDIT_END, "line-end", N_("Cursor to the end"), NULL) \
    X(EDIT_BACKSPACE, "delete-back", N_("Delete the character before the cursor"), NULL) \
    X(EDIT_DELETE, "delete", N_("Delete the character under the cursor"), NULL) \
    X(EDIT_KILL_END, "kill-end", N_("Delete to the end"), NULL) \
    X(EDIT_KILL_START, "kill-start", N_("Delete to the start"), NULL) \
    X(EDIT_KILL_WORD, "kill-word", N_("Delete the word before the cursor"), NULL) \
    X(YES, "yes", N_("Answer yes to the question"), N_("Yes")) \
    X(NO, "no", N_("Answer no to the question"), N_("No")) \
    X(CANCEL, "cancel-question", N_("Leave the question unanswered: nothing is done"), N_("Cancel"))

enum action {
#define X(id, name, help, label) ACT_##id,
    KIJUN_ACTIONS(X)
#undef X
    ACT__COUNT,
    ACT_NONE = -1
};

/* Screens (contexts) that have their own bindings. */
enum view {
    SCREEN_BROWSER, SCREEN_PROFILE, SCREEN_LIST, SCREEN_FORM, SCREEN_DEPS, SCREEN_PICK,
    SCREEN_HELP, SCREEN_PROMPT, SCREEN_ROUNDS, SCREEN_STEPS, SCREEN_SCOPE, SCREEN_REGISTER,
    SCREEN_HEATMAP, SCREEN_CHECKS, SCREEN_REVIEW, SCREEN_FINDINGS, SCREEN_QUESTION, SCREEN__COUNT
};

const char *screen_title(enum view s); /* translated */

struct binding {
    int key;               /* curses key code or character */
    enum action action;
    unsigned screens;      /* bit per enum view */
    bool on_keybar;        /* this key is the one the key bar shows */
};

const char *action_name(enum action a);
/* The names of all actions in enum order, NULL-terminated (for kijunrc). */
const char *const *action_names(void);
const char *action_help(enum action a);   /* translated */
const char *action_label(enum action a);  /* translated, or NULL */
/* The action bound to key in screen, or ACT_NONE. */
enum action action_for_key(enum view s, int key);
/* All bindings (for the help screen and key bar). */
const struct binding *bindings(size_t *n);
/* Whether binding b is in force on screen s: b applies there and no key
 * from kijunrc took its key there. */
bool binding_active(const struct binding *b, enum view s);
/* What a line-editing action did to a text being typed. */
enum edit_effect { EDIT_NONE, EDIT_MOVED, EDIT_CHANGED };
struct edit;
/* Apply a line-editing action (cursor moves, deletions) to e: EDIT_NONE
 * when a is none of them (accept, cancel and the rest are the caller's). */
enum edit_effect action_edit(enum action a, struct edit *e);
/* The first key in force for action a on screen s, or -1. */
int action_key(enum action a, enum view s);
/* The name of the first key in force for action a on screen s, for a
 * hint such as "press %s to add one" ("?" when it has none). */
const char *action_key_name(enum action a, enum view s, char *buf, size_t size);
/* The screens where action a has keys by default (bit per enum view). */
unsigned action_screens(enum action a);
/* An action that does not apply now (the reopen key on an open round)
 * is left off the key bar; its keys and its help stay. */
void action_hide(enum action a, bool hidden);
bool action_hidden(enum action a);
/* Keys from kijunrc: they replace the default keys of action a on every
 * screen where it has one (the first is the one the key bar shows), and
 * on those screens they take precedence over another action's default
 * key. Enter and BkSp bring their twin codes. */
void bindings_set(enum action a, const int *keys, size_t n);
/* Back to the default bindings. */
void bindings_reset(void);
#endif
