#!/bin/sh
# UI test: unsaved edits survive a lost connection (SIGHUP), SIGTERM and
# kill -9: the next start offers them back and restores every edit.
. "$KIJUN_TESTS/ui/lib.sh"

ws=$(mktemp -d /tmp/kijun-ui-recover-XXXXXX)
trap 'rm -rf "$ws"; t kill-server >/dev/null 2>&1 || true' EXIT
"$KIJUN" init --lang en "$ws/w" >/dev/null 2>&1
cp "$ws/w/profile.cfg" "$ws/orig.cfg"

# signal NAME: kijun on this workspace gets the signal, and has ended
# (only kijun itself, or valgrind running it: not the shell of the pane,
# whose command line names the same workspace)
signal() { pkill "-$1" -f "^[^ ]*(/kijun|valgrind[^ ]*) .*$ws/w" 2>/dev/null; ui_wait_gone; }

edit_name() { # edit_name TEXT: type a new organisation name and a service
    ui_keys 4 Enter Enter C-u
    ui_type "$1"
    ui_keys Enter q j j j Enter a Enter
    ui_type "Sewage treatment"
    ui_keys Enter q
}

for sig in HUP TERM KILL; do
    ui_start 80 24 --lang en "$ws/w"
    ui_wait "kijun"
    edit_name "Edited before $sig"
    ui_expect "[+] modified" "$sig: edits are unsaved"
    [ -f "$ws/w/.kijun-recovery/profile.cfg" ]; ui_result $? "$sig: the journal holds them before any save"
    signal "$sig"
    ui_expect "[exit" "$sig: kijun ended"
    if [ "$sig" != KILL ]; then
        ui_expect "[exit $((128 + $(kill -l "$sig")))]" "$sig: it exited on its own (status 128+$sig)"
    fi
    cmp -s "$ws/w/profile.cfg" "$ws/orig.cfg"; ui_result $? "$sig: profile.cfg on disk is untouched"
    [ ! -e "$ws/w/.kijun.lock" ] || [ "$sig" = KILL ]; ui_result $? "$sig: the lock is gone (or stale after kill -9)"
    ui_stop

    ui_start 80 24 --lang en "$ws/w"
    ui_wait "kijun"
    ui_expect "y restores the unsaved edits of an earlier session, n throws them" "$sig: the next start asks, the keys first"
    ui_expect "profile.cfg (2 entries changed)" "$sig: and says what was kept, whole at 80 columns"
    ui_keys Escape
    ui_expect "y restores the unsaved edits" "$sig: the question must be answered"
    ui_keys y
    ui_expect "Recovered the unsaved edits" "$sig: y restores them"
    ui_keys 4
    ui_expect "Organisation profile: Edited before $sig" "$sig: the name is back"
    ui_expect "Priority services          1" "$sig: the new service is back"
    ui_expect "[+] modified" "$sig: restored edits are unsaved until s"
    ui_keys s
    ui_expect "Saved to" "$sig: s saves them"
    grep -q "name = \"Edited before $sig\";" "$ws/w/profile.cfg"; ui_result $? "$sig: the file has the recovered name"
    [ ! -e "$ws/w/.kijun-recovery/profile.cfg" ]; ui_result $? "$sig: saving clears the journal"
    ui_keys Q
    ui_stop
    cp "$ws/orig.cfg" "$ws/w/profile.cfg"
done

# text typed into an open field, before Enter, survives every way out
# (the journal keeps it within a second of the last key)
for sig in HUP TERM INT KILL; do
    ui_start 80 24 --lang en "$ws/w"
    ui_wait "kijun"
    ui_keys 4 Enter Enter C-u
    ui_type "Typed before $sig"
    i=0
    while ! grep -q "Typed before $sig" "$ws/w/.kijun-recovery/draft.cfg" 2>/dev/null && [ $i -lt 30 ]; do
        sleep 0.1; i=$((i + 1))
    done
    grep -q "Typed before $sig" "$ws/w/.kijun-recovery/draft.cfg" 2>/dev/null
    ui_result $? "$sig: the journal holds the text being typed, before Enter"
    signal "$sig"
    ui_expect "[exit" "$sig: kijun ended with the field open"
    ui_stop
    ui_start 132 24 --lang en "$ws/w"
    ui_wait "kijun"
    ui_expect "text being typed into Name of profile.cfg" "$sig: the next start offers the typed text"
    ui_keys y 4
    ui_expect "Organisation profile: Typed before $sig" "$sig: y puts it into its field"
    ui_expect "[+] modified" "$sig: unsaved until s"
    ui_keys Q n
    ui_expect "[exit 0]" "$sig: quitting without saving"
    [ ! -e "$ws/w/.kijun-recovery" ]; ui_result $? "$sig: leaves no journal"
    ui_stop
done

# a field left with Esc leaves no draft behind
ui_start 80 24 --lang en "$ws/w"
ui_wait "kijun"
ui_keys 4 Enter Enter C-u
ui_type "Never entered"
# the journal keeps the text being typed after a second without a key
i=0
while ! grep -q "Never entered" "$ws/w/.kijun-recovery/draft.cfg" 2>/dev/null && [ $i -lt $((UI_TIMEOUT * 10)) ]; do
    sleep 0.1; i=$((i + 1))
done
ui_keys Escape
ui_expect "Edit cancelled" "Esc cancels the edit"
i=0
while [ -e "$ws/w/.kijun-recovery/draft.cfg" ] && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
[ ! -e "$ws/w/.kijun-recovery/draft.cfg" ]; ui_result $? "the cancelled text leaves the journal"
ui_keys Q
ui_expect "[exit 0]" "nothing to save: Q quits"
ui_stop

# n throws the kept edits away
ui_start 80 24 --lang en "$ws/w"
ui_wait "kijun"
edit_name "To be thrown away"
signal HUP
ui_stop
ui_start 80 24 --lang en "$ws/w"
ui_wait "kijun"
ui_expect "y restores the unsaved edits" "the question comes again after another loss"
# a word typed at the question: its n asks again, and its other keys
# answer nothing; the edits are still kept
ui_type " NEW"
ui_expect "n keeps them and asks again" "an n asks whether to throw them away for good"
ui_keys Escape
ui_expect "y restores the unsaved edits" "Esc there goes back to the first question"
[ -e "$ws/w/.kijun-recovery/profile.cfg" ]; ui_result $? "the journal is still there"
ui_keys n
ui_keys y
ui_expect "thrown away" "n, then y, throws them away"
[ ! -e "$ws/w/.kijun-recovery" ]; ui_result $? "the journal is gone"
ui_keys 4
ui_expect "Organisation profile: (organisation name)" "the profile is as on disk"
ui_keys Q
ui_stop

# quitting without saving (n) is a choice: nothing is offered next time
ui_start 80 24 --lang en "$ws/w"
ui_wait "kijun"
edit_name "Discarded on purpose"
ui_keys Q n
ui_expect "[exit 0]" "Q n quits without saving"
[ ! -e "$ws/w/.kijun-recovery" ]; ui_result $? "and leaves no journal"
ui_stop

# after y the message says "s saves them": s does, from the Guideline
# browser where the question was answered
ui_start 80 24 --lang en "$ws/w"
ui_wait "kijun"
edit_name "Saved from the browser"
signal HUP
ui_stop
ui_start 80 24 --lang en "$ws/w"
ui_wait "kijun"
ui_expect "y restores the unsaved edits" "the question is asked"
ui_keys y
ui_expect "s saves them" "y restores them, and says s saves them"
ui_keys s
ui_expect "Saved to" "s saves from the Guideline browser"
grep -q 'name = "Saved from the browser";' "$ws/w/profile.cfg"; ui_result $? "the file has the restored name"
ui_keys Q
ui_stop

# a journal folder that is a symbolic link (git stores them) to a folder
# with files: opening the workspace must neither empty nor write that
# folder; the workspace opens read-only and names the link
mkdir "$ws/elsewhere"
echo "not kijun's" > "$ws/elsewhere/notes.txt"
ln -s "$ws/elsewhere" "$ws/w/.kijun-recovery"
ui_start 200 24 --lang en "$ws/w"
ui_wait "kijun"
ui_expect "Read-only" "a linked journal folder: the workspace opens read-only"
ui_expect ".kijun-recovery: error: a symbolic link" "and the message names the link"
ui_keys Q
ui_stop
[ "$(cat "$ws/elsewhere/notes.txt" 2>/dev/null)" = "not kijun's" ] && [ "$(ls -A "$ws/elsewhere")" = notes.txt ]
ui_result $? "the folder behind the link is untouched"
[ -L "$ws/w/.kijun-recovery" ]; ui_result $? "and the link is still there"
rm "$ws/w/.kijun-recovery"
ui_done
