/* Unit tests: past rounds stay true (model/snapshot.h, core/entries.h).
 * A round keeps the name (and a resource's kind) of every service and
 * resource it refers to, as assessed: an older round gains them when
 * read (the demo's rounds too), an entry that comes into scope or a risk
 * is kept at once, a rename is followed while no step is signed off and
 * not after, and deleting an entry that rounds use leaves them reading
 * correctly, saved with it, with no finding in kijun check's rules. */
#include <criterion/criterion.h>
#include "diag_expect.h"
#include "core/edits.h"
#include "core/entries.h"
#include "core/rounds.h"
#include "model/rules.h"
#include "model/snapshot.h"
#include "model/validate.h"
#include "store/workspace.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo_session.h"

#define SVC_DEF (profile_coll_defs[COLL_SERVICES])
#define RES_DEF (profile_coll_defs[COLL_RESOURCES])

static size_t idx(const char *name)
{
    for (size_t i = 0; i < s.nrounds; i++)
        if (strcmp(s.rounds[i]->r.name, name) == 0)
            return i;
    return ROUND_NONE;
}

static struct round *round_named(const char *name)
{
    size_t i = idx(name);
    cr_assert_neq(i, ROUND_NONE, "the demo has round %s", name);
    return &s.rounds[i]->r;
}

static const char *kept_name(const struct round *r, const char *coll, const char *id)
{
    const struct record *x = snapshot_find(r, coll, id);
    return x ? rec_str(x, round_coll_defs[snapshot_coll(coll)]->name_field) : NULL;
}

static size_t profile_index(int coll, const char *id)
{
    const struct record *x = coll_find(&s.profile.c[coll], id);
    cr_assert_not_null(x, "the demo's profile has %s", id);
    return (size_t)(x - s.profile.c[coll].r);
}

/* The errors of the workspace's one validation (kijun check's rules). */
static size_t errors_in(const char *file)
{
    struct findings f = {0};
    session_findings(&s, &f);
    size_t n = 0;
    for (size_t i = 0; i < f.n; i++) {
        if (f.v[i].severity == DIAG_ERROR && (!file || strcmp(f.v[i].file, file) == 0)) {
            cr_log_info("%s:%d: %s", f.v[i].file, f.v[i].line, f.v[i].text);
            n++;
        }
    }
    findings_free(&f);
    return n;
}

static void sign_off(struct round *r)
{
    struct collection *so = &r->c[RC_SIGNOFFS];
    while (so->n)
        core_delete(&s, session_doc(&s, r), so, 0);
}

TestSuite(snapshot, .init = open_demo, .fini = close_demo);

Test(snapshot, the_demo_rounds_gain_what_they_assessed_when_read)
{
    struct round *r = round_named("2026");
    cr_assert_str_eq(kept_name(r, "services", "svc-sewage"), "Sewage collection and treatment");
    cr_assert_str_eq(kept_name(r, "resources", "res-scada"), "Central monitoring and control system (SCADA)");
    const struct record *x = snapshot_find(r, "resources", "res-scada");
    cr_assert_str_eq(rec_str(x, SEENRES_KIND), "ot");
    /* what it does not refer to, it does not keep */
    cr_assert_null(snapshot_find(r, "services", "svc-quality-info"));
    struct strlist missing = {0};
    cr_assert_eq(snapshot_missing(r, &s.profile, "services", &missing), 0);
    cr_assert_eq(snapshot_missing(r, &s.profile, "resources", &missing), 0);
    /* read, not edited: the round is as on disk until something changes it */
    cr_assert(!doc_modified(session_doc(&s, r)));
}

Test(snapshot, an_older_round_keeps_what_it_gained_from_its_next_save)
{
    struct round *r = round_named("2025");
    char msg[640];
    core_set_text(&s, session_doc(&s, r), NULL, &r->head, &round_head_def,
                  HEAD_TITLE, "FY2025");
    cr_assert(session_save(&s, msg, sizeof msg), "%s", msg);
    char *rp = ws_path(s.dir, "assessments/2025.cfg");
    FILE *f = fopen(rp, "r");
    cr_assert_not_null(f);
    char line[512];
    bool services = false, resources = false;
    while (fgets(line, sizeof line, f)) {
        services |= strncmp(line, "assessed_services = (", 21) == 0;
        resources |= strncmp(line, "assessed_resources = (", 22) == 0;
    }
    fclose(f);
    free(rp);
    cr_assert(services && resources, "the file keeps what the round assessed");
}

/* The demo's files are older than what a round keeps: opened and saved
 * (s, with nothing edited), they gain it; nothing reads as modified, and
 * a second save has nothing to write. */
Test(snapshot, an_older_round_gains_what_it_keeps_on_first_open_and_save)
{
    struct round *r = round_named("2026");
    struct doc *d = session_doc(&s, r);
    cr_assert(d->upgrade, "filled in when read");
    cr_assert(!session_modified(&s), "no edit: quitting does not ask");
    char msg[640];
    cr_assert(session_save(&s, msg, sizeof msg), "%s", msg);
    cr_assert_not_null(strstr(msg, "Saved"), "%s", msg);
    cr_assert(!d->upgrade);
    char *rp = ws_path(s.dir, "assessments/2026.cfg");
    FILE *f = fopen(rp, "r");
    cr_assert_not_null(f);
    char line[512];
    bool services = false;
    while (fgets(line, sizeof line, f))
        services |= strncmp(line, "assessed_services = (", 21) == 0;
    fclose(f);
    free(rp);
    cr_assert(services, "written on the first save");
    cr_assert(session_save(&s, msg, sizeof msg), "%s", msg);
    cr_assert_str_eq(msg, "No change: nothing to save");
}

/* A deleted entry's id stays with the rounds that keep it: a new entry
 * never gets it (the round would read the new one as what it assessed). */
Test(snapshot, a_deleted_entrys_id_is_never_given_to_a_new_one)
{
    struct collection *sv = &s.profile.c[COLL_SERVICES];
    struct record rec;
    record_init(&rec, sv->def);
    rec.id = core_new_entry_id(&s, sv);
    char *id = xstrdup(rec.id);
    record_free(&rec, sv->def);
    record_init(&rec, sv->def);
    rec.id = xstrdup(id);
    struct value *name = &rec.v[SVC_NAME];
    name->set = true;
    name->s = xstrdup("Service B");
    size_t at = core_add(&s, &s.pdoc, sv, &rec);
    record_free(&rec, sv->def);
    cr_assert_neq(at, (size_t)-1);
    struct round *r26 = round_named("2026");
    core_scope_service(&s, r26, id, true);
    cr_assert(round_uses(r26, "services", id));
    char msg[640];
    core_delete_entry(&s, &s.pdoc, sv, at, "Service B", msg, sizeof msg);
    cr_assert_null(coll_find(sv, id));
    char *again = core_new_entry_id(&s, sv);
    cr_assert_str_neq(again, id, "the id of the deleted service came back");
    free(again);
    free(id);
}

Test(snapshot, fill_is_a_pure_rule_over_the_profile)
{
    struct round r;
    round_copy(&r, round_named("2025"), "x");
    coll_free(&r.c[RC_SEEN_SERVICES]);
    coll_free(&r.c[RC_SEEN_RESOURCES]);
    r.c[RC_SEEN_SERVICES].def = round_coll_defs[RC_SEEN_SERVICES];
    r.c[RC_SEEN_RESOURCES].def = round_coll_defs[RC_SEEN_RESOURCES];
    size_t n = round_snapshot_fill(&r, &s.profile);
    cr_assert_eq(n, r.c[RC_SEEN_SERVICES].n + r.c[RC_SEEN_RESOURCES].n);
    cr_assert_eq(r.c[RC_SEEN_SERVICES].n, 3, "the three services in scope");
    cr_assert_eq(round_snapshot_fill(&r, &s.profile), 0, "filled once");
    round_free(&r);
}

Test(snapshot, a_reference_reads_from_the_profile_else_as_assessed)
{
    struct round r;
    round_copy(&r, round_named("2026"), "x");
    struct profile p;
    profile_copy(&p, &s.profile);
    bool removed = true;
    cr_assert_str_eq(round_ref_name(&r, &p, "services", "svc-water", &removed), "Drinking water supply");
    cr_assert(!removed);
    struct collection *sv = &p.c[COLL_SERVICES];
    coll_remove(sv, (size_t)(coll_find(sv, "svc-water") - sv->r));
    cr_assert_str_eq(round_ref_name(&r, &p, "services", "svc-water", &removed), "Drinking water supply");
    cr_assert(removed, "read from the round, marked as removed");
    cr_assert(round_ref_ok(&r, &p, "services", "svc-water"));
    cr_assert(!round_ref_ok(&r, &p, "services", "svc-nowhere"));
    cr_assert_str_eq(round_ref_name(&r, &p, "services", "svc-nowhere", &removed), "svc-nowhere");
    cr_assert(!removed, "an id never known is a broken reference, not a removed entry");
    /* no finding: the round reads correctly */
    struct findings f = {0};
    round_findings(&r, 0, &p, NULL, 0, lib, &f);
    for (size_t i = 0; i < f.n; i++)
        cr_expect(f.v[i].severity != DIAG_ERROR, "no error: %s", f.v[i].text);
    findings_free(&f);
    /* without what it kept, the same reference is an error, as before */
    coll_free(&r.c[RC_SEEN_SERVICES]);
    r.c[RC_SEEN_SERVICES].def = round_coll_defs[RC_SEEN_SERVICES];
    round_findings(&r, 0, &p, NULL, 0, lib, &f);
    size_t broken = 0;
    for (size_t i = 0; i < f.n; i++)
        broken += f.v[i].severity == DIAG_ERROR && strstr(f.v[i].text, "'svc-water', which does not exist");
    cr_assert_gt(broken, 0);
    findings_free(&f);
    profile_free(&p);
    round_free(&r);
}

Test(snapshot, a_signed_off_round_keeps_its_names)
{
    struct round r;
    round_copy(&r, round_named("2026"), "x");
    cr_assert(round_keeps_names(&r), "the demo's 2026 has sign-offs");
    coll_free(&r.c[RC_SIGNOFFS]);
    r.c[RC_SIGNOFFS].def = round_coll_defs[RC_SIGNOFFS];
    cr_assert(!round_keeps_names(&r));
    round_free(&r);
}

Test(snapshot, deleting_a_service_asks_and_the_rounds_keep_it)
{
    char names[200], msg[640];
    cr_assert_eq(session_rounds_using(&s, "services", "svc-sewage", names, sizeof names), 2);
    cr_assert_str_eq(names, "2025, 2026");
    struct collection *sv = &s.profile.c[COLL_SERVICES];
    core_delete_entry(&s, &s.pdoc, sv, profile_index(COLL_SERVICES, "svc-sewage"),
                      "Sewage collection and treatment", msg, sizeof msg);
    cr_assert_null(coll_find(sv, "svc-sewage"), "deleted");
    cr_assert(strstr(msg, "Deleted \"Sewage collection and treatment\""), "%s", msg);
    cr_assert(strstr(msg, "rounds 2025, 2026 keep it as assessed"), "%s", msg);
    struct round *r25 = round_named("2025"), *r26 = round_named("2026");
    cr_assert_str_eq(kept_name(r26, "services", "svc-sewage"), "Sewage collection and treatment");
    bool removed;
    cr_assert_str_eq(round_ref_name(r26, &s.profile, "services", "svc-sewage", &removed),
                     "Sewage collection and treatment");
    cr_assert(removed);
    /* the rounds' files keep it with the next save (2025 is closed:
     * kept as it was read, before its closing) */
    cr_assert(doc_to_write(session_doc(&s, r25)) && doc_to_write(session_doc(&s, r26)));
    cr_assert_str_eq(kept_name(r25, "services", "svc-sewage"), "Sewage collection and treatment");
    cr_assert_eq(errors_in("assessments/2025.cfg"), 0);
    cr_assert_eq(errors_in("assessments/2026.cfg"), 0);
    cr_assert(session_save(&s, msg, sizeof msg), "%s", msg);

    /* read again, as kijun check reads it */
    struct profile p;
    struct round r;
    struct diag_list dl = {0};
    profile_init(&p);
    char *pp = ws_path(s.dir, "profile.cfg"), *rp = ws_path(s.dir, "assessments/2026.cfg");
    cr_assert_eq(ws_load_profile(pp, lib, &p, NULL, &dl), WS_OK);
    round_init(&r, "2026");
    cr_assert_eq(ws_load_round(rp, lib, &p, &r, NULL, &dl), WS_OK);
    round_migrate(&r);
    round_snapshot_fill(&r, &p);
    cr_assert_str_eq(kept_name(&r, "services", "svc-sewage"), "Sewage collection and treatment");
    struct findings f = {0};
    round_findings(&r, 0, &p, NULL, 0, lib, &f);
    for (size_t i = 0; i < f.n; i++)
        cr_expect(f.v[i].severity != DIAG_ERROR, "no error after a save: %s", f.v[i].text);
    findings_free(&f);
    round_free(&r);
    profile_free(&p);
    free(pp);
    free(rp);
    diag_clear(&dl);
}

Test(snapshot, deleting_a_resource_keeps_its_kind)
{
    char msg[640];
    struct collection *rs = &s.profile.c[COLL_RESOURCES];
    core_delete_entry(&s, &s.pdoc, rs, profile_index(COLL_RESOURCES, "res-plc"), "PLC", msg, sizeof msg);
    struct round *r = round_named("2026");
    cr_assert_str_eq(round_ref_kind(r, &s.profile, "res-plc"), "ot");
    cr_assert_eq(errors_in(NULL), 0);
    /* the validation's checks name it as assessed, marked in words */
    struct checks ch = {0};
    round_validate(session_rounds_flat(&s), s.nrounds, idx("2026"), &s.profile, lib, NULL, &ch);
    bool marked = false;
    for (size_t i = 0; i < ch.n; i++)
        marked |= strstr(ch.v[i].text, "PLCs at the purification plant (filtration, transmission pumps) (removed from profile)") != NULL;
    checks_free(&ch);
    cr_assert(marked, "a check names the resource, marked");
}

Test(snapshot, an_entry_no_round_uses_is_deleted_as_before)
{
    char msg[640];
    struct collection *sv = &s.profile.c[COLL_SERVICES];
    unsigned long e25 = session_doc(&s, round_named("2025"))->edits;
    core_delete_entry(&s, &s.pdoc, sv, profile_index(COLL_SERVICES, "svc-quality-info"), "Q", msg, sizeof msg);
    cr_assert_str_eq(msg, "Deleted \"Q\"");
    cr_assert_eq(session_doc(&s, round_named("2025"))->edits, e25, "no round is touched");
}

Test(snapshot, an_open_round_follows_a_rename_a_signed_one_keeps_its_name)
{
    struct round *r25 = round_named("2025"), *r26 = round_named("2026");
    sign_off(r26); /* 2026 without sign-offs: open; 2025 keeps its sign-offs */
    struct collection *sv = &s.profile.c[COLL_SERVICES];
    struct record *x = coll_find(sv, "svc-water");
    core_set_text(&s, &s.pdoc, sv, x, SVC_DEF, SVC_NAME, "Tap water supply");
    cr_assert_str_eq(kept_name(r26, "services", "svc-water"), "Tap water supply");
    cr_assert_str_eq(kept_name(r25, "services", "svc-water"), "Drinking water supply");
    /* an empty name is not taken: the last one stays */
    core_set_text(&s, &s.pdoc, sv, x, SVC_DEF, SVC_NAME, "");
    cr_assert_str_eq(kept_name(r26, "services", "svc-water"), "Tap water supply");
}

Test(snapshot, an_entry_that_comes_into_scope_or_a_risk_is_kept_at_once)
{
    struct round *r = round_named("2026");
    cr_assert_null(snapshot_find(r, "services", "svc-quality-info"));
    core_scope_service(&s, r, "svc-quality-info", true);
    cr_assert_str_eq(kept_name(r, "services", "svc-quality-info"),
                     "Water quality information for hospitals and the public");
    /* a risk naming a resource out of scope */
    cr_assert_null(snapshot_find(r, "resources", "res-old-server"));
    struct collection *rk = &r->c[RC_RISKS];
    core_set_text(&s, session_doc(&s, r), rk, &rk->r[0], rk->def, RISK_RESOURCE,
                  "res-old-server");
    cr_assert_not_null(snapshot_find(r, "resources", "res-old-server"));
    /* a new round from the profile, and a copy, keep theirs too */
    char msg[300];
    size_t i = core_new_round(&s, "2027", idx("2026"), "2026-12-01", msg, sizeof msg);
    cr_assert_neq(i, ROUND_NONE, "%s", msg);
    cr_assert_not_null(snapshot_find(&s.rounds[i]->r, "services", "svc-quality-info"));
}
