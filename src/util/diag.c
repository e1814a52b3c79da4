/* diag: a list of findings about files. */
#include "config.h"
#include "util/diag.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void diag_add(struct diag_list *dl, enum diag_severity sev, const char *file,
              int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *text = xmalloc(n > 0 ? (size_t)n + 1 : 1);
    va_start(ap, fmt);
    vsnprintf(text, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
    va_end(ap);
    dl->v = xgrow(dl->v, &dl->cap, dl->n + 1, sizeof *dl->v);
    struct diag *d = &dl->v[dl->n++];
    d->file = file ? xstrdup(file) : NULL;
    d->line = line;
    d->severity = sev;
    d->text = text;
}

size_t diag_count(const struct diag_list *dl, enum diag_severity sev)
{
    size_t c = 0;
    for (size_t i = 0; i < dl->n; i++)
        if (dl->v[i].severity == sev)
            c++;
    return c;
}

char *diag_format(const struct diag *d)
{
    struct strbuf sb = STRBUF_INIT;
    if (d->file) {
        sb_adds(&sb, d->file);
        if (d->line > 0)
            sb_printf(&sb, ":%d", d->line);
        sb_adds(&sb, ": ");
    }
    sb_adds(&sb, d->severity == DIAG_ERROR ? _("error") : _("warning"));
    sb_adds(&sb, ": ");
    sb_adds(&sb, d->text);
    return sb_take(&sb);
}

void diag_clear(struct diag_list *dl)
{
    for (size_t i = 0; i < dl->n; i++) {
        free(dl->v[i].file);
        free(dl->v[i].text);
    }
    free(dl->v);
    dl->v = NULL;
    dl->n = dl->cap = 0;
}

struct seq_diag {
    struct diag d;
    size_t seq;
};

static int cmp_seq_diag(const void *pa, const void *pb)
{
    const struct seq_diag *a = pa, *b = pb;
    if (a->d.line != b->d.line)
        return a->d.line < b->d.line ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Stable, in n log n: a file may have tens of thousands of findings. */
void diag_sort_lines(struct diag_list *dl, size_t from)
{
    if (from >= dl->n)
        return;
    size_t n = dl->n - from;
    struct seq_diag *v = xcalloc(n, sizeof *v);
    for (size_t i = 0; i < n; i++)
        v[i] = (struct seq_diag){dl->v[from + i], i};
    qsort(v, n, sizeof *v, cmp_seq_diag);
    for (size_t i = 0; i < n; i++)
        dl->v[from + i] = v[i].d;
    free(v);
}
