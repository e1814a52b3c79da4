/* wsread: reading a workspace's files into the model (store). */
#include "config.h"
#include "store/workspace.h"
#include "model/supplier.h"
#include "store/ws_private.h"
#include "store/atomic.h"
#include "store/cfgfile.h"
#include "store/cfgwrite.h"
#include "store/safefs.h"
#include "store/journal.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* --- reading ------------------------------------------------------------- */

/* The field f of a record from its setting m (found by the caller). */
static bool read_field(struct cfgctx *c, const config_setting_t *m, const struct field_def *f,
                       struct value *v)
{
    v->line = cfg_line(m);
    bool ok = true;
    switch (f->type) {
    case F_STRING:
    case F_ENUM:
    case F_REF:
    case F_DATE:
        ok = cgv_string(c, m, f->key, &v->s);
        break;
    case F_INT:
        ok = cgv_int(c, m, f->key, -(1LL << 62), 1LL << 62, &v->i);
        break;
    case F_BOOL:
        ok = cgv_bool(c, m, f->key, &v->b);
        break;
    case F_REFLIST:
    case F_STRLIST:
        ok = cgv_strings(c, m, f->key, &v->list.v, &v->list.n);
        break;
    }
    v->set = ok;
    return ok;
}

static void keep_setting(struct strlist *kept, const config_setting_t *m);

/* What each setting of a group is to the reader (ws_read_group). */
#define MEMBER_ID (-1)
#define MEMBER_OTHER (-2)

bool ws_read_group(struct cfgctx *c, const config_setting_t *g, const struct coll_def *def,
                   const char *const *extra, struct record *r)
{
    /* one walk over the group's settings finds them all: a lookup by
     * name per field costs a scan of the group each (20,000 resources) */
    enum { SMALL = 32 };
    int nm = config_setting_length(g);
    size_t nf = def->nfields;
    const config_setting_t *by_small[SMALL], **by_field = nf <= SMALL ? by_small
                                                         : xcalloc(nf, sizeof *by_field);
    int kind_small[SMALL], *kind = nm <= SMALL ? kind_small : xcalloc((size_t)nm + 1, sizeof *kind);
    bool ok_small[SMALL], *field_ok = nf <= SMALL ? ok_small : xcalloc(nf, sizeof *field_ok);
    const config_setting_t *idm = NULL;
    for (size_t i = 0; i < nf; i++)
        by_field[i] = NULL;
    for (int i = 0; i < nm; i++) {
        const config_setting_t *m = config_setting_get_elem(g, (unsigned)i);
        const char *name = config_setting_name(m);
        int f = field_index(def, name);
        if (f >= 0) { /* libconfig refuses a name twice in a group */
            by_field[f] = m;
        } else if (strcmp(name, "id") == 0) {
            idm = m;
            f = MEMBER_ID;
        } else {
            f = MEMBER_OTHER;
        }
        kind[i] = f;
    }
    r->line = cfg_line(g);
    bool ok = true, id_ok = true;
    if (def->has_id) {
        if (idm) {
            id_ok = cgv_string(c, idm, "id", &r->id);
        } else {
            diag_add(c->dl, DIAG_ERROR, c->file, cfg_line(g), _("missing setting '%s'"), "id");
            id_ok = false;
        }
        ok &= id_ok;
    }
    r->id_line = cfg_line(idm);
    for (size_t i = 0; i < nf; i++) {
        field_ok[i] = true;
        if (by_field[i])
            ok &= field_ok[i] = read_field(c, by_field[i], &def->fields[i], &r->v[i]);
    }
    /* what was not understood stays, in the file's order: an unknown
     * setting, or one whose value was refused (wrong type, a bad list
     * element, a control character) */
    for (int i = 0; i < nm; i++) {
        const config_setting_t *m = config_setting_get_elem(g, (unsigned)i);
        int f = kind[i];
        if (f >= 0) {
            if (!field_ok[f])
                keep_setting(&r->kept, m);
            continue;
        }
        if (def->has_id && f == MEMBER_ID) {
            if (!id_ok)
                keep_setting(&r->kept, m);
            continue;
        }
        const char *name = config_setting_name(m);
        bool other = false;
        for (const char *const *e = extra; e && *e && !other; e++)
            other = strcmp(*e, name) == 0;
        if (other)
            continue;
        diag_add(c->dl, DIAG_WARNING, c->file, cfg_line(m),
                 _("unknown setting '%s' (kept as it is)"), name);
        keep_setting(&r->kept, m);
    }
    if (by_field != by_small)
        free(by_field);
    if (kind != kind_small)
        free(kind);
    if (field_ok != ok_small)
        free(field_ok);
    return ok;
}

static bool read_record(struct cfgctx *c, const config_setting_t *g, const struct coll_def *def,
                        struct record *r)
{
    record_init(r, def);
    r->line = cfg_line(g);
    if (!config_setting_is_group(g)) {
        diag_add(c->dl, DIAG_ERROR, c->file, r->line, _("'%s': each entry must be a group { ... }"),
                 def->key);
        struct strbuf sb = STRBUF_INIT;
        sb_addc(&sb, KEPT_ENTRY);
        cfgw_setting(&sb, g, "  ");
        strlist_add(&r->kept, sb_str(&sb));
        sb_free(&sb);
        return false;
    }
    return ws_read_group(c, g, def, NULL, r);
}

/* Keep the setting m, not understood, in kept: written back unchanged. */
static void keep_setting(struct strlist *kept, const config_setting_t *m)
{
    struct strbuf sb = STRBUF_INIT;
    cfgw_setting(&sb, m, "");
    strlist_add(kept, sb_str(&sb));
    sb_free(&sb);
}

/* The findings from first on came in blocks, one per entry read from the
 * last to the first (ends[k]: the end of block k): in the file's order
 * again. */
static void diags_unreverse(struct diag_list *dl, size_t first, const size_t *ends, int n)
{
    size_t total = dl->n - first, w = 0;
    if (total == 0)
        return;
    struct diag *tmp = xmalloc(total * sizeof *tmp);
    for (int k = n - 1; k >= 0; k--) {
        size_t b = k ? ends[k - 1] : first, e = ends[k];
        memcpy(tmp + w, dl->v + b, (e - b) * sizeof *tmp);
        w += e - b;
    }
    memcpy(dl->v + first, tmp, total * sizeof *tmp);
    free(tmp);
}

/* Entries of a collection freed from the parsed tree together
 * (read_collection). */
enum { READ_BATCH = 512 };

/* The collection coll of parent; one of the wrong type goes to kept. */
static bool read_collection(struct cfgctx *c, const config_setting_t *parent,
                            struct collection *coll, struct strlist *kept)
{
    const config_setting_t *s = config_setting_get_member(parent, coll->def->key);
    if (!s)
        return true;
    if (!config_setting_is_list(s) && !(config_setting_is_array(s) && config_setting_length(s) == 0)) {
        diag_add(c->dl, DIAG_ERROR, c->file, cfg_line(s), _("'%s' must be a list ( { ... }, ... )"),
                 coll->def->key);
        keep_setting(kept, s);
        return false;
    }
    /* from the last entry to the first, freed from the parsed tree once
     * read: the tree and the model are never both whole in memory (a
     * round of 10,000 risks). They are freed a batch at a time: the
     * blocks of a batch of entries run together once free, and the next
     * batch's records are cut from those runs one after another; freed
     * one entry at a time, each record's strings went into the blocks of
     * their own size the last entry had just left (the allocator keeps a
     * few of each size apart), between which no record's value array fits
     * (the peak was 1.36 times the bare parse's, with batches 1.13) */
    bool ok = true;
    int n = config_setting_length(s);
    size_t base = coll->n, first = c->dl ? c->dl->n : 0;
    size_t *ends = xcalloc((size_t)n + 1, sizeof *ends);
    for (int hi = n - 1; hi >= 0; hi -= READ_BATCH) {
        int lo = hi >= READ_BATCH ? hi - READ_BATCH + 1 : 0;
        for (int i = hi; i >= lo; i--) {
            struct record r;
            ok &= read_record(c, config_setting_get_elem(s, (unsigned)i), coll->def, &r);
            coll_add(coll, &r);
            ends[n - 1 - i] = c->dl ? c->dl->n : 0;
        }
        for (int i = hi; i >= lo; i--) /* the last entry each time: no moving of the rest */
            config_setting_remove_elem((config_setting_t *)s, (unsigned)i); /* the tree is the reader's own */
    }
    coll_reverse(coll, base);
    if (c->dl)
        diags_unreverse(c->dl, first, ends, n);
    free(ends);
    return ok;
}

/* The group key of parent into r; one of the wrong type goes to kept. */
static bool read_single(struct cfgctx *c, const config_setting_t *parent, const char *key,
                        const struct coll_def *def, struct record *r, const char *const *extra,
                        struct strlist *kept)
{
    const config_setting_t *g = config_setting_get_member(parent, key);
    record_free(r, def);
    record_init(r, def);
    if (!g) {
        r->line = cfg_line(parent);
        return true;
    }
    if (!config_setting_is_group(g)) {
        diag_add(c->dl, DIAG_ERROR, c->file, cfg_line(g), _("'%s' must be a group { ... }"), key);
        keep_setting(kept, g);
        return false;
    }
    return ws_read_group(c, g, def, extra, r);
}

/* The top-level settings that are not kijun's: a warning each, and kept. */
static void keep_unknown(struct cfgctx *c, const config_setting_t *root, const char *const *known,
                         struct strlist *kept)
{
    for (int i = 0; i < config_setting_length(root); i++) {
        const config_setting_t *m = config_setting_get_elem(root, (unsigned)i);
        const char *k = config_setting_name(m);
        bool found = false;
        for (const char *const *p = known; *p && !found; p++)
            found = strcmp(*p, k) == 0;
        if (found)
            continue;
        diag_add(c->dl, DIAG_WARNING, c->file, cfg_line(m), _("unknown setting '%s' (kept as it is)"), k);
        keep_setting(kept, m);
    }
}

/* Open, parse and check the schema version; NULL-safe status. */
static enum ws_status open_cfg(const char *path, config_t *cfg, struct ws_file *info,
                               struct diag_list *dl, struct cfgctx *c)
{
    if (info) {
        info->path = xstrdup(path);
        info->has_comments = false;
    }
    if (ws_file_missing(path)) {
        if (info)
            info->status = WS_MISSING;
        return WS_MISSING;
    }
    bool comments = false;
    bool ok = cfg_read_nofollow(path, path, WORKSPACE_MAX_FILE, cfg, &comments, dl);
    if (info)
        info->has_comments = comments;
    if (!ok) {
        if (info)
            info->status = WS_UNREADABLE;
        return WS_UNREADABLE;
    }
    c->file = path;
    c->dl = dl;
    const config_setting_t *root = config_root_setting(cfg);
    long long v = 0;
    /* a file without our version, or a newer one, is not ours to rewrite */
    if (!cg_int(c, root, "kijun_workspace", true, 1, (1LL << 62), &v) || v > WORKSPACE_SCHEMA) {
        if (v > WORKSPACE_SCHEMA)
            diag_add(dl, DIAG_ERROR, path, cfg_line(config_setting_get_member(root, "kijun_workspace")),
                     _("schema version %lld is newer than this kijun understands (%d): not read"),
                     v, WORKSPACE_SCHEMA);
        config_destroy(cfg);
        if (info)
            info->status = WS_UNREADABLE;
        return WS_UNREADABLE;
    }
    if (info)
        info->status = WS_OK;
    return WS_OK;
}

/* A file this small cannot grow past the limit when kijun writes it
 * (kijun's form is at most a few times longer than the shortest one):
 * no need to format it to know. */
static bool surely_fits(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0 && st.st_size < WORKSPACE_MAX_FILE / 8;
}

static enum ws_status unreadable(struct ws_file *info)
{
    if (info)
        info->status = WS_UNREADABLE;
    return WS_UNREADABLE;
}

/* A workspace's profile (not the journal's copy): its folder's own
 * folders must be real ones, or nothing may be written in it. */
static bool profile_folders_ok(const char *path, struct diag_list *dl)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
    if (!*dir) {
        free(dir);
        dir = xstrdup("/");
    }
    const char *base = strrchr(dir, '/');
    base = base ? base + 1 : dir;
    bool ok = strcmp(base, JOURNAL_DIR) == 0 || ws_check_folders(dir, dl);
    free(dir);
    return ok;
}

enum ws_status ws_load_profile(const char *path, const struct library *lib, struct profile *p,
                               struct ws_file *info, struct diag_list *dl)
{
    config_t cfg;
    struct cfgctx c = {path, dl};
    size_t first = dl->n; /* what reading finds, in line order */
    enum ws_status st = open_cfg(path, &cfg, info, dl, &c);
    if (st == WS_OK && !profile_folders_ok(path, dl)) {
        config_destroy(&cfg);
        st = WS_UNREADABLE;
        if (info)
            info->status = st;
    }
    if (st != WS_OK)
        return st;
    const config_setting_t *root = config_root_setting(&cfg);
    static const char *const root_keys[] = {"kijun_workspace", "organisation", "roles",
        "governance", "services", "operations", "resources", "suppliers", "criteria", NULL};
    keep_unknown(&c, root, root_keys, &p->kept);
    read_single(&c, root, "organisation", &profile_org_def, &p->org, NULL, &p->kept);
    for (int i = 0; i < COLL__COUNT; i++)
        if (i != COLL_IMPACT && i != COLL_LIKELIHOOD)
            read_collection(&c, root, &p->c[i], &p->kept);
    /* the old section: merged into the resources (model/supplier.h) */
    const config_setting_t *old = config_setting_get_member(root, "suppliers");
    if (old) {
        struct collection os = {.def = &profile_old_suppliers_def};
        if (read_collection(&c, root, &os, &p->kept) || os.n)
            profile_merge_suppliers(p, &os, cfg_line(old));
        coll_free(&os);
    }
    static const char *const crit_extra[] = {"impact", "likelihood", NULL};
    read_single(&c, root, "criteria", &profile_criteria_def, &p->criteria, crit_extra, &p->kept);
    const config_setting_t *crit = config_setting_get_member(root, "criteria");
    if (crit && config_setting_is_group(crit)) {
        read_collection(&c, crit, &p->c[COLL_IMPACT], &p->criteria.kept);
        read_collection(&c, crit, &p->c[COLL_LIKELIHOOD], &p->criteria.kept);
    }
    if (!config_setting_get_member(root, "organisation"))
        diag_add(dl, DIAG_ERROR, path, 0, _("missing group 'organisation = { name = ...; };'"));
    if (!crit)
        diag_add(dl, DIAG_ERROR, path, 0, _("missing group 'criteria = { ... };'"));
    config_destroy(&cfg);
    diag_sort_lines(dl, first);
    return surely_fits(path) || ws_loaded_size_ok(path, ws_format_profile_size(p), dl) ? WS_OK : unreadable(info);
}

enum ws_status ws_load_checklist(const char *path, const struct library *lib,
                                 struct checklist *cl, struct ws_file *info, struct diag_list *dl)
{
    config_t cfg;
    struct cfgctx c = {path, dl};
    size_t first = dl->n; /* what reading finds, in line order */
    enum ws_status st = open_cfg(path, &cfg, info, dl, &c);
    if (st != WS_OK)
        return st;
    const config_setting_t *root = config_root_setting(&cfg);
    static const char *const root_keys[] = {"kijun_workspace", "items", NULL};
    keep_unknown(&c, root, root_keys, &cl->kept);
    read_collection(&c, root, &cl->items, &cl->kept);
    config_destroy(&cfg);
    diag_sort_lines(dl, first);
    return surely_fits(path) || ws_loaded_size_ok(path, ws_format_checklist_size(cl), dl) ? WS_OK : unreadable(info);
}

enum ws_status ws_load_round(const char *path, const struct library *lib, const struct profile *p,
                             struct round *r, struct ws_file *info, struct diag_list *dl)
{
    config_t cfg;
    struct cfgctx c = {path, dl};
    size_t first = dl->n; /* what reading finds, in line order */
    enum ws_status st = open_cfg(path, &cfg, info, dl, &c);
    if (st != WS_OK)
        return st;
    const config_setting_t *root = config_root_setting(&cfg);
    static const char *const root_keys[] = {"kijun_workspace", "round", "risks", "clear",
                                            "signoffs", "reviews", "reopened", "closed",
                                            "assessed_services", "assessed_resources", NULL};
    keep_unknown(&c, root, root_keys, &r->kept);
    read_single(&c, root, "round", &round_head_def, &r->head, NULL, &r->kept);
    if (!config_setting_get_member(root, "round"))
        diag_add(dl, DIAG_ERROR, path, 0, _("missing group 'round = { date = ...; purpose = ...; };'"));
    for (int i = 0; i < RC__COUNT; i++)
        read_collection(&c, root, &r->c[i], &r->kept);
    config_destroy(&cfg);
    diag_sort_lines(dl, first);
    return surely_fits(path) || ws_loaded_size_ok(path, ws_format_round_size(r), dl) ? WS_OK : unreadable(info);
}

