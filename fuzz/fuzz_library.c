/* fuzz_library: libFuzzer target for the library loader. Each input is
 * read as a Guideline edition (guideline/ *.cfg, then linked as
 * library_load links the editions) and as a reference table
 * (reference/ *.cfg). Everything is freed, so leaks show. */
#define _GNU_SOURCE 1
#include "config.h"
#include "fuzz_common.h"
#include "model/library.h"
#include "store/libload.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_file_open();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_file_put(data, size);
    struct diag_list dl = {0};

    struct gl_set set = {0};
    library_load_edition(&set, fuzz_path, &dl);
    if (set.n)
        gl_link(&set, &dl);
    gl_set_free(&set);
    fuzz_diag_drain(&dl);

    struct ref_table *t = library_load_table(fuzz_path, &dl);
    if (t)
        ref_table_free(t);
    fuzz_diag_drain(&dl);
    return 0;
}
