/* actions: the action table and the default key bindings. */
#include "config.h"
#include "ui/actions.h"
#include "ui/keys.h"
#include "util/edit.h"
#include "util/i18n.h"
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util/xalloc.h"

struct action_info {
    const char *name, *help, *label;
    int bar;
};

static const struct action_info infos[ACT__COUNT] = {
#define X(id, name, help, label, bar) {name, help, label, bar},
    KIJUN_ACTIONS(X)
#undef X
};

#define CTRL(c) ((c) & 0x1f)
#define B (1u << SCREEN_BROWSER)
#define H (1u << SCREEN_HELP)
#define P (1u << SCREEN_PROMPT)
#define PR (1u << SCREEN_PROFILE)
#define LI (1u << SCREEN_LIST)
#define FO (1u << SCREEN_FORM)
#define DP (1u << SCREEN_DEPS)
#define PK (1u << SCREEN_PICK)
#define RO (1u << SCREEN_ROUNDS)
#define ST (1u << SCREEN_STEPS)
#define SC (1u << SCREEN_SCOPE)
#define RG (1u << SCREEN_REGISTER)
#define HM (1u << SCREEN_HEATMAP)
#define CK (1u << SCREEN_CHECKS)
#define RV (1u << SCREEN_REVIEW)
#define FI (1u << SCREEN_FINDINGS)
#define EDS (1u << SCREEN_EDITIONS)
#define Q (1u << SCREEN_QUESTION)
#define ASSESS (RO | ST | SC | RG | HM | CK | RV)
/* screens with the global keys (help, save, switching views, quit) */
#define MAIN (B | PR | LI | FO | DP | ASSESS | FI | EDS)
/* screens that move a cursor through rows */
#define ROWS (B | H | PR | LI | FO | DP | PK | ASSESS | FI | EDS)

/* Default bindings. The first binding of an action marked on_keybar is
 * the key the key bar shows. Every F-key has a digit or letter twin. */
static const struct binding defaults[] = {
    {'?', ACT_HELP, MAIN | PK, true},
    {KEY_F(1), ACT_HELP, MAIN, false},
    {'1', ACT_HELP, MAIN, false},
    {'s', ACT_SAVE, B | PR | LI | FO | DP | ASSESS | FI, true},
    {KEY_F(2), ACT_SAVE, MAIN, false},
    {'2', ACT_SAVE, MAIN, false},
    {CTRL('s'), ACT_SAVE, MAIN, false},
    {KEY_F(3), ACT_VIEW_GUIDELINE, MAIN | H, false},
    {'3', ACT_VIEW_GUIDELINE, MAIN | H, true},
    {KEY_F(4), ACT_VIEW_PROFILE, MAIN | H, false},
    {'4', ACT_VIEW_PROFILE, MAIN | H, true},
    {KEY_F(5), ACT_VIEW_ASSESS, MAIN | H, false},
    {'5', ACT_VIEW_ASSESS, MAIN | H, true},
    {'6', ACT_VIEW_FINDINGS, MAIN | H, true}, /* first: the key the save's message names */
    {KEY_F(6), ACT_VIEW_FINDINGS, MAIN | H, false},
    {'Q', ACT_QUIT, MAIN | H, true},
    {KEY_F(10), ACT_QUIT, MAIN | H, false},
    {'0', ACT_QUIT, MAIN, false},
    {CTRL('c'), ACT_QUIT, MAIN | H | PK | P | Q, false}, /* raw mode: ^C is a key */
    {CTRL('l'), ACT_REDRAW, MAIN | H | PK, false},
    {KEY_UP, ACT_UP, ROWS, false},
    {'k', ACT_UP, ROWS, false},
    {CTRL('p'), ACT_UP, ROWS, false},
    {KEY_DOWN, ACT_DOWN, ROWS, false},
    {'j', ACT_DOWN, ROWS, false},
    {CTRL('n'), ACT_DOWN, ROWS, false},
    {KEY_PPAGE, ACT_PAGE_UP, ROWS, false},
    {CTRL('u'), ACT_PAGE_UP, ROWS, false},
    {CTRL('b'), ACT_PAGE_UP, ROWS, false},
    {KEY_NPAGE, ACT_PAGE_DOWN, ROWS, false},
    {CTRL('d'), ACT_PAGE_DOWN, ROWS, false},
    {CTRL('f'), ACT_PAGE_DOWN, ROWS, false},
    {' ', ACT_PAGE_DOWN, H | DP, false},
    {KEY_HOME, ACT_FIRST, ROWS, false},
    {'g', ACT_FIRST, ROWS, false},
    {KEY_END, ACT_LAST, ROWS, false},
    {'G', ACT_LAST, ROWS, false},
    {'\n', ACT_TOGGLE, B, true},
    {KEY_ENTER, ACT_TOGGLE, B, false},
    {' ', ACT_TOGGLE, B, false},
    {KEY_RIGHT, ACT_OPEN, B, false},
    {'l', ACT_OPEN, B, false},
    {KEY_LEFT, ACT_CLOSE, B, false},
    {'h', ACT_CLOSE, B, false},
    {KEY_BACKSPACE, ACT_CLOSE, B, false},
    {'*', ACT_EXPAND_ALL, B, false},
    {'-', ACT_COLLAPSE_ALL, B, false},
    {'e', ACT_EDITION, B, true},
    {'E', ACT_EDITIONS, B, false}, /* in the help; the key bar is full at 80 columns */
    {'/', ACT_SEARCH, B, true},
    {'/', ACT_SEARCH_FINDINGS, FI, true},
    {'n', ACT_NEXT_MATCH, B | FI, true},
    {'N', ACT_PREV_MATCH, B | FI, false},
    {'\t', ACT_FOCUS, B, true},
    {'L', ACT_LANGUAGE, B, true},
    {'\n', ACT_SELECT, PR | LI | DP | RO | ST | RG | HM | CK | RV | FI | EDS, true},
    {KEY_ENTER, ACT_SELECT, PR | LI | DP | RO | ST | RG | HM | CK | RV | FI | EDS, false},
    {KEY_RIGHT, ACT_SELECT, PR | LI | RO | ST, false},
    {'l', ACT_SELECT, PR | LI | RO | ST, false},
    {KEY_LEFT, ACT_LEFT, HM, false},
    {'h', ACT_LEFT, HM, false},
    {KEY_RIGHT, ACT_RIGHT, HM, false},
    {'l', ACT_RIGHT, HM, false},
    {'a', ACT_ADD, LI | RO | RG | RV | SC, true},
    {'t', ACT_ADD_THREAT, RG, true},
    {'c', ACT_COPY, RO, true},
    {'R', ACT_RENAME, RO, true},
    {'d', ACT_DELETE, RO, true},
    {'m', ACT_HEATMAP, ST | RG, true},
    {'r', ACT_REGISTER, ST, true},
    {'o', ACT_SORT, RG, true},
    {'f', ACT_FILTER_BAND, RG, true},
    {'D', ACT_FILTER_DECISION, RG, false},
    {'O', ACT_FILTER_OWNER, RG, false},
    {'/', ACT_FILTER_TEXT, RG, true},
    {'x', ACT_CLEAR_FILTERS, RG, false},
    {' ', ACT_TOGGLE_SCOPE, SC, true},
    {'n', ACT_NO_RISK, SC, true},
    {'\n', ACT_TOGGLE_SCOPE, SC, false},
    {'S', ACT_SIGNOFF, ST | CK, true},
    {'O', ACT_REOPEN, RO | ST, true},
    {'E', ACT_EXPORT, RO | ST, true},
    {'c', ACT_COMPARE, RV, true},
    {'y', ACT_YES, Q, true},
    {'Y', ACT_YES, Q, false},
    {'n', ACT_NO, Q, true},
    {'N', ACT_NO, Q, false},
    {27, ACT_CANCEL, Q, true},
    {CTRL('g'), ACT_CANCEL, Q, false},
    {'r', ACT_RELOAD, Q, false},
    {'o', ACT_OVERWRITE, Q, false},
    {'b', ACT_BESIDE, Q, false},
    {'?', ACT_EXPLAIN, Q, false},
    {KEY_F(1), ACT_EXPLAIN, Q, false},
    {'1', ACT_EXPLAIN, Q, false},
    {KEY_IC, ACT_ADD, LI, false},
    {'d', ACT_DELETE, LI | FO, true},
    {KEY_DC, ACT_DELETE, LI, false},
    {'K', ACT_MOVE_UP, LI, false},
    {'J', ACT_MOVE_DOWN, LI, true},
    {'\n', ACT_EDIT_FIELD, FO, true},
    {KEY_ENTER, ACT_EDIT_FIELD, FO, false},
    {'e', ACT_EDIT_FIELD, FO, false},
    {KEY_RIGHT, ACT_EDIT_FIELD, FO, false},
    {'x', ACT_CLEAR_FIELD, FO, true},
    {'t', ACT_WRITE_TODAY, FO, true},
    {'q', ACT_BACK, B | PR | RO | LI | FO | DP | ST | SC | RG | HM | CK | RV | FI | EDS, true},
    {27, ACT_BACK, LI | FO | DP | ST | SC | RG | HM | CK | RV | FI | EDS, false},
    {KEY_LEFT, ACT_BACK, LI | FO | DP | ST | SC | RG | CK | RV, false},
    {'h', ACT_BACK, LI | FO | DP | ST | SC | RG | CK | RV, false},
    {KEY_BACKSPACE, ACT_BACK, LI | FO | DP | ST | SC | RG | HM | CK | RV, false},
    {' ', ACT_PICK_MARK, PK, true},
    {'\n', ACT_PICK_ACCEPT, PK, true},
    {KEY_ENTER, ACT_PICK_ACCEPT, PK, false},
    {27, ACT_PICK_CANCEL, PK, true},
    {'q', ACT_PICK_CANCEL, PK, false},
    {'q', ACT_CLOSE_HELP, H, true},
    {27, ACT_CLOSE_HELP, H, false},
    {'?', ACT_CLOSE_HELP, H, false},
    {KEY_F(1), ACT_CLOSE_HELP, H, false},
    {'\n', ACT_EDIT_ACCEPT, P, true},
    {KEY_ENTER, ACT_EDIT_ACCEPT, P, false},
    {27, ACT_EDIT_CANCEL, P, true},
    {CTRL('g'), ACT_EDIT_CANCEL, P, false},
    {KEY_LEFT, ACT_EDIT_LEFT, P, false},
    {CTRL('b'), ACT_EDIT_LEFT, P, false},
    {KEY_RIGHT, ACT_EDIT_RIGHT, P, false},
    {CTRL('f'), ACT_EDIT_RIGHT, P, false},
    {KEY_HOME, ACT_EDIT_HOME, P, false},
    {CTRL('a'), ACT_EDIT_HOME, P, false},
    {KEY_END, ACT_EDIT_END, P, false},
    {CTRL('e'), ACT_EDIT_END, P, false},
    {KEY_BACKSPACE, ACT_EDIT_BACKSPACE, P, false},
    {127, ACT_EDIT_BACKSPACE, P, false},
    {CTRL('h'), ACT_EDIT_BACKSPACE, P, false},
    {KEY_DC, ACT_EDIT_DELETE, P, false},
    {CTRL('d'), ACT_EDIT_DELETE, P, false},
    {CTRL('k'), ACT_EDIT_KILL_END, P, false},
    {CTRL('u'), ACT_EDIT_KILL_START, P, false},
    {CTRL('w'), ACT_EDIT_KILL_WORD, P, false},
};

const char *screen_title(enum view s)
{
    switch (s) {
    case SCREEN_BROWSER: return _("Guideline browser");
    case SCREEN_HELP: return _("Help");
    case SCREEN_PROMPT: return _("Search prompt and text fields");
    case SCREEN_PROFILE: return _("Organisation profile");
    case SCREEN_LIST: return _("List of entries");
    case SCREEN_FORM: return _("Form");
    case SCREEN_DEPS: return _("Dependencies");
    case SCREEN_PICK: return _("Pick list");
    case SCREEN_ROUNDS: return _("Assessment rounds");
    case SCREEN_STEPS: return _("The five steps of a round");
    case SCREEN_SCOPE: return _("Scoping");
    case SCREEN_REGISTER: return _("Risk register");
    case SCREEN_HEATMAP: return _("Heat map");
    case SCREEN_CHECKS: return _("Validation");
    case SCREEN_REVIEW: return _("Review");
    case SCREEN_FINDINGS: return _("Findings of the workspace");
    case SCREEN_EDITIONS: return _("Editions of the Guideline");
    case SCREEN_QUESTION: return _("Questions");
    default: return "";
    }
}

bool screen_back_leaves(enum view s)
{
    return s == SCREEN_BROWSER || s == SCREEN_PROFILE || s == SCREEN_ROUNDS || s == SCREEN_FINDINGS;
}

const char *action_name(enum action a) { return infos[a].name; }

const char *const *action_names(void)
{
    static const char *const names[ACT__COUNT + 1] = {
#define X(id, name, help, label, bar) name,
        KIJUN_ACTIONS(X)
#undef X
        NULL
    };
    return names;
}
const char *action_help(enum action a) { return _(infos[a].help); }

int action_bar_place(enum action a) { return infos[a].bar; }

const char *action_label(enum action a)
{
    return infos[a].label ? _(infos[a].label) : NULL;
}

#define NDEFAULTS (sizeof defaults / sizeof *defaults)

/* The bindings in force: the defaults, or (after bindings_set) a copy in
 * which kijunrc's keys stand in place of the defaults of their actions;
 * user[i] marks those, which lookups try first. */
static const struct binding *table = defaults;
static size_t ntable = NDEFAULTS;
static struct binding *own;
static bool *user;

/* The screens that own their keys: a field being edited, a pick list, a
 * question. There a key rebound for a global action (quit = Enter) does
 * not shadow the screen's own use of it. */
#define OWN_KEYS ((1u << SCREEN_PROMPT) | (1u << SCREEN_PICK) | (1u << SCREEN_QUESTION))

enum action action_for_key(enum view s, int key)
{
    bool owns = OWN_KEYS & (1u << s);
    /* the user's keys first; on a screen of its own keys, the user's keys
     * for its actions, then the defaults, then the user's global ones */
    for (int pass = user ? 0 : 1; pass < 3; pass++)
        for (size_t i = 0; i < ntable; i++) {
            if (table[i].key != key || !(table[i].screens & (1u << s)))
                continue;
            bool mine = user && user[i];
            if (pass == 0 && mine && owns && (action_screens(table[i].action) & ~OWN_KEYS))
                continue; /* a global action's key: after the screen's own */
            if (pass == 0 ? mine : pass == 1 ? !mine : mine)
                return table[i].action;
        }
    return ACT_NONE;
}

const struct binding *bindings(size_t *n)
{
    *n = ntable;
    return table;
}

bool binding_active(const struct binding *b, enum view s)
{
    return (b->screens & (1u << s)) && action_for_key(s, b->key) == b->action;
}

int action_key(enum action a, enum view s)
{
    for (size_t i = 0; i < ntable; i++)
        if (table[i].action == a && binding_active(&table[i], s))
            return table[i].key;
    return -1;
}

enum edit_effect action_edit(enum action a, struct edit *e)
{
    switch (a) {
    case ACT_EDIT_LEFT: edit_left(e); return EDIT_MOVED;
    case ACT_EDIT_RIGHT: edit_right(e); return EDIT_MOVED;
    case ACT_EDIT_HOME: edit_home(e); return EDIT_MOVED;
    case ACT_EDIT_END: edit_end(e); return EDIT_MOVED;
    case ACT_EDIT_BACKSPACE: edit_backspace(e); return EDIT_CHANGED;
    case ACT_EDIT_DELETE: edit_delete(e); return EDIT_CHANGED;
    case ACT_EDIT_KILL_END: edit_kill_end(e); return EDIT_CHANGED;
    case ACT_EDIT_KILL_START: edit_kill_start(e); return EDIT_CHANGED;
    case ACT_EDIT_KILL_WORD: edit_kill_word(e); return EDIT_CHANGED;
    default: return EDIT_NONE;
    }
}

const char *action_key_name(enum action a, enum view s, char *buf, size_t size)
{
    int key = action_key(a, s);
    if (key < 0) {
        snprintf(buf, size, "?");
        return buf;
    }
    return key_label(key, buf, size);
}

const char *action_key_str(enum action a, enum view s)
{
    static char ring[8][16];
    static unsigned next;
    char *buf = ring[next++ % 8];
    for (size_t i = 0; i < ntable; i++) /* the key the key bar shows, first */
        if (table[i].action == a && table[i].on_keybar && binding_active(&table[i], s))
            return key_label(table[i].key, buf, sizeof ring[0]);
    return action_key_name(a, s, buf, sizeof ring[0]);
}

const char *action_yes_no(void)
{
    static char buf[40];
    snprintf(buf, sizeof buf, "%s/%s", action_key_str(ACT_YES, SCREEN_QUESTION), action_key_str(ACT_NO, SCREEN_QUESTION));
    return buf;
}

static bool hidden[ACT__COUNT];

void action_hide(enum action a, bool hide) { hidden[a] = hide; }
void action_hide_none(void) { memset(hidden, 0, sizeof hidden); }
bool action_hidden(enum action a) { return hidden[a]; }

unsigned action_screens(enum action a)
{
    unsigned all = 0;
    for (size_t i = 0; i < NDEFAULTS; i++)
        if (defaults[i].action == a)
            all |= defaults[i].screens;
    return all;
}

void bindings_reset(void)
{
    free(own);
    free(user);
    own = NULL;
    user = NULL;
    table = defaults;
    ntable = NDEFAULTS;
}

static void put(struct binding *t, bool *u, size_t *n, int key, enum action a, unsigned screens,
                bool bar, bool is_user)
{
    if (!screens)
        return;
    t[*n] = (struct binding){key, a, screens, bar};
    u[(*n)++] = is_user;
}

void bindings_set(enum action a, const int *keys, size_t nkeys)
{
    unsigned all = action_screens(a), bar = 0;
    for (size_t i = 0; i < NDEFAULTS; i++)
        if (defaults[i].action == a && defaults[i].on_keybar)
            bar |= defaults[i].screens;
    if (!all || !nkeys)
        return;
    /* each key, its twin, and the first key twice (with and without the bar) */
    size_t cap = ntable + 2 * nkeys + 1, n = 0;
    struct binding *t = xcalloc(cap, sizeof *t);
    bool *u = xcalloc(cap, sizeof *u);
    bool placed = false;
    for (size_t i = 0; i < ntable; i++) {
        if (table[i].action != a) {
            put(t, u, &n, table[i].key, table[i].action, table[i].screens, table[i].on_keybar,
                user && user[i]);
            continue;
        }
        if (placed)
            continue;
        placed = true;
        for (size_t k = 0; k < nkeys; k++) {
            if (k == 0) {
                put(t, u, &n, keys[0], a, bar, true, true);
                put(t, u, &n, keys[0], a, all & ~bar, false, true);
            } else {
                put(t, u, &n, keys[k], a, all, false, true);
            }
            int twin = key_twin(keys[k]);
            if (twin >= 0)
                put(t, u, &n, twin, a, all, false, true);
        }
    }
    free(own);
    free(user);
    own = t;
    user = u;
    table = own;
    ntable = n;
}
