/* workspace: the user's folder of libconfig files (profile.cfg,
 * checklist.cfg, assessments/): finding it, creating it from the
 * template, reading it with schema checks and writing it back in a
 * stable, diff-friendly form through atomic saves. */
#ifndef KIJUN_WORKSPACE_H
#define KIJUN_WORKSPACE_H
#include "model/assessment.h"
#include "model/profile.h"
#include "store/cfgfile.h"
#include "util/diag.h"
#include <stdbool.h>

#define WORKSPACE_MAX_FILE (16 * 1024 * 1024)

enum ws_status {
    WS_OK,          /* read; findings (if any) are in the diagnostics */
    WS_MISSING,     /* the file does not exist */
    WS_UNREADABLE,  /* cannot be read or parsed: never write over it */
};

struct ws_file {
    char *path;
    enum ws_status status;
    bool has_comments;   /* libconfig will drop them on the first save */
};

/* Read profile.cfg / checklist.cfg at path into p / c (initialised by
 * the caller). What the file's text breaks (syntax, types, unknown
 * settings) goes to dl; the rules over what was read are
 * model/validate.c's (workspace_validate). lib (and a round's p) are
 * no longer used: kept for the callers. No file of a workspace is read
 * through a symbolic link: one is refused (WS_UNREADABLE, with a
 * message). Loading a workspace's profile.cfg also checks the folders
 * kijun makes beside it (ws_check_folders): one that is a link or no
 * folder makes it WS_UNREADABLE, so that nothing is written through it. */
enum ws_status ws_load_profile(const char *path, const struct library *lib, struct profile *p,
                               struct ws_file *info, struct diag_list *dl);
enum ws_status ws_load_checklist(const char *path, const struct library *lib,
                                 struct checklist *c, struct ws_file *info, struct diag_list *dl);

/* The file text kijun writes for p / c (stable order, one setting per
 * line; a string longer than a line as adjacent literals on lines of
 * their own, a long list one element per line, integers beyond 32 bits
 * with the L suffix): whatever kijun accepted, its reader reads back as
 * the same document. A loader refuses a file whose text as kijun would
 * write it is over WORKSPACE_MAX_FILE, so that what loads also saves.
 * New strings. */
char *ws_format_profile(const struct profile *p);
/* The length of what ws_format_* would return, without holding it. */
size_t ws_format_profile_size(const struct profile *p);
size_t ws_format_checklist_size(const struct checklist *c);
size_t ws_format_round_size(const struct round *r);
char *ws_format_checklist(const struct checklist *c);

/* Whether every text of p / c / r is one kijun's reader accepts (no
 * control character: a newline, ESC, C1...); else false with a
 * diagnostic. The savers check this first. */
bool ws_profile_writable(const char *path, const struct profile *p, struct diag_list *dl);
bool ws_checklist_writable(const char *path, const struct checklist *c, struct diag_list *dl);
bool ws_round_writable(const char *path, const struct round *r, struct diag_list *dl);

/* Write atomically; returns false (with a diagnostic) on failure. Sets
 * *unchanged when the file already held this content. Content kijun's
 * reader would refuse (ws_*_writable, or over WORKSPACE_MAX_FILE as
 * written) is refused before anything is written. */
bool ws_save_profile(const char *path, const struct profile *p, bool *unchanged,
                     struct diag_list *dl);
bool ws_save_checklist(const char *path, const struct checklist *c, bool *unchanged,
                       struct diag_list *dl);

/* Rounds: assessments/NAME.cfg. NAME is 1-64 of [A-Za-z0-9._-]. */
bool ws_round_name_valid(const char *name);
/* The files of assessments/ named NAME.cfg that are no round (their name
 * is none, or a copy saved beside, .mine-): never read as rounds, each a
 * warning in dl naming it, so that nothing is skipped in silence. */
void ws_report_strays(const char *dir, struct diag_list *dl);
/* The round names in dir/assessments, sorted; returns the count (0 when
 * assessments/ is a link: it is never listed through). */
size_t ws_list_rounds(const char *dir, char ***names);
enum ws_status ws_load_round(const char *path, const struct library *lib, const struct profile *p,
                             struct round *r, struct ws_file *info, struct diag_list *dl);
char *ws_format_round(const struct round *r);
bool ws_save_round(const char *path, const struct round *r, bool *unchanged, struct diag_list *dl);

/* Make a new workspace in dir from datadir/template/LANG: folder 0700,
 * files 0600. Refuses a folder that already holds a profile.cfg. In a
 * folder that exists, only what is missing is added: no file there is
 * replaced and the folder's mode is left as it was. */
bool ws_init(const char *dir, const char *datadir, const char *lang, struct diag_list *dl);
/* What ws_init_report did, for its message. */
struct ws_init_info {
    bool existed;      /* the folder was there */
    unsigned mode;     /* its mode (left as it was), or 0700 when made */
    char *added;       /* "profile.cfg, checklist.cfg, assessments/" or NULL */
    char *kept;        /* what was there and stays, or NULL */
};
bool ws_init_report(const char *dir, const char *datadir, const char *lang,
                    struct ws_init_info *info, struct diag_list *dl);
void ws_init_info_free(struct ws_init_info *info);
/* Copy datadir/demo/LANG into a new private temporary folder; returns
 * its path (new string) or NULL. */
char *ws_demo_copy(const char *datadir, const char *lang, struct diag_list *dl);
/* Remove a folder kijun made (the demo copy, the journal), with what is
 * in it. Nothing is followed: a link inside is removed, not entered; a
 * dir that is itself a link, or no folder, is left alone. */
void ws_remove_tree(const char *dir);
/* The same; false with a diagnostic when dir was refused (a link, not a
 * folder) or could not be removed completely. A missing dir is fine. */
bool ws_remove_tree_checked(const char *dir, struct diag_list *dl);
/* The workspace to open without an argument: $KIJUN_WORKSPACE, else the
 * current folder if it holds profile.cfg, else
 * $XDG_DATA_HOME/kijun/workspace (or ~/.local/share/...). *created tells
 * whether the last one had to be made (from the template). */
char *ws_default(const char *datadir, const char *lang, bool create, bool *created,
                 struct diag_list *dl);
/* s as a libconfig string literal, appended to sb. */
struct strbuf;
void ws_put_string(struct strbuf *sb, const char *s);
/* Read the group g as a record of def (initialised by the caller):
 * "id" when def has ids, each field; settings not in def nor in extra
 * (NULL-terminated, may be NULL) are warned about. The reader of every
 * group of every workspace file; no schema or file size overflows it. */
bool ws_read_group(struct cfgctx *c, const config_setting_t *g, const struct coll_def *def,
                   const char *const *extra, struct record *r);
/* Whether the folders kijun makes in the workspace dir (assessments/,
 * .kijun-recovery/ and its assessments/) are absent or real folders;
 * else false with "PATH: error: a symbolic link ...: refused". */
bool ws_check_folders(const char *dir, struct diag_list *dl);
/* Whether nothing is at path (not even a link), nor at a folder of
 * kijun's on the way to it (safefs). */
bool ws_file_missing(const char *path);
/* path = dir + "/" + name; new string. */
char *ws_path(const char *dir, const char *name);
#endif
