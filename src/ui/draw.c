/* draw: text cells on the screen, cut and padded by display width. */
#include "config.h"
#include "ui/draw.h"
#include "store/rcfile.h"
#include "util/utf8.h"
#include "util/wrap.h"
#include "util/xalloc.h"
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static bool use_utf8 = true;
static bool use_color = false;
static attr_t attrs[ROLE__COUNT];

static const char *const names[ROLE__COUNT + 1] = {
    "normal", "title", "selected", "selected-dim", "match", "label", "dim", "key", "keybar",
    "status", "baseline", "heading", "notice", NULL
};

/* A role's look: colours (RC_COLOR_DEFAULT is the terminal's own) and
 * RC_ATTR_* bits. */
struct style {
    int fg, bg;
    unsigned attrs;
};

#define D RC_COLOR_DEFAULT
#define BOLD RC_ATTR_BOLD
#define REV RC_ATTR_REVERSE
#define UL RC_ATTR_UNDERLINE
/* Monochrome: every distinction by bold, reverse, underline. */
static const unsigned mono[ROLE__COUNT] = {
    [ROLE_NORMAL] = 0,
    [ROLE_TITLE] = REV | BOLD,
    [ROLE_SELECTED] = REV,
    [ROLE_SELECTED_DIM] = UL | BOLD,
    [ROLE_MATCH] = UL | BOLD,
    [ROLE_LABEL] = BOLD,
    [ROLE_DIM] = RC_ATTR_DIM,
    [ROLE_KEY] = REV | BOLD,
    [ROLE_KEYBAR] = 0,
    [ROLE_STATUS] = REV,
    [ROLE_BASELINE] = BOLD,
    [ROLE_HEADING] = BOLD | UL,
    [ROLE_NOTICE] = BOLD | REV,
};
/* Colour: readable on dark and light backgrounds alike. Text on the
 * terminal's own background keeps the terminal's own colour (blue or
 * yellow text vanish on one background or the other) and stands out by
 * bold and underline; colours come as pairs with their own background.
 * Red text is the one exception: it reads on black and on white. */
static const struct style color_defaults[ROLE__COUNT] = {
    [ROLE_NORMAL] = {D, D, 0},
    [ROLE_TITLE] = {RC_WHITE, RC_BLUE, BOLD},
    [ROLE_SELECTED] = {RC_BLACK, RC_CYAN, 0},
    [ROLE_SELECTED_DIM] = {D, D, UL | BOLD},
    [ROLE_MATCH] = {RC_BLACK, RC_YELLOW, UL},
    [ROLE_LABEL] = {D, D, BOLD},
    [ROLE_DIM] = {D, D, RC_ATTR_DIM},
    [ROLE_KEY] = {RC_BLACK, RC_CYAN, 0},
    [ROLE_KEYBAR] = {D, D, 0},
    [ROLE_STATUS] = {RC_WHITE, RC_BLUE, 0},
    [ROLE_BASELINE] = {RC_RED, D, BOLD},
    [ROLE_HEADING] = {D, D, BOLD | UL},
    [ROLE_NOTICE] = {RC_WHITE, RC_RED, BOLD},
};
#undef D
#undef BOLD
#undef REV
#undef UL

/* Styles from kijunrc, by role. */
static struct rc_style user[ROLE__COUNT];
static bool has_user[ROLE__COUNT];

const char *role_name(enum role r) { return names[r]; }
const char *const *role_names(void) { return names; }

void draw_style(const struct rc_style *st)
{
    if (st->role < 0 || st->role >= ROLE__COUNT)
        return;
    user[st->role] = *st;
    has_user[st->role] = true;
}

void draw_styles_reset(void)
{
    memset(has_user, 0, sizeof has_user);
}

static attr_t curses_attrs(unsigned a)
{
    attr_t r = A_NORMAL;
    if (a & RC_ATTR_BOLD) r |= A_BOLD;
    if (a & RC_ATTR_REVERSE) r |= A_REVERSE;
    if (a & RC_ATTR_UNDERLINE) r |= A_UNDERLINE;
    if (a & RC_ATTR_DIM) r |= A_DIM;
    if (a & RC_ATTR_STANDOUT) r |= A_STANDOUT;
    return r;
}

static short curses_color(int c, bool defaults_ok, bool fg)
{
    static const short map[] = {COLOR_BLACK, COLOR_RED, COLOR_GREEN, COLOR_YELLOW, COLOR_BLUE,
                                COLOR_MAGENTA, COLOR_CYAN, COLOR_WHITE};
    if (c >= 0 && c < 8)
        return map[c];
    /* the terminal's own colour; white on black where it has none */
    return defaults_ok ? -1 : fg ? COLOR_WHITE : COLOR_BLACK;
}

void draw_init(bool utf8, bool color)
{
    use_utf8 = utf8;
    use_color = color && has_colors();
    if (!use_color) {
        for (int r = 0; r < ROLE__COUNT; r++)
            attrs[r] = curses_attrs(mono[r] | (has_user[r] && user[r].has_attrs ? user[r].attrs : 0));
        return;
    }
    start_color();
    bool defaults_ok = use_default_colors() == OK;
    for (int r = 0; r < ROLE__COUNT; r++) {
        struct style st = color_defaults[r];
        if (has_user[r]) {
            if (user[r].has_fg)
                st.fg = user[r].fg;
            if (user[r].has_bg)
                st.bg = user[r].bg;
            if (user[r].has_attrs)
                st.attrs = user[r].attrs;
        }
        attrs[r] = curses_attrs(st.attrs);
        if ((st.fg != RC_COLOR_DEFAULT || st.bg != RC_COLOR_DEFAULT) && r + 1 < COLOR_PAIRS) {
            init_pair((short)(r + 1), curses_color(st.fg, defaults_ok, true),
                      curses_color(st.bg, defaults_ok, false));
            attrs[r] |= COLOR_PAIR(r + 1);
        }
    }
    /* the normal role colours the whole screen */
    if (attrs[ROLE_NORMAL] != A_NORMAL)
        bkgd((chtype)(' ' | attrs[ROLE_NORMAL]));
}

bool draw_utf8(void) { return use_utf8; }

/* The Linux console (TERM=linux*) draws UTF-8 lines and boxes, but its
 * fonts have no Japanese. */
bool draw_japanese(void)
{
    const char *t = termname();
    return use_utf8 && !(t && strncmp(t, "linux", 5) == 0);
}
attr_t role_attr(enum role r) { return attrs[r]; }

const char *glyph(const char *utf8, const char *ascii)
{
    return use_utf8 ? utf8 : ascii;
}

/* Put n bytes of already-safe text at the cursor; returns columns. */
static int put(const char *s, size_t n, attr_t attr)
{
    if (n == 0)
        return 0;
    attrset(attr);
    addnstr(s, (int)n);
    return utf8_nwidth(s, n);
}

int draw_cell_hl(int y, int x, int width, const char *s, attr_t attr,
                 size_t hl_off, size_t hl_len, attr_t hl_attr)
{
    if (width <= 0)
        return 0;
    char *safe = utf8_sanitize(s, strlen(s), false);
    if (!use_utf8) {
        char *a = utf8_to_ascii(safe);
        free(safe);
        safe = a;
        hl_len = 0; /* offsets no longer apply */
    }
    size_t len = strlen(safe);
    if (strlen(s) != len)
        hl_len = 0;
    int total = utf8_nwidth(safe, len);
    const char *ell = glyph("\xE2\x80\xA6", "~");
    size_t show = len;
    int ellw = 0;
    if (total > width) {
        ellw = 1;
        show = utf8_fit(safe, len, width - ellw, NULL);
    }
    move(y, x);
    int used = 0;
    if (hl_len && hl_off < show) {
        size_t end = hl_off + hl_len < show ? hl_off + hl_len : show;
        used += put(safe, hl_off, attr);
        used += put(safe + hl_off, end - hl_off, hl_attr);
        used += put(safe + end, show - end, attr);
    } else {
        used += put(safe, show, attr);
    }
    if (ellw)
        used += put(ell, strlen(ell), attr);
    attrset(attr);
    for (int i = used; i < width; i++)
        addch(' ');
    attrset(A_NORMAL);
    free(safe);
    return used;
}

int draw_cell(int y, int x, int width, const char *s, attr_t attr)
{
    return draw_cell_hl(y, x, width, s, attr, 0, 0, attr);
}

void draw_blank(int y, int x, int width, attr_t attr)
{
    attrset(attr);
    mvhline(y, x, ' ', width);
    attrset(A_NORMAL);
}

/* Few bytes per key (see draw.h). */
static bool follow_pending;

void draw_follow_later(void)
{
    follow_pending = true;
}

bool draw_following(void)
{
    return follow_pending;
}

/* Bytes the terminal's line has yet to send (a serial line knows; a
 * pseudo-terminal says 0). */
static int output_queued(void)
{
    int n = 0;
    return ioctl(STDOUT_FILENO, TIOCOUTQ, &n) == 0 ? n : 0;
}

bool draw_follow_done(void)
{
    if (!follow_pending)
        return false;
    /* On a slow line, the panes wait until the highlight has gone out (at
     * most a second), so that a key typed meanwhile is not held up
     * behind them: such a key is read first (false: not yet). */
    for (int i = 0; i < 100 && output_queued() > 0; i++) {
        struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
        int r = poll(&p, 1, 10);
        if (r > 0)
            return false;
        if (r < 0)
            break; /* a signal: the main loop sees to it */
    }
    follow_pending = false;
    return true;
}

/* Lines are box-drawing characters themselves in UTF-8, not the
 * alternate character set: a line that text cuts into pieces (the risk
 * form's summary over its rule) would otherwise leave its ends for the
 * terminal to show as the letters of that set ("qq"). */
static void line_char(cchar_t *c, wchar_t wc, int role)
{
    wchar_t w[2] = {wc, L'\0'};
    setcchar(c, w, attrs[role] & ~A_COLOR, (short)PAIR_NUMBER(attrs[role]), NULL);
}

void draw_vline(int y, int x, int height)
{
    if (use_utf8) {
        cchar_t c;
        line_char(&c, L'\x2502', ROLE_DIM);
        mvvline_set(y, x, &c, height);
        return;
    }
    attrset(attrs[ROLE_DIM]);
    mvvline(y, x, '|', height);
    attrset(A_NORMAL);
}

void draw_hline(int y, int x, int width)
{
    if (use_utf8) {
        cchar_t c;
        line_char(&c, L'\x2500', ROLE_DIM);
        mvhline_set(y, x, &c, width);
        return;
    }
    attrset(attrs[ROLE_DIM]);
    mvhline(y, x, '-', width);
    attrset(A_NORMAL);
}

char *short_path(const char *path, int max)
{
    if (utf8_width(path) <= max)
        return utf8_ellipsize(path, max, "", 0);
    const char *base = strrchr(path, '/');
    base = base && base[1] ? base + 1 : path;
    return utf8_ellipsize(base, max, glyph("\xE2\x80\xA6", "~"), 1);
}

void draw_status_message(int y, int cols, const char *status, const char *message, bool error)
{
    attr_t mattr = role_attr(error ? ROLE_NOTICE : ROLE_STATUS);
    int sw = utf8_width(status);
    if (!message || !*message) {
        draw_cell(y, 0, cols, status, role_attr(ROLE_STATUS));
    } else if (utf8_width(message) <= cols - sw - 3) {
        draw_cell(y, 0, sw + 2, status, role_attr(ROLE_STATUS));
        draw_cell(y, sw + 2, cols - sw - 2, message, mattr);
    } else if (error && y >= 3) {
        /* an error must be read: over the lines it needs (up to half the
         * screen), the status too */
        draw_question(y, cols, y / 2 > 3 ? y / 2 : 3, message, mattr);
    } else if (y >= 4) {
        /* no message is cut off: the status stays, the message above it */
        draw_cell(y, 0, cols, status, role_attr(ROLE_STATUS));
        draw_question(y - 1, cols, y / 2 > 3 ? y / 2 : 3, message, mattr);
    } else {
        draw_blank(y, 0, 1, mattr);
        draw_cell(y, 1, cols - 1, message, mattr);
    }
}

int wrapped_count(const char *s, int width)
{
    struct wrap_line *lines = NULL;
    size_t n = width >= 2 ? wrap_text(s, width, &lines) : 0;
    free(lines);
    return n < 1 ? 1 : n > 1000 ? 1000 : (int)n;
}

int draw_wrapped(int y, int x, int width, int nlines, const char *s, attr_t attr)
{
    struct wrap_line *lines = NULL;
    size_t n = width >= 2 ? wrap_text(s, width, &lines) : 0;
    for (int k = 0; k < nlines; k++) {
        if ((size_t)k >= n) {
            draw_blank(y + k, x, width, attr);
            continue;
        }
        char *t = xstrndup(s + lines[k].off, lines[k].len);
        if (k == nlines - 1 && n > (size_t)nlines) {
            /* the text goes on: the last line ends in the ellipsis, even
             * when the line itself would fit */
            const char *ell = glyph("\xE2\x80\xA6", "~");
            size_t keep = utf8_fit(t, strlen(t), width - 1, NULL);
            char *more = xmalloc(keep + strlen(ell) + 1);
            memcpy(more, t, keep);
            strcpy(more + keep, ell);
            free(t);
            t = more;
        }
        draw_cell(y + k, x, width, t, attr);
        free(t);
    }
    free(lines);
    return n < (size_t)nlines ? (int)n : nlines;
}

int draw_question(int bottom, int cols, int max_lines, const char *s, attr_t attr)
{
    struct wrap_line *lines = NULL;
    size_t n = cols >= 2 ? wrap_text(s, cols - 1, &lines) : 0;
    free(lines);
    int k = n < 1 ? 1 : n > (size_t)max_lines ? max_lines : (int)n;
    for (int i = 0; i < k; i++)
        draw_blank(bottom - k + 1 + i, 0, 1, attr);
    draw_wrapped(bottom - k + 1, 1, cols - 1, k, s, attr);
    return k;
}
