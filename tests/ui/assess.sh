#!/bin/sh
# UI test: walk the five steps of the demo's 2026 round at 80x24 (en and
# ja): progress, next step, scoping, register (sort, filters), heat map,
# a risk's form, validation with jump and sign-off, review with the
# comparison; a new round; saving writes assessments/NAME.cfg.
. "$KIJUN_TESTS/ui/lib.sh"

UI_ENV="KIJUN_TODAY=2026-11-25"
ui_start 80 24 --demo --lang en
ui_wait "kijun"
ui_keys 5
ui_expect "Assessment rounds (assessments/*.cfg)" "5 opens the assessment rounds"
ui_expect "2025     2025-06-01" "the earlier round is listed"
ui_expect_line 4 ">2026     2026-06-01 | 30 risks" "the newest round is selected"
ui_expect "next: 3 Risk assessment" "the list says which step a round needs next"
ui_keys Enter
ui_expect "Round 2026, 2026-06-01" "Enter opens the round"
ui_expect "Next: 3 Risk assessment: resource" "the round says which step needs attention and why"
ui_expect "1 Preparation" "step 1 is listed with the Handbook's name"
ui_expect "7/7   done" "preparation is complete (7/7)"
ui_expect "! to do" "unfinished steps are marked"
ui_expect "Risks 30: L 7, M 9, H 9, V 5" "the round counts its risks per band"
ui_expect "overdue 3 | accepted 3" "and the overdue and accepted ones"

# step 1: the preparation form
ui_keys Enter
ui_expect "*Purpose" "step 1 opens the preparation form"
ui_expect "Threshold" "with the round's threshold"
ui_keys q
ui_expect "Round 2026" "q returns to the steps"

# step 2: scoping
ui_keys j Enter
ui_expect "Scoping: Space puts" "step 2 shows the scoping"
ui_expect "! No operations in the profile for: Water quality information" "a service without operations is named at the top"
ui_expect_line 4 ">[x] Drinking water supply" "services in scope are marked [x]"
ui_keys j j
ui_expect_line 6 ">        [x] Central monitoring" "the cursor is on a resource in scope"
ui_keys Space
ui_expect_line 6 ">        [ ] Central monitoring" "Space takes a resource out of scope"
ui_expect "[+] modified" "the change is unsaved"
ui_keys Space
ui_expect_line 6 ">        [x] Central monitoring" "Space puts it back"
ui_keys a
ui_expect "New resource for the scoping" "a adds a missing resource in the profile"
ui_keys Enter
ui_type "Spare PLC"
ui_keys Enter j Enter j j j j Enter q q 5 G
ui_expect ">        [ ] Spare PLC (OT/ICS device)" "back in the scoping, the new resource can be put in scope"
ui_keys Space
ui_expect ">        [x] Spare PLC (OT/ICS device)" "Space puts it in scope"
ui_keys Space
ui_keys q

# step 3: the register, sort and filters
ui_keys j Enter
ui_expect "Register: 30 of 30, by residual value" "step 3 is the register"
ui_expect_line 3 "[V 20]" "the highest residual value comes first"
ui_expect "!overdue" "overdue risks are marked"
ui_keys o
ui_expect "by service" "o sorts by service"
ui_keys o o o f f f
ui_expect "band high" "f filters by band"
ui_expect "Register: 9 of 30" "nine high risks"
ui_keys f
ui_expect "Register: 5 of 30" "five very high risks"
ui_keys x
ui_expect "Register: 30 of 30" "x clears the filters"
ui_keys /
ui_type "VPN"
ui_keys Enter
ui_expect "text \"VPN\"" "/ filters by text"
ui_keys Enter
ui_expect "Inherent" "Enter opens a risk with its inherent and residual values"
ui_expect "*Risk" "the risk's form"
ui_keys q x

# the heat map, and a cell's risks
ui_keys m
ui_expect "Heat map: residual risks" "m shows the heat map"
ui_expect "I5" "rows by impact"
ui_expect "V  3" "cells show the band letter and the count"
ui_keys Up Up Up Up Right Right Right
ui_expect "Cell: impact 5" "arrows move the cell"
ui_expect "x likelihood 4" "to impact 5 x likelihood 4"
ui_keys Enter
ui_expect "cell I5 x L4" "Enter lists the cell's risks"
ui_expect "Register: 3 of 30" "the three risks of that cell"
ui_keys q q

# step 4: validation, jump to an item, sign-off
ui_keys j Enter
ui_expect "Validation: the automatic checks" "step 4 lists the checks"
ui_expect "[!!] 3" "failed checks are marked"
ui_expect " ok  1" "passed checks too"
ui_expect_line 3 "[!!] 3" "failed checks come first"
ui_keys S
ui_expect "Choose" "S asks which step to sign off"
ui_expect "   Assessment" "it offers the steps not signed off yet"
ui_expect_not "   Preparation" "and not those signed off"
ui_keys Enter Enter
ui_type "Onishi Ryo"
ui_keys Enter j Enter
ui_type "2026-02-30"
ui_keys Enter
ui_expect "Date: '2026-02-30' is no date; write YYYY-MM-DD (today: 2026-11-25)" "a day that does not exist is refused, with the format and today"
ui_keys C-u
ui_type "2027年6月"
ui_keys Enter
ui_expect "Date: '2027年6月' is no date" "so is a date in words"
ui_keys C-u
ui_type "2026-11-30"
ui_keys Enter
ui_expect_not "is no date" "a real date is taken"
ui_expect_line 2 "Onishi Ryo" "the sign-off records the reviewer"
ui_keys q
ui_expect "Validation: the automatic checks" "q returns to the checks"
ui_expect_not "[!!] 4 a reviewer signed off Assessment" "the sign-off's check no longer fails"
ui_keys g Enter
ui_expect "Register: 30 of 30" "Enter on a resource without a risk goes to the register"
ui_keys q
ui_expect "Validation: the automatic checks" "q comes back from the followed check to the checks"
ui_keys q

# step 5: review and comparison
ui_keys j Enter
ui_expect "Next review: 2026-10-01 ! passed" "the passed review date is flagged"
ui_expect "Review log (2" "the review log"
ui_expect "Compared with 2025 (c: another): 5 rose, 13 added, 8 fell, 3 removed" "the comparison counts risks that rose, were added, fell and were removed"
ui_expect_line 9 "^ rose" "risks that rose come first"
ui_expect "+ added" "then those added"
ui_keys G
ui_expect "- removed" "and at the end those removed"
ui_expect "v fell" "after those that fell"
ui_keys q q

# a new round, saved as a file
ui_keys a
ui_type "2027"
ui_keys Enter
ui_expect "New round \"2027\"" "a starts a new round"
ui_expect "[+] modified" "the new round is unsaved"
ui_keys s
ui_expect "Saved; 1 finding (6 shows it) in 2027.cfg" "s saves it, and says what remains to do"
ui_stop
ui_done
