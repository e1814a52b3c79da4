/* validate: one set of rules over a workspace's documents, used by
 * kijun check, the workbench's validation step and the reports, so that
 * they cannot tell different truths: required fields, ranges, real
 * dates, enumerations, references, unique ids, scales of 3-6 levels, a
 * threshold within the range of the rule, no dependency cycle, risks on
 * the round's scales, an earlier round that exists. Each finding has a
 * severity, the workspace-relative file, the line of the offending value
 * (else of its entry) and the item to jump to. Pure, no I/O. */
#ifndef KIJUN_VALIDATE_H
#define KIJUN_VALIDATE_H
#include "model/profile.h"
#include "util/diag.h"

struct round;

enum doc_kind { DOC_PROFILE, DOC_CHECKLIST, DOC_ROUND };

/* item.coll besides the collections (COLL_* of the profile, RC_* of a
 * round, 0 for the checklist's items) */
#define ITEM_HEAD (-1)        /* the profile's organisation, a round's head */
#define ITEM_CRITERIA (-2)    /* the profile's criteria group */
/* item.field besides the fields of the definition */
#define FIELD_NONE (-1)       /* the entry as a whole */
#define FIELD_ID (-2)         /* its id */

/* Where a finding points, for the workbench to go there. */
struct item {
    enum doc_kind doc;
    size_t round;             /* DOC_ROUND: index in the rounds validated */
    int coll;                 /* a collection, ITEM_HEAD or ITEM_CRITERIA */
    size_t index;             /* the entry in the collection (0 for the others) */
    int field;                /* index in its definition's fields, FIELD_NONE or FIELD_ID */
};

struct finding {
    enum diag_severity severity;
    char *file;               /* workspace-relative: "profile.cfg", "assessments/2026.cfg" */
    int line;                 /* of the offending value, else of its entry; 0: none */
    char *text;               /* translated */
    struct item at;
    bool read;                /* found reading the file (the store's), not by a rule: no item */
};

struct findings {
    struct finding *v;
    size_t n, cap;
};

void findings_free(struct findings *f);
/* The workspace-relative file of a round: "assessments/NAME.cfg". New string. */
char *round_file(const struct round *r);

/* The rules of one document. Findings are appended to out. rounds/n
 * (may be NULL/0: the rules that need the other rounds are skipped) are
 * the workspace's rounds, r one of them or alone; ri its index there. */
void profile_findings(const struct profile *p, const struct library *lib, struct findings *out);
void checklist_findings(const struct checklist *c, const struct library *lib, struct findings *out);
void round_findings(const struct round *r, size_t ri, const struct profile *p,
                    const struct round *rounds, size_t n, const struct library *lib,
                    struct findings *out);

/* Every rule over the workspace: the profile, the checklist (NULL when
 * there is none) and the rounds. lib NULL: library references are not
 * checked. The entry point of kijun check and the reports; the
 * workbench's round_validate() runs the same rules. */
void workspace_validate(const struct profile *p, const struct checklist *c,
                        const struct round *rounds, size_t n, const struct library *lib,
                        struct findings *out);
/* The same, telling progress (NULL: none) before each document: done of
 * total (the profile, the checklist, each round). */
typedef void (*validate_progress_fn)(void *ctx, size_t done, size_t total);
void workspace_validate_progress(const struct profile *p, const struct checklist *c,
                                 const struct round *rounds, size_t n, const struct library *lib,
                                 struct findings *out, validate_progress_fn progress, void *ctx);

/* The range of risk values by a rule ("product" or "sum") over scales of
 * ni x nl levels: lowest 1x1 (or 1+1), highest ni x nl (or ni+nl). */
void risk_value_range(const char *rule, size_t ni, size_t nl, long long *lo, long long *hi);

/* Findings as diagnostics named `file` (NULL: each finding's own file
 * after dir + "/", or alone when dir is NULL). */
void findings_to_diags(const struct findings *f, const char *dir, const char *file,
                       struct diag_list *dl);
#endif
