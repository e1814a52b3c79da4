#!/bin/bash
# editions.sh: the status line names the edition's status as computed from
# its lineage for today (KIJUN_TODAY); the browser opens on the newest
# edition whose text is shipped unless --edition or kijunrc says otherwise;
# the editions screen (E) shows the lineage, what is shipped and what is
# metadata only, and how to add a text; Enter opens an edition with text.
#
# Screen map at 80x24: line 1 header, lines 2-22 the list, line 23 the
# status line, line 24 the key bar.
. "$KIJUN_TESTS/ui/lib.sh"
ui_private_home
BASE_ENV=$UI_ENV
today() { UI_ENV="$BASE_ENV KIJUN_TODAY=$1"; }

# --- the status line on several days ---------------------------------------------
today 2026-12-01
ui_start 80 24 --demo --lang en
ui_wait "kijun"
ui_expect_line 1 "kijun › 2022 draft of the 2023 Guideline ›" "no --edition: the newest edition with text (the 2022 draft)"
ui_expect_line 23 "│ 2022 draft of the 2023 Guideline (superseded) │ en │" "2026-12-01: the draft is superseded"
ui_expect_not "(draft)" "the label is no longer 'Revised draft (draft)'"
ui_restart 80 24 --demo --lang en --edition v5
ui_wait "kijun"
ui_expect_line 23 "│ 5th edition (2019 revision) (abolished) │" "2026-12-01: the 5th edition is abolished"
ui_restart 80 24 --demo --lang ja --edition v5
ui_wait "kijun"
ui_expect_line 23 "│ 第5版（2019年改定版） (廃止) │ ja │" "ja 2026-12-01: 廃止"
ui_expect_not "(現行)" "ja: the 5th edition is not called in force"
today 2023-08-01
ui_restart 80 24 --demo --lang en --edition v5
ui_wait "kijun"
ui_expect_line 23 "│ 5th edition (2019 revision) (superseded) │" "2023-08-01: superseded by the 2023 Guideline"
today 2020-06-01
ui_restart 80 24 --demo --lang en --edition v5
ui_wait "kijun"
ui_expect_line 23 "│ 5th edition (2019 revision) (in force) │" "2020-06-01: in force"
ui_restart 80 24 --demo --lang en
ui_wait "kijun"
ui_expect_line 23 "│ 2022 draft of the 2023 Guideline (not yet issued) │" "2020-06-01: the 2022 draft is not out yet"
today 2018-04-03
ui_restart 80 24 --demo --lang en --edition v5
ui_wait "kijun"
ui_expect_line 23 "│ 5th edition (2019 revision) (not yet issued) │" "2018-04-03: before the 5th edition"

# --- the editions screen, English ------------------------------------------------
today 2026-12-01
ui_restart 80 24 --demo --lang en
ui_wait "kijun"
ui_keys E
ui_expect_line 1 "kijun › Guideline › Editions" "E opens the editions screen"
ui_expect_line 23 "│ Editions │ 2022 draft of the 2023 Guideline (superseded) │ 2/5" "it starts on the edition shown"
ui_expect_line 24 "Enter Open" "the key bar: Enter opens"
ui_expect_line 24 "q Back" "the key bar: q goes back"
ui_expect " 2022 draft of the 2023 Guideline [superseded] text shipped: 60 items" "the draft: shipped, with its status"
ui_expect "2023-07-04  superseded, successor: 2023 Guideline" "the draft's successor and date"
ui_keys g
ui_expect "computed from the dates for today, 2026-12-01." "g: the heading names today"
ui_expect " 5th edition (2019 revision) [abolished] text shipped: 50 items" "the 5th edition: abolished, shipped"
ui_expect "2019        revised: Revised as the \"5th edition (revised)\"" "the 2019 revision, a partial date"
ui_expect "2019-04-18; confidence S+: several secondary sources)" "each date with source and confidence"
ui_expect "2018-04-04  decided:" "the decision of 2018-04-04"
ui_check_fit 80 "80x24: the editions screen fits"
ui_keys j j
ui_expect_line 23 "│ 2023 Guideline (abolished) │ 3/5" "j j: the 2023 Guideline"
ui_expect " 2023 Guideline [abolished] metadata only: its text is not in kijun" "the 2023 Guideline: metadata only"
ui_keys Enter
ui_expect "2023 Guideline: metadata only, kijun has no text of it" "Enter on metadata only: says so, stays"
ui_expect_line 1 "kijun › Guideline › Editions" "... on the editions screen"
ui_keys j
ui_expect " Unified Standards [in force] metadata only (no text); 6 topics from one" "the Unified Standards: in force, metadata only"
ui_expect "Topics (unnumbered; one secondary source): Organisational governance," "its six topics, marked as one secondary source"
ui_keys j
ui_expect " 2026 Guidelines [in force] metadata only: its text is not in kijun" "the 2026 Guidelines: in force since 2026-10-01"
ui_keys j
ui_expect_line 23 "the Handbook; how to add a text" "j past the editions: the Handbook and how to add a text"
ui_expect "The Handbook (the five steps of kijun's assessment) [superseded]" "the Handbook's lineage"
ui_expect "2023-07     superseded, successor: Risk Management Handbook" "the Handbook's successor (a partial date)"
ui_expect "\$XDG_DATA_HOME/kijun/library/" "how to add a text: the user library"
ui_expect "workspace's library/ folder" "... or the workspace's library/ folder"
ui_expect_not "seed" "no internal words"
[ "$(ui_screen | perl -CS -ne 'print if /[\x{3000}-\x{9fff}\x{ff00}-\x{ffef}]/' | wc -l)" = 0 ]
ui_result $? "the English screen shows no kanji or kana"
ui_keys g Enter
ui_expect_line 1 "kijun › 5th edition (2019 revision) › Introduction" "Enter on an edition with text opens it in the browser"
ui_expect_line 23 "│ 5th edition (2019 revision) (abolished) │ en │" "the status line follows"
ui_keys E q
ui_expect_line 1 "kijun › 5th edition (2019 revision) ›" "q goes back to the browser"
ui_keys e
ui_expect_line 1 "kijun › 2022 draft of the 2023 Guideline ›" "e skips the editions without text"
ui_keys e
ui_expect_line 1 "kijun › 5th edition (2019 revision) ›" "e again: back on the 5th edition"

# an item with a baseline mark: the detail says whose judgement it is
ui_restart 120 60 --demo --lang en --edition rev
ui_wait "kijun"
ui_keys j j j j j j
ui_expect_line 1 "› II. Cybersecurity in organisational governance" "rev II. selected"
ui_expect "The NIST CSF functions and the baseline mark are kijun's" "the detail: CSF and baseline are kijun's judgement"
ui_keys E
ui_expect "The NIST CSF functions (csf) and the baseline mark (baseline) of each item" "the editions screen: the data says so too"

# 2026-09-15: decided, not yet in force
today 2026-09-15
ui_restart 132 43 --demo --lang en
ui_wait "kijun"
ui_keys E G
ui_expect " Unified Standards [decided, not yet in force]" "2026-09-15: the Unified Standards decided"
ui_expect " 2023 Guideline [in force] metadata only" "2026-09-15: the 2023 Guideline in force"
ui_check_fit 132 "132x43: the editions screen fits"

# --- Japanese --------------------------------------------------------------------
today 2026-12-01
ui_restart 80 24 --demo --lang ja
ui_wait "kijun"
ui_keys E g
ui_expect_line 1 "kijun › 指針 › 版" "ja: the editions screen"
ui_expect " 第5版（2019年改定版） [廃止] 本文収録: 50 項目" "ja: the 5th edition abolished, shipped"
ui_expect "2026-10-01  廃止、後継: 策定ガイドライン" "ja: abolished on 2026-10-01, the successor"
ui_expect "確度 P: 一次資料" "ja: the confidence named"
ui_check_fit 80 "ja 80x24: the editions screen fits"
ui_keys G
ui_expect "書誌情報のみ: 本文はkijunにありません" "ja: metadata only"
ui_expect "library/ フォルダに置きます" "ja: how to add a text"
ui_resize 132 43
ui_check_fit 132 "ja 132x43: fits"
# each date's source in Japanese too (the data gives both)
ui_keys g
ui_expect "（出典: 第5版の表紙（転載されたもの）、確度 P: 一次資料）" "ja: the 5th edition's source in Japanese"
ui_expect "（出典: 元資料のスライド 8, 9, 22-25、確度 S: 単一の二次資料）" "ja: the draft's source in Japanese"
ui_expect_not "secondary sources agree" "ja: no source in English at the top"
ui_expect_not "annual report" "ja: the annual report by its Japanese name"
ui_keys G
ui_expect "（出典: 複数の二次資料が一致、確度 S+: 複数の二次資料）" "ja: the successors' sources in Japanese"
ui_expect "（出典: NISC 年次報告「サイバーセキュリティ2024」、p. 67、確度 P: 一次資料）" "ja: the Handbook's source in Japanese"
ui_expect_not "secondary sources agree" "ja: no source in English at the end"

# --- kijunrc and --edition -------------------------------------------------------
mkdir -p "$T/.config/kijun"
printf 'edition = "v5";\n' >"$T/.config/kijun/kijunrc"
ui_restart 80 24 --demo --lang en
ui_wait "kijun"
ui_expect_line 1 "kijun › 5th edition (2019 revision) ›" "kijunrc edition = \"v5\": the browser opens on it"
ui_restart 80 24 --demo --lang en --edition rev
ui_wait "kijun"
ui_expect_line 1 "kijun › 2022 draft of the 2023 Guideline ›" "--edition wins over kijunrc"
printf 'edition = "gl2026";\n' >"$T/.config/kijun/kijunrc"
ui_restart 80 24 --demo --lang en
ui_wait "kijun"
ui_expect "kijunrc: edition 'gl2026' has no text in the library" "kijunrc naming a metadata-only edition: a notice"
ui_expect_line 1 "kijun › 2022 draft of the 2023 Guideline ›" "... and the newest edition with text"
rm -f "$T/.config/kijun/kijunrc"
ui_restart 80 24 --demo --lang en --edition gl2026
ui_wait "kijun"
ui_expect "edition 'gl2026' is metadata only" "--edition gl2026: refused, says why"
ui_expect_exit 2 "--edition gl2026: exit 2"
# at 60x16 the last stop is taller than the screen: End shows its end,
# Up and Down scroll through it
today 2026-11-25
for l in en ja; do
    ui_restart 60 16 --demo --lang $l
    ui_wait "kijun"
    ui_keys E End
    if [ $l = en ]; then ui_expect "library/ folder to share it with the team." "$l 60x16: End reaches the end of the text"
    else ui_expect_line 13 "" "$l 60x16: End shows the last stop" ; fi
    ui_check_fit 60 "$l 60x16: the editions screen fits"
    ui_keys Q
done
ui_restart 60 16 --demo --lang en
ui_wait "kijun"
ui_keys E
# every line of every stop is reached with Down alone, to the end
ui_keys $(printf 'j %.0s' $(seq 150))
ui_expect "library/ folder to share it with the team." "60x16: Down scrolls through each stop to the end of the text"
ui_keys k
ui_expect_not "library/ folder to share it with the team." "Up scrolls back within the last stop"
ui_keys Q
ui_done
