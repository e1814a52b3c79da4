/* Unit tests: UTF-8 decoding, display width, cutting, sanitising, wrapping. */
#include "util/utf8.h"
#include "util/wrap.h"
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

Test(utf8, width_of_ascii_and_japanese)
{
    cr_assert_eq(utf8_width("abc"), 3);
    cr_assert_eq(utf8_width("安全基準"), 8);
    cr_assert_eq(utf8_width("（１）経営層"), 12);
    cr_assert_eq(utf8_width("Ⅱ．"), 3); /* Roman numeral is narrow, full stop wide */
    cr_assert_eq(utf8_width("ｶﾀｶﾅ"), 4); /* half-width katakana */
    cr_assert_eq(utf8_width("e\xCC\x81"), 1); /* combining accent */
}

Test(utf8, validation_finds_the_bad_byte)
{
    size_t bad = 99;
    cr_assert(utf8_valid("日本語", strlen("日本語"), &bad));
    cr_assert_not(utf8_valid("ab\xFF" "cd", 5, &bad));
    cr_assert_eq(bad, 2);
    cr_assert_not(utf8_valid("\xE6\x97", 2, &bad)); /* truncated */
    cr_assert_eq(bad, 0);
    cr_assert_not(utf8_valid("\xC0\xAF", 2, &bad)); /* overlong */
    cr_assert_not(utf8_valid("\xED\xA0\x80", 3, &bad)); /* surrogate */
}

Test(utf8, fit_never_splits_a_character)
{
    int used;
    const char *s = "重要インフラ";
    size_t n = utf8_fit(s, strlen(s), 5, &used);
    cr_assert_eq(n, 6); /* two characters, 4 columns: a third would need 6 */
    cr_assert_eq(used, 4);
}

Test(utf8, ellipsize_by_display_width)
{
    char *s = utf8_ellipsize("情報セキュリティ", 9, "…", 1);
    cr_assert_str_eq(s, "情報セキ…");
    cr_assert_eq(utf8_width(s), 9);
    free(s);
    s = utf8_ellipsize("short", 9, "…", 1);
    cr_assert_str_eq(s, "short");
    free(s);
    s = utf8_ellipsize("abcdef", 1, "…", 1);
    cr_assert_str_eq(s, "…");
    free(s);
}

Test(utf8, sanitize_makes_escapes_visible)
{
    const char evil[] = "a\x1b[2Jb\x07\x7f\xC2\x9B" "c\xFF\n";
    char *s = utf8_sanitize(evil, sizeof evil - 1, false);
    cr_assert_str_eq(s, "a^[[2Jb^G^?\\u009Bc\\xFF ");
    free(s);
    s = utf8_sanitize("x\ny", 3, true);
    cr_assert_str_eq(s, "x\ny");
    free(s);
    s = utf8_sanitize("\xE2\x80\xAE" "abc", 6, false); /* bidi override */
    cr_assert_str_eq(s, "\\u202Eabc");
    free(s);
}

Test(utf8, ascii_fallback)
{
    char *s = utf8_to_ascii("Ⅱ．（１）abc…→");
    cr_assert_str_eq(s, "II.(1)abc...->");
    free(s);
    s = utf8_to_ascii("日本");
    cr_assert_str_eq(s, "??");
    free(s);
}

static char *line(const char *s, const struct wrap_line *l)
{
    return strndup(s + l->off, l->len);
}

Test(wrap, english_breaks_at_spaces)
{
    struct wrap_line *v;
    const char *s = "the quick brown fox jumps";
    size_t n = wrap_text(s, 10, &v);
    cr_assert_eq(n, 3);
    char *a = line(s, &v[0]), *b = line(s, &v[1]), *c = line(s, &v[2]);
    cr_assert_str_eq(a, "the quick");
    cr_assert_str_eq(b, "brown fox");
    cr_assert_str_eq(c, "jumps");
    free(a); free(b); free(c); free(v);
}

Test(wrap, japanese_breaks_between_characters_by_width)
{
    struct wrap_line *v;
    const char *s = "重要インフラにおける情報セキュリティ";
    size_t n = wrap_text(s, 10, &v);
    cr_assert_gt(n, 1);
    for (size_t i = 0; i < n; i++)
        cr_assert_leq(utf8_nwidth(s + v[i].off, v[i].len), 10);
    free(v);
}

Test(wrap, no_line_starts_with_closing_punctuation)
{
    struct wrap_line *v;
    const char *s = "あいうえ。かきくけこ";  /* 。 would start line 2 at width 8 */
    size_t n = wrap_text(s, 8, &v);
    cr_assert_gt(n, 1);
    for (size_t i = 1; i < n; i++)
        cr_assert_neq(strncmp(s + v[i].off, "。", 3), 0);
    free(v);
}

Test(wrap, explicit_newlines_and_empty_text)
{
    struct wrap_line *v;
    cr_assert_eq(wrap_text("", 10, &v), 0);
    size_t n = wrap_text("a\n\nb", 10, &v);
    cr_assert_eq(n, 3);
    cr_assert_eq(v[1].len, 0);
    free(v);
}
