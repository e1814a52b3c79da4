/* libload: load and check the library in a data folder: every
 * guideline/ *.cfg edition and every reference/ *.cfg table. */
#ifndef KIJUN_LIBLOAD_H
#define KIJUN_LIBLOAD_H
#include "model/library.h"
#include "util/diag.h"
#include <libconfig.h>

/* Library files are small; anything larger is refused unread. */
#define LIBRARY_MAX_FILE (4 * 1024 * 1024)
#define LIBRARY_SCHEMA 1

/* Load everything under datadir. Returns the library (possibly partial)
 * and reports each defect into dl; the caller decides what errors mean.
 * Returns NULL only when no edition could be loaded at all. */
struct library *library_load(const char *datadir, struct diag_list *dl);
/* Load one edition file into set (without linking). */
bool library_load_edition(struct gl_set *set, const char *path, struct diag_list *dl);
/* The same from a file already parsed (named path); destroys *cfg. */
bool library_edition_from(struct gl_set *set, const char *path, config_t *cfg, struct diag_list *dl);
/* Load one reference table file. */
struct ref_table *library_load_table(const char *path, struct diag_list *dl);
#endif
