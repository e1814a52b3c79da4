#!/bin/sh
# report_html.sh: the HTML report for the board, as a person gets it. It
# parses, loads nothing from outside and shows hostile workspace text
# escaped; rendered by Chromium (headless) it is not blank, in both
# languages, and its Japanese is drawn (the page differs from one drawn
# with a font that has no Japanese); printed to PDF it is A4, its summary
# is on page 1 and no chart is split across pages (pdftotext).
# Chromium, poppler-utils and a Japanese font are Debian packages that
# ./quickstart test installs; without them those tests are skipped.
set -u
: "${KIJUN:?}" "${KIJUN_SRCDIR:?}"
data=${KIJUN_TEST_DATA:-$KIJUN_SRCDIR/data}
T=$(mktemp -d "${TMPDIR:-/tmp}/kijun-html-XXXXXX")
trap 'rm -rf "$T"' EXIT
n=0
failed=0
result() {
    n=$((n + 1))
    if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; [ -s "$T/err" ] && sed 's/^/# /' "$T/err"; fi
}
skip() {
    n=$((n + 1))
    echo "ok $n - $1 # SKIP $2"
}
check="$KIJUN_SRCDIR/tests/report_check.py"
py=$(command -v python3 || true)
chrome=$(command -v chromium || command -v chromium-browser || true)
have_pdf=$(command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null && echo yes)
echo "1..18"
export KIJUN_TODAY=2026-12-01

render() { # HTML PNG [env...]: a screenshot of the page, 900 px wide
    out=$2
    in=$1
    shift 2
    env "$@" timeout 120 "$chrome" --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --user-data-dir="$T/chrome" --window-size=900,1270 --screenshot="$out" "file://$in" >"$T/chrome.log" 2>&1
}

for lang in en ja; do
    ws=$T/demo-$lang
    cp -R "$data/demo/$lang" "$ws"
    chmod -R u+w "$ws"
    "$KIJUN" export --lang $lang --format html --round 2026 -o "$T/$lang.html" "$ws" 2>"$T/err"
    result $? "$lang: round 2026's report for the board exports as HTML"
    if [ "$lang" = en ]; then org="Minato City Waterworks Bureau"; top="Top risks"; else org="湊市上下水道局"; top="上位のリスク"; fi
    if [ -n "$py" ]; then
        "$py" "$check" html "$T/$lang.html" "$org" "$top" 2>"$T/err"
        result $? "$lang: it parses, every element closed, nothing loaded from outside, in its language"
    else
        skip "$lang: it parses" "no python3"
    fi
    grep -q "<html lang=\"$lang\">" "$T/$lang.html" && grep -q 'kijun-source sha256=[0-9a-f]\{64\} profile.cfg=' "$T/$lang.html"
    result $? "$lang: its language is marked, and its source for --verify"
    "$KIJUN" export --verify "$T/$lang.html" "$ws" >/dev/null 2>"$T/err"
    result $? "$lang: --verify: it matches the workspace"
    if [ -n "$chrome" ]; then
        render "$T/$lang.html" "$T/$lang.png"
        [ -s "$T/$lang.png" ] && "$py" "$check" ink "$T/$lang.png" 20 2>"$T/err"
        result $? "$lang: Chromium draws the report, and the page is not blank"
    else
        skip "$lang: Chromium draws the report" "no chromium (install the Debian package chromium)"
    fi
    if [ -n "$chrome" ] && [ -n "$have_pdf" ]; then
        timeout 120 "$chrome" --headless --no-sandbox --disable-gpu --no-pdf-header-footer --user-data-dir="$T/chrome" \
            --print-to-pdf="$T/$lang.pdf" "file://$T/$lang.html" >"$T/chrome.log" 2>&1
        pdfinfo "$T/$lang.pdf" 2>"$T/err" | grep -q 'Page size: *59[45]\.[0-9]* x 84[12]\.[0-9]* pts (A4)'
        result $? "$lang: printed to PDF, the pages are A4"
        mkdir -p "$T/$lang-pages"
        pages=$(pdfinfo "$T/$lang.pdf" | sed -n 's/^Pages: *//p')
        i=1
        while [ "$i" -le "${pages:-0}" ]; do
            pdftotext -f $i -l $i "$T/$lang.pdf" "$T/$lang-pages/$i.txt"
            i=$((i + 1))
        done
        if [ "$lang" = en ]; then
            "$py" "$check" pages "$T/$lang-pages" 1 "Summary" "at or above the threshold, not accepted" "Heat map of the residual risks" \
                -- "Heat map of the residual risks" "very high 18–25" "Residual risk per priority service" "Drinking water supply" 2>"$T/err"
        else
            "$py" "$check" pages "$T/$lang-pages" 1 "概要" "受容基準以上で未受容" "残留リスクのヒートマップ" \
                -- "残留リスクのヒートマップ" "極高 18–25" "優先サービスごとの残留リスク" "水道水の供給" 2>"$T/err"
        fi
        result $? "$lang: the summary and the heat map are on page 1, and no chart is split across pages"
    else
        skip "$lang: printed to PDF" "no chromium or poppler-utils"
        skip "$lang: the summary on page 1" "no chromium or poppler-utils"
    fi
done

# the Japanese is drawn in a Japanese font: the page differs from the same
# page drawn where fontconfig rejects every font with Japanese glyphs, and
# the English page (no Japanese) does not
if [ -n "$chrome" ] && [ -n "$py" ] && command -v fc-list >/dev/null; then
    {
        echo '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        echo '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        echo "<cachedir>$T/fc-cache</cachedir><selectfont><rejectfont>"
        fc-list :lang=ja file | sed 's/: *$//; s/.*/<glob>&<\/glob>/'
        echo '</rejectfont></selectfont></fontconfig>'
    } >"$T/fonts.conf"
    render "$T/ja.html" "$T/ja-nofont.png" FONTCONFIG_FILE="$T/fonts.conf"
    render "$T/en.html" "$T/en-nofont.png" FONTCONFIG_FILE="$T/fonts.conf"
    [ -n "$(fc-list :lang=ja)" ] && [ -s "$T/ja-nofont.png" ] && "$py" "$check" differ "$T/ja.png" "$T/ja-nofont.png" 5 2>"$T/err" &&
        ! "$py" "$check" differ "$T/en.png" "$T/en-nofont.png" 1 2>/dev/null
    result $? "ja: the Japanese text is drawn with Japanese glyphs (not as without a Japanese font, as the English page is)"
else
    skip "ja: the Japanese text is drawn with Japanese glyphs" "no chromium or fontconfig"
fi

# hostile text from the workspace is shown, escaped, never run
hws=$T/hostile
cp -R "$data/demo/en" "$hws"
chmod -R u+w "$hws"
rlo=$(printf '\342\200\256')
sed -i "0,/title = \"An unpatched flaw[^\"]*\";/s//title = \"<script>alert(1)<\\/script> \\\\\"q\\\\\" 'a' \\& b $rlo end\";/" "$hws/assessments/2026.cfg"
sed -i "0,/name = \"Minato City Waterworks Bureau\";/s//name = \"<img src=x onerror=alert(2)>\";/" "$hws/profile.cfg"
"$KIJUN" export --format html --round 2026 -o "$T/h.html" "$hws" 2>"$T/err"
result $? "a round with hostile text exports as HTML"
! grep -q '<script>\|<img' "$T/h.html" && grep -q '&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot; &#39;a&#39; &amp; b &lt;U+202E&gt; end' "$T/h.html"
result $? "script, quotes, ampersands and a bidi override are escaped (the override shown as <U+202E>)"
if [ -n "$py" ]; then
    "$py" "$check" html "$T/h.html" "<script>alert(1)</script>" "<img src=x onerror=alert(2)>" 2>"$T/err"
    result $? "the hostile texts are text of the page, and it still parses, loading nothing"
else
    skip "the hostile texts are text of the page" "no python3"
fi
exit $failed
