#!/bin/sh
# UI test: a closed round. The demo's 2025 round has its five steps
# signed off: it is closed, read-only, and says so in words; a save
# writes its closing; a change in an editor (sed) is flagged by kijun
# check (file and line, exit 1) and by the workbench; O reopens it with
# who and why (Esc leaves nothing), recorded in the file; a sign-off made
# after the reopening closes it again. Every text fits 80x24 in Japanese.
. "$KIJUN_TESTS/ui/lib.sh"

ws=$(mktemp -d /tmp/kijun-ui-closed-XXXXXX)
trap 'rm -rf "$ws"; t kill-server >/dev/null 2>&1 || true' EXIT
cp -r "$KIJUN_TEST_DATA/demo/en" "$ws/d"
chmod -R u+w "$ws/d"
f="$ws/d/assessments/2025.cfg"
UI_ENV="KIJUN_TODAY=2026-11-25"

ui_start 80 24 --lang en "$ws/d"
ui_wait "kijun"
ui_keys 5 g
ui_expect "2025     2025-06-01 | [closed] 20 risks" "the rounds list says the round is closed"
ui_expect_line 24 "O Reopen" "the key bar offers the reopen key on a closed round"
ui_keys j
ui_expect_line_not 24 "O Reopen" "and not on an open one"
ui_keys O
ui_expect "Round 2026 is not closed: nothing to reopen" "O on an open round says so"
ui_keys g d
ui_expect "Delete round 2025 (20 risks; round 2026 compares with it; closed)? y/n" "d on a closed round says it is closed"
ui_keys n
ui_keys g Enter
ui_expect "Closed on 2026-01-15: read-only; O reopens it" "the round's screen says it is closed"
ui_keys S
ui_expect "Sign-offs: 5 entries" "S shows the closed round's sign-offs: they can be looked at"
ui_expect "Validation | 2025-09-05 | valid |" "each by its step, date, state and reviewer"
ui_keys a
ui_expect "Round 2025 is closed (all steps signed off): O on the round's screen reopens it" "adding one is refused, naming the key and where it works"
ui_keys q
ui_keys Enter Enter
ui_expect "Round 2025 is closed" "a field of the preparation is not edited"
ui_keys q q s
ui_expect "Saved" "s saves"
grep -q '^closed = (' "$f"; ui_result $? "the save writes the closing an older file lacked"
ui_keys Q
ui_stop

# a change in an editor
sed -i "s/title = \"An unpatched flaw in the maintenance VPN/title = \"Edited: an unpatched flaw in the maintenance VPN/" "$f"
grep -q "Edited: an unpatched" "$f"; ui_result $? "the file was changed (sed)"
"$KIJUN" check "$ws/d" >"$ws/out" 2>&1; rc=$?
[ "$rc" = 1 ]; ui_result $? "kijun check exits 1 (it exited $rc)"
line=$(grep -n '^closed = (' "$f" | cut -d: -f1)
grep -q "2025.cfg:$((line + 4)): error: closed: changed outside kijun since it was closed on 2026-01-15" "$ws/out"
ui_result $? "kijun check names the file and the line of the closing"
sed 's/^/# /' "$ws/out"

ui_start 80 24 --lang en "$ws/d"
ui_wait "kijun"
ui_keys 5 g
ui_expect "2025     2025-06-01 | [closed, changed outside kijun!]" "the rounds list flags the change"
ui_keys Enter
ui_expect "! Closed 2026-01-15, then changed outside kijun (see Validation); O reopens it" "the round's screen flags it"
ui_check_fit 80 "it fits"
# the reopen form: Esc leaves nothing
ui_keys O
ui_expect "Reopen round 2025, closed on 2026-01-15" "O opens the reopen form"
ui_expect "Reopened by" "it asks who"
ui_keys Escape
ui_expect "Not reopened" "Esc cancels"
ui_expect_not "[+] modified" "and leaves nothing"
ui_keys O C-u
ui_type "Onishi Ryo"
ui_keys Enter Enter
ui_expect "The reason is required" "why is required"
ui_type "Restore the risk title"
ui_keys Enter
ui_expect "Round 2025 reopened; s saves it" "Enter reopens"
ui_expect "Reopened on 2026-11-25 by Onishi Ryo: Restore the risk title" "the round's screen shows the reopening"
ui_keys s
ui_expect "Saved" "saved"
grep -A6 '^reopened = (' "$f" >"$ws/rec"
grep -q 'by = "Onishi Ryo";' "$ws/rec" && grep -q 'date = "2026-11-25";' "$ws/rec" \
    && grep -q 'why = "Restore the risk title";' "$ws/rec" && grep -q 'changed_outside = true;' "$ws/rec"
ui_result $? "the file records who, when, why, and that it had been changed outside"
"$KIJUN" check "$ws/d" >"$ws/out" 2>&1
! grep -q "changed outside kijun" "$ws/out"; ui_result $? "reopened, it is no finding of kijun check"
# editable again; a sign-off made now closes it again when its form is left
ui_keys g j j j Enter
ui_expect "Validation: the automatic checks" "the validation"
# the sed made the assessment's and the validation's sign-offs stale:
# Enter on the first of them opens that sign-off
ui_keys Enter
ui_expect "Sign-offs › Assessment" "the stale sign-off of the assessment, named by its step"
ui_keys j j Enter
ui_type " Checked again after the reopening."
ui_keys Enter q
ui_expect_not "[closed]" "one sign-off renewed: the validation's is stale still"
ui_keys Enter
ui_expect "Sign-offs › Validation" "then the validation's"
ui_keys j j Enter
ui_type " Checked again."
ui_keys Enter q q
ui_expect "Closed on 2026-11-25: read-only" "both renewed, the form left: closed again"
ui_expect "2026-11-25 reopened by Onishi Ryo (changed outside kijun): Restore the" "the round's screen shows its history"
ui_expect "2026-11-25 closed (content digest" "with the second closing"
ui_keys q
ui_expect "[closed] 20 risks" "the rounds list says so"
ui_keys s
ui_expect "Saved" "saved"
[ "$(grep -c '^  {' "$f")" -gt 0 ] && [ "$(sed -n '/^closed = (/,/^);/p' "$f" | grep -c 'id = "closed-')" = 2 ]
ui_result $? "a second closing is written"
"$KIJUN" check "$ws/d" >/dev/null 2>&1; ui_result $? "kijun check is clean again"
ui_keys Q
ui_stop

# Japanese, 80x24: the words, the refusal and the form fit
cp -r "$KIJUN_TEST_DATA/demo/ja" "$ws/j"
chmod -R u+w "$ws/j"
ui_start 80 24 --lang ja "$ws/j"
ui_wait "kijun"
ui_keys 5 g
ui_expect "[確定]" "ja: the rounds list says 確定"
ui_check_fit 80 "ja: the rounds list fits"
ui_keys Enter
ui_expect "に確定: 読み取り専用" "ja: the round's screen"
ui_expect "2026-01-15 確定 (内容のダイジェスト" "ja: its history"
ui_check_fit 80 "ja: the round's screen fits"
ui_keys S a
ui_expect "実施回 2025 は確定しています" "ja: the refusal"
ui_check_fit 80 "ja: the refusal fits"
ui_keys q
ui_keys O
ui_expect "再開した人" "ja: the form"
ui_check_fit 80 "ja: the form fits"
ui_keys Escape
ui_expect "再開しませんでした" "ja: Esc cancels"
ui_keys ? NPage
ui_expect "確定した実施回を再開する" "ja: the help lists the reopen key"
ui_check_fit 80 "ja: the help fits"
ui_keys q Q
ui_stop

# R on a closed round says so at once (not after a name was typed), and a
# prompt says what it asks
ui_start 80 24 --lang en --demo
ui_wait "kijun"
ui_keys 5
ui_keys a
ui_expect "Name of the new round (e.g. 2027), Enter makes it, Esc cancels" "a: the prompt says what it asks"
ui_keys Escape
ui_keys k R
ui_expect "Round 2025 is closed: reopen it before renaming 2025" "R on a closed round: refused at once"
ui_expect_not "New name of the round" "and no name is asked for"
ui_keys Q
ui_stop

# Enter on a stale sign-off in the validation step opens that sign-off
rm -rf "$ws/v"
cp -R "${KIJUN_TEST_DATA:-$KIJUN_TESTS/../data}/demo/en" "$ws/v"
chmod -R u+w "$ws/v"
ui_start 80 24 --lang en "$ws/v"
ui_wait "kijun"
ui_keys s
ui_wait "Saved" 5
ui_keys Q
ui_stop
sed -i '0,/measures = "/s//measures = "XX/' "$ws/v/assessments/2025.cfg"
ui_start 80 24 --lang en "$ws/v"
ui_wait "kijun"
ui_keys 5 g Enter G Up Enter
ui_expect "the sign-off of Assessment ('assess" "the validation lists the stale sign-off, by its step's name"
ui_keys Enter
ui_expect "Sign-offs › Assessment" "Enter on it opens that sign-off, not the first"
ui_keys Q
ui_stop

# the reason of a reopening, typed before Enter, is journaled as any text
# in an open field: after a lost connection its text comes back, said
rm -rf "$ws/j"
cp -R "${KIJUN_TEST_DATA:-$KIJUN_TESTS/../data}/demo/en" "$ws/j"
chmod -R u+w "$ws/j"
ui_start 80 24 --lang en "$ws/j"
ui_wait "kijun"
ui_keys 5 k O Enter
ui_type "Because a supplier risk was missed"
# the journal writes the text being typed after a second without a key
i=0
while [ $i -lt $((UI_TIMEOUT * 10)) ] && [ ! -e "$ws/j/.kijun-recovery/draft.cfg" ]; do sleep 0.1; i=$((i + 1)); done
[ -e "$ws/j/.kijun-recovery/draft.cfg" ]; ui_result $? "the reason being typed is in the journal"
pkill -HUP -f "^[^ ]*(/kijun|valgrind[^ ]*) .*$ws/j\$" 2>/dev/null
ui_expect "[exit 129]" "kijun ends on SIGHUP"
ui_stop
ui_start 80 24 --lang en "$ws/j"
ui_wait "kijun"
ui_expect "reopening of assessments/2025.cfg, being typed" "the next start names it"
ui_keys y
ui_expect "Because a supplier risk was missed" "y says the text, which has no reopening to go to yet"
ui_expect "reopening of assessments/2025.cfg was not finished" "and why it has no place"
ui_keys Q
ui_stop
# sign-offs are a record of what happened: J and K do not reorder them,
# so a stale one does not turn valid and a reopened round does not close
cp -r "$KIJUN_TEST_DATA/demo/en" "$ws/m"
chmod -R u+w "$ws/m"
ui_start 80 24 --lang en "$ws/m"
ui_wait "kijun"
ui_keys 5 g j Enter j Enter
ui_keys Space q S
ui_expect "Scoping | 2026-07-03 | stale" "a change of scope leaves the scoping's sign-off stale"
ui_expect_line_not 24 "J " "the key bar offers no reordering of sign-offs"
ui_keys Down K
ui_expect "Key K does nothing here" "K does not move a sign-off"
ui_expect "Scoping | 2026-07-03 | stale" "and it stays stale"
ui_keys q q g Enter O Enter
ui_type "A risk was missed"
ui_keys Enter S J q
ui_expect_not "Closed on" "J on the sign-offs does not close the reopened round"
ui_keys q q s Q
ui_wait_gone
grep -q "closed-2" "$ws/m/assessments/2025.cfg"; [ $? != 0 ]; ui_result $? "no second closing saved"
grep -q "reopens = 1" "$ws/m/assessments/2025.cfg"; [ $? != 0 ]; ui_result $? "no sign-off renewed"
ui_stop
ui_done
