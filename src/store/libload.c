/* libload: load and check the library in a data folder. */
#include "config.h"
#include "util/i18n.h"
#include "store/libload.h"
#include "store/cfgfile.h"
#include "store/linload.h"
#include "model/record.h"
#include "model/standard.h"
#include "util/hmap.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

static bool get_id(struct cfgctx *c, const config_setting_t *g, char **out)
{
    if (!cg_string(c, g, "id", true, out))
        return false;
    if (!id_syntax_ok(*out, 128)) {
        diag_add(c->dl, DIAG_ERROR, c->file, cfg_line(g),
                 _("id '%s' must be 1-128 ASCII letters, digits, '.', '-' or '_'"), *out);
        free(*out);
        *out = NULL;
        return false;
    }
    return true;
}

/* The schema version every library file starts with. */
static bool check_schema(struct cfgctx *c, config_t *cfg)
{
    long long v = 0;
    const config_setting_t *root = config_root_setting(cfg);
    if (!cg_int(c, root, "kijun_library", true, 1, 1000, &v))
        return false;
    if (v > LIBRARY_SCHEMA) {
        diag_add(c->dl, DIAG_ERROR, c->file, cfg_line(config_setting_get_member(root, "kijun_library")),
                 _("schema version %lld is newer than this kijun understands (%d)"), v, LIBRARY_SCHEMA);
        return false;
    }
    return true;
}

static bool enum_field(struct cfgctx *c, const config_setting_t *g, const char *name,
                       int (*parse)(const char *), int *out, const char *allowed)
{
    char *s = NULL;
    if (!cg_string(c, g, name, false, &s))
        return false;
    if (!s)
        return true;
    int v = parse(s);
    if (v < 0) {
        diag_add(c->dl, DIAG_ERROR, c->file, cfg_line(config_setting_get_member(g, name)),
                 _("'%s' is '%s'; expected one of: %s"), name, s, allowed);
        free(s);
        return false;
    }
    free(s);
    *out = v;
    return true;
}

/* The header's kind (default edition) and issuer (optional here; the
 * user's library requires it: store/libuser.c). */
static bool kind_issuer(struct cfgctx *c, const config_setting_t *e, struct gl_edition *ed)
{
    int k = -1;
    bool ok = enum_field(c, e, "kind", kind_parse, &k, "edition, sector-standard, internal-rule");
    ed->kind = k < 0 ? KIND_EDITION : (enum edition_kind)k;
    return cg_string(c, e, "issuer", false, &ed->issuer) && ok;
}

static const char *const node_keys[] = {
    "id", "parent", "number", "title", "summary", "phase", "csf", "baseline",
    "change", "maps", "source", "confidence", NULL,
};

static struct gl_node *load_node(struct cfgctx *c, const config_setting_t *g)
{
    struct gl_node *n = gl_node_new();
    bool ok = true;
    n->line = cfg_line(g);
    if (!config_setting_is_group(g)) {
        diag_add(c->dl, DIAG_ERROR, c->file, n->line, _("each node must be a group { id = ...; }"));
        free(n);
        return NULL;
    }
    cg_unknown(c, g, node_keys);
    ok &= get_id(c, g, &n->id);
    ok &= cg_string(c, g, "parent", true, &n->parent_id);
    ok &= cg_string(c, g, "number", true, &n->number);
    ok &= cg_text(c, g, "title", true, &n->title);
    ok &= cg_text(c, g, "summary", false, &n->summary);
    ok &= cg_string(c, g, "source", false, &n->source);
    ok &= cg_bool(c, g, "baseline", false, &n->baseline);
    int v = -1;
    ok &= enum_field(c, g, "confidence", confidence_parse, &v, "P, S+, S");
    if (v > 0)
        n->conf = (enum confidence)v;
    v = -1;
    ok &= enum_field(c, g, "phase", phase_parse, &v, "plan, do, check, act, check-act");
    if (v >= 0) {
        n->phase = (enum phase)v;
        n->phase_set = true;
    }
    v = -1;
    ok &= enum_field(c, g, "change", change_parse, &v,
                     "same, new, moved, partly-moved, measures-moved, moved-other, from");
    if (v >= 0)
        n->change = (enum change)v;
    char **list;
    size_t len;
    if (cg_strings(c, g, "csf", &list, &len)) {
        for (size_t i = 0; i < len; i++) {
            int bit = csf_parse(list[i]);
            if (bit < 0) {
                diag_add(c->dl, DIAG_ERROR, c->file, cfg_line(config_setting_get_member(g, "csf")),
                         _("unknown NIST CSF function '%s' (GV, ID, PR, DE, RS, RC)"), list[i]);
                ok = false;
            } else {
                n->csf |= (unsigned)bit;
            }
            free(list[i]);
        }
        free(list);
    } else {
        ok = false;
    }
    if (cg_strings(c, g, "maps", &list, &len)) {
        for (size_t i = 0; i < len; i++) {
            gl_node_add_map(n, list[i]);
            free(list[i]);
        }
        free(list);
    } else {
        ok = false;
    }
    if (!ok || !n->id) {
        gl_node_free(n);
        return NULL;
    }
    return n;
}

static const char *const edition_keys[] = {
    "id", "title", "label", "date", "status", "supersedes", "order", "source",
    "lineage", "text", "note", "kind", "issuer", NULL,
};

bool library_load_edition(struct gl_set *set, const char *path, struct diag_list *dl)
{
    config_t cfg;
    return cfg_read(path, path, LIBRARY_MAX_FILE, &cfg, dl) && library_edition_from(set, path, &cfg, dl);
}

bool library_edition_from(struct gl_set *set, const char *path, config_t *parsed, struct diag_list *dl)
{
    struct cfgctx c = {path, dl};
    const config_setting_t *root = config_root_setting(parsed);
    static const char *const root_keys[] = {"kijun_library", "edition", "nodes", NULL};
    cg_unknown(&c, root, root_keys);
    bool ok = check_schema(&c, parsed);
    const config_setting_t *e = config_setting_get_member(root, "edition");
    const config_setting_t *nodes = config_setting_get_member(root, "nodes");
    if (!e || !config_setting_is_group(e)) {
        diag_add(dl, DIAG_ERROR, path, cfg_line(e), _("missing group 'edition = { ... };'"));
        ok = false;
    }
    if (!nodes || !config_setting_is_list(nodes)) {
        diag_add(dl, DIAG_ERROR, path, cfg_line(nodes), _("missing list 'nodes = ( ... );'"));
        ok = false;
    }
    if (!ok) {
        config_destroy(parsed);
        return false;
    }
    struct gl_edition *ed = xcalloc(1, sizeof *ed);
    ed->file = xstrdup(path);
    ed->line = cfg_line(e);
    cg_unknown(&c, e, edition_keys);
    ok &= get_id(&c, e, &ed->id);
    ok &= cg_text(&c, e, "title", true, &ed->title);
    ok &= cg_text(&c, e, "label", true, &ed->label);
    ok &= cg_string(&c, e, "date", true, &ed->date);
    if (ed->date && !check_date(&c, e, "date", ed->date))
        ok = false;
    ok &= load_lineage(&c, e, &ed->lineage);
    ed->has_text = true;
    ok &= cg_bool(&c, e, "text", false, &ed->has_text);
    ok &= cg_text(&c, e, "note", false, &ed->note);
    int st = -1;
    ok &= enum_field(&c, e, "status", status_parse, &st, "draft, in-force, superseded, abolished");
    if (st < 0 && !config_setting_get_member(e, "status") && ed->lineage.n == 0) {
        diag_add(dl, DIAG_ERROR, path, ed->line, _("missing setting 'status'"));
        ok = false;
    }
    ed->status = st < 0 ? STATUS_DRAFT : (enum edition_status)st;
    ok &= cg_string(&c, e, "supersedes", false, &ed->supersedes);
    if (!ed->supersedes)
        ed->supersedes = xstrdup("");
    long long order = 0;
    ok &= cg_int(&c, e, "order", false, -1000000, 1000000, &order);
    ed->order = (int)order;
    ok &= cg_string(&c, e, "source", false, &ed->source);
    ok &= kind_issuer(&c, e, ed);
    for (int i = 0; i < config_setting_length(nodes); i++) {
        struct gl_node *n = load_node(&c, config_setting_get_elem(nodes, (unsigned)i));
        if (n)
            gl_edition_add(ed, n);
        else
            ok = false;
    }
    if (ed->nnodes == 0 && ed->has_text) {
        diag_add(dl, DIAG_ERROR, path, cfg_line(nodes),
                 _("edition has no nodes (an entry of metadata only says 'text = false;')"));
        ok = false;
    }
    config_destroy(parsed);
    if (!ed->id) {
        gl_edition_free(ed);
        return false;
    }
    gl_set_add(set, ed);
    return ok;
}

/* --- reference tables ------------------------------------------------ */

static bool load_item(struct cfgctx *c, const config_setting_t *g, struct ref_item *it,
                      struct hmap *ids, int depth);

static bool is_text_group(const config_setting_t *s)
{
    return config_setting_is_group(s) && config_setting_get_member(s, "ja")
        && config_setting_get_member(s, "en") && config_setting_length(s) == 2;
}

static bool load_field(struct cfgctx *c, const config_setting_t *s, struct ref_item *it,
                       struct hmap *ids, int depth)
{
    const char *name = config_setting_name(s);
    int type = config_setting_type(s);
    struct ref_field *f;
    switch (type) {
    case CONFIG_TYPE_STRING:
        f = ref_field_add(it, name, REF_STRING);
        if (!cg_clean_text(c, s, name, config_setting_get_string(s), false))
            return false;
        f->s = xstrdup(config_setting_get_string(s));
        return true;
    case CONFIG_TYPE_INT:
    case CONFIG_TYPE_INT64:
        f = ref_field_add(it, name, REF_INT);
        f->i = config_setting_get_int64(s);
        return true;
    case CONFIG_TYPE_BOOL:
        f = ref_field_add(it, name, REF_BOOL);
        f->b = config_setting_get_bool(s) != 0;
        return true;
    case CONFIG_TYPE_GROUP:
        f = ref_field_add(it, name, REF_TEXT);
        return cg_text_setting(c, s, &f->t);
    case CONFIG_TYPE_ARRAY:
    case CONFIG_TYPE_LIST: {
        int n = config_setting_length(s);
        const config_setting_t *first = n ? config_setting_get_elem(s, 0) : NULL;
        bool ok = true;
        if (!first || config_setting_type(first) == CONFIG_TYPE_STRING) {
            f = ref_field_add(it, name, REF_STRING_LIST);
            f->strs = xcalloc((size_t)n + 1, sizeof *f->strs);
            for (int i = 0; i < n; i++) {
                const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
                if (config_setting_type(e) != CONFIG_TYPE_STRING) {
                    diag_add(c->dl, DIAG_ERROR, c->file, cfg_line(e),
                             _("'%s' mixes strings with other values"), name);
                    return false;
                }
                if (!cg_clean_text(c, e, name, config_setting_get_string(e), false))
                    return false;
                f->strs[f->n++] = xstrdup(config_setting_get_string(e));
            }
            return true;
        }
        if (is_text_group(first)) {
            f = ref_field_add(it, name, REF_TEXT_LIST);
            f->texts = xcalloc((size_t)n, sizeof *f->texts);
            for (int i = 0; i < n; i++) {
                if (!cg_text_setting(c, config_setting_get_elem(s, (unsigned)i), &f->texts[f->n]))
                    return false;
                f->n++;
            }
            return true;
        }
        if (config_setting_is_group(first)) {
            f = ref_field_add(it, name, REF_ITEMS);
            f->items = xcalloc((size_t)n, sizeof *f->items);
            for (int i = 0; i < n; i++) {
                ok &= load_item(c, config_setting_get_elem(s, (unsigned)i), &f->items[f->n], ids,
                                depth + 1);
                f->n++;
            }
            return ok;
        }
        diag_add(c->dl, DIAG_ERROR, c->file, cfg_line(s),
                 _("'%s': lists hold strings, texts {ja, en} or items { id ...; title ...; }"), name);
        return false;
    }
    default:
        diag_add(c->dl, DIAG_ERROR, c->file, cfg_line(s),
                 _("'%s': floating-point values are not used in the library"), name);
        return false;
    }
}

static bool load_item(struct cfgctx *c, const config_setting_t *g, struct ref_item *it,
                      struct hmap *ids, int depth)
{
    it->line = cfg_line(g);
    if (!config_setting_is_group(g)) {
        diag_add(c->dl, DIAG_ERROR, c->file, it->line, _("each item must be a group { id = ...; }"));
        return false;
    }
    if (depth > 8) {
        diag_add(c->dl, DIAG_ERROR, c->file, it->line, _("items nested deeper than 8 levels"));
        return false;
    }
    bool ok = get_id(c, g, &it->id);
    ok &= cg_text(c, g, "title", true, &it->title);
    if (it->id && !hmap_put(ids, it->id, 0, NULL)) {
        diag_add(c->dl, DIAG_ERROR, c->file, it->line, _("id '%s' is used twice in the library"),
                 it->id);
        ok = false;
    }
    for (int i = 0; i < config_setting_length(g); i++) {
        const config_setting_t *m = config_setting_get_elem(g, (unsigned)i);
        const char *k = config_setting_name(m);
        if (strcmp(k, "id") != 0 && strcmp(k, "title") != 0
            && !(depth == 0 && strcmp(k, "lineage") == 0))
            ok &= load_field(c, m, it, ids, depth);
    }
    return ok;
}

static struct ref_table *load_table(const char *path, struct hmap *ids, struct diag_list *dl)
{
    config_t cfg;
    if (!cfg_read(path, path, LIBRARY_MAX_FILE, &cfg, dl))
        return NULL;
    struct cfgctx c = {path, dl};
    const config_setting_t *root = config_root_setting(&cfg);
    static const char *const root_keys[] = {"kijun_library", "table", "items", NULL};
    cg_unknown(&c, root, root_keys);
    bool ok = check_schema(&c, &cfg);
    const config_setting_t *head = config_setting_get_member(root, "table");
    const config_setting_t *items = config_setting_get_member(root, "items");
    if (!head || !config_setting_is_group(head)) {
        diag_add(dl, DIAG_ERROR, path, cfg_line(head), _("missing group 'table = { ... };'"));
        ok = false;
    }
    if (!items || !config_setting_is_list(items)) {
        diag_add(dl, DIAG_ERROR, path, cfg_line(items), _("missing list 'items = ( ... );'"));
        ok = false;
    }
    if (!ok) {
        config_destroy(&cfg);
        return NULL;
    }
    struct ref_table *t = xcalloc(1, sizeof *t);
    t->file = xstrdup(path);
    ok = load_item(&c, head, &t->head, ids, 0);
    ok &= load_lineage(&c, head, &t->lineage);
    int n = config_setting_length(items);
    t->items = xcalloc((size_t)n, sizeof *t->items);
    for (int i = 0; i < n; i++) {
        ok &= load_item(&c, config_setting_get_elem(items, (unsigned)i), &t->items[t->n], ids, 1);
        t->n++;
    }
    config_destroy(&cfg);
    if (!ok || !t->head.id) {
        ref_table_free(t);
        return NULL;
    }
    return t;
}

struct ref_table *library_load_table(const char *path, struct diag_list *dl)
{
    struct hmap ids = {.owns_keys = true};
    struct ref_table *t = load_table(path, &ids, dl);
    hmap_free(&ids);
    return t;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.cfg files of dir, sorted; NULL-terminated. */
static char **list_cfg(const char *dir, size_t *count)
{
    char **v = NULL;
    size_t n = 0, cap = 0;
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *de;
        while ((de = readdir(d))) {
            size_t len = strlen(de->d_name);
            if (len > 4 && de->d_name[0] != '.' && strcmp(de->d_name + len - 4, ".cfg") == 0) {
                struct strbuf sb = STRBUF_INIT;
                sb_printf(&sb, "%s/%s", dir, de->d_name);
                v = xgrow(v, &cap, n + 2, sizeof *v);
                v[n++] = sb_take(&sb);
            }
        }
        closedir(d);
    }
    if (v) {
        qsort(v, n, sizeof *v, cmp_str);
        v[n] = NULL;
    }
    *count = n;
    return v;
}

struct library *library_load(const char *datadir, struct diag_list *dl)
{
    struct library *lib = xcalloc(1, sizeof *lib);
    struct strbuf dir = STRBUF_INIT;
    size_t n;
    sb_printf(&dir, "%s/guideline", datadir);
    char **files = list_cfg(sb_str(&dir), &n);
    for (size_t i = 0; i < n; i++) {
        library_load_edition(&lib->gl, files[i], dl);
        free(files[i]);
    }
    free(files);
    if (lib->gl.n == 0) {
        diag_add(dl, DIAG_ERROR, sb_str(&dir), 0, _("no Guideline edition could be loaded"));
        sb_free(&dir);
        library_free(lib);
        return NULL;
    }
    gl_link(&lib->gl, dl);

    struct hmap ids = {.owns_keys = true};
    for (size_t i = 0; i < lib->gl.nall; i++)
        hmap_put(&ids, lib->gl.all[i]->id, 0, NULL);
    sb_reset(&dir);
    sb_printf(&dir, "%s/reference", datadir);
    files = list_cfg(sb_str(&dir), &n);
    for (size_t i = 0; i < n; i++) {
        struct ref_table *t = load_table(files[i], &ids, dl);
        if (t)
            library_add_table(lib, t);
        free(files[i]);
    }
    free(files);
    hmap_free(&ids);
    sb_free(&dir);
    return lib;
}
