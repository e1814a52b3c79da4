/* refnames: a round's references as they read on the screen. */
#include "config.h"
#include "ui/refnames.h"
#include "model/snapshot.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include <stdlib.h>

const char *refname_removed(void)
{
    return _("(removed from profile)");
}

const char *refname_plain(const struct session *s, const struct round *r, const char *coll_key,
                          const char *id, bool *removed)
{
    return round_ref_name(r, &s->profile, coll_key, id, removed);
}

const char *refkind(const struct session *s, const struct round *r, const char *id)
{
    return round_ref_kind(r, &s->profile, id);
}

const char *refname(const struct session *s, const struct round *r, const char *coll_key, const char *id)
{
    static char *ring[8];
    static size_t next;
    if (!r || snapshot_coll(coll_key) < 0)
        return NULL;
    bool removed;
    const char *n = round_ref_name(r, &s->profile, coll_key, id, &removed);
    if (!removed)
        return n;
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "%s %s", n, refname_removed());
    free(ring[next]);
    ring[next] = sb_take(&sb);
    const char *out = ring[next];
    next = (next + 1) % (sizeof ring / sizeof *ring);
    return out;
}
