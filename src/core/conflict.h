/* conflict: another writer. Each document remembers its file as loaded
 * or last saved (store/stamp.h: identity and SHA-256). Before a journal
 * write the identity is compared (one fstatat), before a save also the
 * hash; a file changed by another program (an editor, git pull, a sync
 * tool), deleted, or in a workspace folder re-created at the same path
 * is not written over: the user chooses to reload it (and redo the
 * session's own unsaved changes of it from the log), to overwrite it
 * (the other version kept as FILE~), or to save beside it
 * (FILE.mine-YYYYMMDD-HHMMSS.cfg, 0600; the edits stay unsaved). */
#ifndef KIJUN_CONFLICT_H
#define KIJUN_CONFLICT_H
#include "core/session.h"
#include <stdbool.h>
#include <stddef.h>

/* Has d's file changed since its stamp? By identity (and the folder's),
 * and with `hash` also by content. Sets d->conflict when it has; the
 * first time also s->conflict_notice (its name; the screen says it with
 * the keys in force). */
bool conflict_check(struct session *s, struct doc *d, bool hash);
/* The first modified document whose file changed (identity and hash),
 * or NULL. */
struct doc *conflict_find(struct session *s);
/* What a save says when d's file changed: the file, and that nothing was
 * written; no keys: the screen asks with the keys of its action table
 * (reload, overwrite, beside, cancel, explain: conflict_reload,
 * conflict_overwrite, conflict_beside below) and explains them. */
void conflict_question(const struct session *s, const struct doc *d, char *msg, size_t size);

/* r: read d's file again and apply the session's unsaved changes of d
 * (s->log) to it; *applied and *failed (whose record is gone on disk,
 * dropped from the log) say how many. A file deleted meanwhile reloads
 * as an empty document. False, nothing changed, when the file cannot be
 * read (msg says why). The document stays modified. */
/* Why d cannot be reloaded (the screen says it with the keys in force). */
enum conflict_refusal { REFUSE_NONE, REFUSE_NEW_HERE, REFUSE_JOURNAL_WHOLE, REFUSE_REMOVED };
enum conflict_refusal conflict_reload_refusal(const struct session *s, const struct doc *d);
bool conflict_reload(struct session *s, struct doc *d, size_t *applied, size_t *failed,
                     char *msg, size_t size);
/* o: save d over the file (the previous one kept as FILE~). */
bool conflict_overwrite(struct session *s, struct doc *d, char *msg, size_t size);
/* b: write d as it is in the session to FILE.mine-YYYYMMDD-HHMMSS.cfg
 * beside the file (mode 0600, never replacing one); d stays unsaved and
 * in conflict. name (may be NULL) gets the workspace-relative name. */
bool conflict_beside(struct session *s, struct doc *d, char *name, size_t namesize,
                     char *msg, size_t size);
/* The name of the copy beside: "profile.mine-20261201-094500.cfg". */
void conflict_beside_name(const char *docname, const struct tm *tm, int seq, char *out, size_t size);
#endif
