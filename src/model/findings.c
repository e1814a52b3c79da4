/* findings: the findings of a workspace as a list to read. */
#include "config.h"
#include "model/findings.h"
#include "model/assessment.h"
#include "model/outline.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

void findings_free(struct findings *f)
{
    for (size_t i = 0; i < f->n; i++) {
        free(f->v[i].file);
        free(f->v[i].text);
    }
    free(f->v);
    memset(f, 0, sizeof *f);
}

void findings_to_diags(const struct findings *f, const char *dir, const char *file,
                       struct diag_list *dl)
{
    for (size_t i = 0; i < f->n; i++) {
        const struct finding *x = &f->v[i];
        struct strbuf sb = STRBUF_INIT;
        if (file)
            sb_adds(&sb, file);
        else if (dir)
            sb_printf(&sb, "%s/%s", dir, x->file);
        else
            sb_adds(&sb, x->file);
        diag_add(dl, x->severity, sb_str(&sb), x->line, "%s", x->text);
        sb_free(&sb);
    }
}

static int file_rank(const char *file)
{
    return strcmp(file, "profile.cfg") == 0 ? 0 : strcmp(file, "checklist.cfg") == 0 ? 1 : 2;
}

struct seq_finding {
    struct finding f;
    size_t seq;
};

static int cmp_finding(const void *pa, const void *pb)
{
    const struct seq_finding *a = pa, *b = pb;
    int ra = file_rank(a->f.file), rb = file_rank(b->f.file), c;
    if (ra != rb)
        return ra < rb ? -1 : 1;
    if ((c = strcmp(a->f.file, b->f.file)) != 0)
        return c;
    if (a->f.read != b->f.read)
        return a->f.read ? -1 : 1;
    if (!a->f.read && a->f.line != b->f.line)
        return a->f.line < b->f.line ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void findings_sort(struct findings *f)
{
    struct seq_finding *v = xcalloc(f->n + 1, sizeof *v);
    for (size_t i = 0; i < f->n; i++)
        v[i] = (struct seq_finding){f->v[i], i};
    qsort(v, f->n, sizeof *v, cmp_finding);
    for (size_t i = 0; i < f->n; i++)
        f->v[i] = v[i].f;
    free(v);
}

size_t findings_group(const struct findings *f, struct finding_group **out)
{
    size_t n = 0, cap = 0;
    *out = NULL;
    for (size_t i = 0; i < f->n; i++) {
        if (!n || strcmp((*out)[n - 1].file, f->v[i].file) != 0) {
            *out = xgrow(*out, &cap, n + 1, sizeof **out);
            (*out)[n++] = (struct finding_group){f->v[i].file, i, 0, 0, 0};
        }
        struct finding_group *g = &(*out)[n - 1];
        g->n++;
        if (f->v[i].severity == DIAG_ERROR)
            g->errors++;
        else
            g->warnings++;
    }
    return n;
}

/* Is index an entry of collection c (a single record: index 0)? */
static bool has_entry(const struct collection *c, size_t index)
{
    return c ? index < c->n : index == 0;
}

bool finding_target(const struct finding *f, const struct profile *p, const struct checklist *cl,
                    const struct round *rounds, size_t n, struct target *t)
{
    const struct item *at = &f->at;
    *t = (struct target){TARGET_NONE, at->round, at->coll, at->index, at->field};
    if (f->read)
        return false;
    bool ok = false;
    switch (at->doc) {
    case DOC_PROFILE:
        ok = at->coll < 0 ? at->coll == ITEM_HEAD || at->coll == ITEM_CRITERIA
                          : at->coll < COLL__COUNT && has_entry(&p->c[at->coll], at->index);
        t->kind = TARGET_PROFILE;
        break;
    case DOC_CHECKLIST:
        ok = cl && has_entry(&cl->items, at->index);
        t->kind = TARGET_CHECKLIST;
        break;
    case DOC_ROUND:
        ok = at->round < n
             && (at->coll == ITEM_HEAD
                 || (at->coll >= 0 && at->coll < RC__COUNT && has_entry(&rounds[at->round].c[at->coll], at->index)));
        t->kind = TARGET_ROUND;
        break;
    }
    if (!ok)
        t->kind = TARGET_NONE;
    if (at->coll < 0)
        t->index = 0;
    return ok;
}

char *finding_format(const struct finding *f)
{
    struct strbuf sb = STRBUF_INIT;
    sb_adds(&sb, f->file);
    if (f->line > 0)
        sb_printf(&sb, ":%d", f->line);
    sb_printf(&sb, ": %s: %s", f->severity == DIAG_ERROR ? _("error") : _("warning"), f->text);
    return sb_take(&sb);
}

bool finding_matches(const struct finding *f, const char *query)
{
    char *s = finding_format(f);
    bool yes = text_find_fold(s, query, NULL, NULL);
    free(s);
    return yes;
}
