/* library: the read-only data kijun ships: the Guideline editions and the
 * reference tables of the seed. */
#ifndef KIJUN_LIBRARY_H
#define KIJUN_LIBRARY_H
#include "model/guideline.h"
#include "model/reftable.h"
#include "util/diag.h"

struct library {
    struct gl_set gl;
    struct ref_table **tables;
    size_t ntables, tables_cap;
    struct diag_list ws_diags; /* what loading WORKSPACE/library found (store/libuser.h) */
};

void library_add_table(struct library *lib, struct ref_table *t);
const struct ref_table *library_table(const struct library *lib, const char *id);
void library_free(struct library *lib);
/* The tables a reference names: "sectors" is one table; "threats" is
 * the threat catalogues (incidents, supply_chain, ics_misconceptions).
 * Fills up to max tables; returns how many. */
size_t library_ref_tables(const struct library *lib, const char *name,
                          const struct ref_table **out, size_t max);
/* The item id in the tables of name, or NULL. */
const struct ref_item *library_ref_item(const struct library *lib, const char *name, const char *id);
#endif
