#!/bin/sh
# UI test: the forms refuse what kijun check refuses, with the model's
# rules (model/rules.h): a scale has 3 to 6 levels, so `a` on a scale of
# six adds none and says why; a threshold lies in its rule's range (a sum
# of 5 + 5 levels: 2..10), and a rule switched under a threshold that no
# longer fits says so at once; a value accepted stays within the rule.
. "$KIJUN_TESTS/ui/lib.sh"

ws=$(mktemp -d /tmp/kijun-ui-scales-XXXXXX)
trap 'rm -rf "$ws"; t kill-server >/dev/null 2>&1 || true' EXIT
cp -R "$KIJUN_TEST_DATA/demo/en" "$ws/w"
chmod -R u+w "$ws/w"
UI_ENV="KIJUN_TODAY=2026-09-01 HOME=$ws"
ui_start 100 30 --lang en "$ws/w"
ui_wait "kijun"
ui_keys 4
ui_expect "Impact scale" "the profile's sections"
ui_keys j j j j j j j Enter
ui_expect "Profile › Impact scale" "the impact scale's list"
ui_keys a
ui_expect "Level       6" "a sixth level is pre-filled as 6"
ui_keys j Enter
ui_type "Six"
ui_keys Enter q a
ui_expect "Impact scale has 6 levels, the most a scale may have (3 to 6): change or delete one instead" \
    "a seventh level is refused, as kijun check refuses 7 levels"
ui_expect_not "Level       7" "no form of a seventh level"
ui_keys q
ui_expect "Risk criteria                6x5" "the profile has 6 impact levels, not 7"
ui_keys s
ui_expect_not "modified" "saved"
out=$("$KIJUN" check "$ws/w" 2>&1)
echo "$out" | grep -q "levels; it needs 3 to 6"
[ $? -ne 0 ]; ui_result $? "kijun check finds no scale out of 3 to 6 levels"

# the round's threshold under the sum rule: 2 .. 6 + 5
ui_keys 5 Enter Enter j j j j j j
ui_expect "Risk value for this round" "the round's rule"
ui_keys Enter j Enter
ui_expect "impact + likelihood" "the rule is now the sum"
ui_expect_not "Threshold 10 is now outside" "10 fits the sum of 6 + 5"
ui_keys j Enter C-u
ui_type "1"
ui_keys Enter
ui_expect "Threshold must be a whole number from 2 to 11" "a threshold below the sum's lowest value (1 + 1) is refused"
ui_keys C-u
ui_type "11"
ui_keys Enter
ui_expect_not "must be a whole number" "11 is taken"
ui_keys k Enter k Enter
ui_expect "impact x likelihood" "back to the product"
ui_keys j Enter C-u
ui_type "25"
ui_keys Enter k Enter j Enter
ui_expect "Threshold 25 is now outside 2..11, the range of this rule and scales: change it" \
    "a rule switched under a threshold that no longer fits says so at once"
ui_keys s
out=$("$KIJUN" check "$ws/w" 2>&1)
echo "$out" | grep -q "threshold 25 is above the highest risk value 11"
ui_result $? "and kijun check finds it"

# a value accepted lies within the round's rule (6 + 5 = 11 at most)
ui_keys q r Enter
ui_expect "Risk register ›" "a risk's form"
ui_keys j j j j j j j j j j j j j j j j
ui_expect "The residual value at the acceptance" "the value accepted"
ui_keys Enter C-u
ui_type "30"
ui_keys Enter
ui_expect "Value accepted must be a whole number from 0 to 11" "a value above the rule's highest is refused"
ui_keys Escape Q n
ui_stop

# a level that risks use, deleted: the question counts them, the heat
# map says how many it cannot place, the register and check flag them
cp -R "$KIJUN_TEST_DATA/demo/en" "$ws/v"
chmod -R u+w "$ws/v"
ui_start 100 30 --lang en "$ws/v"
ui_wait "kijun"
ui_keys 4 j j j j j j j Enter G d
ui_expect "Delete \"Severe\"? 19 risks of the rounds use this level: they go off the scale (flagged). y/n" \
    "the delete question names how many risks use the level"
ui_keys y 5 Enter m
# 10 risks name "Severe", but 4 of them only before the controls: those 4 are on the map
ui_expect "6 of 30 risks are off the scales (a level the profile lacks): not on the map; flagged in the" \
    "the heat map says how many risks it cannot place (only those whose residual level is off)"
ui_expect "register" "the note is whole (wrapped, not cut)"
ui_keys q r
n=$(ui_screen | grep -c "off the scales")
[ "$n" -ge 5 ]; ui_result $? "the register flags the risks off the scales ($n shown)"
ui_keys s
ui_expect_not "modified" "saved"
"$KIJUN" check "$ws/v" 2>&1 | grep -q "is 5, above the impact scale's top level 4"
ui_result $? "kijun check finds them"
ui_keys Q
ui_stop

# t writes today on a date field itself (an action: rebound, the hint names the key)
cp -R "$KIJUN_TEST_DATA/demo/en" "$ws/d"
chmod -R u+w "$ws/d"
ui_start 100 30 --lang en "$ws/d"
ui_wait "kijun"
ui_keys 5 Enter Enter
ui_expect "*Date                2026-06-01" "the round's date"
ui_expect "Enter: edit (YYYY-MM-DD); t writes today (2026-09-01)" "the hint names t"
ui_keys t
ui_expect "*Date                2026-09-01" "t on the date field writes today, without Enter first"
ui_expect_not "does nothing here" "t is no unknown key on a date"
ui_keys j t
ui_expect "Key t does nothing here" "t on a text field is no key"
# blanks are no value: an owner of three spaces is none, a title of spaces is required
ui_keys q r Enter
ui_expect "threshold 10: decision, owner, due set" "the first risk has all three"
ui_keys j j j j j j j j j j j Enter C-u
ui_type "   "
ui_keys Enter
ui_expect "threshold 10: still needs an owner" "an owner of three spaces is no owner"
ui_keys g Enter C-u
ui_type "  "
ui_keys Enter
ui_expect "*Risk               ! required" "a title of spaces is the required Risk missing"
ui_keys Q n
ui_stop
mkdir -p "$ws/.config/kijun"
printf 'keys = {\n  write-today = "T";\n};\n' >"$ws/.config/kijun/kijunrc"
ui_start 100 30 --lang en "$ws/d"
ui_wait "kijun"
ui_keys 5 Enter Enter
ui_expect "Enter: edit (YYYY-MM-DD); T writes today (2026-09-01)" "rebound: the hint names the key in force"
ui_keys T
ui_expect "*Date                2026-09-01" "the rebound key writes today"
ui_keys Q n
ui_stop

# a threshold above the highest value: the heat map's bands say they cannot be trusted
cp -R "$KIJUN_TEST_DATA/demo/en" "$ws/t30"
chmod -R u+w "$ws/t30"
sed -i 's/threshold = 10;/threshold = 30;/' "$ws/t30/assessments/2026.cfg"
ui_start 132 43 --lang en "$ws/t30"
ui_wait "kijun"
ui_keys 5 Enter m
ui_expect "The round's risk criteria are not valid (threshold 30, highest 25): these bands cannot be" \
    "heat map: an invalid threshold is said above the bands"
ui_expect "Bands by value" "heat map: the bands still follow"
ui_keys Q
ui_stop
ui_done
