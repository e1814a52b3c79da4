#!/bin/sh
# UI test: the texts of issue 12 in Japanese at 80x24: the heat map's axes
# by the scales' names and levels, the sign-offs by their steps' names,
# the question before signing off a step whose checks fail (all its
# answers seen), scoping's a, the field help by the values' labels, and
# counts in the language's plural (no "2 entries" in Japanese), and a
# source of slides in the Guideline's detail pane.
. "$KIJUN_TESTS/ui/lib.sh"
if [ "${KIJUN_NLS:-yes}" = no ]; then
    echo "1..0 # SKIP built with --disable-nls: the UI is English only"
    exit 0
fi

UI_ENV="KIJUN_TODAY=2026-11-25"
ui_start 80 24 --demo --lang ja
ui_wait "kijun"
ui_keys 5 Enter

# the heat map
ui_keys m
ui_expect "                発生頻度 →" "ja: the columns are named by the likelihood scale"
ui_expect "影響度 ↓        1 まれ      2 低い      3 中程度    4 高い      5 頻繁" "ja: the rows by the impact scale, the columns by level and label"
ui_expect_line 5 "5 甚大           M  0" "ja: each row by its level and label"
ui_expect_not " L1 " "ja: no L1..L5 heads"
ui_expect "セル: 影響度 1 (軽微) x 発生頻度 1 (まれ) = 1、リスク 0 件" "ja: the cell line names both axes"
ui_check_fit 80 "ja: the heat map fits"
ui_keys q

# the sign-offs, and a sign-off while checks fail
ui_keys S
ui_expect "承認: 2 件" "ja: S shows the sign-offs, counted in Japanese"
ui_expect "事前準備 | 2026-06-12 | 有効 | " "ja: each by its step's name, date and state"
ui_expect_not "prep" "ja: no step id"
ui_keys a Enter
ui_expect "リスクアセスメント: 自動チェック 7 件が不合格です。それでも承認しますか? y/n" "ja: the question names the failing checks"
ui_check_fit 80 "ja: the question fits, its answers seen"
ui_keys n
ui_expect "承認していません" "ja: n signs nothing off"
ui_keys q

# scoping's a
ui_keys j Enter j a
ui_expect "新しい経営資源の名前 (「取水・浄水処理」が利用し、対象に含めます)" "ja: a names the operation the resource will serve"
ui_check_fit 80 "ja: the prompt fits"
ui_type "予備PLC"
ui_keys Enter
ui_expect "[x] 予備PLC (種類未設定)" "ja: added, in scope, its kind said not set"
ui_expect "「予備PLC」を組織情報に追加し、「取水・浄水処理」が利用するものとして対象に" "ja: and said"
ui_keys q q

# the field help names values by their labels
ui_keys 4 j j j j j Enter Enter j
ui_expect "システム、データ、人、施設、OT/ICS機器、委託先、外部サービスのいずれか" "ja: the kind's help by the kinds' labels"
ui_expect_not "system, data" "ja: not by their codes"
ui_keys q q k k k Enter Enter
ui_expect "はい、一部、いいえ、対象外のいずれか" "ja: the status's help by the labels"
ui_stop

# the Guideline's detail pane: a source of slides in Japanese
ui_start 132 43 --demo --lang ja --edition v5
ui_wait "kijun"
ui_keys 3 j j Enter j
ui_expect "スライド 3, 4, 23" "ja: the source's slides in Japanese"
ui_expect_not "slides 3, 4, 23" "ja: not in English"
ui_stop

# the risk form's summary line over its rule: the rule's ends stay lines,
# never the letters of the alternate character set ("qq")
ui_start 80 24 --demo --lang ja
ui_wait "kijun"
ui_keys 5 Enter r Enter
ui_expect "固有リスク値 25 (V) -> 残留リスク値 20 (V)" "ja: the risk form's summary line"
ui_screen | grep -q "^── 固有リスク値.*──$"
ui_result $? "the summary line's rule ends as lines (─), not as letters"
ui_expect_not "qq" "no ACS letters on the screen"
ui_stop
ui_done
