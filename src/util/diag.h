/* diag: a list of findings about files, each FILE:LINE: severity: text,
 * in GNU style. The store fills it; the CLI prints it; the UI shows it. */
#ifndef KIJUN_DIAG_H
#define KIJUN_DIAG_H
#include <stddef.h>

enum diag_severity { DIAG_WARNING, DIAG_ERROR };

struct diag {
    char *file;            /* may be NULL */
    int line;              /* 0 when there is no line */
    enum diag_severity severity;
    char *text;
};

struct diag_list {
    struct diag *v;
    size_t n, cap;
};

void diag_add(struct diag_list *dl, enum diag_severity sev, const char *file,
              int line, const char *fmt, ...) __attribute__((format(printf, 5, 6)));
size_t diag_count(const struct diag_list *dl, enum diag_severity sev);
/* "FILE:LINE: error: text" (the parts that exist); returns a new string. */
char *diag_format(const struct diag *d);
void diag_clear(struct diag_list *dl);
/* Put the findings from index `from` on in line order (stable), so that
 * those of one file read top down. */
void diag_sort_lines(struct diag_list *dl, size_t from);
#endif
