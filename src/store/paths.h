/* paths: where kijun finds its library data. */
#ifndef KIJUN_PATHS_H
#define KIJUN_PATHS_H

/* The data folder: $KIJUN_DATADIR when set; else, for a binary run from
 * its build tree (build_bindir), the source tree's data/ (source_datadir);
 * else the installed pkgdatadir. Returns a new string. */
char *paths_datadir(const char *build_bindir, const char *source_datadir,
                    const char *pkgdatadir);
#endif
