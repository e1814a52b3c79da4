/* libuser: the user's library: editions, sector standards and internal
 * rules in files of the Guideline's format (data/README), found in
 * $XDG_DATA_HOME/kijun/library/ (default ~/.local/share/kijun/library/)
 * and in a workspace's library/ folder. Each file is checked alone and
 * against what is loaded; one that cannot be used is skipped with its
 * findings (FILE:LINE), and the rest still loads. */
#ifndef KIJUN_LIBUSER_H
#define KIJUN_LIBUSER_H
#include "model/library.h"
#include "util/diag.h"
#include <stdbool.h>

/* More *.cfg files than this in one folder: the rest are not read. */
#define USERLIB_MAX_FILES 256
/* User editions sort after the shipped ones, by their own `order`. */
#define USERLIB_ORDER_BASE 3000000

/* $XDG_DATA_HOME/kijun/library, else $HOME/.local/share/kijun/library;
 * NULL when neither variable is set. New string. */
char *userlib_dir(void);
/* WORKSPACE/library. New string. */
char *userlib_ws_dir(const char *workspace);
/* Add the file at path to lib (linked) when it can be used; its findings
 * go into dl. Returns whether it was added. lib stays linked. */
bool userlib_load_file(struct library *lib, const char *path, struct diag_list *dl);
enum userlib_result { USERLIB_LOADED, USERLIB_UNUSABLE, USERLIB_UNREADABLE };
/* The same, saying whether the file could not be read or parsed. The
 * file is read once, without following a link, and that text parsed. */
enum userlib_result userlib_load_one(struct library *lib, const char *path, struct diag_list *dl);
/* The same for text already in memory (len bytes, NUL-terminated), as
 * if read from path. */
enum userlib_result userlib_load_text(struct library *lib, const char *path, const char *buf,
                                      size_t len, struct diag_list *dl);
/* The files of dir the library reads (model/standard.h userlib_name_read),
 * as DIR/NAME, sorted by name bytewise; NULL when none. */
char **userlib_list(const char *dir, size_t *count);
struct userlib_scan {
    size_t files, added;  /* files read, of them added */
    bool unreadable;      /* the folder or a file could not be read or parsed */
};
/* userlib_load_dir, counting into sc; with upto (a path of dir), only
 * the files before it by name (what the workbench loads before it). */
void userlib_scan_dir(struct library *lib, const char *dir, bool in_workspace, const char *skip,
                      const char *upto, struct diag_list *dl, struct userlib_scan *sc);
/* The library that path (a file of the user's folder or of a workspace's
 * library/ folder) joins, loaded into lib quietly: all: everything the
 * workbench would load beside it (for a new file); else only what it
 * loads before it (for kijun check of the file). */
void userlib_load_context(struct library *lib, const char *path, bool all);
/* Every *.cfg of dir (sorted by name) but skip (the same file by
 * another name too; NULL for none); a missing folder is no finding.
 * in_workspace: the folder itself may not be a symbolic link. Returns
 * how many files were added. */
size_t userlib_load_dir(struct library *lib, const char *dir, bool in_workspace,
                        const char *skip, struct diag_list *dl);
/* Take every edition of the user's library out of lib again (and its ws_diags). */
void userlib_unload(struct library *lib);
/* Both folders (workspace may be NULL). Returns how many files were added.
 * What WORKSPACE/library gave is also kept in lib->ws_diags (for the
 * workspace's findings, as kijun check WORKSPACE gives them). */
size_t userlib_load(struct library *lib, const char *workspace, struct diag_list *dl);
#endif
