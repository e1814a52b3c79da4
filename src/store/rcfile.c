/* rcfile: the user's settings file, kijunrc. */
#include "config.h"
#include "store/rcfile.h"
#include "model/record.h"
#include "store/cfgfile.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

void rc_init(struct rc *rc)
{
    memset(rc, 0, sizeof *rc);
}

void rc_free(struct rc *rc)
{
    free(rc->keys);
    free(rc->styles);
    rc_init(rc);
}

char *rc_default_path(void)
{
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    struct strbuf sb = STRBUF_INIT;
    /* the XDG base directory rules: a relative path is ignored */
    if (xdg && xdg[0] == '/')
        sb_printf(&sb, "%s/kijun/kijunrc", xdg);
    else if (home && *home)
        sb_printf(&sb, "%s/.config/kijun/kijunrc", home);
    else
        return NULL;
    return sb_take(&sb);
}

/* s as it may be quoted in a message (into buf): controls and invisible
 * characters escaped (utf8_sanitize), then at most SHOWN_MAX bytes, cut
 * on a character boundary so that '%.40s' never splits one. */
#define SHOWN_MAX 40
static const char *shown(const char *s, char buf[SHOWN_MAX + 1])
{
    char *safe = utf8_sanitize(s, strlen(s), false);
    char *cut = utf8_prefix(safe, SHOWN_MAX);
    snprintf(buf, SHOWN_MAX + 1, "%s", cut);
    free(cut);
    free(safe);
    return buf;
}

static int find_name(const char *const *names, const char *name)
{
    for (int i = 0; names && names[i]; i++)
        if (strcmp(names[i], name) == 0)
            return i;
    return -1;
}

/* --- keys ------------------------------------------------------------------ */

/* One action's keys: a string or a list/array of strings, each a key. */
static void read_action(struct cfgctx *c, const struct rc_vocab *v, const config_setting_t *s,
                        struct rc *rc)
{
    const char *name = config_setting_name(s);
    int action = find_name(v->actions, name);
    if (action < 0) {
        diag_add(c->dl, DIAG_WARNING, c->file, cfg_line(s),
                 _("unknown action '%s' (ignored; see kijun(5))"), name);
        return;
    }
    struct rc_keys k = {.action = action, .line = cfg_line(s)};
    bool one = config_setting_type(s) == CONFIG_TYPE_STRING;
    if (!one && !(config_setting_is_array(s) || config_setting_is_list(s))) {
        diag_add(c->dl, DIAG_ERROR, c->file, cfg_line(s),
                 _("'%s' must be a key \"KEY\" or a list of keys [\"KEY\", ...]; its default keys stay"),
                 name);
        return;
    }
    int n = one ? 1 : config_setting_length(s);
    if (n == 0) {
        diag_add(c->dl, DIAG_ERROR, c->file, cfg_line(s), _("'%s' has no key; its default keys stay"),
                 name);
        return;
    }
    for (int i = 0; i < n; i++) {
        const config_setting_t *e = one ? s : config_setting_get_elem(s, (unsigned)i);
        int line = cfg_line(e) > 0 ? cfg_line(e) : cfg_line(s);
        if (config_setting_type(e) != CONFIG_TYPE_STRING) {
            diag_add(c->dl, DIAG_ERROR, c->file, line,
                     _("'%s' must be a key \"KEY\" or a list of keys [\"KEY\", ...]; its default keys stay"),
                     name);
            return;
        }
        const char *spec = config_setting_get_string(e);
        int key = v->parse_key(spec);
        if (key < 0) {
            char buf[SHOWN_MAX + 1];
            diag_add(c->dl, DIAG_ERROR, c->file, line,
                     _("'%.40s' is not a key (see kijun(5)); the default keys of '%s' stay"),
                     shown(spec, buf), name);
            return;
        }
        bool dup = false;
        for (size_t j = 0; j < k.n; j++)
            dup |= k.keys[j] == key;
        if (dup)
            continue;
        if (k.n == RC_MAX_KEYS) {
            diag_add(c->dl, DIAG_ERROR, c->file, line,
                     _("'%s' has more than %d keys; its default keys stay"), name, RC_MAX_KEYS);
            return;
        }
        k.keys[k.n++] = key;
    }
    rc->keys = xrealloc(rc->keys, (rc->nkeys + 1) * sizeof *rc->keys);
    rc->keys[rc->nkeys++] = k;
}

static void read_keys(struct cfgctx *c, const struct rc_vocab *v, const config_setting_t *g,
                      struct rc *rc)
{
    if (!config_setting_is_group(g)) {
        diag_add(c->dl, DIAG_ERROR, c->file, cfg_line(g),
                 _("'keys' must be a group { ACTION = \"KEY\"; ... }; the default keys stay"));
        return;
    }
    for (int i = 0; i < config_setting_length(g); i++)
        read_action(c, v, config_setting_get_elem(g, (unsigned)i), rc);
}

/* --- theme ----------------------------------------------------------------- */

static const char *const color_names[] = {
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white", NULL
};
static const char *const attr_names[] = {
    "bold", "reverse", "underline", "dim", "standout", NULL
};

static bool read_color(struct cfgctx *c, const config_setting_t *s, const char *role, int *out)
{
    const char *what = config_setting_name(s);
    if (config_setting_type(s) != CONFIG_TYPE_STRING) {
        diag_add(c->dl, DIAG_ERROR, c->file, cfg_line(s),
                 _("'%s' must be a colour name in quotes; the default of '%s' stays"), what, role);
        return false;
    }
    const char *name = config_setting_get_string(s);
    if (strcasecmp(name, "default") == 0) {
        *out = RC_COLOR_DEFAULT;
        return true;
    }
    for (int i = 0; color_names[i]; i++) {
        if (strcasecmp(color_names[i], name) == 0) {
            *out = RC_BLACK + i;
            return true;
        }
    }
    char buf[SHOWN_MAX + 1];
    diag_add(c->dl, DIAG_ERROR, c->file, cfg_line(s),
             _("unknown colour '%.40s' for '%s' (see kijun(5)); the default of '%s' stays"),
             shown(name, buf), what, role);
    return false;
}

static bool read_attr(struct cfgctx *c, const config_setting_t *e, int line, const char *role,
                      unsigned *out)
{
    if (config_setting_type(e) != CONFIG_TYPE_STRING) {
        diag_add(c->dl, DIAG_ERROR, c->file, line,
                 _("'attrs' must be an attribute or a list of them [\"bold\", ...]; the default of '%s' stays"),
                 role);
        return false;
    }
    const char *name = config_setting_get_string(e);
    for (int i = 0; attr_names[i]; i++) {
        if (strcasecmp(attr_names[i], name) == 0) {
            *out |= 1u << i;
            return true;
        }
    }
    char buf[SHOWN_MAX + 1];
    diag_add(c->dl, DIAG_ERROR, c->file, line,
             _("unknown attribute '%.40s' (see kijun(5)); the default of '%s' stays"),
             shown(name, buf), role);
    return false;
}

static void read_style(struct cfgctx *c, const struct rc_vocab *v, const config_setting_t *s,
                       struct rc *rc)
{
    const char *name = config_setting_name(s);
    int role = find_name(v->roles, name);
    if (role < 0) {
        diag_add(c->dl, DIAG_WARNING, c->file, cfg_line(s),
                 _("unknown theme role '%s' (ignored; see kijun(5))"), name);
        return;
    }
    if (!config_setting_is_group(s)) {
        diag_add(c->dl, DIAG_ERROR, c->file, cfg_line(s),
                 _("'%s' must be a group { fg = \"COLOUR\"; bg = \"COLOUR\"; attrs = [\"ATTR\", ...]; }; "
                   "its default stays"), name);
        return;
    }
    static const char *const known[] = {"fg", "bg", "attrs", NULL};
    cg_unknown(c, s, known);
    struct rc_style st = {.role = role, .line = cfg_line(s)};
    const config_setting_t *m;
    if ((m = config_setting_get_member(s, "fg"))) {
        if (!read_color(c, m, name, &st.fg))
            return;
        st.has_fg = true;
    }
    if ((m = config_setting_get_member(s, "bg"))) {
        if (!read_color(c, m, name, &st.bg))
            return;
        st.has_bg = true;
    }
    if ((m = config_setting_get_member(s, "attrs"))) {
        if (config_setting_type(m) == CONFIG_TYPE_STRING) {
            if (!read_attr(c, m, cfg_line(m), name, &st.attrs))
                return;
        } else if (config_setting_is_array(m) || config_setting_is_list(m)) {
            for (int i = 0; i < config_setting_length(m); i++) {
                const config_setting_t *e = config_setting_get_elem(m, (unsigned)i);
                if (!read_attr(c, e, cfg_line(e) > 0 ? cfg_line(e) : cfg_line(m), name, &st.attrs))
                    return;
            }
        } else {
            read_attr(c, m, cfg_line(m), name, &st.attrs); /* reports the type */
            return;
        }
        st.has_attrs = true;
    }
    rc->styles = xrealloc(rc->styles, (rc->nstyles + 1) * sizeof *rc->styles);
    rc->styles[rc->nstyles++] = st;
}

static void read_theme(struct cfgctx *c, const struct rc_vocab *v, const config_setting_t *g,
                       struct rc *rc)
{
    if (!config_setting_is_group(g)) {
        diag_add(c->dl, DIAG_ERROR, c->file, cfg_line(g),
                 _("'theme' must be a group { ROLE = { fg = ...; bg = ...; attrs = [...]; }; ... }; "
                   "the default theme stays"));
        return;
    }
    for (int i = 0; i < config_setting_length(g); i++)
        read_style(c, v, config_setting_get_elem(g, (unsigned)i), rc);
}

/* --- the file -------------------------------------------------------------- */

enum rc_status rc_read(const char *path, const struct rc_vocab *v, struct rc *rc,
                       struct diag_list *dl)
{
    if (access(path, F_OK) != 0 && errno == ENOENT)
        return RC_MISSING;
    config_t cfg;
    size_t first = dl->n;
    if (!cfg_read(path, path, RC_MAX_BYTES, &cfg, dl))
        return RC_UNREADABLE;
    struct cfgctx c = {path, dl};
    const config_setting_t *root = config_root_setting(&cfg);
    static const char *const known[] = {"keys", "theme", "mouse", "edition", NULL};
    cg_unknown(&c, root, known);
    const config_setting_t *s;
    if ((s = config_setting_get_member(root, "keys")))
        read_keys(&c, v, s, rc);
    if ((s = config_setting_get_member(root, "theme")))
        read_theme(&c, v, s, rc);
    if ((s = config_setting_get_member(root, "mouse"))) {
        if (config_setting_type(s) != CONFIG_TYPE_BOOL) {
            diag_add(dl, DIAG_ERROR, path, cfg_line(s), _("'mouse' must be true or false (ignored)"));
        } else {
            rc->has_mouse = true;
            rc->mouse = config_setting_get_bool(s) != 0;
        }
    }
    if ((s = config_setting_get_member(root, "edition"))) {
        const char *e = config_setting_type(s) == CONFIG_TYPE_STRING ? config_setting_get_string(s) : NULL;
        if (!e || !id_syntax_ok(e, sizeof rc->edition - 1))
            diag_add(dl, DIAG_ERROR, path, cfg_line(s),
                     _("'edition' must be the id of an edition, such as \"v5\" (ignored)"));
        else
            snprintf(rc->edition, sizeof rc->edition, "%s", e);
    }
    config_destroy(&cfg);
    diag_sort_lines(dl, first);
    return RC_READ;
}
