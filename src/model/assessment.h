/* assessment: a round of the Handbook's five-step risk assessment over
 * the profile: its schema, scoring and banding, the round comparison, the
 * heat map and the register's order; the checks of the five steps and
 * their progress (model/steps.c). Pure, no I/O; "today" is an argument. */
#ifndef KIJUN_ASSESSMENT_H
#define KIJUN_ASSESSMENT_H
#include "model/profile.h"
#include "model/validate.h"

/* RC_REOPENED and RC_CLOSED: the round's closings and reopenings (model/rules.h) */
enum round_coll { RC_RISKS, RC_CLEAR, RC_SIGNOFFS, RC_REVIEWS, RC_REOPENED, RC_CLOSED,
                  RC_SEEN_SERVICES, RC_SEEN_RESOURCES, /* as assessed: model/snapshot.h */
                  RC__COUNT };
enum step { STEP_PREP, STEP_SCOPE, STEP_ASSESS, STEP_VALIDATE, STEP_REVIEW, STEP__COUNT };
enum band { BAND_NONE, BAND_LOW, BAND_MEDIUM, BAND_HIGH, BAND_VERY_HIGH, BAND__COUNT };

extern const struct coll_def round_head_def;               /* round = { ... } */
extern const struct coll_def *const round_coll_defs[RC__COUNT];
/* Whether the entries of def may be put in another order. Sign-offs,
 * the review log, closings and reopenings are a record of what happened:
 * their place in the file means nothing and they are never reordered. */
bool coll_reorderable(const struct coll_def *def);

struct round {
    char *name;                  /* the file's stem: assessments/NAME.cfg */
    struct record head;
    struct collection c[RC__COUNT];
    struct strlist kept;         /* as in struct profile */
};

void round_init(struct round *r, const char *name);
void round_free(struct round *r);
void round_copy(struct round *dst, const struct round *src, const char *name);
bool round_equal(const struct round *a, const struct round *b);

/* Step ids as written in signoffs: "prep", "scope", "assess", "validate", "review". */
const char *step_id(enum step s);
const char *step_name(enum step s);          /* untranslated N_() */

/* Scoring by the round's rule over the profile's scales. */
long long round_value(const struct round *r, long long impact, long long likelihood);
long long round_max(const struct round *r, const struct profile *p);
/* The operator of a rule as written between the levels: "+" for the
 * sum, "x" for the product (the rule of round_value). */
const char *rule_operator(const char *rule);
const char *round_operator(const struct round *r);
long long round_threshold(const struct round *r);
long long risk_inherent(const struct round *r, const struct record *risk);
long long risk_residual(const struct round *r, const struct record *risk);
/* Bands of a value: low below half the threshold, medium below it, high
 * from it, very high from halfway between it and the maximum. */
enum band band_of(long long value, long long threshold, long long max);
/* The lowest value of each band (lowest[BAND_LOW..BAND_VERY_HIGH]; 0 for
 * BAND_NONE), as band_of draws them: the heat map's legend. */
void band_bounds(long long threshold, long long max, long long lowest[BAND__COUNT]);
char band_letter(enum band b);               /* L M H V, '-' for none */
const char *band_name(enum band b);          /* untranslated N_() */
enum band risk_band(const struct round *r, const struct profile *p, const struct record *risk);
bool risk_over_threshold(const struct round *r, const struct record *risk);
/* Due (a real date) before today, not accepted; never without today. */
bool risk_overdue(const struct record *risk, const char *today);

/* One automatic check of the validation step. */
#define CHECK_NO_FINDING ((size_t)-1)
struct check {
    enum step step;
    bool ok;
    char *text;                  /* what is checked, or what is wrong */
    int coll;                    /* RC_* of the entry to jump to, -1 for the round head */
    size_t index;
    size_t finding;              /* the finding of validate.c it shows (index in
                                    checks.found), or CHECK_NO_FINDING */
};

struct checks {
    struct check *v;
    size_t n, cap;
    struct findings found;       /* of the profile and the round, each shown by a check */
};

/* The workbench's validation of rounds[ri] (of the workspace's n rounds)
 * over the profile p: every check of the five steps, passed or not, into
 * out (empty, or checks to add to). The rules of validate.c run too:
 * each finding about the round or p fails a check of its step, showing
 * "FILE:LINE: text", in place of the check it contradicts (a field's
 * "is set", a risk's "valid fields", the criteria). today (see
 * round_today) dates the overdue and next-review checks; NULL: none. */
void round_validate(const struct round *rounds, size_t n, size_t ri, const struct profile *p,
                    const struct library *lib, const char *today, struct checks *out);
/* The same with the profile's findings made already (profile_findings of
 * p), for a caller that validates several rounds, or keeps them while the
 * profile does not change: they cost time in proportion to the profile. */
void round_validate_with(const struct round *rounds, size_t n, size_t ri, const struct profile *p,
                         const struct findings *profile_found, const struct library *lib,
                         const char *today, struct checks *out);
/* Today for the date checks of r, or NULL for a round that a later round
 * follows up (names as `previous`): its overdue measures are that
 * round's business. */
const char *round_today(const struct round *rounds, size_t n, const struct round *r,
                        const char *today);
void checks_free(struct checks *c);
/* Passed and total checks of a step. */
void step_progress(const struct checks *c, enum step s, size_t *done, size_t *total);
/* The step that needs attention next (the first with a failing check) and
 * the check that says why; STEP__COUNT when all pass. */
enum step next_step(const struct checks *c, const struct check **why);

/* The rules of validate.c over the round alone (the rules that need the
 * other rounds are skipped), as diagnostics named file. */
void round_check(const struct round *r, const struct profile *p, const struct library *lib,
                 const char *file, struct diag_list *dl);

/* Comparison with an earlier round, by risk id. */
enum change_kind { DIFF_ADDED, DIFF_REMOVED, DIFF_ROSE, DIFF_FELL };
struct diff {
    enum change_kind kind;
    const struct record *now, *before;   /* NULL where absent */
    long long value_now, value_before;
};
size_t round_compare(const struct round *now, const struct round *before, struct diff **out);

/* Residual risks per cell: counts[(impact-1) * nl + (likelihood-1)]. */
void round_heatmap(const struct round *r, const struct profile *p, size_t *counts);

/* The register: indices of risks passing the filter, in the order. */
enum risk_sort { SORT_RESIDUAL, SORT_SERVICE, SORT_OWNER, SORT_DUE, SORT__COUNT };
struct risk_filter {
    enum band band;              /* BAND_NONE: any */
    const char *decision;        /* NULL: any; "" = no decision yet */
    const char *owner;           /* NULL: any */
    const char *text;            /* NULL: any; in title, scenario, controls, measures, owner */
    long long impact, likelihood;/* 0: any (a heat-map cell) */
};
size_t round_register(const struct round *r, const struct profile *p, enum risk_sort sort,
                      const struct risk_filter *f, size_t *out);
const char *sort_name(enum risk_sort s);     /* untranslated N_() */
#endif
