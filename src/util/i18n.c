/* i18n: the UI language through gettext. */
#include "config.h"
#include "util/i18n.h"
#include <stdlib.h>
#ifdef ENABLE_NLS
#include <libintl.h>
#endif

static bool japanese;

void i18n_init(const char *localedir, bool ja)
{
    japanese = false;
#ifdef ENABLE_NLS
    if (!ja)
        return;
    /* LANGUAGE picks the catalog even when LC_MESSAGES is C.UTF-8 (no
     * Japanese locale installed, or --lang ja in another locale); glibc
     * ignores it only in the plain C locale, which has no UTF-8 and so
     * never gets here for the screens. */
    setenv("LANGUAGE", "ja", 1);
    if (!bindtextdomain(PACKAGE, localedir) || !bind_textdomain_codeset(PACKAGE, "UTF-8")
        || !textdomain(PACKAGE))
        return;
    japanese = true;
#else
    (void)localedir;
    (void)ja;
#endif
}

bool i18n_japanese(void)
{
    return japanese;
}

#ifdef ENABLE_NLS
char *i18n_tr(const char *msgid)
{
    if (!japanese || !msgid || !*msgid)
        return (char *)msgid;
    return dgettext(PACKAGE, msgid);
}

char *i18n_ntr(const char *one, const char *many, unsigned long n)
{
    if (!japanese)
        return (char *)(n == 1 ? one : many);
    return dngettext(PACKAGE, one, many, n);
}
#endif
