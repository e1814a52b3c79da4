/* help: the help screen, generated from the action table. */
#include "config.h"
#include "ui/help.h"
#include "ui/draw.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/wrap.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

static void add_line(struct help *h, char *s)
{
    h->lines = xrealloc(h->lines, (h->nlines + 1) * sizeof *h->lines);
    h->lines[h->nlines++] = s;
}

static void add_heading(struct help *h, const char *s)
{
    struct strbuf sb = STRBUF_INIT;
    sb_addc(&sb, '\x01');
    sb_adds(&sb, s);
    add_line(h, sb_take(&sb));
}

/* Add a key name to a ", "-separated list, once (Enter has two codes). */
static void add_key(struct strbuf *keys, const char *name)
{
    const char *p = sb_str(keys);
    size_t n = strlen(name);
    while ((p = strstr(p, name))) {
        bool start = p == sb_str(keys) || p[-1] == ' ';
        bool end = p[n] == '\0' || p[n] == ',';
        if (start && end)
            return;
        p += n;
    }
    if (keys->len)
        sb_adds(keys, ", ");
    sb_adds(keys, name);
}

/* One line per action bound in screen s: its keys, then its help. */
static void add_screen(struct help *h, enum view s)
{
    size_t n;
    const struct binding *b = bindings(&n);
    add_heading(h, screen_title(s));
    for (int a = 0; a < ACT__COUNT; a++) {
        struct strbuf keys = STRBUF_INIT;
        for (size_t i = 0; i < n; i++) {
            if (b[i].action != (enum action)a || !binding_active(&b[i], s))
                continue;
            char buf[16];
            add_key(&keys, key_label(b[i].key, buf, sizeof buf));
        }
        if (!keys.len)
            continue;
        struct strbuf line = STRBUF_INIT;
        sb_printf(&line, "  %-22s %s", sb_str(&keys), action_help((enum action)a));
        add_line(h, sb_take(&line));
        sb_free(&keys);
    }
    add_line(h, xstrdup(""));
}

void help_open(struct help *h, enum view from)
{
    help_close(h);
    h->from = from;
    add_screen(h, from);
    /* how the screens stack, with the keys in force */
    add_heading(h, _("Getting around"));
    struct strbuf about = STRBUF_INIT;
    sb_printf(&about, _("  %s goes back to where this screen was opened from; from the last, it quits."),
              action_key_str(ACT_BACK, SCREEN_LIST));
    add_line(h, sb_take(&about));
    sb_printf(&about, _("  %s quits from any screen. Quitting asks first when there is unsaved work."),
              action_key_str(ACT_QUIT, SCREEN_BROWSER));
    add_line(h, sb_take(&about));
    sb_printf(&about, _("  %s %s %s %s show the Guideline, the profile, the assessment and the findings."),
              action_key_str(ACT_VIEW_GUIDELINE, SCREEN_BROWSER), action_key_str(ACT_VIEW_PROFILE, SCREEN_BROWSER),
              action_key_str(ACT_VIEW_ASSESS, SCREEN_BROWSER), action_key_str(ACT_VIEW_FINDINGS, SCREEN_BROWSER));
    add_line(h, sb_take(&about));
    add_line(h, xstrdup(""));
    add_screen(h, SCREEN_QUESTION);
    if (from == SCREEN_BROWSER || from == SCREEN_FORM)
        add_screen(h, SCREEN_PROMPT);
    if (from == SCREEN_FORM)
        add_screen(h, SCREEN_PICK);
    if (from == SCREEN_BROWSER) {
        add_heading(h, _("About the browser"));
        add_line(h, xstrdup(_("  The tree shows the chapters of the Guideline edition on the status line.")));
        add_line(h, xstrdup(_("  The detail pane shows the item's summary, PDCA phase, NIST CSF functions,")));
        add_line(h, xstrdup(_("  baseline mark and where the item went (or came from) in the other edition.")));
        add_line(h, xstrdup(_("  [B] in the tree marks a baseline item (slide 21).")));
        add_line(h, xstrdup(""));
    }
    add_heading(h, screen_title(SCREEN_HELP));
    size_t n;
    const struct binding *b = bindings(&n);
    struct strbuf keys = STRBUF_INIT;
    for (size_t i = 0; i < n; i++) {
        if (b[i].action == ACT_CLOSE_HELP && binding_active(&b[i], SCREEN_HELP)) {
            char buf[16];
            add_key(&keys, key_label(b[i].key, buf, sizeof buf));
        }
    }
    struct strbuf line = STRBUF_INIT;
    sb_printf(&line, "  %-22s %s", sb_str(&keys), action_help(ACT_CLOSE_HELP));
    add_line(h, sb_take(&line));
    sb_free(&keys);
}

void help_close(struct help *h)
{
    for (size_t i = 0; i < h->nlines; i++)
        free(h->lines[i]);
    free(h->lines);
    h->lines = NULL;
    h->nlines = 0;
    h->top = 0;
}

bool help_action(struct help *h, enum action a, int page)
{
    size_t total = h->shown ? h->shown : h->nlines;
    size_t max = total > (size_t)page ? total - (size_t)page : 0;
    switch (a) {
    case ACT_CLOSE_HELP:
    case ACT_QUIT:
        return false;
    case ACT_UP: if (h->top) h->top--; break;
    case ACT_DOWN: if (h->top < max) h->top++; break;
    case ACT_PAGE_UP: h->top = h->top > (size_t)page ? h->top - (size_t)page : 0; break;
    case ACT_PAGE_DOWN: h->top = h->top + (size_t)page < max ? h->top + (size_t)page : max; break;
    case ACT_FIRST: h->top = 0; break;
    case ACT_LAST: h->top = max; break;
    default: break;
    }
    return true;
}

void help_draw(struct help *h, int y, int height, int width)
{
    /* wrap each line to the screen; continuations hang under the text */
    struct strbuf all = STRBUF_INIT;
    size_t *starts = NULL, n = 0, cap = 0;
    bool *heading = NULL;
    size_t hcap = 0;
    int indent = width > 50 ? 25 : 4;
    for (size_t i = 0; i < h->nlines; i++) {
        const char *s = h->lines[i];
        bool head = s[0] == '\x01';
        if (head)
            s++;
        struct wrap_line *wl;
        size_t k = wrap_text(s, width - 1, &wl);
        if (k == 0) {
            starts = xgrow(starts, &cap, n + 1, sizeof *starts);
            heading = xgrow(heading, &hcap, n + 1, sizeof *heading);
            starts[n] = all.len;
            heading[n++] = head;
            sb_addc(&all, '\0');
        }
        for (size_t j = 0; j < k; j++) {
            starts = xgrow(starts, &cap, n + 1, sizeof *starts);
            heading = xgrow(heading, &hcap, n + 1, sizeof *heading);
            starts[n] = all.len;
            heading[n++] = head;
            if (j > 0)
                for (int c = 0; c < indent; c++)
                    sb_addc(&all, ' ');
            sb_add(&all, s + wl[j].off, wl[j].len);
            sb_addc(&all, '\0');
        }
        free(wl);
    }
    h->shown = n;
    size_t max = n > (size_t)height ? n - (size_t)height : 0;
    if (h->top > max)
        h->top = max;
    for (int r = 0; r < height; r++) {
        size_t i = h->top + (size_t)r;
        if (i >= n)
            draw_blank(y + r, 0, width, A_NORMAL);
        else
            draw_cell(y + r, 0, width, all.s + starts[i], heading[i] ? role_attr(ROLE_HEADING) : A_NORMAL);
    }
    free(starts);
    free(heading);
    sb_free(&all);
}
