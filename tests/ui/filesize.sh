#!/bin/sh
# UI test: a file-size limit (ulimit -f) is a full disk, not a crash.
# Before, SIGXFSZ killed kijun at the journal's first write, the screen
# left undrawn and a temporary file behind. Now the write fails, kijun
# says so at once and goes on; a save says why it saved nothing.
. "$KIJUN_TESTS/ui/lib.sh"

ws=$(mktemp -d /tmp/kijun-ui-fsize-XXXXXX)
trap 'rm -rf "$ws"; t kill-server >/dev/null 2>&1 || true' EXIT
cp -R "$KIJUN_TEST_DATA/demo/en" "$ws/w"
chmod -R u+w "$ws/w"
# kijun under a limit of 10 blocks: the profile (22 KB) cannot be written
cat >"$ws/limited" <<EOS
#!/bin/sh
ulimit -f 10
exec $KIJUN "\$@"
EOS
chmod +x "$ws/limited"
real=$KIJUN
KIJUN=$ws/limited
UI_ENV="KIJUN_TODAY=2026-12-01 HOME=$ws"
ui_start 80 24 --lang en "$ws/w"
ui_wait "kijun"
ui_keys 4 Enter Enter C-u
ui_type "Full disk"
ui_keys Enter
ui_expect "no recovery copy of the edits" "the journal's failed write is said at once"
ui_expect_not "[exit" "kijun goes on (no SIGXFSZ)"
ui_expect "Full disk" "the edit is on screen"
ui_keys s
ui_expect "Not saved" "s says the save failed"
ui_expect_not "[exit" "still running"
ui_keys Q n
ui_expect "[exit" "Q then n leaves it, unsaved"
ls "$ws/w"/*.tmp* "$ws/w/.kijun-recovery"/*.tmp* >/dev/null 2>&1
[ $? -ne 0 ]; ui_result $? "no temporary file left behind"
KIJUN=$real
ui_stop
ui_done
