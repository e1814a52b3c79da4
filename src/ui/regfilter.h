/* regfilter: the risk register's filters (assess_view): the decision and
 * the owner in turn, and the words that describe the filter in use. */
#ifndef KIJUN_REGFILTER_H
#define KIJUN_REGFILTER_H
#include "ui/assess_view.h"
#include "util/strbuf.h"

/* No decision yet, then each decision, then any. */
void regfilter_next_decision(struct aview *av);
/* The owners of the round's risks, in turn, then any. */
void regfilter_next_owner(struct aview *av);
/* "by residual value; band high; ..." */
void regfilter_describe(const struct aview *av, struct strbuf *sb);
#endif
