/* lineedit: the line editor and the prompt, without drawing (no curses
 * here: tests/unit/test_lineedit links it alone). */
#include "config.h"
#include "ui/lineedit.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

void lineedit_init(struct lineedit *le, const char *text, size_t max)
{
    edit_init(&le->e, text, max);
    le->scroll = 0;
}

void lineedit_free(struct lineedit *le)
{
    edit_free(&le->e);
    le->scroll = 0;
}

void lineedit_set(struct lineedit *le, const char *text)
{
    edit_set(&le->e, text);
    le->scroll = 0;
}

const char *lineedit_text(const struct lineedit *le)
{
    return le->e.buf;
}

enum edit_effect lineedit_action(struct lineedit *le, enum action a)
{
    size_t len = le->e.len; /* the deletions only shorten the text */
    enum edit_effect fx = action_edit(a, &le->e);
    if (fx == EDIT_NONE)
        return EDIT_NONE;
    return le->e.len != len ? EDIT_CHANGED : EDIT_MOVED;
}

enum edit_effect lineedit_input(struct lineedit *le, const char *utf8)
{
    size_t len = le->e.len; /* insertion only lengthens it */
    edit_insert(&le->e, utf8 ? utf8 : "");
    return le->e.len != len ? EDIT_CHANGED : EDIT_MOVED;
}

const char *lineedit_shown(struct lineedit *le, int width, int *col)
{
    le->scroll = edit_scroll(&le->e, le->scroll, width);
    const char *shown = le->e.buf + le->scroll;
    *col = utf8_nwidth(shown, le->e.cur - le->scroll);
    return shown;
}

/* --- the prompt ------------------------------------------------------------- */

void prompt_init(struct prompt *p, size_t max)
{
    memset(p, 0, sizeof *p);
    lineedit_init(&p->line, "", max);
}

void prompt_free(struct prompt *p)
{
    lineedit_free(&p->line);
    free(p->before);
    memset(p, 0, sizeof *p);
}

void prompt_start(struct prompt *p, const char *text)
{
    lineedit_set(&p->line, text);
    free(p->before);
    p->before = xstrdup(lineedit_text(&p->line)); /* as the limit kept it */
    p->open = true;
}

void prompt_keep(struct prompt *p)
{
    p->open = true;
}

enum prompt_effect prompt_act(struct prompt *p, enum action a)
{
    if (!p->open)
        return PROMPT_NONE;
    switch (a) {
    case ACT_EDIT_ACCEPT:
        p->open = false;
        return PROMPT_ACCEPTED;
    case ACT_EDIT_CANCEL:
        p->open = false;
        lineedit_set(&p->line, p->before);
        return PROMPT_CANCELLED;
    default:
        switch (lineedit_action(&p->line, a)) {
        case EDIT_NONE: return PROMPT_NONE;
        case EDIT_CHANGED: return PROMPT_CHANGED;
        default: return PROMPT_KEPT;
        }
    }
}

enum prompt_effect prompt_type(struct prompt *p, const char *utf8)
{
    if (!p->open)
        return PROMPT_NONE;
    return lineedit_input(&p->line, utf8) == EDIT_CHANGED ? PROMPT_CHANGED : PROMPT_KEPT;
}

const char *prompt_text(const struct prompt *p)
{
    return lineedit_text(&p->line);
}
