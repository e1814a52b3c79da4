/* app: the workbench's main loop. */
#include "config.h"
#include "ui/app.h"
#include "ui/actions.h"
#include "ui/browser.h"
#include "ui/draw.h"
#include "ui/help.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

struct app {
    const struct app_options *opt;
    struct browser browser;
    struct help help;
    bool help_open;
    bool quit;
};

static enum view current_screen(const struct app *a)
{
    return a->help_open ? SCREEN_HELP : browser_screen(&a->browser);
}

/* The key bar: the keys that matter on this screen, from the table. */
static void draw_keybar(enum view s, int y, int cols)
{
    size_t n;
    const struct binding *b = bindings(&n);
    int x = 0;
    draw_blank(y, 0, cols, role_attr(ROLE_KEYBAR));
    for (size_t i = 0; i < n; i++) {
        if (!b[i].on_keybar || !(b[i].screens & (1u << s)))
            continue;
        const char *label = action_label(b[i].action);
        if (!label)
            continue;
        char buf[16];
        const char *key = key_label(b[i].key, buf, sizeof buf);
        int need = utf8_width(key) + 1 + utf8_width(label) + 1;
        if (x + need > cols)
            break;
        int kw = utf8_width(key), lw = utf8_width(label);
        draw_cell(y, x, kw, key, role_attr(ROLE_KEY));
        draw_cell(y, x + kw + 1, lw, label, role_attr(ROLE_KEYBAR));
        x += kw + lw + 2;
    }
}

static void draw_too_small(int rows, int cols)
{
    char line1[128], line2[128];
    snprintf(line1, sizeof line1, _("Terminal too small: %dx%d"), cols, rows);
    snprintf(line2, sizeof line2, _("kijun needs at least %dx%d."), APP_MIN_COLS, APP_MIN_ROWS);
    const char *line3 = _("Enlarge the window, or press q to quit.");
    erase();
    const char *lines[3] = {line1, line2, line3};
    for (int i = 0; i < 3 && i < rows; i++) {
        int w = utf8_width(lines[i]);
        int x = w < cols ? (cols - w) / 2 : 0;
        int y = rows >= 3 ? rows / 2 - 1 + i : i;
        draw_cell(y, x, cols - x, lines[i], i == 0 ? role_attr(ROLE_NOTICE) : A_NORMAL);
    }
}

static void draw_all(struct app *a)
{
    int rows = LINES, cols = COLS;
    curs_set(0);
    if (cols < APP_MIN_COLS || rows < APP_MIN_ROWS) {
        draw_too_small(rows, cols);
        wnoutrefresh(stdscr);
        doupdate();
        return;
    }
    if (a->help_open) {
        struct strbuf t = STRBUF_INIT;
        sb_printf(&t, " kijun %s %s: %s", glyph("\xE2\x80\xBA", ">"), _("Help"),
                  screen_title(a->help.from));
        draw_cell(0, 0, cols, sb_str(&t), role_attr(ROLE_TITLE));
        sb_free(&t);
        help_draw(&a->help, 1, rows - 2, cols);
    } else {
        browser_draw(&a->browser, rows, cols, a->opt->workspace_label);
    }
    draw_keybar(current_screen(a), rows - 1, cols);
    if (!a->help_open && a->browser.searching) {
        /* put the cursor back into the search prompt */
        browser_draw(&a->browser, rows, cols, a->opt->workspace_label);
        curs_set(1);
    }
    wnoutrefresh(stdscr);
    doupdate();
}

static void handle_key(struct app *a, int key, bool is_char, wint_t ch)
{
    int rows = LINES, cols = COLS;
    enum view s = current_screen(a);
    if (cols < APP_MIN_COLS || rows < APP_MIN_ROWS) {
        if (key == 'q' || key == 'Q' || key == KEY_F(10))
            a->quit = true;
        return;
    }
    /* printable characters typed into the prompt are text, not keys */
    if (s == SCREEN_PROMPT && is_char && ch >= 0x20 && ch != 0x7F) {
        char buf[8];
        size_t n = utf8_encode((uint32_t)ch, buf);
        buf[n] = '\0';
        browser_input(&a->browser, buf);
        return;
    }
    enum action act = action_for_key(s, key);
    if (act == ACT_REDRAW) {
        clearok(curscr, TRUE);
        return;
    }
    if (s == SCREEN_HELP) {
        if (act == ACT_QUIT && key != 'q')
            a->quit = true;
        else if (act != ACT_NONE && !help_action(&a->help, act, rows - 3))
            a->help_open = false;
        return;
    }
    switch (act) {
    case ACT_QUIT:
        a->quit = true;
        break;
    case ACT_HELP:
        help_open(&a->help, s);
        a->help_open = true;
        break;
    case ACT_NONE:
        if (s == SCREEN_BROWSER && key != KEY_RESIZE) {
            char buf[16];
            snprintf(a->browser.message, sizeof a->browser.message,
                     _("Key %s does nothing here: press ? for help"), key_label(key, buf, sizeof buf));
            a->browser.message_is_error = true;
        }
        break;
    default:
        browser_action(&a->browser, act);
        break;
    }
}

int app_run(const struct app_options *opt)
{
    struct app a = {0};
    a.opt = opt;
    browser_init(&a.browser, opt->lib, opt->lang, opt->edition);
    if (!initscr()) {
        fputs("kijun: cannot initialise the terminal\n", stderr);
        browser_free(&a.browser);
        return 2;
    }
    set_escdelay(25);
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    draw_init(opt->utf8, opt->color);
    while (!a.quit) {
        draw_all(&a);
        wint_t ch;
        int r = get_wch(&ch);
        if (r == ERR)
            continue;
        int key = (int)ch;
        if (r == OK && ch == '\r')
            key = '\n';
        handle_key(&a, key, r == OK, ch);
    }
    endwin();
    help_close(&a.help);
    browser_free(&a.browser);
    return 0;
}
