#!/usr/bin/env python3
"""tests/monkey/monkey.py: the key monkey (issue 11).

    monkey.py --kijun KIJUN --canon CANON [--seconds 60] [--seed N] [--keep]

runs kijun (built with ASan + UBSan for ./quickstart test) in a
pseudo-terminal on a private copy of the demo workspace and feeds it
bursts of random and grammar-driven keys: every default key of the action
table (src/ui/actions.c), digits 1-5, text with Japanese, control
characters, bracketed pastes, resizes (TIOCSWINSZ + SIGWINCH) and now and
then SIGHUP, SIGTERM or SIGINT, after which it starts kijun again (as it
does after a quit key ended it), or kill -TSTP and SIGCONT. After each burst it checks:

  - kijun lives, or a quit key or a signal it was sent ended it as it should;
  - no sanitizer report;
  - every file of the workspace, its backups and .kijun-recovery/ loads
    (tests/monkey/canon, kijun's own reader);
  - nothing outside the workspace changed (a sentinel folder beside it,
    the data folder);
  - after a save, the files on disk are what the workbench holds
    (KIJUN_TEST_DUMP: the workbench writes its documents after each save).

It prints what it did, and on a violation the seed and the last keys (the
same seed sends the same keys) and exits 1; the world is kept for a look.
"""
import argparse
import os
import random
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kt  # noqa: E402

SIZES = [(80, 24)] * 6 + [(60, 16), (100, 30), (132, 43), (200, 50), (61, 17), (59, 15),
                          (40, 10), (20, 5), (81, 25), (120, 24)]
TEXTS = ["abc", "Minato", "x", "0 open findings", "水道局", "リスク評価", "経営層 CISO",
         "ｶﾀｶﾅ", "é", "a\u0301", "\u200b", "\u202e!", "\U0001F642", "2026-12-31", "1234",
         "12", "-5", "99999999999", "\uff21\uff22", "y", "n", "  ", "\"quoted\" \\ ;", "@include \"x\"",
         "長い" * 50, "w" * 300]
CTRL = [bytes([c]) for c in range(32)] + [b"\x7f", b"\x1b[", b"\x1b[99~", b"\x1bO", b"\x9b"]
SIGNALS = [signal.SIGHUP, signal.SIGTERM, signal.SIGINT]


def text(rng):
    t = rng.choice(TEXTS)
    return t.encode() if rng.random() > 0.03 else t.encode() + b"\xff\xc3"


def paste(rng):
    body = b"\n".join(text(rng) for _ in range(rng.randint(1, 4)))
    if rng.random() < 0.3:
        body += b"\n0\nQ\nn\n"  # a paste that would quit without saving if run as keys
    if rng.random() < 0.2:
        body = body.replace(b"\n", b"\r\n")
    end = b"\x1b[201~" if rng.random() > 0.05 else b""  # now and then the end mark is lost
    return b"\x1b[200~" + body + end


class Grammar:
    """Key sequences a user would type, over the default keys."""

    def __init__(self, rng, keys):
        self.rng, self.k = rng, keys

    def key(self, act):
        return self.rng.choice(self.k[act])

    def field(self):
        r = self.rng
        return ([b"4", b"\r"] + [b"j"] * r.randint(0, 2) + [b"\r"] + [b"j"] * r.randint(0, 5)
                + [b"\r", b"\x15", text(r), r.choice([b"\r", b"\r", b"\x1b", paste(r) + b"\r"])])

    def add_entry(self):
        r = self.rng
        return ([b"4"] + [b"j"] * r.randint(0, 8) + [b"\r", b"a", b"\r", text(r), b"\r"]
                + [b"j", b"\r", r.choice([b" ", b"\r", b"\x1b", b"j", b"2"]), b"\r", b"q", b"q"])

    def assess(self):
        r = self.rng
        seq = [b"5"] + [b"j"] * r.randint(0, 2) + [b"\r"]
        seq += r.choice([[b"r", b"a", b"\r", text(r), b"\r"], [b"r", b"t", b"\r", b"\r"],
                         [b"m", b"\x1bOC", b"\r"], [b"r", b"o", b"f", b"/", text(r), b"\r", b"x"],
                         [b"j", b"\r", b" ", b"j", b" "], [b"S", b"\r", b"y"],
                         [b"j", b"j", b"j", b"j", b"\r", b"a", b"\r", text(r), b"\r"]])
        return seq

    def new_round(self):
        return [b"5", self.rng.choice([b"a", b"c"]), b"\r", text(self.rng), b"\r"]

    def search(self):
        return [b"3", b"/", text(self.rng), b"\r", b"n", b"N", b"e", b"L"]

    def quit(self):
        return [self.key("ACT_QUIT"), self.rng.choice([b"y", b"n", b"\x1b", b"n"])]

    def delete(self):
        return [b"4", b"j", b"j", b"j", b"\r", b"d", self.rng.choice([b"y", b"n"]), b"q"]

    def sequence(self):
        r = self.rng
        f = r.choice([self.field] * 4 + [self.add_entry] * 3 + [self.assess] * 3
                     + [self.new_round, self.search, self.quit, self.delete])
        seq = f()
        if r.random() < 0.5:
            seq.append(self.key("ACT_SAVE"))
        return seq


def events(rng, keys):
    """One burst: a list of (kind, value)."""
    g = Grammar(rng, keys)
    acts = sorted(keys)
    out = []
    for _ in range(rng.randint(10, 60)):
        x = rng.random()
        if x < 0.35:
            act = rng.choice(acts)
            if act == "ACT_QUIT" and rng.random() < 0.8:
                act = "ACT_DOWN"  # quitting, and starting again, is slow under ASan
            out.append(("key", g.key(act)))
        elif x < 0.45:
            out.append(("key", rng.choice([b"1", b"2", b"3", b"4", b"5"])))
        elif x < 0.55:
            out.append(("text", text(rng)))
        elif x < 0.61:
            out.append(("ctrl", rng.choice(CTRL)))
        elif x < 0.65:
            out.append(("paste", paste(rng)))
        elif x < 0.68:
            out.append(("resize", rng.choice(SIZES)))
        elif x < 0.685:
            out.append(("signal", rng.choice(SIGNALS)))
        elif x < 0.688:
            out.append(("suspend", None))
        else:
            out.extend(("key", k) for k in g.sequence())
    return out


class Monkey:
    def __init__(self, args):
        self.args = args
        self.seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 30)
        self.rng = random.Random(self.seed)
        self.keys = kt.action_keys()
        self.world = kt.World(args.kijun, args.canon, keep=args.keep)
        self.tty = None
        self.size = (80, 24)
        self.may_quit = False
        self.sent_signal = None
        self.last = []
        self.n = dict(suspends=0, keys=0, texts=0, controls=0, pastes=0, resizes=0, signals=0, bursts=0,
                      starts=0, quits=0, saves=0, files=0, recover_y=0, recover_n=0)

    def log(self, kind, value):
        self.last.append((kind, value))
        del self.last[:-80]

    def start(self):
        self.world.clear_dump()
        lang = self.rng.choice(["en", "en", "ja"])
        self.tty = self.world.start(self.size[0], self.size[1], ["--lang", lang])
        self.n["starts"] += 1
        self.may_quit = False
        self.sent_signal = None
        self.log("start", "%dx%d --lang %s" % (self.size + (lang,)))
        self.tty.pump(20)  # the first output, then until it is quiet
        kt.settle(self.tty, 0.2, 10)
        screen = self.tty.screen.text()
        if kt.RECOVER_Q in screen or kt.RECOVER_Q_JA in screen:
            answer = self.rng.choice([b"y", b"y", b"n"])
            self.n["recover_y" if answer == b"y" else "recover_n"] += 1
            self.send("key", answer)
            if answer == b"n":  # n asks again: y throws them away
                self.send("key", b"y")

    def send(self, kind, value):
        self.log(kind, value)
        if kind == "resize":
            self.size = value
            kt.resize(self.tty, *value)
            self.n["resizes"] += 1
        elif kind == "suspend":  # kill -TSTP, and SIGCONT when it has stopped
            if not kt.signal_to(self.tty, signal.SIGTSTP):
                return
            end = time.monotonic() + 3
            while time.monotonic() < end and kt.state(self.tty.pid) not in ("T", "?"):
                kt.drain(self.tty, 0.05)
            if kt.state(self.tty.pid) != "T" and kt.exited(self.tty) is None:
                self.fail("kill -TSTP did not stop kijun within 3 s")
            kt.signal_to(self.tty, signal.SIGCONT)
            self.n["suspends"] += 1
        elif kind == "signal":
            if not kt.signal_to(self.tty, value):
                return
            self.sent_signal = value
            self.n["signals"] += 1
            kt.wait_exit(self.tty, 15)
            return
        else:
            self.tty.send(value)
            self.n[{"key": "keys", "text": "texts", "ctrl": "controls", "paste": "pastes"}[kind]] += 1
            if kind != "paste" and (any(c in value for c in b"qQ0\x03") or kt.FKEYS[9] in value):
                self.may_quit = True  # a key that can end kijun (with y or n after it)
            if value == b"\x1b" or value.endswith(b"\x1b"):
                time.sleep(0.04)  # a bare Esc: longer than ESCDELAY
        kt.drain(self.tty, 0.1)

    def fail(self, what):
        w = self.world
        print("monkey: VIOLATION: %s" % what)
        print("monkey: seed %d, burst %d; replay: make monkey MONKEY_FLAGS='--seed %d'"
              % (self.seed, self.n["bursts"], self.seed))
        print("monkey: the last keys, oldest first:")
        for kind, value in self.last:
            print("    %-6s %r" % (kind, value))
        if self.tty:
            print("monkey: the screen (%s):" % kt.describe(self.tty.status))
            for line in self.tty.screen.text().split("\n"):
                print("    |" + line)
        for r in w.sanitizer_reports():
            print(r)
        print("monkey: the workspace is kept in %s" % w.root)
        w.keep = True
        if self.tty:
            kt.reap(self.tty)
        sys.exit(1)

    def check(self):
        """The invariants after a burst."""
        w, tty = self.world, self.tty
        kt.settle(tty, 0.15, 10)
        status = kt.exited(tty)
        if status is not None:
            kt.reap(tty)
            quit_first = self.may_quit and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
            if self.sent_signal is not None and not quit_first:  # a quit key may have won the race
                want = 128 + self.sent_signal
                if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != want:
                    self.fail("after signal %d kijun ended with %s, not exit %d"
                              % (self.sent_signal, kt.describe(status), want))
            elif not quit_first:
                self.fail("kijun ended (%s) and no quit key was sent" % kt.describe(status))
            else:
                self.n["quits"] += 1
        reports = w.sanitizer_reports()
        if reports:
            self.fail("a sanitizer report")
        files = w.workspace_files()
        self.n["files"] += len(files)
        bad = w.parse_all() + w.outside_changed()
        if bad:
            self.fail("; ".join(bad))
        differ = w.dump_differs()
        if differ is not None:
            self.n["saves"] += 1
            if differ:
                self.fail("after a save: " + "; ".join(differ))
        if status is not None:
            self.start()

    def run(self):
        end = time.monotonic() + self.args.seconds
        began = time.monotonic()
        print("monkey: seed %d, %s, %d s, workspace %s" % (self.seed, self.args.kijun,
                                                            self.args.seconds, self.world.ws))
        self.start()
        report = time.monotonic() + 10
        while time.monotonic() < end:
            for kind, value in events(self.rng, self.keys):
                if kt.exited(self.tty) is not None:
                    break
                self.send(kind, value)
                if kind == "signal":
                    break
            self.n["bursts"] += 1
            self.check()
            if time.monotonic() > report:
                report += 10
                self.progress(began)
        kt.reap(self.tty)
        self.check_final()
        self.progress(began)
        print("monkey: no violation in %d bursts (seed %d)" % (self.n["bursts"], self.seed))
        self.world.close()

    def check_final(self):
        if self.world.sanitizer_reports():
            self.fail("a sanitizer report (at the last exit)")

    def progress(self, began):
        n = self.n
        print("monkey: %5.1f s: %d keys, %d texts, %d controls, %d pastes, %d resizes, "
              "%d signals, %d suspends; %d starts (%d quits, recovery y %d n %d); %d bursts checked "
              "(%d file loads), %d saves compared with the disk"
              % (time.monotonic() - began, n["keys"], n["texts"], n["controls"], n["pastes"],
                 n["resizes"], n["signals"], n["suspends"], n["starts"], n["quits"], n["recover_y"],
                 n["recover_n"], n["bursts"], n["files"], n["saves"]), flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kijun", required=True)
    ap.add_argument("--canon", required=True)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--seed", type=int)
    ap.add_argument("--keep", action="store_true", help="keep the world folder")
    Monkey(ap.parse_args()).run()


if __name__ == "__main__":
    main()
