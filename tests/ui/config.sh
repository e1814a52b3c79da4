#!/bin/bash
# config.sh: kijunrc and the mouse. Keys rebound in kijunrc work, replace
# the defaults and show on the key bar and in the help; a theme entry
# changes the colours (and only adds attributes without colour); bad
# lines are said as FILE:LINE on the message line at start while their
# defaults keep working; XDG_CONFIG_HOME and --config choose the file;
# kijun check checks it. With --mouse (or mouse = true) a click selects
# the row under the pointer, the wheel scrolls and a click on the key bar
# acts as its key; without, the terminal is not put into mouse mode.
. "$KIJUN_TESTS/ui/lib.sh"

# A private HOME (kijunrc in ~/.config/kijun) and TMPDIR (--demo copies).
ui_private_home
unset XDG_CONFIG_HOME

# screen line N with its colours and attributes (SGR escapes)
ui_line_e() { ui_sync; t capture-pane -p -e -t ui | sed -n "$1p"; }
# ui_mouse BUTTON COL ROW: an X10 mouse report (ESC [ M, then button,
# column and row each plus 32, 1-based), which is what TERM=screen's kmous
# (\E[M) announces; button 0 is a press of the first button, 3 a release,
# 64 and 65 the wheel up and down. COL and ROW are 0-based. In mouse mode
# kijun counts a press or the wheel as one (the event it takes) and a
# release, which it does not ask curses for, as none; out of mouse mode a
# report is an ESC [ M that is no event, and three bytes.
ui_mouse() {
    t send-keys -t ui -H 1b 5b 4d "$(printf %x $((32 + $1)))" "$(printf %x $((33 + $2)))" \
        "$(printf %x $((33 + $3)))"
    if [ "$(t display -p -t ui '#{mouse_standard_flag}')" != 1 ]; then ui_count 3
    elif [ "$1" != 3 ]; then ui_count 1
    fi
    ui_sync
}
ui_click() { ui_mouse 0 "$1" "$2"; ui_mouse 3 "$1" "$2"; }
# check ARGS...: kijun (no terminal), stdout to $T/out, stderr to $T/err
check() {
    LC_ALL=C.UTF-8 "$KIJUN" "$@" >"$T/out" 2>"$T/err"
    RC=$?
}
# check_result OK DESC: a TAP line, with kijun's stderr on failure
check_result() {
    UI_N=$((UI_N + 1))
    if [ "$1" = 0 ]; then
        echo "ok $UI_N - $2"
    else
        echo "not ok $UI_N - $2"
        UI_FAILED=1
        sed 's/^/#   |/' "$T/err" | head -20
    fi
}

RCDIR=$T/.config/kijun
RCFILE=$RCDIR/kijunrc
mkdir -p "$RCDIR"

# --- keys ------------------------------------------------------------------------
cat >"$RCFILE" <<'EOF'
# a left-handed reader
keys = {
  edition = "E";
  help = ["h", "F1"];
  quit = ["x", "F10"];
};
EOF
ui_start 120 24 --edition v5 --demo --lang en
ui_wait "kijun"
ui_expect_line 24 "h Help " "kijunrc: the key bar shows the help key given (h)"
ui_expect_line 24 " E Edition " "kijunrc: the key bar shows the edition key given (E)"
ui_expect_line 24 " x Quit" "kijunrc: the key bar shows the quit key given (x)"
ui_expect_line_not 24 "? Help" "the default help key is off the key bar"
ui_expect_line_not 24 " e Edition" "the default edition key is off the key bar"
ui_keys e
ui_expect_line 23 "Key e does nothing here" "the default key e no longer switches the edition"
ui_keys E
ui_expect_line 23 "2022 draft of the 2023 Guideline" "E switches the edition"
ui_keys '?'
ui_expect_line 23 "Key ? does nothing here" "the default key ? no longer opens the help"
ui_keys h
ui_expect_line 1 "kijun › Help: Guideline browser" "h opens the help"
ui_expect "  h, F1                  Show help for this screen" "the help lists the help keys given"
ui_expect "  E                      Switch to the next edition" "the help lists the edition key given"
ui_expect_not "  ?, F1, 1" "the help no longer lists the default help keys"
ui_keys q
ui_expect_line 1 "kijun › 2022 draft of the 2023 Guideline" "q still closes the help (not rebound)"
ui_keys Q
ui_expect_line 23 "Key Q does nothing here" "Q no longer quits: quit has x and F10"
ui_keys x
ui_expect_exit 0 "x quits"

# --- theme ------------------------------------------------------------------------
cat >"$RCFILE" <<'EOF'
theme = {
  selected = { fg = "white"; bg = "magenta"; attrs = ["underline"]; };
};
EOF
ui_restart 100 24 --edition v5 --demo --lang en
ui_wait "kijun"
line=$(ui_line_e 2)
echo "$line" | grep -q '45m'
ui_result $? "theme: the selected row is on magenta"
echo "$line" | grep -qE $'\e\\[([0-9;]*;)?4m'
ui_result $? "theme: the selected row is underlined"
echo "$line" | grep -q '46m'
[ $? -ne 0 ]
ui_result $? "theme: the default cyan of the selection is gone"
ui_line_e 24 | grep -q '46m'
ui_result $? "theme: the other roles keep their defaults (the keys black on cyan)"
ui_keys q
ui_restart 100 24 --edition v5 --demo --lang en --no-color
ui_wait "kijun"
line=$(ui_line_e 2)
echo "$line" | grep -qE '4[0-7]m|3[0-7]m'
[ $? -ne 0 ]
ui_result $? "--no-color: no colours from the theme"
echo "$line" | grep -qE $'\e\\[([0-9;]*;)?7m'
ui_result $? "--no-color: the selection keeps its reverse"
echo "$line" | grep -qE $'\e\\[([0-9;]*;)?4m'
ui_result $? "--no-color: the theme's underline is added"
ui_keys q
UI_ENV="TMPDIR=$T NO_COLOR=1"
ui_restart 100 24 --edition v5 --demo --lang en
ui_wait "kijun"
ui_line_e 2 | grep -qE '4[0-7]m|3[0-7]m'
[ $? -ne 0 ]
ui_result $? "NO_COLOR: no colours from the theme"
ui_keys q
UI_ENV="TMPDIR=$T"

# --- bad lines: said at start, their defaults kept --------------------------------------
cat >"$RCFILE" <<'EOF'
keys = {
  edition = "F13";
  help = "h";
};
theme = { title = { fg = "purple"; }; };
EOF
ui_restart 160 24 --edition v5 --demo --lang en
ui_wait "kijun"
ui_expect_line 23 "~/.config/kijun/kijunrc:2: error: 'F13' is not a key (see kijun(5)); the default keys of 'edition' stay" \
    "a bad key: FILE:LINE on the message line at start"
ui_expect_line 23 "(and 1 more: kijun check lists them)" "the message says how many more findings there are"
ui_expect_line 24 " e Edition " "the bad key's action keeps its default key on the key bar"
ui_expect_line 24 "h Help " "the good line of the same file is taken"
ui_line_e 1 | grep -q '44m'
ui_result $? "the bad colour's role keeps its default (the title on blue)"
ui_keys e
ui_expect_line 23 "2022 draft of the 2023 Guideline" "the default key e works"
ui_keys q
ui_expect_exit 0 "q quits (quit is not in the file)"

printf 'keys = {\n  save = ;\n};\n' >"$RCFILE"
ui_restart 100 24 --edition v5 --demo --lang en
ui_wait "kijun"
ui_expect_line 23 "~/.config/kijun/kijunrc:2: error:" "a syntax error: FILE:LINE on the message line"
ui_expect_line 24 "? Help " "a file that does not parse: every default"
ui_keys '?'
ui_expect_line 1 "kijun › Help: Guideline browser" "the default keys work"
ui_keys q q
ui_expect_exit 0 "q quits"

mkdir -p "$T/dir"
ui_restart 100 24 --edition v5 --demo --lang en --config "$T/dir"
ui_wait "kijun"
ui_expect_line 23 "error: a directory, not a regular file: refused" "--config a folder: refused, said at start"
ui_keys q
ui_expect_exit 0 "and the workbench runs"

# --- where: XDG_CONFIG_HOME, --config -------------------------------------------------
mkdir -p "$T/xdg/kijun"
printf 'keys = { help = "H"; };\n' >"$T/xdg/kijun/kijunrc"
printf 'keys = { help = "h"; };\n' >"$RCFILE"
UI_ENV="TMPDIR=$T XDG_CONFIG_HOME=$T/xdg"
ui_restart 100 24 --edition v5 --demo --lang en
ui_wait "kijun"
ui_expect_line 24 "H Help " "XDG_CONFIG_HOME/kijun/kijunrc is read"
ui_expect_line_not 24 "h Help " "~/.config/kijun/kijunrc is not read then"
ui_keys q
printf 'keys = { help = "F9"; };\n' >"$T/other.rc"
ui_restart 100 24 --edition v5 --demo --lang en --config "$T/other.rc"
ui_wait "kijun"
ui_expect_line 24 "F9 Help " "--config FILE is read instead"
ui_keys q
UI_ENV="TMPDIR=$T"
ui_restart 100 24 --edition v5 --demo --lang en
ui_wait "kijun"
ui_expect_line 24 "h Help " "without XDG_CONFIG_HOME: ~/.config/kijun/kijunrc"
ui_keys q
ui_restart 100 24 --edition v5 --demo --lang en --config "$T/none"
ui_expect_exit 2 "--config naming no file: exit 2"
ui_expect "kijun: $T/none: error: no such file" "--config naming no file: said"

# --- kijun check -----------------------------------------------------------------------
cat >"$RCFILE" <<'EOF'
keys = {
  save = "w";
  edition = "w";
  teleport = "t";
};
theme = { title = { fg = "purple"; }; };
mouse = "yes";
EOF
check check --lang en --config "$RCFILE"
[ $RC = 1 ]
check_result $? "check --config: findings, exit 1"
grep -qxF "kijun: $RCFILE:3: warning: key w is given to 'save' already (line 2): 'edition' keeps its default keys" "$T/err"
check_result $? "check: two actions with one key"
grep -qF "kijun: $RCFILE:4: warning: unknown action 'teleport'" "$T/err"
check_result $? "check: an unknown action"
grep -qF "kijun: $RCFILE:6: error: unknown colour 'purple' for 'fg' (see kijun(5)); the default of 'title' stays" "$T/err"
check_result $? "check: an unknown colour"
grep -qF "kijun: $RCFILE:7: error: 'mouse' must be true or false" "$T/err"
check_result $? "check: a wrong type"
grep -qF "kijun check: 1 file, 4 findings" "$T/out"
check_result $? "check: the summary counts them"
"$KIJUN" init "$T/ws" >/dev/null 2>&1
KIJUN_WORKSPACE=$T/ws check check --lang en
[ $RC = 1 ] && grep -qF "kijun: $RCFILE:3:" "$T/err"
check_result $? "check without arguments: the default workspace and ~/.config/kijun/kijunrc"
check check --lang en "$T/ws"
[ $RC = 0 ]
check_result $? "check WORKSPACE: the workspace alone (kijunrc is personal)"
check check --lang en "$RCFILE"
[ $RC = 1 ]
check_result $? "check FILE named kijunrc: checked as one"
printf 'keys = {\n  save = ;\n};\n' >"$RCFILE"
check check --lang en --config "$RCFILE"
[ $RC = 2 ] && grep -qF "kijun: $RCFILE:2: error:" "$T/err"
check_result $? "check: a kijunrc that does not parse: exit 2"
check check --lang en --config "$T/none"
[ $RC = 2 ] && grep -qF "kijun: $T/none: error: no such file" "$T/err"
check_result $? "check --config naming no file: exit 2"
check check --lang en --config "$T/dir"
[ $RC = 2 ] && grep -qF "not a regular file" "$T/err"
check_result $? "check --config a folder: exit 2"
printf 'keys = { save = ["w", "F2", "^S"]; };\ntheme = { selected = { fg = "black"; bg = "cyan"; }; };\nmouse = true;\n' >"$RCFILE"
check check --lang en --config "$RCFILE"
[ $RC = 0 ] && grep -qF "kijun check: 1 file, clean" "$T/out"
check_result $? "check: a good kijunrc is clean"

# --- mouse -------------------------------------------------------------------------------
rm -f "$RCFILE"
ui_restart 120 24 --edition v5 --demo --lang en
ui_wait "kijun"
[ "$(t display -p -t ui '#{mouse_any_flag}')" = 0 ]
ui_result $? "without --mouse the terminal keeps its own selection (no mouse mode)"
ui_click 5 2
ui_expect_line 23 "│ 1/11" "without --mouse a mouse report does nothing"
ui_keys q
ui_restart 100 24 --edition v5 --demo --lang en --mouse
ui_wait "kijun"
[ "$(t display -p -t ui '#{mouse_standard_flag}')" = 1 ]
ui_result $? "--mouse: the terminal reports clicks"
ui_click 5 2
ui_expect_line 1 "kijun › 5th edition (2019 revision) › I. Purpose and positioning" "a click selects the tree row under it"
ui_expect_line 23 "│ 2/11" "the click moved the cursor to row 2"
ui_mouse 65 5 5
ui_expect_line 23 "│ 5/11" "the wheel down moves 3 rows"
ui_mouse 64 5 5
ui_expect_line 23 "│ 2/11" "the wheel up moves 3 rows back"
ui_click 80 5
ui_expect_line 23 "│ 2/11" "a click on the detail pane leaves the tree's cursor alone"
ui_keys j
ui_expect_line 23 "│ 2/11" "... and gives the detail pane the focus: j scrolls the detail, not the tree"
ui_click 5 2
ui_keys j
ui_expect_line 23 "│ 3/11" "a click on the tree gives it the focus back"
ui_click 2 23
ui_expect_line 1 "kijun › Help: Guideline browser" "a click on '? Help' in the key bar opens the help"
ui_mouse 65 5 5
ui_expect_line_not 2 "Guideline browser" "the wheel scrolls the help"
ui_click 2 23
ui_expect_line 1 "kijun › 5th edition (2019 revision)" "a click on 'q Close' closes the help"
ui_keys 4
ui_expect_line 1 "kijun › Profile" "the profile"
ui_click 10 4
ui_expect_line 5 ">Governance items" "a click selects the row of a list (line 5: row 4 from 0)"
ui_keys Enter
ui_expect_line 1 "kijun › Profile › Governance items" "the row clicked is the one opened"
ui_keys q 5 Enter m
ui_expect_line 1 "Heat map" "the heat map of the 2026 round"
# the grid: line 5 (row 4 from 0) is impact 5; likelihood 4 starts at
# column 16 + 3 x 18 (at this width a column takes 18)
ui_click 72 4
ui_expect "Cell: Impact 5 (" "a click selects the heat-map cell under it: impact 5"
ui_expect "x Likelihood 4 (" "... and likelihood 4"
ui_click 18 8
ui_expect "Cell: Impact 1 (" "a click on the bottom-left cell: impact 1"
ui_expect "x Likelihood 1 (" "... and likelihood 1"
ui_keys Q
ui_expect_exit 0 "Q quits"

printf 'mouse = true;\n' >"$RCFILE"
ui_restart 100 24 --edition v5 --demo --lang en
ui_wait "kijun"
[ "$(t display -p -t ui '#{mouse_standard_flag}')" = 1 ]
ui_result $? "mouse = true in kijunrc: the terminal reports clicks"
ui_click 5 3
ui_expect_line 23 "│ 3/11" "mouse = true: a click selects the row"
ui_keys q
ui_expect_exit 0 "q quits"

ui_done
