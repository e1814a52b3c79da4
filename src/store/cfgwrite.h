/* cfgwrite: libconfig text as kijun writes it, in forms its own reader
 * (cfgfile) reads back to the same values: strings with escapes and, when
 * long, as adjacent literals on lines of their own; integers beyond 32
 * bits with the L suffix; any setting read from a file (cfgw_setting),
 * so that what the store does not understand is written back unchanged. */
#ifndef KIJUN_CFGWRITE_H
#define KIJUN_CFGWRITE_H
#include "util/strbuf.h"
#include <libconfig.h>

/* A string literal longer than this is continued in another literal on
 * the next line; an aggregate longer than this on one line is written one
 * element per line. Both far below the reader's CFG_MAX_LINE. */
#define CFGW_PIECE_MAX 4000
#define CFGW_LINE_MAX 4000

/* s as a quoted string; long ones as pieces, each continuation line
 * starting with cont. Never cut inside a character or an escape. */
void cfgw_string(struct strbuf *sb, const char *s, const char *cont);
/* An integer, with L beyond 32 bits. */
void cfgw_int(struct strbuf *sb, long long v);
/* The setting s as "name = value;" (or just the value when s has no
 * name: an element), continuation lines starting with indent. */
void cfgw_setting(struct strbuf *sb, const config_setting_t *s, const char *indent);
#endif
