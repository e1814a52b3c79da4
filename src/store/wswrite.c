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
        /* a round never closed has no history to write: its file is as before */
        if ((i == RC_REOPENED || i == RC_CLOSED) && !r->c[i].n)
            continue;
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

bool ws_loaded_size_ok(const char *path, char *text, struct diag_list *dl)
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


void ws_put_string(struct strbuf *sb, const char *s)
{
    put_string(sb, s);
}
