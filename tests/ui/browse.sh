#!/bin/bash
# browse.sh: moving through the Guideline tree, the breadcrumbs, the
# detail pane and the status line, at 80x24 (tree above the detail) and
# 120x40 (side by side), with the Guideline text in Japanese and English.
#
# Screen map at 80x24: line 1 header (breadcrumbs), lines 2-12 the tree,
# line 13 a rule, lines 14-22 the detail, line 23 the status line, line
# 24 the key bar. At 120x40 the tree and detail share lines 2-38, the
# status line is line 39.
. "$KIJUN_TESTS/ui/lib.sh"
ui_private_home

# down N: press j N times.
down() { local k=() i; for ((i = 0; i < $1; i++)); do k+=(j); done; ui_keys "${k[@]}"; }

ST=23 # the status line at 80x24

# --- 80x24, Japanese --------------------------------------------------------
ui_start 80 24 --edition v5 --demo --lang en
ui_keys L # the Guideline text in Japanese, the screens in English
ui_wait "kijun"
ui_expect_line 1 "kijun › 第5版（2019年改定版） › はじめに" "ja 80x24: header shows the edition and the first item"
ui_expect_line $ST "│ 第5版（2019年改定版） (廃止) │ ja │ 1/11" "ja: status line shows edition, language and position 1/11"
ui_expect_line 2 "はじめに" "ja: the tree starts with はじめに"
ui_expect_line 13 "────" "80x24: a rule separates the tree (above) from the detail (below)"
ui_expect_line 14 "はじめに" "ja: the detail pane starts with the heading of the item"
ui_expect "Change      変更なし" "ja: detail shows the change (unchanged)"
ui_expect "→ 2023年指針の2022年案: はじめに" "ja: detail shows the mapped item in the revised draft"

ui_keys j
ui_expect_line 1 "kijun › 第5版（2019年改定版） › Ⅰ．目的及び位置付け" "j: breadcrumbs follow the cursor to Ⅰ．"
ui_expect_line $ST "│ 2/11" "j: position 2/11"
ui_keys Down
ui_expect_line 1 "› 1. 重要インフラにおける情報セキュリティ" "Down: breadcrumbs show Ⅰ．1."
ui_expect_line $ST "│ 3/11" "Down: position 3/11"
ui_keys k
ui_expect_line $ST "│ 2/11" "k: position 2/11"
ui_keys Up
ui_expect_line $ST "│ 1/11" "Up: position 1/11"
ui_keys Up
ui_expect_line $ST "│ 1/11" "Up on the first item stays there"
ui_keys G
ui_expect_line 1 "› 4. 対策項目" "G: last item 4. 対策項目 in the breadcrumbs"
ui_expect_line $ST "│ 11/11" "G: position 11/11"
ui_keys j
ui_expect_line $ST "│ 11/11" "j on the last item stays there"
ui_keys g
ui_expect_line $ST "│ 1/11" "g: position 1/11"
ui_keys End
ui_expect_line $ST "│ 11/11" "End: position 11/11"
ui_keys Home
ui_expect_line $ST "│ 1/11" "Home: position 1/11"
ui_keys NPage
ui_expect_line $ST "│ 11/11" "PgDn on a short tree: to the last item"
ui_keys PPage
ui_expect_line $ST "│ 1/11" "PgUp: back to the first item"

# expand and collapse
ui_keys G
ui_expect_line 12 "▸ 4. 対策項目" "4. 対策項目 starts collapsed (▸)"
ui_keys Enter
ui_expect_line 12 "▾ 4. 対策項目" "Enter expands (▾)"
ui_expect_line $ST "│ 11/15" "Enter: 4 children appear (11/15)"
ui_keys Enter
ui_expect_line $ST "│ 11/11" "Enter again collapses (11/11)"
ui_keys Space
ui_expect_line $ST "│ 11/15" "Space expands"
ui_keys Space
ui_expect_line $ST "│ 11/11" "Space collapses"
ui_keys Right
ui_expect_line $ST "│ 11/15" "Right expands"
ui_keys Right
ui_expect_line $ST "│ 12/15" "Right on an open item steps into it"
ui_expect_line 1 "› 4.1. 「Plan（計画）」の観点" "breadcrumbs: 4.1. 「Plan（計画）」の観点"
ui_keys l
ui_expect_line $ST "│ 12/19" "l expands 4.1"
ui_keys l
ui_expect_line $ST "│ 13/19" "l again steps into 4.1.1"
ui_expect_line 1 "4.1.1. 「組織の状況」の観点" "breadcrumbs: 4.1.1. 「組織の状況」の観点"
ui_keys Left
ui_expect_line $ST "│ 12/19" "Left on a closed item goes to its parent"
ui_expect_line 1 "› 4.1. 「Plan（計画）」の観点" "breadcrumbs back at 4.1."
ui_keys h
ui_expect_line $ST "│ 12/15" "h on an open item collapses it"
ui_keys h
ui_expect_line $ST "│ 11/15" "h on a closed item goes to its parent"
ui_keys BSpace
ui_expect_line $ST "│ 11/11" "BkSp collapses like h"
ui_keys '*'
ui_expect_line $ST "│ 11/50" "* expands every item (50 rows), the cursor stays"
ui_keys NPage
ui_expect_line $ST "│ 21/50" "PgDn moves one page (10 rows of an 11-row tree)"
ui_keys NPage
ui_expect_line $ST "│ 31/50" "PgDn again"
ui_keys PPage
ui_expect_line $ST "│ 21/50" "PgUp moves one page back"
ui_expect_line 1 "› （１）情報セキュリ" "breadcrumbs after paging: 4.1.3.（１）"
ui_keys '-'
ui_expect_line $ST "│ 3/3" "- collapses every item, the cursor goes to the chapter"
ui_expect_line 1 "kijun › 第5版（2019年改定版） › Ⅱ．「安全基準等」で規定が望まれる項目" "breadcrumbs: the chapter Ⅱ．"

# the detail pane: Tab gives it the focus, then j scrolls it
ui_restart 80 24 --edition v5 --demo --lang en
ui_keys L # the Guideline text in Japanese, the screens in English
ui_wait "kijun"
ui_keys G
ui_expect_line 14 "4. 対策項目" "detail starts with the heading"
ui_expect_line 15 "ISO27001" "summary below the heading"
ui_keys Tab
ui_expect "Detail pane: arrows scroll" "Tab: the detail pane has the focus"
ui_keys j
ui_expect_line 14 "ISO27001" "j in the detail pane scrolls the text"
ui_expect_line $ST "│ 11/11" "j in the detail pane leaves the cursor alone"
ui_keys j j
ui_expect_line 14 "セス制御" "j j scrolls two more lines"
ui_keys k
ui_expect_line 14 "tの4つの観点" "k scrolls back"
ui_keys Tab
ui_expect "Tree: arrows move" "Tab again: the tree has the focus"
ui_keys k
ui_expect_line $ST "│ 10/11" "k moves the cursor again"
ui_expect_line 14 "3. 関係主体の役割" "the detail shows the new item from its top"

# --- 120x40, Japanese: the detail fields -------------------------------------
ui_restart 120 40 --edition v5 --demo --lang en
ui_keys L # the Guideline text in Japanese, the screens in English
ui_wait "kijun"
ui_expect_line 2 "│ はじめに" "ja 120x40: tree and detail side by side"
ui_keys '*'
down 16
ui_expect_line 39 "│ 17/50" "120x40: position 17/50"
ui_expect_line 1 "› （１）経営層のコミットメント" "breadcrumbs end at （１）経営層のコミットメント"
ui_expect_line 1 "4.1.2." "breadcrumbs include the parent 4.1.2."
ui_expect "経営層が情報セキュリティへの関与と責任" "detail shows the summary"
ui_expect "Phase       Plan（計画）" "detail shows the phase (inherited Plan)"
ui_expect "NIST CSF    GV 統治" "detail shows the NIST CSF function"
ui_expect "Baseline    no" "detail: not a baseline item"
ui_expect "Change      移動" "detail shows the change (moved)"
ui_expect "→ 2023年指針の2022年案: II．1. 経営方針" "detail shows the first mapped item"
ui_expect "→ 2023年指針の2022年案: II．3. サイバー" "detail shows the second mapped item"
# The mapped items are rev II.1 and II.3; "1." and "3." alone are numbers
# that several places of the revised draft share, so the chapter shows.
ui_sync
ui_screen | grep -F "→ 2023年指針の2022年案:" | sed 's/.*→ 2023年指針の2022年案://' | grep -q "II"
ui_result $? "the mapped item names its chapter (II)"
ui_expect_line 1 "kijun › 第5版（2019年改定版） › " "header still on the 5th edition"

ui_restart 120 40 --demo --lang en --edition rev
ui_keys L # the Guideline text in Japanese, the screens in English
ui_wait "kijun"
ui_expect_line 8 "II．組織統治におけるサイバーセキュリティ" "rev: chapter II on line 8"
ui_expect_line 8 "[B]" "rev: [B] marks baseline chapter II in the tree"
ui_expect_line 12 "III．リスクマネジメントに関して実施すべき項目" "rev: chapter III on line 12"
ui_expect_line_not 12 "[B]" "rev: no [B] on chapter III (not baseline)"
down 6
ui_expect_line 39 "│ 7/19" "rev: position 7/19"
ui_expect "Baseline    [B] yes" "detail: baseline item"
ui_expect "Change      新設" "detail: new in the revised draft"

# --- 80x24, English ----------------------------------------------------------
ui_restart 80 24 --edition v5 --demo --lang en
ui_wait "kijun"
ui_expect_line 1 "kijun › 5th edition (2019 revision) › Introduction" "en 80x24: header in English"
ui_expect_line $ST "│ 5th edition (2019 revision) (abolished) │ en │ 1/11" "en: status line in English"
ui_expect "Change      unchanged" "en: change in English"
ui_expect "→ 2022 draft of the 2023 Guideline: Introduction" "en: mapped item in English"
ui_expect "kijun's library has no summary of this item; read more in its source:" \
    "en: an item without a summary says what is missing and where to read more"
ui_expect "slide 23." "en: ... and names the item's source"
ui_expect_not "seed" "en: no internal word (the seed) on the first screen"
ui_keys j
ui_expect_line 1 "kijun › 5th edition (2019 revision) › I. Purpose and positioning" "en j: breadcrumbs follow"
ui_keys Down
ui_expect_line $ST "│ 3/11" "en Down: 3/11"
ui_keys Up k
ui_expect_line $ST "│ 1/11" "en Up k: 1/11"
ui_keys End
ui_expect_line 1 "4. Measures" "en End: 4. Measures"
ui_expect_line 12 "▸ 4. Measures" "en: Measures collapsed"
ui_keys Enter
ui_expect_line $ST "│ 11/15" "en Enter expands"
ui_keys l
ui_expect_line 1 '"Plan" perspective' "en l steps into 4.1"
ui_keys h
ui_expect_line $ST "│ 11/15" "en h goes to the parent"
ui_expect_line 1 "4. Measures" "en breadcrumbs back at 4. Measures"
# The short breadcrumbs show ancestors by number only; in English they
# should use the ASCII numbers of the tree (II.), not Ⅱ．
ui_sync
ui_screen | sed -n 1p | grep -qF "› II. › 4. Measures"
ui_result $? "en breadcrumbs number chapter II as in the tree (II.)"
ui_keys '*' End
ui_expect_line $ST "│ 50/50" "en * End: 50/50"
ui_expect_line 1 "› (1) Correctiv" "en breadcrumbs at the last item"
ui_keys Home NPage
ui_expect_line $ST "│ 11/50" "en PgDn: 11/50"
ui_keys PPage
ui_expect_line $ST "│ 1/50" "en PgUp: 1/50"
ui_keys '-'
ui_expect_line $ST "│ 1/3" "en - collapses every item"

# --- 132x43, English: the tree takes the width it needs, up to half ----------
# ui_expect_line_re N REGEX DESC: screen line N matches the extended REGEX.
ui_expect_line_re() {
    ui_sync
    if ui_screen | sed -n "$1p" | grep -qE -- "$2"; then ui_result 0 "$3"; else ui_result 1 "$3"; fi
}
ui_restart 132 43 --edition v5 --demo --lang en
ui_wait "kijun"
ui_keys -
ui_expect_line 4 '▸ II. Items desirable to specify in the "safety standards" │' \
    "132x43, collapsed: the longest title whole, the separator just after it"
ui_keys '*'
ui_expect_line_re 3 '^▾ I\. Purpose and positioning {38}│ ' \
    "132x43, all open: the tree takes half the width (66 columns)"
ui_expect_line 4 "1. Importance of information security measures in critical in…│" \
    "132x43: a title longer than half the width is cut at the separator"
ui_keys L
ui_keys -
ui_expect_line 4 "▸ Ⅱ．「安全基準等」で規定が望まれる項目 │" \
    "132x43 ja, collapsed: the tree as wide as its longest title"

# --- 120x40, English -----------------------------------------------------------
ui_restart 120 40 --edition v5 --demo --lang en
ui_wait "kijun"
ui_keys '*'
down 16
ui_expect_line 1 "› (1) Executive commitment" "en 120x40: breadcrumbs at (1) Executive commitment"
ui_expect "Asks executives to commit to information security" "en: summary"
ui_expect "Phase       Plan" "en: phase"
ui_expect "NIST CSF    GV Govern" "en: NIST CSF"
ui_expect "Baseline    no" "en: baseline"
ui_expect "Change      moved" "en: change"
ui_expect "→ 2022 draft of the 2023 Guideline: II. 1." "en: mapped item"
down 6
ui_expect_line 1 "(ア) Human resource security (outsourcing)" "en: (ア) keeps its kana number"
ui_sync
ui_screen | sed -n 1p | grep -qF "› (2) › (ア)"
ui_result $? "en breadcrumbs number the parent as in the tree: (2)"

# --- the WORKSPACE argument ----------------------------------------------------
"$KIJUN" init "$T/ws" >/dev/null 2>&1
ui_restart 80 24 --edition v5 --lang en "$T/ws"
ui_keys L # the Guideline text in Japanese, the screens in English
ui_wait "kijun"
ui_expect_line $ST " ws │ 第5版（2019年改定版） (廃止) │ ja │ 1/11" "a WORKSPACE shows its folder name on the status line"
ui_keys q
ui_expect_exit 0 "q quits with status 0"
mkdir "$T/empty"
ui_restart 80 24 --edition v5 --lang en "$T/empty"
ui_wait "kijun"
# It has no profile.cfg, so kijun opens it read-only and says so; the
# long notice takes the whole status line until the next key.
ui_expect_line $ST "Read-only: the folder has no profile.cfg" "an empty folder as WORKSPACE: the status line says Read-only"
ui_keys L j k # (L: the Guideline text in Japanese)
ui_expect_line $ST " empty │ 第5版（2019年改定版） (廃止) │ ja │ 1/11" "an empty folder as WORKSPACE: its name on the status line"
ui_keys q
ui_expect_exit 0 "q quits the read-only workbench with status 0"
: >"$T/file"
ui_restart 80 24 --edition v5 "$T/file"
ui_expect "$T/file: error: not a workspace folder" "a file as WORKSPACE: an error naming it"
ui_expect_exit 2 "a file as WORKSPACE: exit status 2"
ui_restart 80 24 --edition v5 "$T/missing"
ui_expect "$T/missing: error" "a missing WORKSPACE: an error naming it"
ui_expect_exit 2 "a missing WORKSPACE: exit status 2"

# the detail pane's labels align by display width in both languages (the
# Japanese "ベースライン" is 12 columns, wider than any English label):
# the value after each label starts in one column
value_columns() {
    ui_screen | python3 -c '
import sys, unicodedata
labels = sys.argv[1:]
def w(s): return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
cols = set()
for line in sys.stdin.read().split("\n"):
    for l in labels:
        if line.startswith(" " + l + " "):
            rest = line[1 + len(l):]
            cols.add(1 + w(l) + len(rest) - len(rest.lstrip(" ")))
print(" ".join(str(c) for c in sorted(cols)))' "$@"
}
ui_restart 80 24 --demo --lang ja
ui_wait "kijun"
ui_keys j j
ui_expect " ベースライン" "ja: the detail pane shows the baseline label"
c=$(value_columns "$(ja Phase)" "NIST CSF" "$(ja Baseline)" "$(ja Change)")
[ "$(echo $c | wc -w)" = 1 ]; ui_result $? "ja: the values of Phase, NIST CSF, Baseline and Change start in one column ($c)"
ui_restart 80 24 --demo --lang en
ui_wait "kijun"
ui_keys j j
c=$(value_columns Phase "NIST CSF" Baseline Change)
[ "$(echo $c | wc -w)" = 1 ]; ui_result $? "en: the values start in one column ($c)"
ui_keys Q

ui_done
