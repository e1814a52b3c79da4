#!/bin/sh
# UI test: a supplier is one entry. A workspace of the old form (a
# resource of kind supplier and a `suppliers` section linked by hand:
# tests/corpus/suppliers-old over base/) opens with each supplier once,
# as a resource of kind supplier with its own fields; a resource of
# another kind does not show them; editing a supplier's field works; s
# writes the new form (no suppliers section, nothing lost, nothing twice)
# and kijun check is clean on it. The same in Japanese, fitting 80x24 by
# display width.
. "$KIJUN_TESTS/ui/lib.sh"

ws=$(mktemp -d /tmp/kijun-ui-supplier-XXXXXX)
trap 'rm -rf "$ws"; t kill-server >/dev/null 2>&1 || true' EXIT
for w in w j; do
    cp -R "$KIJUN_TESTS/corpus/base" "$ws/$w"
    cp "$KIJUN_TESTS/corpus/suppliers-old/profile.cfg" "$ws/$w/profile.cfg"
    chmod -R u+w "$ws/$w"
done
grep -q '^suppliers = (' "$ws/w/profile.cfg"; ui_result $? "the workspace has the old suppliers section"
"$KIJUN" check "$ws/w" >"$ws/out" 2>&1
rc=$?
[ $rc = 1 ] && grep -q "warning: the old 'suppliers' section (2 entries) is merged" "$ws/out"
ui_result $? "kijun check warns that the old section is merged (exit $rc)"

UI_ENV="KIJUN_TODAY=2026-11-25 HOME=$ws"
ui_start 80 24 --lang en "$ws/w"
ui_wait "kijun"
ui_keys 4
ui_expect "Management resources       5 (2 suppliers)" "the overview counts the suppliers among the resources"
ui_expect_not "Suppliers " "no second place for suppliers"
ui_keys j j j j j Enter
ui_expect "Management resources: 5 entries" "the resources' list"
ui_expect "[supplier] Chemical supply | security clauses: no" "the linked supplier is its resource, with its clauses"
ui_expect "[supplier] SCADA Vendor Co. | security clauses: partly" "the unlinked one is a new resource of kind supplier"
n=$(ui_screen | grep -c "Chemical")
[ "$n" = 1 ]; ui_result $? "the chemical supplier is there once ($n)"
ui_check_fit 80 "the list fits"
ui_keys Enter
ui_expect "*Name                SCADA" "a resource of another kind opens"
ui_expect_not "Security clauses" "it does not show a supplier's fields"
ui_keys q j j j Enter
ui_expect "Supply-chain risks  Disruption" "the merged supplier shows the old entry's risks"
ui_expect "Note                Chemical Co." "and keeps the old entry's name in the note"
ui_keys q j Enter j j j j j j j
ui_expect "What it provides" "a supplier's Provides field"
ui_keys Enter
ui_type "SCADA maintenance"
ui_keys Enter
ui_expect "Provides            SCADA maintenance" "editing a supplier's field works"
ui_expect "Serves              SCADA" "the old entry's resources are the ones it serves"
ui_keys q s
ui_expect "Saved" "s saves"
ui_keys Q
ui_expect_exit 0 "Q quits"
ui_stop

f=$ws/w/profile.cfg
grep -q '^suppliers' "$f"
[ $? -ne 0 ]; ui_result $? "the saved file has no suppliers section"
[ "$(grep -c 'kind = "supplier";' "$f")" = 2 ]; ui_result $? "two resources of kind supplier"
[ "$(grep -c 'SCADA Vendor Co.' "$f")" = 1 ] && [ "$(grep -c 'Chemical Co.' "$f")" = 1 ]
ui_result $? "each supplier once"
grep -q 'provides = "SCADA maintenance";' "$f"; ui_result $? "the edit is saved"
grep -q 'serves = \[ "res-scada" \];' "$f" && grep -q 'supply_risks = \[ "supply_chain.disruption" \];' "$f"
ui_result $? "the old lists are saved as serves and supply_risks"
"$KIJUN" check "$ws/w" >"$ws/out" 2>&1
rc=$?
[ $rc = 0 ]; ui_result $? "kijun check is clean on the new form (exit $rc: $(head -c 300 "$ws/out"))"

# Japanese, at 80x24: the old file, saved without an edit
ui_start 80 24 --lang ja "$ws/j"
ui_wait "kijun"
ui_keys 4
ui_expect "$(ja "Management resources")" "ja: the overview"
ui_expect "（委託先 2）" "ja: it counts the suppliers"
ui_check_fit 80 "ja: the overview fits"
ui_keys j j j j j Enter
ui_expect "SCADA Vendor Co. | セキュリティ条項: 一部" "ja: the suppliers in the list"
ui_check_fit 80 "ja: the list fits"
ui_keys j j j j Enter
ui_expect "$(ja "Serves")" "ja: a supplier's fields"
ui_check_fit 80 "ja: the form fits"
ui_keys q q s
ui_expect "に保存しました" "ja: s writes the merged form though nothing was edited"
ui_keys Q
ui_stop
grep -q '^suppliers' "$ws/j/profile.cfg"
[ $? -ne 0 ]; ui_result $? "ja: the saved file has no suppliers section"
"$KIJUN" check "$ws/j" >/dev/null 2>&1
ui_result $? "ja: kijun check is clean"
ui_done
