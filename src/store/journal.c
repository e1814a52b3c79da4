/* journal: the recovery copy of unsaved edits. */
#include "config.h"
#include "util/i18n.h"
#include "store/journal.h"
#include "store/atomic.h"
#include "store/workspace.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *journal_path(const char *ws, const char *name)
{
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "%s/%s/%s", ws, JOURNAL_DIR, name);
    return sb_take(&sb);
}

bool journal_put(const char *ws, const char *name, const char *text, struct diag_list *dl)
{
    char *dir = ws_path(ws, JOURNAL_DIR);
    char *sub = ws_path(dir, "assessments");
    bool ok = (mkdir(dir, 0700) == 0 || errno == EEXIST) && (mkdir(sub, 0700) == 0 || errno == EEXIST);
    free(sub);
    free(dir);
    if (!ok) {
        diag_add(dl, DIAG_ERROR, ws, 0, _("cannot keep a recovery copy: %s"), strerror(errno));
        return false;
    }
    char *path = journal_path(ws, name);
    /* the recovery copy needs no backup of itself */
    ok = atomic_save(path, text, strlen(text), dl) != ATOMIC_FAILED;
    char *backup = xmalloc(strlen(path) + 2);
    strcpy(backup, path);
    strcat(backup, "~");
    unlink(backup);
    free(backup);
    free(path);
    return ok;
}

void journal_drop(const char *ws, const char *name)
{
    char *path = journal_path(ws, name);
    unlink(path);
    free(path);
}

void journal_clear(const char *ws)
{
    char *dir = ws_path(ws, JOURNAL_DIR);
    ws_remove_tree(dir);
    free(dir);
}
