/* actions: the one table of user actions. It gives the enum, the names
 * used in help, the help text and the key-bar label, and the default key
 * bindings per screen; help screen and key bar are generated from it so
 * they cannot drift from what the keys do. */
#ifndef KIJUN_ACTIONS_H
#define KIJUN_ACTIONS_H
#include <stdbool.h>
#include <stddef.h>
#include "ui/keys.h"

/* X(id, name, help text, key-bar label or NULL, key-bar place): the key
 * bar shows help (0), the screen's own keys (1), save (2), back (3), quit
 * (4), the findings (5), then the views (6): they matter least where
 * space is short. Within a place, the order of the bindings below. */
#define KIJUN_ACTIONS(X) \
    X(HELP, "help", N_("Show help for this screen"), N_("Help"), 0) \
    X(QUIT, "quit", N_("Quit kijun"), N_("Quit"), 4) \
    X(REDRAW, "redraw", N_("Redraw the screen"), NULL, 1) \
    X(UP, "up", N_("Move up"), NULL, 1) \
    X(DOWN, "down", N_("Move down"), NULL, 1) \
    X(PAGE_UP, "page-up", N_("Move up one page"), NULL, 1) \
    X(PAGE_DOWN, "page-down", N_("Move down one page"), NULL, 1) \
    X(FIRST, "first", N_("Go to the first item"), NULL, 1) \
    X(LAST, "last", N_("Go to the last item"), NULL, 1) \
    X(OPEN, "open", N_("Expand the item, or step into it"), NULL, 1) \
    X(CLOSE, "close", N_("Collapse the item, or go to its parent"), NULL, 1) \
    X(TOGGLE, "toggle", N_("Expand or collapse the item"), N_("Open/Close"), 1) \
    X(EXPAND_ALL, "expand-all", N_("Expand every item"), NULL, 1) \
    X(COLLAPSE_ALL, "collapse-all", N_("Collapse every item"), NULL, 1) \
    X(EDITION, "edition", N_("Switch to the next edition, keeping the mapped item"), N_("Edition"), 1) \
    X(EDITIONS, "editions", N_("Show the editions: their dates, status and sources, what kijun ships"), N_("Editions"), 1) \
    X(SEARCH, "search", N_("Search titles and summaries"), N_("Search"), 1) \
    X(NEXT_MATCH, "next-match", N_("Go to the next match"), N_("Next"), 1) \
    X(PREV_MATCH, "prev-match", N_("Go to the previous match"), NULL, 1) \
    X(FOCUS, "focus", N_("Switch between the tree and the detail pane"), N_("Pane"), 1) \
    X(LANGUAGE, "language", N_("Switch the language of the Guideline text (ja/en)"), N_("Lang"), 1) \
    X(CLOSE_HELP, "close-help", N_("Close the help"), N_("Close"), 1) \
    X(SAVE, "save", N_("Save the workspace"), N_("Save"), 2) \
    X(VIEW_GUIDELINE, "view-guideline", N_("Show the Guideline browser"), N_("Guideline"), 6) \
    X(VIEW_PROFILE, "view-profile", N_("Show the organisation profile"), N_("Profile"), 6) \
    X(BACK, "back", N_("Go back to the previous screen (from the first one: quit, asking when there is unsaved work)"), N_("Back"), 3) \
    X(SELECT, "select", N_("Open the selected entry"), N_("Open"), 1) \
    X(ADD, "add", N_("Add an entry"), N_("Add"), 1) \
    X(DELETE, "delete-entry", N_("Delete the entry (asks first)"), N_("Delete"), 1) \
    X(MOVE_UP, "move-up", N_("Move the entry up"), NULL, 1) \
    X(MOVE_DOWN, "move-down", N_("Move the entry down"), N_("Move"), 1) \
    X(EDIT_FIELD, "edit-field", N_("Edit the field (a pick list for choices)"), N_("Edit"), 1) \
    X(CLEAR_FIELD, "clear-field", N_("Clear the field"), N_("Clear"), 1) \
    X(WRITE_TODAY, "write-today", N_("Write today's date into a date field"), NULL, 1) \
    X(PICK_MARK, "mark", N_("Mark or unmark the choice (lists of several)"), N_("Mark"), 1) \
    X(PICK_ACCEPT, "choose", N_("Take the choice"), N_("Choose"), 1) \
    X(PICK_CANCEL, "cancel-pick", N_("Close without changing (Esc cancels)"), N_("Cancel"), 1) \
    X(VIEW_ASSESS, "view-assessment", N_("Show the risk assessment rounds"), N_("Assess"), 6) \
    X(VIEW_FINDINGS, "view-findings", N_("Show every finding of the workspace, as kijun check gives them"), N_("Findings"), 5) \
    X(SEARCH_FINDINGS, "search-findings", N_("Search the findings: file, line, severity and text"), N_("Search"), 1) \
    X(COPY, "copy", N_("Start a new round as a copy of this one"), N_("Copy"), 1) \
    X(RENAME, "rename", N_("Rename the round (its file name, an ASCII id)"), N_("Rename"), 1) \
    X(HEATMAP, "heatmap", N_("Show the heat map (impact x likelihood)"), N_("Map"), 1) \
    X(REGISTER, "register", N_("Show the risk register"), N_("Register"), 1) \
    X(ADD_THREAT, "add-threat", N_("Add a risk from the threat catalogue"), N_("Threat"), 1) \
    X(SORT, "sort", N_("Sort by the next key: residual value, service, owner, due date"), N_("Sort"), 1) \
    X(FILTER_BAND, "filter-band", N_("Filter by the next band (low, medium, high, very high, any)"), N_("Band"), 1) \
    X(FILTER_DECISION, "filter-decision", N_("Filter by the next decision (none, mitigate, accept, avoid, transfer, any)"), NULL, 1) \
    X(FILTER_OWNER, "filter-owner", N_("Filter by the next owner"), NULL, 1) \
    X(FILTER_TEXT, "filter-text", N_("Filter by text in title, scenario, controls, measures"), N_("Filter"), 1) \
    X(CLEAR_FILTERS, "clear-filters", N_("Clear every filter"), NULL, 1) \
    X(NO_RISK, "no-risk", N_("Note why the resource has no risk, or open its note (d there removes it)"), N_("No risk"), 1) \
    X(TOGGLE_SCOPE, "toggle-scope", N_("Put the service or resource in scope, or take it out"), N_("In/out"), 1) \
    X(SIGNOFF, "sign-off", N_("Show the round's sign-offs (who, when, which step, whether still valid); a adds one"), N_("Sign-offs"), 1) \
    X(REOPEN, "reopen", N_("Reopen the closed round: who and why are recorded in its file"), N_("Reopen"), 1) \
    X(COMPARE, "compare", N_("Compare with the next earlier round"), N_("Compare"), 1) \
    X(EXPORT, "export", N_("Export the round: the report for the board (.html), a report (.md), the register (.csv) or the workspace (.json)"), N_("Export"), 1) \
    X(LEFT, "left", N_("Move left"), NULL, 1) \
    X(RIGHT, "right", N_("Move right"), NULL, 1) \
    X(EDIT_ACCEPT, "accept", N_("Accept the text"), N_("Accept"), 1) \
    X(EDIT_CANCEL, "cancel", N_("Cancel (Esc cancels)"), N_("Cancel"), 1) \
    X(EDIT_LEFT, "char-left", N_("Cursor one character left"), NULL, 1) \
    X(EDIT_RIGHT, "char-right", N_("Cursor one character right"), NULL, 1) \
    X(EDIT_HOME, "line-start", N_("Cursor to the start"), NULL, 1) \
    X(EDIT_END, "line-end", N_("Cursor to the end"), NULL, 1) \
    X(EDIT_BACKSPACE, "delete-back", N_("Delete the character before the cursor"), NULL, 1) \
    X(EDIT_DELETE, "delete", N_("Delete the character under the cursor"), NULL, 1) \
    X(EDIT_KILL_END, "kill-end", N_("Delete to the end"), NULL, 1) \
    X(EDIT_KILL_START, "kill-start", N_("Delete to the start"), NULL, 1) \
    X(EDIT_KILL_WORD, "kill-word", N_("Delete the word before the cursor"), NULL, 1) \
    X(YES, "yes", N_("Answer yes to the question"), N_("Yes"), 1) \
    X(NO, "no", N_("Answer no to the question"), N_("No"), 1) \
    X(CANCEL, "cancel-question", N_("Leave the question unanswered: nothing is done"), N_("Cancel"), 1) \
    X(RELOAD, "reload", N_("Another program changed the file: reload it and redo your edits on top"), NULL, 1) \
    X(OVERWRITE, "overwrite", N_("Another program changed the file: overwrite it with your version"), NULL, 1) \
    X(BESIDE, "save-beside", N_("Another program changed the file: save your version beside it"), NULL, 1) \
    X(EXPLAIN, "explain", N_("Explain the choices of the question"), NULL, 1)

enum action {
#define X(id, name, help, label, bar) ACT_##id,
    KIJUN_ACTIONS(X)
#undef X
    ACT__COUNT,
    ACT_NONE = -1
};

/* Screens (contexts) that have their own bindings. */
enum view {
    SCREEN_BROWSER, SCREEN_PROFILE, SCREEN_LIST, SCREEN_FORM, SCREEN_DEPS, SCREEN_PICK,
    SCREEN_HELP, SCREEN_PROMPT, SCREEN_ROUNDS, SCREEN_STEPS, SCREEN_SCOPE, SCREEN_REGISTER,
    SCREEN_HEATMAP, SCREEN_CHECKS, SCREEN_REVIEW, SCREEN_FINDINGS, SCREEN_EDITIONS, SCREEN_QUESTION, SCREEN__COUNT
};

const char *screen_title(enum view s); /* translated */
/* Whether back (q) on screen s leaves its view for the screen under it
 * (the first screen of the Guideline, the profile, the assessment, the
 * findings): from the last screen on the stack, that is quitting. */
bool screen_back_leaves(enum view s);

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
int action_bar_place(enum action a);      /* its place on the key bar (0 first) */
/* The action bound to key in screen, or ACT_NONE. */
enum action action_for_key(enum view s, int key);
/* All bindings (for the help screen and key bar). */
const struct binding *bindings(size_t *n);
/* Whether binding b is in force on screen s: b applies there and no key
 * from kijunrc took its key there. */
bool binding_active(const struct binding *b, enum view s);
/* What a line-editing action did to a text being typed. */
enum edit_effect { EDIT_NONE, EDIT_MOVED, EDIT_CHANGED };
/* The answer to a yes/no question: cancel (Esc) leaves it unanswered,
 * nothing done (for most questions the same as no; not for "keep the new
 * entry incomplete?", where no deletes it). */
enum answer { ANSWER_NO, ANSWER_YES, ANSWER_CANCEL };
struct edit;
/* Apply a line-editing action (cursor moves, deletions) to e: EDIT_NONE
 * when a is none of them (accept, cancel and the rest are the caller's). */
enum edit_effect action_edit(enum action a, struct edit *e);
/* The first key in force for action a on screen s, or -1. */
int action_key(enum action a, enum view s);
/* The name of the first key in force for action a on screen s, for a
 * hint such as "press %s to add one" ("?" when it has none). */
const char *action_key_name(enum action a, enum view s, char *buf, size_t size);
/* The key the key bar shows for a on s (else the first in force), in a
 * buffer of its own, good until eight more calls (for a hint that names
 * several keys). */
const char *action_key_str(enum action a, enum view s);
/* The keys that answer a question yes and no, as "y/n" says them. */
const char *action_yes_no(void);
/* The screens where action a has keys by default (bit per enum view). */
unsigned action_screens(enum action a);
/* An action that does not apply now (the reopen key on an open round)
 * is left off the key bar; its keys and its help stay. */
void action_hide(enum action a, bool hidden);
bool action_hidden(enum action a);
/* Every action back on the key bar (before a view draws and hides what
 * does not apply to it). */
void action_hide_none(void);
/* Keys from kijunrc: they replace the default keys of action a on every
 * screen where it has one (the first is the one the key bar shows), and
 * on those screens they take precedence over another action's default
 * key. Enter and BkSp bring their twin codes. */
void bindings_set(enum action a, const int *keys, size_t n);
/* Back to the default bindings. */
void bindings_reset(void);
#endif
