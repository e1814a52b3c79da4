/* lineedit_draw: the line editor and the prompt on the screen. */
#include "config.h"
#include "ui/lineedit.h"
#include "ui/draw.h"
#include "util/utf8.h"

int lineedit_draw(struct lineedit *le, int y, int x, int width, attr_t attr)
{
    int col;
    const char *shown = lineedit_shown(le, width, &col);
    draw_cell(y, x, width, shown, attr);
    if (width > 0 && col > width - 1) /* a cell too narrow for the scroll */
        col = width - 1;
    return x + col;
}

int prompt_draw(struct prompt *p, int y, int x, int width, const char *label)
{
    int lw = utf8_width(label);
    if (lw > width - 1)
        lw = width > 1 ? width - 1 : 0;
    draw_cell(y, x, lw, label, role_attr(ROLE_LABEL));
    int cx = lineedit_draw(&p->line, y, x + lw, width - lw, A_NORMAL);
    move(y, cx);
    return cx;
}
