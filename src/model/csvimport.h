/* csvimport: a library file (the Guideline's format) made from a
 * spreadsheet's rows: the columns id, parent, number, title_ja, title_en,
 * summary_ja, summary_en, maps (ids separated by ';'). Every bad row is
 * a FILE:LINE finding and no text is made while one is bad. Pure: the
 * caller reads the CSV and writes the text. */
#ifndef KIJUN_CSVIMPORT_H
#define KIJUN_CSVIMPORT_H
#include "model/guideline.h"
#include "util/csv.h"
#include "util/diag.h"
#include "util/strbuf.h"

#define CSVIMPORT_COLUMNS 8
#define CSVIMPORT_MAPS_SEP ';'
#define CSVIMPORT_MAX_ROWS 20000
#define CSVIMPORT_MAX_FIELD 16000

struct csvimport_opts {
    const char *file;      /* the CSV, as named in messages */
    const char *source;    /* the CSV's name for the file's `source` */
    const char *id;        /* the edition's id; also the items' prefix */
    enum edition_kind kind;
    const char *title;     /* NULL: the id */
    const char *issuer;
    const char *date;      /* YYYY, YYYY-MM or YYYY-MM-DD */
    const char *status;    /* NULL: in-force */
};

/* The column names, in order. */
extern const char *const csvimport_columns[CSVIMPORT_COLUMNS];
/* An item's id in the file: "ID.ROWID" (a row's id that already starts
 * with "ID." is kept). New string. */
char *csvimport_item_id(const char *edition_id, const char *row_id);
/* Check the rows against each other and against the loaded set (maps
 * must name its items; ids must be new to it) and, when all are good,
 * write the library file's text to out. Returns whether it was made. */
bool csvimport_make(const struct csv *csv, const struct gl_set *set,
                    const struct csvimport_opts *o, struct strbuf *out, struct diag_list *dl);
#endif
