/* journal: the recovery copy of unsaved edits. */
#include "config.h"
#include "util/i18n.h"
#include "store/journal.h"
#include "store/atomic.h"
#include "store/cfgfile.h"
#include "store/safefs.h"
#include "store/workspace.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
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
    if (strlen(text) > WORKSPACE_MAX_FILE) {
        /* a copy the next start could not read back is no copy */
        diag_add(dl, DIAG_ERROR, ws, 0,
                 _("cannot keep a recovery copy of %s: it is %zu bytes, over the limit of %d "
                   "bytes that kijun reads"), name, strlen(text), WORKSPACE_MAX_FILE);
        return false;
    }
    char *dir = ws_path(ws, JOURNAL_DIR);
    char *sub = ws_path(dir, "assessments");
    struct safefs_err e = {0};
    /* neither folder may be a link: the journal is written only where kijun made it */
    bool ok = safefs_mkdir(dir, 0700, &e) && safefs_mkdir(sub, 0700, &e);
    if (!ok)
        safefs_report(dl, &e, dir, _("cannot keep a recovery copy"));
    safefs_err_free(&e);
    free(sub);
    free(dir);
    if (!ok)
        return false;
    char *path = journal_path(ws, name);
    /* the recovery copy needs no backup of itself */
    ok = atomic_save_flags(path, text, strlen(text), ATOMIC_NO_BACKUP, dl) != ATOMIC_FAILED;
    free(path);
    return ok;
}

static char *base_name(const char *name)
{
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "%s.base", name);
    return sb_take(&sb);
}

bool journal_put_base(const char *ws, const char *name, const struct file_stamp *was,
                      struct diag_list *dl)
{
    struct strbuf sb = STRBUF_INIT;
    if (was->exists && was->hashed) {
        char hex[2 * SHA256_BYTES + 1];
        sha256_hex(was->sha, hex);
        sb_printf(&sb, "base = \"sha256:%s\";\n", hex);
    } else {
        sb_adds(&sb, "base = \"none\";\n");
    }
    char *bn = base_name(name);
    bool ok = journal_put(ws, bn, sb_str(&sb), dl);
    free(bn);
    sb_free(&sb);
    return ok;
}

int journal_base_changed(const char *ws, const char *name, const struct file_stamp *now)
{
    char *bn = base_name(name), *path = journal_path(ws, bn), *text = NULL;
    size_t len;
    struct diag_list dl = {0};
    int r = -1;
    if (file_read_nofollow(path, path, 200, &text, &len, &dl)) {
        char hex[2 * SHA256_BYTES + 1] = "";
        if (now->exists && now->hashed)
            sha256_hex(now->sha, hex);
        static const char pre[] = "base = \"sha256:";
        size_t np = sizeof pre - 1;
        if (strcmp(text, "base = \"none\";\n") == 0)
            r = now->exists;
        else if (strncmp(text, pre, np) == 0 && len == np + 2 * SHA256_BYTES + 3)
            r = !*hex || strncmp(text + np, hex, 2 * SHA256_BYTES) != 0;
    }
    diag_clear(&dl);
    free(text);
    free(path);
    free(bn);
    return r;
}

static void drop_one(const char *ws, const char *name)
{
    char *path = journal_path(ws, name);
    struct safefs_err e = {0};
    const char *leaf;
    int dfd = safefs_open_parent(path, &leaf, &e);
    if (dfd >= 0) {
        struct stat st;
        /* only a file kijun wrote: never a link (nor what it points to) */
        if (safefs_lstat(dfd, leaf, &st) == 0 && S_ISREG(st.st_mode))
            unlinkat(dfd, leaf, 0);
        close(dfd);
    }
    safefs_err_free(&e);
    free(path);
}

void journal_drop(const char *ws, const char *name)
{
    char *bn = base_name(name);
    drop_one(ws, name);
    drop_one(ws, bn);
    free(bn);
}

/* Whether the folder dfd holds an entry; "assessments" counts when
 * it holds one itself (depth 0 only). */
static bool holds_any(int dfd, bool top)
{
    DIR *d = fdopendir(dfd);
    if (!d) {
        close(dfd);
        return true;
    }
    bool any = false;
    struct dirent *e;
    while (!any && (e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (top && strcmp(e->d_name, "assessments") == 0) {
            int sub = openat(dirfd(d), e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            any = sub < 0 || holds_any(sub, false);
            continue;
        }
        any = true;
    }
    closedir(d);
    return any;
}

bool journal_holds_any(const char *ws)
{
    char *dir = ws_path(ws, JOURNAL_DIR);
    struct safefs_err e = {0};
    int fd = safefs_open_dir(dir, &e);
    bool any = fd >= 0 ? holds_any(fd, true) : e.err != ENOENT;
    safefs_err_free(&e);
    free(dir);
    return any;
}

bool journal_clear_checked(const char *ws, struct diag_list *dl)
{
    char *dir = ws_path(ws, JOURNAL_DIR);
    bool ok = ws_remove_tree_checked(dir, dl);
    free(dir);
    return ok;
}

void journal_clear(const char *ws)
{
    struct diag_list dl = {0};
    journal_clear_checked(ws, &dl);
    diag_clear(&dl);
}
