#!/usr/bin/env python3
"""bench/gen.py: large workspaces for the benchmark, grown from the demo.

    bench/gen.py [--demo DIR] [--risks N] [--resources N] OUT

copies the demo workspace (data/demo/en) to OUT and grows it: --risks N
makes the round 2026 hold N risks, --resources N makes the profile hold N
management resources. The new entries are copies of the demo's own (each
with a fresh id and a numbered title or name), so they are valid wherever
the demo is, reference only what the demo has, and their texts have the
demo's lengths. `kijun check OUT` finds the workspace clean.
"""
import argparse
import os
import re
import shutil
import sys

ID_LINE = re.compile(r'^(    id = ")([^"]*)(";)$')
TEXT_LINE = {"risks": re.compile(r'^(    title = ")([^"]*)(";)$'),
             "resources": re.compile(r'^(    name = ")([^"]*)(";)$')}


def split_list(text, name):
    """The file as (head, entries, tail) around the top-level list NAME.

    Each entry is the text of one group, "  {" to "  }", without the comma
    that separates it from the next. The demo's files are written by kijun,
    one setting a line, so the list's bounds are lines at column 0."""
    lines = text.split("\n")
    try:
        start = lines.index(name + " = (")
        end = lines.index(");", start)
    except ValueError:
        sys.exit("gen.py: no list '%s = (' ... ');' in the demo file" % name)
    entries, cur = [], None
    for line in lines[start + 1:end]:
        if line == "  {":
            cur = [line]
        elif line in ("  }", "  },"):
            cur.append("  }")
            entries.append("\n".join(cur))
            cur = None
        elif cur is not None:
            cur.append(line)
    if not entries or cur is not None:
        sys.exit("gen.py: cannot read the entries of '%s' in the demo file" % name)
    head = "\n".join(lines[:start + 1]) + "\n"
    tail = "\n" + "\n".join(lines[end:])
    return head, entries, tail


def copy_entry(entry, name, n):
    """Entry number n, a copy of a demo entry with a new id and label."""
    out = []
    for line in entry.split("\n"):
        m = ID_LINE.match(line)
        if m:
            line = '%s%s-b%05d%s' % (m.group(1), m.group(2), n, m.group(3))
        m = TEXT_LINE[name].match(line)
        if m:
            line = '%s%s (#%d)%s' % (m.group(1), m.group(2), n, m.group(3))
        out.append(line)
    return "\n".join(out)


def grow(path, name, total):
    """Make the list NAME of the file at path hold total entries."""
    with open(path, encoding="utf-8") as f:
        head, entries, tail = split_list(f.read(), name)
    extra = [copy_entry(entries[i % len(entries)], name, i + 1)
             for i in range(max(0, total - len(entries)))]
    with open(path, "w", encoding="utf-8") as f:
        f.write(head + ",\n".join(entries + extra) + tail)


def make(demo, out, risks=0, resources=0):
    """A copy of the demo workspace at out, grown to risks and resources."""
    shutil.copytree(demo, out)
    for dirpath, _, files in os.walk(out):
        os.chmod(dirpath, 0o700)
        for f in files:
            os.chmod(os.path.join(dirpath, f), 0o600)
    if risks:
        grow(os.path.join(out, "assessments", "2026.cfg"), "risks", risks)
    if resources:
        grow(os.path.join(out, "profile.cfg"), "resources", resources)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--demo", default=os.path.join(here, "..", "data", "demo", "en"))
    ap.add_argument("--risks", type=int, default=0, help="risks in the round 2026")
    ap.add_argument("--resources", type=int, default=0, help="resources in the profile")
    ap.add_argument("out")
    a = ap.parse_args()
    make(a.demo, a.out, a.risks, a.resources)


if __name__ == "__main__":
    main()
