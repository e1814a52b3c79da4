/* draft: the journal's copy of text in progress. */
#include "config.h"
#include "store/draft.h"
#include "store/cfgfile.h"
#include "store/journal.h"
#include "store/workspace.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

#define DRAFT_NAME "draft.cfg"
#define DRAFT_MAX (4 * 1024 * 1024)

static void put(struct strbuf *sb, const char *key, const char *s)
{
    sb_printf(sb, "  %s = ", key);
    ws_put_string(sb, s ? s : "");
    sb_adds(sb, ";\n");
}

bool draft_put(const char *ws, const struct draft_rec *d, struct diag_list *dl)
{
    struct strbuf sb = STRBUF_INIT;
    sb_adds(&sb, "# kijun: text being typed, not yet entered\ndraft = {\n");
    put(&sb, "file", d->file);
    put(&sb, "coll", d->coll);
    if (d->id)
        put(&sb, "id", d->id);
    sb_printf(&sb, "  index = %lldL;\n", d->index);
    put(&sb, "field", d->field);
    put(&sb, "text", d->text);
    sb_adds(&sb, "};\n");
    bool ok = journal_put(ws, DRAFT_NAME, sb_str(&sb), dl);
    sb_free(&sb);
    return ok;
}

static char *get(config_setting_t *g, const char *key)
{
    const char *s = NULL;
    return config_setting_lookup_string(g, key, &s) ? xstrdup(s) : NULL;
}

bool draft_get(const char *ws, struct draft_rec *out)
{
    memset(out, 0, sizeof *out);
    char *path = journal_path(ws, DRAFT_NAME);
    struct diag_list dl = {0};
    config_t cfg;
    bool ok = cfg_read(path, DRAFT_NAME, DRAFT_MAX, &cfg, &dl);
    free(path);
    diag_clear(&dl);
    if (!ok)
        return false;
    config_setting_t *g = config_lookup(&cfg, "draft");
    long long index = 0;
    if (g && config_setting_is_group(g)) {
        out->file = get(g, "file");
        out->coll = get(g, "coll");
        out->id = get(g, "id");
        out->field = get(g, "field");
        out->text = get(g, "text");
        config_setting_lookup_int64(g, "index", &index);
        out->index = index;
    }
    config_destroy(&cfg);
    if (!out->file || !out->coll || !out->field || !out->text) {
        draft_rec_free(out);
        return false;
    }
    return true;
}

void draft_drop(const char *ws)
{
    journal_drop(ws, DRAFT_NAME);
}

void draft_rec_free(struct draft_rec *d)
{
    free(d->file);
    free(d->coll);
    free(d->id);
    free(d->field);
    free(d->text);
    memset(d, 0, sizeof *d);
}
