/* text: bilingual strings and the language choice. */
#ifndef KIJUN_TEXT_H
#define KIJUN_TEXT_H

enum lang { LANG_JA, LANG_EN };

struct text {
    char *ja;
    char *en;
};

/* The text in lang, falling back to the other language; never NULL. */
const char *text_get(const struct text *t, enum lang lang);
void text_free(struct text *t);
/* "ja" / "en" */
const char *lang_code(enum lang lang);
/* Parse "ja"/"en" (also "ja_JP..." style); returns -1 when unknown. */
int lang_parse(const char *s);
#endif
