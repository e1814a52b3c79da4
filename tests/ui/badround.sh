#!/bin/sh
# UI test: a round whose file cannot be read (a byte that is no UTF-8 in
# a title, a number beyond the limit) is not shown as an empty round: the
# rounds screen, the round's screen and its register say the file could
# not be read, with FILE:LINE and the reader's error.
. "$KIJUN_TESTS/ui/lib.sh"

ws=$(mktemp -d /tmp/kijun-ui-badround-XXXXXX)
trap 'rm -rf "$ws"; t kill-server >/dev/null 2>&1 || true' EXIT
cp -R "$KIJUN_TEST_DATA/demo/en" "$ws/w"
cp -R "$KIJUN_TEST_DATA/demo/en" "$ws/w0"
chmod -R u+w "$ws/w" "$ws/w0"
sed -i 's/threshold = 10;/threshold = -2147483648;/' "$ws/w/assessments/2026.cfg"
line=$(grep -n "threshold = -2147483648;" "$ws/w/assessments/2026.cfg" | cut -d: -f1)
UI_ENV="KIJUN_TODAY=2026-09-01 HOME=$ws"
ui_start 100 30 --lang en "$ws/w"
ui_wait "kijun"
ui_keys 5
ui_expect "2026     could not be read: assessments/2026.cfg:$line:" "the rounds screen: the round could not be read, FILE:LINE"
ui_expect_not "2026     2026-" "not an empty round of that date"
ui_keys Q
ui_stop
# at 80 columns the row cuts the error: the highlighted round is read whole below the list
ui_start 80 24 --lang en "$ws/w"
ui_wait "kijun"
ui_keys 5
ui_expect "too large (the limit is 2147483647)" "80x24: the rounds screen's error is read whole below the list"
ui_keys Q
ui_stop
ui_start 100 30 --lang en "$ws/w"
ui_wait "kijun"
ui_keys 5 Enter
ui_expect "Round 2026 could not be read: assessments/2026.cfg:$line: the number 2147483648 is too large" \
    "the round's screen says the file could not be read and why"
ui_expect_not "Next:" "no next step of an empty round"
ui_expect_not "0/0" "no steps of an empty round"
ui_keys r
ui_expect "Round 2026 could not be read" "the register says so too"
ui_expect_not "No risk yet" "not 'no risk yet'"
ui_keys Q
ui_stop

# a byte that is no UTF-8 in a title
cp -R "$KIJUN_TEST_DATA/demo/en" "$ws/v"
chmod -R u+w "$ws/v"
printf 's/title = "\\([^"]*\\)";/title = "\\1\\xff";/\n' >"$ws/sed"
sed -i -f "$ws/sed" "$ws/v/assessments/2026.cfg"
ui_start 100 30 --lang en "$ws/v"
ui_wait "kijun"
ui_keys 5
ui_expect "2026     could not be read: assessments/2026.cfg:" "a byte 0xFF: the rounds screen says the round could not be read"
ui_keys Q
ui_stop

# a check too long for its row at 132 columns is read whole below the list
ui_start 132 43 --lang en "$ws/w0"
ui_wait "kijun"
ui_keys 5 Enter j j j Enter
ui_expect "Validation: the automatic checks" "the validation's checks"
found=1 i=0
while [ $i -lt 20 ]; do
    if ui_screen | grep -q '^decision, an owner and a due date$'; then found=0; break; fi
    ui_keys j
    i=$((i + 1))
done
ui_result $found "a long check, cut in its row, is shown whole below the list"
ui_keys Q
ui_stop

# sorted by service below 120 columns (no service column): the header names it
ui_start 100 30 --lang en "$ws/w0"
ui_wait "kijun"
ui_keys 5 Enter r o
ui_expect "Register: 30 of 30, by service (here: Customer service and billing)" "the header says the sort key of the row"
ui_keys G
ui_expect "by service (here: Sewage collection and treatment)" "and follows the highlight"
ui_keys Q
ui_stop

# from 120 columns the preview follows the highlight once no key is pending
ui_start 132 43 --lang en "$ws/w0"
ui_wait "kijun"
ui_keys 5 Enter r
ui_expect "Register: 30 of 30" "the register"
t send-keys -t ui j j j j j
ui_count 5
ui_sync
row=$(ui_screen | grep "^>" | cut -c10-22)
ui_screen | grep -v "^>" | grep -qF "│ $row"
ui_result $? "after five keys typed ahead the preview shows the highlighted risk ($row)"
ui_keys Q
ui_stop
# an unreadable profile is no empty profile either: 4 says FILE:LINE and the error
cp -R "$KIJUN_TEST_DATA/demo/en" "$ws/wp"
chmod -R u+w "$ws/wp"
ff=$(printf '\377')
sed -i "0,/name = \"/s/name = \"/name = \"$ff/" "$ws/wp/profile.cfg"
pline=$(grep -an "$ff" "$ws/wp/profile.cfg" | head -1 | cut -d: -f1)
ui_start 100 30 --lang en "$ws/wp"
ui_wait "kijun"
ui_keys 4
ui_expect "The profile could not be read: profile.cfg:$pline: invalid UTF-8 (byte 0xFF)" "4: the profile could not be read, FILE:LINE and why"
ui_expect_not "Organisation profile: -" "4: not an empty profile"
ui_expect_not "0x0" "4: no empty risk criteria"
ui_expect_not "Purpose and positioning" "4: nothing of the screen before is left"
ui_keys Q
ui_stop
ui_done
