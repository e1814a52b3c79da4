#!/bin/sh
# UI test: past rounds stay true. Deleting a priority service that the
# demo's rounds use asks, naming them; on y it goes, and the rounds keep
# it as assessed: the scoping and the risk's form show its old name marked
# "(removed from profile)" in words, the save writes it into the rounds,
# and kijun check finds no error in them. The same in Japanese, fitting
# 80 columns by display width.
. "$KIJUN_TESTS/ui/lib.sh"

ws=$(mktemp -d /tmp/kijun-ui-snapshot-XXXXXX)
trap 'rm -rf "$ws"; t kill-server >/dev/null 2>&1 || true' EXIT
cp -R "$KIJUN_TEST_DATA/demo/en" "$ws/w"
cp -R "$KIJUN_TEST_DATA/demo/ja" "$ws/j"
chmod -R u+w "$ws/w" "$ws/j"
grep -q 'assessed_services' "$ws/w/assessments/2026.cfg"
[ $? -ne 0 ]; ui_result $? "the demo's round files are of before: no assessed_services yet"

UI_ENV="KIJUN_TODAY=2026-11-25 HOME=$ws"
ui_start 80 24 --lang en "$ws/w"
ui_wait "kijun"
ui_keys 4
ui_expect "Priority services          4" "the profile has four services"
ui_keys j j j Enter
ui_expect "Priority services: 4 entries" "the services' list"
ui_keys j d
ui_expect 'Delete "Sewage collection and treatment"? Rounds 2025, 2026 keep its name. y/n' \
    "d asks, naming the rounds that use it and what they keep (the whole question fits 80 columns)"
ui_keys y
ui_expect "Priority services: 3 entries" "y deletes it"
ui_expect 'Deleted "Sewage collection' "and says so"
ui_keys 5
ui_expect "2026     2026-06-01 | 30 risks" "the rounds screen"
ui_keys Enter
ui_expect "Round 2026, 2026-06-01" "the round opens"
ui_keys j Enter G
ui_expect "[x] Sewage collection and treatment (removed from profile)" \
    "the scoping shows the service as assessed, marked in words"
ui_check_fit 80 "the scoping fits"
ui_keys q r
ui_expect "Register: 30 of 30" "the register still has every risk"
ui_keys j j j j j j Enter
ui_expect "Service            Sewage collection and treatment (removed from profile)" \
    "a risk's form shows its service as assessed, marked"
ui_keys q s
ui_expect "Saved" "s saves"
ui_keys Q
ui_expect_exit 0 "Q quits"
ui_stop

grep -q 'id = "svc-sewage"' "$ws/w/profile.cfg"
[ $? -ne 0 ]; ui_result $? "the service is gone from profile.cfg"
for r in 2025 2026; do
    sed -n '/^assessed_services/,/^);/p' "$ws/w/assessments/$r.cfg" | grep -q 'name = "Sewage collection and treatment";'
    ui_result $? "assessments/$r.cfg keeps the service's name as assessed"
done
"$KIJUN" check "$ws/w" > "$ws/out" 2>&1
rc=$?
[ $rc = 0 ]; ui_result $? "kijun check: no finding after the delete (exit $rc: $(head -c 300 "$ws/out"))"
grep -q "error" "$ws/out"
[ $? -ne 0 ]; ui_result $? "kijun check: no error in the rounds"

# Japanese, at 80x24
UI_ENV="KIJUN_TODAY=2026-11-25 HOME=$ws"
ui_start 80 24 --lang ja "$ws/j"
ui_wait "kijun"
ui_keys 4 j j j Enter j d
ui_expect "「下水の収集・処理」を削除しますか? 実施回 2025, 2026 には名前が残ります。y/n" \
    "ja: the question names the rounds, whole"
ui_check_fit 80 "ja: the question fits"
ui_keys y 5 Enter j Enter G
ui_expect "[x] 下水の収集・処理 (組織情報から削除)" "ja: the scoping marks it in words"
ui_check_fit 80 "ja: the scoping fits"
ui_keys q q Q n
ui_stop
# taking the service gone from the profile out of scope removes its line:
# the cursor stays on the list
ui_start 80 24 --lang en "$ws/w"
ui_wait "kijun"
ui_keys 5 Enter j Enter G
ui_expect ">[x] Sewage collection and treatment (removed from profile)" "the cursor on the service gone from the profile"
ui_keys Space
ui_expect_not "Sewage collection and treatment (removed from profile)" "Space takes it out of scope: its line goes"
ui_screen | grep -q '^>'
ui_result $? "a line of the scoping is still selected"
ui_keys Q n
ui_stop
ui_done
