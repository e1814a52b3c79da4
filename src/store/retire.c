/* retire: a round's file moved to its backup on save; the journal's list. */
#include "config.h"
#include "store/retire.h"
#include "store/cfgfile.h"
#include "store/journal.h"
#include "store/safefs.h"
#include "store/workspace.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define RETIRE_MAX (1024 * 1024)

bool ws_retire_round(const char *ws, const char *name, struct diag_list *dl)
{
    if (!ws_round_name_valid(name))
        return false;
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "%s/assessments/%s.cfg", ws, name);
    struct safefs_err e = {0};
    const char *leaf;
    int dfd = safefs_open_parent(sb_str(&sb), &leaf, &e);
    bool ok = dfd >= 0;
    if (!ok) {
        ok = e.err == ENOENT;
        if (!ok)
            safefs_report(dl, &e, sb_str(&sb), _("cannot move the round to its backup"));
    } else {
        struct stat st;
        char backup[80];
        snprintf(backup, sizeof backup, "%s~", leaf);
        if (safefs_lstat(dfd, leaf, &st) != 0) {
            ok = errno == ENOENT;
        } else if (!S_ISREG(st.st_mode)) {
            /* only a file kijun would write: never a link */
            safefs_err_set(&e, dfd, leaf, sb_str(&sb), S_ISLNK(st.st_mode) ? ELOOP : EINVAL);
            safefs_report(dl, &e, sb_str(&sb), _("cannot move the round to its backup"));
            ok = false;
        } else if (renameat(dfd, leaf, dfd, backup) != 0) {
            diag_add(dl, DIAG_ERROR, sb_str(&sb), 0, _("cannot move the round to its backup: %s"),
                     strerror(errno));
            ok = false;
        } else {
            fsync(dfd);
        }
        close(dfd);
    }
    safefs_err_free(&e);
    sb_free(&sb);
    return ok;
}

bool ws_retire_backup_ok(const char *ws, const char *name, struct diag_list *dl)
{
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "%s/assessments/%s.cfg~", ws, name);
    struct safefs_err e = {0};
    const char *leaf;
    int dfd = safefs_open_parent(sb_str(&sb), &leaf, &e);
    bool ok = dfd < 0 ? e.err == ENOENT : true;
    if (dfd < 0 && !ok)
        safefs_report(dl, &e, sb_str(&sb), _("cannot move the round to its backup"));
    if (dfd >= 0) {
        struct stat st;
        if (safefs_lstat(dfd, leaf, &st) == 0 && !S_ISREG(st.st_mode)) {
            diag_add(dl, DIAG_ERROR, sb_str(&sb), 0, _("cannot move the round to its backup: %s is %s (refused)"),
                     leaf, S_ISLNK(st.st_mode) ? _("a symbolic link") : _("no regular file"));
            ok = false;
        }
        close(dfd);
    }
    safefs_err_free(&e);
    sb_free(&sb);
    return ok;
}

bool retire_journal_put(const char *ws, const struct strlist *names, struct diag_list *dl)
{
    if (!names->n) {
        journal_drop(ws, RETIRE_JOURNAL);
        return true;
    }
    struct strbuf sb = STRBUF_INIT;
    sb_adds(&sb, "# kijun: rounds deleted or renamed, their files to move to NAME.cfg~ on save\nretire = [");
    for (size_t i = 0; i < names->n; i++) {
        sb_adds(&sb, i ? ", " : " ");
        ws_put_string(&sb, names->v[i]);
    }
    sb_adds(&sb, " ];\n");
    bool ok = journal_put(ws, RETIRE_JOURNAL, sb_str(&sb), dl);
    sb_free(&sb);
    return ok;
}

bool retire_journal_get(const char *ws, struct strlist *out)
{
    memset(out, 0, sizeof *out);
    char *path = journal_path(ws, RETIRE_JOURNAL);
    struct diag_list dl = {0};
    config_t cfg;
    bool ok = cfg_read_nofollow(path, RETIRE_JOURNAL, RETIRE_MAX, &cfg, NULL, &dl);
    free(path);
    diag_clear(&dl);
    if (!ok)
        return false;
    config_setting_t *l = config_lookup(&cfg, "retire");
    for (int i = 0; l && config_setting_is_array(l) && i < config_setting_length(l); i++) {
        const char *s = config_setting_get_string_elem(l, i);
        if (s && ws_round_name_valid(s) && !strlist_has(out, s))
            strlist_add(out, s);
    }
    config_destroy(&cfg);
    return out->n > 0;
}
