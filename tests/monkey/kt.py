"""tests/monkey/kt.py: what the key monkey and the crash loop share.

A private world (a workspace beside a sentinel folder, HOME, TMPDIR, the
sanitizers' log folder, the test dump), kijun started in a pseudo-terminal
(bench/term.py's Tty), the keys of the action table (src/ui/actions.c)
as the bytes a terminal sends, and the invariant checks on the files.
"""
import fcntl
import hashlib
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SRCDIR = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(SRCDIR, "bench"))
from term import Screen, Tty  # noqa: E402  (bench/term.py)

TODAY = "2026-12-01"
RECOVER_Q = "y restores the unsaved edits"
RECOVER_Q_JA = "前回のセッションの未保存の編集を復旧"

# the bytes of TERM=xterm-256color in keypad mode for the KEY_ names
CURSES_KEYS = {
    "KEY_UP": b"\x1bOA", "KEY_DOWN": b"\x1bOB", "KEY_RIGHT": b"\x1bOC", "KEY_LEFT": b"\x1bOD",
    "KEY_HOME": b"\x1bOH", "KEY_END": b"\x1bOF", "KEY_PPAGE": b"\x1b[5~", "KEY_NPAGE": b"\x1b[6~",
    "KEY_IC": b"\x1b[2~", "KEY_DC": b"\x1b[3~", "KEY_BACKSPACE": b"\x7f", "KEY_ENTER": b"\x1bOM",
}
FKEYS = [b"\x1bOP", b"\x1bOQ", b"\x1bOR", b"\x1bOS", b"\x1b[15~", b"\x1b[17~", b"\x1b[18~",
         b"\x1b[19~", b"\x1b[20~", b"\x1b[21~", b"\x1b[23~", b"\x1b[24~"]


def key_bytes(spec):
    """The bytes for one key of the action table's C syntax: 'c', '\\n',
    27, CTRL('s'), KEY_F(2), KEY_UP ..."""
    spec = spec.strip()
    m = re.fullmatch(r"'(\\?.)'", spec)
    if m:
        c = m.group(1)
        return {"\\n": b"\r", "\\t": b"\t", "\\\\": b"\\", "\\'": b"'"}.get(c, c.encode())
    m = re.fullmatch(r"CTRL\('(.)'\)", spec)
    if m:
        return bytes([ord(m.group(1)) & 0x1F])
    m = re.fullmatch(r"KEY_F\((\d+)\)", spec)
    if m:
        return FKEYS[int(m.group(1)) - 1]
    if spec.isdigit():
        return bytes([int(spec)])
    return CURSES_KEYS.get(spec)


def action_keys():
    """{action: [key bytes]} from the default bindings of src/ui/actions.c."""
    with open(os.path.join(SRCDIR, "src", "ui", "actions.c"), encoding="utf-8") as f:
        text = f.read()
    table = text[text.index("defaults[] = {"):]
    table = table[:table.index("};")]
    keys = {}
    for m in re.finditer(r"^\s*\{(.+?), (ACT_\w+),", table, re.M):
        b = key_bytes(m.group(1))
        if b is not None:
            keys.setdefault(m.group(2), []).append(b)
    return keys


class World:
    """A private folder: ws/ (the workspace), sentinel/ beside it, home/,
    tmp/, san/ (sanitizer logs), dump/ (KIJUN_TEST_DUMP)."""

    def __init__(self, kijun, canon, source=None, keep=False):
        self.kijun, self.canon, self.keep = os.path.abspath(kijun), os.path.abspath(canon), keep
        self.root = tempfile.mkdtemp(prefix="kijun-monkey-")
        self.ws = os.path.join(self.root, "ws")
        for d in ("sentinel", "home", "tmp", "san", "dump"):
            os.makedirs(os.path.join(self.root, d))
        self.datadir = os.environ.get("KIJUN_DATADIR") or os.path.join(SRCDIR, "data")
        src = source or os.path.join(self.datadir, "demo", "en")
        shutil.copytree(src, self.ws)
        os.chmod(self.ws, 0o700)
        for base, _, files in os.walk(self.ws):
            for name in files:
                os.chmod(os.path.join(base, name), 0o600)
        sent = os.path.join(self.root, "sentinel")
        shutil.copytree(src, os.path.join(sent, "copy"))
        with open(os.path.join(sent, "notes.txt"), "w") as f:
            f.write("not kijun's\n")
        os.symlink("../ws", os.path.join(sent, "link-to-ws"))
        self.sentinel = self.snapshot(sent)
        self.data = self.snapshot(self.datadir)

    def close(self):
        if not self.keep:
            shutil.rmtree(self.root, ignore_errors=True)

    def env(self, lang="C.UTF-8"):
        san = os.path.join(self.root, "san")
        return {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.path.join(self.root, "home"),
            "TMPDIR": os.path.join(self.root, "tmp"), "TERM": "xterm-256color", "LANG": lang,
            "TZ": "UTC", "KIJUN_TODAY": TODAY, "KIJUN_DATADIR": self.datadir,
            "KIJUN_TEST_DUMP": os.path.join(self.root, "dump"),
            "ASAN_OPTIONS": "log_path=%s/asan:detect_leaks=1:abort_on_error=0" % san,
            "UBSAN_OPTIONS": "log_path=%s/ubsan:print_stacktrace=1:halt_on_error=1" % san,
            "LSAN_OPTIONS": "log_path=%s/lsan" % san,
        }

    def start(self, cols, rows, args=()):
        argv = [self.kijun] + list(args) + [self.ws]
        return Tty(argv, self.env(), cols, rows)

    @staticmethod
    def snapshot(top):
        """Every path under top: its kind, mode and content hash (links not followed)."""
        out = {}
        for base, dirs, files in os.walk(top):
            for name in dirs + files:
                p = os.path.join(base, name)
                st = os.lstat(p)
                if os.path.islink(p):
                    what = "link:" + os.readlink(p)
                elif os.path.isfile(p):
                    with open(p, "rb") as f:
                        what = hashlib.sha256(f.read()).hexdigest()
                else:
                    what = "dir"
                out[os.path.relpath(p, top)] = (st.st_mode, what)
        return out

    def sanitizer_reports(self):
        san = os.path.join(self.root, "san")
        out = []
        for name in sorted(os.listdir(san)):
            with open(os.path.join(san, name), errors="replace") as f:
                out.append("%s:\n%s" % (name, f.read()[:4000]))
        return out

    def workspace_files(self):
        """The files a check reads: documents, backups, the journal."""
        out = []
        for base, _, files in os.walk(self.ws):
            for name in files:
                p = os.path.join(base, name)
                if name == ".kijun.lock" or re.search(r"\.tmp[A-Za-z0-9]{6}$", name):
                    continue  # the lock; a save's temporary file (removed at the next start)
                out.append(p)
        return sorted(out)

    def run_canon(self, args):
        r = subprocess.run([self.canon] + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           env=dict(os.environ, KIJUN_DATADIR=self.datadir))
        return r.returncode, r.stderr.decode(errors="replace").strip()

    def parse_all(self):
        """Findings: every document, backup and journal file must load."""
        docs, raws = [], []
        for p in self.workspace_files():
            name = os.path.basename(p).rstrip("~")
            (raws if not name.endswith(".cfg") or name == "draft.cfg" else docs).append(p)
        bad = []
        for args in ([] if not docs else [docs]) + ([] if not raws else [["--raw"] + raws]):
            rc, err = self.run_canon(args)
            if rc != 0:
                bad.append("a file does not load: " + err)
        return bad

    def outside_changed(self):
        bad = []
        if self.snapshot(os.path.join(self.root, "sentinel")) != self.sentinel:
            bad.append("the sentinel folder beside the workspace changed")
        if self.snapshot(self.datadir) != self.data:
            bad.append("the data folder %s changed" % self.datadir)
        return bad

    def dump_differs(self):
        """After a save: each document the workbench dumped equals the file
        on disk, read and written as kijun does. None when no save since."""
        dump = os.path.join(self.root, "dump")
        if not os.path.exists(os.path.join(dump, "saves")):
            return None
        os.unlink(os.path.join(dump, "saves"))
        pairs = []
        for base, _, files in os.walk(dump):
            for name in files:
                p = os.path.join(base, name)
                pairs += [p, os.path.join(self.ws, os.path.relpath(p, dump))]
        rc, err = self.run_canon(["--same"] + pairs)
        return [err] if rc != 0 else []

    def clear_dump(self):
        dump = os.path.join(self.root, "dump")
        shutil.rmtree(dump, ignore_errors=True)
        os.makedirs(dump)


def resize(tty, cols, rows):
    """TIOCSWINSZ on the pseudo-terminal (the kernel sends SIGWINCH to
    its foreground group), and SIGWINCH again to be sure."""
    if tty.fd is None:
        return
    fcntl.ioctl(tty.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    old = tty.screen
    tty.screen = Screen(cols, rows)
    tty.screen.decoder = old.decoder
    try:
        os.kill(tty.pid, signal.SIGWINCH)
    except ProcessLookupError:
        pass


def drain(tty, seconds, quiet=0.01):
    """Read what kijun writes for up to seconds (stops early when quiet)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end and tty.fd is not None:
        if not tty.pump(min(quiet, max(0.0, end - time.monotonic()))):
            break


def settle(tty, quiet=0.15, timeout=10.0):
    """Until the output has been quiet for `quiet` seconds."""
    end = time.monotonic() + timeout
    while time.monotonic() < end and tty.fd is not None:
        if not tty.pump(quiet):
            return


def exited(tty):
    """The wait status when kijun has ended, else None."""
    if tty.status is not None:
        return tty.status
    pid, status = os.waitpid(tty.pid, os.WNOHANG)
    if pid:
        tty.status = status
        return status
    return None


def wait_exit(tty, timeout=10.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        drain(tty, 0.05)
        st = exited(tty)
        if st is not None:
            return st
        time.sleep(0.01)
    return None


def reap(tty):
    """End kijun for good (kill -9 when it still runs) and close the pty."""
    if exited(tty) is None:
        try:
            os.kill(tty.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        _, tty.status = os.waitpid(tty.pid, 0)
    if tty.fd is not None:
        os.close(tty.fd)
        tty.fd = None


def signal_to(tty, sig):
    """Send sig to kijun unless it has ended (and been reaped); whether sent."""
    if exited(tty) is not None:
        return False
    os.kill(tty.pid, sig)
    return True


def state(pid):
    """The process state letter of /proc/PID/stat (T: stopped), "?" when gone."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return "?"


def describe(status):
    if status is None:
        return "running"
    if os.WIFSIGNALED(status):
        return "killed by signal %d" % os.WTERMSIG(status)
    return "exit %d" % os.WEXITSTATUS(status)
