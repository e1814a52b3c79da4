/* record: schema-described records. */
#include "config.h"
#include "model/record.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void strlist_add(struct strlist *l, const char *s)
{
    l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
    l->v[l->n++] = xstrdup(s);
}

bool strlist_has(const struct strlist *l, const char *s)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i], s) == 0)
            return true;
    return false;
}

void strlist_remove(struct strlist *l, const char *s)
{
    for (size_t i = 0; i < l->n; i++) {
        if (strcmp(l->v[i], s) == 0) {
            free(l->v[i]);
            memmove(&l->v[i], &l->v[i + 1], (l->n - i - 1) * sizeof *l->v);
            l->n--;
            i--;
        }
    }
}

void strlist_free(struct strlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = 0;
}

void strlist_copy(struct strlist *dst, const struct strlist *src)
{
    memset(dst, 0, sizeof *dst);
    for (size_t i = 0; i < src->n; i++)
        strlist_add(dst, src->v[i]);
}

void strlist_split(struct strlist *l, const char *text, char sep)
{
    while (*text) {
        const char *end = strchr(text, sep);
        if (!end)
            end = text + strlen(text);
        const char *a = text, *b = end;
        while (a < b && *a == ' ')
            a++;
        while (b > a && b[-1] == ' ')
            b--;
        if (b > a) {
            char *part = xstrndup(a, (size_t)(b - a));
            strlist_add(l, part);
            free(part);
        }
        text = *end ? end + 1 : end;
    }
}

void record_init(struct record *r, const struct coll_def *def)
{
    memset(r, 0, sizeof *r);
    r->v = xcalloc(def->nfields ? def->nfields : 1, sizeof *r->v);
}

void value_free(struct value *v)
{
    free(v->s);
    strlist_free(&v->list);
    memset(v, 0, sizeof *v);
}

void record_free(struct record *r, const struct coll_def *def)
{
    for (size_t i = 0; r->v && i < def->nfields; i++)
        value_free(&r->v[i]);
    free(r->v);
    free(r->id);
    strlist_free(&r->kept);
    memset(r, 0, sizeof *r);
}

void value_copy(struct value *d, const struct value *s)
{
    *d = *s;
    d->s = s->s ? xstrdup(s->s) : NULL;
    strlist_copy(&d->list, &s->list);
}

void record_copy(struct record *dst, const struct record *src, const struct coll_def *def)
{
    record_init(dst, def);
    dst->id = src->id ? xstrdup(src->id) : NULL;
    dst->line = src->line;
    dst->id_line = src->id_line;
    strlist_copy(&dst->kept, &src->kept);
    for (size_t i = 0; i < def->nfields; i++)
        value_copy(&dst->v[i], &src->v[i]);
}

static bool str_eq(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

bool value_equal(const struct value *x, const struct value *y, enum ftype t)
{
    if (x->set != y->set)
        return false;
    if (!x->set)
        return true;
    switch (t) {
    case F_INT: return x->i == y->i;
    case F_BOOL: return x->b == y->b;
    case F_REFLIST:
    case F_STRLIST:
        if (x->list.n != y->list.n)
            return false;
        for (size_t k = 0; k < x->list.n; k++)
            if (strcmp(x->list.v[k], y->list.v[k]) != 0)
                return false;
        return true;
    default: return str_eq(x->s ? x->s : "", y->s ? y->s : "");
    }
}

bool record_equal(const struct record *a, const struct record *b, const struct coll_def *def)
{
    if (!str_eq(a->id, b->id))
        return false;
    for (size_t i = 0; i < def->nfields; i++)
        if (!value_equal(&a->v[i], &b->v[i], def->fields[i].type))
            return false;
    return true;
}

int field_index(const struct coll_def *def, const char *key)
{
    for (size_t i = 0; i < def->nfields; i++)
        if (strcmp(def->fields[i].key, key) == 0)
            return (int)i;
    return -1;
}




static void coll_changed(struct collection *c)
{
    hmap_free(&c->idx);
    c->idx_ok = false;
}

bool record_is_kept_entry(const struct record *r)
{
    return !r->id && r->kept.n == 1 && r->kept.v[0][0] == RECORD_KEPT_ENTRY;
}

size_t coll_add(struct collection *c, struct record *r)
{
    coll_changed(c);
    c->r = xgrow(c->r, &c->cap, c->n + 1, sizeof *c->r);
    c->r[c->n] = *r;
    memset(r, 0, sizeof *r);
    return c->n++;
}

void coll_reverse(struct collection *c, size_t from)
{
    coll_changed(c);
    for (size_t i = from, j = c->n; i + 1 < j; i++, j--) {
        struct record t = c->r[i];
        c->r[i] = c->r[j - 1];
        c->r[j - 1] = t;
    }
}

void coll_remove(struct collection *c, size_t i)
{
    if (i >= c->n)
        return;
    coll_changed(c);
    record_free(&c->r[i], c->def);
    memmove(&c->r[i], &c->r[i + 1], (c->n - i - 1) * sizeof *c->r);
    c->n--;
}

void coll_move(struct collection *c, size_t from, size_t to)
{
    if (from >= c->n || to >= c->n || from == to)
        return;
    coll_changed(c);
    struct record tmp = c->r[from];
    if (from < to)
        memmove(&c->r[from], &c->r[from + 1], (to - from) * sizeof *c->r);
    else
        memmove(&c->r[to + 1], &c->r[to], (from - to) * sizeof *c->r);
    c->r[to] = tmp;
}

void coll_index(const struct collection *cc)
{
    /* the index is a cache: building it does not change the collection */
    struct collection *c = (struct collection *)cc;
    if (!c->idx_ok) {
        for (size_t i = 0; i < c->n; i++)
            if (c->r[i].id)
                hmap_put(&c->idx, c->r[i].id, i, NULL); /* the first of duplicates wins */
        c->idx_ok = true;
    }
}

struct record *coll_find(const struct collection *c, const char *id)
{
    coll_index(c);
    size_t i;
    return hmap_get(&c->idx, id, &i) && i < c->n ? &c->r[i] : NULL;
}

char *coll_new_id(const struct collection *c)
{
    char buf[80];
    for (size_t k = c->n + 1;; k++) {
        snprintf(buf, sizeof buf, "%s%zu", c->def->id_prefix, k);
        if (!coll_find(c, buf))
            return xstrdup(buf);
    }
}

void coll_free(struct collection *c)
{
    coll_changed(c);
    for (size_t i = 0; i < c->n; i++)
        record_free(&c->r[i], c->def);
    free(c->r);
    c->r = NULL;
    c->n = c->cap = 0;
}

bool enum_valid(const struct field_def *f, const char *s)
{
    for (const char *const *p = f->values; p && *p; p++)
        if (strcmp(*p, s) == 0)
            return true;
    return false;
}

bool id_syntax_ok(const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n == 0 || n > max)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')
              || *s == '.' || *s == '-' || *s == '_'))
            return false;
    return true;
}

bool date_valid(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || d < 1)
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap);
}

char *value_format(const struct value *v, const struct field_def *f)
{
    struct strbuf sb = STRBUF_INIT;
    sb_adds(&sb, "");
    if (!v->set)
        return sb_take(&sb);
    switch (f->type) {
    case F_INT: sb_printf(&sb, "%lld", v->i); break;
    case F_BOOL: sb_adds(&sb, v->b ? "yes" : "no"); break;
    case F_REFLIST:
    case F_STRLIST:
        for (size_t i = 0; i < v->list.n; i++) {
            if (i)
                sb_adds(&sb, ", ");
            sb_adds(&sb, v->list.v[i]);
        }
        break;
    default: sb_adds(&sb, v->s ? v->s : ""); break;
    }
    return sb_take(&sb);
}

bool text_blank(const char *s)
{
    if (!s)
        return true;
    while (*s) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\v' || *s == '\f')
            s++;
        else if ((unsigned char)s[0] == 0xe3 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x80)
            s += 3; /* U+3000, the ideographic space */
        else
            return false;
    }
    return true;
}

bool rec_has(const struct record *r, const struct coll_def *def, int field)
{
    return !value_empty(&def->fields[field], &r->v[field]);
}

bool value_empty(const struct field_def *f, const struct value *v)
{
    if (!v->set)
        return true;
    switch (f->type) {
    case F_STRLIST:
    case F_REFLIST: return v->list.n == 0;
    case F_INT:
    case F_BOOL: return false;
    default: return text_blank(v->s);
    }
}

bool field_missing(const struct coll_def *def, const struct record *r, size_t field)
{
    return field < def->nfields && def->fields[field].required && value_empty(&def->fields[field], &r->v[field]);
}

bool record_complete(const struct coll_def *def, const struct record *r)
{
    for (size_t i = 0; i < def->nfields; i++)
        if (field_missing(def, r, i))
            return false;
    return true;
}

char *value_edit_text(const struct value *v, const struct field_def *f)
{
    if (f->type != F_STRLIST)
        return value_format(v, f);
    /* "a; b" reads better than "a, b" for free strings, and splits back */
    struct strbuf sb = STRBUF_INIT;
    sb_adds(&sb, "");
    for (size_t i = 0; v->set && i < v->list.n; i++) {
        if (i)
            sb_adds(&sb, "; ");
        sb_adds(&sb, v->list.v[i]);
    }
    return sb_take(&sb);
}

enum value_parse value_parse(const struct field_def *f, const char *text, struct value *out)
{
    return value_parse_in(f, text, f->lo, f->hi, out);
}

enum value_parse value_parse_in(const struct field_def *f, const char *text, long long lo, long long hi,
                                struct value *out)
{
    memset(out, 0, sizeof *out);
    if (!text || !*text)
        return VP_OK;
    switch (f->type) {
    case F_INT: {
        char *end;
        errno = 0;
        long long n = strtoll(text, &end, 10);
        if (*end || errno || n < lo || n > hi || !(*text >= '0' && *text <= '9'))
            return VP_BAD_NUMBER;
        out->set = true;
        out->i = n;
        return VP_OK;
    }
    case F_STRLIST:
        strlist_split(&out->list, text, ';');
        out->set = out->list.n > 0;
        return VP_OK;
    case F_DATE:
        if (!date_valid(text))
            return VP_BAD_DATE;
        break;
    case F_BOOL:
        out->set = true;
        out->b = strcmp(text, "yes") == 0;
        return VP_OK;
    case F_REFLIST:
        strlist_split(&out->list, text, ',');
        out->set = out->list.n > 0;
        return VP_OK;
    default:
        break;
    }
    out->s = xstrdup(text);
    out->set = true;
    return VP_OK;
}

bool record_keeps(const struct record *r, const char *key)
{
    return record_kept(r, key) != NULL;
}

const char *record_kept(const struct record *r, const char *key)
{
    size_t n = strlen(key);
    for (size_t k = 0; k < r->kept.n; k++) {
        const char *t = r->kept.v[k];
        if (strncmp(t, key, n) == 0 && (t[n] == ' ' || t[n] == '=' || t[n] == ':'))
            return t;
    }
    return NULL;
}
