/* keys: key labels and the kijunrc key syntax. Only curses' key
 * constants are used here (no curses calls), so the unit tests of the
 * settings file link it alone. */
#include "config.h"
#include "ui/keys.h"
#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define CTRL(c) ((c) & 0x1f)

static const struct {
    const char *name;
    int key;
} names[] = {
    {"Enter", '\n'}, {"Return", '\n'}, {"Esc", 27}, {"Escape", 27}, {"Tab", '\t'},
    {"Space", ' '}, {"BkSp", KEY_BACKSPACE}, {"Backspace", KEY_BACKSPACE},
    {"Del", KEY_DC}, {"Delete", KEY_DC}, {"Ins", KEY_IC}, {"Insert", KEY_IC},
    {"Up", KEY_UP}, {"Down", KEY_DOWN}, {"Left", KEY_LEFT}, {"Right", KEY_RIGHT},
    {"PgUp", KEY_PPAGE}, {"PageUp", KEY_PPAGE}, {"PgDn", KEY_NPAGE}, {"PageDown", KEY_NPAGE},
    {"Home", KEY_HOME}, {"End", KEY_END},
};

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
    case KEY_IC: return "Ins";
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

/* Ctrl with c: a letter (either case) or [ \ ] ^ _. */
static int ctrl_key(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c && strchr("[\\]^_", c))) {
        int k = CTRL(c);
        /* the main loop reads CR as Enter and ^H as Backspace */
        return k == '\r' ? '\n' : k == 8 ? KEY_BACKSPACE : k;
    }
    return -1;
}

int key_parse(const char *spec)
{
    if (!spec || !*spec)
        return -1;
    size_t n = strlen(spec);
    if (n == 1)
        return spec[0] > ' ' && spec[0] < 127 ? spec[0] : spec[0] == ' ' ? ' ' : -1;
    if (n == 2 && spec[0] == '^')
        return ctrl_key(spec[1]);
    if (n == 3 && (spec[0] == 'C' || spec[0] == 'c') && spec[1] == '-')
        return ctrl_key(spec[2]);
    if ((spec[0] == 'F' || spec[0] == 'f') && n <= 3 && spec[1] >= '1' && spec[1] <= '9') {
        int f = spec[1] - '0';
        if (n == 3) {
            if (spec[2] < '0' || spec[2] > '9' || f != 1)
                return -1;
            f = 10 + (spec[2] - '0');
        }
        return f <= 12 ? KEY_F(f) : -1;
    }
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcasecmp(names[i].name, spec) == 0)
            return names[i].key;
    return -1;
}

int key_twin(int key)
{
    switch (key) {
    case '\n': return KEY_ENTER;
    case KEY_BACKSPACE: return 127;
    default: return -1;
    }
}
