/* floor_list: the floor of a list screen, for bench/run to measure kijun
 * against. N rows of text (default 20000), or the lines of FILE, a
 * highlight moved by the arrow keys (Up, Down, PgUp, PgDn), the rows on
 * screen drawn again after each key and one doupdate per key, as a list
 * view of kijun does; q quits.
 *
 *   bench/floor-list [N]
 *   bench/floor-list --rows FILE [--width N]
 *       the rows of a kijun screen: the same text; with --width, rows of N
 *       columns, as a list beside a pane (the register's beside its preview)
 */
#include "config.h"
#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static char **lines; /* with --rows: the rows' text */
static int width;    /* with --width: the rows' width, else the screen's */

/* Display columns of a multibyte string (its bytes where not valid). */
static int width_of(const char *s)
{
    wchar_t w[512];
    size_t n = mbstowcs(w, s, sizeof w / sizeof *w - 1);
    if (n == (size_t)-1)
        return (int)strlen(s);
    int cols = wcswidth(w, n);
    return cols < 0 ? (int)n : cols;
}

static void draw_text_row(int y, const char *s)
{
    int w = width > 0 && width < COLS ? width : COLS;
    mvaddstr(y, 0, s);
    for (int x = width_of(s); x < w; x++)
        addch(' ');
}

static void draw(long n, long cur, long top)
{
    int rows = LINES - 2; /* a title line above, a key bar below */
    erase();
    mvprintw(0, 0, "floor-list: %ld rows", n);
    for (int y = 0; y < rows && top + y < n; y++) {
        long i = top + y;
        if (i == cur)
            attron(A_REVERSE);
        if (lines) {
            draw_text_row(1 + y, lines[i]);
        } else {
            mvprintw(1 + y, 0, "%-*.*s", COLS, COLS,
                     i % 3 ? "  row of the list with some text in it, as a register row has"
                           : "  another row, a little shorter than the first");
            mvprintw(1 + y, 0, "%c%6ld", i == cur ? '>' : ' ', i + 1);
        }
        if (i == cur)
            attroff(A_REVERSE);
    }
    mvprintw(LINES - 1, 0, "Up/Down move  PgUp/PgDn page  q quit");
    wnoutrefresh(stdscr);
    doupdate();
}

static long read_rows(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        exit(2);
    }
    long n = 0, cap = 0;
    char buf[1024];
    while (fgets(buf, sizeof buf, f)) {
        buf[strcspn(buf, "\n")] = '\0';
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            lines = realloc(lines, (size_t)cap * sizeof *lines);
            if (!lines)
                exit(2);
        }
        lines[n++] = strdup(buf);
    }
    fclose(f);
    return n;
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    long n = argc > 2 && strcmp(argv[1], "--rows") == 0 ? read_rows(argv[2])
           : argc > 1 ? atol(argv[1]) : 20000;
    if (argc > 4 && strcmp(argv[3], "--width") == 0)
        width = atoi(argv[4]);
    if (n < 1)
        n = 1;
    initscr();
    raw();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    curs_set(0);
    long cur = 0, top = 0;
    for (;;) {
        int page = LINES - 2 > 1 ? LINES - 2 : 1;
        if (cur < top)
            top = cur;
        if (cur >= top + page)
            top = cur - page + 1;
        draw(n, cur, top);
        int k = getch();
        if (k == 'q' || k == ERR)
            break;
        switch (k) {
        case KEY_DOWN: cur += cur + 1 < n; break;
        case KEY_UP: cur -= cur > 0; break;
        case KEY_NPAGE: cur = cur + page < n ? cur + page : n - 1; break;
        case KEY_PPAGE: cur = cur > page ? cur - page : 0; break;
        default: break;
        }
    }
    endwin();
    return 0;
}
