/* rounds: the edits of an assessment round that carry a Handbook rule
 * with them (model/rules.h): a new round or a copy, a service put into
 * scope with its resources, a decision that records an acceptance. */
#ifndef KIJUN_ROUNDS_H
#define KIJUN_ROUNDS_H
#include "core/session.h"
#include "model/rules.h"

#define ROUND_NONE ((size_t)-1)

/* A new round `name`: a copy of round `from`, or ROUND_NONE for one made
 * from the profile's criteria, dated today. Returns its index, or
 * ROUND_NONE with a message (a bad or used name). */
size_t core_new_round(struct session *s, const char *name, size_t from, const char *today,
                      char *msg, size_t size);
/* Put a priority service in scope with the resources it brings (returns
 * how many came), or take it out (its resources stay). */
size_t core_scope_service(struct session *s, struct round *r, const char *service_id, bool in);
/* Put a resource in or out of scope. */
void core_scope_resource(struct session *s, struct round *r, const char *resource_id, bool in);
/* The scoping's new resource: added to the profile named name, used by
 * the operation operation_id (NULL: none), and in round r's scope; edits
 * of the profile and of the round like any other. Returns its index in
 * the profile's resources, or (size_t)-1 (nothing added). */
size_t core_scope_new_resource(struct session *s, struct round *r, const char *name,
                               const char *operation_id);
/* After risk i's decision was chosen: what an acceptance records (today,
 * the residual value). Returns the acceptance it recorded. */
struct acceptance core_risk_decided(struct session *s, struct round *r, size_t i, const char *today);
/* A round whose five steps are signed off (round_closes) is closed: a
 * closing is added, dated today, a named change as any other. Called
 * after edits (the workbench, when a form is left) and before a save;
 * cheap when the round did not change since. Returns whether it closed
 * now. */
bool core_round_settle(struct session *s, struct round *r, const char *today);
/* Reopen the closed round r: by (who) and why are required, dated
 * today; a named change, saved and journaled as others. False, with
 * a message, when r is not closed or by or why is empty. */
bool core_reopen_round(struct session *s, struct round *r, const char *by, const char *why,
                       const char *today, char *msg, size_t size);

/* The rounds that refer to entry `id` of the profile collection
 * coll_key: how many, and their names ("2025, 2026") in names. */
size_t session_rounds_using(const struct session *s, const char *coll_key, const char *id,
                            char *names, size_t size);

/* Rename round i to `name` (checked as core_new_round checks it; a
 * closed round, or a round a closed round names, is not renamed). The
 * round is written under the new name on save and its old file moved to
 * OLD.cfg~; `previous` in the other rounds that named it follows (an
 * edit of each). Returns i, or ROUND_NONE with a message. */
size_t core_rename_round(struct session *s, size_t i, const char *name, char *msg, size_t size);
/* Whether round i may be renamed now (not closed, nor named by a closed
 * round); false with the reason in msg. */
bool core_round_renamable(const struct session *s, size_t i, char *msg, size_t size);
/* Delete round i: on save its file is moved to NAME.cfg~ (nothing else
 * is deleted). The rounds after it move up one place. */
void core_delete_round(struct session *s, size_t i, char *msg, size_t size);
/* The rounds other than i whose `previous` names round i: how many, and
 * their names in names. */
size_t session_rounds_after(const struct session *s, size_t i, char *names, size_t size);

/* The session's side of renames and deletes (session.c calls them): the
 * journal's list (rounds.cfg), finding and taking it back after a lost
 * session, and moving the files on save. */
void retire_journal(struct session *s, struct diag_list *dl);
void retire_find(struct session *s);
void retire_recover(struct session *s);
bool retire_save(struct session *s, bool *unchanged);
/* Before a save writes anything: each retired round's file may move to
 * its backup (no link there) and is as kijun read it; false with why in
 * msg (another program's change is said once: s again goes on). */
bool retire_precheck(struct session *s, char *msg, size_t size);
/* A round whose file could not be read (the session is read-only): true,
 * with why = "assessments/NAME.cfg:LINE: the reader's first error", so
 * that no screen shows it as an empty round. */
bool session_round_unreadable(const struct session *s, const struct round *r, char *why, size_t size);
/* The same for profile.cfg: true, with why = "profile.cfg:LINE: ...",
 * when it could not be read, so that no screen shows an empty profile. */
bool session_profile_unreadable(const struct session *s, char *why, size_t size);
#endif
