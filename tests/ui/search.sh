#!/bin/bash
# search.sh: the incremental search: the prompt on the status line, the
# jump to the first match, N/M counts, highlighting, n / N, no match,
# Esc back to the start, line editing in the prompt; Japanese and English.
#
# Screen map at 99x24 (80 columns cut the longer edition labels): line 1 header (breadcrumbs), lines 2-12 the tree,
# line 23 the status line (the prompt while searching), line 24 key bar.
. "$KIJUN_TESTS/ui/lib.sh"
ui_private_home

# ui_expect_line_re N REGEX DESC: screen line N matches the extended REGEX.
ui_expect_line_re() {
    ui_sync
    ui_screen | sed -n "$1p" | grep -qE -- "$2"
    ui_result $? "$3"
}
# ui_expect_hl ROWTEXT MATCH DESC: on the screen row holding ROWTEXT, the
# text MATCH starts right after an attribute change (the highlight).
ui_expect_hl() {
    ui_sync
    t capture-pane -e -p -t ui | grep -F -- "$1" | grep -qF -- "m$2"
    ui_result $? "$3"
}

ST=23

# --- Japanese, revised draft (where サプライチェーン is) -----------------------
ui_start 99 24 --demo --lang en --edition rev
ui_keys L # the Guideline text in Japanese, the screens in English
ui_wait "kijun"
ui_expect_line 1 "kijun › 2023年指針の2022年案 › はじめに" "ja rev: starts at はじめに"
ui_keys /
ui_expect_line_re $ST '^/ *$' "/ opens an empty prompt on the status line"
ui_expect_line 24 "Enter Accept Esc Cancel" "the key bar shows the prompt's keys"
ui_type "サプライ"
ui_expect_line $ST "/サプライ" "typed text shows in the prompt"
ui_expect_line_re $ST ' 1/4 *$' "the prompt counts the matches: 1/4"
ui_expect_line 1 "› 3. 計画" "incremental: the cursor jumps to the first match (3. 計画)"
ui_type "チェーン"
ui_expect_line $ST "/サプライチェーン" "the prompt holds サプライチェーン"
ui_expect_line_re $ST ' 1/4 *$' "still 1/4 matches"
ui_keys Enter
ui_expect_line $ST 'Match 1 of 4 for "サプライチェーン"' "Enter keeps the query: Match 1 of 4"
ui_expect_line $ST "│ ja │ 15/22" "Enter: the status line is back, the cursor on the match"
ui_expect_line 1 "› 3. 計画" "Enter: the cursor stays on the match"
ui_keys n
ui_expect_line $ST 'Match 2 of 4 for "サプライチェーン"' "n: Match 2 of 4"
ui_expect_line 1 "› 3.4. サプライチェーンの" "n: the cursor on 3.4. サプライチェーンの管理"
ui_expect_hl "3.4. " "サプライチェーン" "the match is highlighted in the tree"
ui_keys n
ui_expect_line $ST 'Match 3 of 4' "n: Match 3 of 4"
ui_expect_line 1 "› 4.2. 関係主体間による情報" "n: the cursor on 4.2."
ui_keys n
ui_expect_line $ST 'Match 4 of 4' "n: Match 4 of 4"
ui_expect_line 1 "› 1. 組織的なセキュリティ" "n: the cursor on IV.4.1."
ui_keys n
ui_expect_line $ST 'Match 1 of 4' "n after the last match wraps to Match 1"
ui_expect_line 1 "› 3. 計画" "n wraps to 3. 計画"
ui_keys N
ui_expect_line $ST 'Match 4 of 4' "N before the first match wraps to Match 4"
ui_expect_line 1 "› 1. 組織的なセキュリティ" "N: back on IV.4.1."
ui_keys N
ui_expect_line $ST 'Match 3 of 4' "N: Match 3 of 4"
ui_expect_line 1 "› 4.2. 関係主体間による情報" "N: back on 4.2."

# Esc returns to where the search started
ui_keys g
ui_expect_line 1 "kijun › 2023年指針の2022年案 › はじめに" "g: back at はじめに"
ui_keys /
ui_type "暗号"
ui_expect_line_not 1 "› はじめに" "typing 暗号 moves the cursor"
ui_keys Escape
ui_expect_line 1 "kijun › 2023年指針の2022年案 › はじめに" "Esc returns to where the search started"
ui_expect_line $ST "Search cancelled" "Esc: Search cancelled"
ui_keys n
ui_expect_line $ST "No search yet: press / to search" "n after Esc: no search"

# a query with no match
ui_keys /
ui_type "存在しない語"
ui_expect_line_re $ST ' no match *$' "a query without match: the prompt says no match"
ui_expect_line 1 "› はじめに" "no match: the cursor stays"
ui_keys Enter
ui_expect_line $ST 'No match for "存在しない語"' "Enter: No match for ..."
ui_keys n
ui_expect_line $ST 'No match for "存在しない語"' "n: No match for ..."
ui_expect 'No match for "存在しない語" in 2023年指針の2022年案, nor in the other editions' \
    "no match in any edition: it says so, for this edition and the others"
ui_expect_line 1 "› はじめに" "n without match: the cursor stays"

# the 5th edition never says サプライチェーン
ui_restart 99 24 --edition v5 --demo --lang en
ui_keys L # the Guideline text in Japanese, the screens in English
ui_wait "kijun"
ui_keys /
ui_type "サプライチェーン"
ui_expect_line_re $ST ' no match *$' "v5: no match for サプライチェーン"
ui_keys Escape
ui_keys /
ui_type "供給者"
ui_expect_line_re $ST ' 1/1 *$' "v5: 供給者 matches once"
ui_expect_line 1 "› （ケ）供給者関係" "v5: the cursor on （ケ）供給者関係"
ui_keys Enter
ui_expect_hl "（ケ）" "供給者" "v5: 供給者 is highlighted"

# --- English --------------------------------------------------------------------
ui_restart 99 24 --edition v5 --demo --lang en
ui_wait "kijun"
ui_keys /
ui_type "training"
ui_expect_line_re $ST '^/training +1/4 *$' "en: /training finds 4 matches"
ui_expect_line 1 "› 4.1.4. Support" "en: the first match is 4.1.4. Support (its summary)"
ui_keys Enter
ui_expect_line $ST 'Match 1 of 4 for "training"' "en Enter: Match 1 of 4"
ui_keys n
ui_expect_line $ST 'Match 2 of 4' "en n: Match 2 of 4"
ui_expect_line 1 "› (2) Training and awareness" "en n: (2) Training and awareness"
ui_expect_hl "and awareness" "Training" "en: the match is highlighted, case-insensitively"
ui_keys n
ui_expect_line 1 "› 4.2.1. Operation" "en n: 4.2.1. Operation"
ui_keys n
ui_expect_line $ST 'Match 4 of 4' "en n: Match 4 of 4"
ui_expect_line 1 "(3) Conducting exercises" "en n: (3) Conducting exercises and training"
ui_keys N N
ui_expect_line $ST 'Match 2 of 4' "en N N: Match 2 of 4"
ui_expect_line 1 "› (2) Training and awareness" "en N N: back on (2)"
ui_keys /
ui_type "TRAINING"
ui_expect_line_re $ST ' 2/4 *$' "upper case matches too; the search starts at the current item"
ui_keys Escape
ui_expect_line 1 "› (2) Training and awareness" "en Esc: back on (2)"

# line editing in the prompt
ui_keys g
ui_keys /
ui_type "cryptograhy"
ui_expect_line_re $ST '^/cryptograhy +no match *$' "a typo: no match"
ui_keys Left Left
ui_type "p"
ui_expect_line_re $ST '^/cryptography +1/1 *$' "Left Left then p inserts before hy: cryptography, 1/1"
ui_expect_line 1 "(エ) Cryptography" "the cursor on (エ) Cryptography"
ui_keys C-e BSpace
ui_expect_line_re $ST '^/cryptograph +1/1 *$' "C-e BSpace deletes the last character"
ui_keys C-a
ui_type "x"
ui_expect_line_re $ST '^/xcryptograph +no match *$' "C-a then x inserts at the start"
ui_expect_line 1 "kijun › 5th edition (2019 revision) › Introduction" "no match: the cursor back where the search started"
ui_keys C-u
ui_expect_line_re $ST '^/cryptograph +1/1 *$' "C-u deletes to the start (the x)"
ui_keys C-e C-u
ui_expect_line_re $ST '^/ *$' "C-e C-u empties the prompt"
ui_expect_line 1 "kijun › 5th edition (2019 revision) › Introduction" "empty query: the cursor where the search started"
ui_type "audit"
ui_keys Home DC
ui_expect_line_re $ST '^/udit +' "Home Del deletes the first character"
ui_keys End C-w
ui_expect_line_re $ST '^/ *$' "End C-w deletes the word"
ui_keys Escape
ui_expect_line $ST "│ en │ 1/41  Search cancelled" "Esc: the status line is back"
ui_expect_line 24 "? Help" "Esc: the browser's key bar is back"

# no match in this edition: the others with matches are offered, and the
# edition key (from the action table) searches there
ui_restart 132 24 --edition v5 --demo --lang en
ui_keys L # the Guideline text in Japanese, the screens in English
ui_wait "kijun"
ui_keys /
ui_type "サプライチェーン"
ui_keys Enter
ui_expect 'No match for "サプライチェーン" in 第5版（2019年改定版）; 4 matches in 2023年指針の2022年案: press e' \
    "v5: no match here; the revised draft's 4 matches are offered with the key"
ui_keys e
ui_expect_line 1 "kijun › 2023年指針の2022年案" "e: the search goes on in the revised draft"
ui_expect_line 1 "› 3. 計画" "e: on the first match there (3. 計画)"
ui_expect '2023年指針の2022年案: match 1 of 4 for "サプライチェーン"' "e: the match counted in its edition"
ui_keys n
ui_expect_line $ST 'Match 2 of 4 for "サプライチェーン"' "n: the next match in the revised draft"
ui_keys e
ui_expect_line 1 "kijun › 第5版" "e with matches here: the edition switch as ever"
ui_keys g / && ui_type "サプライチェーン" && ui_keys Enter j e
ui_expect_line 1 "kijun › 2023年指針の2022年案 › Ⅰ．目的及び位置付け" \
    "the offer holds for the next key only: j then e switches as ever (the counterpart)"
ui_restart 132 24 --edition v5 --demo --lang en
ui_wait "kijun"
ui_keys / && ui_type "zzzq" && ui_keys Enter
ui_expect 'No match for "zzzq" in 5th edition (2019 revision), nor in the other editions' "en: no match anywhere"
ui_keys e
ui_expect_line 1 "kijun › 2022 draft of the 2023 Guideline" "e without matches anywhere: the edition switch as ever"

ui_done
