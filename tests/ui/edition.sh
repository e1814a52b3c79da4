#!/bin/bash
# edition.sh: switching the Guideline edition with e (keeping the mapped
# item), items without a counterpart, --edition, and L for the language.
#
# Screen map at 80x24: line 1 header (breadcrumbs), lines 2-12 the tree,
# lines 14-22 the detail, line 23 the status line, line 24 the key bar.
. "$KIJUN_TESTS/ui/lib.sh"
ui_private_home

down() { local k=() i; for ((i = 0; i < $1; i++)); do k+=(j); done; ui_keys "${k[@]}"; }

# At 120x40 the messages of e fit beside the status (line 39); the tree
# and the detail share lines 2-38.
ST=39

# --- a mapped item: v5 （ウ）アクセス制御 <-> rev IV.4.3.1 アクセス制御 ----------
ui_start 120 40 --edition v5 --demo --lang en
ui_keys L # the Guideline text in Japanese, the screens in English
ui_wait "kijun"
ui_expect_line $ST "│ 第5版（2019年改定版） (廃止) │ ja │" "starts on the edition in force (第5版)"
ui_keys '*'
down 24
ui_expect_line 1 "› （２） › （ウ）アクセス制御" "v5: （ウ）アクセス制御 selected"
ui_expect_line $ST "│ 25/50" "v5: position 25/50"
ui_keys e
ui_expect_line 1 "kijun › 2023年指針の2022年案 › IV．" "e: on the revised draft, chapter IV"
ui_expect_line 1 "› 3.1. アクセス制御" "e: rev 3.1. アクセス制御 selected"
ui_expect_line $ST "│ 2023年指針の2022年案 (旧版) │ ja │ 23/26" "e: the status line shows the revised draft and the position"
ui_expect "第5版（2019年改定版） Ⅱ．（ウ）アクセス制御 -> 2023年指針の2022年案 IV．3.1. アクセス制御" "e: a message names both items (with their chapters)"
ui_expect "← 第5版（2019年改定版）: Ⅱ．（ウ）アクセス制御" "rev detail: comes from Ⅱ．（ウ）"
ui_expect "Change      移設元" "rev detail: change 移設元"
ui_expect "▾ 3. 技術的なセキュリティ" "rev tree: the item's parents are opened"
ui_keys e
ui_expect_line 1 "kijun › 第5版（2019年改定版） ›" "e again: back on the 5th edition"
ui_expect_line 1 "（ウ）アクセス制御" "e again: on （ウ）アクセス制御"
ui_expect_line $ST "│ 第5版（2019年改定版） (廃止) │ ja │ 25/50" "e again: the v5 tree kept its state (25/50)"
ui_expect "→ 2023年指針の2022年案: IV．3.1. アクセス制御" "v5 detail: goes to IV．3.1."

# an item of the 5th edition without its own mapping: its parent's
ui_keys g
down 12
ui_expect_line 1 "4.1.1. 「組織の状況」の観点" "v5: 4.1.1. selected (no mapping of its own)"
ui_keys e
ui_expect_line 1 "kijun › 2023年指針の2022年案 › III．" "e: on the revised draft, chapter III"
ui_expect_line 1 "「Plan（計画）」" "e: the nearest mapped parent's counterpart: 「Plan（計画）」"
ui_expect_line $ST "│ 2023年指針の2022年案 (旧版) │" "e: the status line shows the revised draft"

# --- --edition rev; an item new in the revised draft --------------------------
ui_restart 120 40 --demo --lang en --edition rev
ui_keys L # the Guideline text in Japanese, the screens in English
ui_wait "kijun"
ui_expect_line 1 "kijun › 2023年指針の2022年案 › はじめに" "--edition rev starts on the revised draft"
ui_expect_line $ST "│ 2023年指針の2022年案 (旧版) │ ja │ 1/19" "--edition rev: status line"
down 6
ui_expect_line 1 "kijun › 2023年指針の2022年案 › II．組織統治におけるサイバーセキュリティ" "rev: II (new, no counterpart) selected"
ui_keys e
ui_expect_line $ST "│ 第5版（2019年改定版） (廃止) │ ja │ 1/11" "e without counterpart: on v5, at its last place"
ui_expect_line $ST "no counterpart" "e without counterpart: a message says so"
ui_expect_line 1 "kijun › 第5版（2019年改定版） › はじめに" "e without counterpart: the header is consistent"
ui_keys e
ui_expect_line $ST "│ 2023年指針の2022年案 (旧版) │" "e again: back on the revised draft"
ui_expect_line 1 "› はじめに" "e again: the counterpart of v5 はじめに"
# a new item whose chapter has a counterpart
ui_keys '*'
down 24
ui_expect_line 1 "3.4. サプライチェーンの管理" "rev: 3.4. サプライチェーンの管理 (new) selected"
ui_keys e
ui_expect_line 1 "kijun › 第5版（2019年改定版） › Ⅱ．" "e: on v5 chapter Ⅱ．"
ui_expect_line 1 "› 4.1. 「Plan（計画）」の観点" "e: lands on the counterpart of its nearest mapped parent"
ui_expect_line $ST "│ 第5版（2019年改定版） (廃止) │" "e: on the 5th edition"

# --- English and the L key -----------------------------------------------------
ui_restart 120 40 --demo --lang en --edition rev
ui_wait "kijun"
ui_expect_line 1 "kijun › 2022 draft of the 2023 Guideline › Introduction" "en --edition rev: header"
ui_expect_line $ST "│ 2022 draft of the 2023 Guideline (superseded) │ en │ 1/19" "en --edition rev: status line"
ui_keys e
ui_expect_line $ST "│ 5th edition (2019 revision) (abolished) │ en │" "en e: on the 5th edition"
ui_expect "2022 draft of the 2023 Guideline Introduction -> 5th edition (2019 revision) Introduction" "en e: the message in English"
ui_keys L
ui_expect_line 1 "kijun › 第5版（2019年改定版） › はじめに" "L: the Guideline text in Japanese"
ui_expect_line $ST "│ 第5版（2019年改定版） (廃止) │ ja │ 1/11" "L: the status line says ja"
ui_expect_line $ST "Guideline text: Japanese" "L: a message"
ui_expect_line 2 "  はじめに " "L: the tree in Japanese"
ui_keys L
ui_expect_line 1 "kijun › 5th edition (2019 revision) › Introduction" "L again: English"
ui_expect_line $ST "│ en │" "L again: the status line says en"
ui_expect_line $ST "Guideline text: English" "L again: a message"
ui_keys j L
ui_expect_line 1 "kijun › 第5版（2019年改定版） › Ⅰ．目的及び位置付け" "L keeps the selected item"

# --- an unknown edition ------------------------------------------------------------
# an item without a counterpart of its own: kijun says whose mapping it used
ui_restart 120 40 --demo --lang en --edition rev
ui_keys L # the Guideline text in Japanese, the screens in English
ui_wait "kijun"
ui_keys /
ui_type "サプライチェーンの管理"
ui_keys Enter e
ui_expect "No counterpart of the item; that of its parent" "e from rev 3.4 (new) says it follows the parent's mapping"
ui_expect_line 1 "第5版" "and shows the 5th edition"

ui_restart 80 24 --edition nope
ui_expect "no edition 'nope'" "--edition nope: an error"
ui_expect_exit 2 "--edition nope: exit status 2"

# a day before the 5th edition's 2019 revision: the status says it was not yet revised
UI_ENV="$UI_ENV KIJUN_TODAY=2018-04-04"
ui_restart 80 24 --demo --edition v5 --lang en
ui_expect "5th edition (2019 revision) (in force, not yet revised)" "before its revision the 5th edition is in force, not yet revised"
ui_keys Q
UI_ENV="$UI_ENV KIJUN_TODAY=2020-01-01"
ui_restart 80 24 --demo --edition v5 --lang en
ui_expect "5th edition (2019 revision) (in force) " "after it, plainly in force"
ui_keys Q

# KIJUN_TODAY that is no date: refused, for the workbench and the commands
for d in 2017-1-1 2026-02-30 garbage; do
    UI_ENV="$UI_ENV KIJUN_TODAY=$d"
    ui_restart 80 24 --demo --lang en
    ui_expect "kijun: KIJUN_TODAY '$d' is not a date YYYY-MM-DD" "KIJUN_TODAY=$d: refused, said"
    ui_expect_exit 2 "KIJUN_TODAY=$d: exit 2"
    KIJUN_TODAY=$d "$KIJUN" check --lang en "$KIJUN_TEST_DATA/demo/en" >/dev/null 2>"$T/err"
    [ $? = 2 ] && grep -q "KIJUN_TODAY '$d' is not a date" "$T/err"; ui_result $? "KIJUN_TODAY=$d: kijun check refuses it too"
done
ui_done
