/* workspace: the user's folder of libconfig files. */
#include "config.h"
#include "store/workspace.h"
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

char *ws_path(const char *dir, const char *name)
{
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "%s/%s", dir, name);
    return sb_take(&sb);
}

/* --- reading ------------------------------------------------------------- */

/* Does the text have a comment outside strings? (# // or slash-star) */
static bool text_has_comments(const char *s)
{
    bool in_str = false;
    for (; *s; s++) {
        if (in_str) {
            if (*s == '\\' && s[1])
                s++;
            else if (*s == '"')
                in_str = false;
        } else if (*s == '"') {
            in_str = true;
        } else if (*s == '#' || (*s == '/' && (s[1] == '/' || s[1] == '*'))) {
            return true;
        }
    }
    return false;
}

static bool read_field(struct cfgctx *c, const config_setting_t *g, const struct field_def *f,
                       struct value *v)
{
    const config_setting_t *m = config_setting_get_member(g, f->key);
    if (!m)
        return true;
    v->line = cfg_line(m);
    bool ok = true;
    switch (f->type) {
    case F_STRING:
    case F_ENUM:
    case F_REF:
    case F_DATE:
        ok = cg_string(c, g, f->key, false, &v->s);
        break;
    case F_INT:
        ok = cg_int(c, g, f->key, false, -(1LL << 62), 1LL << 62, &v->i);
        break;
    case F_BOOL:
        ok = cg_bool(c, g, f->key, false, &v->b);
        break;
    case F_REFLIST:
    case F_STRLIST:
        ok = cg_strings(c, g, f->key, &v->list.v, &v->list.n);
        break;
    }
    v->set = ok;
    return ok;
}

/* Keep the setting m of a group as its text, to be written back. */
static void keep(struct record *r, const config_setting_t *m)
{
    struct strbuf sb = STRBUF_INIT;
    cfgw_setting(&sb, m, "");
    strlist_add(&r->kept, sb_str(&sb));
    sb_free(&sb);
}

bool ws_read_group(struct cfgctx *c, const config_setting_t *g, const struct coll_def *def,
                   const char *const *extra, struct record *r)
{
    r->line = cfg_line(g);
    bool ok = true, id_ok = true;
    if (def->has_id)
        ok &= id_ok = cg_string(c, g, "id", true, &r->id);
    r->id_line = cfg_line(config_setting_get_member(g, "id"));
    bool *field_ok = xcalloc(def->nfields ? def->nfields : 1, sizeof *field_ok);
    for (size_t i = 0; i < def->nfields; i++)
        ok &= field_ok[i] = read_field(c, g, &def->fields[i], &r->v[i]);
    /* what was not understood stays, in the file's order: an unknown
     * setting, or one whose value was refused (wrong type, a bad list
     * element, a control character) */
    for (int i = 0; i < config_setting_length(g); i++) {
        const config_setting_t *m = config_setting_get_elem(g, (unsigned)i);
        const char *name = config_setting_name(m);
        int f = field_index(def, name);
        if (def->has_id && strcmp(name, "id") == 0) {
            if (!id_ok)
                keep(r, m);
            continue;
        }
        if (f >= 0) {
            if (!field_ok[f])
                keep(r, m);
            continue;
        }
        bool other = false;
        for (const char *const *e = extra; e && *e && !other; e++)
            other = strcmp(*e, name) == 0;
        if (other)
            continue;
        diag_add(c->dl, DIAG_WARNING, c->file, cfg_line(m),
                 _("unknown setting '%s' (kept as it is)"), name);
        keep(r, m);
    }
    free(field_ok);
    return ok;
}

/* An entry of a collection that is no group ( 5 in "services = ( 5 )"):
 * kept whole, marked by a leading '=', and written back in its place. */
#define KEPT_ENTRY '='

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

static bool read_collection(struct cfgctx *c, const config_setting_t *parent,
                            struct collection *coll)
{
    const config_setting_t *s = config_setting_get_member(parent, coll->def->key);
    if (!s)
        return true;
    if (!config_setting_is_list(s) && !(config_setting_is_array(s) && config_setting_length(s) == 0)) {
        diag_add(c->dl, DIAG_ERROR, c->file, cfg_line(s), _("'%s' must be a list ( { ... }, ... )"),
                 coll->def->key);
        return false;
    }
    bool ok = true;
    for (int i = 0; i < config_setting_length(s); i++) {
        struct record r;
        ok &= read_record(c, config_setting_get_elem(s, (unsigned)i), coll->def, &r);
        coll_add(coll, &r);
    }
    return ok;
}

static bool read_single(struct cfgctx *c, const config_setting_t *parent, const char *key,
                        const struct coll_def *def, struct record *r, const char *const *extra)
{
    const config_setting_t *g = config_setting_get_member(parent, key);
    if (!g) {
        record_free(r, def);
        record_init(r, def);
        r->line = cfg_line(parent);
        return true;
    }
    if (!config_setting_is_group(g)) {
        diag_add(c->dl, DIAG_ERROR, c->file, cfg_line(g), _("'%s' must be a group { ... }"), key);
        return false;
    }
    record_free(r, def);
    record_init(r, def);
    return ws_read_group(c, g, def, extra, r);
}

bool ws_file_missing(const char *path)
{
    struct safefs_err e = {0};
    const char *leaf;
    int dfd = safefs_open_parent(path, &leaf, &e);
    bool missing;
    if (dfd < 0) {
        missing = e.err == ENOENT;
    } else {
        struct stat st;
        missing = safefs_lstat(dfd, leaf, &st) != 0 && errno == ENOENT;
        close(dfd);
    }
    safefs_err_free(&e);
    return missing;
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
    char *text;
    size_t len;
    bool ok = file_read_nofollow(path, path, WORKSPACE_MAX_FILE, &text, &len, dl);
    if (ok) {
        if (info)
            info->has_comments = text_has_comments(text);
        ok = cfg_parse_text(text, len, path, cfg, dl);
        free(text);
    }
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

static bool loaded_size_ok(const char *path, char *text, struct diag_list *dl);

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
    cg_unknown(&c, root, root_keys);
    read_single(&c, root, "organisation", &profile_org_def, &p->org, NULL);
    for (int i = 0; i < COLL__COUNT; i++)
        if (i != COLL_IMPACT && i != COLL_LIKELIHOOD)
            read_collection(&c, root, &p->c[i]);
    static const char *const crit_extra[] = {"impact", "likelihood", NULL};
    read_single(&c, root, "criteria", &profile_criteria_def, &p->criteria, crit_extra);
    const config_setting_t *crit = config_setting_get_member(root, "criteria");
    if (crit && config_setting_is_group(crit)) {
        read_collection(&c, crit, &p->c[COLL_IMPACT]);
        read_collection(&c, crit, &p->c[COLL_LIKELIHOOD]);
    }
    if (!config_setting_get_member(root, "organisation"))
        diag_add(dl, DIAG_ERROR, path, 0, _("missing group 'organisation = { name = ...; };'"));
    if (!crit)
        diag_add(dl, DIAG_ERROR, path, 0, _("missing group 'criteria = { ... };'"));
    config_destroy(&cfg);
    return surely_fits(path) || loaded_size_ok(path, ws_format_profile(p), dl) ? WS_OK : unreadable(info);
}

enum ws_status ws_load_checklist(const char *path, const struct library *lib,
                                 struct checklist *cl, struct ws_file *info, struct diag_list *dl)
{
    config_t cfg;
    struct cfgctx c = {path, dl};
    enum ws_status st = open_cfg(path, &cfg, info, dl, &c);
    if (st != WS_OK)
        return st;
    const config_setting_t *root = config_root_setting(&cfg);
    static const char *const root_keys[] = {"kijun_workspace", "items", NULL};
    cg_unknown(&c, root, root_keys);
    read_collection(&c, root, &cl->items);
    config_destroy(&cfg);
    return surely_fits(path) || loaded_size_ok(path, ws_format_checklist(cl), dl) ? WS_OK : unreadable(info);
}

bool ws_round_name_valid(const char *name)
{
    /* a leading '.' would make a hidden file */
    return name[0] != '.' && id_syntax_ok(name, 64);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t ws_list_rounds(const char *dir, char ***names)
{
    char *ad = ws_path(dir, "assessments");
    struct safefs_err e = {0};
    /* assessments/ is kijun's: a link there is not listed through */
    int fd = safefs_open_dir(ad, &e);
    safefs_err_free(&e);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (fd >= 0 && !d)
        close(fd);
    char **v = NULL;
    size_t n = 0, cap = 0;
    if (d) {
        struct dirent *de;
        while ((de = readdir(d))) {
            size_t len = strlen(de->d_name);
            if (len < 5 || strcmp(de->d_name + len - 4, ".cfg") != 0)
                continue;
            char *stem = xstrndup(de->d_name, len - 4);
            /* a copy saved beside a changed round (core/conflict.h) is no round */
            if (!ws_round_name_valid(stem) || strstr(stem, ".mine-")) {
                free(stem);
                continue;
            }
            v = xgrow(v, &cap, n + 1, sizeof *v);
            v[n++] = stem;
        }
        closedir(d);
    }
    free(ad);
    if (n)
        qsort(v, n, sizeof *v, cmp_names);
    *names = v;
    return n;
}

/* The folders kijun makes in a workspace: absent, or real folders. */
static const char *const own_folders[] = {"assessments", JOURNAL_DIR, JOURNAL_DIR "/assessments", NULL};

bool ws_check_folders(const char *dir, struct diag_list *dl)
{
    bool ok = true;
    for (const char *const *f = own_folders; *f; f++) {
        char *p = ws_path(dir, *f);
        struct safefs_err e = {0};
        int fd = safefs_open_dir(p, &e);
        if (fd >= 0)
            close(fd);
        else if (e.err != ENOENT) {
            /* the first refused folder on the way is the one to name */
            safefs_report(dl, &e, p, NULL);
            ok = false;
        }
        safefs_err_free(&e);
        free(p);
        if (!ok)
            break;
    }
    return ok;
}

enum ws_status ws_load_round(const char *path, const struct library *lib, const struct profile *p,
                             struct round *r, struct ws_file *info, struct diag_list *dl)
{
    config_t cfg;
    struct cfgctx c = {path, dl};
    enum ws_status st = open_cfg(path, &cfg, info, dl, &c);
    if (st != WS_OK)
        return st;
    const config_setting_t *root = config_root_setting(&cfg);
    static const char *const root_keys[] = {"kijun_workspace", "round", "risks", "clear",
                                            "signoffs", "reviews", NULL};
    cg_unknown(&c, root, root_keys);
    read_single(&c, root, "round", &round_head_def, &r->head, NULL);
    if (!config_setting_get_member(root, "round"))
        diag_add(dl, DIAG_ERROR, path, 0, _("missing group 'round = { date = ...; purpose = ...; };'"));
    for (int i = 0; i < RC__COUNT; i++)
        read_collection(&c, root, &r->c[i]);
    config_destroy(&cfg);
    return surely_fits(path) || loaded_size_ok(path, ws_format_round(r), dl) ? WS_OK : unreadable(info);
}

/* --- writing --------------------------------------------------------------- */

/* Lines kijun writes stay far below the reader's CFG_MAX_LINE (cfgwrite). */
static void put_string_at(struct strbuf *sb, const char *s, const char *cont)
{
    cfgw_string(sb, s, cont);
}

static void put_string(struct strbuf *sb, const char *s)
{
    cfgw_string(sb, s, "    ");
}

static void put_int(struct strbuf *sb, long long v)
{
    cfgw_int(sb, v);
}

static void put_list(struct strbuf *sb, const char *indent, const struct strlist *l)
{
    size_t start = sb->len;
    sb_adds(sb, "[");
    for (size_t i = 0; i < l->n; i++) {
        sb_adds(sb, i ? ", " : " ");
        put_string(sb, l->v[i]);
    }
    sb_adds(sb, l->n ? " ]" : "]");
    if (sb->len - start <= CFGW_LINE_MAX && !memchr(sb->s + start, '\n', sb->len - start))
        return;
    /* too long for one line: one element per line */
    sb->len = start;
    sb->s[start] = '\0';
    struct strbuf in = STRBUF_INIT;
    sb_printf(&in, "%s    ", indent);
    sb_adds(sb, "[\n");
    for (size_t i = 0; i < l->n; i++) {
        sb_printf(sb, "%s  ", indent);
        put_string_at(sb, l->v[i], sb_str(&in));
        sb_adds(sb, i + 1 < l->n ? ",\n" : "\n");
    }
    sb_printf(sb, "%s]", indent);
    sb_free(&in);
}

static void put_value(struct strbuf *sb, const char *indent, const struct field_def *f,
                      const struct value *v)
{
    if (!v->set)
        return;
    sb_printf(sb, "%s%s = ", indent, f->key);
    struct strbuf cont = STRBUF_INIT;
    sb_printf(&cont, "%s  ", indent);
    switch (f->type) {
    case F_INT: put_int(sb, v->i); break;
    case F_BOOL: sb_adds(sb, v->b ? "true" : "false"); break;
    case F_REFLIST:
    case F_STRLIST: put_list(sb, indent, &v->list); break;
    default: put_string_at(sb, v->s ? v->s : "", sb_str(&cont)); break;
    }
    sb_free(&cont);
    sb_adds(sb, ";\n");
}

/* The settings the reader kept, as they were read, each on its lines
 * (continuations indented too) -- but not one that the record now holds
 * a value for (an edit gave it one), which would be a duplicate. */
static void put_kept(struct strbuf *sb, const char *indent, const struct record *r,
                     const struct coll_def *def)
{
    for (size_t k = 0; k < r->kept.n; k++) {
        const char *t = r->kept.v[k];
        if (*t == KEPT_ENTRY)
            continue;
        const char *eq = strstr(t, " = ");
        if (eq) {
            char *name = xstrndup(t, (size_t)(eq - t));
            int f = field_index(def, name);
            bool taken = (f >= 0 && r->v[f].set) || (def->has_id && r->id && strcmp(name, "id") == 0);
            free(name);
            if (taken)
                continue;
        }
        sb_adds(sb, indent);
        for (; *t; t++) {
            sb_addc(sb, *t);
            if (*t == '\n')
                sb_adds(sb, indent);
        }
        sb_addc(sb, '\n');
    }
}

/* Whether r stands for a kept entry that is no group (KEPT_ENTRY). */
static const char *kept_entry(const struct record *r, const struct coll_def *def)
{
    if (r->id || r->kept.n != 1 || r->kept.v[0][0] != KEPT_ENTRY)
        return NULL;
    for (size_t i = 0; i < def->nfields; i++)
        if (r->v[i].set)
            return NULL;
    return r->kept.v[0] + 1;
}

static void put_fields(struct strbuf *sb, const char *indent, const struct record *r,
                       const struct coll_def *def)
{
    if (def->has_id && r->id) {
        sb_printf(sb, "%sid = ", indent);
        put_string(sb, r->id);
        sb_adds(sb, ";\n");
    }
    for (size_t i = 0; i < def->nfields; i++)
        put_value(sb, indent, &def->fields[i], &r->v[i]);
    put_kept(sb, indent, r, def);
}

static void put_collection(struct strbuf *sb, const char *indent, const struct collection *c)
{
    if (c->n == 0) {
        sb_printf(sb, "%s%s = ( );\n", indent, c->def->key);
        return;
    }
    sb_printf(sb, "%s%s = (\n", indent, c->def->key);
    char inner[32];
    snprintf(inner, sizeof inner, "%s    ", indent);
    for (size_t i = 0; i < c->n; i++) {
        const char *raw = kept_entry(&c->r[i], c->def);
        if (raw) {
            sb_printf(sb, "%s  ", indent);
            for (const char *t = raw; *t; t++) {
                sb_addc(sb, *t);
                if (*t == '\n')
                    sb_adds(sb, indent);
            }
            sb_printf(sb, "%s\n", i + 1 < c->n ? "," : "");
            continue;
        }
        sb_printf(sb, "%s  {\n", indent);
        put_fields(sb, inner, &c->r[i], c->def);
        sb_printf(sb, "%s  }%s\n", indent, i + 1 < c->n ? "," : "");
    }
    sb_printf(sb, "%s);\n", indent);
}

char *ws_format_profile(const struct profile *p)
{
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "kijun_workspace = %d;\n\norganisation = {\n", WORKSPACE_SCHEMA);
    put_fields(&sb, "  ", &p->org, &profile_org_def);
    sb_adds(&sb, "};\n");
    for (int i = 0; i < COLL__COUNT; i++) {
        if (i == COLL_IMPACT || i == COLL_LIKELIHOOD)
            continue;
        sb_adds(&sb, "\n");
        put_collection(&sb, "", &p->c[i]);
    }
    sb_adds(&sb, "\ncriteria = {\n");
    put_fields(&sb, "  ", &p->criteria, &profile_criteria_def);
    put_collection(&sb, "  ", &p->c[COLL_IMPACT]);
    put_collection(&sb, "  ", &p->c[COLL_LIKELIHOOD]);
    sb_adds(&sb, "};\n");
    return sb_take(&sb);
}

char *ws_format_checklist(const struct checklist *c)
{
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "kijun_workspace = %d;\n\n", WORKSPACE_SCHEMA);
    put_collection(&sb, "", &c->items);
    return sb_take(&sb);
}

char *ws_format_round(const struct round *r)
{
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "kijun_workspace = %d;\n\nround = {\n", WORKSPACE_SCHEMA);
    put_fields(&sb, "  ", &r->head, &round_head_def);
    sb_adds(&sb, "};\n");
    for (int i = 0; i < RC__COUNT; i++) {
        sb_adds(&sb, "\n");
        put_collection(&sb, "", &r->c[i]);
    }
    return sb_take(&sb);
}

/* --- what kijun writes, it reads back ----------------------------------------- */

/* The first control character of s that kijun's reader refuses (C0 with
 * the newline, DEL, C1), or 0. */
static uint32_t refused_control(const char *s)
{
    size_t n = strlen(s), i = 0;
    while (i < n) {
        uint32_t cp;
        bool ok;
        i += utf8_decode(s + i, n - i, &cp, &ok);
        if (ok && (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)))
            return cp;
    }
    return 0;
}

static bool value_writable(const char *path, const struct coll_def *def, const struct record *r,
                           const char *key, const char *s, struct diag_list *dl)
{
    uint32_t cp = s ? refused_control(s) : 0;
    if (!cp)
        return true;
    diag_add(dl, DIAG_ERROR, path, r->line,
             _("not saved: %s %s: '%s' holds a control character (0x%02X) that kijun cannot read "
               "back; nothing was written"), def->key, r->id ? r->id : "", key, (unsigned)cp);
    return false;
}

/* Whether every text of r is one kijun's reader accepts. */
static bool record_writable(const char *path, const struct record *r, const struct coll_def *def,
                            struct diag_list *dl)
{
    if (def->has_id && !value_writable(path, def, r, "id", r->id, dl))
        return false;
    for (size_t i = 0; i < def->nfields; i++) {
        const struct value *v = &r->v[i];
        if (!v->set)
            continue;
        if (!value_writable(path, def, r, def->fields[i].key, v->s, dl))
            return false;
        for (size_t k = 0; k < v->list.n; k++)
            if (!value_writable(path, def, r, def->fields[i].key, v->list.v[k], dl))
                return false;
    }
    return true;
}

static bool coll_writable(const char *path, const struct collection *c, struct diag_list *dl)
{
    for (size_t i = 0; i < c->n; i++)
        if (!record_writable(path, &c->r[i], c->def, dl))
            return false;
    return true;
}

/* The size kijun would write, within what its reader accepts? */
static bool size_writable(const char *path, const char *text, struct diag_list *dl)
{
    size_t n = strlen(text);
    if (n <= WORKSPACE_MAX_FILE)
        return true;
    diag_add(dl, DIAG_ERROR, path, 0,
             _("not saved: it would be %zu bytes, over the limit of %d bytes that kijun reads; "
               "nothing was written"), n, WORKSPACE_MAX_FILE);
    return false;
}

/* A file that loads must save as a file that loads: what kijun would
 * write for it counts against the reader's limit. */
static bool loaded_size_ok(const char *path, char *text, struct diag_list *dl)
{
    size_t n = strlen(text);
    free(text);
    if (n <= WORKSPACE_MAX_FILE)
        return true;
    diag_add(dl, DIAG_ERROR, path, 0,
             _("kijun would write this as %zu bytes, over the limit of %d bytes it reads back: "
               "refused (split it, or shorten its texts)"), n, WORKSPACE_MAX_FILE);
    return false;
}

static bool save_text(const char *path, char *text, bool *unchanged, struct diag_list *dl)
{
    if (unchanged)
        *unchanged = false;
    if (!size_writable(path, text, dl)) {
        free(text);
        return false;
    }
    enum atomic_result r = atomic_save(path, text, strlen(text), dl);
    free(text);
    if (unchanged)
        *unchanged = r == ATOMIC_UNCHANGED;
    return r != ATOMIC_FAILED;
}

bool ws_profile_writable(const char *path, const struct profile *p, struct diag_list *dl)
{
    if (!record_writable(path, &p->org, &profile_org_def, dl)
        || !record_writable(path, &p->criteria, &profile_criteria_def, dl))
        return false;
    for (int i = 0; i < COLL__COUNT; i++)
        if (!coll_writable(path, &p->c[i], dl))
            return false;
    return true;
}

bool ws_checklist_writable(const char *path, const struct checklist *c, struct diag_list *dl)
{
    return coll_writable(path, &c->items, dl);
}

bool ws_round_writable(const char *path, const struct round *r, struct diag_list *dl)
{
    if (!record_writable(path, &r->head, &round_head_def, dl))
        return false;
    for (int i = 0; i < RC__COUNT; i++)
        if (!coll_writable(path, &r->c[i], dl))
            return false;
    return true;
}

bool ws_save_profile(const char *path, const struct profile *p, bool *unchanged,
                     struct diag_list *dl)
{
    if (!ws_profile_writable(path, p, dl)) {
        if (unchanged)
            *unchanged = false;
        return false;
    }
    return save_text(path, ws_format_profile(p), unchanged, dl);
}

bool ws_save_checklist(const char *path, const struct checklist *c, bool *unchanged,
                       struct diag_list *dl)
{
    if (!ws_checklist_writable(path, c, dl)) {
        if (unchanged)
            *unchanged = false;
        return false;
    }
    return save_text(path, ws_format_checklist(c), unchanged, dl);
}

bool ws_save_round(const char *path, const struct round *r, bool *unchanged, struct diag_list *dl)
{
    /* the first round of a workspace without assessments/ makes it */
    const char *slash = strrchr(path, '/');
    if (slash) {
        char *dir = xstrndup(path, (size_t)(slash - path));
        const char *base = strrchr(dir, '/');
        struct safefs_err e = {0};
        if (strcmp(base ? base + 1 : dir, "assessments") == 0 && ws_file_missing(dir)
            && !safefs_mkdir(dir, 0700, &e)) {
            safefs_report(dl, &e, dir, _("cannot save"));
            safefs_err_free(&e);
            free(dir);
            if (unchanged)
                *unchanged = false;
            return false;
        }
        safefs_err_free(&e);
        free(dir);
    }
    if (!ws_round_writable(path, r, dl)) {
        if (unchanged)
            *unchanged = false;
        return false;
    }
    return save_text(path, ws_format_round(r), unchanged, dl);
}

/* --- creating -------------------------------------------------------------- */

/* mkdir -p with mode 0700 for the folders it makes. */
static bool make_dirs(const char *dir, struct diag_list *dl)
{
    char *p = xstrdup(dir);
    for (char *s = p + 1; ; s++) {
        if (*s == '/' || *s == '\0') {
            char save = *s;
            *s = '\0';
            if (mkdir(p, 0700) != 0 && errno != EEXIST) {
                diag_add(dl, DIAG_ERROR, p, 0, _("cannot create the folder: %s"), strerror(errno));
                free(p);
                return false;
            }
            *s = save;
            if (!save)
                break;
        }
    }
    free(p);
    return true;
}

/* Names joined by ", " (what init added, what it kept). */
static void add_name(char **list, const char *name)
{
    struct strbuf sb = STRBUF_INIT;
    if (*list && **list)
        sb_printf(&sb, "%s, ", *list);
    sb_adds(&sb, name);
    free(*list);
    *list = sb_take(&sb);
}

/* Put every regular *.cfg file of from into to (0600) where to has
 * nothing of that name; nothing there is replaced. prefix names the
 * folder in info's lists ("" or "assessments/"). */
static bool copy_cfgs(const char *from, const char *to, const char *prefix,
                      struct ws_init_info *info, struct diag_list *dl)
{
    DIR *d = opendir(from);
    if (!d) {
        diag_add(dl, DIAG_ERROR, from, 0, _("cannot read the folder: %s"), strerror(errno));
        return false;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t len = strlen(de->d_name);
        if (de->d_name[0] == '.' || len < 5 || strcmp(de->d_name + len - 4, ".cfg") != 0)
            continue;
        names = xgrow(names, &cap, n + 1, sizeof *names);
        names[n++] = xstrdup(de->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_names);
    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        char *src = ws_path(from, names[i]), *dst = ws_path(to, names[i]);
        char *text;
        size_t len;
        enum atomic_result r = ATOMIC_FAILED;
        if (ok && file_read_checked(src, src, WORKSPACE_MAX_FILE, &text, &len, dl)) {
            r = atomic_create(dst, text, len, dl);
            free(text);
        }
        ok = ok && r != ATOMIC_FAILED;
        if (ok) {
            struct strbuf nm = STRBUF_INIT;
            sb_printf(&nm, "%s%s", prefix, names[i]);
            add_name(r == ATOMIC_SAVED ? &info->added : &info->kept, sb_str(&nm));
            sb_free(&nm);
        }
        free(src);
        free(dst);
        free(names[i]);
    }
    free(names);
    return ok;
}

static char *lang_dir(const char *datadir, const char *what, const char *lang)
{
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "%s/%s/%s", datadir, what, lang);
    return sb_take(&sb);
}

/* Fill the folder dir (made when missing) from the folder from: what is
 * missing is added, nothing there is replaced, the folder's mode stays. */
static bool make_workspace(const char *dir, const char *from, struct ws_init_info *info,
                           struct diag_list *dl)
{
    struct stat st;
    info->existed = stat(dir, &st) == 0;
    if (info->existed && !S_ISDIR(st.st_mode)) {
        diag_add(dl, DIAG_ERROR, dir, 0, _("%s, not a folder: refused"), file_kind(st.st_mode));
        return false;
    }
    info->mode = info->existed ? st.st_mode & 07777 : 0700;
    if (!info->existed && !make_dirs(dir, dl))
        return false;
    char *assess = ws_path(dir, "assessments");
    char *from_assess = ws_path(from, "assessments");
    bool ok = copy_cfgs(from, dir, "", info, dl);
    if (ok) {
        struct safefs_err e = {0};
        bool missing = ws_file_missing(assess);
        ok = safefs_mkdir(assess, 0700, &e);
        if (!ok)
            safefs_report(dl, &e, assess, _("cannot create the folder"));
        else
            add_name(missing ? &info->added : &info->kept, "assessments/");
        safefs_err_free(&e);
    }
    /* the rounds too, when the source has them (the demo does) */
    if (ok && stat(from_assess, &st) == 0 && S_ISDIR(st.st_mode))
        ok = copy_cfgs(from_assess, assess, "assessments/", info, dl);
    free(from_assess);
    free(assess);
    return ok;
}

void ws_init_info_free(struct ws_init_info *info)
{
    free(info->added);
    free(info->kept);
    memset(info, 0, sizeof *info);
}

bool ws_init_report(const char *dir, const char *datadir, const char *lang,
                    struct ws_init_info *info, struct diag_list *dl)
{
    memset(info, 0, sizeof *info);
    char *profile = ws_path(dir, "profile.cfg");
    bool exists = !ws_file_missing(profile);
    free(profile);
    if (exists) {
        diag_add(dl, DIAG_ERROR, dir, 0, _("already a workspace (it has a profile.cfg): not touched"));
        return false;
    }
    char *from = lang_dir(datadir, "template", lang);
    bool ok = make_workspace(dir, from, info, dl);
    free(from);
    return ok;
}

bool ws_init(const char *dir, const char *datadir, const char *lang, struct diag_list *dl)
{
    struct ws_init_info info;
    bool ok = ws_init_report(dir, datadir, lang, &info, dl);
    ws_init_info_free(&info);
    return ok;
}

char *ws_demo_copy(const char *datadir, const char *lang, struct diag_list *dl)
{
    const char *tmp = getenv("TMPDIR");
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "%s/kijun-demo-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    char *dir = sb_take(&sb);
    if (!mkdtemp(dir)) {
        diag_add(dl, DIAG_ERROR, dir, 0, _("cannot create a folder for the demo: %s"), strerror(errno));
        free(dir);
        return NULL;
    }
    char *from = lang_dir(datadir, "demo", lang);
    struct ws_init_info info;
    memset(&info, 0, sizeof info);
    bool ok = make_workspace(dir, from, &info, dl);
    ws_init_info_free(&info);
    free(from);
    if (!ok) {
        ws_remove_tree(dir);
        free(dir);
        return NULL;
    }
    return dir;
}

/* Remove what is in the open folder fd (closed here), entering
 * sub-folders by descriptor: a link is removed, never followed. */
static bool empty_folder(int fd, const char *path, struct diag_list *dl, int depth)
{
    DIR *d = fdopendir(fd);
    if (!d) {
        close(fd);
        return false;
    }
    bool ok = true;
    struct dirent *de;
    while ((de = readdir(d))) {
        const char *name = de->d_name;
        if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
            continue;
        struct stat st;
        if (fstatat(dirfd(d), name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue;
        if (S_ISDIR(st.st_mode) && depth < 16) {
            int sub = openat(dirfd(d), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            char *sp = ws_path(path, name);
            if (sub < 0 || !empty_folder(sub, sp, dl, depth + 1)
                || unlinkat(dirfd(d), name, AT_REMOVEDIR) != 0)
                ok = false;
            free(sp);
        } else if (unlinkat(dirfd(d), name, 0) != 0) {
            ok = false;
        }
    }
    closedir(d);
    return ok;
}

bool ws_remove_tree_checked(const char *dir, struct diag_list *dl)
{
    struct safefs_err e = {0};
    int fd = safefs_open_dir(dir, &e);
    if (fd < 0) {
        bool gone = e.err == ENOENT;
        if (!gone)
            safefs_report(dl, &e, dir, _("not removed"));
        safefs_err_free(&e);
        return gone;
    }
    bool ok = empty_folder(fd, dir, dl, 0);
    const char *leaf;
    int pfd = safefs_open_parent(dir, &leaf, &e);
    if (pfd >= 0) {
        ok = unlinkat(pfd, leaf, AT_REMOVEDIR) == 0 && ok;
        close(pfd);
    } else {
        ok = false;
    }
    safefs_err_free(&e);
    if (!ok)
        diag_add(dl, DIAG_ERROR, dir, 0, _("cannot remove the folder completely: %s"),
                 strerror(errno));
    return ok;
}

void ws_remove_tree(const char *dir)
{
    struct diag_list dl = {0};
    ws_remove_tree_checked(dir, &dl);
    diag_clear(&dl);
}

char *ws_default(const char *datadir, const char *lang, bool create, bool *created,
                 struct diag_list *dl)
{
    *created = false;
    const char *env = getenv("KIJUN_WORKSPACE");
    if (env && *env)
        return xstrdup(env);
    if (access("profile.cfg", F_OK) == 0)
        return xstrdup(".");
    struct strbuf sb = STRBUF_INIT;
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    if (xdg && *xdg)
        sb_printf(&sb, "%s/kijun/workspace", xdg);
    else
        sb_printf(&sb, "%s/.local/share/kijun/workspace", home && *home ? home : ".");
    char *dir = sb_take(&sb);
    char *profile = ws_path(dir, "profile.cfg");
    bool exists = access(profile, F_OK) == 0;
    free(profile);
    if (!exists && create) {
        if (!ws_init(dir, datadir, lang, dl)) {
            free(dir);
            return NULL;
        }
        *created = true;
    }
    return dir;
}

void ws_put_string(struct strbuf *sb, const char *s)
{
    put_string(sb, s);
}
