/* rcfile: the user's settings file, kijunrc ($XDG_CONFIG_HOME/kijun/kijunrc,
 * else ~/.config/kijun/kijunrc): key bindings, the theme and the mouse.
 * It is read through cfgfile (regular files only, a size limit, no
 * @include, FILE:LINE diagnostics). The names it accepts for actions and
 * theme roles and the key syntax belong to the screen, so the caller
 * gives them in a vocabulary; colour and attribute names are the
 * terminal's and known here. Every bad setting is reported at its line
 * and left out, so that its default stays. */
#ifndef KIJUN_RCFILE_H
#define KIJUN_RCFILE_H
#include "util/diag.h"
#include <stdbool.h>
#include <stddef.h>

#define RC_MAX_BYTES (256 * 1024)
#define RC_MAX_KEYS 8 /* keys per action */

/* The eight colours of every colour terminal, in their ANSI order. */
enum rc_color {
    RC_COLOR_DEFAULT = -1, RC_BLACK, RC_RED, RC_GREEN, RC_YELLOW, RC_BLUE, RC_MAGENTA,
    RC_CYAN, RC_WHITE
};
enum {
    RC_ATTR_BOLD = 1, RC_ATTR_REVERSE = 2, RC_ATTR_UNDERLINE = 4, RC_ATTR_DIM = 8,
    RC_ATTR_STANDOUT = 16
};

struct rc_vocab {
    const char *const *actions;        /* action names, NULL-terminated */
    const char *const *roles;          /* theme role names, NULL-terminated */
    int (*parse_key)(const char *spec); /* a key code >= 0, or -1: no key */
};

/* keys = { ACTION = "KEY" | ["KEY", ...]; ... } */
struct rc_keys {
    int action;                        /* index into vocab->actions */
    int keys[RC_MAX_KEYS];
    size_t n;
    int line;
};

/* theme = { ROLE = { fg = "COLOUR"; bg = "COLOUR"; attrs = ["ATTR", ...]; }; ... } */
struct rc_style {
    int role;                          /* index into vocab->roles */
    bool has_fg, has_bg, has_attrs;
    int fg, bg;                        /* enum rc_color */
    unsigned attrs;                    /* RC_ATTR_* bits */
    int line;
};

struct rc {
    struct rc_keys *keys;
    size_t nkeys;
    struct rc_style *styles;
    size_t nstyles;
    bool has_mouse, mouse;             /* mouse = true; */
    char edition[129];                 /* edition = "v5"; "" when not given */
};

enum rc_status {
    RC_MISSING,    /* no such file: nothing to read, not an error */
    RC_READ,       /* read; the findings (if any) are in the list */
    RC_UNREADABLE  /* cannot be read or parsed: nothing was taken from it */
};

void rc_init(struct rc *rc);
void rc_free(struct rc *rc);
/* $XDG_CONFIG_HOME/kijun/kijunrc when XDG_CONFIG_HOME is an absolute
 * path, else $HOME/.config/kijun/kijunrc; NULL without either. New string. */
char *rc_default_path(void);
/* Read path into *rc (which rc_init made). Diagnostics name the file as
 * path. A missing file gives RC_MISSING and no diagnostic. */
enum rc_status rc_read(const char *path, const struct rc_vocab *v, struct rc *rc,
                       struct diag_list *dl);
#endif
