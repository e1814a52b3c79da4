/* input: keys as the terminal sends them, and bracketed paste. */
#ifndef KIJUN_INPUT_H
#define KIJUN_INPUT_H
#include "util/strbuf.h"
#include <curses.h>
#include <signal.h>
#include <stdbool.h>
#include <wchar.h>

/* far above KEY_MAX: ncurses numbers the terminfo's extended keys (kUP5,
 * kDC3 ...) from KEY_MAX + 1 up */
#define KEY_PASTE_BEGIN (KEY_MAX + 1000)
#define KEY_PASTE_END (KEY_MAX + 1001)

/* Teach ncurses the xterm and VT220 key sequences its terminfo lacks. */
void input_define_keys(void);
/* Bracketed paste on or off, where the terminal has it. */
void input_paste_mode(bool on);
/* The text of a paste whose beginning was read, up to its end (or *stop). */
void input_read_paste(struct strbuf *t, volatile sig_atomic_t *stop);
/* The mouse event of a KEY_MOUSE (getmouse, counted for the tests). */
int input_get_mouse(MEVENT *ev);
/* One key: OK and a character, KEY_CODE_YES and a KEY_ code, or ERR. */
int input_read_key(wint_t *ch);
#endif
