#!/bin/bash
# terminal.sh: kijun on every terminal. For TERM vt100, linux, screen,
# tmux-256color and xterm-256color: the screen is drawn, arrows, vi keys,
# F-keys and their digit twins work, Esc acts at once, C-l repaints, the
# selection shows with or without colour, and quitting leaves the terminal
# as it was. NO_COLOR and --no-color: no colour, but reverse, bold and
# underline. Locales that are not UTF-8 (C, POSIX, an uninstalled
# ISO-8859-1): English, and not one byte above 0x7f sent to the terminal.
# The minimum size from the manual, one less, and the common sizes.
#
# Each case sets TERM, LANG and the size itself. kijun runs through a
# wrapper that waits until pipe-pane records the pane, so that the raw
# bytes kijun writes are kept from the first one, and that keeps the tty
# modes before and after kijun.
. "$KIJUN_TESTS/ui/lib.sh"

T=$(mktemp -d "${TMPDIR:-/tmp}/kijun-ui-XXXXXX")
export HOME=$T
ui_sock_rm() { rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$UI_SOCK"; }
trap 't kill-server >/dev/null 2>&1 || true; ui_sock_rm; rm -rf "$T"' EXIT

ESC=$(printf '\033')
SO=$(printf '\016')
RAW=$T/raw
WRAP=$T/kijun-wrap
cat >"$WRAP" <<EOF
#!/bin/sh
while [ ! -e "$T/go" ]; do sleep 0.02; done
stty -g >"$T/stty.before"
"$KIJUN" "\$@"
rc=\$?
stty -g >"$T/stty.after"
exit \$rc
EOF
chmod +x "$WRAP"

# ui_run "VAR=VALUE..." COLS ROWS ARGS...: kijun alone in a fresh tmux
# server, its output recorded in $RAW from the first byte.
ui_run() {
    local env=$1 kijun=$KIJUN
    shift
    t kill-server >/dev/null 2>&1 || true
    ui_sock_rm
    UI_SOCK="kijun-test-$$-$UI_N-${RANDOM:-0}"
    rm -f "$T/go" "$T/stty.before" "$T/stty.after"
    : >"$RAW"
    UI_ENV="TMPDIR=$T $env"
    KIJUN=$WRAP
    ui_start "$@"
    KIJUN=$kijun
    t pipe-pane -o -t ui "cat >>'$RAW'"
    touch "$T/go"
    ui_wait "kijun" || true
}

# line_e N: screen line N with its attributes as escape sequences (one
# line alone, so that tmux states them from its first cell on).
line_e() { t capture-pane -e -p -t ui -S $(($1 - 1)) -E $(($1 - 1)); }
# sgr_params [FILE]: every SGR parameter in FILE (or stdin), one a line.
sgr_params() {
    LC_ALL=C grep -a -o "$ESC\[[0-9;]*m" ${1:+"$1"} | sed "s/^$ESC\[//; s/m\$//; s/^\$/0/" | tr ';' '\n'
}
# has_color: SGR parameters on stdin set a colour (39 and 49, the
# defaults, count too: a monochrome kijun has no reason to send them).
has_color() { grep -Eq '^(3[0-9]|4[0-9]|9[0-7]|10[0-7])$'; }
has_param() { grep -qx "$1"; }
# high_bytes FILE: how many bytes above 0x7f FILE holds.
high_bytes() { LC_ALL=C tr -d '\000-\177' <"$1" | wc -c | tr -d ' '; }
# raw_done: wait until the pane's output after kijun ("[exit N]") is in $RAW.
raw_done() {
    local i=0
    while [ "$i" -lt 100 ] && ! grep -qaF "[exit " "$RAW"; do sleep 0.05; i=$((i + 1)); done
}
ms_now() { date +%s%N | cut -c1-13; }
ui_expect_line_not() {
    ui_sync
    if ui_screen | sed -n "$1p" | grep -qF -- "$2"; then ui_result 1 "$3"; else ui_result 0 "$3"; fi
}

# ui_expect_rule N DESC: screen line N is a horizontal rule, drawn with
# U+2500 or with the line-drawing set (tmux shows the set's q as q; the
# escape capture marks it with SO).
ui_expect_rule() {
    ui_sync
    local plain e
    plain=$(ui_screen | sed -n "$1p")
    e=$(line_e "$1")
    case $plain in
    ────────────────────*) ui_result 0 "$2 (U+2500)" ;;
    qqqqqqqqqqqqqqqqqqqq*)
        case $e in
        *"$SO"qqqq*) ui_result 0 "$2 (the line-drawing set)" ;;
        *) ui_result 1 "$2: q without the line-drawing set" ;;
        esac ;;
    *) ui_result 1 "$2" ;;
    esac
}

# ui_time_close KEY: milliseconds from KEY until the help is closed (in a
# $(...): the caller counts the key, ui_count 1).
ui_time_close() {
    local t0 now
    t0=$(ms_now)
    t send-keys -t ui "$1"
    while :; do
        now=$(ms_now)
        ui_screen | sed -n 1p | grep -qF "Help:" || break
        [ $((now - t0)) -gt 5000 ] && break
    done
    echo $((now - t0))
}

# ui_quit_sane TERM KEY: KEY quits with status 0 and the terminal is
# left as kijun found it.
ui_quit_sane() {
    local term=$1 f v want bad="" n line
    ui_keys "$2"
    ui_expect_exit 0 "$term: $2 quits with status 0"
    cmp -s "$T/stty.before" "$T/stty.after"
    ui_result $? "$term: the tty modes after quitting are those before (stty -g)"
    for f in alternate_on=0 cursor_flag=1 keypad_cursor_flag=0 keypad_flag=0 insert_flag=0 \
             origin_flag=0 wrap_flag=1; do
        want=${f#*=}
        v=$(t display-message -p -t ui "#{${f%=*}}")
        [ "$v" = "$want" ] || bad="$bad ${f%=*}=$v"
    done
    [ -z "$bad" ]
    ui_result $? "$term: after quitting: normal screen, cursor shown, keypad and modes reset${bad:+ (not:$bad)}"
    n=$(ui_screen | grep -n '^\[exit 0\]' | cut -d: -f1 | head -1)
    line=$(line_e "${n:-1}")
    [ "$(ui_screen | sed -n "${n:-1}p")" = "[exit 0]" ] && ! printf '%s' "$line" | grep -q "$SO" \
        && ! printf '%s' "$line" | sgr_params | grep -Eqx '1|4|7'
    ui_result $? "$term: the shell goes on on a clean line, plain text, no line-drawing set"
}

ESC_LIMIT=500
[ "$VG" = 1 ] && ESC_LIMIT=900

# --- every TERM, UTF-8 ------------------------------------------------------
for term in vt100 linux screen tmux-256color xterm-256color; do
    ui_run "TERM=$term" 80 24 --demo --edition v5 --lang en
    ui_expect_line 1 " kijun › 5th edition (2019 revision) › Introduction" "$term: the breadcrumbs on the top line"
    ui_expect_line 2 "  Introduction" "$term: the tree"
    ui_expect_line 3 "▾ I. Purpose and positioning" "$term: the tree with its marks"
    ui_expect_rule 13 "$term: a rule between the tree and the detail"
    ui_expect_line 14 " Introduction" "$term: the detail"
    ui_expect_line 23 " demo │ 5th edition (2019 revision) (abolished) │ en │ 1/11" "$term: the status line"
    ui_expect_line 24 "? Help " "$term: the key bar on the bottom line"

    # the selection: reverse or bold, or a colour, on its row only
    sel=$(line_e 2 | sgr_params)
    other=$(line_e 4 | sgr_params)
    if [ "$term" = vt100 ]; then
        printf '%s\n' "$sel" | grep -Eqx '1|7'
        ui_result $? "vt100: the selected row is in reverse video or bold"
    else
        printf '%s\n' "$sel" | grep -Eqx '1|7|4[0-7]|48|10[0-7]'
        ui_result $? "$term: the selected row is marked (reverse, bold or a background)"
    fi
    ! printf '%s\n' "$other" | grep -Eqx '1|7|4[0-7]|48|10[0-7]'
    ui_result $? "$term: an unselected row is not"

    ui_keys j
    ui_expect_line 23 "│ 2/11" "$term: j moves down"
    ui_keys h
    ui_expect_line 23 "│ 2/7" "$term: h collapses"
    ui_keys l
    ui_expect_line 23 "│ 2/11" "$term: l expands"
    ui_keys k
    ui_expect_line 23 "│ 1/11" "$term: k moves up"
    ui_keys Down
    ui_expect_line 23 "│ 2/11" "$term: Down moves down"
    ui_keys Left
    ui_expect_line 23 "│ 2/7" "$term: Left collapses"
    ui_keys Right
    ui_expect_line 23 "│ 2/11" "$term: Right expands"
    ui_keys BSpace
    ui_expect_line 23 "│ 2/7" "$term: Backspace collapses"
    ui_keys l Up
    ui_expect_line 23 "│ 1/11" "$term: Up moves up"
    ui_keys End
    ui_expect_line 23 "│ 11/11" "$term: End goes to the last item"
    ui_keys Home
    ui_expect_line 23 "│ 1/11" "$term: Home goes to the first item"
    ui_keys NPage
    ui_expect_line_not 23 "│ 1/11" "$term: PgDn moves a page"
    ui_keys PPage
    ui_expect_line 23 "│ 1/11" "$term: PgUp moves back"

    ui_keys '?'
    ui_expect_line 1 "kijun › Help: Guideline browser" "$term: ? opens the help"
    ui_keys '?'
    ui_expect_line 1 "kijun › 5th edition (2019 revision)" "$term: ? closes the help"
    ui_keys F1
    ui_expect_line 1 "kijun › Help: Guideline browser" "$term: F1 opens the help"
    ui_keys F1
    ui_expect_line 1 "kijun › 5th edition (2019 revision)" "$term: F1 closes the help"
    ui_keys 1
    ui_expect_line 1 "kijun › Help: Guideline browser" "$term: 1 opens the help"
    ui_keys q
    ui_keys 1
    q_ms=$(ui_time_close q); ui_count 1
    ui_keys 1
    esc_ms=$(ui_time_close Escape); ui_count 1
    ui_expect_line 1 "kijun › 5th edition (2019 revision)" "$term: Esc closes the help"
    [ "$esc_ms" -lt "$ESC_LIMIT" ] || [ "$esc_ms" -lt $((q_ms + 300)) ]
    ui_result $? "$term: Esc takes effect at once: ${esc_ms} ms (q: ${q_ms} ms; limit $ESC_LIMIT ms)"

    ui_keys F5
    ui_expect_line 1 " kijun › Assessment" "$term: F5 switches to the assessment"
    ui_keys F3
    ui_expect_line 1 " kijun › 5th edition (2019 revision)" "$term: F3 back to the Guideline"
    ui_keys F4
    ui_expect_line 1 " kijun › Profile" "$term: F4 switches to the profile"
    ui_keys 5
    ui_expect_line 1 " kijun › Assessment" "$term: 5 switches to the assessment"
    ui_keys 4
    ui_expect_line 1 " kijun › Profile" "$term: 4 switches to the profile"
    ui_keys 3
    ui_expect_line 1 " kijun › 5th edition (2019 revision)" "$term: 3 back to the Guideline"
    ui_keys F2
    ui_expect "Saved to" "$term: F2 saves (the demo's older rounds gain what they lack: the 2025 round's closing, what each round assessed)"
    ui_keys j
    ui_expect_not "Saved to" "$term: (the next key clears the message)"
    ui_keys 2
    ui_expect "nothing to save" "$term: 2 saves (nothing to save)"
    ui_keys k

    tty=$(t display-message -p -t ui '#{pane_tty}')
    printf '\033[5;5HGARBAGE-ON-SCREEN' >"$tty"
    ui_expect "GARBAGE-ON-SCREEN" "$term: (text written behind kijun's back shows)"
    ui_keys C-l
    ui_expect_not "GARBAGE-ON-SCREEN" "$term: C-l repaints the whole screen"
    ui_expect_line 5 "    2. What the \"safety standards\" are" "$term: C-l: the tree is back"
    ui_expect_line 23 "│ 1/11" "$term: C-l keeps the state"

    ui_quit_sane "$term" F10
    raw_done
    if [ "$term" = vt100 ]; then
        ! sgr_params "$RAW" | has_color
        ui_result $? "vt100: no colour escapes are sent"
    else
        sgr_params "$RAW" | has_color
        ui_result $? "$term: colour escapes are sent"
    fi
done

# --- 0 quits too, and C-c ---------------------------------------------------------
ui_run "TERM=vt100" 80 24 --demo --edition v5 --lang en
ui_quit_sane vt100 0
ui_run "TERM=linux" 80 24 --demo --edition v5 --lang en
ui_quit_sane linux C-c

# --- terminals kijun cannot use: a clear error, exit 2, no demo copy left ---------
for case in "foo:unknown terminal type 'foo' (TERM)" "dumb:'dumb' (TERM) cannot move the cursor" \
            ":TERM is not set"; do
    term=${case%%:*}
    ui_run "TERM=$term" 80 24 --demo --edition v5 --lang en
    ui_expect "kijun: error: " "TERM=$term: an error"
    ui_expect "${case#*:}" "TERM=$term: it says ${case#*:}"
    ui_expect_exit 2 "TERM=$term: exit status 2"
    ! ls -d "$T"/kijun-demo-* >/dev/null 2>&1
    ui_result $? "TERM=$term: the demo copy is removed"
done

# --- NO_COLOR and --no-color -----------------------------------------------------
for how in "NO_COLOR=1" "--no-color"; do
    case $how in
    --*) ui_run "TERM=xterm-256color" 80 24 --demo --edition v5 --lang en "$how" ;;
    *) ui_run "TERM=xterm-256color $how" 80 24 --demo --edition v5 --lang en ;;
    esac
    ui_expect_line 23 "│ 1/11" "$how: kijun runs"
    line_e 2 | sgr_params | has_param 7
    ui_result $? "$how: the selected row is in reverse video"
    ui_keys j '?' q 4 Enter q 5 Enter m q q 3
    ui_expect_line 1 " kijun › 5th edition (2019 revision)" "$how: (walked the screens)"
    ui_keys F10
    ui_expect_exit 0 "$how: F10 quits"
    raw_done
    ! sgr_params "$RAW" | has_color
    ui_result $? "$how: no colour escapes are sent"
    sgr_params "$RAW" | has_param 7
    ui_result $? "$how: reverse video is still sent"
    sgr_params "$RAW" | has_param 1
    ui_result $? "$how: bold is still sent"
    sgr_params "$RAW" | has_param 4
    ui_result $? "$how: underline is still sent"
done

# --- locales that are not UTF-8: English, ASCII only ------------------------------
# TERM varies with the locale: the fallback must not depend on it.
for case in "C vt100" "POSIX linux" "en_US.ISO-8859-1 xterm-256color"; do
    loc=${case% *}
    term=${case#* }
    ui_run "TERM=$term LANG=$loc" 80 24 --demo --edition v5 --lang ja
    ui_expect_line 1 " kijun > 5th edition (2019 revision) > Introduction" "LANG=$loc: English with --lang ja, > in the breadcrumbs"
    ui_expect_line 23 " demo | 5th edition (2019 revision) (abolished) | en | 1/11" "LANG=$loc: the status line in ASCII"
    ui_expect_line 3 "- I. Purpose and positioning" "LANG=$loc: - marks an open item"
    ui_expect_line 12 "  + 4. Measures" "LANG=$loc: + marks a closed one"
    ui_screen | sed -n 13p | grep -qx -- '-\{80\}'
    ui_result $? "LANG=$loc: the rule is drawn with -"
    ui_keys '*' G
    ui_expect_line 23 "| en |" "LANG=$loc: all expanded, the last item"
    ui_check_fit 80 "LANG=$loc: 80x24, all expanded"
    ui_keys g
    ui_resize 132 43
    ui_expect_line 2 "  Introduction" "LANG=$loc: 132x43"
    ui_screen | sed -n 2p | grep -q '^  Introduction  *| Introduction'
    ui_result $? "LANG=$loc: 132x43: the tree and the detail side by side, | between"
    ui_check_fit 132 "LANG=$loc: 132x43"
    ui_resize 80 24
    ui_keys '?'
    ui_expect_line 1 " kijun > Help: Guideline browser" "LANG=$loc: the help"
    ui_keys G q 4
    ui_expect_line 1 " kijun > Profile" "LANG=$loc: the profile"
    ui_keys Enter
    ui_expect_line 1 " kijun > Profile > Organisation" "LANG=$loc: the organisation form"
    ui_keys q G Enter
    ui_expect_line 1 " kijun > Profile > Dependencies" "LANG=$loc: the dependency view"
    ui_expect "   +- Intake and purification" "LANG=$loc: the dependency tree drawn with +-"
    ui_expect "   |     [" "LANG=$loc: ... and |"
    ui_keys q 5
    ui_expect_line 1 " kijun > Assessment" "LANG=$loc: the assessment"
    ui_keys Enter m
    ui_expect_line 1 " kijun > Assessment > 2026 > 3 Risk assessment > Heat map" "LANG=$loc: the heat map"
    ui_expect "5 Severe " "LANG=$loc: the heat map's rows"
    ui_expect "Likelihood ->" "LANG=$loc: the heat map's axis, its arrow in ASCII"
    ui_keys q r
    ui_expect "Value v Risk" "LANG=$loc: the register, its sort mark in ASCII"
    ui_keys q q 3 /
    # é from a UTF-8 terminal is no character here: dropped, and the keys
    # after it still count (get_wch once swallowed them)
    ui_type "$(printf 'se\303\251cur')"
    ui_expect_line 23 "/secur " "LANG=$loc: search: a byte that is no character is dropped, the rest typed"
    ui_keys Enter L
    ui_expect "Japanese needs a UTF-8 terminal" "LANG=$loc: L says Japanese needs UTF-8"
    ui_keys F10
    ui_expect_exit 0 "LANG=$loc: F10 quits"
    raw_done
    n=$(wc -c <"$RAW" | tr -d ' ')
    [ "$n" -gt 10000 ]
    ui_result $? "LANG=$loc: (recorded the $n bytes kijun wrote)"
    h=$(high_bytes "$RAW")
    [ "$h" = 0 ]
    ui_result $? "LANG=$loc: not one byte above 0x7f written to the terminal ($h)"
    ! LC_ALL=C grep -aq "$SO\|$ESC(0" "$RAW"
    ui_result $? "LANG=$loc: lines drawn with ASCII, not the line-drawing set"
done

# LC_ALL=C wins over a Japanese UTF-8 LANG
ui_run "TERM=screen LANG=ja_JP.UTF-8 LC_ALL=C" 80 24 --demo --edition v5
ui_expect_line 1 " kijun > 5th edition (2019 revision) > Introduction" "LC_ALL=C, LANG=ja_JP.UTF-8: English, ASCII"
ui_keys F10
ui_expect_exit 0 "LC_ALL=C: F10 quits"
raw_done
h=$(high_bytes "$RAW")
[ "$h" = 0 ]
ui_result $? "LC_ALL=C: not one byte above 0x7f ($h)"

# --- sizes ------------------------------------------------------------------------
man=${KIJUN_SRCDIR:-$KIJUN_TESTS/..}/man/kijun.1
min=$(sed -n 's/.*[Tt]he minimum size is \([0-9][0-9]*x[0-9][0-9]*\).*/\1/p' "$man" | head -1)
[ -n "$min" ]
ui_result $? "the manual states the minimum size ($min)"
mc=${min%x*}
mr=${min#*x}
ui_run "" "$mc" "$mr" --demo --edition v5 --lang en
ui_expect_line 1 " kijun › 5th edition (2019 revision) › Introduction" "$min: the browser (the documented minimum)"
ui_expect_line "$((mr - 1))" "│ 1/11" "$min: the status line"
ui_expect_line "$mr" "? Help " "$min: the key bar on the bottom line"
ui_check_fit "$mc" "$min"
ui_resize $((mc - 1)) "$mr"
ui_expect "Terminal too small: $((mc - 1))x$mr" "$((mc - 1))x$mr: the too-small notice"
ui_expect "kijun needs at least $min." "$((mc - 1))x$mr: the notice names the minimum"
ui_keys j j
ui_expect_not "[exit" "$((mc - 1))x$mr: kijun keeps running"
ui_resize "$mc" $((mr - 1))
ui_expect "Terminal too small: ${mc}x$((mr - 1))" "${mc}x$((mr - 1)): the too-small notice"
ui_check_fit "$mc" "${mc}x$((mr - 1)) notice"
ui_resize "$mc" "$mr"
ui_expect_line 1 " kijun › 5th edition (2019 revision) › Introduction" "$min again: laid out again"
ui_expect_line "$((mr - 1))" "│ 1/11" "$min again: keys were ignored while too small"
ui_expect_line "$mr" "? Help " "$min again: the key bar on the bottom line"
ui_keys F10
ui_expect_exit 0 "$min: F10 quits"

for size in 80x24 100x30 132x43 200x60; do
    c=${size%x*}
    r=${size#*x}
    ui_run "" "$c" "$r" --demo --edition v5 --lang en
    ui_expect_line 1 " kijun › 5th edition (2019 revision) › Introduction" "$size: the browser"
    ui_expect_line "$r" "? Help " "$size: the key bar on the bottom line"
    ui_expect_line "$((r - 1))" " demo │ 5th edition (2019 revision) (abolished) │ en │ 1/11" "$size: the status line above it"
    if [ "$c" -ge 100 ]; then
        ui_expect_line 2 "│ Introduction" "$size: the tree and the detail side by side"
    else
        ui_expect_rule 13 "$size: the detail under the tree"
    fi
    ui_keys '*' G
    ui_check_fit "$c" "$size: browser, all expanded"
    ui_keys '?'
    ui_expect_line "$r" "q Close" "$size: help: the key bar on the bottom line"
    ui_check_fit "$c" "$size: help"
    ui_keys q 4 G Enter
    ui_expect_line "$r" "? Help " "$size: dependencies: the key bar on the bottom line"
    ui_check_fit "$c" "$size: dependencies"
    ui_keys q 5 Enter r
    ui_expect_line "$r" "? Help " "$size: register: the key bar on the bottom line"
    ui_check_fit "$c" "$size: register"
    ui_keys q m
    ui_check_fit "$c" "$size: heat map"
    ui_keys F10
    ui_expect_exit 0 "$size: F10 quits"
done

# --- keys behind the too-small notice ------------------------------------------------
# only the quit key acts (its question seen), resizes; other keys are not
# taken, and the notice says so
ui_run "" 80 24 --demo --edition v5 --lang en
ui_keys E
ui_expect_line 1 " kijun › Guideline › Editions" "E: the editions screen"
ui_resize 50 10
ui_expect "Terminal too small: 50x10" "50x10: the notice"
ui_expect_not "The key was not taken" "the resize itself is no key: nothing said of a key"
ui_keys q
ui_expect "The key was not taken: enlarge the window first." "q behind the notice: not taken, said"
ui_expect_not "[exit" "q behind the notice does not quit"
ui_resize 80 24
ui_expect_line 1 " kijun › Guideline › Editions" "laid out again: still on the editions screen"
ui_keys q 4 Enter Enter C-u
ui_type "Ours"
ui_keys Enter Enter
ui_type "abc"
ui_resize 50 10
ui_type "xyz"
ui_expect "The key was not taken" "text typed behind the notice: refused, said"
ui_keys q
ui_expect_not "Unsaved changes" "q (back) behind the notice asks nothing"
ui_keys F10
ui_expect "Unsaved changes. Save before quitting?" "the quit key asks, the question seen on the notice"
ui_keys Escape
ui_expect_not "Unsaved changes" "Esc answers it: kijun stays"
ui_resize 80 24
ui_expect "Oursabc" "the field keeps what was typed before, nothing of what was refused"
ui_expect_not "xyz" "nothing typed behind the notice went in"
ui_keys Escape F10 n
ui_expect_exit 0 "quit without saving"
ui_done
