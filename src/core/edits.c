/* edits: every change to the open workspace goes through here. */
#include "config.h"
#include "core/edits.h"
#include "core/entries.h"
#include "model/rules.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

static struct docset docset_of(struct session *s, struct doc *d)
{
    struct docset ds = {0};
    if (d == &s->pdoc)
        ds.profile = &s->profile;
    else if (d == &s->cdoc)
        ds.checklist = &s->checklist;
    else
        for (size_t i = 0; i < s->nrounds; i++)
            if (&s->rounds[i]->d == d)
                ds.round = &s->rounds[i]->r;
    return ds;
}

/* Where r is: its id, or its place for records without one. */
static void locate(struct docchange *ch, struct doc *d, const struct collection *c,
                   const struct record *r, const struct coll_def *def)
{
    ch->file = xstrdup(d->name);
    ch->def = def;
    ch->id = r && r->id ? xstrdup(r->id) : NULL;
    ch->index = c && r ? (size_t)(r - c->r) : 0;
}

static void renew_signoff(struct session *s, struct doc *d, struct round *r, const char *id);

/* Apply the change to the session's document, log it and count it. */
static size_t commit(struct session *s, struct doc *d, struct docchange *ch)
{
    struct docset ds = docset_of(s, d);
    size_t refs = 0;
    /* a read-only session takes no edit, whatever a screen asks; nor
     * does a closed round, but for its reopening (core/rounds.h) */
    bool closed = ds.round && round_closed(ds.round) && ch->def != round_coll_defs[RC_REOPENED];
    bool applied = !s->read_only && !closed && change_apply(ch, &ds, &refs);
    if (applied) {
        change_log_push(&s->log, ch);
        d->edits++;
        s->gen++;
    }
    if (applied)
        core_snapshot_follow(s, d, ds.round, ch); /* what the rounds keep follows */
    /* a sign-off made or edited vouches for its step's data as it is now;
     * nothing else renews it (a deletion or a move is no signing) */
    const struct coll_def *so = round_coll_defs[RC_SIGNOFFS];
    bool signs = ch->op == CH_ADD || (ch->op == CH_SET && (int)ch->field != SO_DIGEST && (int)ch->field != SO_REOPENS);
    if (applied && ds.round && ch->def == so && signs)
        renew_signoff(s, d, ds.round, ch->op == CH_ADD ? ch->rec.id : ch->id);
    change_free(ch);
    return refs;
}

static void renew_signoff(struct session *s, struct doc *d, struct round *r, const char *id)
{
    struct collection *c = &r->c[RC_SIGNOFFS];
    struct record *x = id ? coll_find(c, id) : NULL;
    enum step st = x ? step_of_id(id) : STEP__COUNT;
    if (st == STEP__COUNT)
        return;
    char digest[17];
    step_digest(r, st, digest);
    core_set_text(s, d, c, x, c->def, SO_DIGEST, digest);
    /* made after the last reopening: it can close the round again */
    core_set_int(s, d, c, x, c->def, SO_REOPENS, (long long)round_reopens(r));
}

void core_set(struct session *s, struct doc *d, struct collection *c, struct record *r,
              const struct coll_def *def, size_t field, const struct value *v)
{
    if (field >= def->nfields || value_equal(&r->v[field], v, def->fields[field].type))
        return; /* Enter on an unchanged field is no edit */
    struct docchange ch = {.op = CH_SET, .field = field};
    locate(&ch, d, c, r, def);
    value_copy(&ch.v, v);
    commit(s, d, &ch);
}

void core_set_text(struct session *s, struct doc *d, struct collection *c, struct record *r,
                   const struct coll_def *def, size_t field, const char *text)
{
    struct value v = {.set = text && *text, .s = (char *)(text ? text : "")};
    core_set(s, d, c, r, def, field, &v);
}

void core_set_int(struct session *s, struct doc *d, struct collection *c, struct record *r,
                  const struct coll_def *def, size_t field, long long i)
{
    struct value v = {.set = true, .i = i};
    core_set(s, d, c, r, def, field, &v);
}

void core_set_bool(struct session *s, struct doc *d, struct collection *c, struct record *r,
                   const struct coll_def *def, size_t field, bool b)
{
    struct value v = {.set = true, .b = b};
    core_set(s, d, c, r, def, field, &v);
}

void core_set_list(struct session *s, struct doc *d, struct collection *c, struct record *r,
                   const struct coll_def *def, size_t field, const struct strlist *l)
{
    struct value v = {.set = true, .list = *l};
    core_set(s, d, c, r, def, field, &v);
}

void core_clear(struct session *s, struct doc *d, struct collection *c, struct record *r,
                const struct coll_def *def, size_t field)
{
    struct value v = {0};
    core_set(s, d, c, r, def, field, &v);
}

size_t core_add(struct session *s, struct doc *d, struct collection *c, const struct record *r)
{
    struct docchange ch = {.op = CH_ADD};
    locate(&ch, d, NULL, NULL, c->def);
    record_copy(&ch.rec, r, c->def);
    size_t before = c->n;
    commit(s, d, &ch);
    return c->n > before ? c->n - 1 : (size_t)-1;
}

size_t core_delete(struct session *s, struct doc *d, struct collection *c, size_t i)
{
    if (i >= c->n)
        return 0;
    struct docchange ch = {.op = CH_DELETE};
    locate(&ch, d, c, &c->r[i], c->def);
    return commit(s, d, &ch);
}

void core_take_back(struct session *s, struct doc *d, struct collection *c, size_t i, unsigned long since)
{
    bool clean = d->on_disk && d->saved + 1 == since;
    bool untouched = d->edits == since;
    core_delete(s, d, c, i);
    if (clean && untouched)
        d->saved = d->edits; /* as on disk again; the journal drops its copy */
}

void core_move(struct session *s, struct doc *d, struct collection *c, size_t from, size_t to)
{
    if (from >= c->n || to >= c->n || from == to)
        return;
    struct docchange ch = {.op = CH_MOVE, .to = to};
    locate(&ch, d, c, &c->r[from], c->def);
    commit(s, d, &ch);
}

void core_draft_open(struct session *s, struct doc *d, struct collection *c, struct record *r,
                     const struct coll_def *def, size_t field, const char *text)
{
    core_draft_close(s);
    struct draft *dr = &s->draft;
    struct docset ds = docset_of(s, d);
    if (s->read_only || (ds.round && round_closed(ds.round)))
        return;
    dr->open = true;
    dr->where.op = CH_SET;
    dr->where.field = field;
    locate(&dr->where, d, c, r, def);
    dr->text = xstrdup(text ? text : "");
    /* the text as it was is no work in progress: nothing to journal yet */
    dr->edits = dr->journaled = 0;
    dr->pending_since = -1;
}

void core_draft_open_new(struct session *s, struct doc *d, struct collection *c, size_t field)
{
    core_draft_close(s);
    struct docset ds = docset_of(s, d);
    /* a closed round takes no draft but of its reopening */
    if (s->read_only || (ds.round && round_closed(ds.round) && c->def != round_coll_defs[RC_REOPENED]))
        return;
    struct draft *dr = &s->draft;
    dr->open = true;
    dr->where.op = CH_SET;
    dr->where.field = field;
    locate(&dr->where, d, c, NULL, c->def);
    dr->where.index = c->n; /* past the last: no entry yet */
    dr->text = xstrdup("");
    dr->edits = dr->journaled = 0;
    dr->pending_since = -1;
}

void core_draft_text(struct session *s, const char *text)
{
    struct draft *dr = &s->draft;
    if (!dr->open || strcmp(dr->text, text) == 0)
        return;
    free(dr->text);
    dr->text = xstrdup(text);
    dr->edits++;
}

void core_draft_close(struct session *s)
{
    struct draft *dr = &s->draft;
    bool in_journal = dr->in_journal; /* then it must leave the journal */
    change_free(&dr->where);
    free(dr->text);
    memset(dr, 0, sizeof *dr);
    dr->in_journal = in_journal;
}
