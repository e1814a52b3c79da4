#!/bin/bash
# screens.sh: the main screens, whole, at 80x24 in Japanese and English,
# compared exactly with tests/ui/expected/*.txt (as tig's tests compare
# whole screens): the Guideline browser and its help, the profile, the
# organisation form, its sector pick list and the form again after the
# pick list closes (the same screen as before it opened), the rounds, a
# round's steps, the register, the heat map and the findings. The demo,
# copied to a fixed name (the status line shows it), and a fixed today.
#
# After a change to a screen, regenerate the files and read the diff:
#   UI_UPDATE_SCREENS=1 make -C _b check TESTS=tests/ui/screens.sh
#   git diff tests/ui/expected/
. "$KIJUN_TESTS/ui/lib.sh"
ui_private_home
DATA=${KIJUN_TEST_DATA:-$KIJUN_TESTS/../data}
C=$KIJUN_TESTS/corpus

for lang in ja en; do
    mkdir -p "$T/$lang"
    cp -R "$DATA/demo/$lang" "$T/$lang/w"
    # a workspace with findings: one in the profile, the checklist, a round
    cp -R "$C/base" "$T/$lang/f"
    for c in depends-cycle checklist-status threshold-above; do
        (cd "$C/$c" && find . -type f ! -name EXPECT) | while read -r f; do cp "$C/$c/$f" "$T/$lang/f/$f"; done
    done
    chmod -R u+w "$T/$lang"
    UI_CWD=$T/$lang
    UI_ENV="TMPDIR=$T KIJUN_TODAY=2026-11-25"

    ui_start 80 24 --lang "$lang" w
    ui_expect_screen "browser-$lang"
    ui_keys '?'
    ui_expect_screen "help-browser-$lang"
    ui_keys q 4
    ui_expect_screen "profile-$lang"
    ui_keys Enter
    ui_expect_screen "form-organisation-$lang"
    ui_keys j
    ui_expect_screen "form-sector-$lang"
    ui_keys Enter
    ui_expect_screen "pick-sector-$lang"
    ui_keys Escape
    ui_expect_screen "form-sector-$lang" "$lang: the form after its pick list closes is the form as before"
    ui_keys q 5
    ui_expect_screen "rounds-$lang"
    ui_keys Enter
    ui_expect_screen "steps-$lang"
    ui_keys r
    ui_expect_screen "register-$lang"
    ui_keys m
    ui_expect_screen "heatmap-$lang"
    ui_keys Q
    ui_expect_exit 0 "$lang: nothing edited: Q quits"
    ui_stop

    ui_start 80 24 --lang "$lang" f
    ui_keys 6
    ui_expect_screen "findings-$lang"
    ui_keys Q
    ui_expect_exit 0 "$lang: Q quits from the findings"
    ui_stop
done
ui_done
