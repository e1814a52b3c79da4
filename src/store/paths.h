/* paths: where kijun finds its library data and its translations. */
#ifndef KIJUN_PATHS_H
#define KIJUN_PATHS_H

/* The data folder: $KIJUN_DATADIR when set; else, for a binary run from
 * its build tree (build_bindir), the source tree's data/ (source_datadir);
 * else the installed pkgdatadir. Returns a new string. */
char *paths_datadir(const char *build_bindir, const char *source_datadir,
                    const char *pkgdatadir);
/* The folder of the message catalogs (LANG/LC_MESSAGES/kijun.mo), the
 * same way: $KIJUN_LOCALEDIR, the build tree's po/locale, the installed
 * localedir. Returns a new string. */
char *paths_localedir(const char *build_bindir, const char *build_localedir,
                      const char *localedir);
#endif
