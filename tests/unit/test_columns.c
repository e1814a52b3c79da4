/* Unit tests: a table's column widths by display width (util/columns):
 * the widest cell when there is room, the growing column shortened
 * first, then the others from the last, columns left out last. */
#include "util/columns.h"
#include "util/utf8.h"
#include <criterion/criterion.h>

/* band, title (grows), owner, due: as the register at 80 columns */
static const struct column_spec reg[] = {
    {4, 4, false, true}, {50, 12, true, true}, {12, 6, false, true}, {10, 10, false, false},
};

Test(columns, everything_fits_and_the_title_takes_the_rest)
{
    int w[4];
    int used = columns_fit(reg, 4, 100, 1, w);
    cr_assert_eq(used, 100);
    cr_assert_eq(w[0], 4);
    cr_assert_eq(w[2], 12);
    cr_assert_eq(w[3], 10);
    cr_assert_eq(w[1], 100 - 4 - 12 - 10 - 3);
}

Test(columns, the_title_is_shortened_first)
{
    int w[4];
    columns_fit(reg, 4, 60, 1, w);
    cr_assert_eq(w[1], 60 - 4 - 12 - 10 - 3); /* 31 < 50: only the title is cut */
    cr_assert_eq(w[2], 12);
    cr_assert_eq(w[3], 10);
}

Test(columns, then_the_others_from_the_last_down_to_their_min)
{
    int w[4];
    int used = columns_fit(reg, 4, 40, 1, w);
    cr_assert_eq(w[1], 12); /* the title at its min */
    cr_assert_eq(w[3], 10); /* the due date cannot be cut */
    cr_assert_eq(w[2], 40 - 4 - 12 - 10 - 3); /* the owner gives the rest */
    cr_assert_eq(used, 40);
}

Test(columns, a_column_that_does_not_fit_is_left_out)
{
    int w[4];
    int used = columns_fit(reg, 4, 30, 1, w);
    cr_assert_eq(w[3], 0); /* the due date goes, it may */
    cr_assert_gt(w[1], 0);
    cr_assert_leq(used, 30);
    cr_assert_eq(used, 30); /* the title takes what the due date left */
}

Test(columns, a_table_narrower_than_its_minimums_still_fits)
{
    int w[4];
    int used = columns_fit(reg, 4, 10, 1, w);
    cr_assert_leq(used, 10);
    cr_assert_gt(w[0], 0);
}

Test(columns, widths_are_display_widths)
{
    /* a Japanese owner is as wide as its columns, not its bytes */
    struct column_spec c[] = {{utf8_width("電気計装課長"), 6, false, true}, {20, 5, true, true}};
    int w[2];
    columns_fit(c, 2, 40, 2, w);
    cr_assert_eq(w[0], 12);
    cr_assert_eq(w[1], 40 - 12 - 2);
}

Test(columns, an_empty_column_is_left_out_without_a_gap)
{
    struct column_spec c[] = {{5, 5, false, true}, {0, 0, false, false}, {10, 3, true, true}};
    int w[3];
    int used = columns_fit(c, 3, 20, 3, w);
    cr_assert_eq(w[1], 0);
    cr_assert_eq(w[2], 20 - 5 - 3);
    cr_assert_eq(used, 20);
}
