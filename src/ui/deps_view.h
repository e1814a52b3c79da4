/* deps_view: the profile view's dependency view: each priority service
 * with the business operations that serve it and the resources they
 * use, the gaps marked, then the resources that nothing uses; Enter
 * opens the entry of a line in the view's editor. */
#ifndef KIJUN_DEPS_VIEW_H
#define KIJUN_DEPS_VIEW_H
#include "ui/profile_view.h"
#include <stdbool.h>

/* The lines, made again from the profile. */
void deps_build(struct pview *pv);
void deps_free(struct pview *pv);
bool deps_action(struct pview *pv, enum action a);
void deps_draw(struct pview *pv, int y, int height, int cols);
#endif
