/* input: keys as the terminal sends them, and bracketed paste. */
#include "config.h"
#include "ui/input.h"
#include "ui/testhook.h"
#include "util/utf8.h"
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Terminals send xterm's and the VT220's key sequences whatever TERM says
 * (TERM=vt100 on an xterm, TERM=linux in tmux): teach ncurses those that
 * the terminal description lacks, so that F5 is F5 and not Esc [ 1 5 ~,
 * which would run the keys 1 and 5. */
void input_define_keys(void)
{
    static const struct { const char *seq; int key; } keys[] = {
        {"\033OP", KEY_F(1)}, {"\033OQ", KEY_F(2)}, {"\033OR", KEY_F(3)}, {"\033OS", KEY_F(4)},
        {"\033[11~", KEY_F(1)}, {"\033[12~", KEY_F(2)}, {"\033[13~", KEY_F(3)},
        {"\033[14~", KEY_F(4)}, {"\033[15~", KEY_F(5)}, {"\033[17~", KEY_F(6)},
        {"\033[18~", KEY_F(7)}, {"\033[19~", KEY_F(8)}, {"\033[20~", KEY_F(9)},
        {"\033[21~", KEY_F(10)}, {"\033[23~", KEY_F(11)}, {"\033[24~", KEY_F(12)},
        {"\033[[A", KEY_F(1)}, {"\033[[B", KEY_F(2)}, {"\033[[C", KEY_F(3)},
        {"\033[[D", KEY_F(4)}, {"\033[[E", KEY_F(5)},
        {"\033[A", KEY_UP}, {"\033[B", KEY_DOWN}, {"\033[C", KEY_RIGHT}, {"\033[D", KEY_LEFT},
        {"\033OA", KEY_UP}, {"\033OB", KEY_DOWN}, {"\033OC", KEY_RIGHT}, {"\033OD", KEY_LEFT},
        {"\033[H", KEY_HOME}, {"\033OH", KEY_HOME}, {"\033[1~", KEY_HOME}, {"\033[7~", KEY_HOME},
        {"\033[F", KEY_END}, {"\033OF", KEY_END}, {"\033[4~", KEY_END}, {"\033[8~", KEY_END},
        {"\033[2~", KEY_IC}, {"\033[3~", KEY_DC}, {"\033[5~", KEY_PPAGE}, {"\033[6~", KEY_NPAGE},
        {"\033OM", KEY_ENTER},
    };
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (key_defined(keys[i].seq) == 0)
            define_key(keys[i].seq, keys[i].key);
}

/* Bracketed paste (xterm's mode 2004): the terminal wraps pasted text in
 * ESC[200~ ... ESC[201~, so that a paste is text for the open field and
 * never keys (a pasted "...\n0" once quit kijun). Turned on where the
 * terminfo entry says so (BE) or the terminal is of a kind that has it. */
#define PASTE_MAX 65536 /* bytes kept of one paste; the rest is dropped */

static bool paste_on;

static bool paste_supported(void)
{
    const char *be = tigetstr("BE");
    if (be && be != (char *)-1)
        return true;
    static const char *const kinds[] = {"xterm", "tmux", "screen", "rxvt", "alacritty", "foot",
                                        "kitty", "wezterm", "st", "vte", "gnome", "konsole"};
    const char *term = getenv("TERM");
    for (size_t i = 0; term && i < sizeof kinds / sizeof *kinds; i++) {
        size_t n = strlen(kinds[i]);
        if (strncmp(term, kinds[i], n) == 0 && (term[n] == '\0' || term[n] == '-'))
            return true;
    }
    return false;
}

void input_paste_mode(bool on)
{
    if (on == paste_on || (on && !paste_supported()))
        return;
    define_key("\033[200~", KEY_PASTE_BEGIN);
    define_key("\033[201~", KEY_PASTE_END);
    putp(on ? "\033[?2004h" : "\033[?2004l");
    fflush(stdout);
    paste_on = on;
}

/* The text of a paste, read up to its end: a newline, CR or tab becomes a
 * space (CR LF one space), a trailing newline is dropped, other control
 * characters and keys inside it are dropped. Ends on the terminal's end
 * mark, or after a second without input (an end mark that got lost). */
void input_read_paste(struct strbuf *t, volatile sig_atomic_t *stop)
{
    bool cr = false;
    size_t spaces = 0; /* newlines not yet written: a trailing one is dropped */
    timeout(1000);
    while (!*stop) {
        wint_t ch;
        int r = input_read_key(&ch);
        if (r == ERR || (r == KEY_CODE_YES && ch == KEY_PASTE_END))
            break;
        if (r != OK)
            continue;
        if (ch == '\r' || ch == '\n' || ch == '\t') {
            if (!(ch == '\n' && cr))
                spaces++;
            cr = ch == '\r';
            continue;
        }
        cr = false;
        if (ch < 0x20 || ch == 0x7F || (ch >= 0x80 && ch < 0xA0))
            continue;
        char buf[8];
        size_t n = utf8_encode((uint32_t)ch, buf);
        if (t->len + spaces + n > PASTE_MAX)
            continue;
        for (; spaces; spaces--)
            sb_add(t, " ", 1);
        sb_add(t, buf, n);
    }
}

/* The mouse event of a KEY_MOUSE, as getmouse. */
int input_get_mouse(MEVENT *ev)
{
    int r = getmouse(ev);
    if (r == OK)
        testhook_read(1);
    return r;
}

/* One key: OK and a character, KEY_CODE_YES and a KEY_ code, or ERR. */
int input_read_key(wint_t *ch)
{
    /* about to wait for a key, so all that the keys read did is drawn (a
     * read that does not wait, timeout 0, is a look for keys typed ahead
     * before drawing what can wait for them): tell the tests */
    if (wgetdelay(stdscr) != 0)
        testhook_idle();
    if (MB_CUR_MAX > 1) {
        int r = get_wch(ch);
        char buf[8];
        /* the tests count a character by its bytes, a mouse event when
         * it is taken (input_get_mouse): curses returns KEY_MOUSE for a
         * release it was not asked for, or not, as the bytes come */
        if (r == OK)
            testhook_read(*ch < 0x110000 ? utf8_encode((uint32_t)*ch, buf) : 1);
        else if (r == KEY_CODE_YES && *ch != KEY_MOUSE)
            testhook_read(1);
        return r;
    }
    /* A single-byte locale (C, POSIX, Latin-1) reads byte by byte: there
     * get_wch takes a byte that is no character (é from a UTF-8 terminal
     * in the C locale) as the start of one and swallows every key typed
     * after it until input pauses. Such a byte is dropped here. */
    int k = getch();
    if (k == ERR)
        return ERR;
    if (k != KEY_MOUSE)
        testhook_read(1);
    if (k >= KEY_MIN) {
        *ch = (wint_t)k;
        return KEY_CODE_YES;
    }
    wint_t w = btowc(k);
    if (w == WEOF)
        return ERR;
    *ch = w;
    return OK;
}
