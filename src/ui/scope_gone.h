/* scope_gone: the scoping's lines for what the round has in scope and
 * the profile no longer has (deleted since): shown as assessed, marked
 * "(removed from profile)", and Space takes them out of scope. */
#ifndef KIJUN_SCOPE_GONE_H
#define KIJUN_SCOPE_GONE_H
#include "ui/assess_view.h"
#include "util/strbuf.h"

#define SCOPE_GONE_SERVICE 3   /* scope_line.kind: index in the round's `services` */
#define SCOPE_GONE_RESOURCE 4  /* index in the round's `resources` */

/* Append the lines of round r's removed services and resources. */
void scope_gone_push(struct aview *av, const struct round *r);
/* The text of such a line, appended to sb. */
void scope_gone_line(const struct aview *av, const struct round *r, const struct scope_line *l,
                     struct strbuf *sb);
/* Space on line l: a removed entry leaves the scope (true); false when
 * l is no such line. */
bool scope_gone_toggle(struct aview *av, struct round *r, const struct scope_line *l);
#endif
