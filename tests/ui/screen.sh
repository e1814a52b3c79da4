#!/bin/bash
# screen.sh: the help screen, the key bar, layouts on resize, the "too
# small" notice, quitting, widths, unknown keys and redraw.
. "$KIJUN_TESTS/ui/lib.sh"
ui_private_home
# --- help and key bar at 80x24 ---------------------------------------------------
ui_start 80 24 --edition v5 --demo --lang en
ui_keys L # the Guideline text in Japanese, the screens in English
ui_wait "kijun"
ui_expect_line 24 "? Help " "the key bar shows ? Help"
ui_expect_line 24 " Q Quit" "the key bar shows Q Quit (q goes back: from the first screen it quits)"
ui_expect_line 24 " e Edition " "the key bar shows e Edition"
ui_expect_line 24 " / Search " "the key bar shows / Search"
ui_keys '?'
ui_expect_line 1 "kijun › Help: Guideline browser" "? opens the help for the browser"
ui_expect "  /                      Search titles and summaries" "help lists / with its text from the table"
ui_expect "  Tab                    Switch between the tree and the detail pane" "help lists Tab"
ui_expect "  e                      Switch to the next edition, keeping the mapped item" "help lists e"
ui_expect_line 24 "q Close" "help: the key bar shows q Close"
# Enter and KEY_ENTER (and BkSp and ^?) share a label: the help lists it once
ui_sync
ui_screen | grep -qF "Enter, Enter"
[ $? -ne 0 ]
ui_result $? "help lists each key name once (no \"Enter, Enter\")"
ui_keys G
ui_expect "Close the help" "G in the help scrolls to its end"
ui_expect "Cursor to the start" "help lists the prompt's keys"
ui_keys g
ui_expect_line 2 "Guideline browser" "g in the help scrolls to its top"
ui_keys q
ui_expect_line 1 "kijun › 第5版（2019年改定版） › はじめに" "q closes the help"
ui_expect_not "[exit" "q in the help does not quit"
ui_keys F1
ui_expect_line 1 "kijun › Help:" "F1 opens the help"
ui_keys Escape
ui_expect_line 1 "kijun › 第5版（2019年改定版） › はじめに" "Esc closes the help"
ui_keys 1
ui_expect_line 1 "kijun › Help:" "1 opens the help"
ui_keys '?'
ui_expect_line 1 "kijun › 第5版（2019年改定版） › はじめに" "? closes the help"
ui_keys F1 F1
ui_expect_line 1 "kijun › 第5版（2019年改定版） › はじめに" "F1 closes the help"

# --- unknown key, redraw ---------------------------------------------------------
ui_keys z
ui_expect_line 23 "Key z does nothing here: press ? for help" "an unknown key says press ? for help"
ui_keys j
ui_expect_line_not 23 "does nothing" "the next key clears the message"
tty=$(t display-message -p -t ui '#{pane_tty}')
printf '\033[5;5HGARBAGE-ON-SCREEN' >"$tty"
ui_expect "GARBAGE-ON-SCREEN" "(text written behind kijun's back shows)"
ui_keys C-l
ui_expect_not "GARBAGE-ON-SCREEN" "C-l redraws the whole screen"
ui_expect_line 5 "2. 「安全基準等」とは何か" "C-l: the tree is back"
ui_expect_line 23 "│ 2/11" "C-l keeps the state"

# A workspace path as long as a usual default one (/home/alice/.local/
# share/kijun/workspace, 39 characters) must not cut the message short
# at 80x24 (it once left it 12 columns: "Key z does…").
pad=$((39 - ${#T} - 1))
if [ "$pad" -ge 2 ]; then
    ws="$T/$(printf '%*s' "$pad" '' | tr ' ' w)"
    "$KIJUN" init "$ws" >/dev/null 2>&1
    ui_restart 80 24 --edition v5 --lang en "$ws"
    ui_keys L # the Guideline text in Japanese, the screens in English
    ui_wait "kijun"
    ui_keys z
    ui_sync
    ui_screen | sed -n 23p | grep -qF "press ? for help"
    ui_result $? "with a 39-character workspace path the message still reads in full"
    ui_keys q
    ui_restart 80 24 --edition v5 --demo --lang en
    ui_keys L # the Guideline text in Japanese, the screens in English
    ui_wait "kijun"
    ui_keys j
else
    UI_N=$((UI_N + 1)); echo "ok $UI_N - long workspace path # SKIP TMPDIR too long"
fi

# --- widths -----------------------------------------------------------------------
ui_keys '*' G
ui_check_fit 80 "ja 80x24, all expanded, last item"
ui_keys g
ui_check_fit 80 "ja 80x24, first item"
ui_keys /
ui_type "情報セキュリティリスク"
ui_check_fit 80 "ja 80x24, search prompt"
ui_keys Escape '?'
ui_check_fit 80 "ja 80x24, help"
ui_keys q

# --- resize -----------------------------------------------------------------------
ui_keys '-' g
ui_expect_line 13 "────" "80x24: the tree above a rule"
ui_expect_line_not 2 "│" "80x24: no vertical separator"
ui_resize 132 43
ui_expect_line 2 "│ はじめに" "132x43: side by side, a │ separator"
ui_expect_line 41 "│" "132x43: the separator runs down the body"
ui_expect_line 42 "│ 第5版（2019年改定版） (廃止) │ ja │ 1/3" "132x43: the status line moves to line 42"
ui_expect_line 43 "? Help " "132x43: the key bar on line 43"
ui_expect_line 43 " Tab Pane " "132x43: the wider key bar has room for Tab Pane"
ui_check_fit 132 "ja 132x43"
ui_resize 80 24
ui_expect_line_not 2 "│" "back to 80x24: no separator"
ui_expect_line 13 "────" "back to 80x24: the tree above a rule again"
ui_expect_line 23 "│ 第5版（2019年改定版） (廃止) │ ja │ 1/3" "back to 80x24: the status line on line 23"
ui_resize 50 12
ui_expect "Terminal too small: 50x12" "50x12: Terminal too small"
ui_expect "kijun needs at least 60x16." "50x12: the minimum size"
ui_keys j
ui_expect_not "[exit" "50x12: kijun keeps running"
ui_check_fit 50 "50x12 notice"
ui_resize 60 16
ui_expect_line 1 "kijun › 第5版（2019年改定版） › はじめに" "60x16: the browser is back (the minimum)"
ui_expect_line 15 "│ 1/3" "60x16: keys were ignored while too small"
ui_check_fit 60 "ja 60x16"
ui_resize 59 16
ui_expect "Terminal too small: 59x16" "59x16 is too small"
ui_resize 80 24
ui_expect_line 1 "kijun › 第5版（2019年改定版） › はじめに" "80x24 again: the browser restored"
ui_expect_line 24 "? Help " "80x24 again: the key bar restored"

ui_resize 100 30
ui_expect_line 2 "│ はじめに" "100 columns: side by side (the threshold)"
ui_resize 99 30
ui_expect_line_not 2 "│" "99 columns: the tree above the detail"
ui_expect_line 29 "│ 第5版（2019年改定版） (廃止) │ ja │" "99x30: the status line on line 29"
ui_resize 80 24
ui_expect_line 23 "│ 第5版（2019年改定版） (廃止) │ ja │ 1/3" "80x24: the status line on line 23 again"

# --- quitting ------------------------------------------------------------------------
ui_keys q
ui_expect_exit 0 "q quits with status 0"
ui_restart 80 24 --edition v5 --demo --lang en
ui_keys L # the Guideline text in Japanese, the screens in English
ui_wait "kijun"
ui_keys Q
ui_expect_exit 0 "Q quits with status 0"
ui_restart 80 24 --edition v5 --demo --lang en
ui_keys L # the Guideline text in Japanese, the screens in English
ui_wait "kijun"
ui_keys F10
ui_expect_exit 0 "F10 quits with status 0"
ui_restart 80 24 --edition v5 --demo --lang en
ui_wait "kijun"
ui_keys '?' Q
ui_expect_exit 0 "Q in the help quits with status 0"
ui_restart 80 24 --edition v5 --demo --lang en
ui_wait "kijun"
ui_keys C-c
ui_expect_exit 0 "C-c quits with status 0"
ui_restart 50 12 --edition v5 --demo --lang en
ui_expect "Terminal too small" "started too small: the notice"
ui_keys Q
ui_expect_exit 0 "Q on the notice quits with status 0"

# --- 120x40 -----------------------------------------------------------------------------
ui_restart 120 40 --demo --lang en --edition rev
ui_keys L # the Guideline text in Japanese, the screens in English
ui_wait "kijun"
ui_keys '*' G
ui_check_fit 120 "ja 120x40, rev, all expanded"
ui_keys g j j j j j j
ui_check_fit 120 "ja 120x40, rev II"
ui_keys e
ui_check_fit 120 "ja 120x40, edition message"
ui_keys '?'
ui_check_fit 120 "ja 120x40, help"
ui_keys q 0
ui_expect_exit 0 "0 quits with status 0"

ui_done
