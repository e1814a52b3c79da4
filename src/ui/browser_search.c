/* browser_search: the browser's incremental search (/, n, N) and its
 * prompt on the status line. */
#include "config.h"
#include "ui/browser.h"
#include "ui/browser_private.h"
#include "ui/draw.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* No match in this edition: say so, and offer the editions that have
 * matches (the edition key searches in the first of them). */
static void report_none(struct browser *b, const char *q)
{
    const struct gl_set *set = &b->lib->gl;
    const char *here = text_get(&browser_edition(b)->label, b->lang);
    struct strbuf there = STRBUF_INIT;
    for (size_t i = 0; i < set->n; i++) {
        size_t rank, n = i == b->ed ? 0 : outline_match_count(&b->outlines[i], q, b->lang, &rank);
        if (!n)
            continue;
        if (there.len)
            sb_adds(&there, ", ");
        sb_printf(&there, P_("%zu match in %s", "%zu matches in %s", n), n,
                  text_get(&set->editions[i]->label, b->lang));
    }
    char key[16];
    b->offer_elsewhere = there.len > 0;
    if (there.len)
        browser_say(b, true, _("No match for \"%s\" in %s; %s: press %s to search there"), q, here,
                    sb_str(&there), action_key_name(ACT_EDITION, SCREEN_BROWSER, key, sizeof key));
    else if (set->n > 1)
        browser_say(b, true, _("No match for \"%s\" in %s, nor in the other editions"), q, here);
    else
        browser_say(b, true, _("No match for \"%s\""), q);
    sb_free(&there);
}

static void report_matches(struct browser *b, const char *q)
{
    size_t rank, count = outline_match_count(browser_outline(b), q, b->lang, &rank);
    if (count == 0)
        report_none(b, q);
    else
        browser_say(b, false, _("Match %zu of %zu for \"%s\""), rank, count, q);
}

bool browser_search_elsewhere(struct browser *b)
{
    const char *q = b->last_query;
    size_t rank;
    if (!q || outline_match_count(browser_outline(b), q, b->lang, &rank))
        return false;
    for (size_t i = 0; i < b->lib->gl.n; i++) {
        if (i == b->ed || !outline_match_count(&b->outlines[i], q, b->lang, &rank))
            continue;
        b->ed = i;
        b->detail_top = 0;
        outline_search(browser_outline(b), q, b->lang, 1, true);
        size_t count = outline_match_count(browser_outline(b), q, b->lang, &rank);
        browser_say(b, false, _("%s: match %zu of %zu for \"%s\""),
                    text_get(&browser_edition(b)->label, b->lang), rank, count, q);
        return true;
    }
    return false;
}

/* Incremental: after every change of the query, select the first match
 * at or after where the search started. */
static void search_update(struct browser *b)
{
    struct outline *o = browser_outline(b);
    if (b->search_origin)
        outline_select(o, b->search_origin);
    const char *q = prompt_text(&b->search);
    free(b->last_query);
    b->last_query = *q ? xstrdup(q) : NULL;
    b->message[0] = '\0';
    b->offer_elsewhere = false;
    if (!b->last_query)
        return;
    outline_search(o, b->last_query, b->lang, 1, true);
    report_matches(b, b->last_query);
}

void browser_search_step(struct browser *b, int dir)
{
    if (!b->last_query) {
        char key[16];
        browser_say(b, true, _("No search yet: press %s to search"),
                    action_key_name(ACT_SEARCH, SCREEN_BROWSER, key, sizeof key));
        return;
    }
    if (!outline_search(browser_outline(b), b->last_query, b->lang, dir, false)) {
        report_none(b, b->last_query);
        return;
    }
    report_matches(b, b->last_query);
}

bool browser_prompt_action(struct browser *b, enum action a)
{
    switch (prompt_act(&b->search, a)) {
    case PROMPT_NONE:
        return false;
    case PROMPT_ACCEPTED:
        if (!b->last_query)
            b->message[0] = '\0';
        return true;
    case PROMPT_CANCELLED:
        if (b->search_origin)
            outline_select(browser_outline(b), b->search_origin);
        free(b->last_query);
        b->last_query = NULL;
        browser_say(b, false, _("Search cancelled"));
        return true;
    case PROMPT_CHANGED:
        search_update(b);
        return true;
    default:
        return true;
    }
}

void browser_input(struct browser *b, const char *utf8)
{
    if (prompt_type(&b->search, utf8) == PROMPT_CHANGED)
        search_update(b);
}

/* The search prompt, on the status line; the cursor left in it. */
void browser_draw_prompt(struct browser *b, int y, int cols)
{
    struct outline *o = browser_outline(b);
    const char *q = prompt_text(&b->search);
    size_t rank = 0, count = outline_match_count(o, q, b->lang, &rank);
    char info[64] = "";
    if (*q)
        snprintf(info, sizeof info, count ? _(" %zu/%zu ") : _(" no match "), rank, count);
    int iw = utf8_width(info);
    draw_cell(y, cols - iw, iw, info, role_attr(count ? ROLE_LABEL : ROLE_NOTICE));
    prompt_draw(&b->search, y, 0, cols - iw, "/");
}
