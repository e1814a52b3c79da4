/* utf8: decoding, validation and display width of UTF-8 text. */
#include "config.h"
#include "util/utf8.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <string.h>

size_t utf8_decode(const char *str, size_t n, uint32_t *cp, bool *ok)
{
    const unsigned char *s = (const unsigned char *)str;
    *ok = false;
    *cp = 0xFFFD;
    if (n == 0)
        return 0;
    unsigned c = s[0];
    size_t len;
    uint32_t v, min;
    if (c < 0x80) {
        *cp = c;
        *ok = true;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        len = 2; v = c & 0x1F; min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3; v = c & 0x0F; min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4; v = c & 0x07; min = 0x10000;
    } else {
        return 1;
    }
    if (n < len)
        return 1;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 1;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 1;
    *cp = v;
    *ok = true;
    return len;
}

size_t utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    } else if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    } else if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

bool utf8_valid(const char *s, size_t n, size_t *bad)
{
    size_t i = 0;
    while (i < n) {
        if ((unsigned char)s[i] < 0x80) { /* ASCII, most of a file: no decoding */
            i++;
            /* eight bytes at a time while they are all ASCII */
            uint64_t w;
            while (i + 8 <= n && (memcpy(&w, s + i, 8), (w & 0x8080808080808080ULL) == 0))
                i += 8;
            continue;
        }
        uint32_t cp;
        bool ok;
        size_t k = utf8_decode(s + i, n - i, &cp, &ok);
        if (!ok) {
            if (bad)
                *bad = i;
            return false;
        }
        i += k;
    }
    return true;
}

struct range { uint32_t lo, hi; };

static const struct range zero_width[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A},
    {0x064B, 0x065F}, {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x1AB0, 0x1AFF},
    {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064},
    {0x20D0, 0x20FF}, {0x302A, 0x302D}, {0x3099, 0x309A}, {0xFE00, 0xFE0F},
    {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0001, 0xE007F}, {0xE0100, 0xE01EF},
};

static const struct range wide[] = {
    {0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC},
    {0x23F0, 0x23F0}, {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615},
    {0x2648, 0x2653}, {0x267F, 0x267F}, {0x2693, 0x2693}, {0x26A1, 0x26A1},
    {0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5}, {0x26CE, 0x26CE},
    {0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
    {0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B},
    {0x2728, 0x2728}, {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755},
    {0x2757, 0x2757}, {0x2795, 0x2797}, {0x27B0, 0x27B0}, {0x27BF, 0x27BF},
    {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55}, {0x2E80, 0x303E},
    {0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF},
    {0xA960, 0xA97F}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19},
    {0xFE30, 0xFE6F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x1F004, 0x1F004},
    {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A},
    {0x1F200, 0x1F251}, {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF},
    {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

static bool in_table(uint32_t cp, const struct range *t, size_t n)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < t[mid].lo)
            hi = mid;
        else if (cp > t[mid].hi)
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

int cp_width(uint32_t cp)
{
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
        return 0;
    if (cp < 0x300)
        return 1;
    if (in_table(cp, zero_width, sizeof zero_width / sizeof *zero_width))
        return 0;
    if (in_table(cp, wide, sizeof wide / sizeof *wide))
        return 2;
    return 1;
}

int utf8_nwidth(const char *s, size_t n)
{
    int w = 0;
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        bool ok;
        i += utf8_decode(s + i, n - i, &cp, &ok);
        w += cp_width(cp);
    }
    return w;
}

int utf8_width(const char *s)
{
    return utf8_nwidth(s, strlen(s));
}

size_t utf8_fit(const char *s, size_t n, int cols, int *used)
{
    int w = 0;
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        bool ok;
        size_t k = utf8_decode(s + i, n - i, &cp, &ok);
        int cw = cp_width(cp);
        if (w + cw > cols)
            break;
        w += cw;
        i += k;
    }
    if (used)
        *used = w;
    return i;
}

size_t utf8_prev(const char *s, size_t off)
{
    if (off == 0)
        return 0;
    size_t i = off - 1;
    while (i > 0 && off - i < 4 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

size_t utf8_next(const char *s, size_t len, size_t off)
{
    if (off >= len)
        return len;
    uint32_t cp;
    bool ok;
    return off + utf8_decode(s + off, len - off, &cp, &ok);
}

char *utf8_ellipsize(const char *s, int cols, const char *ellipsis, int ellipsis_width)
{
    size_t n = strlen(s);
    if (cols <= 0)
        return xstrdup("");
    if (utf8_nwidth(s, n) <= cols)
        return xstrdup(s);
    if (ellipsis_width > cols)
        ellipsis_width = cols, ellipsis = "";
    size_t k = utf8_fit(s, n, cols - ellipsis_width, NULL);
    struct strbuf sb = STRBUF_INIT;
    sb_add(&sb, s, k);
    sb_adds(&sb, ellipsis);
    return sb_take(&sb);
}

/* Invisible characters that change how text reads: the format controls
 * (Unicode category Cf: bidi embeddings, overrides and isolates, marks,
 * zero-width spaces and joiners, the BOM, interlinear annotation, tag
 * characters), the line and paragraph separators and the blank fillers. */
static const struct range invisible[] = {
    {0x00AD, 0x00AD}, {0x0600, 0x0605}, {0x061C, 0x061C}, {0x06DD, 0x06DD},
    {0x070F, 0x070F}, {0x0890, 0x0891}, {0x08E2, 0x08E2}, {0x115F, 0x1160},
    {0x180E, 0x180E}, {0x200B, 0x200F}, {0x2028, 0x202E}, {0x2060, 0x206F},
    {0x3164, 0x3164}, {0xFEFF, 0xFEFF}, {0xFFA0, 0xFFA0}, {0xFFF9, 0xFFFB},
    {0x110BD, 0x110BD}, {0x110CD, 0x110CD}, {0x13430, 0x1343F}, {0x1BCA0, 0x1BCA3},
    {0x1D173, 0x1D17A}, {0xE0000, 0xE007F},
};

bool cp_is_invisible_control(uint32_t cp)
{
    return in_table(cp, invisible, sizeof invisible / sizeof *invisible);
}

char *utf8_sanitize(const char *s, size_t n, bool keep_newlines)
{
    struct strbuf sb = STRBUF_INIT;
    size_t i = 0;
    sb_adds(&sb, "");
    while (i < n) {
        uint32_t cp;
        bool ok;
        size_t k = utf8_decode(s + i, n - i, &cp, &ok);
        char tmp[16];
        if (!ok) {
            snprintf(tmp, sizeof tmp, "\\x%02X", (unsigned char)s[i]);
            sb_adds(&sb, tmp);
        } else if (cp == '\n') {
            sb_addc(&sb, keep_newlines ? '\n' : ' ');
        } else if (cp == '\t') {
            sb_addc(&sb, ' ');
        } else if (cp < 0x20) {
            tmp[0] = '^';
            tmp[1] = (char)(cp + 0x40);
            sb_add(&sb, tmp, 2);
        } else if (cp == 0x7F) {
            sb_adds(&sb, "^?");
        } else if ((cp >= 0x80 && cp < 0xA0) || cp_is_invisible_control(cp)) {
            /* C1 (0x9B is CSI on 8-bit terminals), and what reorders or
             * hides text: shown as what it is */
            snprintf(tmp, sizeof tmp, "<U+%04X>", (unsigned)cp);
            sb_adds(&sb, tmp);
        } else {
            sb_add(&sb, s + i, k);
        }
        i += k;
    }
    return sb_take(&sb);
}

char *utf8_prefix(const char *s, size_t max_bytes)
{
    size_t n = strlen(s), i = 0;
    while (i < n) {
        uint32_t cp;
        bool ok;
        size_t k = utf8_decode(s + i, n - i, &cp, &ok);
        if (i + k > max_bytes)
            break;
        i += k;
    }
    return xstrndup(s, i);
}

/* ASCII stand-ins for the few non-ASCII characters kijun itself draws and
 * for full-width forms of ASCII. */
static const char *ascii_for(uint32_t cp)
{
    switch (cp) {
    case 0x2026: return "...";
    case 0x2192: return "->";
    case 0x2190: return "<-";
    case 0x2191: return "^";
    case 0x2193: return "v";
    case 0x25B6: case 0x25B8: return ">";
    case 0x25BC: case 0x25BE: return "v";
    case 0x2022: case 0x30FB: return "*";
    case 0x2014: case 0x2015: case 0x2500: return "-";
    case 0x2502: return "|";
    case 0x203A: return ">";
    case 0x00D7: return "x";
    case 0x3000: return " ";
    case 0x3001: return ",";
    case 0x3002: return ".";
    case 0x300C: case 0x300D: case 0x300E: case 0x300F: return "\"";
    case 0x2160: return "I";
    case 0x2161: return "II";
    case 0x2162: return "III";
    case 0x2163: return "IV";
    default: return NULL;
    }
}

char *utf8_to_ascii(const char *s)
{
    struct strbuf sb = STRBUF_INIT;
    size_t n = strlen(s), i = 0;
    sb_adds(&sb, "");
    while (i < n) {
        uint32_t cp;
        bool ok;
        size_t k = utf8_decode(s + i, n - i, &cp, &ok);
        const char *a;
        if (ok && cp < 0x80)
            sb_addc(&sb, (char)cp);
        else if (ok && cp >= 0xFF01 && cp <= 0xFF5E)
            sb_addc(&sb, (char)(cp - 0xFF01 + 0x21));
        else if (ok && (a = ascii_for(cp)))
            sb_adds(&sb, a);
        else if (ok && cp_width(cp) == 0)
            ;
        else
            sb_addc(&sb, '?');
        i += k;
    }
    return sb_take(&sb);
}
