/* findings: every finding of the open workspace. */
#include "config.h"
#include "core/findings.h"
#include "store/workspace.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* A finding of reading a file: its workspace-relative name and document. */
static void add_read(struct session *s, const struct diag *d, struct findings *out)
{
    const char *file = d->file ? d->file : "";
    size_t dl = s->dir ? strlen(s->dir) : 0;
    if (dl && strncmp(file, s->dir, dl) == 0 && file[dl] == '/')
        file += dl + 1;
    struct item at = {DOC_PROFILE, 0, ITEM_HEAD, 0, FIELD_NONE};
    if (strcmp(file, "checklist.cfg") == 0)
        at.doc = DOC_CHECKLIST;
    for (size_t i = 0; i < s->nrounds; i++)
        if (strcmp(file, s->rounds[i]->d.name) == 0)
            at.doc = DOC_ROUND, at.round = i;
    out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
    out->v[out->n++] = (struct finding){d->severity, xstrdup(file), d->line, xstrdup(d->text), at, true};
}

/* May the rules speak of the document of f? Not of a file that could not
 * be read, nor of a round whose profile could not be (as kijun check). */
static bool validated(const struct session *s, const struct finding *f)
{
    bool profile = s->pinfo.status == WS_OK;
    switch (f->at.doc) {
    case DOC_PROFILE: return profile;
    case DOC_CHECKLIST: return s->cinfo.status == WS_OK;
    default: return profile && f->at.round < s->nrounds && !s->rounds[f->at.round]->unreadable;
    }
}

void session_all_findings(struct session *s, struct findings *out, validate_progress_fn progress,
                          void *ctx)
{
    for (size_t i = 0; i < s->read_diags.n; i++)
        add_read(s, &s->read_diags.v[i], out);
    /* the workspace's library/ folder, as kijun check WORKSPACE says it */
    for (size_t i = 0; s->lib && i < s->lib->ws_diags.n; i++)
        add_read(s, &s->lib->ws_diags.v[i], out);
    if (s->pinfo.status != WS_OK && s->dir) {
        char *path = ws_path(s->dir, "profile.cfg");
        for (size_t i = 0; i < s->nrounds; i++) {
            if (s->rounds[i]->unreadable)
                continue;
            struct diag_list dl = {0};
            diag_add(&dl, DIAG_WARNING, s->rounds[i]->d.name, 0,
                     _("not validated: the profile beside it (%s) cannot be read"), path);
            add_read(s, &dl.v[0], out);
            diag_clear(&dl);
        }
        free(path);
    }
    size_t from = out->n;
    workspace_validate_progress(&s->profile, &s->checklist, session_rounds_flat(s), s->nrounds, s->lib,
                                out, progress, ctx);
    size_t k = from;
    for (size_t i = from; i < out->n; i++) {
        if (validated(s, &out->v[i])) {
            out->v[k++] = out->v[i];
        } else {
            free(out->v[i].file);
            free(out->v[i].text);
        }
    }
    out->n = k;
    findings_sort(out);
}

bool session_finding_target(struct session *s, const struct finding *f, struct target *t)
{
    return finding_target(f, &s->profile, &s->checklist, session_rounds_flat(s), s->nrounds, t);
}

void session_read_again(struct session *s, const char *name, const struct diag_list *dl)
{
    char *path = ws_path(s->dir, name);
    struct diag_list keep = {0};
    for (size_t i = 0; i < s->read_diags.n; i++) {
        const struct diag *d = &s->read_diags.v[i];
        if (!d->file || strcmp(d->file, path) != 0)
            diag_add(&keep, d->severity, d->file, d->line, "%s", d->text);
    }
    for (size_t i = 0; i < dl->n; i++)
        diag_add(&keep, dl->v[i].severity, dl->v[i].file, dl->v[i].line, "%s", dl->v[i].text);
    diag_clear(&s->read_diags);
    s->read_diags = keep;
    free(path);
}
