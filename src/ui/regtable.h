/* regtable: the risk register as a table (register_view): columns by
 * display width with a header row and the sort mark, and from 120
 * columns a preview of the selected risk beside it. */
#ifndef KIJUN_REGTABLE_H
#define KIJUN_REGTABLE_H
#include "ui/assess_view.h"

/* The widest cell of each column over the round's risks (after a build). */
void regtable_measure(struct aview *av);
/* The header and the rows in y .. y + height - 1, over cols columns. */
void regtable_draw(struct aview *av, int y, int height, int cols);
#endif
