/* actions: the action table and the default key bindings. */
#include "config.h"
#include "ui/actions.h"
#include "util/i18n.h"
#include <curses.h>
#include <stdio.h>

struct action_info {
    const char *name, *help, *label;
};

static const struct action_info infos[ACT__COUNT] = {
#define X(id, name, help, label) {name, help, label},
    KIJUN_ACTIONS(X)
#undef X
};

#define CTRL(c) ((c) & 0x1f)
#define B (1u << SCREEN_BROWSER)
#define H (1u << SCREEN_HELP)
#define P (1u << SCREEN_PROMPT)

/* Default bindings. The first binding of an action marked on_keybar is
 * the key the key bar shows. Every F-key has a digit or letter twin. */
static const struct binding table[] = {
    {'?', ACT_HELP, B, true},
    {KEY_F(1), ACT_HELP, B, false},
    {'1', ACT_HELP, B, false},
    {'q', ACT_QUIT, B, true},
    {'Q', ACT_QUIT, B | H, false},
    {KEY_F(10), ACT_QUIT, B | H, false},
    {'0', ACT_QUIT, B, false},
    {CTRL('l'), ACT_REDRAW, B | H, false},
    {KEY_UP, ACT_UP, B | H, false},
    {'k', ACT_UP, B | H, false},
    {CTRL('p'), ACT_UP, B | H, false},
    {KEY_DOWN, ACT_DOWN, B | H, false},
    {'j', ACT_DOWN, B | H, false},
    {CTRL('n'), ACT_DOWN, B | H, false},
    {KEY_PPAGE, ACT_PAGE_UP, B | H, false},
    {CTRL('u'), ACT_PAGE_UP, B | H, false},
    {CTRL('b'), ACT_PAGE_UP, B | H, false},
    {KEY_NPAGE, ACT_PAGE_DOWN, B | H, false},
    {CTRL('d'), ACT_PAGE_DOWN, B | H, false},
    {CTRL('f'), ACT_PAGE_DOWN, B | H, false},
    {' ', ACT_PAGE_DOWN, H, false},
    {KEY_HOME, ACT_FIRST, B | H, false},
    {'g', ACT_FIRST, B | H, false},
    {KEY_END, ACT_LAST, B | H, false},
    {'G', ACT_LAST, B | H, false},
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
    {'/', ACT_SEARCH, B, true},
    {'n', ACT_NEXT_MATCH, B, true},
    {'N', ACT_PREV_MATCH, B, false},
    {'\t', ACT_FOCUS, B, true},
    {'L', ACT_LANGUAGE, B, true},
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
    case SCREEN_PROMPT: return _("Search prompt (and every text field)");
    default: return "";
    }
}

const char *action_name(enum action a) { return infos[a].name; }
const char *action_help(enum action a) { return _(infos[a].help); }

const char *action_label(enum action a)
{
    return infos[a].label ? _(infos[a].label) : NULL;
}

enum action action_for_key(enum view s, int key)
{
    for (size_t i = 0; i < sizeof table / sizeof *table; i++)
        if (table[i].key == key && (table[i].screens & (1u << s)))
            return table[i].action;
    return ACT_NONE;
}

const struct binding *bindings(size_t *n)
{
    *n = sizeof table / sizeof *table;
    return table;
}

const char *key_label(int key, char *buf, size_t size)
{
    switch (key) {
    case '\n': case KEY_ENTER: return "Enter";
    case ' ': return "Space";
    case '\t': return "Tab";
    case 27: return "Esc";
    case KEY_UP: return "Up";
    case KEY_DOWN: return "Down";
    case KEY_LEFT: return "Left";
    case KEY_RIGHT: return "Right";
    case KEY_PPAGE: return "PgUp";
    case KEY_NPAGE: return "PgDn";
    case KEY_HOME: return "Home";
    case KEY_END: return "End";
    case KEY_BACKSPACE: case 127: return "BkSp";
    case KEY_DC: return "Del";
    default: break;
    }
    if (key >= KEY_F(1) && key <= KEY_F(12))
        snprintf(buf, size, "F%d", key - KEY_F(0));
    else if (key > 0 && key < 32)
        snprintf(buf, size, "^%c", key + '@');
    else if (key < 127)
        snprintf(buf, size, "%c", key);
    else
        snprintf(buf, size, "#%d", key);
    return buf;
}
