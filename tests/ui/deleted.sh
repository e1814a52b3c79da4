#!/bin/sh
# UI test: the message after deleting a profile entry that rounds use is
# read whole. It names the rounds that keep the entry as assessed and is
# longer than a line at 80 columns: it wraps over the lines it needs, as
# the question before it does, and is not cut. In English and Japanese,
# at 80x24.
. "$KIJUN_TESTS/ui/lib.sh"

ws=$(mktemp -d /tmp/kijun-ui-deleted-XXXXXX)
trap 'rm -rf "$ws"; t kill-server >/dev/null 2>&1 || true' EXIT
cp -R "$KIJUN_TEST_DATA/demo/en" "$ws/w"
cp -R "$KIJUN_TEST_DATA/demo/ja" "$ws/j"
chmod -R u+w "$ws/w" "$ws/j"

# the screen's text without its spaces and line ends: a wrapped message
# reads as one
flat() { ui_screen | tr -d ' \n'; }
# expect_whole TEXT DESC: TEXT is on screen whole, over however many lines
expect_whole() {
    local want i=0 limit=$((${UI_EXPECT_WAIT:-10} * 20))
    want=$(printf '%s' "$1" | tr -d ' \n')
    while [ "$i" -lt "$limit" ]; do
        flat | grep -qF -- "$want" && break
        sleep 0.05
        i=$((i + 1))
    done
    flat | grep -qF -- "$want"
    ui_result $? "$2"
}

UI_ENV="KIJUN_TODAY=2026-11-25 HOME=$ws"
ui_start 80 24 --lang en "$ws/w"
ui_wait "kijun"
ui_keys 4 j j j Enter
ui_expect "Priority services: 4 entries" "the services' list"
ui_keys j d
ui_expect 'Rounds 2025, 2026 keep its name. y/n' "d asks, naming the rounds"
ui_keys y
ui_expect "Priority services: 3 entries" "y deletes it"
expect_whole 'Deleted "Sewage collection and treatment" and 3 references to it; rounds 2025, 2026 keep it as assessed, marked "(removed from profile)"' \
    "the message after the delete is read whole, wrapped"
ui_check_fit 80 "the message fits 80 columns"
ui_expect "Priority services: 3 entries" "the list stays on screen above it"
ui_keys j
ui_expect_not "keep it as assessed" "the next key takes the message away"
ui_keys Q n
ui_stop

UI_ENV="KIJUN_TODAY=2026-11-25 HOME=$ws"
ui_start 80 24 --lang ja "$ws/j"
ui_wait "kijun"
ui_keys 4 j j j Enter j d
ui_expect "実施回 2025, 2026 には名前が残ります。y/n" "ja: d asks, naming the rounds"
ui_keys y
expect_whole "「下水の収集・処理」とその参照 3 件を削除しました。実施回 2025, 2026 には評価時の名前が残り、「(組織情報から削除)」と表示されます" \
    "ja: the message after the delete is read whole, wrapped"
ui_check_fit 80 "ja: the message fits 80 columns"
ui_keys Q n
ui_stop
ui_done
