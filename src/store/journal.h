/* journal: the recovery copy of unsaved edits. After every change the
 * workbench writes the files that differ from disk, as they would be
 * saved, into .kijun-recovery/ in the workspace (atomically, 0600), so
 * that a lost SSH connection, a kill or a crash loses nothing; the next
 * start offers them back. Nothing in it is reached through a symbolic
 * link: a .kijun-recovery (or its assessments/) that is one is refused,
 * never written through nor emptied. */
#ifndef KIJUN_JOURNAL_H
#define KIJUN_JOURNAL_H
#include "store/stamp.h"
#include "util/diag.h"
#include <stdbool.h>

#define JOURNAL_DIR ".kijun-recovery"

/* The journal path of a workspace file ("profile.cfg",
 * "assessments/2026.cfg"). New string. */
char *journal_path(const char *ws, const char *name);
/* Keep text as the journal copy of name. */
bool journal_put(const char *ws, const char *name, const char *text, struct diag_list *dl);
/* Keep beside the copy of name what the file on disk was when the copy's
 * edits began (NAME.base, libconfig as every file of kijun's:
 * base = "sha256:HEX"; or base = "none"; when there was no file),
 * so that the next start can tell whether another program changed it
 * since. */
bool journal_put_base(const char *ws, const char *name, const struct file_stamp *was,
                      struct diag_list *dl);
/* Whether the file on disk (now) is no longer the one the copy's edits
 * began on: 1 changed, 0 the same, -1 unknown (no base kept). */
int journal_base_changed(const char *ws, const char *name, const struct file_stamp *now);
/* Forget the copy of name (it equals the file on disk again). */
void journal_drop(const char *ws, const char *name);
/* Whether the journal may hold something: a file in it, or in its
 * assessments/; also when it cannot be looked into (a link, no folder),
 * so that the full opening of the workspace says what is wrong. */
bool journal_holds_any(const char *ws);
/* Forget everything (after a save, or when the user declines recovery).
 * A .kijun-recovery that is a symbolic link or no folder is left alone. */
void journal_clear(const char *ws);
/* The same; false with a diagnostic naming what was refused. */
bool journal_clear_checked(const char *ws, struct diag_list *dl);
#endif
