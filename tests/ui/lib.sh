# lib.sh: the harness for end-to-end UI tests. A test sources it, starts
# the real kijun in a private tmux server at a given size, sends keys and
# asserts on the captured screen; results are TAP lines.
#
#   . "$KIJUN_TESTS/ui/lib.sh"
#   ui_start 80 24 --demo              # cols rows kijun-arguments...
#   ui_wait "kijun"                    # until the text is on screen
#   ui_keys j j Enter                  # tmux key names
#   ui_type "text"                     # literal text
#   ui_expect "4.1" "cursor moved"     # ok/not ok
#   ui_done                            # stop tmux, print the plan
#
# The environment is pinned (TERM, LANG, TZ, size); UI_ENV adds variables
# ("LANG=ja_JP.UTF-8 NO_COLOR=1"); UI_CWD sets kijun's working folder.
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
    UI_TIMEOUT=60 UI_EXPECT_WAIT=30 UI_SETTLE_STEP=0.25 UI_SCALE=10
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
    local args="" a
    for a in "$@"; do args="$args '$a'"; done
    t new-session -d -s ui -c "${UI_CWD:-$PWD}" -x "$cols" -y "$rows" \
        "env -i PATH='$PATH' HOME='${HOME:-/tmp}' TERM=screen LANG=C.UTF-8 TZ=UTC \
         KIJUN_DATADIR='${KIJUN_DATADIR:-}' ASAN_OPTIONS='${ASAN_OPTIONS:-}' \
         UBSAN_OPTIONS='${UBSAN_OPTIONS:-}' $UI_ENV '$KIJUN' $args; \
         rc=\$?; printf '\\r\\n[exit %s]\\r\\n' \$rc; sleep 30"
    t set-option -t ui status off >/dev/null
    t set-window-option -t ui aggressive-resize off >/dev/null 2>&1 || true
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

# ui_settle: wait until the screen stops changing.
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

ui_keys() { t send-keys -t ui "$@"; ui_settle; }
ui_type() { t send-keys -t ui -l -- "$1"; ui_settle; }
ui_resize() { t resize-window -t ui -x "$1" -y "$2"; ui_settle; }

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
# ui_expect_not TEXT DESC: TEXT is not on screen (after the screen settles).
ui_expect_not() {
    ui_settle
    if ui_screen | grep -qF -- "$1"; then ui_result 1 "$2"; else ui_result 0 "$2"; fi
}
# ui_expect_line N TEXT DESC: screen line N (1-based) contains TEXT.
ui_expect_line() {
    ui_settle
    if ui_screen | sed -n "$1p" | grep -qF -- "$2"; then ui_result 0 "$3"; else ui_result 1 "$3"; fi
}
# ui_check_fit COLS DESC: no captured line is wider than COLS columns.
ui_check_fit() {
    local w
    w=$(ui_screen | LC_ALL=C.UTF-8 wc -L)
    [ "${w:-0}" -le "$1" ]; ui_result $? "$2 (widest line $w <= $1)"
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
    ui_settle
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
    awk -v id="msgid \"$1\"" '
        $0 == id { getline; sub(/^msgstr "/, ""); sub(/"$/, ""); print; exit }' "$KIJUN_TESTS/../po/ja.po"
}
trap 't kill-server >/dev/null 2>&1 || true' EXIT
