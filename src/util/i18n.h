/* i18n: the gettext macros for UI strings (English is the source). */
#ifndef KIJUN_I18N_H
#define KIJUN_I18N_H
#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s) (s)
#endif
#define N_(s) (s)
#endif
