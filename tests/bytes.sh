#!/bin/sh
# bytes.sh: a cursor move in the Guideline browser, and one in the risk
# register (5, Enter, r) at 80x24 and at 132x43 (its preview beside it,
# following the highlight; beside a bare list as wide as its table; 8 keys
# typed ahead draw the preview once), writes at most 1.2x the
# bytes of a bare ncurses list (bench/floor-list --rows) of the same rows,
# counted up to the byte after which the highlight stands on its new row,
# with TERM=vt220 LANG=C and with TERM=xterm-256color LANG=C.UTF-8 (the
# breadcrumbs, the detail pane and the position follow when no key is
# pending: 8 keys typed ahead cost 8 highlight moves and one follow-up, and
# so do 8 keys held at 30/s on a line whose output queue is that of 9600
# baud, bench/slowline_shim.so).
# Not timed: bench/bytes.py --check, without a slow line.
: "${KIJUN:?}" "${KIJUN_SRCDIR:?}" "${KIJUN_BUILDDIR:?}"
if ! command -v python3 >/dev/null 2>&1; then
    echo "1..0 # SKIP python3 is not installed"
    exit 0
fi
echo "1..1"
# AddressSanitizer refuses an LD_PRELOAD library before it: no held keys then
set -- --shim "$KIJUN_BUILDDIR/bench/slowline_shim.so"
if ldd "$KIJUN" 2>/dev/null | grep -q libasan; then
    set --
    echo "# built with AddressSanitizer: the held keys on a serial line are not measured"
fi
out=$(python3 -B "$KIJUN_SRCDIR/bench/bytes.py" --check --kijun "$KIJUN" \
    --floor "$KIJUN_BUILDDIR/bench/floor-list" "$@" --datadir "$KIJUN_SRCDIR/data" 2>&1)
rc=$?
printf '%s\n' "$out" | sed 's/^/# /'
if [ $rc -eq 0 ]; then
    echo "ok 1 - a browser cursor move, and a register cursor move (80x24, 132x43 with its preview): at most 1.2x a bare list's bytes; keys typed ahead or held on a serial line: the detail once (vt220 C, xterm UTF-8)"
else
    echo "not ok 1 - a browser cursor move: at most 1.2x a bare list's bytes (exit $rc)"
fi
