/* draw: text cells on the screen, cut and padded by display width, with
 * every string sanitised (control characters shown as escapes) and, on a
 * terminal without UTF-8, reduced to ASCII. */
#ifndef KIJUN_DRAW_H
#define KIJUN_DRAW_H
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

/* Colour roles; every role also has a monochrome attribute. */
enum role {
    ROLE_NORMAL, ROLE_TITLE, ROLE_SELECTED, ROLE_SELECTED_DIM, ROLE_MATCH,
    ROLE_LABEL, ROLE_DIM, ROLE_KEY, ROLE_KEYBAR, ROLE_STATUS, ROLE_BASELINE,
    ROLE_HEADING, ROLE_NOTICE, ROLE__COUNT
};

struct rc_style;

/* Set up the roles' attributes (after initscr): the monochrome theme, or
 * with color the colour theme, each with the styles draw_style gave. */
void draw_init(bool utf8, bool color);
/* The name of role r in kijunrc ("selected"); the names in enum order,
 * NULL-terminated. */
const char *role_name(enum role r);
const char *const *role_names(void);
/* A style from kijunrc for its role, used by the next draw_init: in
 * colour its colours and attributes replace the default ones; in
 * monochrome its colours are ignored and its attributes are added to the
 * role's monochrome ones (which keep every distinction). */
void draw_style(const struct rc_style *st);
/* Back to the default theme. */
void draw_styles_reset(void);
bool draw_utf8(void);
/* Whether the terminal can show Japanese (UTF-8, not the Linux console). */
bool draw_japanese(void);
attr_t role_attr(enum role r);
/* A glyph in UTF-8, or its ASCII stand-in on an ASCII terminal. */
const char *glyph(const char *utf8, const char *ascii);

/* Draw s at (y, x) in exactly width columns: cut with an ellipsis when
 * too long, padded with spaces when short. Returns the columns of text
 * drawn (before padding). */
int draw_cell(int y, int x, int width, const char *s, attr_t attr);
/* Like draw_cell, with bytes [hl_off, hl_off + hl_len) of s in hl_attr. */
int draw_cell_hl(int y, int x, int width, const char *s, attr_t attr,
                 size_t hl_off, size_t hl_len, attr_t hl_attr);
/* A path cut to at most max columns for a status line: the last
 * component, itself cut with an ellipsis when still too long. New string. */
char *short_path(const char *path, int max);
/* The status line: the status text and the message beside it (an error
 * in the notice role). No message is cut off: one that does not fit there
 * is wrapped over up to three lines, an error over the status line and
 * those above it, another above the status line. */
void draw_status_message(int y, int cols, const char *status, const char *message, bool error);
/* Fill a row segment with spaces. */
void draw_blank(int y, int x, int width, attr_t attr);
/* How many lines s takes wrapped at width (at least 1): what draw_wrapped
 * needs to show it whole. */
int wrapped_count(const char *s, int width);
/* Text wrapped by display width into exactly nlines lines at (y, x):
 * lines it does not fill are blanked, and a text longer than nlines ends
 * in an ellipsis. Returns the number of lines the text took. */
int draw_wrapped(int y, int x, int width, int nlines, const char *s, attr_t attr);
/* A question or notice that must be read whole: wrapped over as many
 * lines as it needs (at most max_lines), its last line at row bottom;
 * returns the lines it took. */
int draw_question(int bottom, int cols, int max_lines, const char *s, attr_t attr);
/* Few bytes per key. A view whose cursor moved ahead of the panes that
 * follow it (a detail pane, breadcrumbs, a position) calls
 * draw_follow_later and draws those panes as they were, so that the key
 * costs the bytes of the highlight alone. The main loop then reads the
 * keys typed ahead without waiting; when none is pending it calls
 * draw_follow_done (true: it was pending) and draws again, and the
 * panes, seeing draw_following() false, catch up. */
void draw_follow_later(void);
bool draw_following(void);
bool draw_follow_done(void);
void draw_vline(int y, int x, int height);
void draw_hline(int y, int x, int width);
#endif
