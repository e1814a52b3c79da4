#!/bin/sh
# corpus.sh: one validation. Each case of tests/corpus/ is the clean
# workspace base/ with the case's files put over it, one defect each, and
# EXPECT the findings it must give: "FILE:LINE: error|warning: text",
# FILE relative to the workspace; lines starting with # are comments, and
# "# workbench-todo: WHY" marks a known gap of the workbench. Every case
# goes through kijun check (the workspace, then each file with a finding
# alone) and through the workbench's validation (kijun check --workbench:
# what the checks of the round's validation step carry, round_validate);
# both must give exactly EXPECT, with exit status 1. Then issue 10 (e): a
# file's kind is its place in the workspace, not a folder name anywhere
# in its path. Needs no tmux. Prints TAP.
set -u
: "${KIJUN:?KIJUN must name the kijun binary}"
: "${KIJUN_TESTS:?KIJUN_TESTS must name the tests folder}"
C=$KIJUN_TESTS/corpus
N=0
FAILED=0
T=$(mktemp -d "${TMPDIR:-/tmp}/kijun-corpus-XXXXXX")
trap 'rm -rf "$T"' EXIT
. "$KIJUN_TESTS/valgrind.sh"
if [ "$VG" = 1 ]; then vg_begin; vg_wrap_kijun; fi
export LC_ALL=C.UTF-8 LANG=C.UTF-8
unset LANGUAGE LC_MESSAGES KIJUN_DATADIR KIJUN_WORKSPACE

# result STATUS DESC [TODO-REASON] [FILE-TO-SHOW]
result() {
    N=$((N + 1))
    if [ -n "${3:-}" ]; then
        if [ "$1" = 0 ]; then echo "ok $N - $2 # TODO $3"; else echo "not ok $N - $2 # TODO $3"; fi
    elif [ "$1" = 0 ]; then
        echo "ok $N - $2"
    else
        echo "not ok $N - $2"
        FAILED=1
        if [ -n "${4:-}" ] && [ -f "$4" ]; then sed 's/^/#   |/' "$4" | head -30; fi
    fi
}

# findings DIR ARGS...: run kijun ARGS; its findings, without
# "kijun: DIR/", sorted, into $T/got; the status in RC.
findings() {
    dir=$1
    shift
    "$KIJUN" "$@" >"$T/out" 2>"$T/err"
    RC=$?
    sed "s|^kijun: $dir/||" "$T/err" | LC_ALL=C sort >"$T/got"
}

# compare WANT DESC [TODO]: $T/got is WANT; the status 1 (0 when WANT is empty)
compare() {
    want_rc=1
    [ -s "$1" ] || want_rc=0
    { diff -u "$1" "$T/got" && [ "$RC" = "$want_rc" ]; } >"$T/diff" 2>&1
    st=$?
    echo "status $RC, want $want_rc" >>"$T/diff"
    result $st "$2" "${3:-}" "$T/diff"
}

# make_case NAME: $T/ws is base/ with the files of NAME over it
make_case() {
    rm -rf "$T/ws"
    cp -R "$C/base" "$T/ws"
    (cd "$C/$1" && find . -type f ! -name EXPECT) | while read -r f; do
        cp "$C/$1/$f" "$T/ws/$f"
    done
}

# screen_same WS NAME: the workbench's findings screen (kijun check
# --findings-screen: the workspace opened as the workbench opens it) lists
# exactly the lines kijun check prints, in its order; last, as it locks WS
screen_same() {
    "$KIJUN" check "$1" >/dev/null 2>"$T/check.err"
    "$KIJUN" check --findings-screen "$1" >/dev/null 2>"$T/screen.err"
    diff -u "$T/check.err" "$T/screen.err" >"$T/screen.diff" 2>&1
    result $? "$2: the findings screen lists what kijun check prints, in its order" "" "$T/screen.diff"
}

# the control: base/ is clean for both
make_case base
: >"$T/none"
findings "$T/ws" check "$T/ws"
compare "$T/none" "base: kijun check calls the clean workspace clean"
findings "$T/ws" check --workbench "$T/ws"
compare "$T/none" "base: the workbench's validation finds nothing either"

screen_same "$T/ws" base
# the demo: clean for both, in each language
for l in en ja; do
    rm -rf "$T/demo"
    cp -R "$KIJUN_TESTS/../data/demo/$l" "$T/demo"
    screen_same "$T/demo" "the demo ($l)"
    [ ! -s "$T/screen.err" ]
    result $? "the demo ($l): the findings screen has no finding" "" "$T/screen.err"
done
# a workspace with findings in the profile, the checklist and a round at once
make_case base
for c in depends-cycle checklist-status threshold-above; do
    (cd "$C/$c" && find . -type f ! -name EXPECT) | while read -r f; do cp "$C/$c/$f" "$T/ws/$f"; done
done
screen_same "$T/ws" "profile, checklist and round"
[ "$(wc -l <"$T/screen.err")" = 3 ]
result $? "profile, checklist and round: three findings on the findings screen" "" "$T/screen.err"

# files that do not parse: no rule speaks of them, and the rounds of a
# profile that does not parse are not validated (a warning each says so)
make_case base
echo 'broken = ;' >>"$T/ws/assessments/2025.cfg"
screen_same "$T/ws" "a round that does not parse"
make_case base
echo 'broken = ;' >>"$T/ws/profile.cfg"
screen_same "$T/ws" "a profile that does not parse"
grep -q "not validated" "$T/screen.err"
result $? "a profile that does not parse: its rounds are not validated" "" "$T/screen.err"

cases=0
for dir in "$C"/*/; do
    name=$(basename "$dir")
    [ "$name" = base ] && continue
    cases=$((cases + 1))
    make_case "$name"
    grep -v '^#' "$C/$name/EXPECT" | LC_ALL=C sort >"$T/want"
    todo=$(sed -n 's/^# workbench-todo: //p' "$C/$name/EXPECT")
    what=$(sed -n '1s/^# //p' "$C/$name/EXPECT")
    [ -s "$T/want" ]
    result $? "$name: EXPECT names the findings of its defect"
    findings "$T/ws" check "$T/ws"
    compare "$T/want" "$name: kijun check finds $what"
    cp "$T/got" "$T/check"
    findings "$T/ws" check --workbench "$T/ws"
    compare "$T/want" "$name: the workbench's validation finds the same" "$todo"
    # each file with a finding, checked alone within its workspace
    bad=0
    : >"$T/alone.diff"
    for f in $(sed 's/:.*//' "$T/want" | sort -u); do
        grep "^$f:" "$T/want" | sed "s|^|$T/ws/|" >"$T/want1"
        findings "" check "$T/ws/$f"
        sed 's|^kijun: ||' "$T/err" | LC_ALL=C sort >"$T/got"
        if ! diff -u "$T/want1" "$T/got" >>"$T/alone.diff" || [ "$RC" != 1 ]; then
            bad=1
            echo "$f: status $RC" >>"$T/alone.diff"
        fi
    done
    result $bad "$name: kijun check on each file with a finding alone: its own findings" "" "$T/alone.diff"
    screen_same "$T/ws" "$name"
done
[ "$cases" -ge 15 ]
result $? "the corpus has its cases ($cases)"

# --- issue 10 (e): a file's kind by its place in the workspace -------------------
# a workspace in a folder called assessments: its profile.cfg is a profile
mkdir -p "$T/e/assessments"
rm -rf "$T/e/assessments/ws"
cp -R "$C/base" "$T/e/assessments/ws"
findings "$T/e" check "$T/e/assessments/ws/profile.cfg"
[ "$RC" = 0 ] && grep -q "1 file, clean" "$T/out"
result $? "a profile.cfg in a workspace under a folder named assessments is checked as a profile (got $RC)" "" "$T/err"
findings "$T/e" check "$T/e/assessments/ws/checklist.cfg"
[ "$RC" = 0 ]
result $? "... its checklist.cfg as a checklist" "" "$T/err"
findings "$T/e" check "$T/e/assessments/ws/assessments/2026.cfg"
[ "$RC" = 0 ]
result $? "... its assessments/2026.cfg as a round of that workspace" "" "$T/err"
# the round from within its folder
(cd "$T/e/assessments/ws/assessments" && "$KIJUN" check 2026.cfg >"$T/out" 2>"$T/err")
RC=$?
[ "$RC" = 0 ]
result $? "kijun check 2026.cfg in the assessments folder: a round (got $RC)" "" "$T/err"
# a profile.cfg that is no workspace's: not read as a round
mkdir -p "$T/e/x/assessments"
cp "$C/base/assessments/2026.cfg" "$T/e/x/assessments/profile.cfg"
findings "$T/e" check "$T/e/x/assessments/profile.cfg"
grep -q "missing group 'organisation" "$T/err"
result $? "assessments/profile.cfg is a profile by its name (a round's content is reported as such)" "" "$T/err"
# a file that has no place in a workspace
cp "$C/base/profile.cfg" "$T/e/other.cfg"
findings "$T/e" check "$T/e/other.cfg"
[ "$RC" = 2 ] && grep -q "not a workspace file" "$T/err"
result $? "a file with no place in a workspace: exit 2, it says what kijun check takes (got $RC)" "" "$T/err"
findings "$T/e" check "$T/e/nothing.cfg"
[ "$RC" = 2 ] && grep -q "nothing.cfg: error: no such file" "$T/err"
result $? "a missing file: exit 2, no such file (got $RC)" "" "$T/err"
# a round beside no readable profile: said, not validated against nothing
mkdir -p "$T/e/lone/assessments"
cp "$C/base/assessments/2026.cfg" "$T/e/lone/assessments/2026.cfg"
findings "$T/e" check "$T/e/lone/assessments/2026.cfg"
[ "$RC" = 1 ] && grep -q "2026.cfg: warning: not validated: the profile beside it" "$T/err" \
    && ! grep -q "does not exist" "$T/err"
result $? "a round without its profile: a warning, no false broken references (got $RC)" "" "$T/err"

if [ "$VG" = 1 ]; then
    vg_check
    result $? "valgrind: no errors or leaks ($VG_WHY)"
fi
echo "1..$N"
exit "$FAILED"
