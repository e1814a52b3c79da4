#!/bin/sh
# UI test: pick lists. Enter without Space takes the highlighted choice
# of a list of several (Space then Enter takes the marks); a cut item is
# read whole below the list; a Japanese form is the same, line for line,
# after a pick list over it closes (no wide character split at the
# list's edges); the threat catalogue grouped by its sources, headings
# passed by the cursor; the risk form's texts; after deleting a risk the
# register, on the next risk.
. "$KIJUN_TESTS/ui/lib.sh"

UI_ENV="KIJUN_TODAY=2026-11-25"

# --- several choices: Enter alone takes the highlighted one
ui_start 80 24 --demo --lang en
ui_wait "kijun"
ui_keys 4 j j j j Enter Enter j
ui_expect_line 3 " Services     Drinking water supply" "an operation with one service"
ui_keys Enter
ui_expect "Choose (Space marks" "Enter on the services: a list of several"
ui_keys j Enter
ui_expect_line 3 " Services     Drinking water supply, Sewage collection and treatment" "Enter without Space takes the highlighted service too"
ui_keys Enter Space Enter
ui_expect_line 3 " Services     Sewage collection and treatment" "Space unmarks, and Enter then takes the marks as they are"

# --- Japanese: the form is the same after a pick list closes
ui_start 80 24 --demo --lang ja
ui_wait "kijun"
ui_keys 4 Enter j
before=$(ui_screen | sed -n 2,6p)
echo "$before" | grep -q "従業員数"; ui_result $? "ja: the organisation form, 従業員数 whole"
ui_keys Enter
ui_expect "$(ja " Choose (Enter takes, Esc cancels)" | sed 's/^ //')" "ja: a pick list over the form"
ui_keys Escape
after=$(ui_screen | sed -n 2,6p)
[ "$before" = "$after" ]; ui_result $? "ja: after Esc the form's lines are as before, character for character"
[ "$before" != "$after" ] && printf '%s\n---\n%s\n' "$before" "$after" | sed 's/^/#   /'
ui_keys Enter Enter
after=$(ui_screen | sed -n 2,6p)
[ "$before" = "$after" ]; ui_result $? "ja: and after a choice (the same sector) too"

# --- the threat catalogue, grouped by its sources
ui_start 80 24 --demo --lang en
ui_wait "kijun"
ui_keys 5 Enter j j Enter t
ui_expect_line 4 " Recent incident types and the measures they call for (slide 13)" "t: the catalogue's first group, its source's slide"
ui_expect "Supply-chain risks and countermeasure examples (slide 18)" "the supply-chain group, slide 18"
ui_expect "Misconceptions about control systems and example risks (slide 20)" "the control-system group, slide 20"
ui_expect_line 5 "    Ransomware infection" "the cursor starts on the first threat, not on a heading"
ui_keys Up
ui_expect_line 19 "  Ransomware infection: data was encrypted." "Up on the first threat stays on it"
ui_keys j j
ui_expect_line 19 "  Attackers exploited a vulnerability in a VPN at a contractor or overseas" "a threat cut in the list is read whole below it"
ui_keys j j j j j j
ui_expect_line 19 "  Security measures not implemented" "the cursor passes the next heading"
ui_keys Enter
ui_expect_line 2 "*Risk               Security measures not implemented" "Enter takes the threat, which names the risk"
ui_expect "Not scored yet: fill in impact and likelihood" "the form says the new risk is not scored yet"
ui_expect_not "below the threshold" "and not that it is below the threshold"
ui_keys d y
ui_expect "Register: 30 of 30" "deleting the new risk: back in the register"

# --- after deleting a risk: the register, on the next one
ui_keys j Enter d y
ui_expect "Register: 29 of 29" "deleting a risk from its form: the register"
ui_expect_line 5 ">V 20    Operator workstations" "on the next risk"
ui_done
