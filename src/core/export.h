/* export: the open workspace's exports (model/export.h), made as kijun
 * export and the workbench's export dialog make them: from the documents
 * as read, with the SHA-256s of their files, the findings the workbench
 * shows, and the round asked for. */
#ifndef KIJUN_CORE_EXPORT_H
#define KIJUN_CORE_EXPORT_H
#include "core/session.h"
#include "model/export.h"

enum export_format { EXPORT_JSON, EXPORT_CSV, EXPORT_MD, EXPORT_HTML, EXPORT__COUNT };

/* The format's name ("json", "csv", "md", "html") and back (-1: none). */
const char *export_format_name(enum export_format f);
int export_format_parse(const char *name);

struct export_request {
    enum export_format format;
    const char *round;    /* a round's name; NULL: every round (JSON), the latest (the others) */
    bool bom;             /* CSV: a UTF-8 byte-order mark for Excel */
    bool timestamp;       /* the moment of export (else only SOURCE_DATE_EPOCH's) */
    enum lang lang;       /* of the library's texts (the UI language is gettext's) */
};

/* The round a request is about: the one named, else the latest (the
 * latest date, then the greatest name); NULL when there is none. */
const struct round *session_export_round(const struct session *s, const char *name);

/* The first document whose file another program changed since kijun
 * read it (the workbench's export would say what kijun holds, not what
 * the files say), or NULL. */
const char *session_export_stale(const struct session *s);

/* The session's files with the SHA-256 of their bytes as read (new:
 * export_files_free). */
struct export_file *session_export_files(const struct session *s, size_t *n);

/* The export's text into out, and what it is into what ("the report of
 * round 2026"). False, with why in err, when it cannot be made: a file of
 * the workspace could not be read (half a workspace would be taken for
 * the whole), no such round, no round at all. */
bool session_export(struct session *s, const struct library *lib, const struct export_request *rq,
                    struct strbuf *out, char *what, size_t what_size, char *err, size_t err_size);

/* The format a file name asks for by its ending (.html or .htm, .md,
 * .csv, .json); -1 for none. */
int export_format_of_path(const char *path);
/* Where the workbench offers to put round's export of format f: in the
 * current folder (beside the workspace ws when that is in it),
 * "ROUND-report.html" and the like. */
void export_default_path(const char *ws, const char *round, enum export_format f, char *out, size_t size);
/* Whether path is outside the workspace ws: an export never writes into
 * it (over its own files, a lock, a file that would be taken for a round);
 * false with why in err. */
bool export_path_outside(const char *ws, const char *path, char *err, size_t size);

/* The text written to path atomically (mode 0600, a link there refused),
 * no backup kept; false with why in dl. */
bool export_write(const char *path, const struct strbuf *text, struct diag_list *dl);
#endif
