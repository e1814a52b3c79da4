#!/bin/sh
# UI test: getting around the view stack: q goes back one screen and from
# the first one quits (at once, or asking when there is unsaved work), Q
# quits from anywhere, q and Esc come back from a followed check to the
# checks, s saves in the Guideline browser, "[+] modified" on every
# screen, every question's answers visible at 80 columns in English and
# Japanese, and hints that name the keys kijunrc gave.
. "$KIJUN_TESTS/ui/lib.sh"
ui_private_home
"$KIJUN" init --lang en "$T/w" >/dev/null 2>&1

# --- q back, Q quit ------------------------------------------------------------
ui_start 80 24 --demo --lang en
ui_wait "kijun"
ui_keys 4
ui_expect "Organisation profile:" "4 opens the profile"
ui_keys 5
ui_expect "Assessment rounds" "5 the assessment, over it"
ui_keys q
ui_expect "Organisation profile:" "q goes back one screen: the profile"
ui_keys q
ui_expect_line 1 "kijun › 2022 draft of the 2023 Guideline" "q again: the browser, where it started"
ui_expect_line 24 "Q Quit" "on the first screen the key bar shows Q Quit"
ui_expect_line_not 24 "q Back" "and no q Back (q quits there)"
ui_keys 4 Enter '?'
ui_expect_line 1 "kijun › Help: Form (Organisation profile)" "the help's title names the screen and its view"
ui_keys q q q 6
ui_expect "No findings" "the demo has no findings"
ui_expect_line_not 24 "Enter Open" "so the findings' key bar offers no Enter"
ui_keys '?'
ui_expect_line 1 "kijun › Help: Findings of the workspace" "? opens the help over the findings"
ui_keys q
ui_expect_line 1 "kijun › Findings of the workspace" "q closes the help: the findings"
ui_keys 5 Enter Q
ui_expect_exit 0 "Q quits from a round's steps, at once without unsaved work"

ui_start 80 24 --demo --lang en
ui_wait "kijun"
# idle, nothing on screen depends on the time: kijun sleeps until a key
# (its voluntary context switches do not move over two seconds)
pid=$(pgrep -P "$(t display -p -t ui '#{pane_pid}')" | head -n 1)
woke() { awk '/^voluntary_ctxt_switches/ { print $2 }' "/proc/$pid/status"; }
if [ "$VG" = 1 ] || [ -z "$pid" ] || [ ! -r "/proc/$pid/status" ]; then
    UI_N=$((UI_N + 1)); echo "ok $UI_N - idle: no timer # SKIP no /proc or under valgrind"
else
    w0=$(woke); sleep 2.2; w1=$(woke)
    [ $((w1 - w0)) -le 1 ]; ui_result $? "idle: no timer wakes kijun ($((w1 - w0)) wake-ups in 2.2 s)"
fi
ui_keys q
ui_expect_exit 0 "q on the first screen without unsaved work quits at once"

# --- back from a followed check ----------------------------------------------
ui_start 100 30 --demo --lang en
ui_wait "kijun"
ui_keys 5 Enter j j j Enter
ui_expect "Validation: the automatic checks" "step 4 lists the checks"
ui_expect_line 3 '>[!!] 3 resource "Meter-reading handheld terminals"' "the first check fails: a resource without a risk"
ui_keys Enter
ui_expect "Register: " "Enter follows the check to the register"
ui_keys q
ui_expect "Validation: the automatic checks" "q comes back to the checks, not to the steps"
ui_keys Enter Escape
ui_expect "Validation: the automatic checks" "Esc comes back to the checks too"
ui_keys q
ui_expect "Round 2026" "q on the checks: the steps"
ui_keys g Enter
ui_expect "Preparation" "Enter on step 1 opens the round's head as before"
ui_keys Q

# --- s in the browser, [+] modified everywhere, quitting asks ---------------
ui_start 80 24 --lang en "$T/w"
ui_wait "kijun"
ui_keys 4 Enter
ui_expect "*Name" "the organisation's form"
ui_expect_line_not 24 "d Delete" "its key bar offers no d: there is no entry to delete"
ui_keys q j Enter
ui_expect_line 24 "a Add" "a list"
ui_expect_line 24 "d Delete" "a list's key bar offers d"
ui_keys 5
ui_expect "Assessment rounds" "a workspace without rounds: the rounds screen"
ui_expect_line 24 "a Add" "a adds one"
ui_expect_line_not 24 "d Delete" "no d: there is no round to delete"
ui_expect_line_not 24 "c Copy" "no c: none to copy"
ui_keys q
ui_expect_line 24 "a Add" "q: back to the profile's list it was opened from"
ui_keys q g Enter Enter C-u
ui_type "Views Test Waterworks"
ui_keys Enter
ui_expect "[+] modified" "an edit: the profile shows [+] modified"
ui_keys 3
ui_expect_line 23 "[+] modified" "the browser shows [+] modified too"
ui_keys 6
ui_expect_line 23 "[+] modified" "and the findings"
ui_keys 3 s
ui_expect "Saved to" "s saves in the Guideline browser"
ui_expect_line_not 23 "[+] modified" "saved: the marker is gone"
grep -q 'name = "Views Test Waterworks";' "$T/w/profile.cfg"; ui_result $? "the browser's s wrote the file"
ui_keys 4 Enter C-u
ui_type "Unsaved Name"
ui_keys Enter q q
ui_expect_line 1 "kijun › 2022 draft of the 2023 Guideline" "q from the profile's menu: the browser, the screen it was opened from"
ui_keys q
ui_expect_line 1 "kijun › Findings of the workspace" "q again: the findings, from where 3 had opened the browser"
ui_expect_line_not 24 "q Back" "the findings are the last screen: no q Back"
ui_keys q
ui_expect "Unsaved changes. Save before quitting? y saves and quits, n quits without" \
    "q on the last screen with unsaved work asks, its answers named"
ui_check_fit 80 "the question fits 80 columns"
ui_expect "Esc stays" "every answer shows at 80 columns, Esc too"
ui_resize 60 16
ui_expect "Esc stays" "and at 60x16, the smallest screen"
ui_check_fit 60 "the question fits 60 columns"
ui_resize 80 24
ui_keys Escape
ui_expect_not "Unsaved changes" "Esc stays"
ui_keys 5 Q
ui_expect "Unsaved changes. Save before quitting?" "Q from another screen asks too"
ui_keys C-c
ui_expect "Unsaved changes. Save before quitting?" "^C (a key from the table) keeps the question"
ui_keys n
ui_expect_exit 0 "n quits without saving"

# --- the recovery question in Japanese at 80 columns ----------------------------
UI_ENV="TMPDIR=$T LANG=ja_JP.UTF-8"
ui_start 80 24 --lang ja "$T/w"
ui_wait "kijun"
ui_keys 4 Enter Enter C-u
ui_type "Journal Name"
ui_keys Enter
ui_expect "[+]" "an edit, unsaved"
ui_stop # SIGHUP: the journal keeps the edit
i=0 # kijun has ended when its lock is gone
while [ -e "$T/w/.kijun.lock" ] && [ $i -lt $((UI_TIMEOUT * 20)) ]; do sleep 0.05; i=$((i + 1)); done
ui_start 80 24 --lang ja "$T/w"
ui_wait "kijun"
ui_expect "y で前回のセッションの未保存の編集を復旧、n で破棄" "the recovery question in Japanese names y and n"
ui_check_fit 80 "the recovery question fits 80 columns"
ui_keys y
ui_keys Q
ui_expect "$(ja "Unsaved changes. Save before quitting? %s saves and quits, %s quits without saving, %s stays" | sed 's/%s.*//')" \
    "the quit question in Japanese"
ui_expect "Esc" "its Esc answer shows at 80 columns"
ui_check_fit 80 "the Japanese quit question fits 80 columns"
ui_keys n
ui_expect_exit 0 "n quits"

# --- a rebinding changes the hints ----------------------------------------------------
mkdir -p "$T/.config/kijun"
cat >"$T/.config/kijun/kijunrc" <<'RC'
keys = {
  help = "h";
  yes = "o";
  no = "x";
  save = "W";
  cancel = "^G";
};
RC
UI_ENV="TMPDIR=$T"
ui_start 80 24 --lang en "$T/w"
ui_wait "kijun"
ui_keys z
ui_expect "Key z does nothing here: press h for help" "the unknown key's hint names the help key given"
ui_keys 4 Enter
ui_expect "Enter: edit; Enter again keeps, ^G cancels" "the form's hint names the cancel key given"
ui_keys Enter
ui_expect "Editing: Enter keeps, ^G cancels" "the editing line names the cancel key given"
ui_keys C-u
ui_type "Rebound"
ui_keys Enter Q
ui_expect "o saves and quits, x quits without" "the quit question names the answers given"
ui_keys y
ui_expect "o saves and quits" "y is no answer any more: the question stays"
ui_keys o
ui_expect_exit 0 "o saves and quits"
grep -q 'name = "Rebound";' "$T/w/profile.cfg"; ui_result $? "o saved the edit"
ui_done
