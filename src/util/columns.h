/* columns: the widths of a table's columns by display width, pure (no
 * curses): each column wants its widest cell; when the table is too
 * narrow the growing column (a title) is shortened first, then the others
 * from the last, each down to its narrowest; a column that still does
 * not fit is left out. Space left over goes to the growing column. */
#ifndef KIJUN_COLUMNS_H
#define KIJUN_COLUMNS_H
#include <stdbool.h>
#include <stddef.h>

struct column_spec {
    int want;  /* its widest cell (or heading) */
    int min;   /* the narrowest it may be cut to (<= want) */
    bool grow; /* takes the space left over and is shortened first */
    bool keep; /* never left out (cut to its min at worst) */
};

/* Widths into width[] (0: left out) for a table of total columns with
 * gap columns between two shown ones. Returns the columns used. */
int columns_fit(const struct column_spec *c, size_t n, int total, int gap, int *width);
#endif
