/* regfilter: the risk register's filters (assess_view): the decision and
 * the owner in turn, the text filter as it is typed, and the words that describe the filter in use. */
#ifndef KIJUN_REGFILTER_H
#define KIJUN_REGFILTER_H
#include "ui/assess_view.h"
#include "util/strbuf.h"

/* No decision yet, then each decision, then any. */
void regfilter_next_decision(struct aview *av);
/* The owners of the round's risks, in turn, then any. */
void regfilter_next_owner(struct aview *av);
/* /: the text filter's prompt; the register narrows as it is typed
 * (regfilter_typed after each insert), Enter keeps the text, Esc brings
 * back the filter before the prompt. */
void regfilter_start(struct aview *av);
void regfilter_typed(struct aview *av);
bool regfilter_prompt_action(struct aview *av, enum action a);
/* "by residual value; band high; ..." */
void regfilter_describe(const struct aview *av, struct strbuf *sb);
#endif
