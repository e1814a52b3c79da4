/* rules: the Handbook's rules that decide what an edit brings with it,
 * as pure functions: what a new or copied round starts with, what an
 * acceptance records, what a priority service brings into scope. The
 * core applies what they say; nothing here changes a document in use. */
#ifndef KIJUN_RULES_H
#define KIJUN_RULES_H
#include "model/assessment.h"

/* A new round `name` dated today, with the rule and threshold of the
 * profile's risk criteria. r is initialised here. */
void round_start_new(struct round *r, const char *name, const struct profile *p, const char *today);
/* A new round `name` as a copy of src dated today: the head (purpose,
 * scope, team, rule, threshold, what is in scope), the risks and the
 * resources without risk carry over; it is compared with src; the
 * sign-offs, the review log and the next review date start afresh. */
void round_start_copy(struct round *r, const char *name, const struct round *src, const char *today);

/* What choosing a decision records in a risk: for "accept", the date
 * (today, unless one is there) and the residual value at that moment. */
struct acceptance {
    bool records;                /* false: the decision records nothing */
    bool set_date;               /* accepted_on is empty: today goes there */
    long long value;             /* the residual value accepted */
};
struct acceptance risk_acceptance(const struct round *r, const struct record *risk);
/* An acceptance made in another round and carried over by a copy: it
 * asks to be confirmed in this one. */
bool risk_acceptance_carried(const struct round *r, const struct record *risk);
/* An acceptance whose residual value changed since: it is stale. */
bool risk_acceptance_stale(const struct round *r, const struct record *risk);
/* A risk accepted now: the decision accept and the acceptance not stale
 * (what every count of accepted risks counts: screens and reports). */
bool risk_accepted(const struct round *r, const struct record *risk);

/* A digest of the data a step's sign-off vouches for (16 hex digits):
 * preparation the round's head, scoping what is in scope, assessment the
 * register and the resources without risk, validation all three, review
 * the review log and its dates. A sign-off records it; when the data
 * changes afterwards the sign-off is stale until it is renewed. */
void step_digest(const struct round *r, enum step s, char out[17]);
/* The step a sign-off's id names, STEP__COUNT for none. */
enum step step_of_id(const char *id);
/* A round as read from an older file gains what it lacks: each sign-off
 * without a digest vouches for its step's data as read, each acceptance
 * without a round was made in this one, and a round that closes but has
 * no closing is closed as of its last sign-off. Returns how many were
 * filled. */
size_t round_migrate(struct round *r);
/* A sign-off whose digest no longer matches its step's data. */
bool signoff_stale(const struct round *r, const struct record *signoff);

/* Closed rounds. A round closes when each of the five steps has a
 * sign-off (a reviewer, a valid date) that is not stale and, when the
 * round was reopened, at least one of them was made after the last
 * reopening (its `reopens` counts that reopening). Closing is recorded
 * (a `closed` entry: the date and round_content_digest); the round is
 * closed while it has more closings than reopenings, and read-only
 * then: only a reopening, recorded with who, when and why, changes it.
 * A closed round whose content no longer matches its closing digest was
 * changed outside kijun. */
bool round_closes(const struct round *r);
/* (A round reopened more often than it was closed never closes: that
 * history was written outside kijun, a finding of validate.c.) */
bool round_closed(const struct round *r);
/* How often the round was reopened (what a sign-off made now records). */
size_t round_reopens(const struct round *r);
/* The date of the last closing ("" for none). */
const char *round_closed_on(const struct round *r);
/* A digest (16 hex digits) of all the round holds but its last closing
 * while it is closed: the head, every collection, earlier closings. */
void round_content_digest(const struct round *r, char out[17]);
bool round_changed_outside(const struct round *r);
/* The closing of r (which round_closes): dated today, or without today
 * the latest of its sign-offs' dates. rec is initialised here. */
void round_closing(const struct round *r, const char *today, struct record *rec);
/* The reopening of the closed round r by `by` for `why`, dated today;
 * it notes whether the round had been changed outside kijun. rec is
 * initialised here. */
void round_reopening(const struct round *r, const char *by, const char *why, const char *today,
                     struct record *rec);

/* The resources a priority service brings into scope: those used by an
 * operation that serves it, in the profile's order. Appended to out;
 * returns how many. */
size_t service_resources(const struct profile *p, const char *service_id, struct strlist *out);

/* Does round r refer to the entry `id` of the profile collection
 * coll_key (in its scope, its risks, its resources without risk)? */
bool round_uses(const struct round *r, const char *coll_key, const char *id);
/* The range a number of field `field` of def may take in its place, the
 * one the rules check (model/validate.c): a risk's levels on the
 * profile's scales (1..levels), a threshold from the lowest to the
 * highest value its rule gives (the round's, round; the profile's
 * criteria: 1..n*m for a product, 2..n+m for a sum), a value accepted up
 * to the round's highest value; else the field's own range. */
void field_range(const struct coll_def *def, int field, const struct round *round, const struct profile *p,
                 long long *lo, long long *hi);
/* Is the number in field `field` of rec outside field_range (the range
 * given in lo, hi)? False for a field that is not a number or not set. */
bool field_out_of_range(const struct coll_def *def, int field, const struct record *rec, const struct round *round,
                        const struct profile *p, long long *lo, long long *hi);
/* A scale has 3 to 6 levels (model/validate.c): may one more be added? */
#define SCALE_LEVELS_MIN 3
#define SCALE_LEVELS_MAX 6
bool scale_can_grow(const struct profile *p, int coll);
/* A risk with a level (residual or inherent) that its scale lacks: above
 * the top level or a number no level has, as after a level was deleted (model/validate.c finds it;
 * the heat map cannot place it). round_off_scales counts them in r. */
bool risk_off_scales(const struct profile *p, const struct record *risk);
size_t round_off_scales(const struct round *r, const struct profile *p);
/* How many risks of r have a residual level off the scales: those the
 * heat map (residual levels) cannot place. */
size_t round_residual_off_scales(const struct round *r, const struct profile *p);
/* How many risks of r have the level `level` of scale coll (residual or
 * inherent). */
size_t scale_level_uses(const struct round *r, int coll, long long level);
/* The profile scale (COLL_IMPACT or COLL_LIKELIHOOD) a number of field
 * `field` of def is a level of, or -1 when it is on none. */
int field_scale(const struct coll_def *def, int field);
/* The same for a field known by its definition (one of def's fields). */
int field_def_scale(const struct field_def *f);
/* The level `level` of profile scale coll (its record), or NULL. */
const struct record *scale_level(const struct profile *p, int coll, long long level);
/* A level as a person reads it, "4 大" (only the number when the scale
 * has no such level or it has no label), into out. */
void scale_level_text(const struct profile *p, int coll, long long level, char *out, size_t n);
#endif
