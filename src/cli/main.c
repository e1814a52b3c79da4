/* main: option parsing and dispatch to the workbench or a command. */
#include "config.h"
#include "cli/cmd.h"
#include "core/export.h"
#include "store/libload.h"
#include "store/libuser.h"
#include "model/standard.h"
#include "store/paths.h"
#include "store/workspace.h"
#include "core/session.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "ui/app.h"
#include "ui/settings.h"
#include "util/i18n.h"
#include "util/utf8.h"
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#ifndef KIJUN_BUILD_BINDIR
#define KIJUN_BUILD_BINDIR NULL
#define KIJUN_SOURCE_DATADIR NULL
#define KIJUN_BUILD_LOCALEDIR NULL
#endif

static int finish_output(int rc);
static void load_user_library(struct library *lib, const char *workspace, bool quiet);

static void usage(FILE *f)
{
    fputs(_("Usage: kijun [OPTION]... [WORKSPACE]     the workbench\n"
            "       kijun init WORKSPACE\n"
            "       kijun check [--config FILE] [WORKSPACE|FILE]...\n"
            "       kijun tree [--edition ID] [--lang ja|en] [WORKSPACE]\n"
            "       kijun import --kind KIND --id ID --issuer NAME --date DATE [-o FILE] FILE.csv\n"
            "       kijun export --format json|csv|md|html [--round NAME] [-o FILE] [WORKSPACE]\n"
            "       kijun export --verify REPORT [WORKSPACE]\n"
            "       kijun --help | --version\n"
            "\n"
            "A terminal workbench for Japan's critical-infrastructure cybersecurity\n"
            "Guideline and the Handbook's risk assessment.\n"
            "\n"
            "Options:\n"
            "  --lang ja|en     language of the screens, messages and Guideline text\n"
            "                   (default: from LC_ALL, LC_MESSAGES or LANG)\n"
            "  --demo           open the demo workspace\n"
            "  --edition ID     start on this Guideline edition (v5, rev, ...)\n"
            "  --no-color       monochrome (also when NO_COLOR is set)\n"
            "  --mouse          clicks select rows and keys, the wheel scrolls\n"
            "  --config FILE    the settings file (keys, theme, mouse) instead of\n"
            "                   $XDG_CONFIG_HOME/kijun/kijunrc or ~/.config/kijun/kijunrc\n"
            "  -h, --help       show this help and exit\n"
            "  -V, --version    show the version and exit\n"
            "\n"
            "Commands:\n"
            "  init WORKSPACE   make a new workspace from the template\n"
            "  check [WORKSPACE|FILE]...\n"
            "                   check workspace files (and kijunrc, without arguments\n"
            "                   or with --config): exit 0 clean, 1 findings, 2 unreadable\n"
            "  tree [WORKSPACE] print the Guideline's chapters as indented text, and the\n"
            "                   user's library (and the workspace's library/ folder)\n"
            "  import --kind edition|sector-standard|internal-rule --id ID --issuer NAME\n"
            "         --date DATE [--title TEXT] [--status S] [-o FILE] [--force] FILE.csv\n"
            "                   a library file from a spreadsheet (see kijun(5))\n"
            "  export --format json|csv|md|html [--round NAME] [-o FILE] [--bom] [--timestamp]\n"
            "                   the workspace as JSON, a round's risk register as CSV, its\n"
            "                   report as Markdown or for the board as HTML (the latest\n"
            "                   round unless --round),\n"
            "                   to FILE or the output; export --schema: the JSON's schema;\n"
            "                   export --verify REPORT [WORKSPACE]: was it made from the\n"
            "                   workspace's files as they are?\n"
            "\n"
            "Environment: KIJUN_DATADIR overrides where the library data is read from,\n"
            "KIJUN_LOCALEDIR where the translations are.\n"
            "See kijun(1).\n"), f);
}

/* ja when the locale's language is Japanese, else en. */
static enum lang locale_lang(void)
{
    const char *vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < 3; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            return lang_parse(v) == LANG_JA ? LANG_JA : LANG_EN;
    }
    return LANG_EN;
}

struct opts {
    int lang;            /* -1 = from the locale */
    bool demo;
    bool no_color;
    bool mouse;
    const char *edition;
    const char *config;  /* --config FILE */
    bool help;           /* --help: shown once --lang is known */
    bool workbench;      /* check --workbench (hidden, for the tests) */
    bool screen;         /* check --findings-screen (hidden, for the tests) */
    const char *format;  /* export --format */
    const char *round;   /* export --round */
    const char *output;  /* export -o */
    bool bom, timestamp; /* export --bom, --timestamp */
    bool schema;         /* export --schema */
    const char *verify;  /* export --verify REPORT */
    const char *kind, *id, *title, *issuer, *date, *status; /* import */
    bool force;          /* import --force */
};

enum { OPT_LANG = 256, OPT_DEMO, OPT_EDITION, OPT_NO_COLOR, OPT_MOUSE, OPT_CONFIG, OPT_WORKBENCH, OPT_SCREEN,
       OPT_FORMAT, OPT_ROUND, OPT_BOM, OPT_TIMESTAMP, OPT_SCHEMA, OPT_VERIFY,
       OPT_KIND, OPT_ID, OPT_TITLE, OPT_ISSUER, OPT_DATE, OPT_STATUS, OPT_FORCE };

static const struct option long_opts[] = {
    {"lang", required_argument, NULL, OPT_LANG},
    {"demo", no_argument, NULL, OPT_DEMO},
    {"edition", required_argument, NULL, OPT_EDITION},
    {"no-color", no_argument, NULL, OPT_NO_COLOR},
    {"mouse", no_argument, NULL, OPT_MOUSE},
    {"config", required_argument, NULL, OPT_CONFIG},
    {"workbench", no_argument, NULL, OPT_WORKBENCH},
    {"findings-screen", no_argument, NULL, OPT_SCREEN},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"round", required_argument, NULL, OPT_ROUND},
    {"output", required_argument, NULL, 'o'},
    {"bom", no_argument, NULL, OPT_BOM},
    {"timestamp", no_argument, NULL, OPT_TIMESTAMP},
    {"schema", no_argument, NULL, OPT_SCHEMA},
    {"verify", required_argument, NULL, OPT_VERIFY},
    {"kind", required_argument, NULL, OPT_KIND},
    {"id", required_argument, NULL, OPT_ID},
    {"title", required_argument, NULL, OPT_TITLE},
    {"issuer", required_argument, NULL, OPT_ISSUER},
    {"date", required_argument, NULL, OPT_DATE},
    {"status", required_argument, NULL, OPT_STATUS},
    {"force", no_argument, NULL, OPT_FORCE},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

/* Parse options from optind on, stopping at the first operand. Returns
 * -1 to go on, else an exit status. */
static int parse_opts(int argc, char **argv, struct opts *o)
{
    int c;
    while ((c = getopt_long(argc, argv, "+hVo:", long_opts, NULL)) != -1) {
        switch (c) {
        case OPT_LANG:
            o->lang = lang_parse(optarg);
            if (o->lang < 0 || strlen(optarg) != 2) {
                fprintf(stderr, _("kijun: error: --lang takes ja or en, not '%s'\n"), optarg);
                return 2;
            }
            break;
        case OPT_DEMO: o->demo = true; break;
        case OPT_EDITION: o->edition = optarg; break;
        case OPT_NO_COLOR: o->no_color = true; break;
        case OPT_MOUSE: o->mouse = true; break;
        case OPT_CONFIG: o->config = optarg; break;
        case OPT_WORKBENCH: o->workbench = true; break;
        case OPT_SCREEN: o->screen = true; break;
        case OPT_FORMAT: o->format = optarg; break;
        case OPT_ROUND: o->round = optarg; break;
        case 'o': o->output = optarg; break;
        case OPT_BOM: o->bom = true; break;
        case OPT_TIMESTAMP: o->timestamp = true; break;
        case OPT_SCHEMA: o->schema = true; break;
        case OPT_VERIFY: o->verify = optarg; break;
        case OPT_KIND: o->kind = optarg; break;
        case OPT_ID: o->id = optarg; break;
        case OPT_TITLE: o->title = optarg; break;
        case OPT_ISSUER: o->issuer = optarg; break;
        case OPT_DATE: o->date = optarg; break;
        case OPT_STATUS: o->status = optarg; break;
        case OPT_FORCE: o->force = true; break;
        case 'h': o->help = true; break;
        case 'V': printf("kijun %s\n", PACKAGE_VERSION); return finish_output(0);
        default:
            fputs(_("Try 'kijun --help'.\n"), stderr);
            return 2;
        }
    }
    return -1;
}

/* A command's output must reach its reader: a full disk or a failing
 * device is an error (exit 2), never a silent success. */
static int finish_output(int rc)
{
    errno = 0;
    bool out_bad = fflush(stdout) != 0 || ferror(stdout);
    int err = errno;
    if (out_bad)
        fprintf(stderr, _("kijun: error: cannot write the output: %s\n"),
                err ? strerror(err) : _("write error"));
    return out_bad || ferror(stderr) ? 2 : rc;
}

void cmd_print_diags(FILE *f, const struct diag_list *dl)
{
    for (size_t i = 0; i < dl->n; i++) {
        char *s = diag_format(&dl->v[i]);
        /* paths and values from files: no control, bidi override or
         * other invisible character reaches the terminal raw */
        char *safe = utf8_sanitize(s, strlen(s), false);
        fprintf(f, "kijun: %s\n", safe);
        free(safe);
        free(s);
    }
}

static char *data_dir(void)
{
    return paths_datadir(KIJUN_BUILD_BINDIR, KIJUN_SOURCE_DATADIR, PKGDATADIR);
}

static struct library *load_library(void)
{
    char *dir = data_dir();
    struct diag_list dl = {0};
    struct library *lib = library_load(dir, &dl);
    if (!lib || diag_count(&dl, DIAG_ERROR)) {
        cmd_print_diags(stderr, &dl);
        fprintf(stderr, _("kijun: error: the library in %s cannot be used "
                          "(set KIJUN_DATADIR to another data folder?)\n"), dir);
        library_free(lib);
        lib = NULL;
    } else {
        /* warnings about shipped data are for its authors: kijun check shows them */
    }
    diag_clear(&dl);
    free(dir);
    return lib;
}

/* kijun export: its options checked, then cmd_export. */
static int run_export(const struct opts *o, int argc, char **argv, enum lang lang)
{
    struct export_options eo = {.round = o->round, .output = o->output, .bom = o->bom,
                                .timestamp = o->timestamp, .lang = lang};
    if (o->schema) {
        if (o->format || o->round || o->verify || optind < argc) {
            fputs(_("kijun: error: usage: kijun export --schema [-o FILE]\n"), stderr);
            return 2;
        }
        return cmd_export_schema(o->output);
    }
    if (o->verify) {
        if (o->format || o->output || optind + 1 < argc) {
            fputs(_("kijun: error: usage: kijun export --verify REPORT [WORKSPACE]\n"), stderr);
            return 2;
        }
        struct library *lib = load_library();
        if (!lib)
            return 2;
        int rc = cmd_export_verify(lib, o->verify, optind < argc ? argv[optind] : NULL);
        library_free(lib);
        return rc;
    }
    if (!o->format) {
        fputs(_("kijun: error: export needs --format json, csv, md or html\n"), stderr);
        return 2;
    }
    eo.format = export_format_parse(o->format);
    if (eo.format < 0) {
        fprintf(stderr, _("kijun: error: --format takes json, csv, md or html, not '%s'\n"), o->format);
        return 2;
    }
    if (optind < argc)
        eo.workspace = argv[optind++];
    if (optind < argc) {
        fprintf(stderr, _("kijun: error: unexpected argument '%s'\n"), argv[optind]);
        return 2;
    }
    if (eo.bom && eo.format != EXPORT_CSV) {
        fputs(_("kijun: error: --bom is for --format csv\n"), stderr);
        return 2;
    }
    if (eo.timestamp && eo.format == EXPORT_CSV) { /* a plain table: its provenance is in the others */
        fputs(_("kijun: error: --timestamp is for --format json, md or html\n"), stderr);
        return 2;
    }
    struct library *lib = load_library();
    if (!lib)
        return 2;
    load_user_library(lib, eo.workspace ? eo.workspace : ".", true);
    int rc = cmd_export(lib, &eo);
    library_free(lib);
    return rc;
}

/* The user's library: its findings said on stderr, none of them fatal
 * (a file that cannot be used is skipped). */
static void load_user_library(struct library *lib, const char *workspace, bool quiet)
{
    struct diag_list dl = {0};
    userlib_load(lib, workspace, &dl);
    if (!quiet)
        cmd_print_diags(stderr, &dl);
    diag_clear(&dl);
}

/* kijun import: its options checked, then cmd_import. */
static int run_import(const struct opts *o, int argc, char **argv, enum lang lang)
{
    int kind = o->kind ? kind_parse(o->kind) : -1;
    if (kind < 0 || !o->id || optind + 1 != argc) {
        fputs(_("kijun: error: usage: kijun import --kind edition|sector-standard|internal-rule --id ID "
                "--issuer NAME --date DATE [--title TEXT] [--status S] [-o FILE] [--force] FILE.csv\n"),
              stderr);
        return 2;
    }
    struct library *lib = load_library();
    if (!lib)
        return 2;
    struct import_options io = {
        .csv = argv[optind], .kind = kind, .id = o->id, .output = o->output, .title = o->title,
        .issuer = o->issuer, .date = o->date, .status = o->status, .force = o->force, .lang = lang,
    };
    int rc = cmd_import(lib, &io);
    library_free(lib);
    return rc;
}

/* Whether the environment asks for a UTF-8 character set. */
static bool env_wants_utf8(void)
{
    const char *vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};
    for (size_t i = 0; i < 3; i++) {
        const char *v = getenv(vars[i]);
        if (!v || !*v)
            continue;
        for (; *v; v++)
            if (strncasecmp(v, "utf-8", 5) == 0 || strncasecmp(v, "utf8", 4) == 0)
                return true;
        return false;
    }
    return false;
}

/* kijunrc: --config FILE, else the default one when it exists. */
static char *rc_path(const struct opts *o)
{
    return o->config ? xstrdup(o->config) : rc_default_path();
}

/* Read and apply kijunrc before the screen starts. Its findings cannot
 * be printed (the screen would hide them): the first is said on the
 * message line (*notice). Returns false when --config names no file. */
static bool load_settings(const struct opts *o, bool *mouse, char **notice)
{
    char *path = rc_path(o);
    struct diag_list dl = {0};
    enum rc_status st = path ? settings_load(path, mouse, &dl) : RC_MISSING;
    bool ok = true;
    if (st == RC_MISSING && o->config) {
        fprintf(stderr, "kijun: %s: %s: %s\n", o->config, _("error"), _("no such file"));
        ok = false;
    }
    *notice = ok ? settings_summary(&dl) : NULL;
    diag_clear(&dl);
    free(path);
    return ok;
}

/* The UI language: Japanese or the English source texts. */
static void ui_language(enum lang lang)
{
    char *dir = paths_localedir(KIJUN_BUILD_BINDIR, KIJUN_BUILD_LOCALEDIR, LOCALEDIR);
    i18n_init(dir, lang == LANG_JA);
    free(dir);
}

/* glibc's fast bins off: a small block freed is merged with its free
 * neighbours at once, instead of waiting in a list of its size until a
 * large request or the heap's growth merges them all (malloc_consolidate).
 * kijun frees a parsed tree of hundreds of thousands of blocks while it
 * builds the model: those bulk merges were a tenth of `kijun check` on
 * 20,000 resources, and the blocks they held back kept the model from
 * the freed room (a higher peak). */
static void tune_allocator(void)
{
#ifdef M_MXFAST
    mallopt(M_MXFAST, 0);
#endif
}

int main(int argc, char **argv)
{
    tune_allocator();
    /* a file-size limit (ulimit -f) makes a write fail with EFBIG, which
     * kijun says as it says a full disk, rather than kill it mid-screen */
    signal(SIGXFSZ, SIG_IGN);
    /* A UTF-8 locale that is not installed (ja_JP.UTF-8 on a machine
     * without it) still means a UTF-8 terminal: C.UTF-8 is always there. */
    if (!setlocale(LC_ALL, "") && env_wants_utf8())
        setlocale(LC_ALL, "C.UTF-8");
    const char *codeset = nl_langinfo(CODESET);
    bool utf8 = codeset && strcmp(codeset, "UTF-8") == 0;
    /* the locale's language first, for --help and option errors */
    ui_language(utf8 ? locale_lang() : LANG_EN);
    struct opts o = {.lang = -1};
    int rc = parse_opts(argc, argv, &o);
    if (rc >= 0)
        return rc;
    const char *command = NULL;
    if (optind < argc && (strcmp(argv[optind], "tree") == 0 || strcmp(argv[optind], "check") == 0
                          || strcmp(argv[optind], "init") == 0 || strcmp(argv[optind], "export") == 0
                          || strcmp(argv[optind], "import") == 0)) {
        command = argv[optind++];
        rc = parse_opts(argc, argv, &o);
        if (rc >= 0)
            return rc;
    }
    enum lang lang = o.lang >= 0 ? (enum lang)o.lang : locale_lang();
    const char *term = getenv("TERM");
    bool linux_console = term && strncmp(term, "linux", 5) == 0;
    if ((!utf8 || linux_console) && lang == LANG_JA && !command) {
        /* a terminal without UTF-8 cannot show Japanese, nor can the Linux
         * console's fonts */
        lang = LANG_EN;
    }
    ui_language(utf8 ? lang : LANG_EN);
    if (o.help) {
        usage(stdout);
        return finish_output(0);
    }
    /* today as tests and workshops set it: a date, else refused (not the real one unsaid) */
    const char *today = getenv("KIJUN_TODAY");
    if (today && *today && !date_valid(today)) {
        char *safe = utf8_sanitize(today, strlen(today), false);
        fprintf(stderr, _("kijun: KIJUN_TODAY '%s' is not a date YYYY-MM-DD\n"), safe);
        free(safe);
        return 2;
    }

    if (command && strcmp(command, "init") == 0) {
        if (optind + 1 != argc) {
            fputs(_("kijun: error: usage: kijun init WORKSPACE\n"), stderr);
            return 2;
        }
        char *dir = data_dir();
        rc = cmd_init(argv[optind], dir, lang);
        free(dir);
        return finish_output(rc);
    }
    if (command && strcmp(command, "export") == 0)
        return finish_output(run_export(&o, argc, argv, lang));
    if (command && strcmp(command, "import") == 0)
        return finish_output(run_import(&o, argc, argv, lang));
    if (command && strcmp(command, "check") == 0) {
        struct library *lib = load_library();
        if (!lib)
            return 2;
        char *dir = data_dir();
        /* kijunrc too: the one --config names, else (without arguments) the default one */
        char *rcfile = o.config || optind == argc ? rc_path(&o) : NULL;
        rc = o.screen ? cmd_findings_screen(lib, argv + optind, argc - optind)
                      : cmd_check(lib, argv + optind, argc - optind, dir, rcfile, o.config != NULL, o.workbench);
        free(rcfile);
        free(dir);
        library_free(lib);
        return finish_output(rc);
    }
    if (command) {
        const char *ws = optind < argc ? argv[optind++] : NULL;
        if (optind < argc) {
            fprintf(stderr, _("kijun: error: unexpected argument '%s'\n"), argv[optind]);
            return 2;
        }
        struct stat st;
        if (ws && (stat(ws, &st) != 0 || !S_ISDIR(st.st_mode))) {
            fprintf(stderr, _("kijun: %s: error: not a workspace folder\n"), ws);
            return 2;
        }
        struct library *lib = load_library();
        if (!lib)
            return 2;
        load_user_library(lib, ws, false);
        rc = cmd_tree(lib, o.edition, lang, stdout);
        library_free(lib);
        return finish_output(rc);
    }

    const char *workspace = NULL;
    if (optind < argc)
        workspace = argv[optind++];
    if (optind < argc) {
        fprintf(stderr, _("kijun: error: unexpected argument '%s'\n"), argv[optind]);
        return 2;
    }
    if (workspace && o.demo) {
        fputs(_("kijun: error: give a WORKSPACE or --demo, not both\n"), stderr);
        return 2;
    }
    if (workspace) {
        struct stat st;
        if (stat(workspace, &st) != 0 || !S_ISDIR(st.st_mode)) {
            fprintf(stderr, _("kijun: %s: error: not a workspace folder\n"), workspace);
            return 2;
        }
    }
    bool mouse = false;
    char *notice = NULL;
    if (!load_settings(&o, &mouse, &notice))
        return 2;
    struct library *lib = load_library();
    if (!lib) {
        free(notice);
        return 2;
    }
    char *datadir = data_dir();
    struct diag_list dl = {0};
    char *dir = NULL;
    bool created = false;
    if (o.demo)
        dir = ws_demo_copy(datadir, lang_code(lang), &dl);
    else if (workspace)
        dir = xstrdup(workspace);
    else
        dir = ws_default(datadir, lang_code(lang), true, &created, &dl);
    free(datadir);
    if (!dir) {
        cmd_print_diags(stderr, &dl);
        diag_clear(&dl);
        library_free(lib);
        free(notice);
        return 2;
    }
    diag_clear(&dl);
    /* the user's library: its findings are for kijun check */
    userlib_load(lib, dir, &dl);
    size_t ufound = dl.n;
    diag_clear(&dl);
    if (o.edition && !gl_edition_find(&lib->gl, o.edition)) {
        char *safe = utf8_sanitize(o.edition, strlen(o.edition), false);
        fprintf(stderr, _("kijun: error: no edition '%s'\n"), safe);
        free(safe);
        library_free(lib);
        free(notice);
        free(dir);
        return 2;
    }
    if (o.edition && !gl_edition_has_text(&lib->gl, o.edition)) {
        fprintf(stderr, _("kijun: error: edition '%s' is metadata only: kijun has no text of it (the editions screen, E, says how to add one)\n"),
                o.edition);
        library_free(lib);
        free(notice);
        free(dir);
        return 2;
    }
    if (!o.edition && *settings_edition()) {
        if (gl_edition_has_text(&lib->gl, settings_edition())) {
            o.edition = settings_edition();
        } else if (!notice) {
            struct strbuf nb = STRBUF_INIT;
            sb_printf(&nb, _("kijunrc: edition '%s' has no text in the library; opened on the newest edition with text"),
                      settings_edition());
            notice = sb_take(&nb);
        }
    }
    struct session session;
    session_open_screen(&session, lib, dir, o.demo ? "demo" : dir, o.demo);
    if (created && !session.notice[0])
        snprintf(session.notice, sizeof session.notice,
                 _("Made a new workspace in %s from the template"), dir);
    if (ufound && !session.notice[0])
        snprintf(session.notice, sizeof session.notice,
                 P_("The user's library has %zu finding: kijun check %s says which",
                    "The user's library has %zu findings: kijun check %s says which",
                    ufound), ufound, dir);
    free(dir);
    const char *nc = getenv("NO_COLOR");
    struct app_options ao = {
        .lib = lib,
        .lang = lang,
        .session = &session,
        .edition = o.edition,
        .utf8 = utf8,
        .color = !o.no_color && !(nc && *nc),
        .mouse = o.mouse || mouse,
        .notice = notice,
    };
    rc = app_run(&ao);
    free(notice);
    session_close(&session);
    library_free(lib);
    return rc;
}
