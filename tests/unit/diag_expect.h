/* diag_expect.h: for the Criterion tests of the model and the store:
 * compare a list of findings with the wanted ones, and load the shipped
 * library. Include after <criterion/criterion.h>. */
#ifndef KIJUN_TEST_DIAG_EXPECT_H
#define KIJUN_TEST_DIAG_EXPECT_H
#include "model/library.h"
#include "store/libload.h"
#include "util/diag.h"
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct want {
    enum diag_severity sev;
    int line;
    const char *text;
};

static inline void log_diags(const struct diag_list *dl)
{
    for (size_t i = 0; i < dl->n; i++) {
        char *s = diag_format(&dl->v[i]);
        cr_log_error("got: %s", s);
        free(s);
    }
}

/* dl holds exactly the wanted findings (in any order), all about file. */
static inline void expect(const struct diag_list *dl, const char *file, const struct want *w,
                          size_t n)
{
    if (dl->n != n)
        log_diags(dl);
    cr_assert_eq(dl->n, n, "expected %zu findings, got %zu", n, dl->n);
    for (size_t k = 0; k < n; k++) {
        bool found = false;
        for (size_t i = 0; i < dl->n && !found; i++)
            found = dl->v[i].severity == w[k].sev && dl->v[i].line == w[k].line
                    && dl->v[i].file && strcmp(dl->v[i].file, file) == 0
                    && strcmp(dl->v[i].text, w[k].text) == 0;
        if (!found)
            log_diags(dl);
        cr_assert(found, "missing %s at line %d: %s", w[k].sev == DIAG_ERROR ? "error" : "warning",
                  w[k].line, w[k].text);
    }
}

/* The shipped library (data/), which must load without findings. */
static inline struct library *test_library(void)
{
    struct diag_list dl = {0};
    struct library *l = library_load(TEST_DATADIR, &dl);
    cr_assert_not_null(l);
    cr_assert_eq(dl.n, 0, "the library has %zu findings", dl.n);
    diag_clear(&dl);
    return l;
}
#endif
