/* fuzz_workspace: libFuzzer target for the workspace loader. Each input
 * is read as a profile.cfg, a checklist.cfg and a round
 * (assessments/NAME.cfg), against the real library (loaded once from the
 * source data folder, or $KIJUN_DATADIR). A round is checked against the
 * demo profile and, when the input also loads as a profile, against that
 * one; loaded data is formatted back as kijun would save it, rounds are
 * validated and compared with a demo round, as the workbench does when it
 * opens them. Everything is freed, so leaks show. */
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
static struct round demo_round;

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
        fprintf(stderr, "fuzz_workspace: the library in %s does not load cleanly\n", datadir);
        abort();
    }
    char *path = malloc(strlen(datadir) + 64);
    sprintf(path, "%s/demo/en/profile.cfg", datadir);
    profile_init(&demo_profile);
    if (ws_load_profile(path, lib, &demo_profile, NULL, &dl) != WS_OK) {
        fprintf(stderr, "fuzz_workspace: cannot load %s\n", path);
        abort();
    }
    sprintf(path, "%s/demo/en/assessments/2025.cfg", datadir);
    round_init(&demo_round, "2025");
    if (ws_load_round(path, lib, &demo_profile, &demo_round, NULL, &dl) != WS_OK) {
        fprintf(stderr, "fuzz_workspace: cannot load %s\n", path);
        abort();
    }
    free(path);
    diag_clear(&dl);
    fuzz_file_open();
    return 0;
}

/* Load the scratch file as a round checked against p; validate, compare,
 * format; free. */
static void try_round(const struct profile *p)
{
    struct diag_list dl = {0};
    struct ws_file info = {0};
    struct round r;
    round_init(&r, "fuzz");
    if (ws_load_round(fuzz_path, lib, p, &r, &info, &dl) == WS_OK) {
        struct checks checks = {0};
        round_validate(&r, 1, 0, p, lib, "2026-04-01", &checks);
        struct findings found = {0};
        workspace_validate(p, NULL, &r, 1, lib, &found);
        findings_free(&found);
        const struct check *why = NULL;
        (void)next_step(&checks, &why);
        checks_free(&checks);
        struct diff *d = NULL;
        (void)round_compare(&r, &demo_round, &d);
        free(d);
        free(ws_format_round(&r));
    }
    round_free(&r);
    free(info.path);
    fuzz_diag_drain(&dl);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_file_put(data, size);
    struct diag_list dl = {0};

    struct ws_file info = {0};
    struct profile p;
    profile_init(&p);
    bool profile_ok = ws_load_profile(fuzz_path, lib, &p, &info, &dl) == WS_OK;
    if (profile_ok)
        free(ws_format_profile(&p));
    free(info.path);
    fuzz_diag_drain(&dl);

    struct ws_file cinfo = {0};
    struct checklist c;
    checklist_init(&c);
    if (ws_load_checklist(fuzz_path, lib, &c, &cinfo, &dl) == WS_OK)
        free(ws_format_checklist(&c));
    checklist_free(&c);
    free(cinfo.path);
    fuzz_diag_drain(&dl);

    try_round(&demo_profile);
    if (profile_ok)
        try_round(&p);
    profile_free(&p);
    return 0;
}
