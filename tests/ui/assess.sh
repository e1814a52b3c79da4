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
ui_expect "Next: 3 Risk assessment: not yet met: resource" "the round says which step needs attention and why"
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
ui_expect "Name of the new resource, used by \"Intake and purification\" and in scope" "a asks for a new resource's name, naming the operation under the cursor"
ui_keys Escape
ui_expect_not "Spare PLC" "Esc adds nothing"
ui_keys a
ui_type "Spare PLC"
ui_keys Enter
ui_expect "Added \"Spare PLC\" to the profile, used by \"Intake and purification\", in scope" "Enter adds it and says what it did"
ui_expect ">        [x] Spare PLC (kind not set)" "the new resource is under the operation, in scope, the cursor on it"
ui_expect_line 5 "       Intake and purification" "under the operation the cursor was on"
ui_keys Space
ui_expect ">        [ ] Spare PLC (kind not set)" "Space takes it out of scope as any other"
ui_keys g a
ui_expect "Name of the new resource, in scope (no operation under the cursor uses it)" "on a service: no operation to attach it to, said"
ui_keys Escape
# its kind, in the profile: the resource is the last there
ui_keys 4 j j j j j Enter G Enter j Enter j j j j Enter
ui_expect "OT/ICS device" "its kind is set in the profile"
ui_keys q q 5
ui_expect "[ ] Spare PLC (OT/ICS device)" "back in the scoping, with its kind"
ui_keys q

# step 3: the register, sort and filters
ui_keys j Enter
ui_expect "Register: 30 of 30, by residual value" "step 3 is the register"
ui_expect_line 3 "Value ▼ Risk" "the register is a table: its header, the sort mark on the value"
ui_expect_line 4 ">V 20" "the highest residual value comes first"
ui_expect "2026-09-30 overdue" "overdue risks are flagged"
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
ui_expect "Impact ↓        1 Rare      2 Unlikely  3 Possible  4 Likely" "the axes are named by the scales, the columns by their levels and labels"
ui_expect "                Likelihood →" "the columns are the likelihood"
ui_expect_line 5 "5 Severe         M  0" "rows by impact, by level and label"
ui_expect_not " L1 " "no L1..L5 heads that read as the band letter L"
ui_expect "V  3" "cells show the band letter and the count"
ui_keys Up Up Up Up Right Right Right
ui_expect "Cell: Impact 5" "arrows move the cell"
ui_expect "x Likelihood 4 (Likely) = 20, 3 risks" "to impact 5 x likelihood 4"
ui_keys Enter
ui_expect "cell impact 5 x likelihood 4" "Enter lists the cell's risks"
ui_expect "Register: 3 of 30" "the three risks of that cell"
ui_keys q q

# step 4: validation, jump to an item, sign-off
ui_keys j Enter
ui_expect "Validation: the automatic checks" "step 4 lists the checks"
ui_expect "[!!] 3" "failed checks are marked"
ui_expect " ok  1" "passed checks too"
ui_expect_line 4 "[!!] 3" "failed checks come first (below the heading, whole on two lines at 80 columns)"
ui_keys S
ui_expect "Sign-offs: 2 entries" "S shows the round's sign-offs"
ui_expect "Preparation | 2026-06-12 | valid | Onishi Ryo" "each by its step's name, date, state and reviewer"
ui_expect_not "prep |" "not by the step's id"
ui_keys a
ui_expect "Choose" "a asks which step to sign off"
ui_expect "   Assessment" "it offers the steps not signed off yet"
ui_expect_not "   Preparation" "and not those signed off"
ui_keys Enter
ui_expect "Assessment: 7 automatic checks fail. Sign it off anyway? y/n" "signing off a step whose checks fail asks first, naming how many"
ui_check_fit 80 "the question fits"
ui_keys n
ui_expect "Nothing signed off: Assessment stays without a sign-off" "n signs nothing off"
ui_expect "Sign-offs: 2 entries" "and adds nothing"
ui_keys a Enter y
ui_expect "Comment            Signed off while 7 automatic checks of the step failed" "y: the sign-off's comment records the failing checks"
ui_expect "Sign-offs › Assessment" "the sign-off is named by its step"
ui_keys Enter
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
ui_expect "Assessment | 2026-11-30 | valid | Onishi Ryo" "the list shows the new sign-off"
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
ui_expect "3 Risk assessment                    0/1   ! to do" "a round without risks is not assessed: step 3 is to do, not done 0/0"
ui_expect_not "0/0" "no step is done with nothing checked"
ui_keys j j j Enter
ui_expect "[!!] 3 no risk is assessed yet: no resource is in scope, the register is empty" "the validation says why"
ui_check_fit 80 "and fits"
ui_keys q
ui_expect "[+] modified" "the new round is unsaved"
ui_keys s
ui_expect "Saved; 1 finding (6 shows it) in 2027.cfg" "s saves it, and says what remains to do"
ui_stop
# a sign-off left without its date: asked about, and never shown as valid
ui_start 80 24 --demo --lang en
ui_wait "kijun"
ui_keys 5 Enter S a Enter y Enter
ui_type "Audit Taro"
ui_keys Enter q
ui_expect "Keep it incomplete (Date missing)?" "leaving a sign-off without its date asks"
ui_keys y
ui_expect "Assessment |  | incomplete: a required field is missing | Audit Taro" "the list does not call it valid"
ui_stop
# the review log is a record of what happened, as the sign-offs are: J and
# K do not reorder it (its list, opened from the check that it has an entry)
ui_start 80 24 --demo --lang en
ui_wait "kijun"
ui_keys 5 Enter j j j Enter G
ui_expect "> ok  5 the review log has an entry" "the check of the review log"
ui_keys Enter
ui_expect_line 2 "Review log: 2 entries" "Enter opens the review log's list"
ui_keys J
ui_expect_line 3 ">2026-08-20 [new threat]" "J: the first entry stays first"
ui_expect_line 4 " 2026-09-15 [organisational change]" "J: the second stays second"
ui_expect "Key J does nothing here" "J says it does nothing"
ui_keys j K
ui_expect_line 4 ">2026-09-15 [organisational change]" "K: the second entry stays second"
ui_expect_not "[+] modified" "nothing was changed"
ui_keys Q
ui_stop
# at 80 columns the counts of a round and the [+] modified mark read whole
ui_start 80 24 --demo --lang en
ui_wait "kijun"
ui_keys 5 k Enter
ui_expect "overdue 0 |" "the round's counts: the first line ends at a bar"
ui_expect_line 12 "accepted 2" "the accepted count on the second line, with its label"
ui_keys Q
ui_stop
W=$(mktemp -d "${TMPDIR:-/tmp}/kijun-ui-XXXXXX")
cp -r "$KIJUN_TEST_DATA/demo/ja" "$W/a-rather-long-workspace-name"
chmod -R u+w "$W/a-rather-long-workspace-name"
ui_start 80 24 --lang en --edition rev "$W/a-rather-long-workspace-name"
ui_wait "kijun"
ui_keys 4 Enter Enter End
ui_type "Z"
ui_keys Enter 3
ui_expect "(superseded)" "the browser's status line names the edition"
ui_expect "[+] modified" "and shows the mark whole, the status shortened before it"
ui_keys Q n
ui_stop
rm -rf "$W"
# a pick list leaves no cut line of the form's help below it
ui_start 80 24 --demo --lang en
ui_wait "kijun"
ui_keys 5 Enter r Enter Down Down Down Enter
ui_expect "Recent incident types" "the threat catalogue is open over the risk's form"
ui_expect_line_not 22 "a list" "no fragment of the field's help is left under it"
ui_keys Escape Q n
ui_stop
# an empty list: nothing of the menu before stays beside its line
W=$(mktemp -d "${TMPDIR:-/tmp}/kijun-ui-XXXXXX")
"$KIJUN" init --lang en "$W/w" >/dev/null 2>&1
ui_start 80 24 --lang en "$W/w"
ui_wait "kijun"
ui_keys 4 Down Down Down Enter
ui_expect_line 4 "  No entries yet: press a to add one." "the empty list's line, its first columns blank"
ui_keys a q
ui_expect_line 4 "  No entries yet: press a to add one." "and after a new entry left untouched"
ui_keys Q
ui_stop
rm -rf "$W"
# a long refusal is read whole, over the lines it needs (four here)
W=$(mktemp -d "${TMPDIR:-/tmp}/kijun-ui-XXXXXX")
L="$W/a-very-long-directory-name-for-testing-the-message/ro"
mkdir -p "$L"
cp -r "$KIJUN_TEST_DATA/demo/ja/." "$L"
chmod -R u+w "$L"
printf 'x\n' >"$W/target.cfg"
ln -s "$W/target.cfg" "$L/assessments/2028.cfg"
ui_start 80 24 --lang en "$L"
ui_wait "kijun"
ui_keys 4 Down Down Down Enter a
ui_expect "Read-only: a file could not be read" "a refused on a list of a read-only workspace: said"
ui_expect "fix it in an editor" "and read to its end"
ui_keys q q 5 a
ui_expect "Read-only: a file could not be read" "a on the rounds of a read-only workspace says why it does nothing"
ui_expect_not "does nothing here" "not a key without meaning"
ui_keys d
ui_expect "Read-only: a file could not be read" "d too"
ui_keys Q
ui_stop
rm -rf "$W"
# Esc leaves "keep it incomplete?" unanswered: the new entry and its text stay
ui_start 80 24 --demo --lang en
ui_wait "kijun"
ui_keys 4 Down Down Down Enter a Down Enter
ui_type "important description"
ui_keys Enter q
ui_expect "Keep it incomplete (Name missing)? y/n (Esc: back to the form)" "the question names Esc too"
ui_keys Escape
ui_expect "Still in the form: fill in what is missing, or q again" "Esc: nothing done, said"
ui_expect "important description" "the text typed is still in the form"
ui_expect_not "Nothing added" "the new entry is not deleted"
ui_keys q n
ui_expect "Nothing added: the new entry is deleted" "n still deletes it"
ui_keys Q n
ui_stop
ui_done
