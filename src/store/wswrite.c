/* wswrite: the model written as kijun's libconfig text, and saved. */
#include "config.h"
#include "store/workspace.h"
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
    sb_adds(sb, indent);
    sb_adds(sb, f->key);
    sb_adds(sb, " = ");
    switch (f->type) {
    case F_INT: put_int(sb, v->i); break;
    case F_BOOL: sb_adds(sb, v->b ? "true" : "false"); break;
    case F_REFLIST:
    case F_STRLIST: put_list(sb, indent, &v->list); break;
    default: {
        /* a long text's continuation lines: two spaces deeper (no
         * printf per value: a document of 20,000 records is measured
         * each time it is read) */
        char cont[64];
        size_t il = strlen(indent);
        if (il > sizeof cont - 3)
            il = sizeof cont - 3;
        memcpy(cont, indent, il);
        memcpy(cont + il, "  ", 3);
        put_string_at(sb, v->s ? v->s : "", cont);
        break;
    }
    }
    sb_adds(sb, ";\n");
}

/* Whether the kept setting t ("name = ...;") is called name. */
static bool kept_named(const char *t, const char *name)
{
    size_t n = strlen(name);
    return *t != KEPT_ENTRY && strncmp(t, name, n) == 0 && strncmp(t + n, " = ", 3) == 0;
}

static bool kept_holds(const struct strlist *kept, const char *name)
{
    for (size_t k = 0; k < kept->n; k++)
        if (kept_named(kept->v[k], name))
            return true;
    return false;
}

/* Whether the kept setting t now has a value from memory: a field of r
 * that an edit set, r's id, or a setting named in written. Writing it
 * too would make a duplicate, which libconfig refuses. */
static bool kept_taken(const char *t, const struct record *r, const struct coll_def *def,
                       const struct strlist *written)
{
    const char *eq = strstr(t, " = ");
    if (!eq)
        return false;
    char *name = xstrndup(t, (size_t)(eq - t));
    bool taken = written && strlist_has(written, name);
    if (r && !taken) {
        int f = field_index(def, name);
        taken = (f >= 0 && r->v[f].set) || (def->has_id && r->id && strcmp(name, "id") == 0);
    }
    free(name);
    return taken;
}

/* The settings the reader kept, as they were read, each on its lines
 * (continuations indented too) -- but not one that now has a value from
 * memory (kept_taken). */
static void put_kept(struct strbuf *sb, const char *indent, const struct strlist *kept,
                     const struct record *r, const struct coll_def *def,
                     const struct strlist *written)
{
    for (size_t k = 0; k < kept->n; k++) {
        const char *t = kept->v[k];
        if (*t == KEPT_ENTRY || kept_taken(t, r, def, written))
            continue;
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

static void put_values(struct strbuf *sb, const char *indent, const struct record *r,
                       const struct coll_def *def)
{
    if (def->has_id && r->id) {
        sb_adds(sb, indent);
        sb_adds(sb, "id = ");
        put_string(sb, r->id);
        sb_adds(sb, ";\n");
    }
    for (size_t i = 0; i < def->nfields; i++)
        put_value(sb, indent, &def->fields[i], &r->v[i]);
}

static void put_fields(struct strbuf *sb, const char *indent, const struct record *r,
                       const struct coll_def *def)
{
    put_values(sb, indent, r, def);
    put_kept(sb, indent, &r->kept, r, def, NULL);
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
        sb_adds(sb, indent);
        sb_adds(sb, "  {\n");
        put_fields(sb, inner, &c->r[i], c->def);
        sb_adds(sb, indent);
        sb_adds(sb, i + 1 < c->n ? "  },\n" : "  }\n");
        sb_checkpoint(sb);
    }
    sb_printf(sb, "%s);\n", indent);
}

/* A collection, unless it is empty and a setting of its name was kept
 * (one of the wrong type, "services = 5;"): then the kept one is written
 * in its place. Its name goes to written when it is written. */
static void put_collection_or_kept(struct strbuf *sb, const char *before, const char *indent,
                                   const struct collection *c, const struct strlist *kept,
                                   struct strlist *written)
{
    if (c->n == 0 && kept_holds(kept, c->def->key))
        return;
    sb_adds(sb, before);
    put_collection(sb, indent, c);
    strlist_add(written, c->def->key);
}

static bool record_empty(const struct record *r, const struct coll_def *def)
{
    if (r->id || r->kept.n)
        return false;
    for (size_t i = 0; i < def->nfields; i++)
        if (r->v[i].set)
            return false;
    return true;
}

/* "key = { ... };" at the top of a file, unless it is empty and a
 * setting of its name was kept ("organisation = 5;"). */
static bool open_group(struct strbuf *sb, const char *key, const struct record *r,
                       const struct coll_def *def, const struct strlist *kept,
                       struct strlist *written)
{
    if (record_empty(r, def) && kept_holds(kept, key))
        return false;
    sb_printf(sb, "\n%s = {\n", key);
    strlist_add(written, key);
    return true;
}

/* The top-level settings the reader kept, after kijun's own. */
static void put_kept_top(struct strbuf *sb, const struct strlist *kept, const struct strlist *written)
{
    if (kept->n)
        sb_adds(sb, "\n");
    put_kept(sb, "", kept, NULL, NULL, written);
}

static void format_profile(struct strbuf *out, const struct profile *p)
{
    struct strlist written = {0};
    sb_printf(out, "kijun_workspace = %d;\n", WORKSPACE_SCHEMA);
    if (open_group(out, "organisation", &p->org, &profile_org_def, &p->kept, &written)) {
        put_fields(out, "  ", &p->org, &profile_org_def);
        sb_adds(out, "};\n");
    }
    for (int i = 0; i < COLL__COUNT; i++) {
        if (i == COLL_IMPACT || i == COLL_LIKELIHOOD)
            continue;
        put_collection_or_kept(out, "\n", "", &p->c[i], &p->kept, &written);
    }
    if (open_group(out, "criteria", &p->criteria, &profile_criteria_def, &p->kept, &written)) {
        /* the scales are settings of this group: what was kept in it
         * comes after them, so that a scale given in memory takes the
         * place of a kept one of the wrong type */
        struct strlist inner = {0};
        put_values(out, "  ", &p->criteria, &profile_criteria_def);
        put_collection_or_kept(out, "", "  ", &p->c[COLL_IMPACT], &p->criteria.kept, &inner);
        put_collection_or_kept(out, "", "  ", &p->c[COLL_LIKELIHOOD], &p->criteria.kept, &inner);
        put_kept(out, "  ", &p->criteria.kept, &p->criteria, &profile_criteria_def, &inner);
        strlist_free(&inner);
        sb_adds(out, "};\n");
    }
    put_kept_top(out, &p->kept, &written);
    strlist_free(&written);
}

static void format_checklist(struct strbuf *out, const struct checklist *c)
{
    struct strlist written = {0};
    sb_printf(out, "kijun_workspace = %d;\n\n", WORKSPACE_SCHEMA);
    put_collection_or_kept(out, "", "", &c->items, &c->kept, &written);
    put_kept_top(out, &c->kept, &written);
    strlist_free(&written);
}

static void format_round(struct strbuf *out, const struct round *r)
{
    struct strlist written = {0};
    sb_printf(out, "kijun_workspace = %d;\n", WORKSPACE_SCHEMA);
    if (open_group(out, "round", &r->head, &round_head_def, &r->kept, &written)) {
        put_fields(out, "  ", &r->head, &round_head_def);
        sb_adds(out, "};\n");
    }
    for (int i = 0; i < RC__COUNT; i++) {
        /* a round never closed has no history to write: its file is as before */
        if ((i == RC_REOPENED || i == RC_CLOSED) && !r->c[i].n && !kept_holds(&r->kept, r->c[i].def->key))
            continue;
        put_collection_or_kept(out, "\n", "", &r->c[i], &r->kept, &written);
    }
    put_kept_top(out, &r->kept, &written);
    strlist_free(&written);
}

/* The text of a document, or only its length (measured without holding
 * the whole text: a round of 10,000 risks is several megabytes). */
#define FORMAT_BOTH(name, type, fn)                                                  \
    char *ws_format_##name(const type *d)                                           \
    {                                                                               \
        struct strbuf sb = STRBUF_INIT;                                             \
        fn(&sb, d);                                                                 \
        return sb_take(&sb);                                                        \
    }                                                                               \
    size_t ws_format_##name##_size(const type *d)                                   \
    {                                                                               \
        struct strbuf sb = STRBUF_INIT;                                             \
        sb.measure = true;                                                          \
        fn(&sb, d);                                                                 \
        size_t n = sb.dropped + sb.len;                                             \
        sb_free(&sb);                                                               \
        return n;                                                                   \
    }
FORMAT_BOTH(profile, struct profile, format_profile)
FORMAT_BOTH(checklist, struct checklist, format_checklist)
FORMAT_BOTH(round, struct round, format_round)

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

bool ws_loaded_size_ok(const char *path, size_t n, struct diag_list *dl)
{
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


void ws_put_string(struct strbuf *sb, const char *s)
{
    put_string(sb, s);
}
