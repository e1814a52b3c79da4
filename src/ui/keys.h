/* keys: the names of keys, both ways: a short printable label of a curses
 * key code for the key bar and the help ("Enter", "PgDn", "F1", "^L",
 * "j"), and the key syntax of kijunrc parsed into a key code. */
#ifndef KIJUN_KEYS_H
#define KIJUN_KEYS_H
#include <stddef.h>

/* A short printable name of a key: "Enter", "PgDn", "F1", "^L", "j". */
const char *key_label(int key, char *buf, size_t size);
/* The key code of spec, or -1 when it names no key: a printable ASCII
 * character ("s", "?"); "F1".."F12"; "^X" or "C-x" for Ctrl with a letter
 * (or one of [ \ ] ^ _; ^M is Enter, ^H BkSp); or a name, in any case: Enter, Esc, Tab,
 * Space, BkSp (Backspace), Del (Delete), Ins (Insert), Up, Down, Left,
 * Right, PgUp (PageUp), PgDn (PageDown), Home, End. */
int key_parse(const char *spec);
/* The other code the same key may send (Enter: KEY_ENTER; BkSp: DEL), or
 * -1. */
int key_twin(int key);
#endif
