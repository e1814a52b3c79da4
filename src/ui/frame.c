/* frame: what every screen has: the title bar, the status line, the
 * message setter, the key bar; the notice of a terminal too small. */
#include "config.h"
#include "ui/frame.h"
#include "ui/app.h"
#include "core/session.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include <stdio.h>
#include <stdlib.h>
#include "ui/draw.h"
#include "ui/mouse.h"
#include "util/utf8.h"
#include <curses.h>

static const struct session *shown;

void chrome_set_session(const struct session *s)
{
    shown = s;
}

void chrome_title(int cols, const char *crumbs)
{
    draw_blank(0, 0, cols, role_attr(ROLE_TITLE));
    draw_cell(0, 1, cols - 1, crumbs, role_attr(ROLE_TITLE));
}

void chrome_status(int y, int cols, const char *status, const char *message, bool error)
{
    struct strbuf marks = STRBUF_INIT, sb = STRBUF_INIT;
    if (shown && session_modified(shown))
        sb_adds(&marks, _(" [+] modified"));
    if (shown && shown->read_only)
        sb_adds(&marks, _(" [read-only]"));
    /* the marks always whole: the status is shortened before them */
    int room = cols - utf8_width(sb_str(&marks));
    if (marks.len && utf8_width(status) > room && room > 1) {
        char *cut = utf8_ellipsize(status, room, glyph("\xE2\x80\xA6", "~"), 1);
        sb_adds(&sb, cut);
        free(cut);
    } else {
        sb_adds(&sb, status);
    }
    sb_adds(&sb, sb_str(&marks));
    draw_status_message(y, cols, sb_str(&sb), message, error);
    sb_free(&sb);
    sb_free(&marks);
}

void chrome_editing(int y, int cols)
{
    char text[200];
    snprintf(text, sizeof text, _("Editing: %s keeps, %s cancels, %s %s %s %s move and delete"),
             action_key_str(ACT_EDIT_ACCEPT, SCREEN_PROMPT), action_key_str(ACT_EDIT_CANCEL, SCREEN_PROMPT),
             action_key_str(ACT_EDIT_HOME, SCREEN_PROMPT), action_key_str(ACT_EDIT_END, SCREEN_PROMPT),
             action_key_str(ACT_EDIT_KILL_END, SCREEN_PROMPT), action_key_str(ACT_EDIT_KILL_START, SCREEN_PROMPT));
    draw_cell(y, 0, cols, text, role_attr(ROLE_STATUS));
}

void message_vset(char *buf, size_t size, bool *flag, bool error, const char *fmt, va_list ap)
{
    vsnprintf(buf, size, fmt, ap);
    *flag = error;
}

/* The key bar: the keys that matter on this screen, from the table (a
 * key that kijunrc gave to another action here is replaced by the
 * action's next key). Each entry is recorded for mouse clicks. */
void draw_keybar(enum view s, int y, int cols)
{
    size_t n;
    const struct binding *b = bindings(&n);
    int x = 0;
    draw_blank(y, 0, cols, role_attr(ROLE_KEYBAR));
    for (int pass = 0; pass < 7; pass++) {
        for (size_t i = 0; i < n; i++) {
            if (!b[i].on_keybar || !(b[i].screens & (1u << s)) || action_bar_place(b[i].action) != pass)
                continue;
            const char *label = action_label(b[i].action);
            int code = binding_active(&b[i], s) ? b[i].key : action_key(b[i].action, s);
            if (!label || code < 0 || action_hidden(b[i].action))
                continue;
            char buf[16];
            const char *key = key_label(code, buf, sizeof buf);
            int kw = utf8_width(key), lw = utf8_width(label);
            if (x + kw + lw + 1 > cols)
                return;
            draw_cell(y, x, kw, key, role_attr(ROLE_KEY));
            draw_cell(y, x + kw + 1, lw, label, role_attr(ROLE_KEYBAR));
            hit_key(y, x, kw + lw + 1, code);
            x += kw + lw + 2;
        }
    }
}


void draw_too_small(int rows, int cols, bool refused)
{
    char line1[128], line2[128];
    snprintf(line1, sizeof line1, _("Terminal too small: %dx%d"), cols, rows);
    snprintf(line2, sizeof line2, _("kijun needs at least %dx%d."), APP_MIN_COLS, APP_MIN_ROWS);
    char line3[160];
    snprintf(line3, sizeof line3, _("Enlarge the window, or press %s to quit."),
             action_key_str(ACT_QUIT, SCREEN_BROWSER));
    erase();
    /* nothing typed is taken behind the notice: said, not lost unseen */
    const char *lines[4] = {line1, line2, line3, _("The key was not taken: enlarge the window first.")};
    for (int i = 0; i < 3 + refused && i < rows; i++) {
        int w = utf8_width(lines[i]);
        int x = w < cols ? (cols - w) / 2 : 0;
        int y = rows >= 3 ? rows / 2 - 1 + i : i;
        draw_cell(y, x, cols - x, lines[i], i == 0 ? role_attr(ROLE_NOTICE) : A_NORMAL);
    }
}
