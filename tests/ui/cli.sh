#!/bin/bash
# cli.sh: the command line without the terminal UI: `kijun tree` against
# the expected tables of contents (tests/fixtures/tree-EDITION-LANG.txt,
# checked heading by heading against the seed, slides 4 and 23-25), the
# English text, and the exit status of bad options and a missing library.
# Needs no tmux. Prints TAP.
set -u
: "${KIJUN:?KIJUN must name the kijun binary}"
: "${KIJUN_TESTS:?KIJUN_TESTS must name the tests folder}"
FIX=$KIJUN_TESTS/fixtures
N=0
FAILED=0
T=$(mktemp -d "${TMPDIR:-/tmp}/kijun-cli-XXXXXX")
trap 'rm -rf "$T"' EXIT
# under valgrind (make check-valgrind) $KIJUN runs kijun in valgrind
. "$KIJUN_TESTS/valgrind.sh"
if [ "$VG" = 1 ]; then vg_begin; vg_wrap_kijun; fi
# a fixed locale, so that messages are the English source texts
export LC_ALL=C.UTF-8 LANG=C.UTF-8
unset LANGUAGE LC_MESSAGES KIJUN_DATADIR

# result STATUS DESC [FILE-TO-SHOW]
result() {
    N=$((N + 1))
    if [ "$1" = 0 ]; then
        echo "ok $N - $2"
    else
        echo "not ok $N - $2"
        FAILED=1
        if [ $# -ge 3 ] && [ -f "$3" ]; then sed 's/^/#   |/' "$3" | head -40; fi
    fi
}
# run ARGS...: run kijun, stdout to $T/out, stderr to $T/err, status in RC
run() {
    "$KIJUN" "$@" >"$T/out" 2>"$T/err"
    RC=$?
}

# --- kijun tree against the fixtures -------------------------------------------
for ed in v5 rev; do
    for lang in ja en; do
        fx=$FIX/tree-$ed-$lang.txt
        run tree --edition "$ed" --lang "$lang"
        result $RC "tree --edition $ed --lang $lang exits 0" "$T/err"
        diff -u "$fx" "$T/out" >"$T/diff"
        result $? "tree --edition $ed --lang $lang prints exactly $(basename "$fx")" "$T/diff"
        [ ! -s "$T/err" ]
        result $? "tree --edition $ed --lang $lang: nothing on stderr" "$T/err"
    done
done
[ "$(wc -l <"$FIX/tree-v5-ja.txt")" -eq 51 ]
result $? "fixture v5: a title line and 50 headings"
[ "$(wc -l <"$FIX/tree-rev-ja.txt")" -eq 61 ]
result $? "fixture rev: a title line and 60 headings"

# without --edition: every edition, oldest first, a blank line between
for lang in ja en; do
    run tree --lang "$lang"
    { cat "$FIX/tree-v5-$lang.txt"; echo; cat "$FIX/tree-rev-$lang.txt"; } >"$T/both"
    diff -u "$T/both" "$T/out" >"$T/diff"
    result $? "tree --lang $lang prints both editions (v5, then rev)" "$T/diff"
done

# a few headings as the seed prints them (slides 4, 23-25)
run tree --edition v5 --lang ja
grep -qxF "        （１）経営層のコミットメント" "$T/out"
result $? "v5 ja: （１）経営層のコミットメント under 4.1.2." "$T/out"
grep -qxF "          （コ）情報セキュリティインシデント管理" "$T/out"
result $? "v5 ja: （コ）情報セキュリティインシデント管理 under 4.1.3.（２）" "$T/out"
run tree --edition rev --lang ja
grep -qxF "II．組織統治におけるサイバーセキュリティ" "$T/out"
result $? "rev ja: chapter II．組織統治におけるサイバーセキュリティ" "$T/out"
grep -qxF "      3.4. サプライチェーンの管理" "$T/out"
result $? "rev ja: 3.4. サプライチェーンの管理 under III.「Plan（計画）」3." "$T/out"
grep -qxF "      4.1. 人的資源のセキュリティ（外部委託）" "$T/out"
result $? "rev ja: IV.4.4.1. 人的資源のセキュリティ（外部委託）" "$T/out"

# --- English: no Japanese outside the (ア)-(コ) item numbers ------------------------
run tree --lang en
result $RC "tree --lang en exits 0" "$T/err"
sed -E 's/^( *)\((ア|イ|ウ|エ|オ|カ|キ|ク|ケ|コ)\) /\1/' "$T/out" >"$T/en-stripped"
# hiragana, katakana, CJK punctuation, kanji, full-width forms, Roman numerals
if grep -nP '[\x{3000}-\x{30FF}\x{4E00}-\x{9FFF}\x{FF00}-\x{FFEF}\x{2160}-\x{217F}]' \
    "$T/en-stripped" >"$T/ja-left"; then st=1; else st=0; fi
result $st "tree --lang en: no kana, kanji or full-width text besides (ア)-(コ)" "$T/ja-left"
[ "$(grep -cE '^ *\((ア|イ|ウ|エ|オ|カ|キ|ク|ケ|コ)\) [A-Z]' "$T/out")" -eq 10 ]
result $? "tree --lang en: the ten items (ア)-(コ) keep their numbers, English titles" "$T/out"
if grep -nP '[\x00-\x08\x0B-\x1F\x7F]' "$T/out" >"$T/ctl"; then st=1; else st=0; fi
result $st "tree output has no control characters" "$T/ctl"

# --- errors and exit statuses ----------------------------------------------------------
run tree --edition nope
[ "$RC" -eq 2 ]
result $? "tree --edition nope exits 2 (got $RC)" "$T/err"
grep -qF "no edition 'nope'" "$T/err" && grep -qF "v5 rev" "$T/err"
result $? "tree --edition nope: the error names the editions there are" "$T/err"
[ ! -s "$T/out" ]
result $? "tree --edition nope: nothing on stdout" "$T/out"

run --version
[ "$RC" -eq 0 ] && grep -qE '^kijun [0-9]+\.[0-9]+' "$T/out"
result $? "--version exits 0 and prints the version (got $RC)" "$T/out"
run -V
[ "$RC" -eq 0 ]
result $? "-V exits 0 (got $RC)"
run --help
[ "$RC" -eq 0 ] && grep -qF "Usage: kijun" "$T/out" && grep -qF "kijun tree" "$T/out"
result $? "--help exits 0 and shows the usage (got $RC)" "$T/out"
run -h
[ "$RC" -eq 0 ] && grep -qF "Usage: kijun" "$T/out"
result $? "-h exits 0 and shows the usage (got $RC)" "$T/out"

run --lang xx
[ "$RC" -eq 2 ]
result $? "--lang xx exits 2 (got $RC)" "$T/err"
grep -qF "ja or en" "$T/err"
result $? "--lang xx: the error says ja or en" "$T/err"
run tree --lang xx
[ "$RC" -eq 2 ]
result $? "tree --lang xx exits 2 (got $RC)" "$T/err"
run --no-such-option
[ "$RC" -eq 2 ]
result $? "an unknown option exits 2 (got $RC)" "$T/err"
run tree "$T" extra
[ "$RC" -eq 2 ] && grep -qF "unexpected argument 'extra'" "$T/err"
result $? "tree with an extra argument exits 2 and names it (got $RC)" "$T/err"
run tree "$T/no-such-workspace"
[ "$RC" -eq 2 ] && grep -qF "no-such-workspace: error: not a workspace folder" "$T/err"
result $? "tree WORKSPACE that is no folder exits 2 and says so (got $RC)" "$T/err"

KIJUN_DATADIR=/nonexistent run tree
[ "$RC" -eq 2 ]
result $? "KIJUN_DATADIR=/nonexistent tree exits 2 (got $RC)" "$T/err"
grep -qF "/nonexistent" "$T/err"
result $? "KIJUN_DATADIR=/nonexistent: the message names the folder" "$T/err"
[ ! -s "$T/out" ]
result $? "KIJUN_DATADIR=/nonexistent: nothing on stdout" "$T/out"
mkdir "$T/emptydata"
KIJUN_DATADIR=$T/emptydata run tree --edition v5
[ "$RC" -eq 2 ] && grep -qF "$T/emptydata" "$T/err"
result $? "KIJUN_DATADIR naming an empty folder: exit 2, the message names it (got $RC)" "$T/err"

# --- kijun init on a folder that exists: adds, replaces nothing, keeps the mode ---
mkdir -m 755 "$T/there"
printf 'kijun_workspace = 1;\nitems = ( );\n' > "$T/there/checklist.cfg"
chmod 644 "$T/there/checklist.cfg"
cp "$T/there/checklist.cfg" "$T/checklist.before"
run init --lang en "$T/there"
[ "$RC" -eq 0 ] && grep -q "the folder was there; added profile.cfg, assessments/" "$T/out" \
    && grep -q "kept what was there, unchanged: checklist.cfg" "$T/out" \
    && grep -q "mode 0755 is left as it was" "$T/out"
result $? "init of an existing folder says what it added, what it kept and that the mode stays" "$T/out"
cmp -s "$T/there/checklist.cfg" "$T/checklist.before" && [ "$(stat -c %a "$T/there/checklist.cfg")" = 644 ] \
    && [ "$(stat -c %a "$T/there")" = 755 ] && [ -f "$T/there/profile.cfg" ]
result $? "... and replaced no file nor changed the folder's mode"
"$KIJUN" init --lang en "$T/broken" >/dev/null 2>&1
echo "garbage = ;" >> "$T/broken/profile.cfg"
run check --lang en "$T/broken"
[ "$RC" -eq 2 ] && grep -q "kijun check: 2 files, .*not every file could be read" "$T/out"
result $? "check of an unreadable file: exit 2, and the summary line still says so" "$T/out"
"$KIJUN" init --lang en "$T/strays" >/dev/null 2>&1
cp "$T/strays/profile.cfg" "$T/strays/assessments/2026 final.cfg"
run check --lang en "$T/strays"
[ "$RC" -eq 1 ] && grep -q "2026 final.cfg: warning: not read: no round name" "$T/err"
result $? "a file of assessments/ that is no round is named, not skipped in silence (exit 1)" "$T/err"
mkdir -m 777 "$T/open"
chmod 777 "$T/open"
run init --lang en "$T/open"
[ "$RC" -eq 0 ] && grep -q "mode 0777 is left as it was; others may change its files" "$T/out"
result $? "init of a folder others may write says so (not only that they may read it)" "$T/out"
run init --lang en "$T/there"
[ "$RC" -eq 2 ] && grep -q "already a workspace" "$T/err"
result $? "init of a workspace is refused (exit 2)" "$T/err"

# --- check names a field by its label, the key in parentheses, in both languages -
"$KIJUN" init --lang en "$T/unnamed" >/dev/null 2>&1
sed -i '0,/^\( *\)name = "[^"]*";/s//\1name = "";/' "$T/unnamed/profile.cfg"
run check --lang en "$T/unnamed"
[ "$RC" -eq 1 ] && grep -qE "/profile.cfg:[0-9]+: error: organisation: Name \('name'\) is required$" "$T/err"
result $? "check names the field by its label with the key: Name ('name') is required, FILE:LINE kept" "$T/err"
run check --lang ja "$T/unnamed"
[ "$RC" -eq 1 ] && grep -qE "/profile.cfg:[0-9]+: エラー: organisation: 名前 \('name'\) は必須です$" "$T/err"
result $? "ja: 名前 ('name') は必須です" "$T/err"

# --- check shows invisible characters from files as escapes ---------------------
"$KIJUN" init --lang en "$T/bidi" >/dev/null 2>&1
rlo=$(printf '\342\200\256') lri=$(printf '\342\201\246') bom=$(printf '\357\273\277')
lrm=$(printf '\342\200\216') tag=$(printf '\363\240\200\201')
sed -i "s|  name = \"(organisation name)\";|  name = \"x\";\n  sector = \"sectors.${rlo}retaw${lri}${bom}${lrm}${tag}\";|" \
    "$T/bidi/profile.cfg"
run check "$T/bidi"
[ "$RC" -eq 1 ] && grep -qF "'sectors.<U+202E>retaw<U+2066><U+FEFF><U+200E><U+E0001>', which does not exist" "$T/err"
result $? "check shows RLO, LRI, BOM, LRM and a tag character from a file as <U+XXXX> (exit $RC)" "$T/err"
! grep -qF -e "$rlo" -e "$lri" -e "$bom" -e "$lrm" -e "$tag" "$T/err" "$T/out"
result $? "... and none of them reaches the output raw"

# --- output that cannot be written is an error (exit 2), not a success ---------
if [ -w /dev/full ]; then
    "$KIJUN" tree --lang en >/dev/full 2>"$T/err"; RC=$?
    [ "$RC" -eq 2 ] && grep -q "cannot write the output" "$T/err"
    result $? "tree >/dev/full: exit 2, it says the output cannot be written (got $RC)" "$T/err"
    "$KIJUN" check "$T/there" >/dev/full 2>"$T/err"; RC=$?
    [ "$RC" -eq 2 ] && grep -q "cannot write the output" "$T/err"
    result $? "check >/dev/full: exit 2 (got $RC)" "$T/err"
    printf 'stray = 1;\n' >> "$T/there/checklist.cfg"
    "$KIJUN" check "$T/there" >"$T/out" 2>/dev/full; RC=$?
    [ "$RC" -eq 2 ]
    result $? "check with findings 2>/dev/full: exit 2, not 1 (got $RC)"
    "$KIJUN" --version >/dev/full 2>/dev/null; RC=$?
    [ "$RC" -eq 2 ]; result $? "--version >/dev/full: exit 2 (got $RC)"
else
    echo "ok $((N = N + 1)) - # SKIP no writable /dev/full"
fi

# --- the workbench needs a terminal ----------------------------------------------
TMPDIR=$T TERM=xterm run --demo --lang en </dev/null
[ "$RC" -eq 2 ] && grep -q "needs a terminal" "$T/err"
result $? "the workbench with stdout and stdin not a terminal: exit 2, it says why (got $RC)" "$T/err"
! grep -q "$(printf '\033')" "$T/out" && [ ! -s "$T/out" ]
result $? "... and writes no escape codes into the file" "$T/out"
ls -d "$T"/kijun-demo-* >/dev/null 2>&1
[ $? -ne 0 ]
result $? "... and leaves no demo copy behind"

if [ "$VG" = 1 ]; then
    vg_check
    result $? "valgrind: no errors or leaks ($VG_WHY)"
fi
echo "1..$N"
exit "$FAILED"
