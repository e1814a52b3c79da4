#!/bin/sh
# UI test: the life of a round: new, copy (of any round, many times over),
# saving, reopening. A copy used to crash kijun (a pointer into the list of
# rounds outlived the list's growth).
. "$KIJUN_TESTS/ui/lib.sh"

ws=$(mktemp -d /tmp/kijun-ui-rounds-XXXXXX)
trap 'rm -rf "$ws"; t kill-server >/dev/null 2>&1 || true' EXIT
"$KIJUN" init --lang en "$ws/w" >/dev/null 2>&1

UI_ENV="KIJUN_TODAY=2026-11-25"
ui_start 80 24 --lang en "$ws/w"
ui_wait "kijun"
ui_keys 5 a
ui_type "r1"
ui_keys Enter
ui_expect "New round \"r1\"" "a makes the first round of a new workspace"
ui_keys q c
ui_type "r2"
ui_keys Enter
ui_expect "New round \"r2\"" "c copies it"
# copy the first, the newest and a middle round, again and again
for n in 3 4 5 6 7 8 9; do
    ui_keys q g
    [ $((n % 2)) = 0 ] && ui_keys G
    [ "$n" = 7 ] && ui_keys g j
    ui_keys c
    ui_type "r$n"
    ui_keys Enter
    ui_expect "New round \"r$n\"" "copy number $((n - 1)) is made"
done
ui_expect_not "[exit" "kijun is still running after eight copies"
ui_keys q
ui_expect "r9       2026-11-25" "the rounds screen lists the copies"
ui_keys s
ui_expect "Saved; 9 findings (6 shows them)" "s saves them and says how many findings remain and the key that shows them (the files do not fit)"
n=$(ls "$ws/w/assessments" | grep -c '^r[0-9]\.cfg$')
[ "$n" = 9 ]; ui_result $? "nine round files on disk ($n)"
grep -q 'previous = "r1";' "$ws/w/assessments/r2.cfg"; ui_result $? "a copy is compared with its source"
ui_keys Q
ui_expect "[exit 0]" "Q quits at once when everything is saved"
ui_stop
"$KIJUN" check "$ws/w" >/dev/null 2>&1
[ $? -ne 2 ]; ui_result $? "kijun check reads every round kijun wrote"

# the demo: copies of a round with risks, the list growing past its first allocation
ui_start 80 24 --demo --lang en
ui_wait "kijun"
ui_keys 5
for n in 1 2 3 4 5 6; do
    ui_keys c
    ui_type "copy$n"
    ui_keys Enter
    ui_expect "New round \"copy$n\"" "demo: copy $n of the selected round"
    ui_keys q
done
ui_expect "copy6    2026-11-25 | 30 risks" "demo: the copies carry the risks over"
ui_expect_not "[exit" "demo: kijun is still running"
ui_keys Q n
ui_stop

# a profile entry that rounds use: the question names them (they keep it
# as assessed, tests/ui/snapshot.sh); n keeps it
ui_start 80 24 --demo --lang en
ui_wait "kijun"
ui_keys 4 j j j Enter
ui_expect "Priority services" "the profile's services"
ui_keys d
ui_expect "Delete \"Drinking water supply\"? Rounds 2025, 2026 keep its name. y/n" "d on a service the rounds use asks, naming them"
ui_keys n
ui_expect "Nothing deleted" "n keeps it"
ui_expect "Drinking water supply" "the service is still there"
ui_keys a Enter
ui_type "Unused service"
ui_keys Enter q d
ui_expect "Delete \"Unused service\"? y deletes" "an entry no round uses can be deleted"
ui_keys y
ui_expect "Deleted \"Unused service\"" "y deletes it"
ui_keys Q n
ui_stop

# a sign-off vouches for its step's data: an edit afterwards makes it stale
UI_ENV="KIJUN_TODAY=2026-11-25"
ui_start 132 43 --demo --lang en
ui_wait "kijun"
ui_keys 5 Enter j j j Enter
ui_expect "Validation: the automatic checks" "the demo round's validation"
ui_expect_not "is stale" "its sign-offs vouch for the data as it is"
ui_keys q k k k Enter j Enter C-u
ui_type "A purpose changed after the sign-off"
ui_keys Enter q j j j Enter
ui_expect "signoffs: the sign-off of Preparation ('prep') is stale: the step changed after it" "an edit of the preparation makes its sign-off stale"
ui_expect "[+] modified" "the edit is unsaved"
ui_keys s
ui_expect "Saved;" "saved"
ui_keys Q
ui_stop
UI_ENV="LANG=ja_JP.UTF-8 KIJUN_TODAY=2026-11-25"
ui_start 80 24 --demo --lang ja
ui_wait "kijun"
ui_keys 4 j j j Enter d
ui_expect "実施回 2025, 2026 には名前が残ります。y/n" "ja: the same in Japanese"
ui_keys n Q n
ui_stop

# rename and delete from the rounds screen, in a copy of the demo
UI_ENV="KIJUN_TODAY=2026-11-25"
cp -r "$KIJUN_TEST_DATA/demo/en" "$ws/d"
chmod -R u+w "$ws/d"
kijun_pid() { pgrep -P "$(t display-message -p -t ui '#{pane_pid}')" | head -n 1; }
ui_start 80 24 --lang en "$ws/d"
ui_wait "kijun"
ui_keys 5 G c
ui_type "2027"
ui_keys Enter q
ui_expect "2027     2026-11-25" "a copy of 2026 to compare with it"
ui_keys g j R
ui_expect_line 23 "> 2026" "R asks for the new name, the old one filled in"
ui_keys C-u
ui_type "fy 2026"
ui_keys Enter
ui_expect "cannot name a round" "a name that is no portable id is refused"
ui_expect_line 23 "> fy 2026" "the prompt stays with the name typed, to correct (keys typed next are no commands)"
ui_keys C-u
ui_type "2025"
ui_keys Enter
ui_expect "There is a round \"2025\" already" "a name in use is refused"
ui_keys C-u
ui_type "fy2026"
ui_keys Enter
ui_expect "Renamed 2026 to fy2026" "R renames the round"
ui_expect "fy2026   2026-06-01" "the rounds screen shows the new name"
[ -f "$ws/d/assessments/2026.cfg" ] && [ ! -e "$ws/d/assessments/fy2026.cfg" ]
ui_result $? "nothing moves on disk before s"
ui_keys G d
ui_expect "Delete round 2027 (30 risks, never saved)? y/n" "d asks, naming the round and its risks (a copy never saved: no backup promised)"
ui_keys n
ui_expect "2027     2026-11-25" "n keeps it"
ui_keys g j d
ui_expect "Delete round fy2026 (30 risks; round 2027 compares with it)? y/n" "a round another compares with is said so"
ui_keys n s
ui_expect "Saved" "s saves the rename"
[ -f "$ws/d/assessments/fy2026.cfg" ] && [ -f "$ws/d/assessments/2026.cfg~" ] && [ ! -e "$ws/d/assessments/2026.cfg" ]
ui_result $? "saved under the new name, the old file kept as 2026.cfg~"
grep -q 'previous = "fy2026";' "$ws/d/assessments/2027.cfg"; ui_result $? "previous follows the rename"
ui_keys G d y
ui_expect "Deleted round 2027" "y deletes the round"
ui_expect_not "2027     2026-11-25" "it leaves the list"
ui_keys s
ui_expect "Saved" "s saves the delete"
[ -f "$ws/d/assessments/2027.cfg~" ] && [ ! -e "$ws/d/assessments/2027.cfg" ] && [ -f "$ws/d/assessments/2025.cfg" ]
ui_result $? "the file moves to 2027.cfg~, nothing else goes"
# a pending delete survives kill -9 and is offered on restart
ui_keys g d y
ui_expect "Deleted round 2025" "a delete not saved yet"
# (the journal is written after the key; a poll, not a sleep, in case it lags)
i=0
while [ $i -lt $((UI_TIMEOUT * 10)) ] && [ ! -f "$ws/d/.kijun-recovery/rounds.cfg" ]; do sleep 0.1; i=$((i + 1)); done
[ -f "$ws/d/.kijun-recovery/rounds.cfg" ]; ui_result $? "the journal lists the pending delete"
kill -9 "$(kijun_pid)"
ui_expect "[exit" "kill -9"
ui_stop
ui_start 80 24 --lang en "$ws/d"
ui_expect "assessments/2025.cfg deleted or" "the next start offers the pending delete"
ui_keys y 5
ui_expect "fy2026   2026-06-01" "recovered"
ui_expect_not "2025     2025-06-01" "the round stays deleted"
ui_keys s
ui_expect "Saved" "s saves it"
[ -f "$ws/d/assessments/2025.cfg~" ] && [ ! -e "$ws/d/assessments/2025.cfg" ]
ui_result $? "after the restart the delete is saved like any other"
ui_keys Q
ui_stop

# the file name is an ASCII id; the title is free text, shown on the rounds screen
UI_ENV="LANG=ja_JP.UTF-8 KIJUN_TODAY=2026-11-25"
sed -i 's/^round = {/round = {\n    title = "令和8年度 水道施設リスク評価";/' "$ws/d/assessments/fy2026.cfg"
ui_start 80 24 --lang ja "$ws/d"
ui_wait "kijun"
ui_keys 5
ui_expect "令和8年度 水道施設リスク評価" "ja: the round's Japanese title on the rounds screen"
ui_keys R
ui_expect_line 23 "> fy2026" "ja: R asks for the new id"
ui_keys C-u
ui_type "令和8年"
ui_keys Enter
ui_expect "$(ja '"%s" cannot name a round: use 1-64 letters, digits, '"'"'.'"'"', '"'"'-'"'"' or '"'"'_'"'"'' | cut -c1-6)" "ja: the file name stays an ASCII id"
ui_keys Escape d
ui_expect "fy2026" "ja: d asks"
ui_keys n Q
ui_stop

# nothing half-made: a cancelled add leaves nothing behind
UI_ENV="KIJUN_TODAY=2026-11-25"
ui_start 80 24 --demo --lang en
ui_wait "kijun"
ui_keys 5 G Enter r
ui_expect "Register: 30 of 30" "the register of 2026"
ui_keys t
ui_expect "Enter Choose Esc Cancel" "t opens the threat catalogue (one choice: no Space Mark on the key bar)"
ui_expect_line_not 24 "Space Mark" "nothing to mark in a list of one choice"
ui_keys Escape
ui_expect "Register: 30 of 30" "Esc in the threat catalogue leaves no risk behind"
ui_expect_not "[+] modified" "and no change"
ui_keys a
ui_expect "New entry: fill in" "a opens a new risk"
ui_keys q
ui_expect "Nothing added: the new entry was left empty" "a, then q without a field set, leaves nothing"
ui_expect "Register: 30 of 30" "no empty risk in the register"
ui_keys a Escape
ui_expect "Nothing added: the new entry was left empty" "a, then Esc, leaves nothing"
ui_keys a Enter
ui_type "Half a risk"
ui_keys Enter q
ui_expect "Keep it incomplete (Resource, Service, Impact, Likelihood missing)? y/n" "required fields missing: leaving asks"
ui_keys n
ui_expect "Register: 30 of 30" "n deletes the incomplete risk"
ui_keys a Enter
ui_type "Half a risk"
ui_keys Enter q y
ui_expect "Register: 31 of 31" "y keeps it"
ui_expect "Kept incomplete" "and says so"
# the "no risk" note of a resource in scope, from the scoping
ui_keys q j Enter G
ui_expect "n No risk" "the scoping offers the no-risk note"
ui_keys n
ui_expect "Why this resource has no risk worth recording" "n on a resource without a note types one"
ui_type "Spare part only"
ui_keys Enter q
ui_expect "Old billing standby server (system) - no risk: Spare part only" "the note is seen in the scoping"
ui_keys n
ui_expect "Why no risk" "n again opens the note"
ui_keys d
ui_expect "Delete" "d in the note asks"
ui_keys y
ui_expect_not "no risk: Spare part only" "and removes it"
ui_keys n Escape
ui_expect_not "- no risk: " "Esc on a new note leaves none" 
ui_keys Q n
ui_stop

UI_ENV="LANG=ja_JP.UTF-8 KIJUN_TODAY=2026-11-25"
ui_start 80 24 --demo --lang ja
ui_wait "kijun"
ui_keys 5 G Enter r t Escape
ui_expect_not "[+]" "ja: Esc in the threat catalogue leaves nothing"
ui_keys a Enter
ui_type "途中のリスク"
ui_keys Enter q
ui_expect "$(ja 'Keep it incomplete (%s missing)? y/n' | cut -c1-6)" "ja: leaving an incomplete risk asks"
ui_keys n Q n
ui_stop

# a round never saved has no file: its delete question promises no backup
ui_start 80 24 --lang en --demo
ui_wait "kijun"
ui_keys 5 a
ui_type "fresh"
ui_keys Enter
ui_keys q
ui_expect "fresh" "a new round is listed"
ui_keys G d
ui_expect "Delete round fresh (0 risks, never saved)? y/n" "its delete question says it was never saved, no backup"
ui_keys n Q n
ui_stop
ui_done
