#!/bin/sh
# UI test: a form takes a number only within the range the rules check,
# so that the workbench and kijun check tell one truth: a threshold within
# what the rule can reach (5 x 5 levels, a product: 25, not the field's
# 36), a risk's levels on the profile's scales (5 levels, not 6), picked
# from the scale's levels with their labels.
. "$KIJUN_TESTS/ui/lib.sh"

ws=$(mktemp -d /tmp/kijun-ui-ranges-XXXXXX)
trap 'rm -rf "$ws"; t kill-server >/dev/null 2>&1 || true' EXIT
cp -R "$KIJUN_TEST_DATA/demo/en" "$ws/w"
chmod -R u+w "$ws/w"
UI_ENV="KIJUN_TODAY=2026-12-01 HOME=$ws"
ui_start 80 24 --lang en "$ws/w"
ui_wait "kijun"
ui_keys 4 j j j j j j Enter
ui_expect "Threshold" "the risk criteria's form"
ui_keys j Enter C-u
ui_type "30"
ui_keys Enter
ui_expect "Threshold must be a whole number from 1 to 25" "a threshold above the rule's highest value (5 x 5) is refused, the range said"
ui_keys C-u
ui_type "25"
ui_keys Enter
ui_expect_not "must be a whole number" "25 is taken"
ui_keys q 5 Enter r
ui_expect "Register:" "the register of round 2026"
ui_keys Enter
ui_expect "threshold 10: decision, owner, due set" "a risk over the threshold with all three set says so (not \"needs\")"
ui_check_fit 80 "the form fits 80 columns"
ui_keys q j j Enter
ui_expect "threshold 10: still needs a due date" "one without a due date: what it still needs"
ui_keys q k k Enter j j j j j
ui_expect "Enter: pick from a list" "a level is picked from a list, not typed"
ui_keys Enter
ui_expect "1 Negligible — " "Enter on Impact before offers the scale's levels with their definitions"
ui_expect "5 Severe — " "up to the scale's top"
n=$(ui_screen | grep -c "^  [* ] [0-9] [A-Z][a-z]* — ")
[ "$n" = 5 ]; ui_result $? "the five levels of the 5-level scale, no sixth ($n)"
ui_keys Up Enter
ui_expect " Impact before      4 Major" "the level chosen, shown with its label"
ui_expect_not "must be a whole number" "4 is taken"
ui_keys Q n
ui_stop
ui_done
