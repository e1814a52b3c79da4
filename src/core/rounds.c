/* rounds: round edits that carry a rule with them. */
#include "config.h"
#include "core/rounds.h"
#include "core/edits.h"
#include "model/rules.h"
#include "util/i18n.h"
#include <stdio.h>
#include <string.h>

size_t core_new_round(struct session *s, const char *name, size_t from, const char *today,
                      char *msg, size_t size)
{
    if (!ws_round_name_valid(name)) {
        snprintf(msg, size, _("\"%s\" cannot name a round: use 1-64 letters, digits, '.', '-' or '_'"), name);
        return ROUND_NONE;
    }
    for (size_t i = 0; i < s->nrounds; i++) {
        if (strcmp(s->rounds[i]->r.name, name) == 0) {
            snprintf(msg, size, _("There is a round \"%s\" already"), name);
            return ROUND_NONE;
        }
    }
    struct round_doc *rd = round_doc_new(name, false);
    round_free(&rd->r);
    if (from < s->nrounds)
        round_start_copy(&rd->r, name, &s->rounds[from]->r, today);
    else
        round_start_new(&rd->r, name, &s->profile, today);
    size_t i = session_add_round(s, rd);
    snprintf(msg, size, _("New round \"%s\": saved as assessments/%s.cfg with s"), name, name);
    return i;
}

static void head_list(struct session *s, struct round *r, const char *key, const struct strlist *l)
{
    int f = field_index(&round_head_def, key);
    core_set_list(s, session_doc(s, r), NULL, &r->head, &round_head_def, (size_t)f, l);
}

static const struct strlist *head_get(const struct round *r, const char *key)
{
    return &r->head.v[field_index(&round_head_def, key)].list;
}

size_t core_scope_service(struct session *s, struct round *r, const char *service_id, bool in)
{
    struct strlist sl;
    strlist_copy(&sl, head_get(r, "services"));
    size_t added = 0;
    if (in && !strlist_has(&sl, service_id)) {
        strlist_add(&sl, service_id);
        struct strlist rl;
        strlist_copy(&rl, head_get(r, "resources"));
        added = service_resources(&s->profile, service_id, &rl);
        head_list(s, r, "services", &sl);
        if (added)
            head_list(s, r, "resources", &rl);
        strlist_free(&rl);
    } else if (!in && strlist_has(&sl, service_id)) {
        strlist_remove(&sl, service_id);
        head_list(s, r, "services", &sl);
    }
    strlist_free(&sl);
    return added;
}

void core_scope_resource(struct session *s, struct round *r, const char *resource_id, bool in)
{
    struct strlist rl;
    strlist_copy(&rl, head_get(r, "resources"));
    if (in != strlist_has(&rl, resource_id)) {
        if (in)
            strlist_add(&rl, resource_id);
        else
            strlist_remove(&rl, resource_id);
        head_list(s, r, "resources", &rl);
    }
    strlist_free(&rl);
}

struct acceptance core_risk_decided(struct session *s, struct round *r, size_t i, const char *today)
{
    struct collection *c = &r->c[RC_RISKS];
    struct acceptance a = risk_acceptance(r, &c->r[i]);
    if (!a.records)
        return a;
    struct doc *d = session_doc(s, r);
    if (a.set_date)
        core_set_text(s, d, c, &c->r[i], c->def, (size_t)field_index(c->def, "accepted_on"), today);
    size_t fv = (size_t)field_index(c->def, "accepted_value");
    if (a.value > 0)
        core_set_int(s, d, c, &c->r[i], c->def, fv, a.value);
    else
        core_clear(s, d, c, &c->r[i], c->def, fv);
    core_set_text(s, d, c, &c->r[i], c->def, (size_t)field_index(c->def, "accepted_round"), r->name);
    return a;
}

size_t session_rounds_using(const struct session *s, const char *coll_key, const char *id,
                            char *names, size_t size)
{
    size_t n = 0, len = 0;
    if (size)
        names[0] = '\0';
    for (size_t i = 0; i < s->nrounds; i++) {
        if (!round_uses(&s->rounds[i]->r, coll_key, id))
            continue;
        if (len < size)
            len += (size_t)snprintf(names + len, size - len, "%s%s", n ? ", " : "", s->rounds[i]->r.name);
        n++;
    }
    return n;
}
