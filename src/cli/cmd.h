/* cmd: the non-interactive commands and what they share. */
#ifndef KIJUN_CMD_H
#define KIJUN_CMD_H
#include "model/library.h"
#include "model/text.h"
#include "util/diag.h"
#include <stdbool.h>
#include <stdio.h>

/* Print diagnostics as "kijun: FILE:LINE: error: text" to f. */
void cmd_print_diags(FILE *f, const struct diag_list *dl);
/* kijun tree: print the tree(s) as indented text. */
int cmd_tree(const struct library *lib, const char *edition, enum lang lang, FILE *out);
/* kijun check [WORKSPACE|FILE...]: 0 clean, 1 findings, 2 unreadable.
 * A FILE's kind is its place in a workspace (WS/profile.cfg,
 * WS/checklist.cfg, WS/assessments/NAME.cfg); it is validated within its
 * workspace and its findings alone are reported. rcfile (or NULL):
 * kijunrc, checked too; a missing one is an error when rc_required
 * (--config FILE, which alone, without arguments, checks no workspace),
 * else skipped. A FILE named kijunrc is checked as one. workbench (the
 * hidden --workbench, for the tests): report what the workbench's
 * validation step shows instead, in the same form. */
int cmd_check(struct library *lib, char **args, int n, const char *datadir,
              const char *rcfile, bool rc_required, bool workbench);
/* kijun check --findings-screen WORKSPACE... (hidden, for the tests):
 * the findings the workbench's findings screen lists, in the same form. */
int cmd_findings_screen(struct library *lib, char **args, int n);
/* kijun export: the workspace (WORKSPACE, else the current folder) as
 * JSON, a round's (--round NAME, else the latest) risk register as CSV or
 * report as Markdown or HTML,
 * to standard output or atomically to output (mode 0600). 0 written, 2
 * not (an unreadable workspace, no such round, a failed write). */
struct export_options {
    int format;           /* enum export_format (core/export.h) */
    const char *workspace;
    const char *round;
    const char *output;
    bool bom;             /* CSV: a UTF-8 byte-order mark for Excel */
    bool timestamp;       /* JSON: the moment of export (else only SOURCE_DATE_EPOCH's) */
    enum lang lang;       /* the findings' and threats' language */
};
int cmd_export(const struct library *lib, const struct export_options *o);
/* kijun export --verify REPORT [WORKSPACE]: whether the report (JSON,
 * Markdown) was made from the workspace's files as they are now: 0 yes, 1
 * no (the files changed, new and gone said), 2 no report or no workspace. */
int cmd_export_verify(const struct library *lib, const char *report, const char *workspace);
/* kijun export --schema: the JSON Schema of the JSON, to output or the
 * standard output. */
int cmd_export_schema(const char *output);
/* kijun import: a library file from a CSV (model/csvimport.h), by
 * default USERLIB/ID.cfg; an existing file is replaced only with force
 * (atomically, the old one kept as FILE~). 0 written, 2 not. */
struct import_options {
    const char *csv;
    int kind;             /* enum edition_kind */
    const char *id, *output, *title, *issuer, *date, *status;
    bool force;
    enum lang lang;
};
int cmd_import(struct library *lib, const struct import_options *o);
/* The user's library as kijun check reports it (cli/cmd_checklib.c):
 * every file of dir, or the one file path. Adds the files and the
 * findings to *files and *findings; returns false when a file could not
 * be read. lib gains what loads. */
bool cmd_check_library_dir(struct library *lib, const char *dir, bool in_workspace,
                           size_t *files, size_t *findings);
bool cmd_check_library_file(struct library *lib, const char *path, size_t *files, size_t *findings);
/* Whether path is in a folder named library (a library file). */
bool cmd_is_library_file(const char *path);
/* kijun init WORKSPACE: a new workspace from the template. */
int cmd_init(const char *dir, const char *datadir, enum lang lang);
#endif
