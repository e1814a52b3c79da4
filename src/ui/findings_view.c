/* findings_view: every finding of the open workspace, grouped by file. */
#include "config.h"
#include "ui/findings_view.h"
#include "model/outline.h"
#include "ui/draw.h"
#include "ui/frame.h"
#include "util/wrap.h"
#include "ui/rows.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Progress is shown when computing takes longer than this. */
#define FV_PROGRESS_MS 150
/* A workspace with more resources and risks than this is large. */
#define FV_LARGE 5000

static void say(struct fview *fv, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void say(struct fview *fv, bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    message_vset(fv->message, sizeof fv->message, &fv->message_is_error, error, fmt, ap);
    va_end(ap);
}

void fview_init(struct fview *fv, struct session *s)
{
    memset(fv, 0, sizeof *fv);
    fv->s = s;
    prompt_init(&fv->search, 256);
}

static void rows_clear(struct fview *fv)
{
    findings_free(&fv->f);
    free(fv->groups);
    free(fv->rows);
    fv->groups = NULL;
    fv->rows = NULL;
    fv->ngroups = fv->nrows = 0;
}

void fview_free(struct fview *fv)
{
    rows_clear(fv);
    prompt_free(&fv->search);
    free(fv->last_query);
    memset(fv, 0, sizeof *fv);
}

static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Progress on the message line, once computing has taken a while. */
static void progress(void *ctx, size_t done, size_t total)
{
    long long start = *(long long *)ctx;
    if (now_ms() - start < FV_PROGRESS_MS)
        return;
    char text[200];
    snprintf(text, sizeof text, _("Checking the workspace: file %zu of %zu..."), done + 1, total);
    draw_cell(LINES - 2, 0, COLS, text, role_attr(ROLE_NOTICE));
    wnoutrefresh(stdscr);
    doupdate();
}

static bool is_header(const struct fview *fv, size_t row)
{
    return row < fv->nrows && (fv->rows[row] & FV_HEADER);
}

/* The row of finding i (its group's header comes first). */
static size_t row_of(const struct fview *fv, size_t i)
{
    for (size_t r = 0; r < fv->nrows; r++)
        if (fv->rows[r] == i)
            return r;
    return 0;
}

void fview_refresh(struct fview *fv)
{
    if (fv->built && fv->gen == fv->s->gen)
        return;
    /* the cursor stays on the finding of the same file and line, when there is one */
    char *file = NULL;
    int line = 0;
    if (fv->cur < fv->nrows && !is_header(fv, fv->cur)) {
        file = xstrdup(fv->f.v[fv->rows[fv->cur]].file);
        line = fv->f.v[fv->rows[fv->cur]].line;
    }
    size_t old = fv->cur;
    rows_clear(fv);
    /* a large workspace shows its progress from the start */
    size_t entries = fv->s->profile.c[COLL_RESOURCES].n;
    for (size_t i = 0; i < fv->s->nrounds; i++)
        entries += fv->s->rounds[i]->r.c[RC_RISKS].n;
    long long start = now_ms() - (entries > FV_LARGE ? FV_PROGRESS_MS : 0);
    session_all_findings(fv->s, &fv->f, progress, &start);
    fv->ngroups = findings_group(&fv->f, &fv->groups);
    fv->rows = xcalloc(fv->f.n + fv->ngroups + 1, sizeof *fv->rows);
    for (size_t g = 0; g < fv->ngroups; g++) {
        fv->rows[fv->nrows++] = FV_HEADER | g;
        for (size_t k = 0; k < fv->groups[g].n; k++)
            fv->rows[fv->nrows++] = fv->groups[g].first + k;
    }
    fv->built = true;
    fv->gen = fv->s->gen;
    fv->cur = old < fv->nrows ? old : fv->nrows ? fv->nrows - 1 : 0;
    for (size_t i = 0; file && i < fv->f.n; i++)
        if (strcmp(fv->f.v[i].file, file) == 0 && fv->f.v[i].line == line) {
            fv->cur = row_of(fv, i);
            break;
        }
    if (is_header(fv, fv->cur))
        fv->cur++;
    free(file);
}

enum view fview_screen(const struct fview *fv)
{
    return fv->search.open ? SCREEN_PROMPT : SCREEN_FINDINGS;
}

/* After a move the cursor is on a finding, never on a file's header. */
static void off_header(struct fview *fv, bool up)
{
    if (!is_header(fv, fv->cur))
        return;
    if (up && fv->cur > 0)
        fv->cur--;
    else if (fv->cur + 1 < fv->nrows)
        fv->cur++;
}

/* The next (dir 1) or previous (-1) finding matching query from the
 * cursor (include: the cursor's own row too), wrapping. */
static bool search(struct fview *fv, const char *query, int dir, bool include)
{
    size_t n = fv->nrows;
    for (size_t k = include ? 0 : 1; k <= n && n; k++) {
        size_t r = (fv->cur + (dir > 0 ? k : n - k % n)) % n;
        if (!is_header(fv, r) && finding_matches(&fv->f.v[fv->rows[r]], query)) {
            fv->cur = r;
            return true;
        }
    }
    return false;
}

static size_t match_count(const struct fview *fv, const char *query)
{
    size_t c = 0;
    for (size_t i = 0; i < fv->f.n; i++)
        c += finding_matches(&fv->f.v[i], query);
    return c;
}

static void search_update(struct fview *fv)
{
    fv->cur = fv->search_origin;
    const char *q = prompt_text(&fv->search);
    free(fv->last_query);
    fv->last_query = *q ? xstrdup(q) : NULL;
    fv->message[0] = '\0';
    if (fv->last_query)
        search(fv, fv->last_query, 1, true);
}

static bool search_action(struct fview *fv, enum action a)
{
    switch (prompt_act(&fv->search, a)) {
    case PROMPT_NONE:
        return false;
    case PROMPT_CANCELLED:
        fv->cur = fv->search_origin;
        free(fv->last_query);
        fv->last_query = NULL;
        say(fv, false, "%s", _("Search cancelled"));
        return true;
    case PROMPT_CHANGED:
        search_update(fv);
        return true;
    default: /* accepted, or the cursor moved in the text */
        return true;
    }
}

void fview_input(struct fview *fv, const char *utf8)
{
    if (prompt_type(&fv->search, utf8) == PROMPT_CHANGED)
        search_update(fv);
}

bool fview_action(struct fview *fv, enum action a)
{
    if (fv->search.open)
        return search_action(fv, a);
    fv->message[0] = '\0';
    if (rows_move(&fv->cur, fv->nrows, a, fv->page)) {
        off_header(fv, a == ACT_UP || a == ACT_PAGE_UP);
        return true;
    }
    switch (a) {
    case ACT_SEARCH_FINDINGS:
        fv->search_origin = fv->cur;
        prompt_start(&fv->search, "");
        return true;
    case ACT_NEXT_MATCH:
    case ACT_PREV_MATCH:
        if (!fv->last_query) {
            char key[16];
            say(fv, true, _("No search yet: press %s to search"),
                action_key_name(ACT_SEARCH_FINDINGS, SCREEN_FINDINGS, key, sizeof key));
        } else if (!search(fv, fv->last_query, a == ACT_NEXT_MATCH ? 1 : -1, false)) {
            say(fv, true, _("No match for \"%s\""), fv->last_query);
        }
        return true;
    default:
        return false;
    }
}

/* --- jumping ---------------------------------------------------------------- */

static enum fv_goto jump_checklist(struct fview *fv, struct browser *b, const struct target *t)
{
    const struct record *x = &fv->s->checklist.items.r[t->index];
    struct gl_node *node = x->id ? gl_node_find(&fv->s->lib->gl, x->id) : NULL;
    for (size_t i = 0; node && i < fv->s->lib->gl.n; i++) {
        if (fv->s->lib->gl.editions[i] == node->edition) {
            b->ed = i;
            b->focus_detail = false;
            outline_select(&b->outlines[i], node);
            return FV_GUIDELINE;
        }
    }
    say(fv, true, _("The checklist's item '%s' is in no edition of the Guideline: fix it in an editor"),
        x->id ? x->id : "");
    return FV_STAY;
}

static enum fv_goto jump_round(struct fview *fv, struct aview *av, const struct target *t)
{
    struct round *r = &fv->s->rounds[t->round]->r;
    av->round = t->round;
    av->cur[AV_ROUNDS] = t->round;
    av->level = AV_STEPS;
    av->editing = false;
    fv->jumped_editing = true;
    switch (t->coll) {
    case ITEM_HEAD: recedit_open_round(&av->edit, r, RSEC_HEAD, 0); break;
    case RC_RISKS: recedit_open_round(&av->edit, r, RSEC_RISKS, t->index); break;
    case RC_CLEAR: recedit_open_round(&av->edit, r, RSEC_CLEAR, t->index); break;
    case RC_SIGNOFFS: recedit_open_round(&av->edit, r, RSEC_SIGNOFFS, t->index); break;
    case RC_REVIEWS: recedit_open_round(&av->edit, r, RSEC_REVIEWS, t->index); break;
    default: /* its closing or reopening, what it assessed: the round's steps */
        fv->jumped_editing = false;
        return FV_ASSESS;
    }
    av->editing = true;
    if (t->field >= 0 && av->edit.level == RE_FORM)
        av->edit.field_cur = (size_t)t->field;
    return FV_ASSESS;
}

/* The key of action a that the key bar shows here. */
static const char *bar_key(enum action a)
{
    static char buf[16];
    size_t n;
    const struct binding *b = bindings(&n);
    for (size_t i = 0; i < n; i++)
        if (b[i].action == a && b[i].on_keybar && binding_active(&b[i], SCREEN_FINDINGS))
            return key_label(b[i].key, buf, sizeof buf);
    return action_key_name(a, SCREEN_FINDINGS, buf, sizeof buf);
}

enum fv_goto fview_jump(struct fview *fv, struct browser *b, struct pview *pv, struct aview *av)
{
    fview_refresh(fv);
    if (fv->cur >= fv->nrows || is_header(fv, fv->cur))
        return FV_STAY;
    const struct finding *f = &fv->f.v[fv->rows[fv->cur]];
    struct target t;
    if (!session_finding_target(fv->s, f, &t)) {
        say(fv, true, "%s", f->read ? _("Found reading the file: fix it in an editor (kijun keeps what it does not understand)")
                                    : _("What this finding is about is no longer there"));
        return FV_STAY;
    }
    if ((t.kind == TARGET_PROFILE && pv->edit.fresh) || (t.kind == TARGET_ROUND && av->editing && av->edit.fresh)) {
        /* a new entry's form is open there: it decides first what becomes of the entry */
        say(fv, true, _("A new entry's form is open: finish it first (%s shows it)"),
            bar_key(t.kind == TARGET_PROFILE ? ACT_VIEW_PROFILE : ACT_VIEW_ASSESS));
        return FV_STAY;
    }
    fv->jumped = t;
    switch (t.kind) {
    case TARGET_PROFILE:
        pview_open_entry(pv, t.coll, t.index);
        if (t.field >= 0) /* the form's cursor on the offending field */
            pv->edit.field_cur = (size_t)t.field;
        return FV_PROFILE;
    case TARGET_CHECKLIST:
        return jump_checklist(fv, b, &t);
    case TARGET_ROUND:
        return jump_round(fv, av, &t);
    default:
        return FV_STAY;
    }
}

bool fview_left(const struct fview *fv, const struct pview *pv, const struct aview *av)
{
    switch (fv->jumped.kind) {
    case TARGET_PROFILE:
        return pv->level != PV_EDIT || (pv->edit.level != RE_FORM && !pv->edit.editing && !pv->edit.pick.open);
    case TARGET_ROUND:
        return fv->jumped_editing ? !av->editing : av->level == AV_ROUNDS;
    default:
        return false;
    }
}

/* --- drawing ---------------------------------------------------------------- */

/* "2 errors, 1 warning", without a count that is 0. */
static void counts(struct strbuf *sb, size_t errors, size_t warnings)
{
    if (errors)
        sb_printf(sb, P_("%zu error", "%zu errors", errors), errors);
    if (errors && warnings)
        sb_adds(sb, _(", "));
    if (warnings)
        sb_printf(sb, P_("%zu warning", "%zu warnings", warnings), warnings);
}

static char *row_text(void *ctx, size_t r, bool *warn)
{
    struct fview *fv = ctx;
    size_t v = fv->rows[r];
    struct strbuf sb = STRBUF_INIT;
    if (v & FV_HEADER) {
        const struct finding_group *g = &fv->groups[v & ~FV_HEADER];
        sb_printf(&sb, "%s %s ", g->file, glyph("\xE2\x80\x94", "-"));
        counts(&sb, g->errors, g->warnings);
        *warn = true;
    } else {
        char *t = finding_format(&fv->f.v[v]);
        sb_printf(&sb, "  %s", t);
        free(t);
    }
    return sb_take(&sb);
}

static void draw_title(struct fview *fv, int cols)
{
    struct strbuf sb = STRBUF_INIT;
    size_t errors = 0;
    for (size_t g = 0; g < fv->ngroups; g++)
        errors += fv->groups[g].errors;
    sb_printf(&sb, "kijun %s %s", glyph("\xE2\x80\xBA", ">"), _("Findings of the workspace"));
    if (fv->f.n) {
        sb_adds(&sb, ": ");
        counts(&sb, errors, fv->f.n - errors);
        sb_printf(&sb, P_(" in %zu file", " in %zu files", fv->ngroups), fv->ngroups);
    }
    chrome_title(cols, sb_str(&sb));
    sb_free(&sb);
}

static void draw_prompt(struct fview *fv, int y, int cols)
{
    const char *q = prompt_text(&fv->search);
    size_t count = *q ? match_count(fv, q) : 0;
    char info[64] = "";
    if (*q)
        snprintf(info, sizeof info, count ? P_(" %zu match ", " %zu matches ", count) : _(" no match "), count);
    int iw = utf8_width(info);
    draw_cell(y, cols - iw, iw, info, role_attr(count ? ROLE_LABEL : ROLE_NOTICE));
    prompt_draw(&fv->search, y, 0, cols - iw, "/");
}

void fview_draw(struct fview *fv, int rows, int cols)
{
    fview_refresh(fv);
    draw_title(fv, cols);
    /* the selected finding's whole text under the list, on the lines it
     * needs (up to half the screen) */
    const char *text = "";
    char *t = NULL;
    if (fv->f.n && fv->cur < fv->nrows && !is_header(fv, fv->cur))
        text = t = finding_format(&fv->f.v[fv->rows[fv->cur]]);
    struct wrap_line *wl = NULL;
    int need = cols > 3 ? (int)wrap_text(text, cols - 2, &wl) : 1;
    free(wl);
    int detail = need + 1 < (rows >= 20 ? 3 : 2) ? (rows >= 20 ? 3 : 2) : need + 1;
    if (detail > (rows - 3) / 2)
        detail = (rows - 3) / 2;
    int list = rows - 3 - detail;
    fv->page = list > 1 ? list - 1 : 1;
    if (!fv->f.n) {
        for (int r = 0; r < list + detail; r++)
            draw_blank(1 + r, 0, cols, A_NORMAL);
        draw_wrapped(2, 2, cols - 3, 3, _("No findings: kijun check finds the workspace's files clean (a round's progress is checked in its Validation step)."), A_NORMAL);
    } else {
        rows_draw(1, list, cols, fv->nrows, &fv->cur, &fv->top, row_text, fv);
        draw_hline(1 + list, 0, cols);
        for (int r = 0; r < detail - 1; r++)
            draw_blank(2 + list + r, 0, cols, A_NORMAL);
        draw_wrapped(2 + list, 1, cols - 2, detail - 1, text, A_NORMAL);
    }
    free(t);
    int y = rows - 2;
    if (fv->search.open) {
        draw_prompt(fv, y, cols);
        return;
    }
    char pos[64];
    size_t n = fv->cur < fv->nrows && !is_header(fv, fv->cur) ? fv->rows[fv->cur] + 1 : 0;
    snprintf(pos, sizeof pos, "%zu/%zu", n, fv->f.n);
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, " %s%s", pos, glyph(" \xE2\x94\x82 ", " | "));
    if (fv->f.n)
        sb_printf(&sb, _("%s goes to the item, %s returns; as kijun check gives them"),
                  action_key_str(ACT_SELECT, SCREEN_FINDINGS), action_key_str(ACT_BACK, SCREEN_FINDINGS));
    else
        sb_printf(&sb, _("%s returns"), action_key_str(ACT_BACK, SCREEN_FINDINGS));
    chrome_status(y, cols, sb_str(&sb), fv->message, fv->message_is_error);
    sb_free(&sb);
}
