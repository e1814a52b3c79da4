#!/bin/sh
# UI test: fill in an organisation profile through the screens at 80x24,
# save, and check the file; the lock; kijun check on a broken file.
. "$KIJUN_TESTS/ui/lib.sh"

ws=$(mktemp -d /tmp/kijun-ui-profile-XXXXXX)
trap 'rm -rf "$ws"; t kill-server >/dev/null 2>&1 || true' EXIT
"$KIJUN" init --lang en "$ws/w" >/dev/null 2>&1
[ -f "$ws/w/profile.cfg" ]; ui_result $? "kijun init made profile.cfg"
mode=$(stat -c %a "$ws/w/profile.cfg"); dmode=$(stat -c %a "$ws/w")
[ "$mode" = 600 ] && [ "$dmode" = 700 ]; ui_result $? "init: files 0600 ($mode), folder 0700 ($dmode)"

ui_start 80 24 --lang en "$ws/w"
ui_wait "kijun"
ui_keys 4
ui_expect "Organisation profile: (organisation name)" "4 opens the profile"
ui_expect "Priority services" "the section menu lists the sections"

# organisation: name, sector (pick list), employees (digits only)
ui_keys Enter
ui_expect "*Name" "Enter opens the organisation form, required fields marked"
ui_keys Enter C-u
ui_type "Minato Test Waterworks"
ui_keys Enter
ui_expect_line 2 "Minato Test Waterworks" "the typed name is in the form"
ui_keys j Enter
ui_expect "Choose (Enter takes" "the sector field opens a pick list"
ui_keys j j j j j j j j j Enter
ui_expect_line 3 "Water" "picking the tenth sector sets Water"
ui_keys j Enter
ui_type "4x"
ui_expect "takes digits only" "a letter in a number field is refused as typed"
ui_type "8"
ui_keys Enter
ui_expect_line 4 "48" "the number is kept without the letter"
ui_expect "[+] modified" "the status line shows the modified marker"
ui_keys s
ui_expect "Saved to" "s saves"
grep -q 'name = "Minato Test Waterworks";' "$ws/w/profile.cfg"; ui_result $? "the file has the name"
grep -q 'sector = "sectors.water";' "$ws/w/profile.cfg"; ui_result $? "the file has the sector id"
grep -q 'employees = 48;' "$ws/w/profile.cfg"; ui_result $? "the file has the number"
[ -f "$ws/w/profile.cfg~" ]; ui_result $? "the previous version is kept as profile.cfg~"
[ "$(stat -c %a "$ws/w/profile.cfg")" = 600 ]; ui_result $? "the saved file is 0600"
ui_keys s
ui_expect "No change" "saving again without edits writes nothing"

# a priority service, then an operation that serves it (multi pick)
ui_keys q j j j Enter
ui_expect "Priority services: 0 entries" "the services list is empty"
ui_expect "press a to add" "an empty list says how to add"
ui_keys a
ui_expect "New entry" "a adds an entry and opens its form"
ui_keys Enter
ui_type "Drinking water supply"
ui_keys Enter j j j Enter
ui_type "12"
ui_keys Enter q
ui_expect "Drinking water supply | max. downtime 12 h | ! no operations" "the list shows the service and its gap"
ui_keys q j Enter a Enter
ui_type "Water treatment"
ui_keys Enter j Enter
ui_expect "[ ] Drinking water supply" "the services field offers a multi pick"
ui_keys Space Enter
ui_expect "Drinking water supply" "the operation serves the service"
ui_keys q
ui_expect "Water treatment -> Drinking water supply" "the operations list shows the link"
ui_keys a Enter
ui_type "Sludge handling"
ui_keys Enter q J
ui_expect_line 4 "Sludge handling" "J on the last entry keeps it last"
ui_keys K
ui_expect_line 3 "Sludge handling" "K moves it up"
ui_keys J
ui_expect_line 4 "Sludge handling" "J moves it down again"
ui_keys d
ui_expect "Delete \"Sludge handling\"? y deletes" "d asks before deleting"
ui_keys n
ui_expect "Nothing deleted" "n keeps it"
ui_keys d y
ui_expect "Deleted \"Sludge" "y deletes it"
ui_expect "Business operations: 1 entry" "one entry is left (in the singular)"

# the dependency view
ui_keys q G Enter
ui_expect "Drinking water supply (max. downtime 12 h)" "the dependency view starts at the service"
ui_expect "! no resource is recorded for this operation" "it shows an operation without resources"
ui_keys q s
grep -q 'services = \[ "svc-1" \];' "$ws/w/profile.cfg"; ui_result $? "the operation names the service id in the file"

# a second kijun sees the lock and opens read-only
ui_keys j
"$KIJUN" check "$ws/w" >/dev/null 2>&1; ui_result $? "the saved workspace checks clean"
t new-window -d -n second "env TERM=screen LANG=C.UTF-8 '$KIJUN' --lang en '$ws/w'; sleep 30"
# (under valgrind kijun takes longer to start)
i=0
while [ $i -lt $((UI_TIMEOUT * 10)) ] && ! t capture-pane -p -t second | grep -q "another kijun"; do
    sleep 0.1
    i=$((i + 1))
done
t capture-pane -p -t second | grep -q "another kijun is editing this workspace"
ui_result $? "a second kijun opens read-only and says who holds the lock"
t kill-window -t second

# quitting with unsaved changes asks
ui_keys g Enter Enter C-u
ui_type "Renamed"
ui_keys Enter q q
ui_expect "Guideline" "q from the profile's menu goes back to the browser"
ui_keys q
ui_expect "Unsaved changes. Save before quitting?" "q on the first screen with unsaved changes asks"
ui_keys Escape
ui_expect_not "Unsaved changes. Save" "Esc stays"
ui_keys q n
ui_expect_exit 0 "n quits without saving"
grep -q 'Renamed' "$ws/w/profile.cfg"; [ $? -ne 0 ]; ui_result $? "the unsaved rename is not in the file"
[ ! -e "$ws/w/.kijun.lock" ]; ui_result $? "the lock is released on quit"

# kijun check: a syntax error names profile.cfg and its line, exit 2
printf 'kijun_workspace = 1;\norganisation = {\n  name = ;\n};\n' > "$ws/w/profile.cfg"
out=$("$KIJUN" check "$ws/w" 2>&1); rc=$?
[ $rc = 2 ]; ui_result $? "kijun check exits 2 on a syntax error (got $rc)"
echo "$out" | grep -q "profile.cfg:3: error:"; ui_result $? "it prints profile.cfg:LINE: error: ($out)"
cp "$ws/w/profile.cfg" "$ws/before"
ui_stop
ui_start 80 24 --lang en "$ws/w"
ui_wait "kijun"
ui_keys 4
ui_expect "read-only" "a workspace with an unreadable file opens read-only"
ui_keys Q
cmp -s "$ws/w/profile.cfg" "$ws/before"; ui_result $? "the broken file is not written over"
ui_stop

# a hand-commented file: the first save asks, because comments are dropped
"$KIJUN" init --lang ja "$ws/c" >/dev/null 2>&1
sed -i '1i # 手で書いたコメント' "$ws/c/profile.cfg"
ui_start 80 24 --lang ja "$ws/c"
ui_wait "kijun"
ui_keys 4 Enter Enter C-u
ui_type "湊水道"
ui_keys Left Left
ui_type "市"
ui_keys End
ui_type "局"
ui_keys C-a C-k
ui_type "湊市水道局"
ui_keys Enter
ui_expect_line 2 "湊市水道局" "Japanese text is edited by character (Left, insert, C-a, C-k)"
ui_keys s
# (the Japanese screens: --lang ja; English where kijun is built without NLS)
if [ "${KIJUN_NLS:-yes}" = no ]; then
    COMMENTS="The files have comments" NOT_SAVED="Not saved" SAVED="Saved to"
else
    COMMENTS="ファイル内のコメントは" NOT_SAVED="保存しませんでした" SAVED="に保存しました"
fi
ui_expect "$COMMENTS" "the first save of a commented file warns"
ui_keys n
ui_expect "$NOT_SAVED" "n does not save"
grep -q '手で書いたコメント' "$ws/c/profile.cfg"; ui_result $? "the comment is still in the file"
ui_keys C-s
ui_expect "$COMMENTS" "C-s saves too, and asks the same"
ui_keys y
ui_expect "$SAVED" "y saves"
grep -q 'name = "湊市水道局";' "$ws/c/profile.cfg"; ui_result $? "the Japanese name is in the file"
ui_keys Q
ui_expect_exit 0 "Q quits after saving without asking"
ui_stop

# no argument: a new workspace under $XDG_DATA_HOME, and kijun says so
mkdir -p "$ws/xdg" "$ws/cwd"
UI_ENV="XDG_DATA_HOME='$ws/xdg'"
UI_CWD="$ws/cwd"
ui_start 80 24 --lang en
ui_wait "kijun"
ui_expect "Made a new workspace in $ws/xdg/kijun/workspace" "without an argument kijun makes and names the default workspace"
[ -f "$ws/xdg/kijun/workspace/profile.cfg" ]; ui_result $? "the default workspace has a profile.cfg"
ui_keys q
ui_done
