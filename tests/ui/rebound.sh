#!/bin/sh
# rebound.sh: with keys rebound in kijunrc, every question and hint names
# the keys in force, and the question is answered by them; quitting with
# text being typed asks; a long name does not hide a question's answers;
# ? in a pick list shows its help, and the help's screen keys work.
. "$KIJUN_TESTS/ui/lib.sh"

ui_private_home
RC="$T/kijunrc"
UI_ENV="$UI_ENV KIJUN_TODAY=2026-11-25"

# yes and no swapped: the question says so, and n (now yes) deletes
printf 'keys = { yes = "n"; no = "y"; };\n' >"$RC"
ui_start 100 24 --demo --lang en --config "$RC"
ui_wait "kijun"
ui_keys 4 j j j Enter d
ui_expect "keep its name. n/y" "the delete question names the keys in force"
ui_keys y
ui_expect "Nothing deleted" "y, now no, keeps it"
ui_keys Q
ui_stop

printf 'keys = { yes = "J"; no = "^N"; };\n' >"$RC"
ui_start 100 24 --demo --lang en --config "$RC"
ui_wait "kijun"
ui_keys 4 j j j Enter a j Enter
ui_type "x"
ui_keys Enter q
ui_expect "Keep it incomplete (" "leaving a new entry incomplete asks"
ui_expect "(Name missing)? J/^N" "and names the keys in force"
ui_keys C-n
ui_expect "Nothing added" "Ctrl-N, the no in force, answers"
ui_keys q q 5 Enter S a Enter
ui_expect "Sign it off anyway? J/" "the sign-off question names the keys in force"
ui_keys C-n
ui_expect "Nothing signed off" "and is answered by them"
ui_keys Q
ui_stop
# hints name the keys in force
printf 'keys = { sign-off = "Z"; add = "+"; toggle-scope = "Tab"; back = "z"; };\n' >"$RC"
ui_start 120 30 --demo --lang en --config "$RC"
ui_wait "kijun"
ui_keys 5 Enter j
ui_keys Enter
ui_expect "Scoping: Tab puts a service or resource in scope (x) or out; + adds a resource" "the scoping hint names Tab and +"
ui_keys z j j Enter
ui_expect "and the sign-offs (Z shows them)" "the validation names Z for the sign-offs"
ui_keys z z z 4 j j j Enter +
ui_expect "then z to go back" "a new entry names the back key in force"
ui_keys z y Q n
ui_stop

# the prompts' and the browser's hints name the keys in force
printf 'keys = { focus = "F5"; accept = "^O"; cancel = "^X"; };\n' >"$RC"
ui_start 120 30 --demo --lang en --config "$RC"
ui_wait "kijun"
ui_keys F5
ui_expect "Detail pane: arrows scroll the text; F5 returns to the tree" "the detail pane's hint names the focus key in force"
ui_keys F5 5 Enter r /
ui_expect "^O keeps it, ^X restores the filter" "the register's filter names the keys in force"
ui_keys C-x q j Enter j a
ui_expect "^O adds it, ^X cancels" "scoping's new resource names the keys in force"
ui_keys C-x Q
ui_stop
printf 'keys = { select = ["F8", "Enter"]; };\n' >"$RC"
ui_start 100 30 --demo --lang en --config "$RC"
ui_wait "kijun"
ui_keys 5 Enter m
ui_expect "arrows choose a cell, F8 lists its risks" "the heat map's heading names the key in force"
ui_keys Q
ui_stop
# the other writer removed the file: the refusal names the keys in force
printf 'keys = { overwrite = "F6"; save-beside = "F7"; cancel-question = "F9"; };\n' >"$RC"
"$KIJUN" init --lang en "$T/w" >/dev/null 2>&1
ui_start 120 24 --lang en --config "$RC" "$T/w"
ui_wait "kijun"
ui_keys 4 Enter Enter C-u
ui_type "Ours"
ui_keys Enter q
rm -f "$T/w/profile.cfg"
ui_keys s r
ui_expect "F6 writes yours in its place, F7 beside, F9 leaves it" "not reloaded: the keys that remain, as bound"
ui_keys F9 Q n
ui_stop
# Ctrl-C with text being typed asks, as unsaved work does
printf '\n' >"$RC"
ui_start 100 24 --demo --lang en --config "$RC"
ui_wait "kijun"
ui_keys 4 Enter Enter C-u
ui_type "Typed"
ui_keys C-c
ui_expect "Unsaved changes. Save before quitting?" "Ctrl-C in a field with typed text asks"
ui_keys Escape
ui_expect_not "[exit" "Esc: kijun stays"
ui_expect "Typed" "the text being typed is still there"
ui_keys C-c n
ui_expect_exit 0 "n quits without saving"
ui_stop

# quit bound to Enter: while editing, Enter is the field's own key
printf 'keys = { quit = ["Enter", "q"]; };\n' >"$RC"
ui_start 100 24 --demo --lang en --config "$RC"
ui_wait "kijun"
ui_keys 4 l e
ui_expect "Editing: Enter keeps" "the editing hint names Enter, the key that keeps"
ui_keys C-u
ui_type "Kept"
ui_keys Enter
ui_expect_not "[exit" "Enter in the field keeps the text, it does not quit"
ui_expect "*Name       Kept" "the text is kept"
ui_stop
# a long name is shortened in the delete question: its answers always show
cp -r "$KIJUN_TEST_DATA/demo/ja" "$T/long"
chmod -R u+w "$T/long"
long=$(printf '長い%.0s' $(seq 170))
sed -i "s/name = \"水道水の供給\";/name = \"$long\";/" "$T/long/profile.cfg"
grep -q "$long" "$T/long/profile.cfg"; ui_result $? "a 340-character service name"
printf '\n' >"$RC"
ui_start 60 16 --lang ja --config "$RC" "$T/long"
ui_wait "kijun"
ui_keys 4 j j j Enter d
ui_expect "…」を削除しますか?" "the name is shortened with …"
ui_expect "y/n" "the answers show"
ui_check_fit 60 "the question fits 60 columns"
ui_keys n Q
ui_stop
# ? in a pick list shows its keys; the screen keys the help lists work from it
printf '\n' >"$RC"
ui_start 80 24 --demo --lang en --config "$RC"
ui_wait "kijun"
ui_keys 4 j j j j Enter Enter j Enter
ui_expect "Choose (Space marks, Enter takes" "a pick list is open"
ui_keys '?'
ui_expect_line 1 " kijun › Help: Pick list" "? in the pick list: its help"
ui_expect "Take the choice" "with the pick list's keys"
ui_keys q
ui_expect "Choose (Space marks, Enter takes" "q: back to the pick list"
ui_keys Escape q q q
ui_keys '?'
ui_expect_line 1 " kijun › Help: Guideline browser" "the help of the browser"
ui_keys 4
ui_expect_line 1 " kijun › Profile" "4 on the help shows the profile"
ui_keys Q
ui_stop
ui_done
