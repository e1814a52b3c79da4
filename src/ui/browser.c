/* browser: the Guideline browser view. */
#include "config.h"
#include "ui/browser.h"
#include "ui/browser_private.h"
#include "ui/browser_map.h"
#include "model/standard.h"
#include "model/labels.h"
#include "ui/draw.h"
#include "ui/editions_view.h"
#include "ui/frame.h"
#include "ui/mouse.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/wrap.h"
#include "util/xalloc.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SIDE_BY_SIDE_COLS 100

void browser_say(struct browser *b, bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    message_vset(b->message, sizeof b->message, &b->message_is_error, error, fmt, ap);
    va_end(ap);
}

struct outline *browser_outline(struct browser *b)
{
    return &b->outlines[b->ed];
}

const struct gl_edition *browser_edition(const struct browser *b)
{
    return b->lib->gl.editions[b->ed];
}

void browser_init(struct browser *b, const struct library *lib, enum lang lang,
                  const char *edition_id)
{
    memset(b, 0, sizeof *b);
    b->lib = lib;
    b->lang = lang;
    b->outlines = xcalloc(lib->gl.n, sizeof *b->outlines);
    for (size_t i = 0; i < lib->gl.n; i++)
        outline_init(&b->outlines[i], lib->gl.editions[i]);
    /* start on the requested edition, else the newest whose text is shipped */
    b->ed = gl_default_edition(&lib->gl);
    for (size_t i = 0; edition_id && i < lib->gl.n; i++)
        if (strcmp(lib->gl.editions[i]->id, edition_id) == 0 && lib->gl.editions[i]->has_text)
            b->ed = i;
    prompt_init(&b->search, 256);
}

void browser_free(struct browser *b)
{
    editions_close(b);
    for (size_t i = 0; i < b->lib->gl.n; i++)
        outline_free(&b->outlines[i]);
    free(b->outlines);
    prompt_free(&b->search);
    free(b->last_query);
    memset(b, 0, sizeof *b);
}

enum view browser_screen(const struct browser *b)
{
    return b->search.open ? SCREEN_PROMPT : b->editions ? SCREEN_EDITIONS : SCREEN_BROWSER;
}

/* --- actions ----------------------------------------------------------- */

static void switch_edition(struct browser *b)
{
    const struct gl_set *set = &b->lib->gl;
    size_t next = (b->ed + 1) % set->n;
    while (next != b->ed && !set->editions[next]->has_text) /* metadata only: no tree */
        next = (next + 1) % set->n;
    if (next == b->ed) {
        browser_say(b, true, _("The library has only one edition with text"));
        return;
    }
    const struct gl_node *from = outline_current(browser_outline(b));
    const struct gl_edition *old = browser_edition(b);
    b->ed = next;
    b->detail_top = 0;
    const struct gl_edition *to = browser_edition(b);
    const struct gl_node *via = NULL;
    const struct gl_node *target = from ? gl_map_to(set, from, to, &via) : NULL;
    if (target) {
        outline_select(browser_outline(b), target);
        char *a = gl_node_long_heading(via, b->lang), *c = gl_node_long_heading(target, b->lang);
        if (via == from)
            browser_say(b, false, "%s %s -> %s %s", text_get(&old->label, b->lang), a,
                        text_get(&to->label, b->lang), c);
        else
            browser_say(b, false, _("No counterpart of the item; that of its parent %s: %s %s"), a,
                        text_get(&to->label, b->lang), c);
        free(a);
        free(c);
    } else {
        browser_say(b, false, _("%s: no counterpart of the item; showing the tree"),
                    text_get(&to->label, b->lang));
    }
}

bool browser_action(struct browser *b, enum action a)
{
    if (b->search.open)
        return browser_prompt_action(b, a);
    if (b->editions)
        return editions_action(b, a);
    struct outline *o = browser_outline(b);
    long page = b->focus_detail ? b->detail_height - 1 : b->tree_height - 1;
    if (page < 1)
        page = 1;
    b->message[0] = '\0';
    b->follow = false;
    bool offer = b->offer_elsewhere; /* only as the next key */
    b->offer_elsewhere = false;
    if (b->focus_detail) {
        switch (a) {
        case ACT_UP: if (b->detail_top) b->detail_top--; return true;
        case ACT_DOWN: b->detail_top++; return true;
        case ACT_PAGE_UP: b->detail_top = b->detail_top > (size_t)page ? b->detail_top - (size_t)page : 0; return true;
        case ACT_PAGE_DOWN: b->detail_top += (size_t)page; return true;
        case ACT_FIRST: b->detail_top = 0; return true;
        case ACT_LAST: b->detail_top = (size_t)-1 / 2; return true;
        default: break;
        }
    }
    const struct gl_node *before = outline_current(o);
    switch (a) {
    case ACT_UP: outline_move(o, -1); break;
    case ACT_DOWN: outline_move(o, 1); break;
    case ACT_PAGE_UP: outline_move(o, -page); break;
    case ACT_PAGE_DOWN: outline_move(o, page); break;
    case ACT_FIRST: outline_first(o); break;
    case ACT_LAST: outline_last(o); break;
    case ACT_OPEN:
        if (!outline_expand(o) && before && before->nchildren)
            outline_move(o, 1); /* already open: step into it */
        break;
    case ACT_CLOSE: outline_collapse_or_parent(o); break;
    case ACT_TOGGLE:
        if (before && before->nchildren && !outline_expand(o))
            outline_collapse_or_parent(o);
        break;
    case ACT_EXPAND_ALL: outline_expand_all(o, true); break;
    case ACT_COLLAPSE_ALL: outline_expand_all(o, false); break;
    case ACT_EDITION:
        if (!offer || !browser_search_elsewhere(b))
            switch_edition(b);
        break;
    case ACT_EDITIONS: editions_open(b); break;
    case ACT_SEARCH:
        b->search_origin = outline_current(o);
        prompt_start(&b->search, "");
        break;
    case ACT_NEXT_MATCH: browser_search_step(b, 1); break;
    case ACT_PREV_MATCH: browser_search_step(b, -1); break;
    case ACT_FOCUS:
        b->focus_detail = !b->focus_detail;
        if (b->focus_detail)
            browser_say(b, false, _("Detail pane: arrows scroll the text; %s returns to the tree"),
                        action_key_str(ACT_FOCUS, SCREEN_BROWSER));
        else
            browser_say(b, false, "%s", _("Tree: arrows move between items"));
        break;
    case ACT_LANGUAGE:
        if (b->lang == LANG_EN && !draw_japanese()) {
            browser_say(b, true, "%s", draw_utf8() ? _("The Linux console cannot show Japanese")
                                                   : _("Japanese needs a UTF-8 terminal (e.g. LANG=ja_JP.UTF-8)"));
            break;
        }
        b->lang = b->lang == LANG_JA ? LANG_EN : LANG_JA;
        browser_say(b, false, "%s", b->lang == LANG_JA ? _("Guideline text: Japanese")
                                                        : _("Guideline text: English"));
        break;
    default:
        return false;
    }
    if (outline_current(o) != before)
        b->detail_top = 0;
    /* a move of the highlight: the rest follows when no key is pending */
    b->follow = a == ACT_UP || a == ACT_DOWN || a == ACT_PAGE_UP || a == ACT_PAGE_DOWN
                || a == ACT_FIRST || a == ACT_LAST;
    if (b->follow)
        draw_follow_later();
    return true;
}

/* The item whose breadcrumbs, detail and position are on screen. */
static const struct gl_node *shown_node(struct browser *b)
{
    return b->follow && b->shown ? b->shown : outline_current(browser_outline(b));
}

/* --- drawing ----------------------------------------------------------- */

static void draw_header(struct browser *b, int cols)
{
    const struct gl_edition *ed = browser_edition(b);
    const struct gl_node *cur = shown_node(b);
    const char *sep = glyph(" \xE2\x80\xBA ", " > ");
    struct strbuf full = STRBUF_INIT, brief = STRBUF_INIT;
    const struct gl_node *chain[GL_MAX_DEPTH + 1];
    int n = 0;
    for (const struct gl_node *p = cur; p && n <= GL_MAX_DEPTH; p = p->parent)
        chain[n++] = p;
    sb_printf(&full, "kijun%s%s", sep, text_get(&ed->label, b->lang));
    sb_adds(&brief, sb_str(&full));
    for (int i = n - 1; i >= 0; i--) {
        char *h = gl_node_heading(chain[i], b->lang);
        sb_adds(&full, sep);
        sb_adds(&full, h);
        sb_adds(&brief, sep);
        /* when space is short, ancestors show their number only */
        char *num = gl_node_number(chain[i], b->lang);
        sb_adds(&brief, i > 0 && *num ? num : h);
        free(num);
        free(h);
    }
    const char *s = utf8_width(sb_str(&full)) <= cols - 1 ? sb_str(&full) : sb_str(&brief);
    chrome_title(cols, s);
    sb_free(&full);
    sb_free(&brief);
}

/* A click on a tree row: the cursor goes there, the tree has the focus. */
static void tree_click(void *ctx, size_t row)
{
    struct browser *b = ctx;
    struct outline *o = browser_outline(b);
    if (o->cur != row)
        b->detail_top = 0;
    o->cur = row;
    b->focus_detail = false;
    b->message[0] = '\0';
}

static void draw_tree(struct browser *b, int y, int x, int height, int width)
{
    struct outline *o = browser_outline(b);
    b->tree_height = height;
    outline_scroll(o, (size_t)height);
    hit_rows_fn(y, x, height, width, o->top, o->nrows, tree_click, b);
    for (int r = 0; r < height; r++) {
        size_t i = o->top + (size_t)r;
        if (i >= o->nrows) {
            draw_blank(y + r, x, width, A_NORMAL);
            continue;
        }
        const struct gl_node *n = o->rows[i];
        bool sel = i == o->cur;
        attr_t attr = sel ? role_attr(b->focus_detail ? ROLE_SELECTED_DIM : ROLE_SELECTED) : A_NORMAL;
        int indent = n->depth * 2;
        if (indent > width / 3)
            indent = width / 3;
        const char *mark = "  ";
        if (n->nchildren)
            mark = o->expanded[n->index] ? glyph("\xE2\x96\xBE ", "- ") : glyph("\xE2\x96\xB8 ", "+ ");
        int tag = n->baseline ? 4 : 0;
        draw_blank(y + r, x, indent, attr);
        draw_cell(y + r, x + indent, 2, mark, attr);
        char *h = gl_node_heading(n, b->lang);
        size_t off = 0, len = 0;
        if (b->last_query && !text_find_fold(h, b->last_query, &off, &len))
            len = 0;
        int w = width - indent - 2 - tag;
        draw_cell_hl(y + r, x + indent + 2, w, h, attr, off, len, role_attr(ROLE_MATCH));
        if (tag)
            draw_cell(y + r, x + width - tag, tag, " [B]", sel ? attr : role_attr(ROLE_BASELINE));
        free(h);
    }
}

/* The detail text as lines: each a string with a role. */
struct doc {
    char **text;
    enum role *role;
    size_t n, cap, rcap;
    int width;
    int label_w; /* the labels' column: the widest label in this language */
};

static void doc_push(struct doc *d, const char *s, size_t len, enum role r)
{
    d->text = xgrow(d->text, &d->cap, d->n + 1, sizeof *d->text);
    d->role = xgrow(d->role, &d->rcap, d->n + 1, sizeof *d->role);
    d->text[d->n] = xstrndup(s, len);
    d->role[d->n++] = r;
}

/* Wrap text into the doc, each line prefixed (first) or indented. */
static void doc_para(struct doc *d, const char *prefix, const char *text, enum role r)
{
    int pw = utf8_width(prefix);
    struct wrap_line *lines;
    size_t n = wrap_text(text, d->width - pw > 8 ? d->width - pw : 8, &lines);
    if (n == 0)
        doc_push(d, prefix, strlen(prefix), r);
    for (size_t i = 0; i < n; i++) {
        struct strbuf sb = STRBUF_INIT;
        if (i == 0)
            sb_adds(&sb, prefix);
        else
            for (int k = 0; k < pw; k++)
                sb_addc(&sb, ' ');
        sb_add(&sb, text + lines[i].off, lines[i].len);
        doc_push(d, sb_str(&sb), sb.len, r);
        sb_free(&sb);
    }
    free(lines);
}

/* Every label of the detail pane (here and in browser_map.c): the values
 * align after the widest by display width, in either language. */
static int label_width(void)
{
    static const char *const labels[] = {
        N_("Change"), N_("Phase"), N_("NIST CSF"), N_("Baseline"), N_("Source"),
        N_("Kind"), N_("Implements"), N_("Covered by"), N_("Coverage"), N_("Not covered"),
    };
    int w = 0;
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
        int lw = utf8_width(_(labels[i]));
        w = lw > w ? lw : w;
    }
    return w;
}

static void doc_field(struct doc *d, const char *label, const char *value)
{
    struct strbuf p = STRBUF_INIT;
    sb_adds(&p, label);
    if (!d->label_w)
        d->label_w = label_width();
    for (int w = utf8_width(label); w < d->label_w; w++)
        sb_addc(&p, ' ');
    sb_addc(&p, ' ');
    doc_para(d, sb_str(&p), value, ROLE_NORMAL);
    sb_free(&p);
}

static void doc_free(struct doc *d)
{
    for (size_t i = 0; i < d->n; i++)
        free(d->text[i]);
    free(d->text);
    free(d->role);
}

static void add_mapping(struct browser *b, struct doc *d, const struct gl_node *n)
{
    const struct gl_set *set = &b->lib->gl;
    const char *arrow = glyph("\xE2\x86\x92 ", "-> ");
    const char *back = glyph("\xE2\x86\x90 ", "<- ");
    struct strbuf v = STRBUF_INIT;
    sb_adds(&v, n->change == CHANGE_NONE ? _("(no mapping given)") : change_name(n->change, b->lang));
    doc_field(d, _("Change"), sb_str(&v));
    sb_free(&v);
    for (size_t k = 0; k < n->nmaps; k++) {
        const struct gl_node *t = n->map_nodes ? n->map_nodes[k] : NULL;
        if (!t)
            continue;
        char *h = gl_node_long_heading(t, b->lang);
        sb_printf(&v, "%s%s: %s", n->change == CHANGE_FROM ? back : arrow,
                  text_get(&t->edition->label, b->lang), h);
        doc_field(d, "", sb_str(&v));
        sb_reset(&v);
        free(h);
    }
    /* nodes of other editions that name this one, when not already listed */
    for (size_t i = 0; i < set->nall; i++) {
        const struct gl_node *o = set->all[i];
        if (o->edition == n->edition || is_standard(o->edition)) /* those: browser_map.c */
            continue;
        bool names_us = false, listed = false;
        for (size_t k = 0; k < o->nmaps; k++)
            names_us |= o->map_nodes && o->map_nodes[k] == n;
        for (size_t k = 0; names_us && k < n->nmaps; k++)
            listed |= n->map_nodes && n->map_nodes[k] == o;
        if (!names_us || listed)
            continue;
        char *h = gl_node_long_heading(o, b->lang);
        sb_printf(&v, "%s%s: %s (%s)", back, text_get(&o->edition->label, b->lang), h,
                  change_name(o->change, b->lang));
        doc_field(d, "", sb_str(&v));
        sb_reset(&v);
        free(h);
    }
    sb_free(&v);
}

static void map_field(void *d, const char *label, const char *value)
{
    doc_field(d, label, value);
}

/* What an item without a summary lacks, and where to read more. */
static void add_no_summary(struct doc *d, const struct gl_node *n)
{
    struct strbuf t = STRBUF_INIT;
    char src[200];
    if (n->edition->user)
        sb_adds(&t, _("Its file says nothing more about this item."));
    else if (n->source)
        sb_printf(&t, _("kijun's library has no summary of this item; read more in its source: %s."),
                  source_label(n->source, src, sizeof src));
    else
        sb_adds(&t, _("kijun's library has no summary of this item; read it in the Guideline itself."));
    doc_para(d, "", sb_str(&t), ROLE_DIM);
    sb_free(&t);
}

static void build_doc(struct browser *b, struct doc *d, const struct gl_node *n)
{
    char *h = gl_node_heading(n, b->lang);
    doc_para(d, "", h, ROLE_HEADING);
    free(h);
    /* the summary first: on a small terminal it is what must show */
    const char *summary = text_get(&n->summary, b->lang);
    if (*summary)
        doc_para(d, "", summary, ROLE_NORMAL);
    else
        add_no_summary(d, n);
    doc_push(d, "", 0, ROLE_NORMAL);

    struct strbuf v = STRBUF_INIT;
    doc_field(d, _("Phase"), phase_name(n->phase, b->lang));
    for (unsigned bit = 1; bit < (1u << CSF__COUNT); bit <<= 1) {
        if (!(n->csf & bit))
            continue;
        if (v.len)
            sb_adds(&v, ", ");
        sb_printf(&v, "%s %s", csf_code(bit), csf_name(bit, b->lang));
    }
    doc_field(d, _("NIST CSF"), v.len ? sb_str(&v) : "—");
    sb_reset(&v);
    doc_field(d, _("Baseline"), n->baseline ? _("[B] yes: a minimum every operator should meet")
                                            : _("no"));
    if (n->csf || n->baseline)
        doc_para(d, "", _("The NIST CSF functions and the baseline mark are kijun's own judgement, not text of the Guideline."), ROLE_DIM);
    if (!browser_map_implements(&b->lib->gl, n, b->lang, map_field, d))
        add_mapping(b, d, n);
    browser_map_covered(&b->lib->gl, n, b->lang, map_field, d);
    char src[200];
    if (n->source)
        doc_field(d, _("Source"), source_label(n->source, src, sizeof src));
    if (n->nchildren) {
        doc_push(d, "", 0, ROLE_NORMAL);
        sb_printf(&v, P_("Contains %zu item:", "Contains %zu items:", n->nchildren), n->nchildren);
        doc_para(d, "", sb_str(&v), ROLE_LABEL);
        for (size_t i = 0; i < n->nchildren; i++) {
            char *ch = gl_node_heading(n->children[i], b->lang);
            doc_para(d, glyph("  \xE2\x80\xA2 ", "  * "), ch, ROLE_NORMAL);
            free(ch);
        }
    }
    browser_map_coverage(&b->lib->gl, n, b->lang, map_field, d);
    sb_free(&v);
}

/* A click on the detail pane gives it the focus (its arrows scroll). */
static void detail_click(void *ctx, size_t row)
{
    (void)row;
    struct browser *b = ctx;
    b->focus_detail = true;
    b->message[0] = '\0';
}

static void draw_detail(struct browser *b, int y, int x, int height, int width)
{
    const struct gl_node *n = shown_node(b);
    size_t *top = b->follow ? &b->shown_top : &b->detail_top;
    b->detail_height = height;
    struct doc d = {0};
    d.width = width - 1;
    if (n)
        build_doc(b, &d, n);
    hit_rows_fn(y, x, height, width, 0, (size_t)height, detail_click, b);
    size_t max = d.n > (size_t)height ? d.n - (size_t)height : 0;
    if (*top > max)
        *top = max;
    for (int r = 0; r < height; r++) {
        size_t i = *top + (size_t)r;
        draw_blank(y + r, x, 1, A_NORMAL);
        if (i < d.n)
            draw_cell(y + r, x + 1, width - 1, d.text[i], role_attr(d.role[i]));
        else
            draw_blank(y + r, x + 1, width - 1, A_NORMAL);
    }
    /* a scroll hint when the text goes on below */
    if (*top + (size_t)height < d.n && width > 4)
        draw_cell(y + height - 1, x + width - 3, 3, glyph(" \xE2\x86\x93 ", " v "),
                  role_attr(ROLE_KEY));
    doc_free(&d);
}

static void draw_status(struct browser *b, int y, int cols, const char *workspace)
{
    const struct gl_edition *ed = browser_edition(b);
    struct outline *o = browser_outline(b);
    if (b->search.open) {
        browser_draw_prompt(b, y, cols);
        return;
    }
    struct strbuf sb = STRBUF_INIT;
    const char *bar = glyph(" \xE2\x94\x82 ", " | ");
    char *ws = short_path(workspace, 16);
    sb_printf(&sb, " %s%s%s (%s)%s%s%s%zu/%zu", ws, bar, text_get(&ed->label, b->lang),
              editions_status(ed, b->lang), bar, lang_code(b->lang), bar,
              o->nrows ? (b->follow ? b->shown_pos : o->cur) + 1 : 0, o->nrows);
    free(ws);
    chrome_status(y, cols, sb_str(&sb), b->message, b->message_is_error);
    sb_free(&sb);
}

/* Side by side, the tree takes the width of its longest row (of those
 * the tree has open, so that a cursor move keeps it), from a quarter of
 * the screen up to half of it: the detail keeps the other half. */
static int tree_width(struct browser *b, int cols)
{
    struct outline *o = browser_outline(b);
    int need = 0;
    for (size_t i = 0; i < o->nrows; i++) {
        const struct gl_node *n = o->rows[i];
        char *h = gl_node_heading(n, b->lang);
        int w = n->depth * 2 + 2 + utf8_width(h) + (n->baseline ? 4 : 0) + 1;
        free(h);
        if (w > need)
            need = w;
    }
    int lo = cols / 4, hi = cols / 2;
    return need < lo ? lo : need > hi ? hi : need;
}

void browser_draw(struct browser *b, int rows, int cols, const char *workspace)
{
    if (b->editions) {
        editions_draw(b, rows, cols, workspace);
        return;
    }
    int body = rows - 3; /* header, status line, key bar */
    b->follow = b->follow && draw_following(); /* no key pending: they catch up */
    draw_header(b, cols);
    if (cols >= SIDE_BY_SIDE_COLS) {
        int tw = tree_width(b, cols);
        draw_tree(b, 1, 0, body, tw);
        draw_vline(1, tw, body);
        draw_detail(b, 1, tw + 1, body, cols - tw - 1);
    } else {
        /* narrow: tree above, detail below */
        int th = body * 11 / 20;
        draw_tree(b, 1, 0, th, cols);
        draw_hline(1 + th, 0, cols);
        draw_detail(b, 2 + th, 0, body - th - 1, cols);
    }
    draw_status(b, rows - 2, cols, workspace);
    if (!b->follow) {
        b->shown = outline_current(browser_outline(b));
        b->shown_pos = browser_outline(b)->cur;
        b->shown_top = b->detail_top;
    }
}
