/* findings: the findings of a workspace as a list to read: in the order
 * kijun check prints them, grouped by file, each with the place it is
 * about (model/validate.h makes them). Pure, no I/O. */
#ifndef KIJUN_FINDINGS_H
#define KIJUN_FINDINGS_H
#include "model/validate.h"

/* Put f in the order of kijun check: by file (profile.cfg, checklist.cfg,
 * then the rounds by name), in a file those found reading it first (in
 * their order), then the rules' by line, stably. */
void findings_sort(struct findings *f);

/* The findings of one file: f->v[first .. first + n). */
struct finding_group {
    const char *file;          /* f's string */
    size_t first, n, errors, warnings;
};
/* The groups of a sorted f (*out: new array, NULL when none). */
size_t findings_group(const struct findings *f, struct finding_group **out);

/* Where the workbench can show what a finding is about. */
enum target_kind {
    TARGET_NONE,               /* found reading the file, or its entry is gone */
    TARGET_PROFILE,            /* coll: COLL_*, ITEM_HEAD (organisation) or ITEM_CRITERIA */
    TARGET_CHECKLIST,          /* index: the item */
    TARGET_ROUND,              /* round; coll: RC_* or ITEM_HEAD (its head) */
};
struct target {
    enum target_kind kind;
    size_t round;
    int coll;
    size_t index;              /* the entry (0 for a single record) */
    int field;                 /* as struct item's */
};
/* The target of f in the documents it was found in (rounds[0..n) as
 * validated): TARGET_NONE when it has none or its entry is no longer
 * there. Returns whether there is one. */
bool finding_target(const struct finding *f, const struct profile *p, const struct checklist *cl,
                    const struct round *rounds, size_t n, struct target *t);
/* Does the text of f as kijun check prints it ("FILE:LINE: error: text",
 * file relative) contain query, ignoring case and full/half width? */
bool finding_matches(const struct finding *f, const char *query);
/* That text: "profile.cfg:40: error: text" (translated words). New string. */
char *finding_format(const struct finding *f);
#endif
