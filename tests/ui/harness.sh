#!/bin/bash
# harness.sh: the UI test harness itself (tests/ui/lib.sh). kijun's key
# counter (src/ui/testhook.c, under KIJUN_TEST_KEYS) counts what the
# harness counts, for keys, F-keys and arrows, multi-byte text typed and
# pasted, in a UTF-8 and in a single-byte locale, so that ui_sync waits
# for exactly the keys sent; without KIJUN_TEST_KEYS kijun sets no title;
# ui_expect_screen fails with a diff on a screen that differs, passes on
# the same screen, and UI_UPDATE_SCREENS=1 writes the file.
. "$KIJUN_TESTS/ui/lib.sh"
ui_private_home
"$KIJUN" init --lang en "$T/w" >/dev/null 2>&1
UI_CWD=$T
UI_SYNC_STRICT=1 # a count that does not match is a failed test here

# count_is N DESC: kijun says it has read N, and the harness counted N
count_is() {
    ui_state
    [ "$UI_GOT" = "$1" ] && [ "$UI_SENT" = "$1" ]
    ui_result $? "$2 (kijun $UI_GOT, harness $UI_SENT, expected $1)"
}

for loc in C.UTF-8 C; do
    UI_ENV="TMPDIR=$T LC_ALL=$loc"
    ui_start 80 24 --lang en w
    ui_sync
    count_is 0 "$loc: the first screen drawn, nothing read yet"
    ui_keys j Down Up F1
    count_is 4 "$loc: a letter, two arrows and F1 are four keys"
    ui_expect_line 1 "Help: Guideline browser" "$loc: ui_keys returns with F1's screen drawn"
    ui_keys q 4 Enter Enter C-u
    count_is 9 "$loc: C-u is one"
    ui_type "水道 é"
    count_is 18 "$loc: typed text counts its bytes (水道 é: 9)"
    # (in the C locale kijun reads bytes and drops those that are no character)
    [ "$loc" = C ] || ui_expect "Name       水道 é" "$loc: the text is in the field"
    ui_paste "$(printf 'ab\ncd')"
    count_is 25 "$loc: a bracketed paste is its bytes and the two brackets"
    ui_keys Escape
    count_is 26 "$loc: Esc alone is one key"
    ui_resize 100 30
    ui_state
    [ "$UI_GOT_SIZE" = 100x30 ]; ui_result $? "$loc: after ui_resize kijun has drawn at the new size"
    ui_keys Q
    ui_expect_exit 0 "$loc: Q quits"
    ui_state
    [ "$UI_GONE" = 1 ]; ui_result $? "$loc: the title says kijun has ended"
    ui_stop
done

# without KIJUN_TEST_KEYS, no title: kijun's users never see the counter
UI_ENV="TMPDIR=$T KIJUN_TEST_KEYS="
ui_start 80 24 --lang en --edition v5 w
ui_wait "Guideline"
t send-keys -t ui j j
ui_expect "3/11" "without KIJUN_TEST_KEYS kijun runs as ever"
case $(t display-message -p -t ui '#{pane_title}') in
kijun-keys*) ui_result 1 "without KIJUN_TEST_KEYS kijun sets no title" ;;
*) ui_result 0 "without KIJUN_TEST_KEYS kijun sets no title" ;;
esac
ui_stop

# ui_expect_screen: the same screen passes, another fails with a diff,
# UI_UPDATE_SCREENS=1 writes the file
UI_ENV="TMPDIR=$T"
ui_start 80 24 --lang en --edition v5 w
ui_sync
mkdir -p "$T/scr"
(UI_SCREENS=$T/scr UI_UPDATE_SCREENS=1 ui_expect_screen first) >"$T/out"
grep -q "^ok .*(written)" "$T/out" && [ "$(cat "$T/scr/first.txt")" = "$(ui_screen)" ]
ui_result $? "UI_UPDATE_SCREENS=1 writes the screen to its file"
[ "$(wc -l <"$T/scr/first.txt")" = 24 ]; ui_result $? "the file has the screen's 24 lines"
(UI_SCREENS=$T/scr ui_expect_screen first) >"$T/out"
grep -q "^ok " "$T/out"; ui_result $? "the same screen passes"
ui_keys j
(UI_SCREENS=$T/scr ui_expect_screen first; echo "failed=$UI_FAILED") >"$T/out"
grep -q "^not ok .*differs from expected/first.txt" "$T/out" && grep -q "^failed=1" "$T/out" &&
    grep -q "^#   -.*1/11" "$T/out" && grep -q "^#   +.*2/11" "$T/out"
ui_result $? "another screen fails, with a diff of the lines that differ"
(UI_SCREENS=$T/scr UI_UPDATE_SCREENS=1 ui_expect_screen first; ui_expect_screen first) >"$T/out"
grep -q "(written)" "$T/out" && grep -q "^not ok" "$T/out"
ui_result $? "in one run a name is written once, then compared with"
(UI_SCREENS=$T/scr ui_expect_screen none) >"$T/out"
grep -q "^not ok .*none.txt is missing (UI_UPDATE_SCREENS=1 writes it)" "$T/out"
ui_result $? "a missing file fails and says how to write it"
ui_keys Q
ui_stop
ui_done
