#!/bin/sh
# UI test: invisible and reordering characters from files (LRM, RLM, ALM,
# the BOM, a tag character, a bidi override and isolate) reach the screen
# as visible escapes (<U+202E>), never raw, so that a line cannot read
# differently from what it holds: in the profile, a field, the field
# editor, the round list and the register; in English and in Japanese.
. "$KIJUN_TESTS/ui/lib.sh"

T=$(mktemp -d /tmp/kijun-ui-invisible-XXXXXX)
trap 'rm -rf "$T"; t kill-server >/dev/null 2>&1 || true' EXIT
DATA=${KIJUN_TEST_DATA:-$KIJUN_TESTS/../data}
cp -R "$DATA/demo/en" "$T/w"
chmod -R u+w "$T/w"
# LRM RLM ALM BOM TAG-A, then RLO ... LRI
bad=$(printf 'Org\342\200\216\342\200\217\330\234\357\273\277\363\240\201\201X\342\200\256evil\342\201\246end')
# what fits every cell at 80 columns; the rest is cut with an ellipsis
shown='Org<U+200E><U+200F><U+061C><U+FEFF><U+E0041>X'
sed -i "s/Minato City Waterworks Bureau/$bad/" "$T/w/profile.cfg"
sed -i "s/An unpatched flaw in the maintenance VPN lets attackers into SCADA/$bad/" "$T/w/assessments/2026.cfg"
sed -i "0,/purpose = \"[^\"]*\"/s//purpose = \"$bad\"/" "$T/w/assessments/2026.cfg"
grep -q "$bad" "$T/w/profile.cfg"; ui_result $? "the profile holds the characters"

# raw: any of them in a screen cell
raw() { ui_screen | grep -q "$(printf '\342\200[\216\217\256]\|\330\234\|\357\273\277\|\363\240\|\342\201\246')"; }
check() { # check WHERE
    ui_sync
    if ui_screen | grep -qF -- "$shown"; then ui_result 0 "$1: shown as escapes"; else ui_result 1 "$1: shown as escapes"; ui_screen | sed 's/^/#   | /'; fi
    if raw; then ui_result 1 "$1: none of them raw"; else ui_result 0 "$1: none of them raw"; fi
}

for lang in en ja; do
    ui_start 80 24 --lang "$lang" "$T/w"
    ui_wait "kijun"
    ui_keys 4
    check "$lang: the profile"
    ui_keys Enter
    check "$lang: the organisation's fields"
    ui_keys Enter
    check "$lang: the field editor"
    ui_keys Escape
    ui_keys 5
    ui_keys Enter
    check "$lang: the round (its purpose)"
    ui_keys j j
    ui_keys Enter
    # the register is a table: its title column holds less at 80 columns
    all=$shown
    shown='Org<U+200E><U+200F>'
    check "$lang: the register"
    shown=$all
    ui_keys Q
    ui_expect_exit 0 "$lang: Q quits (nothing was changed)"
    ui_stop
done
cmp -s "$T/w/profile.cfg" "$DATA/demo/en/profile.cfg" && ui_result 1 "the file is as it was" || \
    { grep -q "$bad" "$T/w/profile.cfg"; ui_result $? "the file still holds the characters, unchanged"; }
ui_done
