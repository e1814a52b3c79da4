#!/bin/sh
# UI test: a heat map of an invalid profile (10x10 levels) at 80x24 draws
# what fits and says what does not, nothing past the edge (no stray cell
# under the grid); a profile without an impact scale opens no cell.
. "$KIJUN_TESTS/ui/lib.sh"

ws=$(mktemp -d /tmp/kijun-ui-heatclip-XXXXXX)
trap 'rm -rf "$ws"; t kill-server >/dev/null 2>&1 || true' EXIT
python3 "$KIJUN_TESTS/ui/mkhostile.py" "$ws/w" 10 10 product 10 30
UI_ENV="KIJUN_TODAY=2026-09-01 HOME=$ws"
ui_start 80 24 --lang en "$ws/w"
ui_wait "kijun"
ui_keys 5 Enter m
ui_expect "Heat map: residual risks per cell" "the heat map"
ui_expect "Too small for all 10x10: impact 1-10, likelihood 1-9 shown; arrows move" "it says what does not fit"
n=$(ui_screen | grep -c '^[HMLV]  *[0-9]')
[ "$n" = 0 ]; ui_result $? "no stray cell at the start of a line ($n)"
ui_check_fit 80 "every line fits 80 columns"
ui_keys Right Right Right Right Right Right Right Right Right
ui_expect "likelihood 2-10 shown" "the view follows the cell chosen"
ui_expect "Likelihood 10 (10th)" "the tenth likelihood level is chosen"
# a title with a Tab, which the reader does not take (kijun check says
# why) but the file keeps: shown as the file has it, never "required"
ui_keys q r
ui_expect '! not read: title = "Tab' "the register shows the title kept in the file, not an empty cell"
ui_keys Q
ui_stop
python3 "$KIJUN_TESTS/ui/mkhostile.py" "$ws/t" 5 5 product 10 3
ui_start 100 30 --lang en "$ws/t"
ui_wait "kijun"
ui_keys 5 Enter r
ui_expect "Tab" "the risk with a tab in its title"
row=$(ui_screen | grep -n "Tab" | head -1 | cut -d: -f1)
ui_keys g
i=4
while [ "$i" -lt "$row" ]; do ui_keys j; i=$((i + 1)); done
ui_keys Enter
ui_expect '*Risk               ! not read (see kijun check): title = "Tab\x09here #2";' "the form shows it too"
ui_expect_not "! required" "a value in the file is not 'required'"
# a pick list of long levels: the chosen one is read whole in the rows the list leaves free
ui_keys j j j j j j j j Enter
ui_expect "Choose (Enter takes, Esc cancels)" "the impact scale's levels"
n=$(ui_screen | grep -c '^   x\{10\}$')
[ "$n" = 1 ]; ui_result $? "the level's definition is shown to its end (the last of its 200 x), not cut after three lines"
ui_expect_line_not 30 "Space" "a list of one choice has no Space Mark on the key bar"
ui_keys Escape
ui_keys Q n
ui_stop
python3 "$KIJUN_TESTS/ui/mkhostile.py" "$ws/z" 0 5 product 10 0
ui_start 80 24 --lang en "$ws/z"
ui_wait "kijun"
ui_keys 5 Enter m
ui_expect "The profile has no scales" "no scales"
ui_keys Enter
ui_expect "The profile has no scales: the heat map has no cell to open" "Enter opens no cell"
ui_expect_not "cell impact 1" "no register of cell I1 x L1"
ui_keys Q
ui_stop
ui_done
