/* signoff: adding a sign-off says so first when the step's automatic
 * checks fail: a y/n question naming how many, and on yes the sign-off's
 * comment records it (nothing is signed off unseen). */
#ifndef KIJUN_SIGNOFF_H
#define KIJUN_SIGNOFF_H
#include "ui/recedit.h"
#include <stdbool.h>

/* The step (a sign-off id) was picked to be signed off in re's round:
 * when its checks fail, ask (the question on re's status line) and
 * return true; false: nothing fails, add it as usual. */
bool signoff_ask(struct recedit *re, const char *id);
/* The answer to that question, if it was asked (true), else false. */
bool signoff_answer(struct recedit *re, bool yes);
#endif
