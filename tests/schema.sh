#!/bin/sh
# schema.sh: fields are reached through indices generated from the schema
# (src/model/schema.h), so a misspelt field fails to compile, where a
# lookup by name ("owner") compiled and found nothing at run time.
set -u
: "${KIJUN_SRCDIR:?}" "${KIJUN_BUILDDIR:?}" "${CC:?}"
T=$(mktemp -d "${TMPDIR:-/tmp}/kijun-schema-XXXXXX")
trap 'rm -rf "$T"' EXIT
n=0
failed=0
result() {
    n=$((n + 1))
    if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; cat "$T/err"; fi
}
snippet() { # NAME: a function reading a risk's field NAME
    cat >"$T/s.c" <<SNIP
#include "model/assessment.h"
const char *owner_of(const struct record *risk);
const char *owner_of(const struct record *risk) { return rec_str(risk, $1); }
SNIP
    $CC -std=c11 -Werror -fsyntax-only -I"$KIJUN_BUILDDIR" -I"$KIJUN_SRCDIR/src" "$T/s.c" >"$T/err" 2>&1
}
echo "1..3"
snippet RISK_OWNER
result $? "a field named by its index compiles"
snippet RISK_OWNR
[ $? -ne 0 ] && grep -q RISK_OWNR "$T/err"
result $? "a misspelt index fails to compile, naming it"
snippet '"owner"'
[ $? -ne 0 ]
result $? "a field's name in place of its index fails to compile"
exit $failed
