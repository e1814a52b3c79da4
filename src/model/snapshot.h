/* snapshot: a round is a record of its time. For every priority service
 * and management resource it refers to (its scope, its risks, its
 * resources without risk) it keeps, by the profile's id, what a reader
 * of the round needs when the profile has changed since: the name, and
 * a resource's kind, as assessed (`assessed_services`,
 * `assessed_resources`). While no step is signed off the round follows
 * the profile (a rename is taken into the round); once a step is signed
 * off it keeps what was signed. A reference to an entry no longer in the
 * profile reads from the snapshot and is no error. Pure, no I/O. */
#ifndef KIJUN_SNAPSHOT_H
#define KIJUN_SNAPSHOT_H
#include "model/assessment.h"

/* The round collection (RC_SEEN_*) keeping the snapshots of the profile
 * collection coll_key ("services", "resources"); -1 for the others. */
int snapshot_coll(const char *coll_key);
/* The snapshot of entry id of coll_key in r, or NULL. */
const struct record *snapshot_find(const struct round *r, const char *coll_key, const char *id);
/* The snapshot of profile entry id of coll_key as it is now, into rec
 * (initialised here); false (rec untouched) when the profile has none. */
bool snapshot_take(const struct profile *p, const char *coll_key, const char *id, struct record *rec);
/* The snapshot's field matching the profile field pfield of coll_key
 * (its key: "name", "kind"), or -1 when snapshots do not keep it. */
int snapshot_field(const char *coll_key, size_t pfield);
/* Once a step is signed off the round keeps its names as signed; before
 * that its snapshots follow the profile. */
bool round_keeps_names(const struct round *r);
/* The ids of coll_key that r refers to and has no snapshot of, that the
 * profile has (those it can take now), appended to out once each;
 * returns how many. */
size_t snapshot_missing(const struct round *r, const struct profile *p, const char *coll_key,
                        struct strlist *out);
/* An older round gains its snapshots from the profile as read (the
 * workbench and kijun check alike), and a round that follows the
 * profile takes its current names. Returns how many were filled. */
size_t round_snapshot_fill(struct round *r, const struct profile *p);
/* Everything an older round lacks, filled when read (by every reader: the
 * workbench, kijun check, recovery, a reload): what it assessed from p
 * (NULL: none), then round_migrate (digests, a closing), so that a closing
 * made now vouches for the names too. Returns how many were filled. */
size_t round_read_fill(struct round *r, const struct profile *p);
/* What a reader sees for entry id of coll_key in round r: the profile's
 * name when the entry is there, else the name as assessed (*removed set
 * true), else the id itself (a broken reference: *removed false, a
 * finding says so). removed may be NULL. */
const char *round_ref_name(const struct round *r, const struct profile *p, const char *coll_key,
                           const char *id, bool *removed);
/* The same for a resource's kind (a code: "system", ...; "" unknown). */
const char *round_ref_kind(const struct round *r, const struct profile *p, const char *id);
/* r's reference to id of coll_key reads correctly: the profile has the
 * entry, or r keeps it as assessed. */
bool round_ref_ok(const struct round *r, const struct profile *p, const char *coll_key, const char *id);
#endif
