/* fuzz_roundtrip: libFuzzer target for write-read fidelity. Each input
 * is read as a profile.cfg, a checklist.cfg and a round; whatever loads
 * must be writable (no refusal of what was accepted), and its text as
 * kijun saves it, read again, must load and give the same text. Any
 * difference aborts with both texts' first differing line. */
#define _GNU_SOURCE 1
#include "config.h"
#include "fuzz_common.h"
#include "model/assessment.h"
#include "model/profile.h"
#include "store/libload.h"
#include "store/workspace.h"

#ifndef FUZZ_DATADIR
#define FUZZ_DATADIR "data"
#endif

static struct library *lib;
static struct profile demo_profile;
static char again_path[4096];

static void remove_again(void)
{
    unlink(again_path);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *datadir = getenv("KIJUN_DATADIR");
    if (!datadir || !*datadir)
        datadir = FUZZ_DATADIR;
    struct diag_list dl = {0};
    lib = library_load(datadir, &dl);
    if (!lib || diag_count(&dl, DIAG_ERROR)) {
        fprintf(stderr, "fuzz_roundtrip: the library in %s does not load cleanly\n", datadir);
        abort();
    }
    char *path = malloc(strlen(datadir) + 64);
    sprintf(path, "%s/demo/en/profile.cfg", datadir);
    profile_init(&demo_profile);
    if (ws_load_profile(path, lib, &demo_profile, NULL, &dl) != WS_OK) {
        fprintf(stderr, "fuzz_roundtrip: cannot load %s\n", path);
        abort();
    }
    free(path);
    diag_clear(&dl);
    fuzz_file_open();
    const char *tmp = getenv("TMPDIR");
    snprintf(again_path, sizeof again_path, "%s/kijun-fuzz-again-%ld.cfg",
             tmp && *tmp ? tmp : "/tmp", (long)getpid());
    atexit(remove_again);
    return 0;
}

static void put_again(const char *text)
{
    FILE *f = fopen(again_path, "wb");
    if (!f || fwrite(text, 1, strlen(text), f) != strlen(text) || fclose(f) != 0) {
        perror(again_path);
        abort();
    }
}

/* Abort, showing where the two texts part. */
static void differ(const char *what, const char *a, const char *b)
{
    size_t i = 0, line = 1;
    while (a[i] && a[i] == b[i])
        line += a[i++] == '\n';
    fprintf(stderr, "fuzz_roundtrip: %s: saved and read again, line %zu differs:\n"
            "  first:  %.120s\n  again:  %.120s\n", what, line, a + i, b + i);
    abort();
}

static void failed(const char *what, const char *text, struct diag_list *dl)
{
    fprintf(stderr, "fuzz_roundtrip: %s: kijun cannot read what it wrote:\n%s\n", what, text);
    for (size_t i = 0; i < dl->n; i++) {
        char *s = diag_format(&dl->v[i]);
        fprintf(stderr, "  %s\n", s);
        free(s);
    }
    abort();
}

static void profile_round_trip(const struct profile *p)
{
    struct diag_list dl = {0};
    if (!ws_profile_writable(fuzz_path, p, &dl))
        failed("profile (refused as not writable)", "", &dl);
    char *first = ws_format_profile(p);
    put_again(first);
    struct profile q;
    profile_init(&q);
    if (ws_load_profile(again_path, lib, &q, NULL, &dl) != WS_OK)
        failed("profile", first, &dl);
    char *again = ws_format_profile(&q);
    if (strcmp(first, again) != 0)
        differ("profile", first, again);
    free(again);
    free(first);
    profile_free(&q);
    fuzz_diag_drain(&dl);
}

static void checklist_round_trip(const struct checklist *c)
{
    struct diag_list dl = {0};
    if (!ws_checklist_writable(fuzz_path, c, &dl))
        failed("checklist (refused as not writable)", "", &dl);
    char *first = ws_format_checklist(c);
    put_again(first);
    struct checklist d;
    checklist_init(&d);
    if (ws_load_checklist(again_path, lib, &d, NULL, &dl) != WS_OK)
        failed("checklist", first, &dl);
    char *again = ws_format_checklist(&d);
    if (strcmp(first, again) != 0)
        differ("checklist", first, again);
    free(again);
    free(first);
    checklist_free(&d);
    fuzz_diag_drain(&dl);
}

static void round_round_trip(const struct round *r, const struct profile *p)
{
    struct diag_list dl = {0};
    if (!ws_round_writable(fuzz_path, r, &dl))
        failed("round (refused as not writable)", "", &dl);
    char *first = ws_format_round(r);
    put_again(first);
    struct round s;
    round_init(&s, "fuzz");
    if (ws_load_round(again_path, lib, p, &s, NULL, &dl) != WS_OK)
        failed("round", first, &dl);
    char *again = ws_format_round(&s);
    if (strcmp(first, again) != 0)
        differ("round", first, again);
    free(again);
    free(first);
    round_free(&s);
    fuzz_diag_drain(&dl);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_file_put(data, size);
    struct diag_list dl = {0};

    struct profile p;
    profile_init(&p);
    if (ws_load_profile(fuzz_path, lib, &p, NULL, &dl) == WS_OK)
        profile_round_trip(&p);
    profile_free(&p);
    fuzz_diag_drain(&dl);

    struct checklist c;
    checklist_init(&c);
    if (ws_load_checklist(fuzz_path, lib, &c, NULL, &dl) == WS_OK)
        checklist_round_trip(&c);
    checklist_free(&c);
    fuzz_diag_drain(&dl);

    struct round r;
    round_init(&r, "fuzz");
    if (ws_load_round(fuzz_path, lib, &demo_profile, &r, NULL, &dl) == WS_OK)
        round_round_trip(&r, &demo_profile);
    round_free(&r);
    fuzz_diag_drain(&dl);
    return 0;
}
