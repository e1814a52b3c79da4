#!/bin/sh
# UI test: the risk register as a table (columns by display width, a
# header with the sort mark, the preview from 120 columns) at 80x24,
# 120x40 and 132x43 in English and Japanese; its incremental text
# filter; the scale's levels with their labels.
. "$KIJUN_TESTS/ui/lib.sh"

UI_ENV="KIJUN_TODAY=2026-11-25"
open_register() { # lang cols rows
    ui_start "$2" "$3" --demo --lang "$1"
    ui_wait "kijun"
    ui_keys 5 Enter j j Enter
}

open_register en 80 24
ui_expect_line 3 " Value ▼ Risk" "80x24 en: a header row, the sort mark on the value"
ui_expect_line 3 "Owner" "80x24 en: the owner column"
ui_expect_line 3 "Due" "80x24 en: the due column"
ui_expect_line 4 "2026-09-30 overdue" "80x24 en: the due date and the flag of an overdue risk"
ui_expect_line 4 "Head, Electrical and In" "80x24 en: the owner shows"
ui_expect_line 4 ">V 20    An unpatched flaw in the m…" "80x24 en: the title is cut with an ellipsis"
ui_expect_line_not 3 "Service" "80x24 en: no service column at 80"
ui_expect_line 8 "Head, Treatment Division 2027-03-31" "80x24 en: an owner that fits is not cut"
ui_check_fit 80 "80x24 en: the table fits"
ui_keys o
ui_expect_line 3 "Value   Risk" "o: the mark leaves the value"
ui_expect "by service" "o sorts by service"
ui_keys o
ui_expect_line 3 "Owner ▲" "o again: the mark on the owner"
ui_keys o
ui_expect_line 3 "Due ▲" "and on the due date"

# the text filter narrows the register as it is typed; Esc restores
ui_keys o f f f
ui_expect "Register: 9 of 30, by residual value; band high" "a band filter first"
ui_keys /
ui_expect_line 23 "Filter:" "/: the prompt says it is the filter"
ui_expect "Narrows the register as you type (title, scenario" "and what it looks in"
ui_type "Ransom"
ui_expect "Register: 1 of 30, by residual value; band high; text \"Ransom\"" "the register narrows as the text is typed, before Enter"
ui_keys BSpace BSpace BSpace BSpace BSpace
ui_expect "text \"R\"" "and widens as it is erased"
ui_keys Escape
ui_expect "Register: 9 of 30, by residual value; band high" "Esc restores the filter before the prompt"
ui_expect_not "text \"" "no text filter left"
ui_keys /
ui_type "VPN"
ui_keys Enter
ui_expect "Register: 1 of 30, by residual value; band high; text \"VPN\"" "Enter keeps the text"
ui_keys / BSpace BSpace BSpace
ui_expect "Register: 9 of 30" "erased in the prompt: every high risk again"
ui_keys Escape
ui_expect "text \"VPN\"" "Esc brings back the text kept before"

# a date field offers today
ui_keys x Enter j j j j j j j j j j j j j
ui_expect "t writes today (2026-11-25)" "the date field's hint offers today"
ui_keys Enter t
ui_expect_line 15 " Due                2026-11-25" "t in the date field writes today"
ui_keys Escape
ui_expect_line 15 " Due                2026-09-30" "Esc keeps the date as it was"

open_register ja 80 24
ui_expect_line 3 "$(ja Value) ▼ $(ja Risk)" "80x24 ja: the header in Japanese, the sort mark"
ui_expect_line 3 "$(ja Owner)" "80x24 ja: the owner column"
ui_expect_line 4 "電気計装課長     2026-09-30 $(ja overdue)" "80x24 ja: owner, due date and flag by display width"
ui_expect_line 4 ">V 20       保守用VPN装置の脆弱性を突かれ" "80x24 ja: the title by display width"
ui_expect_line 4 "… 電気計装課長" "80x24 ja: cut with an ellipsis before the owner"
ui_check_fit 80 "80x24 ja: the table fits"

open_register en 120 40
ui_expect_line 3 "│ An unpatched flaw in the" "120x40 en: a preview of the selected risk beside the table"
ui_expect "5 Severe x 4 Likely = 20" "120x40 en: the preview names the levels by their labels"
ui_expect "│  attackers exploit a…" "a text the preview cuts ends in an ellipsis, though its last line would fit"
ui_keys j
ui_expect_line 3 "│ Ransomware encrypts" "the preview follows the cursor"
ui_check_fit 120 "120x40 en: it fits"

# below 132 columns service and decision only where the title keeps 30
open_register en 100 30
ui_expect_line_not 3 "Service" "100 columns en: no service column, it would crowd the title"
ui_expect_line 4 "An unpatched flaw in the maintenance VPN lets" "100 columns en: the title has the room"
open_register ja 110 30
ui_expect_line 3 "$(ja Service)" "110 columns ja: service and decision fit beside a title of 30"

for lang in en ja; do
    open_register $lang 132 43
    ui_expect_line 3 "$( [ $lang = en ] && echo Service || ja Service)" "132x43 $lang: the service column"
    ui_expect_line 3 "$( [ $lang = en ] && echo Decision || ja Decision)" "132x43 $lang: the decision column"
    if [ $lang = en ]; then
        ui_expect "Sewage collection and treatment mitigate" "132x43 en: service and decision uncut"
        ui_expect "Customer service and billing    transfer" "132x43 en: a shorter service padded, uncut"
    else
        ui_expect "お客さま対応・料金 移転" "132x43 ja: service and decision uncut"
        ui_expect "下水の収集・処理   低減" "132x43 ja: a shorter service padded by display width"
    fi
    ui_check_fit 132 "132x43 $lang: it fits"
done
ui_done
