/* lineage: dated events of an edition and the status they give. */
#include "config.h"
#include "model/lineage.h"
#include <stdio.h>
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static int month_days(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

bool lin_date_parse(const char *s, struct lin_date *out)
{
    struct lin_date d = {0, 0, 0};
    size_t n = s ? strlen(s) : 0;
    if (n != 4 && n != 7 && n != 10)
        return false;
    if ((d.y = digits(s, 4)) < 1)
        return false;
    if (n >= 7) {
        if (s[4] != '-' || (d.m = digits(s + 5, 2)) < 1 || d.m > 12)
            return false;
    }
    if (n == 10) {
        if (s[7] != '-' || (d.d = digits(s + 8, 2)) < 1 || d.d > month_days(d.y, d.m))
            return false;
    }
    if (out)
        *out = d;
    return true;
}

int lin_date_cmp(const struct lin_date *a, const struct lin_date *b)
{
    int x[3] = {a->y, a->m ? a->m : 1, a->d ? a->d : 1};
    int y[3] = {b->y, b->m ? b->m : 1, b->d ? b->d : 1};
    for (int i = 0; i < 3; i++)
        if (x[i] != y[i])
            return x[i] < y[i] ? -1 : 1;
    return 0;
}

bool lin_date_reached(const struct lin_date *d, const struct lin_date *today)
{
    return lin_date_cmp(d, today) <= 0;
}

struct lin_event *lineage_add(struct lineage *l, enum lin_event_kind kind, const char *date,
                              const char *source, enum confidence conf)
{
    l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
    struct lin_event *e = &l->v[l->n++];
    memset(e, 0, sizeof *e);
    e->kind = kind;
    e->date = xstrdup(date ? date : "");
    lin_date_parse(e->date, &e->when);
    e->source = source ? xstrdup(source) : NULL;
    e->conf = conf;
    return e;
}

void lineage_free(struct lineage *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].date);
        free(l->v[i].by);
        free(l->v[i].source);
        free(l->v[i].source_ja);
        text_free(&l->v[i].by_title);
        text_free(&l->v[i].note);
    }
    free(l->v);
    memset(l, 0, sizeof *l);
}

size_t lineage_order_error(const struct lineage *l)
{
    for (size_t i = 1; i < l->n; i++)
        if (lin_date_cmp(&l->v[i].when, &l->v[i - 1].when) < 0)
            return i;
    return (size_t)-1;
}

const struct lin_event *lineage_find(const struct lineage *l, enum lin_event_kind kind)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i].kind == kind)
            return &l->v[i];
    return NULL;
}

enum edition_status lineage_status(const struct lineage *l, enum edition_status declared,
                                   const char *today)
{
    struct lin_date t;
    if (l->n == 0 || !lin_date_parse(today, &t) || !t.d)
        return declared;
    bool has_start = lineage_find(l, EV_DRAFTED) || lineage_find(l, EV_DECIDED)
                  || lineage_find(l, EV_IN_FORCE);
    bool has_in_force = lineage_find(l, EV_IN_FORCE) != NULL;
    enum edition_status st = has_start ? STATUS_NOT_YET : STATUS_IN_FORCE;
    for (size_t i = 0; i < l->n; i++) {
        const struct lin_event *e = &l->v[i];
        if (!lin_date_reached(&e->when, &t))
            break;
        switch (e->kind) {
        case EV_DRAFTED: st = STATUS_DRAFT; break;
        case EV_DECIDED: st = has_in_force ? STATUS_DECIDED : STATUS_IN_FORCE; break;
        case EV_REVISED: if (st == STATUS_NOT_YET) st = STATUS_IN_FORCE; break;
        case EV_IN_FORCE: st = STATUS_IN_FORCE; break;
        case EV_SUPERSEDED: st = STATUS_SUPERSEDED; break;
        case EV_ABOLISHED: st = STATUS_ABOLISHED; break;
        default: break;
        }
    }
    return st;
}

const struct lin_event *lineage_end(const struct lineage *l, const char *today)
{
    struct lin_date t;
    if (!lin_date_parse(today, &t))
        return NULL;
    const struct lin_event *end = NULL;
    for (size_t i = 0; i < l->n; i++) {
        const struct lin_event *e = &l->v[i];
        if (!lin_date_reached(&e->when, &t))
            break;
        if (e->kind == EV_SUPERSEDED || e->kind == EV_ABOLISHED)
            end = e;
    }
    return end;
}

struct names {
    const char *code, *ja, *en;
};

const struct lin_event *lineage_revision_ahead(const struct lineage *l, const char *today)
{
    struct lin_date t;
    if (!lin_date_parse(today, &t) || !t.d)
        return NULL;
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i].kind == EV_REVISED && !lin_date_reached(&l->v[i].when, &t))
            return &l->v[i];
    return NULL;
}

void revision_ahead_say(char *out, size_t size, const char *status, enum lang lang)
{
    snprintf(out, size, lang == LANG_JA ? "%s・未改定" : "%s, not yet revised", status);
}

static const struct names status_names[STATUS__COUNT] = {
    {"draft", "案", "draft"},
    {"in-force", "現行", "in force"},
    {"superseded", "旧版", "superseded"},
    {"abolished", "廃止", "abolished"},
    {"not-yet", "未公表", "not yet issued"},
    {"decided", "決定済み・施行前", "decided, not yet in force"},
};

static const struct names conf_names[CONF__COUNT] = {
    {"", "—", "—"},
    {"P", "一次資料", "primary text"},
    {"S+", "複数の二次資料", "several secondary sources"},
    {"S", "単一の二次資料", "one secondary source"},
};

static const struct names event_names[EV__COUNT] = {
    {"drafted", "案", "drafted"},
    {"decided", "決定", "decided"},
    {"revised", "改定", "revised"},
    {"in-force", "施行", "in force"},
    {"superseded", "旧版に", "superseded"},
    {"abolished", "廃止", "abolished"},
};

static int parse(const struct names *t, int n, const char *s, int first)
{
    for (int i = first; s && i < n; i++)
        if (strcmp(t[i].code, s) == 0)
            return i;
    return -1;
}

static const char *pick(const struct names *nm, enum lang lang)
{
    return lang == LANG_JA ? nm->ja : nm->en;
}

const char *status_name(enum edition_status s, enum lang lang)
{
    return pick(&status_names[s < STATUS__COUNT ? s : STATUS_DRAFT], lang);
}
int status_parse(const char *s) { return parse(status_names, STATUS__DECLARED, s, 0); }
const char *confidence_code(enum confidence c) { return conf_names[c].code; }
const char *confidence_name(enum confidence c, enum lang lang) { return pick(&conf_names[c], lang); }
int confidence_parse(const char *s) { return parse(conf_names, CONF__COUNT, s, 1); }
const char *event_code(enum lin_event_kind k) { return event_names[k].code; }
const char *event_name(enum lin_event_kind k, enum lang lang) { return pick(&event_names[k], lang); }
int event_parse(const char *s) { return parse(event_names, EV__COUNT, s, 0); }
