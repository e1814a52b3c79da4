#!/bin/sh
# export.sh: kijun export, read back. The JSON of the demo holds every
# setting of its files (read by tests/export_check.py, a reader of its
# own), validates against the shipped JSON Schema, is the same bytes from
# run to run, and names each file with its SHA-256 as sha256sum gives it;
# the CSV's rows are the register's risks; hostile text is escaped in the
# JSON and neutralised in the CSV; nothing is written in the workspace;
# errors exit 2 with a message.
set -u
: "${KIJUN:?}" "${KIJUN_SRCDIR:?}"
data=${KIJUN_TEST_DATA:-$KIJUN_SRCDIR/data}
T=$(mktemp -d "${TMPDIR:-/tmp}/kijun-export-XXXXXX")
trap 'rm -rf "$T"' EXIT
n=0
failed=0
result() {
    n=$((n + 1))
    if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; [ -s "$T/err" ] && sed 's/^/# /' "$T/err"; fi
}
skip() {
    n=$((n + 1))
    echo "ok $n - $1 # SKIP $2"
}
check=$KIJUN_SRCDIR/tests/export_check.py
# a python with jsonschema: Debian's python3-jsonschema is /usr/bin/python3's
py=
for p in python3 /usr/bin/python3; do
    if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import jsonschema' 2>/dev/null; then py=$p; break; fi
done
py_plain=$(command -v python3 || command -v /usr/bin/python3 || true)
echo "1..62"

for lang in en ja; do
    ws=$T/demo-$lang
    cp -R "$data/demo/$lang" "$ws"
    chmod -R u+w "$ws"
    ls -laR "$ws" >"$T/before"
    "$KIJUN" export --format json "$ws" >"$T/$lang.json" 2>"$T/err"
    result $? "$lang: the demo exports as JSON"
    if [ -n "$py_plain" ]; then
        "$py_plain" "$check" json "$ws" "$T/$lang.json" 2>"$T/err"
        result $? "$lang: every setting of every file is in the JSON, the same; each file's SHA-256 and the digest as sha256sum gives them"
    else
        skip "$lang: the JSON read back" "no python3"
    fi
    if [ -n "$py" ]; then
        "$py" "$check" schema "$data/export.schema.json" "$T/$lang.json" 2>"$T/err"
        result $? "$lang: the JSON validates against data/export.schema.json"
    else
        skip "$lang: the JSON against its schema" "no python3-jsonschema (install the Debian package python3-jsonschema)"
    fi
    "$KIJUN" export --format csv --round 2026 "$ws" >"$T/$lang.csv" 2>"$T/err"
    result $? "$lang: the register of round 2026 exports as CSV"
    if [ -n "$py_plain" ]; then
        "$py_plain" "$check" csv "$ws" "$T/$lang.json" "$T/$lang.csv" 2026 2>"$T/err"
        result $? "$lang: the CSV's rows are the round's risks, its cells their values"
    else
        skip "$lang: the CSV read back" "no python3"
    fi
    ls -laR "$ws" >"$T/after"
    cmp -s "$T/before" "$T/after"
    result $? "$lang: nothing was written in the workspace (no lock, no journal)"
done

ws=$T/demo-en
"$KIJUN" export --format json "$ws" >"$T/again.json" 2>"$T/err"
cmp -s "$T/en.json" "$T/again.json"
result $? "the same workspace gives the same bytes"
! grep -q exported_at "$T/en.json"
result $? "without --timestamp the JSON holds no moment of export"
SOURCE_DATE_EPOCH=1764547200 "$KIJUN" export --format json "$ws" >"$T/epoch.json" 2>"$T/err" &&
    grep -q '"exported_at": "2025-12-01T00:00:00Z"' "$T/epoch.json"
result $? "SOURCE_DATE_EPOCH gives the moment of export"
"$KIJUN" export --format json --timestamp "$ws" 2>"$T/err" | grep -q '"exported_at": "20[0-9][0-9]-'
result $? "--timestamp gives the moment of export"
"$KIJUN" export --schema | cmp -s - "$data/export.schema.json"
result $? "data/export.schema.json is the schema kijun makes from its field tables (kijun export --schema)"
if [ -n "$py" ]; then
    sed 's/"owner": /"owner_typo": /' "$T/en.json" >"$T/bad.json"
    ! "$py" "$check" schema "$data/export.schema.json" "$T/bad.json" 2>/dev/null
    result $? "the schema refuses a field it does not know"
else
    skip "the schema refuses a field it does not know" "no python3-jsonschema"
fi

# the latest round by default; --round and -o; the file mode; the message
"$KIJUN" export --format csv "$ws" >"$T/latest.csv" 2>"$T/err" && cmp -s "$T/latest.csv" "$T/en.csv"
result $? "without --round the CSV is of the latest round (2026)"
"$KIJUN" export --format csv --round 2025 -o "$T/out.csv" "$ws" 2>"$T/err" &&
    grep -q "round 2025" "$T/err" && grep -q "$T/out.csv" "$T/err"
result $? "-o writes the file and says where it went"
[ "$(stat -c %a "$T/out.csv")" = 600 ]
result $? "the file is written with mode 0600"
head -c 3 "$T/out.csv" | od -An -tx1 | grep -qv 'ef bb bf'
result $? "no byte-order mark by default"
"$KIJUN" export --format csv --bom --round 2025 "$ws" 2>"$T/err" | head -c 3 | od -An -tx1 | grep -q 'ef bb bf'
result $? "--bom starts the CSV with UTF-8's byte-order mark, for Excel"
ln -s "$T/target" "$T/link.csv"
"$KIJUN" export --format csv -o "$T/link.csv" "$ws" 2>"$T/err"
[ $? = 2 ] && [ ! -e "$T/target" ]
result $? "a link at the output file is refused (exit 2), nothing written through it"

# hostile text: the JSON escapes it, the CSV neutralises formulas
hws=$T/hostile
cp -R "$data/demo/en" "$hws"
chmod -R u+w "$hws"
f=$hws/assessments/2026.cfg
sed -i '0,/title = "An unpatched flaw[^"]*";/s//title = "=HYPERLINK(\\"http:\/\/x\\",\\"a, b\\")";/' "$f"
rlo=$(printf '\342\200\256')
sed -i "0,/owner = \"Head, Electrical and Instrumentation Division\";/s//owner = \"+1 @x, \\\\\"q\\\\\" \\& <b> $rlo end\";/" "$f"
grep -q HYPERLINK "$f"
result $? "(the hostile round is made)"
"$KIJUN" export --format csv --round 2026 "$hws" >"$T/h.csv" 2>"$T/err"
result $? "a round with hostile text exports as CSV"
grep -q "^risk-vpn-unpatched,\"'=HYPERLINK(\"\"http://x\"\",\"\"a, b\"\")\"," "$T/h.csv"
result $? "a cell that begins with = is neutralised with ', and quoted with its quotes doubled"
"$KIJUN" export --format json "$hws" >"$T/h.json" 2>"$T/err"
grep -q '"title": "=HYPERLINK(\\"http://x\\",\\"a, b\\")"' "$T/h.json" &&
    grep -q '"owner": "+1 @x, \\"q\\" & <b> ' "$T/h.json"
result $? "in the JSON it is the text as it is, its quotes escaped"
if [ -n "$py_plain" ]; then
    "$py_plain" "$check" json "$hws" "$T/h.json" 2>"$T/err" &&
        "$py_plain" "$check" csv "$hws" "$T/h.json" "$T/h.csv" 2026 2>"$T/err"
    result $? "the hostile texts read back the same from both (the neutralisation undone)"
else
    skip "the hostile texts read back" "no python3"
fi
# a control character kijun does not take: left out of the data, a finding
sed -i '0,/owner = "Head, Electrical and Instrumentation Division";/s//owner = "tab\\there";/' "$f"
"$KIJUN" export --format json "$hws" >"$T/c.json" 2>"$T/err"
grep -q "\"text\": \"'owner' contains a control character" "$T/c.json" && ! grep -q '"owner": "tab' "$T/c.json"
result $? "a value kijun did not take is left out, and the JSON's findings say why"

# the Markdown report of a round, and --verify
for lang in en ja; do
    ws=$T/demo-$lang
    "$KIJUN" export --lang $lang --format md --round 2026 "$ws" >"$T/$lang.md" 2>"$T/err"
    result $? "$lang: round 2026's report exports as Markdown"
    digest=$(sed -n 's/^    "sha256": "\([0-9a-f]*\)".*/\1/p' "$T/$lang.json")
    grep -q "kijun-source sha256=$digest profile.cfg=" "$T/$lang.md"
    result $? "$lang: the report names the SHA-256 of its files, the JSON's"
    rows=$(sed -n '/^### /,/^## /p' "$T/$lang.md" | grep -c '^| [^-]' )
    risks=$(grep -c '^risk-' "$T/$lang.csv")
    heads=$(sed -n '/^### /,/^## /p' "$T/$lang.md" | grep -c '^### ')
    [ "$((rows - heads))" = "$risks" ]
    result $? "$lang: the register by band has a row per risk ($((rows - heads)) of $risks)"
done
grep -q '^## Sign-offs' "$T/en.md" && grep -q '^## 承認' "$T/ja.md" && grep -q '^## 概要' "$T/ja.md"
result $? "the report's sections are headed, in the language asked for"
"$KIJUN" export --verify "$T/en.md" "$T/demo-en" >"$T/out" 2>"$T/err"
[ $? = 0 ] && grep -q "matches" "$T/out"
result $? "--verify: the Markdown report matches the workspace it was made from (exit 0)"
"$KIJUN" export --verify "$T/en.json" "$T/demo-en" >"$T/out" 2>"$T/err"
result $? "--verify: so does the JSON export"
"$KIJUN" export --verify "$T/en.md" "$T/demo-ja" >"$T/out" 2>"$T/err"
[ $? = 1 ] && grep -q "changed since: profile.cfg" "$T/out"
result $? "--verify: not another workspace (exit 1, the files named)"
vws=$T/verify
cp -R "$data/demo/en" "$vws"
chmod -R u+w "$vws"
"$KIJUN" export --format md -o "$T/v.md" "$vws" 2>"$T/err"
sed -i 's/threshold = 10;/threshold = 11;/' "$vws/assessments/2026.cfg"
cp "$vws/assessments/2025.cfg" "$vws/assessments/2027.cfg"
rm "$vws/checklist.cfg"
"$KIJUN" export --verify "$T/v.md" "$vws" >"$T/out" 2>"$T/err"
[ $? = 1 ] && grep -q "changed since: assessments/2026.cfg" "$T/out" &&
    grep -q "new since: *assessments/2027.cfg" "$T/out" && grep -q "gone since: *checklist.cfg" "$T/out" &&
    ! grep -q "assessments/2025.cfg" "$T/out"
result $? "--verify names what changed, what is new and what is gone, and nothing else"
"$KIJUN" export --verify "$T/out" "$vws" >"$T/out2" 2>"$T/err"
[ $? = 2 ] && grep -q "not one of its reports" "$T/err"
result $? "--verify of a file that is no report: exit 2"
mkfifo "$T/fifo"
timeout 10 "$KIJUN" export --verify "$T/fifo" "$vws" >/dev/null 2>"$T/err"
[ $? = 2 ] && grep -q "cannot read the report" "$T/err"
result $? "--verify of a FIFO: exit 2 at once, not waiting on it"
# hostile text in the Markdown: no HTML gets through, no table is broken
mws=$T/mdhostile
cp -R "$data/demo/en" "$mws"
chmod -R u+w "$mws"
sed -i '0,/title = "An unpatched flaw[^"]*";/s//title = "<script>alert(1)<\/script> a | b \*x\* [l](http:\/\/e)";/' "$mws/assessments/2026.cfg"
"$KIJUN" export --format md --round 2026 "$mws" >"$T/m.md" 2>"$T/err"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt; a \\| b \\\*x\\\* \\\[l\\\](http://e)' "$T/m.md" && ! grep -q '<script>' "$T/m.md"
result $? "Markdown: workspace text is escaped (no HTML, no table cell broken by |, no emphasis or link)"

# a second breaker's findings, each kept from coming back
bws2=$T/b2
cp -R "$data/demo/en" "$bws2"
chmod -R u+w "$bws2"
cp "$bws2/assessments/2026.cfg" "$T/2026.before"
"$KIJUN" export --format csv -o "$bws2/assessments/2026.cfg" "$bws2" >/dev/null 2>"$T/err"
[ $? = 2 ] && grep -q "is in the workspace, which an export never writes into" "$T/err" &&
    cmp -s "$T/2026.before" "$bws2/assessments/2026.cfg"
result $? "-o into the workspace (over a round) is refused, the file untouched"
(cd "$bws2" && "$KIJUN" export --format json -o profile.cfg) >/dev/null 2>"$T/err"
[ $? = 2 ] && ! grep -q kijun_export "$bws2/profile.cfg"
result $? "-o over the profile, from inside the workspace: refused"
(cd "$bws2" && "$KIJUN" export --format json) 2>"$T/err" | grep -q '"workspace": "b2"'
result $? "the workspace's name is its folder's, also when given as ."
(cd "$bws2" && "$KIJUN" export --format md -o -) 2>"$T/err" | grep -q '^# Risk assessment'
result $? "-o - is the standard output"
"$KIJUN" export --format csv --timestamp "$bws2" >/dev/null 2>"$T/err"
[ $? = 2 ] && grep -q -- "--timestamp is for" "$T/err"
result $? "--timestamp with csv: exit 2, said"
SOURCE_DATE_EPOCH=99999999999999 "$KIJUN" export --format json "$bws2" 2>"$T/err" | grep -q exported_at
[ $? -ne 0 ]; result $? "a SOURCE_DATE_EPOCH past 9999 is no moment of export"
# --verify: a report whose list of files was cut, or whose digest was changed
"$KIJUN" export --format json -o "$T/v2.json" "$bws2" 2>/dev/null
"${py_plain:-python3}" - "$T/v2.json" "$T/cut.json" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1]))
d["source"]["files"] = d["source"]["files"][:2]
json.dump(d, open(sys.argv[2], "w"), indent=2, ensure_ascii=False)
open(sys.argv[2], "a").write("\n")
PYEOF
"$KIJUN" export --verify "$T/cut.json" "$bws2" >"$T/out" 2>"$T/err"
[ $? = 1 ] && grep -q "its list of files does not give its SHA-256" "$T/out"
result $? "--verify: a report whose list of files was cut does not match (exit 1, said)"
# the JSON laid out otherwise (minified, indented by 4, escaped to ASCII) is the same export
"${py_plain:-python3}" - "$T/v2.json" "$T" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1]))
json.dump(d, open(sys.argv[2] + "/min.json", "w"), separators=(",", ":"))
json.dump(d, open(sys.argv[2] + "/ind.json", "w"), indent=4, ensure_ascii=True)
PYEOF
"$KIJUN" export --verify "$T/min.json" "$bws2" >/dev/null 2>"$T/err" &&
    "$KIJUN" export --verify "$T/ind.json" "$bws2" >/dev/null 2>"$T/err"
result $? "--verify reads a JSON export however it was laid out since (minified, indented, escaped)"
# defects in the round: the report says so first; stale acceptances are no acceptance
cws=$T/crit
cp -R "$data/demo/en" "$cws"
chmod -R u+w "$cws"
sed -i '0,/  threshold = 10;/s///' "$cws/assessments/2026.cfg"
"$KIJUN" export --format md --round 2026 "$cws" >"$T/crit.md" 2>"$T/err"
sed -n '/^## Summary/,/^## /p' "$T/crit.md" | grep -q "risk criteria are not valid"
result $? "a round without a threshold: the report's summary says its criteria are not valid, first"
"$KIJUN" export --format html --round 2026 "$cws" >"$T/crit.html" 2>"$T/err"
grep -q 'class="alert"' "$T/crit.html"
result $? "and so does the HTML's first page"
sws=$T/stale
cp -R "$data/demo/en" "$sws"
chmod -R u+w "$sws"
sed -i '0,/    decision = "mitigate";/s//    decision = "accept";\n    accepted_by = "CISO";\n    accepted_on = "2026-07-01";\n    accepted_value = 15;/' "$sws/assessments/2026.cfg"
"$KIJUN" export --format html --round 2026 "$sws" >"$T/stale.html" 2>"$T/err"
grep -q "acceptances stale" "$T/stale.html" && grep -q "Stale: its value is 20 now" "$T/stale.html" &&
    grep -q '<b>13</b>at or above the threshold, not accepted' "$T/stale.html"
result $? "a stale acceptance is no acceptance on the summary: counted as not accepted, said stale"
nws=$T/neg
cp -R "$data/demo/en" "$nws"
chmod -R u+w "$nws"
sed -i '0,/    likelihood = 4;/s//    likelihood = -3;/' "$nws/assessments/2026.cfg"
sed -i "0,/title = \"An unpatched flaw[^\"]*\";/s//title = \"a $rlo b\";/" "$nws/assessments/2026.cfg"
"$KIJUN" export --format csv --round 2026 "$nws" 2>"$T/err" | grep -q "^risk-vpn-unpatched,.*,\"'-3\",\"'-15\","
result $? "CSV: a negative number begins with '-': neutralised too"
"$KIJUN" export --format md --round 2026 "$nws" 2>"$T/err" | grep -q 'a &lt;U+202E&gt; b'
result $? "Markdown: a bidi override is shown as <U+202E>, not passed through"
if [ -n "$py" ]; then
    dws=$T/date
    cp -R "$data/demo/en" "$dws"
    chmod -R u+w "$dws"
    sed -i '0,/due = "2026-09-30";/s//due = "2026-02-30";/' "$dws/assessments/2026.cfg"
    "$KIJUN" export --format json "$dws" >"$T/date.json" 2>"$T/err"
    "$py" - "$data/export.schema.json" "$T/date.json" <<'PYEOF' 2>"$T/err"
import json, sys, jsonschema
schema, data = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
v = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
errors = list(v.iter_errors(data))
for e in errors: print(e.message, file=sys.stderr)
sys.exit(1 if errors else 0)
PYEOF
    result $? "the export of a workspace with a bad date still validates against its schema (with the format checker)"
else
    skip "the export of a bad date validates" "no python3-jsonschema"
fi

# errors: exit 2 and a message
"$KIJUN" export "$ws" >/dev/null 2>"$T/err"
[ $? = 2 ] && grep -q -- "--format" "$T/err"
result $? "no --format: exit 2, the message names it"
"$KIJUN" export --format pdf "$ws" >/dev/null 2>"$T/err"
[ $? = 2 ] && grep -q "pdf" "$T/err"
result $? "an unknown format: exit 2, named"
"$KIJUN" export --format csv --round 1999 "$ws" >/dev/null 2>"$T/err"
[ $? = 2 ] && grep -q "no round '1999'" "$T/err"
result $? "no such round: exit 2, named"
bws=$T/broken
cp -R "$data/demo/en" "$bws"
chmod -R u+w "$bws"
echo 'risks = ( {' >>"$bws/assessments/2025.cfg"
"$KIJUN" export --format json "$bws" >"$T/b.json" 2>"$T/err"
[ $? = 2 ] && grep -q "assessments/2025.cfg" "$T/err" && [ ! -s "$T/b.json" ]
result $? "a round that cannot be read: exit 2, named, nothing exported"
exit $failed
