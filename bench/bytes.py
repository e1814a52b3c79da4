#!/usr/bin/env python3
"""bench/bytes.py: bytes and time per cursor move in kijun's Guideline
browser, beside a bare ncurses list (bench/floor-list --rows) of rows of
the same text, taken from kijun's tree in the same run.

    bench/bytes.py --kijun KIJUN --floor FLOOR_LIST --datadir DATA
                   [--moves N] [--rate BYTES_PER_S] [--check]

Both run in an 80x24 pseudo-terminal, with TERM=vt220 and LANG=C, then
with TERM=xterm-256color and LANG=C.UTF-8. Their output reaches the
screen through a relay that delivers it at --rate bytes a second (960: a
line of 9600 baud), byte by byte, so that the byte after which the
highlight stands on its new row is known. For each cursor move (Down, then
Up, within the first screen; each key sent when the answer to the last one
has been delivered) it counts:

  the bytes up to the highlight on its new row (the whole row highlighted,
  the row it left wholly plain), and all the bytes of the key;
  the time from the key to the highlight seen, and to the last byte.

Then it sends 8 Down keys at once (typed ahead): kijun must not draw the
panes that follow the cursor while keys are pending, so at most 8 times
1.2x the bare list's highlight move plus one follow-up (kijun's bytes of a
move after its highlight).

With --shim (bench/slowline_shim.so, which gives the programs the output
queue of a 9600-baud line: ioctl TIOCOUTQ counts what that line has yet
to send) it also holds Down for 8 keys at 30 a second: kijun must wait for
the line to send each highlight before the panes that follow, and a key
that comes meanwhile goes first, within the same bound.

The same moves are then measured in the register of the demo's round
2026 (5, Enter, r), beside the bare list of its rows: at most 1.2x too,
at 80x24 and at 132x43, where its preview pane stands beside it and
follows the highlight as the browser's detail does (the bare list's rows
as wide as the register's table; 8 keys typed ahead draw the preview once).

It prints a table and, for each terminal, kijun's bytes to the highlight
over the bare list's: at most 1.2x. A report: it exits 0 whatever the
numbers, except with --check (the functional test tests/bytes.sh: no
throttle, nothing timed), which exits 1 when a ratio is over 1.2x. Exit 2:
it could not measure.
"""
import argparse
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from slowline import SlowTty  # noqa: E402
from term import KEY_TIMEOUT, SCREEN_TIMEOUT, SETTLE, BenchError  # noqa: E402

COLS, ROWS = 80, 24
WIDE = (132, 43)  # where the register's preview stands beside it
LIMIT = 1.2
AHEAD = 8  # keys sent at once, as typed ahead
# TERM, LANG, and the arrow keys that terminal sends in keypad mode
TERMINALS = [("vt220", "C", b"\x1b[B", b"\x1b[A"),
             ("xterm-256color", "C.UTF-8", b"\x1bOB", b"\x1bOA")]


def keybar_drawn(screen):
    """the first full screen: its bottom line (the key bar) is drawn."""
    return screen.line(screen.rows - 1).strip() != ""


def hl_rows(screen, region, width=None):
    """The rows of region highlighted from their first column to their
    last (to column width - 1: a list beside a pane)."""
    w = width or screen.cols
    return [y for y in region if screen.hl[y][0] and screen.hl[y][w - 1]]


def hl_span(screen, y):
    """The columns of row y highlighted from the first on: the list's width."""
    w = 0
    while w < screen.cols and screen.hl[y][w]:
        w += 1
    return w


def moved(screen, region, target, before, width):
    """The highlight stands on target, whole (its first width columns), and
    is gone from the row it was on, whole, and from every other row's first
    column."""
    return (all(screen.hl[target][:width]) and not any(screen.hl[before][:width])
            and not any(screen.hl[y][0] for y in region if y != target))


def kijun_tree(screen):
    """The rows of the browser's tree: from line 2 to the rule under it."""
    for y in range(2, screen.rows - 2):
        s = screen.line(y).strip()
        if s and set(s) <= {"\u2500", "-"}:
            return range(1, y)
    raise BenchError("no rule under the browser's tree at %dx%d" % (COLS, ROWS))


def to_register(t):
    """The register of the demo's round 2026: 5, Enter on the round, r."""
    for key, shown in ((b"5", "Assessment rounds"), (b"\r", "Round 2026"), (b"r", "Register:")):
        t.send(key)
        t.wait_for(shown)


def register_rows(screen):
    """The register's rows: from the highlighted one down to the last
    before the status line (in the table's columns: from 120 the preview
    stands beside them)."""
    now = [y for y in range(1, screen.rows - 2) if screen.hl[y][0]]
    if len(now) != 1:
        raise BenchError("the register shows no single highlighted row")
    end, w = now[0], hl_span(screen, now[0])
    while end < screen.rows - 2 and "".join(screen.cells[end][:w]).strip():
        end += 1
    return range(now[0], end)


def moves(argv, env, quit_key, region_of, down, up, count, rate, reach=None, size=(COLS, ROWS)):
    """count cursor moves (in the list that reach(tty) opens, else on the
    first screen) at size: the rows' text (in the highlight's columns),
    per key (bytes to the highlight, all bytes, seconds to the highlight,
    seconds to the last byte), and the highlight's width."""
    t = SlowTty(argv, env, size[0], size[1], rate)
    try:
        t.wait_for(keybar_drawn)
        if reach:
            reach(t)
        region = region_of(t.screen)
        width = hl_span(t.screen, region[0])
        if width < 2:
            raise BenchError("%s: the highlight is not on the first row" % os.path.basename(argv[0]))
        text = ["".join(c for c in t.screen.cells[y][:width] if c).rstrip() for y in region]
        now = hl_rows(t.screen, region, width)
        if len(now) != 1 or now[0] != region[0]:
            raise BenchError("%s: the highlight is not on the first row" % os.path.basename(argv[0]))
        cur, span = now[0], min(10, len(region) - 1)
        if span < 1:
            raise BenchError("%s: fewer than two rows" % os.path.basename(argv[0]))
        pattern = [down] * span + [up] * span
        out = []
        for i in range(count):
            key = pattern[i % len(pattern)]
            target = cur + (1 if key == down else -1)
            mark, start = [], t.delivered

            def watch(due, target=target, before=cur, mark=mark, start=start):
                if not mark and moved(t.screen, region, target, before, width):
                    mark.append((t.delivered - start, due))
            t.watch = watch
            sent = time.monotonic()
            t.send(key)
            if not t.settle(SETTLE, SCREEN_TIMEOUT, first=KEY_TIMEOUT):
                raise BenchError("%s: a key drew nothing" % os.path.basename(argv[0]))
            t.watch = None
            if not mark:
                raise BenchError("%s: the highlight did not move to line %d"
                                 % (os.path.basename(argv[0]), target + 1))
            out.append((mark[0][0], t.delivered - start, mark[0][1] - sent, t.last_output - sent))
            cur = target
        return text, out, width
    finally:
        t.close(quit_key)


def typed_ahead(argv, env, quit_key, down, count, rate, reach=None, size=(COLS, ROWS)):
    """The bytes of count Down keys sent at once, as typed ahead (in the
    list that reach(tty) opens, else on the first screen)."""
    t = SlowTty(argv, env, size[0], size[1], rate)
    try:
        t.wait_for(keybar_drawn)
        if reach:
            reach(t)
        start = t.delivered
        t.send(down * count)
        if not t.settle(SETTLE * 4, SCREEN_TIMEOUT, first=KEY_TIMEOUT):
            raise BenchError("%s: keys typed ahead drew nothing" % os.path.basename(argv[0]))
        return t.delivered - start
    finally:
        t.close(quit_key)


def held(argv, env, quit_key, down, count, rate, every=1 / 30.0):
    """count Down keys, one every `every` seconds (a key held down, at the
    usual auto-repeat): the bytes from the first key to the last byte."""
    t = SlowTty(argv, env, COLS, ROWS, rate)
    try:
        t.wait_for(keybar_drawn)
        start = t.delivered
        for _ in range(count):
            t.send(down)
            end = time.monotonic() + every
            while time.monotonic() < end:
                t.pump(end - time.monotonic())
        # the panes follow once the line has sent the highlights (kijun
        # waits for that at most a second)
        if not t.settle(1.2, SCREEN_TIMEOUT):
            raise BenchError("%s: a held key drew nothing" % os.path.basename(argv[0]))
        return t.delivered - start
    finally:
        t.close(quit_key)


def mean(rows, i):
    return sum(r[i] for r in rows) / len(rows)


def ratio_rows(first, all_label, fl, kj):
    """Print the bytes until the highlight (the checked ratio) and all the
    bytes per move, the bare list's beside kijun's; True when over LIMIT."""
    ratio = mean(kj, 0) / mean(fl, 0)
    verdict = "PASS" if round(ratio, 2) <= LIMIT else "FAIL"
    print("  %-52s%12.0f%12.0f%7.2fx  %s (<= %gx)"
          % (first, mean(fl, 0), mean(kj, 0), ratio, verdict, LIMIT))
    print("  %-52s%12.0f%12.0f" % (all_label, mean(fl, 1), mean(kj, 1)))
    return verdict == "FAIL"


def times(fl, kj, rate, what=""):
    if rate:
        print("  %-52s%12.0f%12.0f" % (what + "ms until the highlight is seen",
                                       mean(fl, 2) * 1000, mean(kj, 2) * 1000))
        print("  %-52s%12.0f%12.0f" % (what + "ms until the last byte of the key",
                                       mean(fl, 3) * 1000, mean(kj, 3) * 1000))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kijun", required=True)
    ap.add_argument("--floor", required=True, help="bench/floor-list")
    ap.add_argument("--datadir", required=True, help="kijun's data folder (the library, the demo)")
    ap.add_argument("--moves", type=int, default=20, help="keys a program and terminal")
    ap.add_argument("--rate", type=float, default=960.0, help="bytes a second (0: no throttle)")
    ap.add_argument("--shim", help="bench/slowline_shim.so: a serial line's output queue")
    ap.add_argument("--check", action="store_true", help="no throttle; exit 1 over %gx" % LIMIT)
    a = ap.parse_args()
    rate = None if a.check or a.rate <= 0 else a.rate
    tmp = tempfile.mkdtemp(prefix="kijun-bytes-")
    over = failed = False
    try:
        home = os.path.join(tmp, "home")
        os.makedirs(home)
        base = {k: v for k, v in os.environ.items()
                if not k.startswith(("LC_", "KIJUN_", "XDG_")) and k not in ("NO_COLOR", "LANGUAGE")}
        base.update(HOME=home, KIJUN_TODAY="2026-11-25", KIJUN_DATADIR=os.path.abspath(a.datadir),
                    XDG_CONFIG_HOME=os.path.join(home, ".config"),
                    XDG_DATA_HOME=os.path.join(home, ".local", "share"))
        line = "a line of %.0f bytes/s" % rate if rate else "no throttle"
        print("bytes and time per cursor move: the Guideline browser (--demo --lang en) beside")
        print("bench/floor-list, a bare ncurses list of the same rows; %dx%d, %s, %d moves"
              % (COLS, ROWS, line, a.moves))
        print("  %-52s%12s%12s%8s" % ("", "bare list", "kijun", "ratio"))
        for term, lang, down, up in TERMINALS:
            env = dict(base, TERM=term, LANG=lang)
            print("TERM=%s LANG=%s" % (term, lang))
            try:
                text, kj, _ = moves([a.kijun, "--lang", "en", "--demo"], env, b"Q", kijun_tree,
                                    down, up, a.moves, rate)
                rows_file = os.path.join(tmp, "rows-%s.txt" % term)
                with open(rows_file, "w", encoding="utf-8", errors="replace") as f:
                    f.write("".join(s + "\n" for s in text))
                _, fl, _ = moves([a.floor, "--rows", rows_file], env, b"q",
                                 lambda s, n=len(text): range(1, 1 + n), down, up, a.moves, rate)
                ahead = min(AHEAD, len(text) - 1)
                kj_ahead = typed_ahead([a.kijun, "--lang", "en", "--demo"], env, b"Q", down, ahead, rate)
                fl_ahead = typed_ahead([a.floor, "--rows", rows_file], env, b"q", down, ahead, rate)
                if a.shim:
                    line = dict(env, LD_PRELOAD=os.path.abspath(a.shim), KIJUN_BENCH_LINE_RATE="960")
                    kj_held = held([a.kijun, "--lang", "en", "--demo"], line, b"Q", down, ahead, rate)
                    fl_held = held([a.floor, "--rows", rows_file], line, b"q", down, ahead, rate)
            except (BenchError, OSError) as e:
                print("  n/a: %s" % e)
                failed = True
                continue
            over |= ratio_rows("bytes until the highlight is on its row", "bytes per move, all", fl, kj)
            # typed ahead, each key costs a highlight move and the panes follow once
            bound = ahead * LIMIT * mean(fl, 0) + (mean(kj, 1) - mean(kj, 0))
            verdict = "PASS" if kj_ahead <= bound else "FAIL"
            over |= verdict == "FAIL"
            print("  %-52s%12d%12d  %s (<= %.0f)" % ("%d keys typed ahead, all bytes" % ahead,
                                                  fl_ahead, kj_ahead, verdict, bound))
            if a.shim:
                verdict = "PASS" if kj_held <= bound else "FAIL"
                over |= verdict == "FAIL"
                print("  %-52s%12d%12d  %s (<= %.0f)" % ("%d keys held (30/s), serial queue" % ahead,
                                                      fl_held, kj_held, verdict, bound))
            times(fl, kj, rate)
            # the register too, a checked target (its preview pane follows as
            # the browser's detail): at 80x24, and at 132x43 with the preview
            # beside it, beside a bare list of its rows as wide as its table
            for size in ((COLS, ROWS), WIDE):
                what = "register" if size == (COLS, ROWS) else "register %dx%d" % size
                try:
                    text, kj, width = moves([a.kijun, "--lang", "en", "--demo"], env, b"Q", register_rows,
                                            down, up, a.moves, rate, reach=to_register, size=size)
                    with open(rows_file, "w", encoding="utf-8", errors="replace") as f:
                        f.write("".join(s + "\n" for s in text))
                    floor = [a.floor, "--rows", rows_file, "--width", str(width)]
                    _, fl, _ = moves(floor, env, b"q", lambda s, n=len(text): range(1, 1 + n),
                                     down, up, a.moves, rate, size=size)
                    if size == WIDE:  # the preview drawn once, after the last key
                        ahead = min(AHEAD, len(text) - 1)
                        kj_ahead = typed_ahead([a.kijun, "--lang", "en", "--demo"], env, b"Q", down, ahead,
                                               rate, reach=to_register, size=size)
                        fl_ahead = typed_ahead(floor, env, b"q", down, ahead, rate, size=size)
                except (BenchError, OSError) as e:
                    print("  %s: n/a: %s" % (what, e))
                    failed = True
                    continue
                over |= ratio_rows(what + ": bytes until the highlight", what + ": bytes per move, all", fl, kj)
                if size == WIDE:
                    # the preview once: its largest follow-up of a single move
                    # (one risk 8 rows on differs from the first more than a
                    # neighbour does: the mean would not bound it)
                    bound = ahead * LIMIT * mean(fl, 0) + max(k[1] - k[0] for k in kj)
                    verdict = "PASS" if kj_ahead <= bound else "FAIL"
                    over |= verdict == "FAIL"
                    print("  %-52s%12d%12d  %s (<= %.0f)" % ("%s: %d keys typed ahead" % (what, ahead),
                                                          fl_ahead, kj_ahead, verdict, bound))
                times(fl, kj, rate, what + ": ")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if failed:
        return 2
    return 1 if a.check and over else 0


if __name__ == "__main__":
    sys.exit(main())
