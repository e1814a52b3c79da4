#!/usr/bin/env python3
"""bench/drive.py: the benchmark report of kijun (run it through bench/run).

    bench/drive.py --kijun KIJUN --floors DIR --datadir DATA [--moves N]

runs kijun and its floors (bench/floor-list, a bare ncurses list, and
bench/floor-parse, a bare libconfig parser) side by side: the workbench in
an 80x24 pseudo-terminal on the demo workspace and on workspaces grown by
bench/gen.py, `kijun check` and `kijun tree` as commands. It prints one
table, then the targets of issue 10 as ratios with PASS or FAIL. It is a
report: it exits 0 whatever the numbers are, and a measurement that cannot
be made shows as n/a with a note below the table.
"""
import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402  (bench/gen.py and bench/term.py, beside this file)
from term import SCREEN_TIMEOUT, BenchError, Tty  # noqa: E402

COLS, ROWS = 80, 24
TODAY = "2026-11-25"
# the keys of TERM=xterm-256color in keypad mode (kcud1, kcuu1, knp, kpp)
DOWN, UP, PGDN, PGUP = b"\x1bOB", b"\x1bOA", b"\x1b[6~", b"\x1b[5~"
ROW_BUDGET = 12.0     # seconds of moves a row at most (fewer moves when slow)
COMMAND_TIMEOUT = 60.0  # seconds a run of kijun check or tree may take


def keybar_drawn(screen):
    """the first full screen: its bottom line (the key bar) is drawn."""
    return screen.line(screen.rows - 1).strip() != ""


class Workbench:
    """How to reach the two lists in kijun, or in the floor list."""

    def __init__(self, argv, env, quit_keys, to_register=None, to_resources=None):
        self.argv, self.env, self.quit_keys = argv, env, quit_keys
        self.to_register, self.to_resources = to_register, to_resources


def kijun_register(t):
    t.key(b"5")
    t.wait_for("Assessment rounds")
    # the rounds list opens on the newest round, 2026, the one grown
    if ">2026" not in t.screen.text():
        raise BenchError("the rounds list does not select the round 2026")
    t.key(b"\r")
    t.wait_for("Round 2026")
    t.key(b"r")
    t.wait_for("Register:")


def kijun_resources(t):
    t.key(b"4")
    t.wait_for("Organisation profile")
    for _ in range(12):  # down the section menu to the resources
        if any(t.screen.line(y).startswith(">") and "Management resources" in t.screen.line(y)
               for y in range(t.screen.rows)):
            break
        t.key(DOWN)
    else:
        raise BenchError("no section 'Management resources' in the profile menu")
    t.key(b"\r")
    t.wait_for("Management resources:")


def first_screen(wb, runs=3):
    """Best of runs: seconds from the start to the last byte of the first
    full screen, and the CPU seconds it took."""
    best = None
    for _ in range(runs):
        t = Tty(wb.argv, wb.env, COLS, ROWS)
        try:
            t.wait_for(keybar_drawn, quiet=0)
            cpu = t.cpu_seconds()
            # the rest of that frame, if any: its bytes follow within a few
            # milliseconds; a later frame (the status line once the rounds
            # have loaded behind the first screen) is not the first screen
            t.settle(0.05, SCREEN_TIMEOUT)
            took = t.last_output - t.start
        finally:
            t.close(wb.quit_keys)
        if best is None or took < best[0]:
            best = (took, cpu)
    return best


def moves(t, pattern, count):
    """count keys of pattern (repeated): CPU ms and bytes per key, keys sent."""
    deadline = time.monotonic() + ROW_BUDGET
    t.settle(0.1, SCREEN_TIMEOUT)
    cpu, out = t.cpu_seconds(), t.bytes
    sent = silent = 0
    while sent < count and (sent < 20 or time.monotonic() < deadline):
        drew = t.key(pattern[sent % len(pattern)])
        sent += 1
        silent = 0 if drew else silent + 1
        if silent >= 3:
            raise BenchError("three keys in a row drew nothing")
    t.settle(0.1, SCREEN_TIMEOUT)
    return ((t.cpu_seconds() - cpu) * 1000.0 / sent, (t.bytes - out) / sent, sent)


CURSOR = [DOWN] * 10 + [UP] * 10  # within the first screen of the list
PAGE = [PGDN, PGUP]


def session(wb, count, note):
    """One run of the workbench: moves in the register and the resources,
    then idle CPU and peak memory. A dict of what could be measured."""
    r = {}
    t = Tty(wb.argv, wb.env, COLS, ROWS)
    try:
        t.wait_for(keybar_drawn)
        for name, reach in (("register", wb.to_register), ("resources", wb.to_resources)):
            try:
                if reach:
                    reach(t)
                r[name, "cursor"] = moves(t, CURSOR, count)
                r[name, "page"] = moves(t, PAGE, count)
                if not reach:  # the floor: one list stands for both
                    break
            except BenchError as e:
                note("%s: %s" % (name, e))
        t.idle(2.0)  # settle
        ticks, cpu, out = t.cpu_ticks(), t.cpu_seconds(), t.bytes
        t.idle(5.0)
        r["idle"] = (t.cpu_ticks() - ticks, (t.cpu_seconds() - cpu) * 1000, t.bytes - out)
        r["rss"] = t.peak_rss_kib()
    except (BenchError, OSError) as e:
        note("workbench: %s" % e)
    finally:
        t.close(wb.quit_keys)
    return r


def command(measure, argv, env, runs=3):
    """Best wall time (s) of runs, peak RSS (KiB) and exit status of a
    command, run by bench/measure."""
    best, rss, code = None, 0, 0
    for _ in range(runs):
        # a session of its own, so that a command that hangs goes with its timer
        p = subprocess.Popen([measure] + argv, env=env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             start_new_session=True)
        try:
            stdout, stderr = p.communicate(timeout=COMMAND_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.communicate()
            raise BenchError("%s did not finish within %.0f s" % (os.path.basename(argv[0]),
                                                                  COMMAND_TIMEOUT))
        out = stdout.split()
        if p.returncode != 0 or len(out) != 3:
            raise BenchError("bench/measure failed: %s" % (stderr.strip() or p.returncode))
        took, kib, code = float(out[0]), int(out[1]), int(out[2])
        best = took if best is None else min(best, took)
        rss = max(rss, kib)
    return best, rss, code


def cfg_files(*dirs):
    out = []
    for d in dirs:
        if os.path.isdir(d):
            out += sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".cfg"))
    return out


def measure_all(a, tmp, notes):
    """Every measurement: {column: {what: value}} and the tree's."""
    datadir = os.path.abspath(a.datadir)
    kijun = os.path.abspath(a.kijun)
    tool = lambda name: os.path.join(os.path.abspath(a.floors), name)  # noqa: E731
    home = os.path.join(tmp, "home")
    os.makedirs(home)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("LC_", "KIJUN_", "XDG_")) and k not in ("NO_COLOR", "LANGUAGE")}
    env.update(TERM="xterm-256color", LANG="C.UTF-8", HOME=home, KIJUN_TODAY=TODAY,
               KIJUN_DATADIR=datadir, XDG_CONFIG_HOME=os.path.join(home, ".config"),
               XDG_DATA_HOME=os.path.join(home, ".local", "share"))
    library = cfg_files(os.path.join(datadir, "guideline"), os.path.join(datadir, "reference"))
    res = {"floor": {}}
    benches = {"floor": Workbench([tool("floor-list"), "20000"], env, b"q")}
    for name, grow in WORKSPACES:
        ws = os.path.join(tmp, name.replace(" ", "-"))
        gen.make(os.path.join(datadir, "demo", "en"), ws, **grow)
        res[name] = {"ws": ws}
        benches[name] = Workbench([kijun, "--lang", "en", ws], env, b"Q",
                                  kijun_register, kijun_resources)
    for c in COLUMNS:
        def note(text, c=c):
            notes.append("%s: %s" % (c, text))
        try:
            res[c]["first"] = first_screen(benches[c])
        except (BenchError, OSError) as e:
            note("first screen: %s" % e)
        res[c].update(session(benches[c], a.moves, note))
        if c == "floor":
            continue
        ws = res[c]["ws"]
        try:
            wall, rss, code = command(tool("measure"), [kijun, "check", ws], env)
            if code in (0, 1):
                res[c]["check"] = (wall, rss)
            if code != 0:
                note("kijun check exited %d (1: findings; 2: a file unreadable)" % code)
            files = library + cfg_files(ws, os.path.join(ws, "assessments"))
            wall, rss, code = command(tool("measure"), [tool("floor-parse")] + files, env)
            res[c]["parse"] = (wall, rss)
            if code != 0:
                note("floor-parse exited %d" % code)
        except (BenchError, OSError, subprocess.SubprocessError) as e:
            note("check: %s" % e)
    try:
        res["floor"]["tree"] = command(tool("measure"), [tool("floor-parse")]
                                       + cfg_files(os.path.join(datadir, "guideline")), env)
        res["demo"]["tree"] = command(tool("measure"), [kijun, "tree"], env)
    except (BenchError, OSError, subprocess.SubprocessError) as e:
        notes.append("tree: %s" % e)
    try:
        version = subprocess.run([kijun, "--version"], env=env, stdin=subprocess.DEVNULL,
                                 capture_output=True, text=True, timeout=5).stdout
    except subprocess.SubprocessError:
        version = ""
    return res, version.strip().split("\n")[0] or "kijun"


# --- the report ---------------------------------------------------------

WORKSPACES = [("demo", {}), ("10k risks", {"risks": 10000}), ("20k resources", {"resources": 20000})]
COLUMNS = ["floor"] + [name for name, _ in WORKSPACES]
HEADS = ["floor", "demo", "10k risks", "20k res."]
NA = "-"  # a cell that does not apply; None is one that could not be measured


def value(res, c, key, index=None, scale=1.0, floor=None):
    """res[c][key][index] * scale; the floor list's moves stand for both lists."""
    if c == "floor" and floor is not None:
        key = floor
    v = res[c].get(key)
    if v is not None and index is not None:
        v = v[index]
    return None if v is None else v * scale


def report(res, version, notes, moves, took):
    def row(label, cells, spec):
        text = [NA if v is NA else "n/a" if v is None else format(v, spec) for v in cells]
        print("  %-38s%s" % (label, "".join("%10s" % t for t in text)))

    def per_column(key, index=None, scale=1.0, floor=None, only=None):
        return [value(res, c, key, index, scale, floor) if only is None or c in only else NA
                for c in COLUMNS]

    print("kijun benchmark report: %s, %s UTC; %dx%d xterm-256color, C.UTF-8, KIJUN_TODAY=%s"
          % (version, time.strftime("%Y-%m-%d %H:%M", time.gmtime()), COLS, ROWS, TODAY))
    print("  %-38s%s" % ("", "".join("%10s" % h for h in HEADS)))
    print("workbench in a pty (floor: bench/floor-list, a bare ncurses list of 20,000 rows)")
    row("first screen, ms (best of 3)", per_column("first", 0, 1000), ".1f")
    row("CPU to the first screen, ms", per_column("first", 1, 1000), ".0f")
    for lst in ("register", "resources"):
        for kind in ("cursor", "page"):
            key, floor = (lst, kind), ("register", kind)
            row("%s: CPU ms per %s move" % (lst, kind), per_column(key, 0, floor=floor), ".2f")
            row("%s: bytes per %s move" % (lst, kind), per_column(key, 1, floor=floor), ".0f")
    row("idle: CPU ticks in 5 s (after 2 s)", per_column("idle", 0), ".0f")
    row("idle: CPU ms in 5 s", per_column("idle", 1), ".1f")
    row("idle: bytes written in 5 s", per_column("idle", 2), ".0f")
    row("peak RSS (VmHWM), MiB", per_column("rss", None, 1 / 1024), ".1f")
    print("kijun check WORKSPACE (floor: bench/floor-parse, a bare libconfig parse of")
    print("the same workspace and library files)")
    ws = COLUMNS[1:]
    row("kijun check, ms (best of 3)", per_column("check", 0, 1000, only=ws), ".0f")
    row("bare parse, ms (best of 3)", per_column("parse", 0, 1000, only=ws), ".0f")
    row("kijun check, peak RSS MiB", per_column("check", 1, 1 / 1024, only=ws), ".1f")
    row("bare parse, peak RSS MiB", per_column("parse", 1, 1 / 1024, only=ws), ".1f")
    print("kijun tree, both editions (floor: bare parse of the Guideline files)")
    row("kijun tree, ms (best of 3)", per_column("tree", 0, 1000, only=["floor", "demo"]), ".0f")
    row("kijun tree, peak RSS MiB", per_column("tree", 1, 1 / 1024, only=["floor", "demo"]), ".1f")

    def target(label, num, den, limit):
        if num is None or den is None or den == 0:
            shown, verdict = "n/a", "n/a"
        elif limit == 0:
            shown, verdict = "%d" % num, "PASS" if num == 0 else "FAIL"
        else:
            r = round(num / den, 2)  # the verdict of the ratio as shown
            shown, verdict = "%.2fx" % r, "PASS" if r <= limit else "FAIL"
        print("  %-50s%9s  %-11s %s" % (label, shown, "(<= %gx)" % limit if limit else "(0)", verdict))

    print("targets of issue 10, as ratios in this run")
    cpu = lambda c, lst: value(res, c, (lst, "cursor"), 0)  # noqa: E731
    target("CPU per cursor move, register: 10k risks / demo",
           cpu("10k risks", "register"), cpu("demo", "register"), 1.5)
    target("CPU per cursor move, resources: 20k res. / demo",
           cpu("20k resources", "resources"), cpu("demo", "resources"), 1.5)
    target("first screen: 10k risks / demo",
           value(res, "10k risks", "first", 0), value(res, "demo", "first", 0), 1.2)
    target("peak RSS: workbench, 10k risks / bare parse",
           value(res, "10k risks", "rss"), value(res, "10k risks", "parse", 1), 1.2)
    for c in ws:
        target("kijun check / bare parse: %s" % c,
               value(res, c, "check", 0), value(res, c, "parse", 0), 2.0)
    idle = [value(res, c, "idle", 0) for c in ws]
    target("idle CPU ticks in 5 s, the worst workspace", None if None in idle else max(idle), 1, 0)
    print("%d keys a row (fewer where a row would take over %.0f s); the report took %.0f s"
          % (moves, ROW_BUDGET, took))
    for c in COLUMNS:
        for k, v in res[c].items():
            if isinstance(k, tuple) and v[2] < moves:
                notes.append("%s: %s %s moves: %d keys (the row's time budget)" % (c, k[0], k[1], v[2]))
    for n in notes:
        print("note: " + n)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kijun", required=True)
    ap.add_argument("--floors", required=True,
                    help="the folder of floor-list, floor-parse and measure (make bench)")
    ap.add_argument("--datadir", required=True, help="kijun's data folder (the library, the demo)")
    ap.add_argument("--moves", type=int, default=200, help="keys a row")
    a = ap.parse_args()
    started = time.monotonic()
    notes = []
    tmp = tempfile.mkdtemp(prefix="kijun-bench-")
    try:
        res, version = measure_all(a, tmp, notes)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    report(res, version, notes, a.moves, time.monotonic() - started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
