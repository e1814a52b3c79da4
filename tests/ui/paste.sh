#!/bin/sh
# UI test: bracketed paste. Pasted text goes into the open field as text,
# its newlines as spaces, and never runs as keys; a paste with no field
# open is ignored with a message (a paste ending in "\n0 open findings"
# once quit kijun and answered "don't save").
. "$KIJUN_TESTS/ui/lib.sh"

ws=$(mktemp -d /tmp/kijun-ui-paste-XXXXXX)
trap 'rm -rf "$ws"; t kill-server >/dev/null 2>&1 || true; ui_sock_rm' EXIT
"$KIJUN" init --lang en "$ws/w" >/dev/null 2>&1
cp "$ws/w/profile.cfg" "$ws/orig.cfg"

# paste TEXT: tmux pastes TEXT bracketed (-p), as a terminal does when the
# program turned mode 2004 on (ui_paste: and waits until kijun has read it)
paste() { ui_paste "$1"; }

ui_start 80 24 --lang en "$ws/w"
ui_wait "kijun"
ui_keys 4 Enter Enter C-u
paste "$(printf 'abc\n0 open findings')"
ui_expect "Name       abc 0 open findings" "a two-line paste is one line of text in the field"
ui_expect_not "[exit" "its second line ran no keys (0 quits, n answers don't save)"
ui_expect_not "Unsaved changes" "no quit question either"
ui_keys Enter q
ui_expect "Organisation profile: abc 0 open findings" "the field holds the pasted text"

# a paste on a list screen: ignored, with a message, no key runs
paste "$(printf 'x\nQ\n0 5 s')"
ui_expect "Paste ignored: no field is open" "a paste on a list screen is ignored with a message"
ui_expect_not "Unsaved changes" "no quit question: Q and 0 of the paste ran nothing"
ui_expect_not "[exit" "kijun still runs"
ui_expect "Organisation profile: abc" "still on the profile: 5 of the paste ran nothing"
cmp -s "$ws/w/profile.cfg" "$ws/orig.cfg"; ui_result $? "s of the paste saved nothing"

# CR LF (tmux pastes without -r LF as CR) and tabs are spaces too;
# Japanese text is kept
ui_keys Enter Enter C-u
ui_paste "$(printf '水道局\r\nline\ttwo')" -r
ui_expect "Name       水道局 line two" "CR LF and a tab become spaces, Japanese is kept"
ui_keys Enter
# a pasted text into the search prompt of the Guideline browser
ui_keys 3 /
paste "$(printf 'risk\nq')"
ui_expect "risk q" "a paste into the search prompt is text"
ui_keys Escape Q
ui_expect "Unsaved changes" "Q asks about the pasted, unsaved edits"
ui_keys y
ui_expect "[exit 0]" "y saves and quits"
grep -q 'name = "水道局 line two";' "$ws/w/profile.cfg"; ui_result $? "the file holds the pasted text"
# after kijun, the terminal (cooked, echoing) gets a paste unbracketed:
# kijun turned the mode off when it ended
paste "zz"
ui_expect_line 3 "zz" "at exit bracketed paste is off again (the echo shows the paste plain)"
ui_expect_not "[200~" "no bracket marks reach the shell"
ui_stop

# kill -TSTP: kijun leaves the screen with the mode off, and comes back on
# SIGCONT with it on (kijun acts on a signal within a second: signal waits
# until the process is stopped, or runs again)
kijun_pid() { pgrep -f "^[^ ]*(/kijun|valgrind[^ ]*) .*$ws/w" | head -1; }
stopped() { [ "$(sed 's/^.*) //; s/ .*//' "/proc/$1/stat" 2>/dev/null)" = T ]; }
signal() {
    local pid i=0
    pid=$(kijun_pid)
    kill "-$1" "$pid" 2>/dev/null
    while [ "$i" -lt $((UI_TIMEOUT * 100)) ]; do
        if [ "$1" = TSTP ]; then stopped "$pid" && return 0; else stopped "$pid" || return 0; fi
        sleep 0.01; i=$((i + 1))
    done
}
ui_start 80 24 --lang en "$ws/w"
ui_wait "kijun"
signal TSTP
UI_PAUSED=1
# stopped, kijun reads nothing: the terminal echoes the paste, unbracketed,
# and kijun reads its two bytes when it runs again
t set-buffer -- "yy"; t paste-buffer -p -t ui; ui_count 2
ui_expect "yy" "suspended: the shell's terminal gets the paste"
ui_expect_not "[200~" "suspended: bracketed paste is off"
signal CONT
UI_PAUSED=0
ui_expect "Guideline" "SIGCONT: the workbench is back"
ui_keys 4 Enter Enter C-u
paste "$(printf 'back\nagain')"
ui_expect "Name       back again" "after SIGCONT bracketed paste is on again"
ui_keys Escape Q
ui_expect "[exit 0]" "and kijun quits"
ui_stop
ui_done
