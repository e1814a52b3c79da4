/* Unit tests: UTF-8 decoding, display width, cutting, sanitising, wrapping. */
#include "util/utf8.h"
#include "util/wrap.h"
#include <criterion/criterion.h>
#include <stdio.h>
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
    cr_assert_str_eq(s, "a^[[2Jb^G^?<U+009B>c\\xFF ");
    free(s);
    s = utf8_sanitize("x\ny", 3, true);
    cr_assert_str_eq(s, "x\ny");
    free(s);
    s = utf8_sanitize("\xE2\x80\xAE" "abc", 6, false); /* bidi override */
    cr_assert_str_eq(s, "<U+202E>abc");
    free(s);
}

Test(utf8, sanitize_shows_every_invisible_format_control)
{
    /* each one, as UTF-8, and how it must show */
    static const struct { const char *in, *out; } cases[] = {
        {"\u200E", "<U+200E>"},   /* LRM */
        {"\u200F", "<U+200F>"},   /* RLM */
        {"\u061C", "<U+061C>"},   /* ALM */
        {"\u202A", "<U+202A>"}, {"\u202B", "<U+202B>"}, {"\u202C", "<U+202C>"},
        {"\u202D", "<U+202D>"}, {"\u202E", "<U+202E>"},   /* LRE RLE PDF LRO RLO */
        {"\u2066", "<U+2066>"}, {"\u2067", "<U+2067>"}, {"\u2068", "<U+2068>"},
        {"\u2069", "<U+2069>"},   /* LRI RLI FSI PDI */
        {"\uFEFF", "<U+FEFF>"},   /* BOM, ZWNBSP */
        {"\u200B", "<U+200B>"}, {"\u200C", "<U+200C>"}, {"\u200D", "<U+200D>"},
        {"\u2060", "<U+2060>"}, {"\u2061", "<U+2061>"}, {"\u2064", "<U+2064>"},
        {"\u206A", "<U+206A>"}, {"\u206F", "<U+206F>"},
        {"\u00AD", "<U+00AD>"}, {"\u180E", "<U+180E>"}, {"\u2028", "<U+2028>"},
        {"\u2029", "<U+2029>"}, {"\u3164", "<U+3164>"}, {"\uFFF9", "<U+FFF9>"},
        {"\U000E0001", "<U+E0001>"}, {"\U000E0041", "<U+E0041>"},
        {"\U000E007F", "<U+E007F>"},   /* tag characters */
        {"\xC2\x85", "<U+0085>"},   /* NEL, a C1 control */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char in[32];
        snprintf(in, sizeof in, "a%sb", cases[i].in);
        char *s = utf8_sanitize(in, strlen(in), false);
        char want[32];
        snprintf(want, sizeof want, "a%sb", cases[i].out);
        cr_assert_str_eq(s, want, "case %zu", i);
        free(s);
    }
    /* what stays: Japanese, an ideographic variation sequence (IVS), a
     * combining accent, emoji, the ideographic space */
    const char *keep = "葛\U000E0100城 e\u0301 \U0001F6B0 \u3000全角";
    char *s = utf8_sanitize(keep, strlen(keep), false);
    cr_assert_str_eq(s, keep);
    free(s);
}

Test(utf8, prefix_ends_on_a_character_boundary)
{
    char *s = utf8_prefix("重要インフラ", 7);   /* 3-byte characters: two fit */
    cr_assert_str_eq(s, "重要");
    free(s);
    s = utf8_prefix("ab", 40);
    cr_assert_str_eq(s, "ab");
    free(s);
    s = utf8_prefix("a\xFF" "\xFF" "b", 2);   /* an invalid byte counts as one */
    cr_assert_str_eq(s, "a\xFF");
    free(s);
    s = utf8_prefix("日本", 2);
    cr_assert_str_eq(s, "");
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

/* Every line of s wrapped at width, joined by '|'. */
static char *wrapped(const char *s, int width)
{
    struct wrap_line *v;
    size_t n = wrap_text(s, width, &v);
    char *out = calloc(strlen(s) + n + 1, 1);
    for (size_t i = 0; i < n; i++) {
        cr_assert_leq(utf8_nwidth(s + v[i].off, v[i].len), width, "line %zu of '%s' fits %d", i, s, width);
        if (i)
            strcat(out, "|");
        strncat(out, s + v[i].off, v[i].len);
    }
    free(v);
    return out;
}

Test(wrap, a_latin_word_in_japanese_text_stays_whole)
{
    /* at width 20 a break by characters would cut assessments/2026.cfg */
    char *w = wrapped("評価回をassessments/2026.cfgに保存しました", 20);
    cr_assert_str_eq(w, "評価回を|assessments/2026.cfg|に保存しました");
    free(w);
    w = wrapped("期限は2027-03-31です", 14);
    cr_assert_str_eq(w, "期限は|2027-03-31です");
    free(w);
    /* a word longer than the line is cut, as it must */
    w = wrapped("abcdefghijkl", 5);
    cr_assert_str_eq(w, "abcde|fghij|kl");
    free(w);
}

Test(wrap, punctuation_after_a_latin_word_does_not_split_it)
{
    /* 、 may not start line 2; stepping back one character would cut
     * "agree": the word moves to line 2 whole */
    char *w = wrapped("出典: sources agree、確度 S+", 20);
    cr_assert_str_eq(w, "出典: sources|agree、確度 S+");
    free(w);
}

Test(wrap, small_kana_and_brackets_keep_their_neighbours)
{
    char *w = wrapped("あいうえおキャンセル", 12); /* ャ would start line 2 */
    cr_assert_str_eq(w, "あいうえお|キャンセル");
    free(w);
    w = wrapped("あいうえお「保存」", 12); /* 「 would end line 1 */
    cr_assert_str_eq(w, "あいうえお|「保存」");
    free(w);
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
