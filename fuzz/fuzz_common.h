/* fuzz_common: shared by the libFuzzer targets. The loaders read files by
 * path, so each input is put in a fixed per-process file under $TMPDIR
 * (removed at exit). Not a memfd reached as /proc/self/fd/N: that path is
 * a symbolic link, which the workspace loader rightly refuses. */
#ifndef KIJUN_FUZZ_COMMON_H
#define KIJUN_FUZZ_COMMON_H
#include "util/diag.h"
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int fuzz_fd = -1;
static char fuzz_path[4096];

static void fuzz_unlink(void)
{
    unlink(fuzz_path);
}

/* Open the scratch file once; its path is fuzz_path. */
static void fuzz_file_open(void)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(fuzz_path, sizeof fuzz_path, "%s/kijun-fuzz-%ld.cfg",
             tmp && *tmp ? tmp : "/tmp", (long)getpid());
    fuzz_fd = open(fuzz_path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fuzz_fd < 0) {
        perror(fuzz_path);
        abort();
    }
    atexit(fuzz_unlink);
}

/* Make the scratch file hold exactly data. */
static void fuzz_file_put(const uint8_t *data, size_t size)
{
    if (ftruncate(fuzz_fd, 0) != 0) {
        perror("ftruncate");
        abort();
    }
    size_t off = 0;
    while (off < size) {
        ssize_t w = pwrite(fuzz_fd, data + off, size - off, (off_t)off);
        if (w <= 0) {
            perror("pwrite");
            abort();
        }
        off += (size_t)w;
    }
}

/* Format every finding (as kijun check would print it), then drop them. */
static void fuzz_diag_drain(struct diag_list *dl)
{
    for (size_t i = 0; i < dl->n; i++)
        free(diag_format(&dl->v[i]));
    diag_clear(dl);
}
#endif
