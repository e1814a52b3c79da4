#!/bin/sh
# i18n.sh: the Japanese catalog is complete and well formed. Every string
# that src/ marks with _() or N_() has a Japanese translation in po/ja.po
# (none missing, none fuzzy), and every translation keeps its printf
# directives (msgfmt -c). After adding or changing a string: make update-po,
# then translate the new entries of po/ja.po.
set -u
: "${KIJUN_SRCDIR:?}"
n=0
failed=0
result() {
    n=$((n + 1))
    if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}
if [ -z "${XGETTEXT:-}" ] || [ -z "${MSGCMP:-}" ] || [ -z "${MSGFMT:-}" ]; then
    echo "1..0 # SKIP gettext tools not found (configure --disable-nls, or install the Debian package: gettext)"
    exit 0
fi
T=$(mktemp -d "${TMPDIR:-/tmp}/kijun-i18n-XXXXXX")
trap 'rm -rf "$T"' EXIT
po=$KIJUN_SRCDIR/po/ja.po

(cd "$KIJUN_SRCDIR" && "$XGETTEXT" --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=P_:1,2 \
    -o "$T/kijun.pot" $(find src -name '*.[ch]' | LC_ALL=C sort)) 2>"$T/err"
result $? "xgettext extracts the strings of src/"
count=$(grep -c '^msgid ' "$T/kijun.pot")
[ "$count" -gt 300 ]
result $? "more than 300 UI strings are marked for translation ($count)"

"$MSGCMP" "$po" "$T/kijun.pot" >"$T/cmp" 2>&1
rc=$?
[ $rc -ne 0 ] && sed 's/^/# /' "$T/cmp" | head -n 40
result $rc "po/ja.po translates every string of src/ (run make update-po and translate the new ones)"

"$MSGFMT" -c --statistics -o "$T/ja.mo" "$po" >"$T/stat" 2>&1
rc=$?
sed 's/^/# /' "$T/stat"
result $rc "po/ja.po compiles with msgfmt -c (the printf directives match)"
! grep -q 'fuzzy\|untranslated' "$T/stat"
result $? "no fuzzy or untranslated entries"
! grep -q '^#~' "$po"
result $? "no obsolete entries are left in po/ja.po"

echo "1..$n"
exit $failed
