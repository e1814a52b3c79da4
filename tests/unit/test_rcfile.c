/* Unit tests: kijunrc, the user's settings file (store/rcfile) with the
 * screen's key syntax (ui/keys): good files, each kind of bad line with
 * its FILE:LINE message and the setting left out (its default stays),
 * a missing file (no finding), files that are not regular, where the
 * file is looked for. Each test writes in its own folder under /tmp. */
#include "store/rcfile.h"
#include "ui/actions.h"
#include "ui/keys.h"
#include "util/diag.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "util/utf8.h"
#include <criterion/criterion.h>
#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The screen's vocabulary: the real action names, a few roles. */
static const char *const actions[] = {
#define X(id, name, help, label, bar) name,
    KIJUN_ACTIONS(X)
#undef X
    NULL
};
static const char *const roles[] = {"normal", "title", "selected", "key", "notice", NULL};
static const struct rc_vocab vocab = {actions, roles, key_parse};

static int act(const char *name)
{
    for (int i = 0; actions[i]; i++)
        if (strcmp(actions[i], name) == 0)
            return i;
    cr_assert_fail("no action %s", name);
    return -1;
}

static char root[64];
static char path[128];
static struct rc rc;
static struct diag_list dl;

static void setup(void)
{
    strcpy(root, "/tmp/kijun-rc-test-XXXXXX");
    cr_assert_not_null(mkdtemp(root), "mkdtemp: %s", strerror(errno));
    snprintf(path, sizeof path, "%s/kijunrc", root);
    rc_init(&rc);
    memset(&dl, 0, sizeof dl);
}

static void teardown(void)
{
    rc_free(&rc);
    diag_clear(&dl);
    unlink(path);
    rmdir(path);
    rmdir(root);
}

TestSuite(rcfile, .init = setup, .fini = teardown);

static void write_rc(const char *text)
{
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
}

static enum rc_status read_rc(const char *text)
{
    write_rc(text);
    return rc_read(path, &vocab, &rc, &dl);
}

/* Finding i formatted, with the folder cut off: "kijunrc:3: error: ...". */
static char *finding(size_t i)
{
    cr_assert_lt(i, dl.n, "only %zu findings", dl.n);
    char *s = diag_format(&dl.v[i]);
    size_t n = strlen(root) + 1;
    cr_assert(strncmp(s, root, n - 1) == 0, "%s names the file", s);
    memmove(s, s + n, strlen(s + n) + 1);
    return s;
}

static void expect_finding(size_t i, const char *prefix, const char *part)
{
    char *s = finding(i);
    cr_expect(strncmp(s, prefix, strlen(prefix)) == 0, "finding %zu \"%s\" starts with \"%s\"", i, s,
              prefix);
    if (part)
        cr_expect(strstr(s, part) != NULL, "finding %zu \"%s\" says \"%s\"", i, s, part);
    free(s);
}

static const struct rc_keys *keys_of(const char *name)
{
    for (size_t i = 0; i < rc.nkeys; i++)
        if (rc.keys[i].action == act(name))
            return &rc.keys[i];
    return NULL;
}

static const struct rc_style *style_of(int role)
{
    for (size_t i = 0; i < rc.nstyles; i++)
        if (rc.styles[i].role == role)
            return &rc.styles[i];
    return NULL;
}

/* --- the key syntax -------------------------------------------------------- */

Test(keys, parse)
{
    cr_expect_eq(key_parse("s"), 's');
    cr_expect_eq(key_parse("?"), '?');
    cr_expect_eq(key_parse("0"), '0');
    cr_expect_eq(key_parse("F1"), KEY_F(1));
    cr_expect_eq(key_parse("f2"), KEY_F(2));
    cr_expect_eq(key_parse("F10"), KEY_F(10));
    cr_expect_eq(key_parse("F12"), KEY_F(12));
    cr_expect_eq(key_parse("^S"), 19);
    cr_expect_eq(key_parse("^s"), 19);
    cr_expect_eq(key_parse("C-x"), 24);
    cr_expect_eq(key_parse("C-L"), 12);
    cr_expect_eq(key_parse("^M"), '\n');
    cr_expect_eq(key_parse("^H"), KEY_BACKSPACE);
    cr_expect_eq(key_parse("Enter"), '\n');
    cr_expect_eq(key_parse("esc"), 27);
    cr_expect_eq(key_parse("Tab"), '\t');
    cr_expect_eq(key_parse("Space"), ' ');
    cr_expect_eq(key_parse(" "), ' ');
    cr_expect_eq(key_parse("Up"), KEY_UP);
    cr_expect_eq(key_parse("Down"), KEY_DOWN);
    cr_expect_eq(key_parse("Left"), KEY_LEFT);
    cr_expect_eq(key_parse("RIGHT"), KEY_RIGHT);
    cr_expect_eq(key_parse("PgUp"), KEY_PPAGE);
    cr_expect_eq(key_parse("PgDn"), KEY_NPAGE);
    cr_expect_eq(key_parse("Home"), KEY_HOME);
    cr_expect_eq(key_parse("End"), KEY_END);
    cr_expect_eq(key_parse("BkSp"), KEY_BACKSPACE);
    cr_expect_eq(key_parse("Del"), KEY_DC);
    cr_expect_eq(key_parse("Ins"), KEY_IC);
}

Test(keys, not_keys)
{
    const char *bad[] = {"", "F0", "F13", "F1x", "^1", "^@", "C-", "C-xy", "ab",
                         "Ctrl-S", "\xC3\xA9", "\t", "PageUpp", NULL};
    for (int i = 0; bad[i]; i++)
        cr_expect_eq(key_parse(bad[i]), -1, "\"%s\" is no key", bad[i]);
}

Test(keys, labels_read_back)
{
    /* every label the key bar shows parses back to its key */
    const char *specs[] = {"s", "F2", "^S", "Enter", "Esc", "Tab", "Space", "Up", "PgDn", "Home",
                           "End", "BkSp", "Del", "Ins", NULL};
    for (int i = 0; specs[i]; i++) {
        char buf[16];
        int k = key_parse(specs[i]);
        cr_expect_eq(key_parse(key_label(k, buf, sizeof buf)), k, "%s", specs[i]);
    }
    cr_expect_eq(key_twin('\n'), KEY_ENTER);
    cr_expect_eq(key_twin('s'), -1);
}

/* --- good files -------------------------------------------------------------- */

Test(rcfile, good)
{
    enum rc_status st = read_rc(
        "# my settings\n"
        "keys = {\n"
        "  save = [\"w\", \"F2\", \"^S\"];\n"
        "  quit = \"x\";\n"
        "  page-down = [\"Space\", \"PgDn\", \"PgDn\"];\n"
        "};\n"
        "theme = {\n"
        "  selected = { fg = \"black\"; bg = \"cyan\"; attrs = [\"bold\"]; };\n"
        "  title = { bg = \"Magenta\"; };\n"
        "  notice = { attrs = \"underline\"; };\n"
        "  key = { attrs = [\"reverse\", \"standout\", \"dim\"]; fg = \"default\"; };\n"
        "};\n"
        "mouse = true;\n");
    cr_assert_eq(st, RC_READ);
    cr_expect_eq(dl.n, 0, "no findings (first: %s)", dl.n ? dl.v[0].text : "");
    cr_assert_eq(rc.nkeys, 3);
    const struct rc_keys *k = keys_of("save");
    cr_assert_not_null(k);
    cr_expect_eq(k->n, 3);
    cr_expect_eq(k->keys[0], 'w');
    cr_expect_eq(k->keys[1], KEY_F(2));
    cr_expect_eq(k->keys[2], 19);
    cr_expect_eq(k->line, 3);
    k = keys_of("quit");
    cr_assert_not_null(k);
    cr_expect_eq(k->n, 1);
    cr_expect_eq(k->keys[0], 'x');
    cr_expect_eq(k->line, 4);
    k = keys_of("page-down");
    cr_assert_not_null(k);
    cr_expect_eq(k->n, 2, "a key given twice counts once");
    cr_assert_eq(rc.nstyles, 4);
    const struct rc_style *s = style_of(2);
    cr_assert_not_null(s);
    cr_expect(s->has_fg && s->has_bg && s->has_attrs);
    cr_expect_eq(s->fg, RC_BLACK);
    cr_expect_eq(s->bg, RC_CYAN);
    cr_expect_eq(s->attrs, RC_ATTR_BOLD);
    cr_expect_eq(s->line, 8);
    s = style_of(1);
    cr_assert_not_null(s);
    cr_expect(!s->has_fg && s->has_bg && !s->has_attrs, "title gives its background only");
    cr_expect_eq(s->bg, RC_MAGENTA);
    s = style_of(4);
    cr_assert_not_null(s);
    cr_expect_eq(s->attrs, RC_ATTR_UNDERLINE, "one attribute as a string");
    s = style_of(3);
    cr_assert_not_null(s);
    cr_expect_eq(s->attrs, RC_ATTR_REVERSE | RC_ATTR_STANDOUT | RC_ATTR_DIM);
    cr_expect_eq(s->fg, RC_COLOR_DEFAULT);
    cr_expect(rc.has_mouse && rc.mouse);
}

Test(rcfile, empty_and_parenthesised_list)
{
    cr_assert_eq(read_rc("keys = { help = (\"h\", \"F1\"); };\nmouse = false;\n"), RC_READ);
    cr_expect_eq(dl.n, 0);
    cr_assert_eq(rc.nkeys, 1);
    cr_expect_eq(rc.keys[0].n, 2);
    cr_expect(rc.has_mouse && !rc.mouse);
}

Test(rcfile, empty_file)
{
    cr_assert_eq(read_rc(""), RC_READ);
    cr_expect_eq(dl.n, 0);
    cr_expect_eq(rc.nkeys, 0);
    cr_expect_eq(rc.nstyles, 0);
    cr_expect(!rc.has_mouse);
}

/* --- bad lines: reported at their line, left out, the rest read -------------- */

Test(rcfile, unknown_action)
{
    cr_assert_eq(read_rc("keys = {\n  save = \"w\";\n  teleport = \"t\";\n  quit = \"x\";\n};\n"),
                 RC_READ);
    cr_assert_eq(dl.n, 1);
    expect_finding(0, "kijunrc:3: warning: ", "unknown action 'teleport'");
    cr_expect_eq(rc.nkeys, 2, "save and quit are read");
    cr_expect_not_null(keys_of("save"));
    cr_expect_not_null(keys_of("quit"));
}

Test(rcfile, unparsable_key)
{
    cr_assert_eq(read_rc("keys = {\n  save = [\"w\",\n          \"F13\"];\n  quit = \"x\";\n"
                         "  help = \"Ctrl-H\";\n};\n"), RC_READ);
    cr_assert_eq(dl.n, 2);
    expect_finding(0, "kijunrc:3: error: ", "'F13' is not a key");
    expect_finding(0, "kijunrc:3: error: ", "the default keys of 'save' stay");
    expect_finding(1, "kijunrc:5: error: ", "'Ctrl-H' is not a key");
    cr_expect_null(keys_of("save"), "save keeps its defaults: no w either");
    cr_expect_null(keys_of("help"));
    cr_expect_not_null(keys_of("quit"), "quit is read");
}

Test(rcfile, key_with_control_character)
{
    cr_assert_eq(read_rc("keys = { save = \"\\x1b[31m\"; };\n"), RC_READ);
    cr_assert_eq(dl.n, 1);
    expect_finding(0, "kijunrc:1: error: '^[[31m' is not a key", NULL);
}

Test(rcfile, a_long_japanese_key_is_quoted_without_cutting_a_character)
{
    /* 20 characters of 3 bytes: '%.40s' alone would cut the 14th */
    cr_assert_eq(read_rc("keys = { save = \"保存保存保存保存保存保存保存保存保存保存\"; };\n"), RC_READ);
    cr_assert_eq(dl.n, 1);
    expect_finding(0, "kijunrc:1: error: '保存保存保存保存保存保存保' is not a key", NULL);
    cr_assert(utf8_valid(dl.v[0].text, strlen(dl.v[0].text), NULL));
}

Test(rcfile, an_invisible_character_in_a_key_is_shown)
{
    cr_assert_eq(read_rc("keys = { save = \"\u202Ex\"; };\n"), RC_READ);
    cr_assert_eq(dl.n, 1);
    expect_finding(0, "kijunrc:1: error: '<U+202E>x' is not a key", NULL);
}

Test(rcfile, wrong_types_in_keys)
{
    cr_assert_eq(read_rc("keys = {\n  save = 5;\n  quit = (\"x\", 7);\n  help = { k = \"h\"; };\n"
                         "  first = [];\n  last = [\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\"];\n"
                         "  up = \"k\";\n};\n"), RC_READ);
    cr_assert_eq(dl.n, 5);
    expect_finding(0, "kijunrc:2: error: ", "'save' must be a key");
    expect_finding(1, "kijunrc:3: error: ", "'quit' must be a key");
    expect_finding(2, "kijunrc:4: error: ", "'help' must be a key");
    expect_finding(3, "kijunrc:5: error: ", "'first' has no key");
    expect_finding(4, "kijunrc:6: error: ", "'last' has more than 8 keys");
    cr_assert_eq(rc.nkeys, 1, "only up is read");
    cr_expect_not_null(keys_of("up"));
}

Test(rcfile, keys_not_a_group)
{
    cr_assert_eq(read_rc("mouse = true;\nkeys = [\"s\"];\n"), RC_READ);
    cr_assert_eq(dl.n, 1);
    expect_finding(0, "kijunrc:2: error: ", "'keys' must be a group");
    cr_expect(rc.mouse, "the rest of the file is read");
}

Test(rcfile, unknown_colour_and_attr)
{
    cr_assert_eq(read_rc("theme = {\n  selected = { fg = \"black\"; bg = \"purple\"; };\n"
                         "  title = {\n    attrs = [\"bold\", \"blink\"];\n  };\n"
                         "  notice = { fg = \"white\"; bg = \"red\"; };\n};\n"), RC_READ);
    cr_assert_eq(dl.n, 2);
    expect_finding(0, "kijunrc:2: error: ", "unknown colour 'purple' for 'bg'");
    expect_finding(0, "kijunrc:2: error: ", "the default of 'selected' stays");
    expect_finding(1, "kijunrc:4: error: ", "unknown attribute 'blink'");
    cr_expect_null(style_of(2), "selected keeps its default, its fg too");
    cr_expect_null(style_of(1), "title keeps its default");
    cr_expect_not_null(style_of(4), "notice is read");
}

Test(rcfile, wrong_types_in_theme)
{
    cr_assert_eq(read_rc("theme = {\n  title = \"red\";\n  selected = { fg = 1; };\n"
                         "  notice = { attrs = 3; };\n  key = { fg = \"red\"; size = 3; };\n};\n"
                         "theme2 = 1;\n"), RC_READ);
    cr_assert_eq(dl.n, 5);
    /* in line order */
    expect_finding(0, "kijunrc:2: error: ", "'title' must be a group");
    expect_finding(1, "kijunrc:3: error: ", "'fg' must be a colour name");
    expect_finding(2, "kijunrc:4: error: ", "'attrs' must be an attribute");
    expect_finding(3, "kijunrc:5: warning: ", "size");
    expect_finding(4, "kijunrc:7: warning: ", "theme2");
    cr_assert_eq(rc.nstyles, 1, "key is read, its unknown setting aside");
    cr_expect_not_null(style_of(3));
}

Test(rcfile, unknown_role)
{
    cr_assert_eq(read_rc("theme = {\n  sparkle = { fg = \"red\"; };\n  key = { fg = \"red\"; };\n};\n"),
                 RC_READ);
    cr_assert_eq(dl.n, 1);
    expect_finding(0, "kijunrc:2: warning: ", "unknown theme role 'sparkle'");
    cr_expect_eq(rc.nstyles, 1);
}

Test(rcfile, theme_not_a_group)
{
    cr_assert_eq(read_rc("theme = \"dark\";\n"), RC_READ);
    cr_assert_eq(dl.n, 1);
    expect_finding(0, "kijunrc:1: error: ", "'theme' must be a group");
}

Test(rcfile, mouse_wrong_type)
{
    cr_assert_eq(read_rc("\nmouse = \"yes\";\n"), RC_READ);
    cr_assert_eq(dl.n, 1);
    expect_finding(0, "kijunrc:2: error: ", "'mouse' must be true or false");
    cr_expect(!rc.has_mouse);
}

Test(rcfile, syntax_error)
{
    cr_assert_eq(read_rc("keys = {\n  save = \"w\";\n  quit = ;\n};\n"), RC_UNREADABLE);
    cr_assert_eq(dl.n, 1);
    expect_finding(0, "kijunrc:3: error: ", NULL);
    cr_expect_eq(rc.nkeys, 0, "nothing is taken from a file that does not parse");
}

Test(rcfile, include_refused)
{
    cr_assert_eq(read_rc("@include \"/etc/passwd\"\n"), RC_UNREADABLE);
    cr_assert_eq(dl.n, 1);
    expect_finding(0, "kijunrc:1: error: ", "@include");
}

/* --- the file itself ---------------------------------------------------------- */

Test(rcfile, missing_file)
{
    cr_expect_eq(rc_read(path, &vocab, &rc, &dl), RC_MISSING);
    cr_expect_eq(dl.n, 0, "a missing kijunrc is no finding");
}

Test(rcfile, directory)
{
    cr_assert_eq(mkdir(path, 0700), 0);
    cr_expect_eq(rc_read(path, &vocab, &rc, &dl), RC_UNREADABLE);
    cr_assert_eq(dl.n, 1);
    expect_finding(0, "kijunrc: error: ", "not a regular file");
}

Test(rcfile, fifo)
{
    cr_assert_eq(mkfifo(path, 0600), 0);
    cr_expect_eq(rc_read(path, &vocab, &rc, &dl), RC_UNREADABLE, "a FIFO is refused at once");
    cr_assert_eq(dl.n, 1);
    expect_finding(0, "kijunrc: error: ", "FIFO");
}

Test(rcfile, too_large)
{
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    for (int i = 0; i < RC_MAX_BYTES / 16 + 1; i++)
        fputs("# padding......\n", f);
    fclose(f);
    cr_expect_eq(rc_read(path, &vocab, &rc, &dl), RC_UNREADABLE);
    cr_assert_eq(dl.n, 1);
    expect_finding(0, "kijunrc: error: ", "over the limit");
}

Test(rcfile, unreadable)
{
    if (geteuid() == 0)
        cr_skip_test("root reads every file");
    write_rc("mouse = true;\n");
    chmod(path, 0);
    cr_expect_eq(rc_read(path, &vocab, &rc, &dl), RC_UNREADABLE);
    cr_assert_eq(dl.n, 1);
    expect_finding(0, "kijunrc: error: ", "cannot open");
}

/* --- where it is ----------------------------------------------------------------- */

Test(paths, default_path)
{
    char *old_xdg = getenv("XDG_CONFIG_HOME") ? xstrdup(getenv("XDG_CONFIG_HOME")) : NULL;
    char *old_home = getenv("HOME") ? xstrdup(getenv("HOME")) : NULL;
    setenv("HOME", "/home/alice", 1);
    setenv("XDG_CONFIG_HOME", "/srv/conf", 1);
    char *p = rc_default_path();
    cr_expect_str_eq(p, "/srv/conf/kijun/kijunrc");
    free(p);
    setenv("XDG_CONFIG_HOME", "conf", 1);
    p = rc_default_path();
    cr_expect_str_eq(p, "/home/alice/.config/kijun/kijunrc", "a relative XDG_CONFIG_HOME is ignored");
    free(p);
    setenv("XDG_CONFIG_HOME", "", 1);
    p = rc_default_path();
    cr_expect_str_eq(p, "/home/alice/.config/kijun/kijunrc");
    free(p);
    unsetenv("XDG_CONFIG_HOME");
    unsetenv("HOME");
    cr_expect_null(rc_default_path(), "neither: no kijunrc");
    if (old_xdg)
        setenv("XDG_CONFIG_HOME", old_xdg, 1);
    if (old_home)
        setenv("HOME", old_home, 1);
    free(old_xdg);
    free(old_home);
}

/* --- the edition the browser opens on ------------------------------------------- */

Test(rcfile, edition)
{
    cr_assert_eq(read_rc("edition = \"v5\";\n"), RC_READ);
    cr_expect_eq(dl.n, 0);
    cr_expect_str_eq(rc.edition, "v5");
}

Test(rcfile, bad_edition_is_a_finding_and_ignored)
{
    cr_assert_eq(read_rc("mouse = true;\nedition = 5;\n"), RC_READ);
    cr_assert_eq(dl.n, 1);
    expect_finding(0, "kijunrc:2: error:", "'edition'");
    cr_expect_str_eq(rc.edition, "");
    rc_free(&rc);
    rc_init(&rc);
    diag_clear(&dl);
    cr_assert_eq(read_rc("edition = \"no such/id\";\n"), RC_READ);
    cr_assert_eq(dl.n, 1);
    expect_finding(0, "kijunrc:1: error:", "'edition'");
    cr_expect_str_eq(rc.edition, "");
}
