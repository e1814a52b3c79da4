#!/bin/sh
# UI test: another writer. A file changed by another program while kijun
# has it open (sed, and once the whole folder replaced) is not written
# over by s: the message line asks, and r reloads and redoes the edits,
# o overwrites (theirs kept as FILE~), b saves beside (FILE.mine-*.cfg)
# and Esc cancels; in English and once in Japanese.
. "$KIJUN_TESTS/ui/lib.sh"

ws=$(mktemp -d /tmp/kijun-ui-writer-XXXXXX)
trap 'rm -rf "$ws"; t kill-server >/dev/null 2>&1 || true' EXIT
"$KIJUN" init --lang en "$ws/w" >/dev/null 2>&1
cp "$ws/w/profile.cfg" "$ws/orig.cfg"
# the question wraps at 80 columns: its first line, then what Esc does
Q="profile.cfg changed on disk: r reload, o overwrite, b save beside, Esc leaves"

edit_name() { # edit_name TEXT: a new organisation name, unsaved
    ui_keys 4 Enter Enter C-u
    ui_type "$1"
    ui_keys Enter q
}
theirs() { # theirs TEXT: another program changes the note (sed -i: a new file)
    sed -i "s/^  note = .*/  note = \"$1\";/" "$ws/w/profile.cfg"
}
fresh() { cp "$ws/orig.cfg" "$ws/w/profile.cfg"; rm -f "$ws/w/profile.cfg~" "$ws/w"/profile.mine-*.cfg; }
has() { grep -qF -- "$2" "$1"; }

# r: reload, and the edit is redone on top of theirs
ui_start 80 24 --lang en "$ws/w"
ui_wait "kijun"
edit_name "Ours R"
theirs "Theirs R"
ui_keys s
ui_expect "$Q" "r: s asks, naming the file and the keys"
ui_expect "it, ? help" "the question says what Esc does: it leaves the file as it is"
ui_check_fit 80 "r: the question fits 80 columns"
has "$ws/w/profile.cfg" "Theirs R" && ! has "$ws/w/profile.cfg" "Ours R"
ui_result $? "r: nothing was written while asking"
ui_keys x
ui_expect "$Q" "r: another key leaves the question"
ui_keys '?'
ui_expect "reload it from disk and redo your unsaved edits" "r: ? explains the choices"
ui_check_fit 80 "r: the explanation fits 80 columns"
ui_resize 60 16
ui_expect "Nothing is lost:" "r: at 60 columns the explanation wraps, not cut"
ui_expect "cancel the save: nothing is written" "r: its last line is seen whole"
ui_check_fit 60 "r: the explanation fits 60 columns"
ui_resize 80 24
ui_keys r
ui_expect "Reloaded profile.cfg: 1 edit redone; s saves" "r: reloaded, says how many edits were redone"
ui_expect "[+] modified" "r: the redone edit is unsaved"
ui_keys s
ui_expect "Saved to" "r: s saves now"
has "$ws/w/profile.cfg" "Ours R" && has "$ws/w/profile.cfg" "Theirs R"
ui_result $? "r: the file has both theirs and ours"
ui_keys Q
ui_stop
fresh

# o: overwrite; theirs is the backup
ui_start 80 24 --lang en "$ws/w"
ui_wait "kijun"
edit_name "Ours O"
theirs "Theirs O"
ui_keys s
ui_expect "$Q" "o: s asks"
ui_keys o
ui_expect "Saved; the other version is profile.cfg~" "o: saved over it"
has "$ws/w/profile.cfg" "Ours O" && ! has "$ws/w/profile.cfg" "Theirs O"
ui_result $? "o: the file is ours"
has "$ws/w/profile.cfg~" "Theirs O"; ui_result $? "o: theirs is kept as profile.cfg~"
ui_expect_not "[+] modified" "o: nothing left unsaved"
ui_keys Q
ui_expect "[exit 0]" "o: Q quits without asking"
ui_stop
fresh

# b: save beside, then Esc: nothing of either side is lost
ui_start 80 24 --lang en "$ws/w"
ui_wait "kijun"
edit_name "Ours B0"
theirs "Theirs B"
ui_keys 4 Enter Enter C-u
ui_type "Ours B"
ui_keys Enter
ui_expect "profile.cfg changed on disk; s asks what to do" "b: the next journal write notices it first"
ui_keys q
ui_keys s
ui_expect "$Q" "b: s asks"
ui_keys b
ui_expect "Saved beside as profile.mine-" "b: says where ours went"
mine=$(ls "$ws/w"/profile.mine-*.cfg 2>/dev/null | head -1)
[ -n "$mine" ] && has "$mine" "Ours B"; ui_result $? "b: FILE.mine-*.cfg holds ours"
case "$(basename "$mine")" in profile.mine-[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9].cfg) r=0 ;; *) r=1 ;; esac
ui_result $r "b: named FILE.mine-YYYYMMDD-HHMMSS.cfg ($(basename "$mine"))"
[ "$(stat -c %a "$mine")" = 600 ]; ui_result $? "b: mode 0600"
has "$ws/w/profile.cfg" "Theirs B" && ! has "$ws/w/profile.cfg" "Ours B"
ui_result $? "b: the file is theirs still"
ui_expect "[+] modified" "b: ours stays unsaved"
ui_keys s
ui_expect "$Q" "Esc: s asks again"
ui_keys Escape
ui_expect "Save cancelled: profile.cfg left as it is" "Esc: cancels the save"
has "$ws/w/profile.cfg" "Theirs B"; ui_result $? "Esc: the file is theirs still"
ui_keys Q
ui_expect "Unsaved changes" "Esc: the edits are still there to quit with"
ui_keys n
ui_stop
# the copy saved beside is named by kijun check until it is gone
out=$("$KIJUN" check "$ws/w" 2>&1)
case "$out" in *"$(basename "$mine"): warning: a copy saved beside a changed file"*) r=0 ;; *) r=1 ;; esac
ui_result $r "b: kijun check names profile.mine-*.cfg ($out)"
fresh
out=$("$KIJUN" check "$ws/w" 2>&1)
case "$out" in *mine-*) r=1 ;; *) r=0 ;; esac
ui_result $r "b: once removed, kijun check no longer names it"

# the folder replaced at the same path (a sync tool, git clone over it)
ui_start 80 24 --lang en "$ws/w"
ui_wait "kijun"
edit_name "Ours F"
cp -a "$ws/w" "$ws/w.new" && rm -rf "$ws/w" && mv "$ws/w.new" "$ws/w"
ui_keys s
ui_expect "$Q" "folder: a re-created folder counts as changed"
cmp -s "$ws/w/profile.cfg" "$ws/orig.cfg"; ui_result $? "folder: nothing written into it while asking"
ui_keys r
ui_expect "Reloaded profile.cfg: 1 edit redone" "folder: r reloads from the new folder"
ui_keys s
ui_expect "Saved to" "folder: s saves"
has "$ws/w/profile.cfg" "Ours F"; ui_result $? "folder: ours is in the new folder"
ui_keys Q
ui_stop
fresh

# in Japanese
QJA=$(ja "%s changed on disk: %s reload, %s overwrite, %s save beside, %s leaves it, %s help" |
      sed 's/%s/profile.cfg/; s/%s/r/; s/%s/o/; s/%s/b/; s/%s/Esc/; s/%s/?/')
HJA=$(ja "%-4s reload it from disk and redo your unsaved edits of it on top" | sed 's/%-4s/r   /')
[ -n "$QJA" ] && [ -n "$HJA" ]; ui_result $? "ja: the question and its help are translated"
UI_ENV="LANG=ja_JP.UTF-8"
ui_start 80 24 "$ws/w"
ui_wait "kijun"
edit_name "Ours JA"
theirs "Theirs JA"
ui_keys s
ui_expect "$QJA" "ja: s asks in Japanese"
ui_check_fit 80 "ja: the question fits 80 columns"
ui_keys '?'
ui_expect "$HJA" "ja: ? explains in Japanese"
ui_check_fit 80 "ja: the explanation fits 80 columns"
ui_keys Escape
has "$ws/w/profile.cfg" "Theirs JA"; ui_result $? "ja: Esc leaves their file"
ui_keys Q n
ui_stop
# r refused (a round renamed here onto a name another program took): the
# question stays, and o then writes ours over theirs
rm -rf "$ws/d"
cp -R "${KIJUN_TEST_DATA:-$KIJUN_TESTS/../data}/demo/en" "$ws/d"
chmod -R u+w "$ws/d"
ui_start 80 24 --lang en "$ws/d"
ui_wait "kijun"
ui_keys 5
ui_expect "2026     2026-06-01" "refused r: the rounds are listed"
ui_keys R C-u
ui_type "r26"
ui_keys Enter
cp "$ws/d/assessments/2025.cfg" "$ws/d/assessments/r26.cfg"
ui_keys s
ui_expect "r26.cfg changed on disk" "refused r: s asks about the renamed round"
ui_keys r
ui_wait "is new here" 3
ui_result $? "refused r: r says why it cannot reload"
ui_keys o
ui_wait "Saved" 3
ui_result $? "refused r: o, still asked, writes ours over theirs"
[ -f "$ws/d/assessments/r26.cfg~" ]
ui_result $? "refused r: theirs is kept as r26.cfg~"
ui_keys Q
ui_stop

# the keys from kijunrc (--config): the question names them, they answer it
fresh
printf 'keys = {\n  overwrite = "w";\n  explain = "e";\n};\n' >"$ws/rc"
ui_start 80 24 --config "$ws/rc" --lang en "$ws/w"
ui_wait "kijun"
edit_name "Ours W"
theirs "Theirs W"
ui_keys s
ui_expect "profile.cfg changed on disk: r reload, w overwrite, b save beside, Esc leaves" \
    "kijunrc: the question names the keys given"
ui_keys e
ui_expect "w    overwrite it with your version" "kijunrc: e explains, naming w"
ui_keys o
ui_expect "w overwrite" "kijunrc: o no longer answers: the question stays"
ui_keys w
ui_expect "Saved" "kijunrc: w overwrites"
has "$ws/w/profile.cfg" "Ours W"; ui_result $? "kijunrc: ours is written"
ui_keys Q
ui_stop

# save rebound (kijunrc): the notice of a change on disk names the key in
# force, not the core's s
fresh
printf 'keys = {\n  save = "z";\n};\n' >"$ws/rc"
ui_start 80 24 --config "$ws/rc" --lang en "$ws/w"
ui_wait "kijun"
edit_name "Ours Z0"
theirs "Theirs Z"
ui_keys 4 Enter Enter C-u
ui_type "Ours Z"
ui_keys Enter
ui_expect "profile.cfg changed on disk; z asks what to do" "kijunrc save = z: the notice names z"
ui_expect_not "; s asks" "kijunrc save = z: not s"
ui_keys q z
ui_expect "$Q" "kijunrc save = z: z asks, with the keys of the action table"
ui_keys Escape
ui_expect "Save cancelled: profile.cfg left as it is" "Esc leaves it"
has "$ws/w/profile.cfg" "Theirs Z"; ui_result $? "kijunrc save = z: theirs is not written over"
ui_keys Q n
ui_stop
ui_done
