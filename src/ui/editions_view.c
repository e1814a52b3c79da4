/* editions_view: the lineage of the Guideline's editions on one screen. */
#include "config.h"
#include "ui/editions_view.h"
#include "ui/browser.h"
#include "ui/draw.h"
#include "core/session.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/wrap.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

struct ed_line {
    char *text;
    enum role role;
    long ed;          /* index of the edition the line belongs to, or -1 */
};

struct editions {
    struct ed_line *v;
    size_t n, cap;
    size_t cur, top;  /* cur: index of the selected edition */
    int width;        /* the lines are wrapped for this width */
    int body;         /* the lines shown, as last drawn */
    char message[320];
    bool message_is_error;
};

const char *editions_status(const struct gl_edition *ed, enum lang lang)
{
    char today[11];
    session_today(today);
    enum edition_status st = gl_edition_status(ed, today);
    const struct lin_event *ahead = lineage_revision_ahead(&ed->lineage, today);
    if (!ahead || (st != STATUS_IN_FORCE && st != STATUS_DECIDED))
        return status_name(st, lang);
    /* the label names a revision not made on that day: say so */
    static char buf[200];
    revision_ahead_say(buf, sizeof buf, status_name(st, lang), lang);
    return buf;
}

/* Add body wrapped to the width after prefix (its first line) or as
 * many spaces (the lines after it). */
static void add_hang(struct editions *e, long ed, enum role role, const char *prefix,
                     const char *body)
{
    int indent = utf8_width(prefix);
    int w = e->width - indent;
    struct wrap_line *wl = NULL;
    size_t n = wrap_text(body, w < 10 ? 10 : w, &wl);
    for (size_t i = 0; i < n || i == 0; i++) {
        struct strbuf sb = STRBUF_INIT;
        if (i == 0)
            sb_adds(&sb, prefix);
        else
            sb_printf(&sb, "%*s", indent, "");
        if (n)
            sb_add(&sb, body + wl[i].off, wl[i].len);
        e->v = xgrow(e->v, &e->cap, e->n + 1, sizeof *e->v);
        e->v[e->n++] = (struct ed_line){sb_take(&sb), role, ed};
        if (!n)
            break;
    }
    free(wl);
}

static void lines_clear(struct editions *e)
{
    for (size_t i = 0; i < e->n; i++)
        free(e->v[i].text);
    e->n = 0;
}

static const char *successor(const struct library *lib, const struct lin_event *ev,
                             enum lang lang)
{
    const struct gl_edition *to = ev->by ? gl_edition_find(&lib->gl, ev->by) : NULL;
    if (to)
        return text_get(&to->label, lang);
    return ev->by_title.ja ? text_get(&ev->by_title, lang) : NULL;
}

static void add_lineage(struct editions *e, const struct library *lib, long ed,
                        const struct lineage *l, enum lang lang)
{
    for (size_t k = 0; k < l->n; k++) {
        const struct lin_event *ev = &l->v[k];
        struct strbuf sb = STRBUF_INIT;
        char prefix[32];
        snprintf(prefix, sizeof prefix, "    %-10s  ", ev->date);
        sb_adds(&sb, event_name(ev->kind, lang));
        const char *to = successor(lib, ev, lang);
        if (to)
            sb_printf(&sb, _(", successor: %s"), to);
        if (ev->note.ja)
            sb_printf(&sb, ": %s", text_get(&ev->note, lang));
        sb_printf(&sb, _(" (source: %s; confidence %s: %s)"),
                  lang == LANG_JA && ev->source_ja ? ev->source_ja : ev->source,
                  confidence_code(ev->conf), confidence_name(ev->conf, lang));
        add_hang(e, ed, ROLE_NORMAL, prefix, sb_str(&sb));
        sb_free(&sb);
    }
    if (!l->n)
        add_hang(e, ed, ROLE_DIM, "    ", _("No dates are recorded: the status is the one its file declares."));
}

static void build(struct browser *b, int width)
{
    struct editions *e = b->editions;
    const struct library *lib = b->lib;
    enum lang lang = b->lang;
    char today[11];
    session_today(today);
    lines_clear(e);
    e->width = width;
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, _("The Guideline's editions as the public record gives them; each status is computed from the dates for today, %s."),
              today);
    add_hang(e, -1, ROLE_LABEL, " ", sb_str(&sb));
    add_hang(e, -1, ROLE_DIM, " ", _("Confidence: P = primary text quoted, S+ = several secondary sources agree, S = one secondary source."));
    for (size_t i = 0; i < lib->gl.n; i++) {
        const struct gl_edition *ed = lib->gl.editions[i];
        add_hang(e, -1, ROLE_NORMAL, "", "");
        sb_reset(&sb);
        sb_printf(&sb, "%s [%s] ", text_get(&ed->label, lang),
                  status_name(gl_edition_status(ed, today), lang));
        if (ed->has_text)
            sb_printf(&sb, P_("text shipped: %zu item", "text shipped: %zu items", ed->nnodes),
                      ed->nnodes);
        else if (ed->nnodes)
            sb_printf(&sb, P_("metadata only (no text); %zu topic from one secondary source",
                                    "metadata only (no text); %zu topics from one secondary source",
                                    ed->nnodes), ed->nnodes);
        else
            sb_adds(&sb, _("metadata only: its text is not in kijun"));
        add_hang(e, (long)i, ROLE_HEADING, " ", sb_str(&sb));
        add_hang(e, (long)i, ROLE_DIM, "    ", text_get(&ed->title, lang));
        if (ed->note.ja)
            add_hang(e, (long)i, ROLE_DIM, "    ", text_get(&ed->note, lang));
        add_lineage(e, lib, (long)i, &ed->lineage, lang);
        if (!ed->has_text && ed->nnodes) {
            sb_reset(&sb);
            sb_adds(&sb, _("Topics (unnumbered; one secondary source): "));
            for (size_t k = 0; k < ed->nnodes; k++)
                sb_printf(&sb, "%s%s", k ? ", " : "", text_get(&ed->nodes[k]->title, lang));
            add_hang(e, (long)i, ROLE_NORMAL, "    ", sb_str(&sb));
        }
    }
    /* after the editions, one more stop: the Handbook and how to add a text */
    long end = (long)lib->gl.n;
    const struct ref_table *hb = library_table(lib, "handbook");
    if (hb && hb->lineage.n) {
        add_hang(e, end, ROLE_NORMAL, "", "");
        sb_reset(&sb);
        sb_printf(&sb, _("The Handbook (the five steps of kijun's assessment) [%s]"),
                  status_name(lineage_status(&hb->lineage, STATUS_IN_FORCE, today), lang));
        add_hang(e, end, ROLE_HEADING, " ", sb_str(&sb));
        add_hang(e, end, ROLE_DIM, "    ", text_get(&hb->head.title, lang));
        add_lineage(e, lib, end, &hb->lineage, lang);
    }
    add_hang(e, end, ROLE_NORMAL, "", "");
    add_hang(e, end, ROLE_LABEL, " ", _("To add a text kijun does not ship (an edition, your sector's standard or your internal rules): write it as a library file in the format of kijun(5), or make one from a spreadsheet saved as CSV with kijun import (kijun(1)), and put it in $XDG_DATA_HOME/kijun/library/ (by default ~/.local/share/kijun/library/), or in the workspace's library/ folder to share it with the team."));
    sb_free(&sb);
    if (e->cur > lib->gl.n)
        e->cur = 0;
}

void editions_open(struct browser *b)
{
    if (!b->editions)
        b->editions = xcalloc(1, sizeof *b->editions);
    b->editions->cur = b->ed;
    b->editions->top = 0;
    b->editions->message[0] = '\0';
}

void editions_close(struct browser *b)
{
    if (!b->editions)
        return;
    lines_clear(b->editions);
    free(b->editions->v);
    free(b->editions);
    b->editions = NULL;
}

/* The lines of the stop cur: [*first, *last]; false when it has none. */
static bool stop_lines(const struct editions *e, size_t cur, size_t *first, size_t *last)
{
    bool found = false;
    for (size_t i = 0; i < e->n; i++)
        if (e->v[i].ed == (long)cur) {
            if (!found)
                *first = i;
            found = true;
            *last = i;
        }
    return found;
}

/* A stop taller than the screen scrolls through its lines before the
 * cursor moves to the next one (down > 0) or the one before. */
static bool scroll_within(struct editions *e, int down)
{
    size_t first = 0, last = 0;
    if (e->body <= 0 || !stop_lines(e, e->cur, &first, &last) || last - first + 1 <= (size_t)e->body)
        return false;
    if (down > 0 && e->top + (size_t)e->body <= last) {
        e->top++;
        return true;
    }
    if (down < 0 && e->top > first) {
        e->top--;
        return true;
    }
    return false;
}

bool editions_action(struct browser *b, enum action a)
{
    struct editions *e = b->editions;
    size_t n = b->lib->gl.n;
    e->message[0] = '\0';
    switch (a) {
    case ACT_UP: if (!scroll_within(e, -1) && e->cur) e->cur--; return true;
    case ACT_DOWN: if (!scroll_within(e, 1) && e->cur < n) e->cur++; return true; /* n: the Handbook, how to add */
    case ACT_FIRST: case ACT_PAGE_UP: e->cur = 0; e->top = 0; return true;
    case ACT_LAST: case ACT_PAGE_DOWN: e->cur = n; e->top = (size_t)-1; return true; /* its end in view */
    case ACT_BACK:
        editions_close(b);
        return true;
    case ACT_SELECT: {
        if (e->cur >= n)
            return true;
        const struct gl_edition *ed = b->lib->gl.editions[e->cur];
        if (!ed->has_text) {
            snprintf(e->message, sizeof e->message,
                     _("%s: metadata only, kijun has no text of it; add one as a library file (see below)"),
                     text_get(&ed->label, b->lang));
            e->message_is_error = true;
            return true;
        }
        b->ed = e->cur;
        b->detail_top = 0;
        editions_close(b);
        return true;
    }
    default:
        return false;
    }
}

void editions_draw(struct browser *b, int rows, int cols, const char *workspace)
{
    struct editions *e = b->editions;
    build(b, cols - 1);
    struct strbuf sb = STRBUF_INIT;
    const char *sep = glyph(" \xE2\x80\xBA ", " > ");
    sb_printf(&sb, "kijun%s%s%s%s", sep, _("Guideline"), sep, _("Editions"));
    draw_blank(0, 0, cols, role_attr(ROLE_TITLE));
    draw_cell(0, 1, cols - 1, sb_str(&sb), role_attr(ROLE_TITLE));
    int body = rows - 3;
    e->body = body;
    /* keep the selected edition's lines in view; one taller than the
     * screen is scrolled through (scroll_within), never past its ends */
    size_t first = 0, last = 0;
    if (!stop_lines(e, e->cur, &first, &last))
        first = last = 0;
    size_t h = body > 0 ? (size_t)body : 1;
    if (last - first + 1 <= h) {
        if (e->cur == 0)
            first = 0; /* the first edition: show the screen's heading too */
        if (last >= e->top + h)
            e->top = last + 1 - h;
        if (first < e->top)
            e->top = first;
    } else {
        if (e->top < first)
            e->top = first;
        if (e->top > last + 1 - h)
            e->top = last + 1 - h;
    }
    for (int r = 0; r < body; r++) {
        size_t i = e->top + (size_t)r;
        if (i >= e->n) {
            draw_blank(1 + r, 0, cols, A_NORMAL);
            continue;
        }
        bool sel = e->v[i].ed == (long)e->cur && e->v[i].role == ROLE_HEADING;
        if (e->cur == b->lib->gl.n)
            sel = false;
        draw_blank(1 + r, 0, 1, A_NORMAL);
        draw_cell(1 + r, 1, cols - 1, e->v[i].text, role_attr(sel ? ROLE_SELECTED : e->v[i].role));
    }
    sb_reset(&sb);
    char *ws = short_path(workspace, 16);
    const char *bar = glyph(" \xE2\x94\x82 ", " | ");
    sb_printf(&sb, " %s%s%s%s", ws, bar, _("Editions"), bar);
    if (e->cur < b->lib->gl.n) {
        const struct gl_edition *ed = b->lib->gl.editions[e->cur];
        sb_printf(&sb, "%s (%s)%s%zu/%zu", text_get(&ed->label, b->lang), editions_status(ed, b->lang),
                  bar, e->cur + 1, b->lib->gl.n);
    } else {
        sb_adds(&sb, _("the Handbook; how to add a text"));
    }
    free(ws);
    draw_status_message(rows - 2, cols, sb_str(&sb), e->message, e->message_is_error);
    sb_free(&sb);
}
