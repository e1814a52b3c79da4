/* testhook: the UI tests' key counter. With KIJUN_TEST_KEYS set (to
 * anything but empty), when kijun is about to wait for a key (every key
 * read handled, the screen drawn), it sets the terminal's title (OSC 2) to
 *
 *     kijun-keys N COLSxROWS
 *
 * where N counts the input read so far (testhook_read). tmux parses the
 * title in order with the screen's bytes, so a test that reads the title
 * (#{pane_title}) and finds the count of what it sent sees the screen as
 * drawn after its last key: no waiting for the screen to stop changing,
 * no race between a file and the terminal. A key code counts 1 and a
 * character its bytes in UTF-8, so that the harness counts the same
 * whatever the locale: ncurses reads a character (get_wch) in a UTF-8
 * locale and a byte (getch) in a single-byte one. The title is sent only
 * when the count or the size changed. */
#include "config.h"
#include "ui/testhook.h"
#include <curses.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static int enabled = -1; /* -1 not yet asked */
static unsigned long keys_read;
static unsigned long keys_told = (unsigned long)-1;
static int cols_told = -1, rows_told = -1;

static bool on(void)
{
    if (enabled < 0) {
        const char *v = getenv("KIJUN_TEST_KEYS");
        enabled = v && *v;
    }
    return enabled;
}

void testhook_read(size_t n)
{
    keys_read += n;
}

void testhook_idle(void)
{
    if (!on() || (keys_read == keys_told && COLS == cols_told && LINES == rows_told))
        return;
    char buf[80];
    int n = snprintf(buf, sizeof buf, "\033]2;kijun-keys %lu %dx%d\007", keys_read, COLS, LINES);
    fflush(stdout); /* after the screen's bytes, whichever way curses sent them */
    if (n > 0 && write(STDOUT_FILENO, buf, (size_t)n) == n) {
        keys_told = keys_read;
        cols_told = COLS;
        rows_told = LINES;
    }
}
