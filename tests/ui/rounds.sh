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
ui_expect "Saved; 9 findings in r1.cfg, r2.cfg, ... (kijun check)" "s saves them and says how many findings remain, and where"
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

# a profile entry that rounds use is kept: deleting it would break them
ui_start 80 24 --demo --lang en
ui_wait "kijun"
ui_keys 4 j j j Enter
ui_expect "Priority services" "the profile's services"
ui_keys d
ui_expect "Kept \"Drinking water supply\": rounds 2025, 2026 use it" "d on a service the rounds use names them and keeps it"
ui_keys y
ui_expect_line_not 3 "Deleted" "a later y deletes nothing"
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
ui_expect "signoffs: the sign-off of 'prep' is stale: the step changed after it" "an edit of the preparation makes its sign-off stale"
ui_expect "[+] modified" "the edit is unsaved"
ui_keys s
ui_expect "Saved;" "saved"
ui_keys Q
ui_stop
UI_ENV="LANG=ja_JP.UTF-8 KIJUN_TODAY=2026-11-25"
ui_start 80 24 --demo --lang ja
ui_wait "kijun"
ui_keys 4 j j j Enter d
ui_expect "実施回 2025, 2026 が使っているため削除しません" "ja: the same in Japanese"
ui_keys Q n
ui_stop
ui_done
