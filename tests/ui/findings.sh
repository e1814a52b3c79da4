#!/bin/sh
# UI test: the findings screen (6, F6). A workspace with a finding in the
# profile (a dependency cycle), the checklist (a status no choice) and a
# round (a threshold above the scales): the screen lists exactly what
# kijun check prints, grouped by file, severity in words; Enter on the
# profile's finding opens the resource's form on its field, the fix and
# Esc come back to the screen with one finding fewer; Enter on the
# checklist's finding shows its Guideline item, q comes back (it does not
# quit); / searches; a save says how many remain and names the key; the
# demo has a "no findings" line; every screen fits 80x24 and 132x43 in
# English and Japanese.
. "$KIJUN_TESTS/ui/lib.sh"

ws=$(mktemp -d /tmp/kijun-ui-findings-XXXXXX)
trap 'rm -rf "$ws"; t kill-server >/dev/null 2>&1 || true' EXIT
C=$KIJUN_TESTS/corpus
# make_ws DIR: base/ with the three cases' files over it
make_ws() {
    cp -R "$C/base" "$1"
    for c in depends-cycle checklist-status threshold-above; do
        (cd "$C/$c" && find . -type f ! -name EXPECT) | while read -r f; do cp "$C/$c/$f" "$1/$f"; done
    done
    chmod -R u+w "$1"
}
make_ws "$ws/w"
# check_lines WS: each finding of kijun check, as the screen shows it (the
# workspace-relative file), is on the screen; its count in N
check_lines() {
    "$KIJUN" check "$1" 2>"$ws/check.err" >/dev/null
    N=$(wc -l <"$ws/check.err")
    bad=0
    while IFS= read -r line; do
        ui_screen | grep -qF -- "${line#kijun: $1/}" || { bad=1; echo "# missing: ${line#kijun: $1/}"; }
    done <"$ws/check.err"
    [ "$N" -gt 0 ] && [ "$bad" = 0 ]
}

UI_ENV="KIJUN_TODAY=2026-11-25 HOME=$ws"
ui_start 132 43 --lang en "$ws/w"
ui_wait "kijun"
ui_keys 6
ui_expect "Findings of the workspace: 3 errors in 3 files" "6 opens the findings screen: the count in the title"
check_lines "$ws/w"
ui_result $? "every finding of kijun check is on the screen, as it prints it ($N)"
[ "$N" = 3 ]; ui_result $? "kijun check has three: the profile, the checklist, the round"
ui_expect_line 2 "profile.cfg — 1 error" "grouped by file: the profile first, its count in words"
ui_expect_line 4 "checklist.cfg — 1 error" "then the checklist"
ui_expect_line 6 "assessments/2026.cfg — 1 error" "then the round"
ui_expect "error: res-scada: Depends on ('depends') makes a cycle" "the severity in words, not only colour"
ui_expect "6 Findings" "the key is on the key bar"
ui_check_fit 132 "the screen fits 132 columns"
# help
ui_keys '?'
ui_expect "Show every finding of the workspace, as kijun check gives them" "? lists the findings key"
ui_expect "Search the findings: file, line, severity and text" "and the search"
ui_keys q
# search
ui_keys / ; ui_type "threshold"
ui_expect "/threshold" "/ opens the search prompt"
ui_keys Enter
ui_expect_line 7 "> " "the search goes to the round's finding"
ui_keys g
ui_expect_line 3 "> " "g: the first finding (never a file's header)"
# the profile's finding: its form, on the offending field; fixed; Esc back
ui_keys Enter
ui_expect "Profile › Management resources › SCADA" "Enter opens the resource's form"
ui_keys Enter
ui_expect "Choose (Space marks, Enter takes, Esc cancels)" "the cursor is on 'Depends on': Enter opens its pick list"
ui_keys Space Enter
ui_keys Escape
ui_expect "Findings of the workspace: 2 errors in 2 files" "fixed, Esc comes back to the screen, one finding fewer"
ui_expect_not "makes a cycle" "the cycle is gone from the list"
# the checklist's finding: the Guideline item; q comes back, does not quit
ui_keys g Enter
ui_expect "Management and risk-management policy and cybersecurity" "Enter on the checklist's finding shows its item"
ui_keys q
ui_expect "Findings of the workspace: 2 errors in 2 files" "q comes back to the findings"
# the save says how many remain and the key
ui_keys s
ui_expect "Saved; 2 findings (6 shows them)" "the save: how many remain and the key (the files when they fit)"
check_lines "$ws/w"
ui_result $? "after the save the screen is what kijun check prints ($N)"
ui_keys q
ui_expect "Guideline" "q on the findings goes back to where they were opened"
ui_keys F6
ui_expect "Findings of the workspace: 2 errors" "F6 opens them too"
# the round's finding: its form; Esc back
ui_keys G Enter
ui_expect "Assessment › 2026 › Preparation" "Enter on the round's finding opens the round's form"
ui_keys Escape
ui_expect "Findings of the workspace" "Esc comes back"
ui_resize 80 24
ui_check_fit 80 "the screen fits 80 columns"
ui_expect "2 errors in 2 files" "at 80x24 too"
ui_keys Q
ui_stop

# Japanese, 80x24: the screen and the save's message fit
make_ws "$ws/j"
UI_ENV="KIJUN_TODAY=2026-11-25 HOME=$ws LANG=ja_JP.UTF-8"
ui_start 80 24 --lang ja "$ws/j"
ui_wait "kijun"
ui_keys 6
ui_expect "$(ja "Findings of the workspace")" "the screen in Japanese"
ui_expect "エラー: res-scada" "the severity in Japanese words, as kijun check --lang ja"
ui_check_fit 80 "it fits 80 columns"
# a new entry's form open in the profile: Enter does not replace it
ui_keys 4 j Enter a 6 Enter
ui_expect "新しい項目のフォームが開いています。先に仕上げてください（4 で表示）" "Enter does not replace a new entry's form; it says which key shows it"
ui_check_fit 80 "the message fits 80 columns"
ui_keys 4 q
ui_expect "$(ja "Governance roles"): 1" "the new entry, left empty, leaves nothing behind"
ui_keys 6 g
ui_keys Enter Enter Space Enter Escape s
ui_expect "保存しました。指摘 2 件（6 で一覧）" "the save's message in Japanese names the key"
ui_check_fit 80 "and fits 80 columns"
ui_resize 132 43
ui_check_fit 132 "it fits 132 columns"
ui_stop

# the demo: no findings, said in a line
UI_ENV="KIJUN_TODAY=2026-11-25 HOME=$ws"
ui_start 80 24 --lang en --demo
ui_wait "kijun"
ui_keys 4 6
ui_expect "No findings: kijun check finds the workspace's files clean (a round's" "the demo: a clear line, no findings"
ui_expect "progress is checked in its Validation step)." "the line says what it does not cover, wrapped whole"
ui_keys Escape
ui_expect "Organisation profile" "Esc goes back to the profile"

# a long finding is shown whole below the list at 80x24 (a closed round
# changed in an editor: the message ends "(reopen it to record why)")
rm -rf "$ws/c"
cp -R "${KIJUN_TEST_DATA:-$KIJUN_TESTS/../data}/demo/en" "$ws/c"
chmod -R u+w "$ws/c"
"$KIJUN" check "$ws/c" >/dev/null 2>&1
ui_start 80 24 --lang en "$ws/c"
ui_wait "kijun"
ui_keys s
ui_wait "Saved" 5
ui_keys Q
ui_stop
sed -i '0,/measures = "/s/measures = "/measures = "Edited by hand. /' "$ws/c/assessments/2025.cfg"
ui_start 80 24 --lang en "$ws/c"
ui_wait "kijun"
ui_keys 6 G
ui_expect "changed outside kijun" "a closed round changed by hand is a finding"
ui_expect "why)" "its whole text shows below the list at 80 columns"
ui_keys Q
ui_stop

# kijun check's findings are about the files; the validation step checks the
# progress too: the demo's files are clean while its round fails checks there
cp -R "${KIJUN_TEST_DATA:-$KIJUN_TESTS/../data}/demo/en" "$ws/dv"
chmod -R u+w "$ws/dv"
"$KIJUN" check "$ws/dv" >/dev/null 2>&1; ui_result $? "the demo's files: kijun check is clean (exit 0)"
ui_start 132 43 --lang en "$ws/dv"
ui_wait "kijun"
ui_keys 5 Enter j j j Enter
ui_expect "[!!]" "the demo's round still fails checks of its validation step (its progress)"
ui_keys Q
ui_stop
ui_done
