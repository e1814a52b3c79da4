#!/bin/sh
# rebound.sh: with keys rebound in kijunrc, every question and hint names
# the keys in force, and the question is answered by them.
. "$KIJUN_TESTS/ui/lib.sh"

ui_private_home
RC="$T/kijunrc"
UI_ENV="$UI_ENV KIJUN_TODAY=2026-11-25"

# yes and no swapped: the question says so, and n (now yes) deletes
printf 'keys = { yes = "n"; no = "y"; };\n' >"$RC"
ui_start 100 24 --demo --lang en --config "$RC"
ui_wait "kijun"
ui_keys 4 j j j Enter d
ui_expect "keep its name. n/y" "the delete question names the keys in force"
ui_keys y
ui_expect "Nothing deleted" "y, now no, keeps it"
ui_keys Q
ui_stop

printf 'keys = { yes = "J"; no = "^N"; };\n' >"$RC"
ui_start 100 24 --demo --lang en --config "$RC"
ui_wait "kijun"
ui_keys 4 j j j Enter a j Enter
ui_type "x"
ui_keys Enter q
ui_expect "Keep it incomplete (" "leaving a new entry incomplete asks"
ui_expect "(Name missing)? J/^N" "and names the keys in force"
ui_keys C-n
ui_expect "Nothing added" "Ctrl-N, the no in force, answers"
ui_keys q q 5 Enter S a Enter
ui_expect "Sign it off anyway? J/" "the sign-off question names the keys in force"
ui_keys C-n
ui_expect "Nothing signed off" "and is answered by them"
ui_keys Q
ui_stop
ui_done
