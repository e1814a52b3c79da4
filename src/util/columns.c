/* columns: the widths of a table's columns by display width. */
#include "config.h"
#include "util/columns.h"

static int used_by(const int *width, size_t n, int gap)
{
    int sum = 0, shown = 0;
    for (size_t i = 0; i < n; i++) {
        if (width[i] > 0) {
            sum += width[i];
            shown++;
        }
    }
    return sum + (shown > 1 ? (shown - 1) * gap : 0);
}

int columns_fit(const struct column_spec *c, size_t n, int total, int gap, int *width)
{
    for (size_t i = 0; i < n; i++)
        width[i] = c[i].want > 0 ? c[i].want : 0;
    int over = used_by(width, n, gap) - total;
    /* the growing column first, then the others from the last */
    for (size_t i = 0; i < n && over > 0; i++) {
        if (!c[i].grow || width[i] <= c[i].min)
            continue;
        int cut = width[i] - c[i].min < over ? width[i] - c[i].min : over;
        width[i] -= cut;
        over -= cut;
    }
    for (size_t k = n; k-- > 0 && over > 0;) {
        if (c[k].grow || width[k] <= c[k].min)
            continue;
        int cut = width[k] - c[k].min < over ? width[k] - c[k].min : over;
        width[k] -= cut;
        over -= cut;
    }
    /* still too wide: leave columns out, the last first */
    for (size_t k = n; k-- > 0 && used_by(width, n, gap) > total;)
        if (!c[k].keep && width[k] > 0)
            width[k] = 0;
    /* and cut what must stay to the space there is */
    for (size_t k = n; k-- > 0 && (over = used_by(width, n, gap) - total) > 0;) {
        if (width[k] > 1) {
            int cut = width[k] - 1 < over ? width[k] - 1 : over;
            width[k] -= cut;
        }
    }
    int left = total - used_by(width, n, gap);
    for (size_t i = 0; i < n && left > 0; i++) {
        if (c[i].grow && width[i] > 0) {
            width[i] += left;
            left = 0;
        }
    }
    return used_by(width, n, gap);
}
