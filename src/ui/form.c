/* form: the record editor's form (recedit.h) of one profile or round
 * entry: its fields, the line editing of one (numbers and dates checked,
 * the text typed journaled as a draft), a new entry's life (left
 * untouched it goes, left incomplete it asks: nothing half-made), and
 * the form's drawing. */
#include "config.h"
#include "ui/recedit_private.h"
#include "model/rules.h"
#include "core/edits.h"
#include "core/entries.h"
#include "model/supplier.h"
#include "ui/draw.h"
#include "ui/mouse.h"
#include "ui/rows.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* The record and definition the form shows. */
struct record *form_record(struct recedit *re, const struct coll_def **def)
{
    const struct section *sec = cur_section(re);
    if (sec->kind == SEC_ORG) {
        *def = &profile_org_def;
        return &re->s->profile.org;
    }
    if (sec->kind == SEC_CRITERIA) {
        *def = &profile_criteria_def;
        return &re->s->profile.criteria;
    }
    if (sec->kind == SEC_HEAD) {
        *def = &round_head_def;
        return &re->round->head;
    }
    struct collection *c = cur_coll(re);
    *def = c->def;
    return re->rec < c->n ? &c->r[re->rec] : NULL;
}

/* The collection of the form's record (NULL for a single record:
 * organisation, criteria, round). */
struct collection *form_coll(struct recedit *re)
{
    return cur_section(re)->kind == SEC_COLL ? cur_coll(re) : NULL;
}

/* --- editing ----------------------------------------------------------------- */

static void start_edit(struct recedit *re)
{
    const struct coll_def *def;
    struct record *r = form_record(re, &def);
    if (!r || read_only(re))
        return;
    const struct field_def *f = &def->fields[re->field_cur];
    struct value *v = &r->v[re->field_cur];
    switch (f->type) {
    case F_BOOL:
        core_set_bool(re->s, re_doc(re), form_coll(re), r, def, re->field_cur, !(v->set && v->b));
        return;
    case F_ENUM:
    case F_REF:
    case F_REFLIST:
        pick_open(re, f, v, f->ref && strcmp(f->ref, def->key) == 0 ? r->id : NULL);
        return;
    default:
        if (field_scale(def, (int)re->field_cur) >= 0) { /* a level: picked from the scale */
            pick_open_levels(re, field_scale(def, (int)re->field_cur), v);
            return;
        }
        {
        char *t = value_edit_text(v, f);
        lineedit_set(&re->ed, t);
        core_draft_open(re->s, re_doc(re), form_coll(re), r, def, re->field_cur, t);
        free(t);
        re->editing = true;
    }
    }
}

/* Store the edited text into the field; false (with a message) when the
 * text is not valid for it. */
static bool finish_edit(struct recedit *re)
{
    const struct coll_def *def;
    struct record *r = form_record(re, &def);
    const struct field_def *f = &def->fields[re->field_cur];
    struct doc *d = re_doc(re);
    struct collection *c = form_coll(re);
    const char *text = lineedit_text(&re->ed);
    struct value v;
    long long lo, hi; /* the rules' range: on the scales, within the rule */
    field_range(def, (int)re->field_cur, re->round, &re->s->profile, &lo, &hi);
    switch (value_parse_in(f, text, lo, hi, &v)) {
    case VP_BAD_NUMBER:
        say(re, true, _("%s must be a whole number from %lld to %lld"), _(f->label), lo, hi);
        return false;
    case VP_BAD_DATE: {
        char today[11];
        session_today(today);
        say(re, true, _("%s: '%s' is no date; write YYYY-MM-DD (today: %s)"), _(f->label), text, today);
        return false;
    }
    case VP_OK:
        break;
    }
    core_set(re->s, d, c, r, def, re->field_cur, &v);
    value_free(&v);
    return true;
}

bool form_range_warn(struct recedit *re)
{
    const struct coll_def *def;
    struct record *r = form_record(re, &def);
    for (size_t i = 0; r && i < def->nfields; i++) {
        long long lo, hi;
        if (field_out_of_range(def, (int)i, r, re->round, &re->s->profile, &lo, &hi)) {
            say(re, true, _("%s %lld is now outside %lld..%lld, the range of this rule and scales: change it"),
                _(def->fields[i].label), r->v[i].i, lo, hi);
            return true;
        }
    }
    return false;
}

void recedit_input(struct recedit *re, const char *utf8)
{
    if (!re->editing)
        return;
    const struct coll_def *def;
    form_record(re, &def);
    const struct field_def *f = &def->fields[re->field_cur];
    if (f->type == F_INT) {
        /* numbers are checked as typed: digits only */
        for (const char *p = utf8; *p; p++) {
            if (*p < '0' || *p > '9') {
                say(re, true, _("%s takes digits only"), _(f->label));
                return;
            }
        }
    }
    if (f->type == F_DATE && (strcmp(utf8, "t") == 0 || strcmp(utf8, "T") == 0)) {
        /* no date has a t: the key writes today */
        char today[11];
        session_today(today);
        lineedit_set(&re->ed, today);
    } else {
        lineedit_input(&re->ed, utf8);
    }
    core_draft_text(re->s, lineedit_text(&re->ed));
    re->message[0] = '\0';
}

bool edit_action(struct recedit *re, enum action a)
{
    switch (a) {
    case ACT_EDIT_ACCEPT:
        if (finish_edit(re)) {
            re->editing = false;
            core_draft_close(re->s);
            re->message[0] = '\0';
        }
        return true;
    case ACT_EDIT_CANCEL:
        re->editing = false;
        core_draft_close(re->s);
        say(re, false, "%s", _("Edit cancelled: the field is as it was"));
        if (re->fresh_direct && fresh_untouched(re))
            fresh_drop(re);
        return true;
    default: {
        bool used = lineedit_action(&re->ed, a) != EDIT_NONE;
        core_draft_text(re->s, lineedit_text(&re->ed));
        return used;
    }
    }
}

void recedit_edit_field(struct recedit *re, int field)
{
    const struct coll_def *def;
    if (!form_record(re, &def) || field < 0 || (size_t)field >= def->nfields)
        return;
    size_t i = (size_t)field;
    re->field_cur = (size_t)i;
    re->fresh_direct = re->fresh;
    start_edit(re);
}

/* --- a new entry: nothing half-made ------------------------------------------ */

void fresh_start(struct recedit *re)
{
    re->fresh = true;
    re->fresh_direct = false;
    re->fresh_edits = re_doc(re)->edits;
}

bool fresh_untouched(struct recedit *re)
{
    return re->fresh && re_doc(re)->edits == re->fresh_edits;
}

/* Leave the form for the list, or the owner (a single record's form,
 * or a form a round's screens opened). */
void form_leave(struct recedit *re)
{
    re->fresh = false;
    re->message[0] = '\0';
    bool list = cur_section(re)->kind == SEC_COLL;
    if (list)
        re->level = RE_LIST;
    if (!list || (re->round && re->form_only))
        re->done = true;
}

void fresh_drop(struct recedit *re)
{
    struct collection *c = cur_coll(re);
    if (c && re->rec < c->n)
        core_take_back(re->s, re_doc(re), c, re->rec, re->fresh_edits);
    if (c && re->list_cur >= c->n)
        re->list_cur = c->n ? c->n - 1 : 0;
    form_leave(re);
    say(re, false, "%s", _("Nothing added: the new entry was left empty"));
}

/* May the form of a new entry be left now? Untouched, it goes; with
 * required fields missing, the user is asked first. */
static bool fresh_leave(struct recedit *re)
{
    const struct coll_def *def;
    struct record *r = form_record(re, &def);
    if (!re->fresh || !r)
        return true;
    if (fresh_untouched(re)) {
        fresh_drop(re);
        return false;
    }
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < def->nfields; i++)
        if (field_missing(def, r, i))
            sb_printf(&sb, "%s%s", sb.len ? ", " : "", _(def->fields[i].label));
    bool ask = sb.len > 0;
    if (ask) {
        re->asking_delete = re->asking_keep = true;
        say(re, true, _("Keep it incomplete (%s missing)? %s (%s: back to the form)"), sb_str(&sb), action_yes_no(),
            action_key_str(ACT_CANCEL, SCREEN_QUESTION));
    }
    sb_free(&sb);
    return !ask;
}

void add_entry(struct recedit *re)
{
    struct collection *c = cur_coll(re);
    if (read_only(re))
        return;
    if (re->round && c == &re->round->c[RC_SIGNOFFS]) {
        /* a sign-off is per step: pick one that has none yet */
        struct pick *pk = &re->pick;
        pick_close(pk);
        for (int st = 0; st < STEP__COUNT; st++)
            if (!coll_find(c, step_id((enum step)st)))
                pick_add(pk, step_id((enum step)st), _(step_name((enum step)st)), false);
        if (!pk->n) {
            say(re, false, "%s", _("Every step is signed off"));
            pick_close(pk);
            return;
        }
        pk->open = true;
        return;
    }
    if (c->def->id_ref) {
        pick_open_library_ids(re, c);
        return;
    }
    struct record r;
    record_init(&r, c->def);
    if (c->def->has_id)
        r.id = re->round ? coll_new_id(c) : core_new_entry_id(re->s, c);
    if (!re->round && (c == &re->s->profile.c[COLL_IMPACT] || c == &re->s->profile.c[COLL_LIKELIHOOD])) {
        int sc = c == &re->s->profile.c[COLL_IMPACT] ? COLL_IMPACT : COLL_LIKELIHOOD;
        if (!scale_can_grow(&re->s->profile, sc)) { /* the rule kijun check applies: 3 to 6 levels */
            record_free(&r, c->def);
            say(re, true, _("%s has %zu levels, the most a scale may have (%d to %d): change or delete one instead"),
                _(c->def->label), c->n, SCALE_LEVELS_MIN, SCALE_LEVELS_MAX);
            return;
        }
        r.v[0].set = true;
        r.v[0].i = (long long)c->n + 1;
    }
    size_t at = core_add(re->s, re_doc(re), c, &r);
    record_free(&r, c->def);
    if (at == (size_t)-1)
        return;
    re->rec = re->list_cur = at;
    re->level = RE_FORM;
    re->field_cur = re->form_top = 0;
    fresh_start(re);
    say(re, false, _("New entry: fill in the fields marked *, then %s to go back"), action_key_str(ACT_BACK, SCREEN_FORM));
}

void recedit_round_add(struct recedit *re, struct round *r, size_t sec)
{
    recedit_open_round(re, r, sec, (size_t)-1);
    re->form_only = true;
    add_entry(re);
    if (re->level == RE_LIST && !re->pick.open)
        re->done = true; /* nothing could be added (read-only) */
}

void recedit_round_add_id(struct recedit *re, struct round *r, size_t sec, const char *id)
{
    recedit_open_round(re, r, sec, (size_t)-1);
    if (read_only(re)) {
        re->done = true;
        return;
    }
    struct collection *c = cur_coll(re);
    struct record rec;
    record_init(&rec, c->def);
    rec.id = xstrdup(id);
    re->rec = re->list_cur = core_add(re->s, re_doc(re), c, &rec);
    record_free(&rec, c->def);
    re->level = RE_FORM;
    re->form_only = true;
    re->message[0] = '\0';
    fresh_start(re);
}

/* --- the form ------------------------------------------------------------------ */

bool form_action(struct recedit *re, enum action a)
{
    const struct coll_def *def;
    struct record *r = form_record(re, &def);
    if (!r) {
        re->level = RE_LIST;
        re->done = re->round != NULL || cur_section(re)->kind != SEC_COLL;
        return true;
    }
    if (rows_move(&re->field_cur, record_shown_fields(def, r), a, re->page))
        return true;
    switch (a) {
    case ACT_EDIT_FIELD:
        start_edit(re);
        return true;
    case ACT_WRITE_TODAY: { /* on a date field, without Enter first */
        if (def->fields[re->field_cur].type != F_DATE)
            return false;
        char today[11];
        session_today(today);
        if (!read_only(re))
            core_set_text(re->s, re_doc(re), form_coll(re), r, def, re->field_cur, today);
        return true;
    }
    case ACT_CLEAR_FIELD:
        if (!read_only(re))
            core_clear(re->s, re_doc(re), form_coll(re), r, def, re->field_cur);
        return true;
    case ACT_DELETE:
        if (cur_section(re)->kind == SEC_COLL && !read_only(re))
            ask_delete(re, cur_coll(re), re->rec);
        return true;
    case ACT_BACK:
        if (fresh_leave(re))
            form_leave(re);
        return true;
    default:
        return false;
    }
}

/* Width of the label column of a form: the longest label, at most a third. */
static int label_width(const struct coll_def *def, int cols)
{
    int lw = 0;
    for (size_t i = 0; i < def->nfields; i++) {
        int w = utf8_width(_(def->fields[i].label)) + 2;
        if (w > lw)
            lw = w;
    }
    return lw > cols / 3 ? cols / 3 : lw;
}

void draw_form(struct recedit *re, int y, int height, int cols)
{
    const struct coll_def *def;
    struct record *r = form_record(re, &def);
    if (!r)
        return;
    int lw = label_width(def, cols);
    int rows = height - 5; /* below: a rule, the whole value (3 lines), the help */
    size_t nf = record_shown_fields(def, r); /* a supplier's own only on a supplier */
    re->field_cur = re->field_cur < nf ? re->field_cur : nf - 1;
    rows_scroll(re->field_cur, &re->form_top, rows);
    hit_rows(y, 0, rows, cols, re->form_top, nf, &re->field_cur);
    for (int k = 0; k < rows; k++) {
        size_t i = re->form_top + (size_t)k;
        int yy = y + k;
        if (i >= nf) {
            draw_blank(yy, 0, cols, A_NORMAL);
            continue;
        }
        const struct field_def *f = &def->fields[i];
        bool sel = i == re->field_cur;
        struct strbuf lab = STRBUF_INIT;
        sb_printf(&lab, "%s%s", f->required ? "*" : " ", _(f->label));
        draw_cell(yy, 0, lw, sb_str(&lab), sel ? role_attr(ROLE_SELECTED) : role_attr(ROLE_LABEL));
        sb_free(&lab);
        int vx = lw + 1, vw = cols - vx;
        draw_blank(yy, lw, 1, A_NORMAL);
        if (sel && re->editing) {
            lineedit_draw(&re->ed, yy, vx, vw, role_attr(ROLE_SELECTED_DIM));
            continue;
        }
        char *t = field_text(re, f, &r->v[i]);
        bool empty = value_empty(f, &r->v[i]);
        const char *kept = empty ? record_kept(r, f->key) : NULL;
        if (kept) { /* in the file, but not read (a control character): never "required" */
            struct strbuf kb = STRBUF_INIT;
            sb_printf(&kb, _("! not read (see kijun check): %s"), kept);
            free(t);
            t = sb_take(&kb);
        } else if (empty && f->required) {
            free(t);
            t = xstrdup(_("! required"));
        }
        draw_cell(yy, vx, vw, t, (empty && f->required) || kept ? role_attr(ROLE_NOTICE) : sel ? A_BOLD : A_NORMAL);
        free(t);
    }
    const struct field_def *f = &def->fields[re->field_cur];
    char how[200]; /* the keys in force */
    const char *ed = action_key_str(ACT_EDIT_FIELD, SCREEN_FORM);
    bool level = field_scale(def, (int)re->field_cur) >= 0;
    if (f->type == F_ENUM || f->type == F_REF || level)
        snprintf(how, sizeof how, _("%s: pick from a list"), ed);
    else if (f->type == F_REFLIST)
        snprintf(how, sizeof how, _("%s: pick several (%s marks)"), ed, action_key_str(ACT_PICK_MARK, SCREEN_PICK));
    else if (f->type == F_BOOL)
        snprintf(how, sizeof how, _("%s: switch yes/no"), ed);
    else if (f->type == F_STRLIST)
        snprintf(how, sizeof how, _("%s: edit; separate entries with ';'"), ed);
    else if (f->type == F_DATE)
        snprintf(how, sizeof how, _("%s: edit (YYYY-MM-DD); %s writes today"), ed,
                 action_key_str(ACT_WRITE_TODAY, SCREEN_FORM));
    else
        snprintf(how, sizeof how, _("%s: edit; %s again keeps, %s cancels"), ed,
                 action_key_str(ACT_EDIT_ACCEPT, SCREEN_PROMPT), action_key_str(ACT_EDIT_CANCEL, SCREEN_PROMPT));
    int base = y + height - 5, vl = 0; /* vl: lines the summary takes below the rule */
    draw_hline(base, 0, cols);
    if (re->round && def == round_coll_defs[RC_RISKS]) {
        /* the values the fields give, where the rule puts them */
        const struct profile *p = &re->s->profile;
        long long inh = risk_inherent(re->round, r), res = risk_residual(re->round, r);
        long long t = round_threshold(re->round), max = round_max(re->round, p);
        /* what the rule asks of it, true to what is set */
        bool over = res >= t && t > 0, accepted = strcmp(rec_str(r, RISK_DECISION), "accept") == 0;
        struct strbuf need = STRBUF_INIT, v = STRBUF_INIT;
        if (!*rec_str(r, RISK_DECISION))
            sb_adds(&need, _("a decision"));
        if (!rec_has(r, def, RISK_OWNER))
            sb_printf(&need, "%s%s", need.len ? _(", ") : "", _("an owner"));
        if (!accepted && !rec_has(r, def, RISK_DUE))
            sb_printf(&need, "%s%s", need.len ? _(", ") : "", _("a due date"));
        char state[200];
        if (t <= 0)
            snprintf(state, sizeof state, "%s", _("the round sets no threshold"));
        else if (!over)
            snprintf(state, sizeof state, "%s", _("below the threshold"));
        else if (need.len)
            snprintf(state, sizeof state, _("still needs %s"), sb_str(&need));
        else
            snprintf(state, sizeof state, "%s", _("decision, owner, due set"));
        if (!res) /* no value yet: nothing to compare with the threshold */
            sb_printf(&v, _(" Not scored yet: fill in impact and likelihood (threshold %lld) "), t);
        else if (!inh)
            sb_printf(&v, _(" Residual %lld (%c), inherent not scored, threshold %lld: %s "), res,
                      band_letter(band_of(res, t, max)), t, state);
        else
            sb_printf(&v, _(" Inherent %lld (%c) -> residual %lld (%c), threshold %lld: %s "), inh,
                      band_letter(band_of(inh, t, max)), res, band_letter(band_of(res, t, max)), t, state);
        if (utf8_width(sb_str(&v)) <= cols - 4) {
            draw_cell(base, 2, cols - 4 > 0 ? cols - 4 : 0, sb_str(&v), role_attr(over && need.len ? ROLE_NOTICE : ROLE_LABEL));
        } else { /* read whole: over the rule and the value's first line */
            vl = draw_wrapped(base, 0, cols, 2, sb_str(&v), role_attr(over && need.len ? ROLE_NOTICE : ROLE_LABEL)) - 1;
            vl = vl < 0 ? 0 : vl;
        }
        sb_free(&v);
        sb_free(&need);
    }
    /* the whole value of the field, which the row may have cut */
    char *full = field_text(re, f, &r->v[re->field_cur]);
    struct strbuf sb = STRBUF_INIT;
    /* TRANSLATORS: a field's help, then how to edit it */
    sb_printf(&sb, _("%s. %s"), _(f->help), how);
    if (f->type == F_DATE) {
        char today[11];
        session_today(today);
        sb_printf(&sb, " (%s)", today);
    }
    /* the help read whole: a second line, above the last, when it needs one */
    int hl = utf8_width(sb_str(&sb)) > cols ? 2 : 1;
    for (int k = base + 1 + vl; k < y + height - hl; k++)
        draw_blank(k, 0, cols, A_NORMAL);
    draw_wrapped(base + 1 + vl, 0, cols, 4 - vl - hl, full, A_NORMAL); /* the whole width: nothing of before stays */
    free(full);
    draw_wrapped(y + height - hl, 0, cols, hl, sb_str(&sb), role_attr(ROLE_DIM));
    sb_free(&sb);
}

void form_cursor(struct recedit *re, int y, int cols)
{
    /* the cursor into the field being edited */
    const struct coll_def *def;
    form_record(re, &def);
    int lw = label_width(def, cols);
    int col, vx = lw + 1;
    lineedit_shown(&re->ed, cols - vx, &col); /* the scroll as drawn */
    int cx = vx + col;
    move(y + (int)(re->field_cur - re->form_top), cx < cols ? cx : cols - 1);
}
