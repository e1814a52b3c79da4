# lib.sh: the harness for end-to-end UI tests. A test sources it, starts
# the real kijun in a private tmux server at a given size, sends keys and
# asserts on the captured screen; results are TAP lines.
#
#   . "$KIJUN_TESTS/ui/lib.sh"
#   ui_start 80 24 --demo              # cols rows kijun-arguments...
#   ui_wait "kijun"                    # until the text is on screen
#   ui_keys j j Enter                  # tmux key names
#   ui_type "text"                     # literal text
#   ui_paste "text"                    # a bracketed paste
#   ui_expect "4.1" "cursor moved"     # ok/not ok
#   ui_expect_screen browser-en        # the whole screen, exactly
#   ui_done                            # stop tmux, print the plan
#
# Synchronisation: no sleeps and no "the screen stopped changing". kijun
# runs with KIJUN_TEST_KEYS=1, and when it is about to wait for a key
# (each key read handled, the screen drawn) it sets the terminal's title
# to "kijun-keys N COLSxROWS" (src/ui/testhook.c), N counting what it has
# read: a key code (Enter, F5, Up: however many bytes its sequence has)
# as 1, a character as its bytes in UTF-8. tmux takes the title in order
# with the screen's bytes. The harness counts what it sends the same way
# (ui_key_count) and, after each ui_keys, ui_type, ui_paste and
# ui_resize, waits until the title (#{pane_title}) says kijun has read as
# much (ui_sync): then the screen tmux holds is the one drawn after the
# last key. A test that sends input some other way says how much with
# ui_count N, then ui_sync.
# Fallbacks: while a test has stopped kijun (UI_PAUSED=1), when kijun has
# ended (the pane's shell sets the title to "kijun-exit RC"), or when its
# count stays below the harness's for UI_SYNC_STALL seconds (input that
# kijun does not read as keys), ui_sync waits for the screen to settle as
# the old harness did (ui_settle) and takes kijun's count as the new
# start; a count that does not match is said on stderr ("# ui_sync:
# ..."), and is a failed test with UI_SYNC_STRICT=1.
#
# Whole screens: ui_expect_screen NAME compares the captured screen with
# tests/ui/expected/NAME.txt exactly and prints a diff when they differ;
# UI_UPDATE_SCREENS=1 writes the files instead (see tests/ui/README).
#
# The environment is pinned (TERM, LANG, TZ, size); UI_ENV adds variables
# ("LANG=ja_JP.UTF-8 NO_COLOR=1"); UI_CWD sets kijun's working folder;
# UI_RAW=FILE records every byte the pane gets from its first one in FILE
# (kijun's counter sets the title: a test of what kijun sends the terminal
# reads the bytes, not #{pane_title}).
#
# With KIJUN_VALGRIND set (make check-valgrind), $KIJUN is a wrapper that
# runs kijun under valgrind (tests/valgrind.sh), the waits are longer, and
# ui_done waits for every kijun to end and adds a test: no valgrind errors.

set -u
: "${KIJUN:?KIJUN must name the kijun binary}"
TMUX_BIN=${TMUX_BIN:-tmux}
UI_SOCK="kijun-test-$$-${RANDOM:-0}"
UI_STARTS=0
UI_N=0
UI_FAILED=0
UI_ENV=${UI_ENV:-}
UI_TIMEOUT=${UI_TIMEOUT:-10}
UI_SETTLE_STEP=${UI_SETTLE_STEP:-0.05}
# seconds ui_sync waits for a count that does not move before it falls back
UI_SYNC_STALL=${UI_SYNC_STALL:-3}
UI_SYNC_STRICT=${UI_SYNC_STRICT:-0}
UI_PAUSED=0 # 1 while a test has stopped kijun (SIGTSTP): nothing is read
UI_SENT=0 # what the harness sent the kijun of this session, as kijun counts it
# an explicit wait of N seconds is N * UI_SCALE: slower under valgrind
UI_SCALE=${UI_SCALE:-1}
unset TMUX

if ! command -v "$TMUX_BIN" >/dev/null 2>&1; then
    echo "1..0 # SKIP tmux is not installed (Debian package: tmux)"
    exit 0
fi

t() { "$TMUX_BIN" -u -L "$UI_SOCK" -f /dev/null "$@"; }

. "${KIJUN_TESTS:-$(dirname "$0")/..}/valgrind.sh"
if [ "$VG" = 1 ]; then
    # kijun under valgrind starts in about 1.5 s and takes 50-100 ms a key
    UI_TIMEOUT=60 UI_EXPECT_WAIT=30 UI_SETTLE_STEP=0.25 UI_SCALE=10 UI_SYNC_STALL=30
    vg_begin
    vg_wrap_kijun
fi

# ui_start COLS ROWS [kijun arguments...]
ui_start() {
    local cols=$1 rows=$2
    shift 2
    # a fresh tmux server on a socket of its own each time: a server that
    # is still shutting down after ui_stop must not take the new session
    t kill-server >/dev/null 2>&1 || true
    ui_sock_rm
    UI_STARTS=$((UI_STARTS + 1))
    UI_SOCK="kijun-test-$$-$UI_STARTS-${RANDOM:-0}"
    local args="" a wait=""
    for a in "$@"; do args="$args '$a'"; done
    if [ -n "${UI_RAW:-}" ]; then
        # kijun starts once pipe-pane records the pane
        rm -f "$UI_RAW.go"
        : >"$UI_RAW"
        wait="while [ ! -e '$UI_RAW.go' ]; do sleep 0.01; done;"
    fi
    t new-session -d -s ui -c "${UI_CWD:-$PWD}" -x "$cols" -y "$rows" \
        "$wait env -i PATH='$PATH' HOME='${HOME:-/tmp}' TERM=screen LANG=C.UTF-8 TZ=UTC \
         KIJUN_DATADIR='${KIJUN_DATADIR:-}' ASAN_OPTIONS='${ASAN_OPTIONS:-}' \
         UBSAN_OPTIONS='${UBSAN_OPTIONS:-}' KIJUN_TEST_KEYS=1 $UI_ENV '$KIJUN' $args; \
         rc=\$?; printf '\\r\\n[exit %s]\\r\\n\\033]2;kijun-exit %s\\007' \$rc \$rc; sleep 30"
    UI_SENT=0
    t set-option -t ui status off >/dev/null
    t set-window-option -t ui aggressive-resize off >/dev/null 2>&1 || true
    if [ -n "${UI_RAW:-}" ]; then
        t pipe-pane -o -t ui "cat >>'$UI_RAW'"
        touch "$UI_RAW.go"
    fi
}

# ui_stop: end the session (to start another in the same test).
ui_stop() { t kill-session -t ui >/dev/null 2>&1 || true; }

ui_screen() { t capture-pane -p -t ui; }

# ui_wait TEXT [seconds]: wait until TEXT appears; false on timeout.
ui_wait() {
    if [ $# -ge 2 ]; then ui_wait_for "$1" $(($2 * UI_SCALE)); else ui_wait_for "$1" "$UI_TIMEOUT"; fi
}

# ui_wait_for TEXT SECONDS: the same, without scaling.
ui_wait_for() {
    local text=$1 limit=$2 i=0
    while [ "$i" -lt $((limit * 20)) ]; do
        if ui_screen | grep -qF -- "$text"; then
            return 0
        fi
        sleep 0.05
        i=$((i + 1))
    done
    return 1
}

# ui_settle: wait until the screen stops changing (the fallback of
# ui_sync; nothing else should need it).
ui_settle() {
    local prev="" cur i=0
    while [ "$i" -lt 40 ]; do
        sleep "$UI_SETTLE_STEP"
        cur=$(ui_screen)
        [ "$cur" = "$prev" ] && return 0
        prev=$cur
        i=$((i + 1))
    done
}

# ui_state: what kijun last told through the title. UI_GOT is its count
# (-1 before its first screen), UI_GOT_SIZE its COLSxROWS, UI_GONE 1 when
# it has ended (or the session is gone).
ui_state() {
    local title
    UI_GOT=-1 UI_GOT_SIZE="" UI_GONE=0
    title=$(t display-message -p -t ui '#{pane_title}' 2>/dev/null) || { UI_GONE=1; return; }
    case $title in
    "kijun-keys "*)
        set -- $title
        UI_GOT=$2 UI_GOT_SIZE=$3 ;;
    "kijun-exit "*) UI_GONE=1 ;;
    esac
}

# ui_now: milliseconds, for the waits' limits
# (bash's EPOCHREALTIME without a process; date in another shell)
ui_now() {
    local s f
    if [ -n "${EPOCHREALTIME:-}" ]; then
        s=${EPOCHREALTIME%[.,]*} f=${EPOCHREALTIME#*[.,]}
        f=${f%???} # microseconds to milliseconds: three digits
        echo $((s * 1000 + 1$f - 1000))
    else
        date +%s%N | cut -c1-13
    fi
}

# ui_mismatch TEXT: a count that does not match, said (and failed when
# UI_SYNC_STRICT=1).
ui_mismatch() {
    echo "# ui_sync: $1" >&2
    if [ "$UI_SYNC_STRICT" = 1 ]; then ui_result 1 "ui_sync: $1"; fi
}

# ui_sync [SIZE]: wait until kijun has handled all that was sent (and,
# with SIZE, is drawn at COLSxROWS); see the header for the fallbacks.
ui_sync() {
    local size=${1:-} last=-2 since now limit
    if [ "$UI_PAUSED" = 1 ]; then
        ui_settle # kijun is stopped: the terminal echoes, kijun reads later
        return 0
    fi
    since=$(ui_now)
    while :; do
        ui_state
        if [ "$UI_GONE" = 1 ]; then
            ui_settle # the shell's terminal: what it echoes settles
            return 0
        fi
        if [ "$UI_GOT" -ge "$UI_SENT" ] && { [ -z "$size" ] || [ "$UI_GOT_SIZE" = "$size" ]; }; then
            if [ "$UI_GOT" -gt "$UI_SENT" ] && [ -z "$size" ]; then
                ui_mismatch "kijun read $UI_GOT, the harness counted $UI_SENT sent"
            fi
            UI_SENT=$UI_GOT
            return 0
        fi
        now=$(ui_now)
        if [ "$UI_GOT" != "$last" ]; then
            last=$UI_GOT since=$now
        fi
        # before kijun's first screen, as long as it may take to start
        if [ "$UI_GOT" -lt 0 ]; then limit=$((UI_TIMEOUT * 1000)); else limit=$((UI_SYNC_STALL * 1000)); fi
        if [ $((now - since)) -gt "$limit" ]; then
            [ -n "$size" ] || ui_mismatch "kijun stays at $UI_GOT of $UI_SENT sent; waiting for the screen to settle"
            ui_settle
            ui_state
            [ "$UI_GOT" -lt 0 ] || UI_SENT=$UI_GOT
            return 0
        fi
        sleep 0.01
    done
}

# ui_wait_gone: wait until kijun has ended (its pane's shell says so);
# false on timeout.
ui_wait_gone() {
    local i=0
    while [ "$i" -lt $((UI_TIMEOUT * 100)) ]; do
        ui_state
        [ "$UI_GONE" = 1 ] && return 0
        sleep 0.01
        i=$((i + 1))
    done
    return 1
}

# ui_count N: N more sent (as kijun counts: see the header), without
# waiting; for input sent other than by ui_keys, ui_type or ui_paste.
ui_count() { UI_SENT=$((UI_SENT + $1)); }

# ui_bytes TEXT: TEXT's length in bytes
ui_bytes() { local LC_ALL=C; echo ${#1}; }

# ui_key_count KEY: what kijun counts for one tmux key argument: a key
# name is one key (M-x is Escape and x), C-x one byte, anything else is
# sent as its characters, which count their bytes.
ui_key_count() {
    case $1 in
    [Mm]-?*) echo $((1 + $(ui_key_count "${1#??}"))) ;;
    C-?|c-?|C-Space|^?) echo 1 ;;
    Enter|Escape|Space|BSpace|Tab|BTab|Up|Down|Left|Right|Home|End|NPage|PPage|PageUp|PageDown|PgUp|PgDn|\
    IC|DC|Insert|Delete|F[1-9]|F1[0-2]) echo 1 ;;
    *) ui_bytes "$1" ;;
    esac
}

ui_keys() {
    local k n=0
    for k in "$@"; do n=$((n + $(ui_key_count "$k"))); done
    t send-keys -t ui "$@"
    ui_count "$n"
    ui_sync
}
ui_type() { t send-keys -t ui -l -- "$1"; ui_count "$(ui_bytes "$1")"; ui_sync; }
# ui_paste TEXT [paste-buffer options]: TEXT pasted as a terminal does
# when the program turned bracketed paste on (-p): kijun reads the two
# brackets as keys and the text as its bytes (tmux turns LF into CR
# unless -r: the same count).
ui_paste() {
    local text=$1
    shift
    t set-buffer -- "$text"
    t paste-buffer -p "$@" -t ui
    ui_count $(($(ui_bytes "$text") + 2))
    ui_sync
}
ui_resize() { t resize-window -t ui -x "$1" -y "$2"; ui_sync "$1x$2"; }

ui_result() { # ui_result OK DESC
    UI_N=$((UI_N + 1))
    if [ "$1" = 0 ]; then
        echo "ok $UI_N - $2"
    else
        echo "not ok $UI_N - $2"
        UI_FAILED=1
        echo "# screen:"
        ui_screen | sed 's/^/#   |/'
    fi
}

# ui_expect TEXT DESC: TEXT is on screen (waits for it).
ui_expect() { ui_wait_for "$1" "${UI_EXPECT_WAIT:-10}"; ui_result $? "$2"; }
# ui_expect_not TEXT DESC: TEXT is not on screen (once kijun has handled the
# keys sent: ui_sync).
ui_expect_not() {
    ui_sync
    if ui_screen | grep -qF -- "$1"; then ui_result 1 "$2"; else ui_result 0 "$2"; fi
}
# ui_expect_line N TEXT DESC: screen line N (1-based) contains TEXT.
ui_expect_line() {
    ui_sync
    if ui_screen | sed -n "$1p" | grep -qF -- "$2"; then ui_result 0 "$3"; else ui_result 1 "$3"; fi
}
# ui_check_fit COLS DESC: no captured line is wider than COLS columns.
ui_check_fit() {
    local w
    w=$(ui_screen | LC_ALL=C.UTF-8 wc -L)
    [ "${w:-0}" -le "$1" ]; ui_result $? "$2 (widest line $w <= $1)"
}
# ui_expect_screen NAME [DESC]: the whole screen (its text, as tmux
# captures it: trailing spaces cut) is exactly tests/ui/expected/NAME.txt;
# else "not ok" and a diff (- expected, + on screen). With
# UI_UPDATE_SCREENS=1 the screen is written to the file instead (the first
# time NAME comes in a run: a later ui_expect_screen of the same NAME
# compares with it), and the result is "ok ... (written)". UI_SCREEN_TODO
# set: a known bug, the result a TAP TODO (an XPASS once it is fixed).
UI_SCREENS=${UI_SCREENS:-${KIJUN_TESTS:-$(dirname "$0")/..}/ui/expected}
UI_SCREENS_WRITTEN=" "
ui_expect_screen() {
    local name=$1 file="$UI_SCREENS/$1.txt" desc=${2:-"the screen is expected/$1.txt"} got
    ui_sync
    got=$(ui_screen; echo x) # keep the blank lines at the end
    got=${got%x}
    if [ "${UI_UPDATE_SCREENS:-0}" = 1 ]; then
        case $UI_SCREENS_WRITTEN in
        *" $name "*) ;;
        *)
            mkdir -p "$UI_SCREENS"
            printf '%s' "$got" >"$file"
            UI_SCREENS_WRITTEN="$UI_SCREENS_WRITTEN$name "
            ui_result 0 "$desc (written)"
            return 0 ;;
        esac
    fi
    UI_N=$((UI_N + 1))
    if [ ! -f "$file" ]; then
        echo "not ok $UI_N - $desc: $file is missing (UI_UPDATE_SCREENS=1 writes it)"
    elif [ "$(cat "$file"; echo x)" = "${got}x" ]; then
        # (a TODO that passes is an XPASS, which fails the run: the bug is
        # fixed, the TODO is to go)
        echo "ok $UI_N - $desc${UI_SCREEN_TODO:+ # TODO $UI_SCREEN_TODO}"
        [ -z "${UI_SCREEN_TODO:-}" ] || UI_FAILED=1
        return 0
    else
        echo "not ok $UI_N - $desc: the screen differs from expected/$name.txt${UI_SCREEN_TODO:+ # TODO $UI_SCREEN_TODO}"
        echo "# diff -u expected/$name.txt screen (regenerate: see tests/ui/README):"
        printf '%s' "$got" | diff -u "$file" - | sed 1,2d | sed 's/^/#   /'
    fi
    [ -n "${UI_SCREEN_TODO:-}" ] || UI_FAILED=1
    return 1
}
# ui_expect_exit CODE DESC: kijun ended with CODE.
ui_expect_exit() { ui_expect "[exit $1]" "$2"; }

ui_done() {
    t kill-server >/dev/null 2>&1 || true
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$UI_SOCK"
    ui_valgrind_result
    echo "1..$UI_N"
    exit "$UI_FAILED"
}
# ui_valgrind_result: under valgrind, a test that every kijun this test
# ran (all have ended: the tmux server is gone) was free of errors and
# leaks; prints the logs with errors as TAP comments.
ui_valgrind_result() {
    [ "$VG" = 1 ] || return 0
    UI_N=$((UI_N + 1))
    if vg_check; then
        echo "ok $UI_N - valgrind: no errors or leaks ($VG_WHY)"
    else
        echo "not ok $UI_N - valgrind: $VG_WHY"
        UI_FAILED=1
    fi
}

# --- helpers most tests share ------------------------------------------------
# tmux 3.3 leaves the socket file of a killed server behind
ui_sock_rm() { rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$UI_SOCK"; }
# ui_private_home: a private HOME and TMPDIR in $T, removed at exit: kijun
# makes workspaces (the default one under HOME, --demo copies under
# TMPDIR), and none of it may touch the real ones. Sets UI_ENV.
ui_private_home() {
    T=$(mktemp -d "${TMPDIR:-/tmp}/kijun-ui-XXXXXX")
    export HOME=$T
    UI_ENV="TMPDIR=$T"
    trap 't kill-server >/dev/null 2>&1 || true; ui_sock_rm; rm -rf "$T"' EXIT
}
# ui_restart COLS ROWS ARGS...: the same as ui_start (which always
# starts a fresh tmux server).
ui_restart() { ui_start "$@"; }
# ui_expect_line_not N TEXT DESC: screen line N does not contain TEXT.
ui_expect_line_not() {
    ui_sync
    if ui_screen | sed -n "$1p" | grep -qF -- "$2"; then ui_result 1 "$3"; else ui_result 0 "$3"; fi
}
# ui_todo STATUS DESC REASON: a known kijun bug, reported with a TAP TODO
# directive so that it does not fail the run.
ui_todo() {
    UI_N=$((UI_N + 1))
    if [ "$1" = 0 ]; then echo "ok $UI_N - $2 # TODO $3"; else echo "not ok $UI_N - $2 # TODO $3"; fi
}
# ja MSGID: the Japanese translation of a one-line msgid in po/ja.po, so
# that a test of the Japanese screens checks that the catalog is used,
# whatever its wording.
ja() {
    # unwrapped first: update-po wraps long entries over several lines
    msgattrib --no-wrap "$KIJUN_TESTS/../po/ja.po" | awk -v id="msgid \"$1\"" '
        $0 == id { getline; sub(/^msgstr "/, ""); sub(/"$/, ""); print; exit }'
}
trap 't kill-server >/dev/null 2>&1 || true' EXIT
