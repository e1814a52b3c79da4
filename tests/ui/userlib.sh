#!/bin/bash
# userlib.sh: the user's library (kijun(5)): a file dropped into the
# user's folder (~/.local/share/kijun/library, $XDG_DATA_HOME/kijun/library)
# and into a workspace's library/ folder appears in the browser's edition
# switch and in `kijun tree`; the mapping both ways and the coverage in the
# browser; `kijun check` on duplicate ids and missing maps; `kijun import`
# of good and bad spreadsheets.
#
# Screen map at 120x40: line 1 header, lines 2-38 tree | detail, line 39
# the status line, line 40 the key bar.
. "$KIJUN_TESTS/ui/lib.sh"
ui_private_home
export LC_ALL=C.UTF-8 LANG=C.UTF-8
unset LANGUAGE LC_MESSAGES XDG_DATA_HOME
FIX=$KIJUN_TESTS/fixtures/library
ST=39
UL=$T/.local/share/kijun/library
# ok CONDITION: a TAP result for DESC (the condition is a shell command line)
ok() { if eval "$1"; then ui_result 0 "$DESC"; else ui_result 1 "$DESC"; sed 's/^/#   |/' "$T/out" | head -20; fi; }

# --- import: a good sheet, into the user's folder by default ---------------------
"$KIJUN" init "$T/ws" >/dev/null
mkdir -p "$T/ws/library"
"$KIJUN" import --kind sector-standard --id water --issuer "Ministry (example)" --date 2024-04 \
    "$FIX/example-standard.csv" >"$T/out" 2>&1
rc=$?
DESC="import without -o: exit 0 and the file in $UL"
ok '[ $rc = 0 -a -f "$UL/water.cfg" ]'
DESC="import: says what it wrote"
ok 'grep -q "wrote $UL/water.cfg: 4 items of the sector standard water" "$T/out"'
DESC="import: the file written passes kijun check"
"$KIJUN" check "$UL/water.cfg" >"$T/out" 2>&1
ok 'grep -q "1 file, clean" "$T/out"'
cp "$UL/water.cfg" "$T/water.before"
"$KIJUN" import --kind sector-standard --id water --issuer "Other" --date 2024-04 \
    "$FIX/example-standard.csv" >"$T/out" 2>&1
rc=$?
DESC="import: an existing file is not replaced without --force (exit 2, file unchanged)"
ok '[ $rc = 2 ] && cmp -s "$UL/water.cfg" "$T/water.before" && grep -q "already a file there" "$T/out"'
"$KIJUN" import --force --kind sector-standard --id water --issuer "Ministry (example)" --date 2024-05 \
    "$FIX/example-standard.csv" >/dev/null 2>&1
rc=$?
DESC="import --force: replaces it, the old one kept as FILE~"
ok '[ $rc = 0 ] && grep -q '\''"2024-05"'\'' "$UL/water.cfg" && cmp -s "$UL/water.cfg~" "$T/water.before"'
mv "$UL/water.cfg" "$T/ws/library/water.cfg"
rm -f "$UL/water.cfg~"

# bad sheets: FILE:LINE, exit 2, nothing written
H="id,parent,number,title_ja,title_en,summary_ja,summary_en,maps"
bad() { # bad NAME CONTENT EXPECTED DESC
    printf '%b' "$2" >"$T/$1.csv"
    "$KIJUN" import --kind internal-rule --id "$1" --issuer Us --date 2025 "$T/$1.csv" >"$T/out" 2>&1
    rc=$?
    DESC="import of a CSV with $4: exit 2, '$3', nothing written"
    WANT=$3 NAME=$1
    ok '[ $rc = 2 ] && grep -qF -- "$WANT" "$T/out" && [ ! -e "$UL/$NAME.cfg" ]'
}
bad cols "id,parent,title\na,,x\n" "cols.csv:1: error: the first row must name the columns" "wrong columns"
bad short "$H\na,,1,x,y,,\n" "short.csv:2: error: 7 columns; expected 8" "a short row"
bad dup "$H\na,,1,x,y,,,\nb,,2,x,y,,,\r\na,,3,x,y,,,\n" "dup.csv:4: error: id 'a' is also on line 2" "duplicate ids"
bad orphan "$H\na,,1,x,y,,,\nb,zz,2,x,y,,,\n" "orphan.csv:3: error: parent 'zz' is not the id of a row above" "an unknown parent"
bad utf8 "$H\na,,1,\xff\xfe,y,,,\n" "utf8.csv:2: error: column title_ja: invalid UTF-8" "invalid UTF-8"
bad noid "$H\n,,1,x,y,,,\n" "noid.csv:2: error: no id" "a missing id"
bad nomap "$H\na,,1,x,y,,,v5.II;v5.nope\n" "nomap.csv:2: error: maps to 'v5.nope', which no edition has" "a missing Guideline item"
# a sheet within the 4 MiB limit whose file would not be (every quote escaped)
awk -v h="$H" 'BEGIN { print h; q = "\"\""; while (length(q) < 32000) q = q q; q = substr(q, 1, 32000)
    for (r = 0; r < 120; r++) printf "r%d,,,\"%s\",,,,\n", r, q }' >"$T/big.csv"
"$KIJUN" import --kind internal-rule --id big --issuer Us --date 2025 "$T/big.csv" >"$T/out" 2>&1
rc=$?
DESC="import: a file that would be over 4 MiB is not written (exit 2)"
ok '[ $rc = 2 ] && grep -qF "big.csv: error: the library file would be larger than 4 MiB" "$T/out" && [ ! -e "$UL/big.cfg" ]'
printf '\xef\xbb\xbf%s\r\n1,,,見出し,Heading,,,v5.II.2\r\n' "$H" >"$T/bom.csv"
"$KIJUN" import --kind internal-rule --id bom --issuer Us --date 2025 -o "$T/bom.cfg" "$T/bom.csv" >/dev/null 2>&1
DESC="import of a CSV with a BOM and CRLF (Excel's CSV UTF-8): written, the first column read as id"
ok 'grep -q '\''id = "bom.1";'\'' "$T/bom.cfg"'

# --- the user's folder and the workspace's folder ----------------------------------
cp "$FIX/example-rules.cfg" "$UL/acme.cfg"
"$KIJUN" tree --lang en --edition acme >"$T/out" 2>&1
DESC="tree --edition acme: the file in ~/.local/share/kijun/library is printed"
ok 'grep -q "^# ACME information security rules \[acme, in force, 2025-04-01\]" "$T/out"'
DESC="tree: its kind, issuer and file are said"
ok 'grep -q "^# internal rule, ACME Water Co. (example), $UL/acme.cfg" "$T/out"'
DESC="tree: its items"
ok 'grep -q "^第2条 Risk assessment" "$T/out"'
"$KIJUN" tree --lang en --edition water "$T/ws" >"$T/out" 2>&1
DESC="tree --edition water WORKSPACE: the file in WORKSPACE/library is printed"
ok 'grep -q "^  1.1 Management responsibility" "$T/out"'
DESC="tree --edition water without the workspace: no such edition (exit 2)"
ok '! "$KIJUN" tree --edition water >/dev/null 2>&1'
mkdir -p "$T/xdg/kijun/library"
mv "$UL/acme.cfg" "$T/xdg/kijun/library/acme.cfg"
DESC="tree: \$XDG_DATA_HOME/kijun/library is used when set"
ok 'env XDG_DATA_HOME="$T/xdg" "$KIJUN" tree --edition acme >/dev/null 2>&1'

# an edition (no kind: the default) in the user's folder
sed -e 's/"acme/"ed26/g' -e '/kind = /d' -e 's/ACME rules/Edition 2026/' "$FIX/example-rules.cfg" >"$T/xdg/kijun/library/ed26.cfg"
XDG_DATA_HOME=$T/xdg "$KIJUN" tree --lang en --edition ed26 >"$T/out" 2>&1
DESC="tree --edition ed26: a file without kind is an edition of the user's library"
ok 'grep -q "^# Guideline edition, ACME Water Co. (example)" "$T/out"'

M=$("$KIJUN" tree --lang en --edition v5 | grep -vc '^#')

# --- the browser ------------------------------------------------------------------
UI_ENV="TMPDIR=$T XDG_DATA_HOME=$T/xdg"
ui_start 120 40 --lang en --edition v5 "$T/ws"
ui_wait "kijun"
ui_expect_line $ST "5th edition (2019 revision) (abolished)" "the browser starts on a shipped edition"
ui_keys j j j j j j j
ui_expect_line 1 "› II. › 1. Purpose of formulation" "v5 II.1 selected"
ui_expect "Covered by  ← ACME rules: 第1条 Management responsibility" "a Guideline item: the internal rule's item that covers it"
ui_expect "← water: 第1章 1.1 Management responsibility" "a Guideline item: the sector standard's item that covers it"
ui_keys e
ui_expect_line $ST "2022 draft of the 2023 Guideline (superseded)" "e: the revised draft"
ui_keys e
ui_expect_line $ST "ACME rules (in force)" "e: the internal rule from \$XDG_DATA_HOME is in the edition switch"
ui_keys e
ui_expect_line $ST "Edition 2026 (in force)" "e: the edition from \$XDG_DATA_HOME is in the edition switch"
ui_keys e
ui_expect_line $ST "water (in force)" "e: the sector standard from the workspace's library/ is in the edition switch"
ui_keys e
ui_expect_line $ST "5th edition (2019 revision) (abolished)" "e: back to the 5th edition"

ui_restart 120 40 --lang en --edition water "$T/ws"
ui_wait "kijun"
ui_keys j
ui_expect_line 1 "kijun › water › 第1章 Organisation › 1.1 Management responsibility" "--edition water: on the standard's item 1.1"
ui_expect "Its file says nothing more about this item." "a standard's item without summary: its file, not the seed, says nothing more"
ui_expect "Kind        sector standard (Ministry (example))" "a standard's item: its kind and issuer"
ui_expect "Implements  → 5th edition (2019 revision): II. 1. Purpose" "a standard's item: the Guideline items it implements"
ui_expect "→ 5th edition (2019 revision): II. 3. Roles" "a standard's item: its second Guideline item"
ui_expect "Coverage    5 of $M items of edition 5th edition (2019" "the standard's coverage: N of M items of edition E"
ui_expect "Not covered • Introduction" "the items not covered are listed"
ui_expect_not "• II. 1. Purpose of formulation" "a covered item is not listed as uncovered"

# --- kijun check on the library folders ---------------------------------------------
cat >"$T/ws/library/bad.cfg" <<'CFG'
kijun_library = 1;
edition = {
  id = "bad"; kind = "internal-rule";
  title = { ja = "t"; en = "t"; }; label = { ja = "t"; en = "t"; };
  issuer = "Us"; date = "2025"; status = "draft";
};
nodes = (
  { id = "bad.1"; parent = ""; number = ""; title = { ja = "a"; en = "a"; }; maps = [ "v5.nope" ]; },
  { id = "bad.1"; parent = ""; number = ""; title = { ja = "b"; en = "b"; }; }
);
CFG
cat >"$T/ws/library/clash.cfg" <<'CFG'
kijun_library = 1;
edition = {
  id = "clash"; kind = "internal-rule";
  title = { ja = "t"; en = "t"; }; label = { ja = "t"; en = "t"; };
  issuer = "Us"; date = "2025"; status = "draft";
};
nodes = (
  { id = "v5.II"; parent = ""; number = ""; title = { ja = "a"; en = "a"; }; maps = [ "v5.nope" ]; }
);
CFG
XDG_DATA_HOME=$T/xdg "$KIJUN" check "$T/ws" >"$T/out" 2>&1
rc=$?
DESC="check WORKSPACE: exit 1 with findings in its library/"
ok '[ $rc = 1 ]'
DESC="check: a duplicate id within a file, FILE:LINE"
ok 'grep -qF "$T/ws/library/bad.cfg:9: error: id '\''bad.1'\'' is used twice in this file (first at line 8)" "$T/out"'
DESC="check: an id of a shipped edition, FILE:LINE"
ok 'grep -qF "$T/ws/library/clash.cfg:8: error: id '\''v5.II'\'' is already used by" "$T/out"'
mv "$T/ws/library/bad.cfg" "$T/bad.cfg"
sed -i 's/"v5.II"; parent/"clash.1"; parent/' "$T/ws/library/clash.cfg"
XDG_DATA_HOME=$T/xdg "$KIJUN" check "$T/ws/library/clash.cfg" >"$T/out" 2>&1
rc=$?
DESC="check FILE: a maps entry naming a missing item, FILE:LINE, exit 1"
ok '[ $rc = 1 ] && grep -qF "$T/ws/library/clash.cfg:8: error: node '\''clash.1'\'': maps to '\''v5.nope'\'', which no edition has" "$T/out"'
rm "$T/ws/library/clash.cfg"
XDG_DATA_HOME=$T/xdg "$KIJUN" check "$T/ws" >"$T/out" 2>&1
DESC="check WORKSPACE: clean again, its library file counted"
ok 'grep -q "3 files, clean" "$T/out"'
ln -s "$T/bad.cfg" "$T/ws/library/link.cfg"
XDG_DATA_HOME=$T/xdg "$KIJUN" check "$T/ws" >"$T/out" 2>&1
DESC="check: a link where a library file should be is refused"
ok 'grep -qF "$T/ws/library/link.cfg: error: a symbolic link" "$T/out"'

# kijun check without arguments: the default workspace and the user's folder
rm "$T/ws/library/link.cfg"
KIJUN_WORKSPACE=$T/ws XDG_DATA_HOME=$T/xdg "$KIJUN" check >"$T/out" 2>&1
DESC="check without arguments: the user's folder is checked too (its 2 files counted)"
ok 'grep -q "5 files, clean" "$T/out"'
cp "$T/bad.cfg" "$T/xdg/kijun/library/zz-bad.cfg"
KIJUN_WORKSPACE=$T/ws XDG_DATA_HOME=$T/xdg "$KIJUN" check >"$T/out" 2>&1
DESC="check without arguments: a finding in the user's folder, FILE:LINE"
ok 'grep -qF "$T/xdg/kijun/library/zz-bad.cfg:9: error: id '\''bad.1'\'' is used twice" "$T/out"'
# --- what the tester broke ------------------------------------------------------------
unset XDG_DATA_HOME
"$KIJUN" init "$T/w2" >/dev/null
mkdir -p "$T/w2/library"
# a failed import writes nothing, and replaces nothing: the good file and its ~ stay
rm -f "$UL/std.cfg" "$UL/std.cfg~"
"$KIJUN" import --kind sector-standard --id std --issuer MLIT --date 2024 "$FIX/example-standard.csv" >/dev/null 2>&1
cp "$UL/std.cfg" "$T/std.good"
for issuer in $'MLIT\x7f' $'ML\e[31mIT' $'ML\nIT' $'ML\xffIT'; do
    "$KIJUN" import --force --kind sector-standard --id std --issuer "$issuer" --date 2024 \
        "$FIX/example-standard.csv" >"$T/out" 2>&1
    rc=$?
    DESC="import --force with a bad --issuer: exit 2, nothing written, the good file kept ($(printf %q "$issuer"))"
    ok '[ $rc = 2 ] && cmp -s "$UL/std.cfg" "$T/std.good" && [ ! -e "$UL/std.cfg~" ] && grep -qF "nothing written" "$T/out"'
done
"$KIJUN" import --force --kind sector-standard --id std --issuer MLIT --date 2024 --title $'T\xc2\x85' \
    "$FIX/example-standard.csv" >"$T/out" 2>&1
rc=$?
DESC="import --force with a C1 control in --title: exit 2, the good file kept"
ok '[ $rc = 2 ] && cmp -s "$UL/std.cfg" "$T/std.good" && grep -qF -- "--title: a control or invisible character (U+0085)" "$T/out"'
rm -f "$UL/std.cfg"
# ids and names the loader would not read
for id in .. .x; do
    "$KIJUN" import --kind sector-standard --id "$id" --issuer M --date 2024 "$FIX/example-standard.csv" >"$T/out" 2>&1
    rc=$?
    DESC="import --id $id: refused (the file would never be read), nothing written"
    ok '[ $rc = 2 ] && [ -z "$(ls -A "$UL" | grep "^\.")" ] && grep -qF "not starting with '\''.'\''" "$T/out"'
done
"$KIJUN" import --kind sector-standard --id ok1 --issuer M --date 2024 -o "$T/w2/library/.ok1.cfg" \
    "$FIX/example-standard.csv" >"$T/out" 2>&1
rc=$?
DESC="import -o .NAME.cfg: refused, nothing written"
ok '[ $rc = 2 ] && [ ! -e "$T/w2/library/.ok1.cfg" ]'
(cd "$T" && "$KIJUN" import --kind sector-standard --id ok1 --issuer M --date 2024 -o - "$FIX/example-standard.csv") >"$T/out" 2>&1
rc=$?
DESC="import -o -: refused (no file named -), nothing written"
ok '[ $rc = 2 ] && [ ! -e "$T/-" ] && grep -qF "not the standard output" "$T/out"'
# the id checked against the folder it joins
"$KIJUN" import --kind sector-standard --id taken --issuer M --date 2024 -o "$T/w2/library/b.cfg" \
    "$FIX/example-standard.csv" >/dev/null 2>&1
"$KIJUN" import --kind sector-standard --id taken --issuer M --date 2024 -o "$T/w2/library/a.cfg" \
    "$FIX/example-standard.csv" >"$T/out" 2>&1
rc=$?
DESC="import -o WS/library/NEW.cfg with an id another file of the folder has: exit 2, nothing written"
ok '[ $rc = 2 ] && [ ! -e "$T/w2/library/a.cfg" ] && grep -qF "already an edition'\''s id ($T/w2/library/b.cfg)" "$T/out"'
"$KIJUN" check "$T/w2" >"$T/out" 2>&1
DESC="... and the file already there still loads"
ok 'grep -q "3 files, clean" "$T/out"'
# check FILE in the workbench's order: a.cfg loads, b.cfg (the same id) does not
sed 's/^# kijun library.*/# a/' "$T/w2/library/b.cfg" >"$T/w2/library/a.cfg"
"$KIJUN" check "$T/w2/library/a.cfg" >"$T/out" 2>&1
rc=$?
DESC="check WS/library/a.cfg (b.cfg has its id, but loads after it): clean, as the workbench loads it"
ok '[ $rc = 0 ] && grep -q "1 file, clean" "$T/out"'
"$KIJUN" check "$T/w2/library/b.cfg" >"$T/out" 2>&1
rc=$?
DESC="check WS/library/b.cfg: not loaded (a.cfg has its id)"
ok '[ $rc = 1 ] && grep -qF "$T/w2/library/b.cfg: warning: this file is not loaded; the rest of the library is loaded" "$T/out" && grep -qF "already used by $T/w2/library/a.cfg" "$T/out"'
"$KIJUN" tree --edition taken "$T/w2" >"$T/out" 2>&1
DESC="... and the workbench's tree says the same: taken is a.cfg"
ok 'grep -qF ", $T/w2/library/a.cfg" "$T/out"'
rm "$T/w2/library/b.cfg"
# a hidden file is not read; check says so
cp "$T/w2/library/a.cfg" "$T/w2/library/.hidden.cfg"
"$KIJUN" check "$T/w2/library/.hidden.cfg" >"$T/out" 2>&1
rc=$?
DESC="check WS/library/.hidden.cfg: not read (exit 2), not clean"
ok '[ $rc = 2 ] && grep -qF "$T/w2/library/.hidden.cfg: error: not read" "$T/out"'
rm "$T/w2/library/.hidden.cfg"
# a workspace whose library/ is a link: check FILE says what check WS says
"$KIJUN" init "$T/w3" >/dev/null
mkdir -p "$T/elsewhere"
cp "$T/w2/library/a.cfg" "$T/elsewhere/a.cfg"
ln -s "$T/elsewhere" "$T/w3/library"
"$KIJUN" check "$T/w3/library/a.cfg" >"$T/out" 2>&1
rc=$?
DESC="check WS/library/FILE with WS/library a link: not read (exit 2)"
ok '[ $rc = 2 ] && grep -qF "its folder is a symbolic link" "$T/out"'
"$KIJUN" check "$T/w3" >"$T/out" 2>&1
rc=$?
DESC="check WS with WS/library a link: exit 2, the error counted as a finding"
ok '[ $rc = 2 ] && grep -q "1 finding" "$T/out"'
rm "$T/w3/library"
printf 'not a folder\n' >"$T/w3/library"
"$KIJUN" check "$T/w3" >"$T/out" 2>&1
rc=$?
DESC="check WS with WS/library a plain file: exit 2, 1 finding (not 0)"
ok '[ $rc = 2 ] && grep -q "1 finding" "$T/out" && grep -qF "$T/w3/library: error: not a folder" "$T/out"'
rm "$T/w3/library"
# a library file that does not parse: exit 2 as for any file that does not parse
mkdir "$T/w3/library"
printf 'kijun_library = 1;\nedition = {\n' >"$T/w3/library/broken.cfg"
"$KIJUN" check "$T/w3" >"$T/out" 2>&1
rc=$?
DESC="check WS with a library file that does not parse: exit 2"
ok '[ $rc = 2 ] && grep -qF "$T/w3/library/broken.cfg:" "$T/out"'
"$KIJUN" check "$T/w3/library/broken.cfg" >"$T/out" 2>&1
rc=$?
DESC="check WS/library/FILE that does not parse: exit 2"
ok '[ $rc = 2 ]'
# one truth: check, the findings screen and the export list the library's findings
printf 'kijun_library = 1;\nedition = { id = "x"; };\nnodes = ();\n' >"$T/w3/library/broken.cfg"
"$KIJUN" check "$T/w3" 2>&1 >/dev/null | sort >"$T/check.txt"
"$KIJUN" check --findings-screen "$T/w3" 2>&1 >/dev/null | sort >"$T/screen.txt"
DESC="check --findings-screen WS: the same findings of WS/library as check WS"
ok '[ -s "$T/check.txt" ] && cmp -s "$T/check.txt" "$T/screen.txt"'
"$KIJUN" export --format json "$T/w3" >"$T/w3.json" 2>/dev/null
DESC="export --format json: the library's findings are in findings"
ok 'grep -qF "\"file\": \"library/broken.cfg\"" "$T/w3.json"'
# raw escapes from arguments never reach the terminal
"$KIJUN" tree --edition $'\e[31mnope' >"$T/out" 2>&1
DESC="tree --edition ESC...: no raw ESC printed"
ok '! grep -q $'\''\e'\'' "$T/out" && grep -q "no edition" "$T/out"'
cp "$FIX/example-standard.csv" "$T/"$'\e[31mx.csv'
"$KIJUN" import --kind sector-standard --id esc --issuer M --date 2024 -o "$T/w2/library/e"$'\e'"sc.cfg" \
    "$T/"$'\e[31mx.csv' >"$T/out" 2>&1
"$KIJUN" import --kind sector-standard --id esc --issuer M --date 2024 -o "$T/w2/library/e"$'\e'"sc.cfg" \
    "$T/"$'\e[31mx.csv' >>"$T/out" 2>&1
"$KIJUN" import --kind sector-standard --id es2 --issuer $'\x7f' --date 2024 "$T/"$'\e[31mx.csv' >>"$T/out" 2>&1
DESC="import: no raw ESC in 'wrote', 'already a file there' or 'nothing written'"
ok '! grep -q $'\''\e'\'' "$T/out" && grep -q "wrote" "$T/out" && grep -q "already a file there" "$T/out" && grep -q "nothing written" "$T/out"'
rm -f "$T/w2/library/e"$'\e'"sc.cfg"
# a link in the user's own folder: refused, said for the library (it is no workspace)
ln -s "$T/w2/library/a.cfg" "$UL/link.cfg"
"$KIJUN" check >"$T/out" 2>&1
DESC="check: a link in the user's folder is refused as a link in the library folders"
ok 'grep -qF "$UL/link.cfg: error: a symbolic link (kijun follows no links in the library folders)" "$T/out"'
rm "$UL/link.cfg"
# the workbench's findings screen
ui_restart 120 40 --lang en "$T/w3"
ui_wait "kijun"
ui_keys 6
ui_expect "library/broken.cfg" "the findings screen lists the library's findings"
ui_expect_not "No findings" "the findings screen does not say the workspace is clean"
ui_done
