/* Unit tests of the core: every edit is counted and logged, "modified"
 * is a comparison of counters, the log re-applies to a reloaded file,
 * the journal writes only what moved, the draft of an open field, and
 * rounds that stay put while the list grows. */
#include <criterion/criterion.h>
#include "diag_expect.h"
#include "core/edits.h"
#include "core/rounds.h"
#include "core/session.h"
#include "model/rules.h"
#include "model/validate.h"
#include "store/journal.h"
#include "store/workspace.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "demo_session.h"

static bool exists(const char *name)
{
    char *p = journal_path(s.dir, name);
    struct stat st;
    bool e = lstat(p, &st) == 0;
    free(p);
    return e;
}

static size_t fi(const struct coll_def *def, const char *key)
{
    int i = field_index(def, key);
    cr_assert(i >= 0, "no field %s", key);
    return (size_t)i;
}

TestSuite(core, .init = open_demo, .fini = close_demo);

Test(core, edits_count_and_modified_is_a_comparison_of_counters)
{
    cr_assert(!session_modified(&s));
    unsigned long gen = s.gen;
    core_set_text(&s, &s.pdoc, NULL, &s.profile.org, &profile_org_def, fi(&profile_org_def, "name"), "X");
    cr_assert_eq(s.pdoc.edits, 1);
    cr_assert_gt(s.gen, gen, "the generation moves with every edit");
    cr_assert(session_modified(&s) && doc_modified(&s.pdoc) && !doc_modified(&s.cdoc));
    cr_assert_eq(s.log.n, 1);
    cr_assert_eq(s.log.v[0].op, CH_SET);
    cr_assert_str_eq(s.log.v[0].file, "profile.cfg");
    char msg[512];
    cr_assert(session_save(&s, msg, sizeof msg), "%s", msg);
    cr_assert(!session_modified(&s), "saved: the counters agree again");
    cr_assert_eq(s.log.n, 0, "the log holds the edits since the last save");
}

Test(core, the_log_reapplies_to_the_file_reloaded_from_disk)
{
    struct collection *sv = &s.profile.c[COLL_SERVICES], *rs = &s.profile.c[COLL_RESOURCES];
    cr_assert_gt(sv->n, 1);
    core_set_text(&s, &s.pdoc, sv, &sv->r[0], sv->def, fi(sv->def, "name"), "Renamed");
    struct record r;
    record_init(&r, sv->def);
    r.id = xstrdup("svc-new");
    core_add(&s, &s.pdoc, sv, &r);
    record_free(&r, sv->def);
    core_move(&s, &s.pdoc, sv, sv->n - 1, 0);
    size_t refs = core_delete(&s, &s.pdoc, rs, 0);
    (void)refs;
    core_set_int(&s, &s.pdoc, NULL, &s.profile.criteria, &profile_criteria_def,
                 fi(&profile_criteria_def, "threshold"), 9);
    cr_assert_eq(s.log.n, 5);
    cr_assert_eq(s.pdoc.edits, 5);

    struct profile disk;
    struct ws_file info = {0};
    struct diag_list dl = {0};
    profile_init(&disk);
    char *path = ws_path(s.dir, "profile.cfg");
    cr_assert_eq(ws_load_profile(path, lib, &disk, &info, &dl), WS_OK);
    cr_assert(!profile_equal(&disk, &s.profile), "the file on disk is as it was");
    struct docset ds = {.profile = &disk};
    for (size_t i = 0; i < s.log.n; i++)
        cr_assert(change_apply(&s.log.v[i], &ds, NULL), "change %zu applies", i);
    cr_assert(profile_equal(&disk, &s.profile), "the file with the changes is what the workbench holds");
    profile_free(&disk);
    free(path);
    free(info.path);
    diag_clear(&dl);
}

Test(core, a_change_to_a_record_gone_on_disk_does_nothing)
{
    struct collection *sv = &s.profile.c[COLL_SERVICES];
    core_set_text(&s, &s.pdoc, sv, &sv->r[0], sv->def, fi(sv->def, "name"), "Renamed");
    struct profile other;
    profile_init(&other);
    struct docset ds = {.profile = &other};
    cr_assert(!change_apply(&s.log.v[0], &ds, NULL));
    profile_free(&other);
}

Test(core, the_journal_is_written_only_when_a_counter_moved)
{
    session_journal(&s, 0, true);
    cr_assert(!exists("profile.cfg"), "nothing edited: nothing journaled");
    core_set_text(&s, &s.pdoc, NULL, &s.profile.org, &profile_org_def, fi(&profile_org_def, "name"), "Y");
    session_journal(&s, 0, true);
    cr_assert(exists("profile.cfg"));
    /* take it away: with no further edit, no work is done to write it again */
    char *p = journal_path(s.dir, "profile.cfg");
    unlink(p);
    session_journal(&s, 0, true);
    cr_assert(!exists("profile.cfg"), "no counter moved: the journal is not touched");
    core_set_text(&s, &s.pdoc, NULL, &s.profile.org, &profile_org_def, fi(&profile_org_def, "name"), "Z");
    session_journal(&s, 0, true);
    cr_assert(exists("profile.cfg"), "an edit: written again");
    free(p);
}

Test(core, the_draft_of_an_open_field_is_journaled_and_dropped)
{
    size_t f = fi(&profile_org_def, "name");
    core_draft_open(&s, &s.pdoc, NULL, &s.profile.org, &profile_org_def, f, "Old");
    cr_assert(!session_draft_pending(&s), "the text as it was is no work in progress");
    core_draft_text(&s, "Half typed");
    cr_assert(session_draft_pending(&s));
    session_journal(&s, 1000, false);
    cr_assert(!exists("draft.cfg"), "typing: the draft waits a moment");
    session_journal(&s, 1000 + DRAFT_DELAY_MS, false);
    cr_assert(exists("draft.cfg"), "but not longer than DRAFT_DELAY_MS");
    core_draft_text(&s, "Half typed more");
    session_journal(&s, 5000, true);
    cr_assert(!session_draft_pending(&s));
    core_draft_close(&s);
    cr_assert(session_draft_pending(&s), "a closed draft must leave the journal");
    session_journal(&s, 6000, false);
    cr_assert(!exists("draft.cfg"));
    cr_assert(!session_modified(&s), "a draft is no edit of the document");
}

Test(core, a_lost_draft_is_offered_and_restored_into_its_field)
{
    char *dir = xstrdup(s.dir);
    size_t f = fi(&profile_org_def, "name");
    core_draft_open(&s, &s.pdoc, NULL, &s.profile.org, &profile_org_def, f, "");
    core_draft_text(&s, "Typed, not entered");
    session_journal(&s, 0, true);
    /* the process is lost: open the folder again (keep the files) */
    s.demo = false;
    lock_release(&s.lock);
    session_close(&s);
    session_open(&s, lib, dir, "again", true);
    cr_assert(s.rec.available && s.rec.has_draft);
    cr_assert(strstr(s.rec.summary, "Name of profile.cfg"), "%s", s.rec.summary);
    session_recover(&s, true);
    cr_assert_str_eq(rec_str(&s.profile.org, ORG_NAME), "Typed, not entered");
    cr_assert(session_modified(&s), "recovered: unsaved until saved");
    free(dir);
}

/* The workbench's opening: the rounds after the first screen, but all at
 * once when the journal holds something, so that its question is on the
 * first screen (a key typed there could answer it unseen otherwise). */
Test(core, the_workbench_loads_the_rounds_later_unless_the_journal_holds_edits)
{
    char *dir = xstrdup(s.dir);
    size_t nr = s.nrounds;
    cr_assert_gt(nr, 0);
    s.demo = false;
    session_close(&s);
    session_open_screen(&s, lib, dir, "again", false);
    cr_assert(s.pending, "no journal: the rounds come after the first screen");
    cr_assert_eq(s.nrounds, 0);
    cr_assert_not(s.rec.available);
    session_open_finish(&s, NULL, NULL);
    cr_assert_eq(s.nrounds, nr);
    /* an unsaved edit of a round goes to the journal; the process is lost */
    struct round_doc *open = s.rounds[nr - 1]; /* the newest: not closed */
    core_set_text(&s, &open->d, NULL, &open->r.head, &round_head_def,
                  fi(&round_head_def, "purpose"), "Journaled purpose");
    cr_assert(session_modified(&s));
    session_journal(&s, 0, true);
    lock_release(&s.lock);
    session_close(&s);
    session_open_screen(&s, lib, dir, "again", false);
    cr_assert_not(s.pending, "a journal: everything before the first screen");
    cr_assert_eq(s.nrounds, nr);
    cr_assert(s.rec.available, "and the offer with it");
    session_recover(&s, false);
    session_close(&s);
    /* the journal was thrown away: later again */
    session_open_screen(&s, lib, dir, "again", true);
    cr_assert(s.pending);
    session_open_finish(&s, NULL, NULL);
    free(dir);
}

/* A lock file naming a kijun on another host: read-only, and the reason
 * says what to do once that kijun is gone. */
Test(core, a_lock_of_another_host_says_to_remove_it_when_that_kijun_is_gone)
{
    char *dir = xstrdup(s.dir);
    s.demo = false;
    session_close(&s);
    char *lp = ws_path(dir, ".kijun.lock");
    FILE *f = fopen(lp, "w");
    cr_assert_not_null(f);
    fprintf(f, "user=bob\nhost=other-host.example\npid=1\nsince=1700000000\n");
    fclose(f);
    session_open(&s, lib, dir, "again", false);
    cr_assert(s.read_only);
    cr_assert_not_null(strstr(s.why_read_only, "other-host.example"), "%s", s.why_read_only);
    cr_assert_not_null(strstr(s.why_read_only, "remove the file if it does not"), "%s", s.why_read_only);
    s.demo = true; /* removed when closed */
    unlink(lp);
    free(lp);
    free(dir);
}

/* Text typed into a round's field, the process lost, and the round's
 * file moved away: the question says so, y says the text with nowhere
 * to go (it is not lost in silence), and it is not asked again. */
Test(core, a_draft_whose_file_is_gone_is_said_not_restored_in_silence)
{
    char *dir = xstrdup(s.dir);
    struct round_doc *rd = s.rounds[s.nrounds - 1];
    char name[80];
    snprintf(name, sizeof name, "%s", rd->d.name);
    core_draft_open(&s, &rd->d, NULL, &rd->r.head, &round_head_def, fi(&round_head_def, "purpose"), "");
    core_draft_text(&s, "Typed, then the file went");
    session_journal(&s, 0, true);
    s.demo = false;
    lock_release(&s.lock);
    session_close(&s);
    char *from = ws_path(dir, name), *to = ws_path(dir, "moved-away.cfg");
    cr_assert_eq(rename(from, to), 0);
    session_open(&s, lib, dir, "again", false);
    cr_assert(s.rec.available);
    cr_assert_not_null(strstr(s.rec.summary, "Purpose of assessments/"), "the field by its label: %s", s.rec.summary);
    cr_assert_not_null(strstr(s.rec.summary, "(its file is gone)"), "%s", s.rec.summary);
    session_recover(&s, true);
    cr_assert_not_null(strstr(s.recovery_note, "Typed, then the file went"), "%s", s.recovery_note);
    cr_assert_not_null(strstr(s.recovery_note, "typed into Purpose of"), "%s", s.recovery_note);
    session_close(&s);
    session_open(&s, lib, dir, "again", true);
    cr_assert_not(s.rec.available, "not offered again: %s", s.rec.summary);
    free(from);
    free(to);
    free(dir);
}

Test(core, rounds_stay_put_while_the_list_grows)
{
    cr_assert_gt(s.nrounds, 0);
    const struct round *first = &s.rounds[0]->r;
    char msg[256];
    for (int i = 0; i < 40; i++) {
        char name[16];
        snprintf(name, sizeof name, "c%d", i);
        size_t from = (size_t)i % s.nrounds;
        size_t k = core_new_round(&s, name, from, "2026-11-25", msg, sizeof msg);
        cr_assert_neq(k, ROUND_NONE, "%s", msg);
        cr_assert_str_eq(rec_str(&s.rounds[k]->r.head, HEAD_PREVIOUS),
                         s.rounds[from]->r.name);
    }
    cr_assert_eq(&s.rounds[0]->r, first, "a round is never moved by adding others");
    cr_assert(session_modified(&s), "new rounds are unsaved");
    cr_assert_eq(core_new_round(&s, "c3", 0, "2026-11-25", msg, sizeof msg), ROUND_NONE);
    cr_assert_eq(core_new_round(&s, "../x", 0, "2026-11-25", msg, sizeof msg), ROUND_NONE);
}

Test(core, a_service_in_scope_brings_its_resources)
{
    struct round *r = &s.rounds[s.nrounds - 1]->r;
    struct strlist none = {0};
    size_t fs = fi(&round_head_def, "services"), fr = fi(&round_head_def, "resources");
    core_set_list(&s, session_doc(&s, r), NULL, &r->head, &round_head_def, fs, &none);
    core_set_list(&s, session_doc(&s, r), NULL, &r->head, &round_head_def, fr, &none);
    const char *sid = s.profile.c[COLL_SERVICES].r[0].id;
    struct strlist want = {0};
    size_t n = service_resources(&s.profile, sid, &want);
    cr_assert_gt(n, 0, "the demo's first service uses resources");
    cr_assert_eq(core_scope_service(&s, r, sid, true), n);
    cr_assert_eq(r->head.v[fr].list.n, n);
    cr_assert_eq(core_scope_service(&s, r, sid, true), 0, "in scope already: nothing more");
    core_scope_service(&s, r, sid, false);
    cr_assert(!strlist_has(&r->head.v[fs].list, sid));
    cr_assert_eq(r->head.v[fr].list.n, n, "its resources stay until taken out");
    core_scope_resource(&s, r, want.v[0], false);
    cr_assert_eq(r->head.v[fr].list.n, n - 1);
    strlist_free(&want);
}

Test(core, the_scopings_new_resource_is_used_by_the_operation_and_in_scope)
{
    struct round *r = &s.rounds[s.nrounds - 1]->r;
    const struct collection *rs = &s.profile.c[COLL_RESOURCES];
    const char *op = s.profile.c[COLL_OPERATIONS].r[0].id;
    size_t n = rs->n, fr = fi(&round_head_def, "resources");
    unsigned long gen = s.gen;
    size_t at = core_scope_new_resource(&s, r, "Spare PLC", op);
    cr_assert_eq(at, n, "added at the end of the profile's resources");
    cr_assert_eq(rs->n, n + 1);
    const struct record *x = &rs->r[at];
    cr_assert_str_eq(rec_str(x, RES_NAME), "Spare PLC");
    cr_assert(strlist_has(&x->v[RES_OPERATIONS].list, op), "used by the operation");
    cr_assert(strlist_has(&r->head.v[fr].list, x->id), "in the round's scope");
    cr_assert_gt(s.gen, gen, "edits, counted as any other");
    cr_assert(session_modified(&s));
    /* with no operation: in the profile and in scope, used by none */
    at = core_scope_new_resource(&s, r, "Spare radio", NULL);
    cr_assert_eq(rs->r[at].v[RES_OPERATIONS].list.n, 0);
    cr_assert(strlist_has(&r->head.v[fr].list, rs->r[at].id));
    cr_assert_str_neq(rs->r[at].id, rs->r[n].id, "a fresh id each");
}

Test(core, choosing_accept_records_the_date_and_the_value)
{
    struct round *r = &s.rounds[s.nrounds - 1]->r;
    struct collection *c = &r->c[RC_RISKS];
    const struct coll_def *def = c->def;
    size_t i = 0;
    core_clear(&s, session_doc(&s, r), c, &c->r[i], def, fi(def, "accepted_on"));
    core_set_text(&s, session_doc(&s, r), c, &c->r[i], def, fi(def, "decision"), "accept");
    struct acceptance a = core_risk_decided(&s, r, i, "2026-11-25");
    cr_assert(a.records && a.set_date);
    cr_assert_str_eq(rec_str(&c->r[i], RISK_ACCEPTED_ON), "2026-11-25");
    cr_assert_eq(rec_int(&c->r[i], RISK_ACCEPTED_VALUE, -1), risk_residual(r, &c->r[i]));
    a = core_risk_decided(&s, r, i, "2027-01-01");
    cr_assert(!a.set_date, "an acceptance keeps its date");
    cr_assert_str_eq(rec_str(&c->r[i], RISK_ACCEPTED_ON), "2026-11-25");
    core_set_text(&s, session_doc(&s, r), c, &c->r[i], def, fi(def, "decision"), "mitigate");
    cr_assert(!core_risk_decided(&s, r, i, "2027-01-01").records, "mitigate records nothing");
}

Test(rules, a_copy_carries_the_register_and_starts_approvals_afresh)
{
    struct round src, copy;
    round_init(&src, "2026");
    struct record risk, so;
    record_init(&risk, round_coll_defs[RC_RISKS]);
    risk.id = xstrdup("risk-1");
    coll_add(&src.c[RC_RISKS], &risk);
    record_init(&so, round_coll_defs[RC_SIGNOFFS]);
    so.id = xstrdup("prep");
    coll_add(&src.c[RC_SIGNOFFS], &so);
    struct value *nr = &src.head.v[HEAD_NEXT_REVIEW];
    nr->s = xstrdup("2027-06-01");
    nr->set = true;
    round_start_copy(&copy, "2027", &src, "2026-12-01");
    cr_assert_str_eq(copy.name, "2027");
    cr_assert_eq(copy.c[RC_RISKS].n, 1, "the risks carry over");
    cr_assert_eq(copy.c[RC_SIGNOFFS].n, 0, "sign-offs start afresh");
    cr_assert_eq(copy.c[RC_REVIEWS].n, 0, "so does the review log");
    cr_assert_str_eq(rec_str(&copy.head, HEAD_PREVIOUS), "2026");
    cr_assert_str_eq(rec_str(&copy.head, HEAD_DATE), "2026-12-01");
    cr_assert_str_eq(rec_str(&copy.head, HEAD_NEXT_REVIEW), "");
    round_free(&src);
    round_free(&copy);
}

Test(core, the_rounds_array_for_the_rules_follows_every_edit)
{
    const struct round *flat = session_rounds_flat(&s);
    cr_assert_eq(flat, session_rounds_flat(&s), "no edit: the same array, nothing rebuilt");
    struct checks c = {0};
    round_validate(flat, s.nrounds, s.nrounds - 1, &s.profile, lib, "2026-11-25", &c);
    cr_assert_gt(c.n, 0);
    checks_free(&c);
    struct round *r = &s.rounds[s.nrounds - 1]->r;
    struct record risk;
    record_init(&risk, round_coll_defs[RC_RISKS]);
    risk.id = xstrdup("risk-new");
    core_add(&s, session_doc(&s, r), &r->c[RC_RISKS], &risk);
    record_free(&risk, round_coll_defs[RC_RISKS]);
    flat = session_rounds_flat(&s);
    cr_assert_eq(flat[s.nrounds - 1].c[RC_RISKS].n, r->c[RC_RISKS].n, "an edit: the array shows it");
    cr_assert_not_null(coll_find(&flat[s.nrounds - 1].c[RC_RISKS], "risk-new"));
}

Test(core, setting_a_field_to_the_value_it_has_is_no_edit)
{
    size_t f = fi(&profile_org_def, "name");
    const char *name = rec_str(&s.profile.org, ORG_NAME);
    char *same = xstrdup(name);
    core_set_text(&s, &s.pdoc, NULL, &s.profile.org, &profile_org_def, f, same);
    cr_assert_eq(s.pdoc.edits, 0, "Enter on an unchanged field changes nothing");
    cr_assert(!session_modified(&s));
    cr_assert_eq(s.log.n, 0);
    free(same);
}

static size_t count_findings_with(struct session *ss, const char *needle)
{
    struct findings f = {0};
    session_findings(ss, &f);
    size_t n = 0;
    for (size_t i = 0; i < f.n; i++) {
        bool hit = strstr(f.v[i].text, needle) != NULL;
        if (hit)
            cr_log_info("%s:%d: %s", f.v[i].file, f.v[i].line, f.v[i].text);
        n += hit;
    }
    findings_free(&f);
    return n;
}

Test(core, a_signoff_goes_stale_when_its_step_changes_and_an_edit_renews_it)
{
    struct round *r = &s.rounds[s.nrounds - 1]->r;
    struct doc *d = session_doc(&s, r);
    struct collection *so = &r->c[RC_SIGNOFFS];
    while (so->n)
        core_delete(&s, d, so, 0);
    struct record x;
    record_init(&x, so->def);
    x.id = xstrdup("prep");
    size_t i = core_add(&s, d, so, &x);
    record_free(&x, so->def);
    cr_assert(*rec_str(&so->r[i], SO_DIGEST), "a new sign-off records its step's digest");
    cr_assert(!signoff_stale(r, &so->r[i]));
    cr_assert_eq(count_findings_with(&s, "is stale"), 0);
    /* the preparation changes: the sign-off no longer vouches for it */
    core_set_text(&s, d, NULL, &r->head, &round_head_def, fi(&round_head_def, "purpose"), "Another purpose");
    cr_assert(signoff_stale(r, &so->r[0]));
    cr_assert_eq(count_findings_with(&s, "is stale"), 1, "kijun check and the workbench say so");
    /* a change elsewhere (the review log's dates) does not touch it */
    /* the reviewer renews it */
    core_set_text(&s, d, so, &so->r[0], so->def, fi(so->def, "date"), "2026-11-30");
    cr_assert(!signoff_stale(r, &so->r[0]), "editing the sign-off renews it");
    cr_assert_eq(count_findings_with(&s, "is stale"), 0);
}

Test(core, an_acceptance_carried_by_a_copy_asks_to_be_confirmed)
{
    size_t src = s.nrounds - 1;
    struct round *from = &s.rounds[src]->r;
    struct collection *rk = &from->c[RC_RISKS];
    size_t k = 0;
    while (k < rk->n && strcmp(rec_str(&rk->r[k], RISK_DECISION), "accept") != 0)
        k++;
    cr_assert_lt(k, rk->n, "the demo's round has an accepted risk");
    char msg[256];
    size_t ci = core_new_round(&s, "copy", src, "2026-12-01", msg, sizeof msg);
    struct round *c = &s.rounds[ci]->r;
    const struct record *x = coll_find(&c->c[RC_RISKS], rk->r[k].id);
    cr_assert(risk_acceptance_carried(c, x), "the copy's acceptance was made in the source");
    cr_assert_gt(count_findings_with(&s, "confirm the acceptance in this round"), 0);
    size_t xi = (size_t)(x - c->c[RC_RISKS].r);
    struct acceptance a = core_risk_decided(&s, c, xi, "2026-12-01");
    cr_assert(a.set_date, "confirming dates the acceptance today");
    x = &c->c[RC_RISKS].r[xi];
    cr_assert_str_eq(rec_str(x, RISK_ACCEPTED_ON), "2026-12-01");
    cr_assert_str_eq(rec_str(x, RISK_ACCEPTED_ROUND), "copy");
    cr_assert(!risk_acceptance_carried(c, x));
}

Test(core, an_acceptance_goes_stale_when_the_residual_value_changes)
{
    struct round *r = &s.rounds[s.nrounds - 1]->r;
    struct collection *rk = &r->c[RC_RISKS];
    const struct coll_def *def = rk->def;
    struct doc *d = session_doc(&s, r);
    core_set_text(&s, d, rk, &rk->r[0], def, fi(def, "decision"), "accept");
    core_risk_decided(&s, r, 0, "2026-11-25");
    cr_assert(!risk_acceptance_stale(r, &rk->r[0]));
    long long l = rec_int(&rk->r[0], RISK_LIKELIHOOD, 1);
    core_set_int(&s, d, rk, &rk->r[0], def, fi(def, "likelihood"), l > 1 ? l - 1 : l + 1);
    cr_assert(risk_acceptance_stale(r, &rk->r[0]));
    cr_assert_gt(count_findings_with(&s, "the acceptance is stale"), 0);
}

Test(core, a_renamed_round_keeps_its_acceptances_its_own)
{
    size_t i = s.nrounds - 1;
    char msg[256];
    cr_assert_eq(count_findings_with(&s, "confirm the acceptance"), 0);
    cr_assert_neq(core_rename_round(&s, i, "fy2026", msg, sizeof msg), ROUND_NONE, "%s", msg);
    cr_assert_eq(count_findings_with(&s, "confirm the acceptance"), 0,
                 "acceptances made in the round follow its new name");
}
