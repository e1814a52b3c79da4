/* library: the read-only data kijun ships. */
#include "config.h"
#include "model/library.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

void library_add_table(struct library *lib, struct ref_table *t)
{
    lib->tables = xgrow(lib->tables, &lib->tables_cap, lib->ntables + 1, sizeof *lib->tables);
    lib->tables[lib->ntables++] = t;
}

const struct ref_table *library_table(const struct library *lib, const char *id)
{
    for (size_t i = 0; i < lib->ntables; i++)
        if (strcmp(lib->tables[i]->head.id, id) == 0)
            return lib->tables[i];
    return NULL;
}

void library_free(struct library *lib)
{
    if (!lib)
        return;
    gl_set_free(&lib->gl);
    for (size_t i = 0; i < lib->ntables; i++)
        ref_table_free(lib->tables[i]);
    free(lib->tables);
    diag_clear(&lib->ws_diags);
    free(lib);
}

size_t library_ref_tables(const struct library *lib, const char *name,
                          const struct ref_table **out, size_t max)
{
    static const char *const threats[] = {"incidents", "supply_chain", "ics_misconceptions"};
    size_t n = 0;
    if (strcmp(name, "threats") == 0) {
        for (size_t i = 0; i < 3 && n < max; i++)
            if ((out[n] = library_table(lib, threats[i])))
                n++;
    } else if (max && (out[0] = library_table(lib, name))) {
        n = 1;
    }
    return n;
}

const struct ref_item *library_ref_item(const struct library *lib, const char *name, const char *id)
{
    const struct ref_table *t[4];
    size_t n = library_ref_tables(lib, name, t, 4);
    for (size_t i = 0; i < n; i++) {
        const struct ref_item *it = ref_table_item(t[i], id);
        if (it)
            return it;
    }
    return NULL;
}
