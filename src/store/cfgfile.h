/* cfgfile: read a libconfig file safely: only regular files, a size
 * limit, valid UTF-8 without NUL, bounded line length and @include rules
 * checked before libconfig sees the text; every problem becomes a
 * FILE:LINE diagnostic. Also typed getters that report wrong types. */
#ifndef KIJUN_CFGFILE_H
#define KIJUN_CFGFILE_H
#include "model/text.h"
#include "util/diag.h"
#include <libconfig.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define CFG_MAX_LINE (64 * 1024)
/* named settings in one group; more is refused before libconfig */
#define CFG_MAX_GROUP_SETTINGS 1000

/* What a path that is no regular file is, for a message: "a FIFO",
 * "a directory"... (translated). */
const char *file_kind(mode_t m);
/* Read path (named `name` in messages) into *out (NUL-terminated).
 * Returns false with a diagnostic when the file cannot be read, is not a
 * regular file or is larger than max_bytes. */
bool file_read_checked(const char *path, const char *name, size_t max_bytes,
                       char **out, size_t *len, struct diag_list *dl);

/* The same for a file in a workspace: neither the file nor the folders
 * kijun makes on its way (safefs) may be symbolic links. */
bool file_read_nofollow(const char *path, const char *name, size_t max_bytes,
                        char **out, size_t *len, struct diag_list *dl);

/* Read and parse a libconfig file; includes are refused. On failure the
 * config is destroyed and false returned. */
bool cfg_read(const char *path, const char *name, size_t max_bytes, config_t *cfg,
              struct diag_list *dl);
/* Check and parse text already read (n bytes, NUL-terminated). */
bool cfg_parse_text(const char *buf, size_t n, const char *name, config_t *cfg,
                    struct diag_list *dl);
/* The same for a file in a workspace (file_read_nofollow), and whether it
 * has comments (has_comments may be NULL). The text is checked, then let
 * go before libconfig reads the file again as a stream (a large file is
 * not held twice); a file that changed in between is refused. */
bool cfg_read_nofollow(const char *path, const char *name, size_t max_bytes, config_t *cfg,
                       bool *has_comments, struct diag_list *dl);

/* Getters: report a missing (when required) or mistyped setting as an
 * error at its line and return false; leave *out alone then. */
struct cfgctx {
    const char *file;
    struct diag_list *dl;
};

int cfg_line(const config_setting_t *s);
bool cg_string(struct cfgctx *c, const config_setting_t *group, const char *name,
               bool required, char **out);
bool cg_int(struct cfgctx *c, const config_setting_t *group, const char *name,
            bool required, long long lo, long long hi, long long *out);
bool cg_bool(struct cfgctx *c, const config_setting_t *group, const char *name,
             bool required, bool *out);
/* A bilingual text group {ja, en}; both required and non-empty. */
bool cg_text(struct cfgctx *c, const config_setting_t *group, const char *name,
             bool required, struct text *out);
bool cg_text_setting(struct cfgctx *c, const config_setting_t *s, struct text *out);
/* A list/array of strings; returns a new array (NULL-free) and its size. */
bool cg_strings(struct cfgctx *c, const config_setting_t *group, const char *name,
                char ***out, size_t *n);
/* The same for a setting s already found (named name in messages). */
bool cgv_string(struct cfgctx *c, const config_setting_t *s, const char *name, char **out);
bool cgv_int(struct cfgctx *c, const config_setting_t *s, const char *name, long long lo,
             long long hi, long long *out);
bool cgv_bool(struct cfgctx *c, const config_setting_t *s, const char *name, bool *out);
bool cgv_strings(struct cfgctx *c, const config_setting_t *s, const char *name, char ***out,
                 size_t *n);
/* Warn about settings of group not named in known (NULL-terminated). */
void cg_unknown(struct cfgctx *c, const config_setting_t *group, const char *const *known);
/* Text safe for the model: valid UTF-8 with no control characters (but
 * newline when allow_nl). */
bool cg_clean_text(struct cfgctx *c, const config_setting_t *s, const char *what,
                   const char *value, bool allow_nl);
#endif
