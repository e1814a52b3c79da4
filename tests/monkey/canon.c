/* canon: a workspace file as kijun reads it, in the form kijun writes it,
 * for tests/monkey.
 *   canon FILE...              print each as kijun writes it; exit 2 when
 *                              one does not load (profile.cfg, checklist.cfg,
 *                              else a round; a backup FILE~ as FILE)
 *   canon --same HELD DISK...  each DISK, read and written, equals HELD
 *                              (exit 1 when not, 2 when it does not load)
 *   canon --raw FILE...        only libconfig's parse (draft.cfg, others) */
#include "config.h"
#include "model/rules.h"
#include "model/snapshot.h"
#include "store/libload.h"
#include "store/workspace.h"
#include <libconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef CANON_DATADIR
#define CANON_DATADIR "data"
#endif

static int fail(const char *path, struct diag_list *dl)
{
    fprintf(stderr, "canon: %s: does not load\n", path);
    for (size_t i = 0; i < dl->n; i++) {
        char *s = diag_format(&dl->v[i]);
        fprintf(stderr, "  %s\n", s);
        free(s);
    }
    return 2;
}

static int raw(const char *path)
{
    config_t c;
    config_init(&c);
    int ok = config_read_file(&c, path);
    if (!ok)
        fprintf(stderr, "canon: %s:%d: %s\n", path, config_error_line(&c), config_error_text(&c));
    config_destroy(&c);
    return ok ? 0 : 2;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0, k;
    char *buf = malloc(cap);
    while ((k = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += k;
        if (cap - n < 2)
            buf = realloc(buf, cap *= 2);
    }
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static int one(const struct library *lib, const char *path, const char *held)
{
    const char *slash = strrchr(path, '/');
    char base[256]; /* a backup FILE~ is read as FILE */
    snprintf(base, sizeof base, "%s", slash ? slash + 1 : path);
    size_t len = strlen(base);
    if (len && base[len - 1] == '~')
        base[len - 1] = '\0';
    struct diag_list dl = {0};
    char *text = NULL;
    int rc = 0;
    if (strcmp(base, "profile.cfg") == 0) {
        struct profile p;
        profile_init(&p);
        if (ws_load_profile(path, lib, &p, NULL, &dl) == WS_OK)
            text = ws_format_profile(&p);
        profile_free(&p);
    } else if (strcmp(base, "checklist.cfg") == 0) {
        struct checklist c;
        checklist_init(&c);
        if (ws_load_checklist(path, lib, &c, NULL, &dl) == WS_OK)
            text = ws_format_checklist(&c);
        checklist_free(&c);
    } else {
        char name[128];
        size_t n = strlen(base);
        n = n > 4 && strcmp(base + n - 4, ".cfg") == 0 ? n - 4 : n;
        snprintf(name, sizeof name, "%.*s", (int)n, base);
        struct round r;
        round_init(&r, name);
        if (ws_load_round(path, lib, NULL, &r, NULL, &dl) == WS_OK) {
            /* as every reader of kijun's takes it (an older round gains its
             * digests and acceptance rounds when read; model/rules.h, and
             * what it assessed from the workspace's profile; model/snapshot.h) */
            char pp[4096];
            snprintf(pp, sizeof pp, "%.*s../profile.cfg", slash ? (int)(slash - path + 1) : 0, path);
            struct profile p;
            struct diag_list pdl = {0};
            profile_init(&p);
            round_read_fill(&r, ws_load_profile(pp, lib, &p, NULL, &pdl) == WS_OK ? &p : NULL);
            profile_free(&p);
            diag_clear(&pdl);
            text = ws_format_round(&r);
        }
        round_free(&r);
    }
    if (!text) {
        rc = fail(path, &dl);
    } else if (held) {
        char *h = slurp(held);
        if (!h || strcmp(h, text) != 0) {
            fprintf(stderr, "canon: %s: differs from %s\n", path, held);
            rc = 1;
        }
        free(h);
    } else {
        fputs(text, stdout);
    }
    free(text);
    diag_clear(&dl);
    return rc;
}

int main(int argc, char **argv)
{
    int rc = 0, i = 1;
    bool rawmode = argc > 1 && strcmp(argv[1], "--raw") == 0;
    i += rawmode;
    if (rawmode) {
        for (; i < argc; i++)
            rc |= raw(argv[i]);
        return rc;
    }
    const char *datadir = getenv("KIJUN_DATADIR");
    struct diag_list dl = {0};
    struct library *lib = library_load(datadir && *datadir ? datadir : CANON_DATADIR, &dl);
    diag_clear(&dl);
    if (!lib) {
        fputs("canon: the library does not load\n", stderr);
        return 2;
    }
    if (i < argc && strcmp(argv[i], "--same") == 0) {
        for (i++; i + 1 < argc; i += 2)
            rc |= one(lib, argv[i + 1], argv[i]);
    } else {
        for (; i < argc; i++)
            rc |= one(lib, argv[i], NULL);
    }
    library_free(lib);
    return rc;
}
