/* entries: the profile's entries that rounds assessed. A round keeps
 * what it needs of them to read correctly (model/snapshot.h): an entry
 * that comes into its scope or a risk is kept as it is now, a rename of
 * it is followed while no step of the round is signed off, and deleting
 * it leaves every round that uses it with its name as assessed. */
#ifndef KIJUN_ENTRIES_H
#define KIJUN_ENTRIES_H
#include "core/session.h"

/* After change ch was applied to document d (r: d's round, or NULL):
 * the rounds' snapshots follow (core/edits.c calls it on each edit). */
void core_snapshot_follow(struct session *s, struct doc *d, struct round *r, const struct docchange *ch);
/* Delete entry i of collection c of document d (core_delete), first
 * making sure that each round using a profile entry keeps it as assessed
 * (an edit of each round that lacks it in its file). The message says
 * what went (name: the entry as the screen names it) and which rounds
 * keep it. Returns how many references within the profile went with it. */
size_t core_delete_entry(struct session *s, struct doc *d, struct collection *c, size_t i,
                         const char *name, char *msg, size_t size);
/* A fresh id for a new entry of c (coll_new_id's pattern) that no round
 * uses or keeps either: a deleted entry's id, kept by the rounds that
 * assessed it, never comes back for another one. New string. */
char *core_new_entry_id(struct session *s, const struct collection *c);
#endif
