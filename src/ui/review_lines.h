/* review_lines: the lines of a round's review screen (the next review,
 * the review log, the comparison with an earlier round) and what Enter
 * does on each; review_view.c shows them. */
#ifndef KIJUN_REVIEW_LINES_H
#define KIJUN_REVIEW_LINES_H
#include "ui/assess_view.h"

struct review_line {
    char *text;
    int act;             /* 0 none, 1 head form, 2 review entry, 3 risk now, 4 compare */
    size_t index;
    bool warn;
};

/* The lines of the review of the round shown, new; review_free frees them. */
size_t review_lines(struct aview *av, struct review_line **out);
void review_free(struct review_line *v, size_t n);
#endif
