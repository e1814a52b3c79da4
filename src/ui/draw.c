/* draw: text cells on the screen, cut and padded by display width. */
#include "config.h"
#include "ui/draw.h"
#include "util/utf8.h"
#include <stdlib.h>
#include <string.h>

static bool use_utf8 = true;
static bool use_color = false;
static attr_t attrs[ROLE__COUNT];

enum { PAIR_TITLE = 1, PAIR_SELECTED, PAIR_MATCH, PAIR_LABEL, PAIR_KEY, PAIR_BASELINE,
       PAIR_NOTICE, PAIR_DIM };

void draw_init(bool utf8, bool color)
{
    use_utf8 = utf8;
    use_color = color && has_colors();
    /* monochrome theme: every distinction by bold, reverse, underline */
    attrs[ROLE_NORMAL] = A_NORMAL;
    attrs[ROLE_TITLE] = A_REVERSE | A_BOLD;
    attrs[ROLE_SELECTED] = A_REVERSE;
    attrs[ROLE_SELECTED_DIM] = A_UNDERLINE | A_BOLD;
    attrs[ROLE_MATCH] = A_UNDERLINE | A_BOLD;
    attrs[ROLE_LABEL] = A_BOLD;
    attrs[ROLE_DIM] = A_DIM;
    attrs[ROLE_KEY] = A_REVERSE | A_BOLD;
    attrs[ROLE_KEYBAR] = A_NORMAL;
    attrs[ROLE_STATUS] = A_REVERSE;
    attrs[ROLE_BASELINE] = A_BOLD;
    attrs[ROLE_HEADING] = A_BOLD | A_UNDERLINE;
    attrs[ROLE_NOTICE] = A_BOLD | A_REVERSE;
    if (use_color) {
        start_color();
        use_default_colors();
        /* colours that read on dark and light backgrounds alike */
        init_pair(PAIR_TITLE, COLOR_WHITE, COLOR_BLUE);
        init_pair(PAIR_SELECTED, COLOR_BLACK, COLOR_CYAN);
        init_pair(PAIR_MATCH, COLOR_BLACK, COLOR_YELLOW);
        init_pair(PAIR_LABEL, COLOR_BLUE, -1);
        init_pair(PAIR_KEY, COLOR_BLACK, COLOR_CYAN);
        init_pair(PAIR_BASELINE, COLOR_RED, -1);
        init_pair(PAIR_NOTICE, COLOR_WHITE, COLOR_RED);
        init_pair(PAIR_DIM, COLOR_BLUE, -1);
        attrs[ROLE_TITLE] = COLOR_PAIR(PAIR_TITLE) | A_BOLD;
        attrs[ROLE_SELECTED] = COLOR_PAIR(PAIR_SELECTED) | A_BOLD;
        attrs[ROLE_MATCH] = COLOR_PAIR(PAIR_MATCH) | A_UNDERLINE;
        attrs[ROLE_LABEL] = COLOR_PAIR(PAIR_LABEL) | A_BOLD;
        attrs[ROLE_KEY] = COLOR_PAIR(PAIR_KEY) | A_BOLD;
        attrs[ROLE_STATUS] = COLOR_PAIR(PAIR_TITLE);
        attrs[ROLE_BASELINE] = COLOR_PAIR(PAIR_BASELINE) | A_BOLD;
        attrs[ROLE_NOTICE] = COLOR_PAIR(PAIR_NOTICE) | A_BOLD;
    }
}

bool draw_utf8(void) { return use_utf8; }
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

void draw_vline(int y, int x, int height)
{
    attrset(attrs[ROLE_DIM]);
    mvvline(y, x, use_utf8 ? ACS_VLINE : '|', height);
    attrset(A_NORMAL);
}

void draw_hline(int y, int x, int width)
{
    attrset(attrs[ROLE_DIM]);
    mvhline(y, x, use_utf8 ? ACS_HLINE : '-', width);
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
    } else if (utf8_width(message) <= cols - sw - 3 || (!error && cols - sw - 3 > 10)) {
        draw_cell(y, 0, sw + 2, status, role_attr(ROLE_STATUS));
        draw_cell(y, sw + 2, cols - sw - 2, message, mattr);
    } else {
        draw_blank(y, 0, 1, mattr);
        draw_cell(y, 1, cols - 1, message, mattr);
    }
}
