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
    free(lib);
}
