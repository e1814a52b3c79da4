/* changes: the edits since the last save as a list of named changes
 * (set a field, add, delete or move a record), each saying which file,
 * which record (by id, or by place for records without one) and which
 * field, so that they can be applied again to a document reloaded from
 * disk. Pure: no I/O. */
#ifndef KIJUN_CHANGES_H
#define KIJUN_CHANGES_H
#include "model/assessment.h"
#include "model/profile.h"

enum change_op { CH_SET, CH_ADD, CH_DELETE, CH_MOVE };

struct docchange {
    enum change_op op;
    char *file;                 /* "profile.cfg", "checklist.cfg", "assessments/NAME.cfg" */
    const struct coll_def *def; /* the collection, or the single record (organisation, criteria, round) */
    char *id;                   /* the record's id; NULL for records without one */
    size_t index;               /* its place (how records without an id are found) */
    size_t to;                  /* CH_MOVE: the new place */
    size_t field;               /* CH_SET: the field */
    struct value v;             /* CH_SET: the new value */
    struct record rec;          /* CH_ADD: the record added */
};

struct change_log {
    struct docchange *v;
    size_t n, cap;
};

/* The documents a change may apply to; NULL where not at hand. */
struct docset {
    struct profile *profile;
    struct checklist *checklist;
    struct round *round;        /* the round the change's file names */
};

void change_free(struct docchange *c);
void change_copy(struct docchange *dst, const struct docchange *src);
/* Append a copy of c. */
void change_log_push(struct change_log *l, const struct docchange *c);
void change_log_clear(struct change_log *l);
/* Apply c to the document of d its file names. False when that document
 * or the record is not there (deleted on disk meanwhile): nothing done.
 * Deleting a profile entry removes the references to it from the other
 * entries; refs_removed (may be NULL) says how many. */
bool change_apply(const struct docchange *c, const struct docset *d, size_t *refs_removed);
/* The collection a definition names in a document (NULL for a single
 * record or when the document has none). */
struct collection *docset_collection(const struct docset *d, const char *file,
                                     const struct coll_def *def);
/* The single record a definition names (organisation, criteria, round). */
struct record *docset_single(const struct docset *d, const char *file, const struct coll_def *def);
#endif
