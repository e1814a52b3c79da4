#!/bin/sh
# UI test: saving when the file system fails. tests/fault/shim.so (an
# LD_PRELOAD library) makes write, fsync, close, fchmod, the temporary
# file's creation, link or rename fail on profile.cfg; each time the
# status line must say what happened, profile.cfg must be the old version
# byte for byte, no temporary file may be left, the unsaved edit must
# still be in the recovery journal, and once the fault is gone s saves.
# Faults that saving works around (no hard links: a copy is the backup)
# must still save.
. "$KIJUN_TESTS/ui/lib.sh"

# (under make check-valgrind $KIJUN is a wrapper; VG_REAL_KIJUN the program)
real=${VG_REAL_KIJUN:-$KIJUN}
shim=${KIJUN_FAULT_SHIM:-$(dirname "$real")/../tests/fault/shim.so}
if ldd "$real" 2>/dev/null | grep -q libasan; then
    echo "1..0 # SKIP built with AddressSanitizer, which refuses an LD_PRELOAD library before it"
    exit 0
fi

ws=$(mktemp -d /tmp/kijun-ui-fault-XXXXXX)
trap 'rm -rf "$ws"; t kill-server >/dev/null 2>&1 || true' EXIT
[ -f "$shim" ]; ui_result $? "the fault shim is built ($shim)"
"$KIJUN" init --lang en "$ws/w0" >/dev/null 2>&1
w="$ws/w"
ctl="$ws/fault"      # the rules in force: "CALL ERRNO [PATH-PART]" per line
log="$ws/fault.log"  # what the shim made fail
UI_ENV="LD_PRELOAD='$shim' KIJUN_FAULT_FILE='$ctl' KIJUN_FAULT_MATCH='$w/profile.cfg' KIJUN_FAULT_LOG='$log'"

ui_todo() { # ui_todo STATUS DESC REASON: a known bug, never a failure
    UI_N=$((UI_N + 1))
    if [ "$1" = 0 ]; then echo "ok $UI_N - $2 # TODO bug: $3"; else echo "not ok $UI_N - $2 # TODO bug: $3"; fi
}
leftovers() { # temporary files in the workspace or its journal
    find "$w" -name '*.tmp*' | sed "s|^$w/||" | tr '\n' ' '
}

# start NAME [COLS]: a fresh copy of the workspace, kijun on it, and the
# organisation name changed (not saved yet)
start() {
    rm -rf "$w" "$ctl" "$log"
    cp -Rp "$ws/w0" "$w"
    ui_start "${2:-200}" 24 --lang en "$w"
    ui_wait "kijun"
    ui_keys 4 Enter Enter C-u
    ui_type "$1"
    ui_keys Enter
    cp "$w/profile.cfg" "$ws/before"
}

# fails NAME RULES MESSAGE: saving with RULES in force fails with
# MESSAGE; nothing changes on disk; without them s saves.
fails() {
    name=$1 rules=$2 msg=$3
    start "Name while $name"
    ui_expect "[+] modified" "$name: the name is edited"
    printf '%s\n' "$rules" > "$ctl"
    ui_keys s
    ui_expect "Not saved: profile.cfg: cannot save: $msg" "$name: the status line says \"Not saved: ... $msg\""
    [ -s "$log" ]; ui_result $? "$name: the fault was injected ($(head -n 1 "$log" 2>/dev/null))"
    cmp -s "$w/profile.cfg" "$ws/before"; ui_result $? "$name: profile.cfg is the old version, byte for byte"
    l=$(leftovers); [ -z "$l" ]; ui_result $? "$name: no temporary file is left ($l)"
    grep -q "name = \"Name while $name\";" "$w/.kijun-recovery/profile.cfg" 2>/dev/null
    ui_result $? "$name: the unsaved edit is still in the recovery journal"
    ui_expect "[+] modified" "$name: the edit is still marked unsaved"
    rm -f "$ctl"
    ui_keys s
    ui_expect "Saved to $w" "$name: with the fault gone, s saves"
    grep -q "name = \"Name while $name\";" "$w/profile.cfg"; ui_result $? "$name: the file has the new name"
    cmp -s "$w/profile.cfg~" "$ws/before"; ui_result $? "$name: the old version is kept as profile.cfg~"
    l=$(leftovers); [ -z "$l" ] && "$KIJUN" check "$w" >/dev/null 2>&1
    ui_result $? "$name: the saved workspace checks clean, no temporary file ($l)"
    ui_keys Q
    ui_stop
}

fails "write ENOSPC" "write ENOSPC" \
    "the disk is full (write: No space left on device; the previous version is untouched)"
fails "short write, then ENOSPC" "shortwrite ENOSPC" \
    "the disk is full (write: No space left on device; the previous version is untouched)"
fails "write EDQUOT" "write EDQUOT" \
    "the disk quota is used up (write: Disk quota exceeded; the previous version is untouched)"
fails "fsync EIO" "fsync EIO" \
    "fsync: Input/output error (the previous version is untouched)"
fails "close EIO" "close EIO $w/profile.cfg.tmp" \
    "close: Input/output error (the previous version is untouched)"
fails "fchmod EPERM" "fchmod EPERM" \
    "chmod temporary file: Operation not permitted (the previous version is untouched)"
fails "temporary file EACCES" "open EACCES" \
    "create temporary file: Permission denied (the previous version is untouched)"
fails "rename ENOSPC" "rename ENOSPC" \
    "the disk is full (rename: No space left on device; the previous version is untouched)"
fails "rename EIO" "rename EIO" \
    "rename: Input/output error (the previous version is untouched)"
fails "backup link EIO" "link EIO" \
    "backup: Input/output error (the previous version is untouched)"
fails "backup copy ENOSPC" "link EPERM
write ENOSPC $w/profile.cfg~" \
    "the disk is full (backup: No space left on device; the previous version is untouched)"

# no hard links (EPERM, EXDEV): the backup is a copy and the save succeeds
for err in EPERM EXDEV; do
    name="link $err"
    start "Name while $name"
    printf 'link %s\n' "$err" > "$ctl"
    ui_keys s
    ui_expect "Saved to $w" "$name: the backup falls back to a copy and s saves"
    grep -q "^link $err " "$log"; ui_result $? "$name: the fault was injected"
    grep -q "name = \"Name while $name\";" "$w/profile.cfg"; ui_result $? "$name: the file has the new name"
    cmp -s "$w/profile.cfg~" "$ws/before" && [ "$(stat -c %h "$w/profile.cfg~")" = 1 ] \
        && [ "$(stat -c %a "$w/profile.cfg~")" = 600 ]
    ui_result $? "$name: profile.cfg~ is a copy of the old version (one link, mode 0600)"
    l=$(leftovers); [ -z "$l" ]; ui_result $? "$name: no temporary file is left ($l)"
    ui_keys Q
    ui_stop
done

# the folder cannot be synced: the new version is in place, but a crash
# may lose it, and the user should hear so
name="folder fsync EIO"
start "Name while $name"
echo "dirsync EIO" > "$ctl"
ui_keys s
ui_expect "Saved, but cannot sync the folder" "$name: s saves, and warns"
grep -q "^dirsync EIO $w\$" "$log"; ui_result $? "$name: the fault was injected"
grep -q "name = \"Name while $name\";" "$w/profile.cfg"; ui_result $? "$name: the file is the new version"
l=$(leftovers); [ -z "$l" ]; ui_result $? "$name: no temporary file is left ($l)"
ui_wait "cannot sync the folder" 3
ui_result $? "$name: the status line warns that the folder could not be synced"
ui_keys Q
ui_stop

# quitting: Q, y to save, and the save fails: kijun stays and says why
name="quit with rename ENOSPC"
start "Name while $name"
echo "rename ENOSPC" > "$ctl"
ui_keys Q
ui_expect "Unsaved changes. Save before quitting?" "$name: Q asks"
ui_keys y
ui_expect "Not saved: profile.cfg: cannot save: the disk is full (rename: No space left on device" "$name: y tries, and says it could not save"
ui_expect_not "[exit" "$name: kijun does not quit with the edit unsaved"
cmp -s "$w/profile.cfg" "$ws/before"; ui_result $? "$name: profile.cfg is the old version"
rm -f "$ctl"
ui_keys Q y
ui_expect_exit 0 "$name: with the fault gone, Q y saves and quits"
grep -q "name = \"Name while $name\";" "$w/profile.cfg"; ui_result $? "$name: the file has the new name"
ui_stop

# the recovery journal cannot be written (the disk is full): editing goes
# on, but "unsaved edits are never lost" no longer holds; say so
name="journal ENOSPC"
rm -rf "$w" "$ctl" "$log"
cp -Rp "$ws/w0" "$w"
echo "write ENOSPC $w/.kijun-recovery/" > "$ctl"
ui_start 200 24 --lang en "$w"
ui_wait "kijun"
ui_keys 4 Enter Enter C-u
ui_type "Name while $name"
ui_keys Enter
ui_expect "[+] modified" "$name: the name is edited"
# (the shim's log of the journal's write: polled, not slept for)
i=0
while [ $i -lt $((UI_TIMEOUT * 10)) ] && ! grep -q "^write ENOSPC $w/.kijun-recovery/" "$log" 2>/dev/null; do
    sleep 0.1; i=$((i + 1))
done
grep -q "^write ENOSPC $w/.kijun-recovery/profile.cfg.tmp" "$log"; ui_result $? "$name: the fault was injected"
l=$(leftovers); [ -z "$l" ]; ui_result $? "$name: no temporary file is left ($l)"
ui_wait "Save soon: no recovery copy" 3
ui_result $? "$name: the status line says the unsaved edits cannot be kept"
rm -f "$ctl"
ui_keys s
ui_expect "Saved to $w" "$name: s still saves"
ui_keys Q
ui_stop

# the same while typing: the text in the open field goes to the journal
# after a second without a key; that write fails too, and says so at once
# (no key needed), and again when the edit is kept (Enter)
name="journal ENOSPC while typing"
rm -rf "$w" "$ctl" "$log"
cp -Rp "$ws/w0" "$w"
echo "write ENOSPC $w/.kijun-recovery/" > "$ctl"
ui_start 80 24 --lang en "$w"
ui_wait "kijun"
ui_keys 4 Enter Enter C-u
ui_type "Typed slowly"
# the journal writes the text being typed after a second without a key
i=0
while [ $i -lt $((UI_TIMEOUT * 10)) ] && ! grep -q "^write ENOSPC $w/.kijun-recovery/draft.cfg" "$log" 2>/dev/null; do
    sleep 0.1; i=$((i + 1))
done
grep -q "^write ENOSPC $w/.kijun-recovery/draft.cfg" "$log"; ui_result $? "$name: the text being typed was to be journaled"
ui_wait "Save soon: no recovery copy" 3
ui_result $? "$name: the status line says so while the field is open, without a key"
ui_expect "the disk is full" "$name: and why, at 80 columns"
ui_keys Enter
ui_wait "Save soon: no recovery copy" 3
ui_result $? "$name: and again once the edit is kept"
rm -f "$ctl"
ui_keys Q y
ui_expect_exit 0 "$name: Q y saves and quits"
grep -q 'name = "Typed slowly";' "$w/profile.cfg"; ui_result $? "$name: the file has the new name"
ui_stop

# the journal could not be written when the edit was made; the disk has
# room again when kijun is told to stop: the edit is journaled then
name="journal ENOSPC, then SIGTERM"
rm -rf "$w" "$ctl" "$log"
cp -Rp "$ws/w0" "$w"
echo "write ENOSPC $w/.kijun-recovery/" > "$ctl"
ui_start 200 24 --lang en "$w"
ui_wait "kijun"
ui_keys 4 Enter Enter C-u
ui_type "Kept at the stop"
ui_keys Enter
ui_wait "Save soon: no recovery copy" 3
ui_result $? "$name: the failed journal write is said"
rm -f "$ctl"
pkill -TERM -f "^[^ ]*(/kijun|valgrind[^ ]*) .*$w\$" 2>/dev/null
ui_expect "[exit 143]" "$name: kijun stops on SIGTERM"
grep -q 'name = "Kept at the stop";' "$w/.kijun-recovery/profile.cfg" 2>/dev/null
ui_result $? "$name: the edit is in the journal"
ui_stop

# at 80 columns the reason must still be on screen
name="80 columns, write ENOSPC"
start "Name at 80 columns" 80
echo "write ENOSPC" > "$ctl"
ui_keys s
ui_expect "Not saved" "$name: the status line says Not saved"
ui_wait "disk is full" 3
ui_result $? "$name: the status line says why (the disk is full)"
cmp -s "$w/profile.cfg" "$ws/before"; ui_result $? "$name: profile.cfg is the old version"
rm -f "$ctl"
ui_keys Q n
ui_stop
ui_done
