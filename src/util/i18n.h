/* i18n: the UI language. English is the source language; the Japanese
 * texts come from po/ja.po through gettext. _() translates a UI string,
 * N_() marks one (in a static table) for xgettext, to be translated with
 * _() where it is shown. */
#ifndef KIJUN_I18N_H
#define KIJUN_I18N_H
#include <stdbool.h>

/* Choose the UI language once, at start: Japanese when japanese is true
 * (the catalog in localedir), else the English source texts. Without
 * NLS (configure --disable-nls) the UI is English. */
void i18n_init(const char *localedir, bool japanese);
/* Whether the UI speaks Japanese (a catalog was found and chosen). */
bool i18n_japanese(void);

/* P_(singular, plural, n): the form for n (ngettext). */
#ifdef ENABLE_NLS
char *i18n_tr(const char *msgid) __attribute__((format_arg(1)));
char *i18n_ntr(const char *one, const char *many, unsigned long n)
    __attribute__((format_arg(1), format_arg(2)));
#define _(s) i18n_tr(s)
#define P_(s, p, n) i18n_ntr(s, p, n)
#else
#define _(s) ((char *)(s))
#define P_(s, p, n) ((char *)((n) == 1 ? (s) : (p)))
#endif
#define N_(s) (s)
#endif
