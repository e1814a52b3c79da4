/* retire: rounds whose file goes when the workspace is saved (a round
 * deleted, or the old name of a renamed one). Saving moves NAME.cfg to
 * NAME.cfg~, the backup, and deletes nothing; until then the list of
 * such names is pending, and the journal keeps it in
 * .kijun-recovery/rounds.cfg so that a kill -9 loses it no more than an
 * edit. */
#ifndef KIJUN_RETIRE_H
#define KIJUN_RETIRE_H
#include "model/record.h"
#include "util/diag.h"
#include <stdbool.h>

#define RETIRE_JOURNAL "rounds.cfg"

/* Move assessments/NAME.cfg of workspace ws to NAME.cfg~ (replacing an
 * older backup). A file that is not there is no error; a link or what
 * is no regular file is refused. */
bool ws_retire_round(const char *ws, const char *name, struct diag_list *dl);
/* Whether assessments/NAME.cfg~ may take the file: nothing there, or a
 * regular file; a link (or anything else) is refused in dl, so that the
 * save stops before it writes anything. */
bool ws_retire_backup_ok(const char *ws, const char *name, struct diag_list *dl);
/* Keep the names in the journal (none: drop its copy). */
bool retire_journal_put(const char *ws, const struct strlist *names, struct diag_list *dl);
/* The names a lost session had pending; false when there are none. */
bool retire_journal_get(const char *ws, struct strlist *out);
#endif
