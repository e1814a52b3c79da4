/* draft: the journal's copy of text being typed into a field before
 * Enter (.kijun-recovery/draft.cfg): which file, record and field, and
 * the text. Written within a second of the last key and on a hang-up, so
 * that a lost connection loses nothing typed. */
#ifndef KIJUN_DRAFT_H
#define KIJUN_DRAFT_H
#include "util/diag.h"
#include <stdbool.h>
#include <stddef.h>

struct draft_rec {
    char *file;      /* "profile.cfg", "assessments/2026.cfg" */
    char *coll;      /* the collection's or single record's key: "risks", "organisation" */
    char *id;        /* the record's id, or NULL */
    long long index; /* its place, for records without an id */
    char *field;     /* the field's key */
    char *text;
};

bool draft_put(const char *ws, const struct draft_rec *d, struct diag_list *dl);
/* Read the journal's draft; false when there is none or it is unreadable. */
bool draft_get(const char *ws, struct draft_rec *out);
void draft_drop(const char *ws);
void draft_rec_free(struct draft_rec *d);
#endif
