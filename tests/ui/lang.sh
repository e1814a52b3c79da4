#!/bin/bash
# lang.sh: the UI language. It follows LC_ALL / LC_MESSAGES / LANG, --lang
# overrides it, the Guideline text follows the same choice, and a locale
# that is not UTF-8 gets English. The Japanese texts expected on screen are
# looked up in po/ja.po, so the test checks that the catalog is found and
# used, whatever its wording.
. "$KIJUN_TESTS/ui/lib.sh"
if [ "${KIJUN_NLS:-yes}" = no ]; then
    echo "1..0 # SKIP built with --disable-nls: the UI is English only"
    exit 0
fi
ui_private_home

HELP_JA=$(ja "Help")
QUIT_JA=$(ja "Quit")
SHOWHELP_JA=$(ja "Show help for this screen")
if [ -z "$HELP_JA" ] || [ -z "$QUIT_JA" ] || [ -z "$SHOWHELP_JA" ]; then
    echo "Bail out! po/ja.po has no translation of Help, Quit or the help line"
    exit 99
fi
V5_JA="第5版"   # the 5th edition's label in the library (data/guideline/v5.cfg)
V5_EN="5th edition"

# keybar_ja|keybar_en CASE: the key bar (line 24) is in that language.
keybar_ja() {
    ui_expect_line 24 "? $HELP_JA" "$1: the key bar is Japanese (? $HELP_JA)"
    ui_expect_line 24 "$QUIT_JA" "$1: the key bar shows $QUIT_JA"
}
keybar_en() {
    ui_expect_line 24 "? Help" "$1: the key bar is English (? Help)"
    ui_expect_line_not 24 "$HELP_JA" "$1: no Japanese on the key bar"
}

# --- the locale decides ---------------------------------------------------------
# ja_JP.UTF-8 need not be installed (locale -a): kijun then runs in C.UTF-8
# and keeps the language.
UI_ENV="TMPDIR=$T LANG=ja_JP.UTF-8"
ui_start 80 24 --edition v5 --demo
ui_wait "$V5_JA"
keybar_ja "LANG=ja_JP.UTF-8"
ui_expect_line 1 "$V5_JA" "LANG=ja_JP.UTF-8: the Guideline text is Japanese"
ui_keys '?'
ui_expect "$SHOWHELP_JA" "LANG=ja_JP.UTF-8: the help is Japanese"
ui_check_fit 80 "LANG=ja_JP.UTF-8: the Japanese help fits 80 columns"
ui_keys q 4
ui_expect_line 24 "? $HELP_JA" "the profile's key bar is Japanese"
ui_check_fit 80 "the Japanese profile screen fits 80 columns"
ui_keys 5
ui_expect_line 24 "? $HELP_JA" "the assessment's key bar is Japanese"
ui_check_fit 80 "the Japanese assessment screen fits 80 columns"

UI_ENV="TMPDIR=$T LANG=en_US.UTF-8 LC_MESSAGES=ja_JP.UTF-8"
ui_restart 80 24 --edition v5 --demo
ui_wait "$V5_JA"
keybar_ja "LC_MESSAGES=ja_JP.UTF-8 over LANG=en_US.UTF-8"

UI_ENV="TMPDIR=$T LANG=ja_JP.UTF-8 LC_ALL=en_US.UTF-8"
ui_restart 80 24 --edition v5 --demo
ui_wait "$V5_EN"
keybar_en "LC_ALL=en_US.UTF-8 over LANG=ja_JP.UTF-8"
ui_expect_line 1 "$V5_EN" "LC_ALL=en_US.UTF-8: the Guideline text is English"

# a LANGUAGE list in the environment does not change kijun's choice
UI_ENV="TMPDIR=$T LANG=en_US.UTF-8 LANGUAGE=ja"
ui_restart 80 24 --edition v5 --demo
ui_wait "$V5_EN"
keybar_en "LANG=en_US.UTF-8 with LANGUAGE=ja"

# --- --lang overrides the locale ---------------------------------------------------
UI_ENV="TMPDIR=$T LANG=ja_JP.UTF-8"
ui_restart 80 24 --edition v5 --demo --lang en
ui_wait "$V5_EN"
keybar_en "--lang en under LANG=ja_JP.UTF-8"
ui_expect_line 1 "$V5_EN" "--lang en: the Guideline text follows"

UI_ENV="TMPDIR=$T LANG=C.UTF-8"
ui_restart 80 24 --edition v5 --demo --lang ja
ui_wait "$V5_JA"
keybar_ja "--lang ja under LANG=C.UTF-8"
ui_expect "kijun の収録データにはこの項目の要約がありません。" \
    "ja: an item without a summary says so in Japanese"
# L switches the Guideline text alone
ui_keys L
ui_expect_line 1 "$V5_EN" "L switches the Guideline text to English"
ui_expect_line 24 "? $HELP_JA" "L leaves the screens in Japanese"

# --- no UTF-8: English --------------------------------------------------------------
UI_ENV="TMPDIR=$T LANG=C"
ui_restart 80 24 --edition v5 --demo --lang ja
ui_wait "$V5_EN"
keybar_en "--lang ja under LANG=C"
UI_ENV="TMPDIR=$T LANG=ja_JP.eucJP"
ui_restart 80 24 --edition v5 --demo
ui_wait "$V5_EN"
keybar_en "LANG=ja_JP.eucJP (not UTF-8)"
# the Linux console has UTF-8 but no Japanese font
UI_ENV="TMPDIR=$T LANG=ja_JP.UTF-8 TERM=linux"
ui_restart 80 24 --edition v5 --demo --lang ja
ui_wait "$V5_EN"
keybar_en "TERM=linux (the Linux console) with --lang ja"
ui_keys L
ui_expect "The Linux console cannot show Japanese" "TERM=linux: L says the console cannot show Japanese"
ui_expect_line 1 "$V5_EN" "TERM=linux: the Guideline text stays English"
ui_stop

# --- the commands speak the same language ---------------------------------------------
"$KIJUN" init --lang en "$T/ws" >/dev/null 2>&1
printf 'colour = "blue";\n' >>"$T/ws/profile.cfg"
WARN_JA=$(ja "warning")
out=$(env LANG=ja_JP.UTF-8 "$KIJUN" check "$T/ws" 2>&1)
printf '%s\n' "$out" | grep -q "profile.cfg:[0-9]*: $WARN_JA: "
ui_result $? "kijun check under LANG=ja_JP.UTF-8: FILE:LINE: $WARN_JA: ..."
UNKNOWN_JA=$(ja "unknown setting '%s' (kept as it is)")
printf '%s\n' "$out" | grep -qF "$(printf "$UNKNOWN_JA" colour)"
ui_result $? "kijun check under LANG=ja_JP.UTF-8: the store's message is Japanese too"
out=$(env LANG=C.UTF-8 "$KIJUN" check "$T/ws" 2>&1)
printf '%s\n' "$out" | grep -q "profile.cfg:[0-9]*: warning: "
ui_result $? "kijun check under LANG=C.UTF-8: FILE:LINE: warning: ..."
out=$(env LANG=C.UTF-8 "$KIJUN" check --lang ja "$T/ws" 2>&1)
printf '%s\n' "$out" | grep -q "profile.cfg:[0-9]*: $WARN_JA: "
ui_result $? "kijun check --lang ja: Japanese messages"
env LANG=ja_JP.UTF-8 "$KIJUN" --help | grep -q '^  --lang ja|en  '
ui_result $? "kijun --help under LANG=ja_JP.UTF-8 keeps the option names"
[ "$(env LANG=ja_JP.UTF-8 "$KIJUN" --help)" != "$(env LANG=C.UTF-8 "$KIJUN" --help)" ]
ui_result $? "kijun --help under LANG=ja_JP.UTF-8 is translated"
env LANG=ja_JP.UTF-8 "$KIJUN" --lang xx 2>&1 | grep -q "'xx'"
ui_result $? "an option error under LANG=ja_JP.UTF-8 still names the value"

ui_done
