/* refnames: how a round's references to the profile's services and
 * resources read on the screen: the profile's entry as it is now, else
 * the round's record of it as assessed, marked in words. */
#ifndef KIJUN_REFNAMES_H
#define KIJUN_REFNAMES_H
#include "core/session.h"

/* The name of entry id of coll_key for round r: the profile's name, or
 * the name as assessed followed by "(removed from profile)". NULL when
 * coll_key is no collection a round keeps (then look it up as before).
 * The text stays valid for the next few calls (a ring of them). */
const char *refname(const struct session *s, const struct round *r, const char *coll_key, const char *id);
/* The same as a plain name and whether it was removed, for a caller
 * that marks it itself; the kind of a resource likewise. */
const char *refname_plain(const struct session *s, const struct round *r, const char *coll_key,
                          const char *id, bool *removed);
const char *refkind(const struct session *s, const struct round *r, const char *id);
/* The words that mark an entry as no longer in the profile. */
const char *refname_removed(void);
#endif
