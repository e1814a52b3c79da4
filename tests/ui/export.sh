#!/bin/sh
# UI test: the workbench's export dialog. E on the rounds screen and on a
# round's steps offers a file in the folder kijun was started in; the
# file name's ending chooses what (.html the report for the board, .md, .csv
# the register, .json the workspace); Enter writes it and says where, Esc
# writes nothing; an ending that says nothing is refused; with unsaved
# edits it asks to save first, since a report names the files it was made
# from. At 80x24, in English and Japanese.
. "$KIJUN_TESTS/ui/lib.sh"

ws=$(mktemp -d /tmp/kijun-ui-export-XXXXXX)
trap 'rm -rf "$ws"; t kill-server >/dev/null 2>&1 || true' EXIT
cp -R "$KIJUN_TEST_DATA/demo/en" "$ws/w"
cp -R "$KIJUN_TEST_DATA/demo/ja" "$ws/j"
chmod -R u+w "$ws/w" "$ws/j"
mkdir "$ws/out"
flat() { ui_screen | tr -d ' \n'; }
expect_whole() { # TEXT DESC: TEXT on screen, over however many lines
    local want i=0
    want=$(printf '%s' "$1" | tr -d ' \n')
    while [ "$i" -lt 100 ]; do
        flat | grep -qF -- "$want" && break
        sleep 0.05
        i=$((i + 1))
    done
    flat | grep -qF -- "$want"
    ui_result $? "$2"
}

UI_ENV="KIJUN_TODAY=2026-12-01 HOME=$ws"
UI_CWD=$ws/out
ui_start 80 24 --lang en "$ws/w"
ui_wait "kijun"
ui_keys 5
ui_expect "Assessment rounds" "the rounds screen"
ui_expect "E Export" "the key bar offers E"
ui_keys E
ui_expect "Export round 2026: .html board report, .md report, .csv register, .json all" "E asks for the file, naming the round under the cursor"
ui_expect "$ws/out/2026-report.html" "the report for the board, in the folder kijun was started in"
ui_check_fit 80 "the dialog fits 80 columns"
ui_keys Escape
ui_expect_not "Export round" "Esc closes it"
[ ! -e "$ws/out/2026-report.html" ]; ui_result $? "and nothing is written"
ui_keys E Enter
expect_whole "Exported the report of round 2026 to $ws/out/2026-report.html (kijun export --verify checks it against the files)" \
    "Enter writes it and says where it went, read whole"
[ -s "$ws/out/2026-report.html" ] && [ "$(stat -c %a "$ws/out/2026-report.html")" = 600 ]
ui_result $? "the file is there, mode 0600"
grep -q '<html lang="en">' "$ws/out/2026-report.html"; ui_result $? "it is the HTML report, in English"
"$KIJUN" export --verify "$ws/out/2026-report.html" "$ws/w" >/dev/null 2>&1
ui_result $? "kijun export --verify: it matches the workspace"
# the ending chooses: the register as CSV, of the round opened
ui_keys k Enter
ui_expect "Round 2025" "the 2025 round's steps"
ui_keys E
ui_expect "$ws/out/2025-report.html" "E on the steps: the round opened"
ui_keys BSpace BSpace BSpace BSpace
ui_type "csv"
ui_keys Enter
expect_whole "Exported the risk register of round 2025 (20 risks) to $ws/out/2025-report.csv" "a name ending in .csv writes the register"
head -1 "$ws/out/2025-report.csv" | grep -q '^id,title,service,resource,threat,'; ui_result $? "the file is the CSV register"
ui_keys E C-u
ui_type "$ws/out/notes.txt"
ui_keys Enter
expect_whole "$ws/out/notes.txt: the file's name ends in .html, .md, .csv or .json, which says what to export" "an ending that says nothing is refused"
[ ! -e "$ws/out/notes.txt" ]; ui_result $? "nothing written"
ui_expect "> $ws/out/notes.txt" "the prompt stays with the name typed, to correct"
ui_keys BSpace BSpace BSpace
ui_type "md"
ui_keys Enter
expect_whole "Exported the report of round 2025 to $ws/out/notes.md" "corrected, it writes the Markdown report"
# unsaved edits: save first
ui_keys q j c
ui_type "2027"
ui_keys Enter
ui_expect "Round 2027" "a copy is made (not saved)"
ui_keys E
expect_whole "Save first (s): a report names the files it was made from, as they are saved" "with unsaved edits, E asks to save first"
ui_keys s
ui_keys E
ui_expect "$ws/out/2027-report.html" "after the save, E offers the export"
ui_keys Escape Q
ui_stop

UI_ENV="KIJUN_TODAY=2026-12-01 HOME=$ws"
ui_start 80 24 --lang ja "$ws/j"
ui_wait "kijun"
ui_keys 5 E
ui_expect "実施回 2026 を書き出し" "ja: E asks for the file"
ui_check_fit 80 "ja: the dialog fits 80 columns"
ui_keys Enter
ui_expect "すでにあります" "ja: a file that is there is not written over unasked"
grep -q '<html lang="en">' "$ws/out/2026-report.html"; ui_result $? "ja: (the English report is still there)"
ui_keys Enter
ui_expect "2026-report.html" "ja: Enter again writes it and says where"
grep -q '<html lang="ja">' "$ws/out/2026-report.html"; ui_result $? "ja: the report is in Japanese"
ui_keys E C-u
ui_type "$ws/out/all.json"
ui_keys Enter
ui_expect "all.json" "ja: a .json file"
grep -q '"name": "2025"' "$ws/out/all.json" && grep -q '"name": "2026"' "$ws/out/all.json" && ! grep -q '"round": "2026",$' "$ws/out/all.json"
ui_result $? "ja: .json is the whole workspace, every round"
ui_keys E C-u
ui_type "$ws/j/assessments/x.md"
ui_keys Enter
ui_expect "ワークスペースの中です" "ja: a file in the workspace is refused"
[ ! -e "$ws/j/assessments/x.md" ]; ui_result $? "ja: nothing written there"
ui_keys Escape Q
ui_stop

# a path longer than the line: the prompt scrolls, so that its ending,
# which says what is written, is in view
long=$ws/out/dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd
mkdir -p "$long"
UI_CWD=$long
ui_start 80 24 --lang en "$ws/w"
ui_wait "kijun"
ui_keys 5 E
ui_expect_line 23 "-report.html" "a long path's end is in view on the prompt"
ui_keys Escape Q
ui_stop

# started inside the workspace: the file offered is beside it, not in it
UI_CWD=$ws/w
ui_start 80 24 --lang en "$ws/w"
ui_wait "kijun"
ui_keys 5 E
ui_expect "> $ws/2027-report.html" "started in the workspace, the file offered is beside it (the round under the cursor: 2027)"
ui_keys Escape Q
ui_stop
ui_done
