/* utf8: decoding, validation and display width of UTF-8 text.
 * Widths come from a built-in table (East Asian Wide/Fullwidth = 2,
 * combining = 0), so layout does not depend on the process locale. */
#ifndef KIJUN_UTF8_H
#define KIJUN_UTF8_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decode one code point from s (at most n bytes). Returns the bytes used
 * (>= 1 when n > 0); an invalid or truncated sequence yields *cp = U+FFFD,
 * *ok = false and uses 1 byte. */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp, bool *ok);
/* Encode cp into out (4 bytes room); returns the length. */
size_t utf8_encode(uint32_t cp, char *out);
/* True when s[0..n) is valid UTF-8; else *bad is the offset of the first
 * bad byte. */
bool utf8_valid(const char *s, size_t n, size_t *bad);
/* Display columns of one code point: 0, 1 or 2 (controls count 0). */
int cp_width(uint32_t cp);
/* Display columns of a NUL-terminated string. */
int utf8_width(const char *s);
int utf8_nwidth(const char *s, size_t n);
/* Longest prefix of s (n bytes) that fits in cols columns, ending on a
 * character boundary; *used receives its width. */
size_t utf8_fit(const char *s, size_t n, int cols, int *used);
/* Byte offset of the character before / after offset off. */
size_t utf8_prev(const char *s, size_t off);
size_t utf8_next(const char *s, size_t len, size_t off);

/* Cut s to at most cols columns; when cut, end with the ellipsis (its
 * width given). Returns a new string. */
char *utf8_ellipsize(const char *s, int cols, const char *ellipsis, int ellipsis_width);

/* Make text safe for a terminal, HTML or CSV cell: C0 controls and DEL
 * become ^[ and ^?, C1 controls and the invisible characters that make a
 * line read differently from what it holds (cp_is_invisible_control:
 * bidi overrides and isolates, LRM/RLM/ALM, zero-width spaces and
 * joiners, the BOM, tag characters...) become <U+XXXX>, invalid bytes
 * \xNN. Newlines are kept when keep_newlines, else become spaces; tabs
 * become one space. Never cuts a character. Returns a new string: the
 * one function for text from files on its way to a screen or a report. */
char *utf8_sanitize(const char *s, size_t n, bool keep_newlines);
/* Whether cp is an invisible format control (Unicode Cf), a line or
 * paragraph separator or a blank filler: utf8_sanitize escapes these. */
bool cp_is_invisible_control(uint32_t cp);
/* The longest prefix of s of at most max_bytes that ends on a character
 * boundary (for messages quoting a value). Returns a new string. */
char *utf8_prefix(const char *s, size_t max_bytes);
/* Replace every non-ASCII character by an ASCII look-alike or '?', for
 * terminals that cannot show UTF-8. Returns a new string. */
char *utf8_to_ascii(const char *s);
#endif
