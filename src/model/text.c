/* text: bilingual strings and the language choice. */
#include "config.h"
#include "model/text.h"
#include <stdlib.h>
#include <string.h>

const char *text_get(const struct text *t, enum lang lang)
{
    const char *a = lang == LANG_JA ? t->ja : t->en;
    const char *b = lang == LANG_JA ? t->en : t->ja;
    if (a && *a)
        return a;
    return b ? b : "";
}

void text_free(struct text *t)
{
    free(t->ja);
    free(t->en);
    t->ja = t->en = NULL;
}

const char *lang_code(enum lang lang)
{
    return lang == LANG_JA ? "ja" : "en";
}

int lang_parse(const char *s)
{
    if (!s)
        return -1;
    if (strncmp(s, "ja", 2) == 0 && (s[2] == '\0' || s[2] == '_' || s[2] == '.' || s[2] == '-'))
        return LANG_JA;
    if (strncmp(s, "en", 2) == 0 && (s[2] == '\0' || s[2] == '_' || s[2] == '.' || s[2] == '-'))
        return LANG_EN;
    return -1;
}
