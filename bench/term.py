"""bench/term.py: a program in a pseudo-terminal, for bench/drive.py.

Tty runs a program in a pseudo-terminal of a given size, sends it keys,
reads what it writes (counting the bytes) into a Screen, a small terminal
emulator that knows what ncurses put where, and reads the program's CPU
time and peak memory from /proc. Every wait has a timeout.
"""
import codecs
import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
import unicodedata

HZ = os.sysconf("SC_CLK_TCK")
SETTLE = 0.015        # output quiet this long after a key: the key is done
KEY_TIMEOUT = 5.0     # no output this long after a key: the key changed nothing
SCREEN_TIMEOUT = 15.0  # the longest wait for a screen (a first screen, a view)


class BenchError(Exception):
    """A measurement that could not be made; the report says n/a."""


# the line-drawing characters of the VT100's special graphics set
ACS = dict(zip("jklmnqtuvwx~", "┘┐┌└┼─├┤┴┬│·"))


class Screen:
    """Just enough of a VT100/xterm to know what ncurses put on the screen:
    text, cursor motion, erasing, scrolling regions, line and character
    insertion and deletion, repetition. Of the attributes and colours it
    keeps one bit a cell: highlighted (reverse video or a background
    colour), which is how a list shows its cursor."""

    def __init__(self, cols, rows):
        self.cols, self.rows = cols, rows
        self.cells = [[" "] * cols for _ in range(rows)]
        self.hl = [[False] * cols for _ in range(rows)]
        self.reverse = self.background = False
        self.x = self.y = 0
        self.top, self.bottom = 0, rows - 1
        self.wrap = False
        self.last = " "
        self.saved = (0, 0)
        self.state, self.params = "text", ""
        self.acs = False  # the line-drawing character set (smacs) is on
        self.decoder = codecs.getincrementaldecoder("utf-8")("replace")

    def text(self):
        return "\n".join("".join(c for c in row if c) for row in self.cells)

    def line(self, y):
        return "".join(c for c in self.cells[y] if c)

    def highlighted(self, y, x):
        return self.hl[y][x]

    def sgr(self, params):
        args = [int(p) if p.isdigit() else 0 for p in params.split(";")]
        i = 0
        while i < len(args):
            a = args[i]
            if a == 0:
                self.reverse = self.background = False
            elif a == 7:
                self.reverse = True
            elif a == 27:
                self.reverse = False
            elif 40 <= a <= 47 or 100 <= a <= 107:
                self.background = True
            elif a == 49:
                self.background = False
            elif a in (38, 48):
                if a == 48:
                    self.background = True
                i += 2 if i + 1 < len(args) and args[i + 1] == 5 else 4
            i += 1

    def feed(self, data):
        for ch in self.decoder.decode(data):
            self.put(ch)

    def put(self, ch):
        if self.state == "esc":
            self.state = "text"
            if ch == "[":
                self.state, self.params = "csi", ""
            elif ch == "]":
                self.state = "osc"
            elif ch == "(":
                self.state = "charset"
            elif ch in ")*+":
                self.state = "other charset"
            elif ch == "M":
                self.reverse_index()
            elif ch == "D":
                self.index()
            elif ch == "E":
                self.x = 0
                self.index()
            elif ch == "7":
                self.saved = (self.x, self.y)
            elif ch == "8":
                self.x, self.y = self.saved
            elif ch == "c":
                self.__init__(self.cols, self.rows)
            return
        if self.state in ("charset", "other charset"):
            if self.state == "charset":
                self.acs = ch == "0"
            self.state = "text"
            return
        if self.state == "osc":
            if ch in "\x07\x1b":
                self.state = "text"
            return
        if self.state == "csi":
            if "\x20" <= ch <= "\x3f":
                self.params += ch
            else:
                self.state = "text"
                self.csi(ch, self.params)
            return
        if ch == "\x1b":
            self.state = "esc"
        elif ch == "\r":
            self.x, self.wrap = 0, False
        elif ch in "\n\x0b\x0c":
            self.wrap = False
            self.index()
        elif ch == "\b":
            self.x, self.wrap = max(0, self.x - 1), False
        elif ch == "\t":
            self.x = min(self.cols - 1, (self.x // 8 + 1) * 8)
        elif ch >= " " and ch != "\x7f":
            self.char(ch)

    def char(self, ch):
        if self.acs:
            ch = ACS.get(ch, ch)
        w = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if self.wrap or self.x + w > self.cols:
            self.x, self.wrap = 0, False
            self.index()
        self.cells[self.y][self.x] = ch
        self.hl[self.y][self.x] = self.reverse or self.background
        if w == 2 and self.x + 1 < self.cols:
            self.cells[self.y][self.x + 1] = ""
            self.hl[self.y][self.x + 1] = self.reverse or self.background
        self.last = ch
        if self.x + w >= self.cols:
            self.x, self.wrap = self.cols - 1, True
        else:
            self.x += w

    def index(self):
        if self.y == self.bottom:
            self.scroll(self.top, self.bottom, 1)
        elif self.y < self.rows - 1:
            self.y += 1

    def reverse_index(self):
        if self.y == self.top:
            self.scroll(self.top, self.bottom, -1)
        elif self.y > 0:
            self.y -= 1

    def scroll(self, top, bottom, n):
        """Scroll rows top..bottom up by n (down when n < 0)."""
        for grid, fill in ((self.cells, " "), (self.hl, self.background)):
            region = grid[top:bottom + 1]
            blank = [[fill] * self.cols for _ in range(min(abs(n), len(region)))]
            region = region[n:] + blank if n > 0 else blank + region[:n]
            grid[top:bottom + 1] = region[:bottom - top + 1]

    def blank(self, y, lo, hi):
        """Erase cells lo..hi-1 of row y (in the background colour: bce)."""
        self.cells[y][lo:hi] = [" "] * (hi - lo)
        self.hl[y][lo:hi] = [self.background] * (hi - lo)

    def csi(self, final, params):
        private = params.startswith("?") or params.startswith(">")
        args = [int(p) if p.isdigit() else 0 for p in params.lstrip("?>=").split(";")]
        n = max(1, args[0])
        if final == "m" and not private:
            self.sgr(params)
            return
        if private or final in "mhlnt":  # modes, attributes, reports
            return
        self.wrap = False
        if final in "Hf":
            self.y = min(self.rows - 1, max(1, args[0]) - 1)
            self.x = min(self.cols - 1, max(1, args[1] if len(args) > 1 else 1) - 1)
        elif final == "A":
            self.y = max(0, self.y - n)
        elif final in "Be":
            self.y = min(self.rows - 1, self.y + n)
        elif final in "Ca":
            self.x = min(self.cols - 1, self.x + n)
        elif final == "D":
            self.x = max(0, self.x - n)
        elif final in "G`":
            self.x = min(self.cols - 1, n - 1)
        elif final == "d":
            self.y = min(self.rows - 1, n - 1)
        elif final == "K":
            lo, hi = {0: (self.x, self.cols), 1: (0, self.x + 1)}.get(args[0], (0, self.cols))
            self.blank(self.y, lo, hi)
        elif final == "J":
            if args[0] == 0:
                self.csi("K", "")
                for y in range(self.y + 1, self.rows):
                    self.blank(y, 0, self.cols)
            elif args[0] == 1:
                self.csi("K", "1")
                for y in range(0, self.y):
                    self.blank(y, 0, self.cols)
            else:
                for y in range(self.rows):
                    self.blank(y, 0, self.cols)
        elif final == "X":
            self.blank(self.y, self.x, min(self.cols, self.x + n))
        elif final == "b":
            for _ in range(n):
                self.char(self.last)
        elif final == "r":
            top = max(1, args[0]) - 1
            bottom = (args[1] if len(args) > 1 and args[1] else self.rows) - 1
            self.top, self.bottom = top, min(self.rows - 1, bottom)
            self.x = self.y = 0
        elif final in "LM" and self.top <= self.y <= self.bottom:
            self.scroll(self.y, self.bottom, -n if final == "L" else n)
        elif final == "S":
            self.scroll(self.top, self.bottom, n)
        elif final == "T":
            self.scroll(self.top, self.bottom, -n)
        elif final == "@":
            for row, fill in ((self.cells[self.y], " "), (self.hl[self.y], self.background)):
                row[self.x:] = ([fill] * n + row[self.x:])[:self.cols - self.x]
        elif final == "P":
            for row, fill in ((self.cells[self.y], " "), (self.hl[self.y], self.background)):
                row[self.x:] = (row[self.x + n:] + [fill] * n)[:self.cols - self.x]


class Tty:
    """A program in a pseudo-terminal of cols x rows: keys in, output counted and
    kept on a Screen, its CPU time and memory read from /proc."""

    def __init__(self, argv, env, cols, rows):
        self.screen = Screen(cols, rows)
        self.bytes = 0
        self.last_output = None
        self.start = time.monotonic()
        pid, fd = pty.fork()
        if pid == 0:
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.status = None

    def pump(self, timeout):
        """Read what the program wrote within timeout; False at none."""
        if self.fd is None:
            return False
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return False
        try:
            data = os.read(self.fd, 65536)
        except OSError:  # EIO: the program has gone
            data = b""
        if not data:
            os.close(self.fd)
            self.fd = None
            return False
        self.last_output = time.monotonic()
        self.bytes += len(data)
        self.screen.feed(data)
        return True

    def settle(self, quiet, timeout, first=None):
        """Read until the output has been quiet for `quiet` seconds. With
        first, wait that long for the output to begin; False when none came."""
        end = time.monotonic() + timeout
        if first is not None:
            if not self.pump(min(first, timeout)):
                return False
        while time.monotonic() < end:
            if not self.pump(quiet):
                return True
        return True

    def idle(self, seconds):
        """Read whatever comes for that long, sending nothing."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if self.fd is None:
                raise BenchError("the program ended while idle")
            self.pump(end - time.monotonic())

    def wait_for(self, what, timeout=SCREEN_TIMEOUT, quiet=0.1):
        """Read until the screen shows `what` (a string, or a function of
        the Screen whose docstring says what it looks for before a colon)
        and the output is quiet; BenchError after timeout."""
        test = what if callable(what) else (lambda s: what in s.text())
        shown = what.__doc__.split(":")[0].strip() if callable(what) else repr(what)
        end = time.monotonic() + timeout
        while not test(self.screen):
            if self.fd is None:
                raise BenchError("the program ended before the screen showed %s" % shown)
            if time.monotonic() > end:
                raise BenchError("the screen did not show %s within %.0f s" % (shown, timeout))
            self.pump(end - time.monotonic())
        self.settle(quiet, timeout)

    def send(self, keys):
        if self.fd is not None:
            os.write(self.fd, keys)

    def key(self, keys):
        """Send one key and read its answer; False when nothing was drawn."""
        self.send(keys)
        return self.settle(SETTLE, SCREEN_TIMEOUT, first=KEY_TIMEOUT)

    def cpu_ticks(self):
        """utime + stime, in clock ticks (/proc/PID/stat fields 14 and 15)."""
        with open("/proc/%d/stat" % self.pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])

    def cpu_seconds(self):
        """The CPU time used so far. utime + stime count whole clock ticks
        (10 ms), too coarse for a key that costs 0.3 ms: where the kernel
        has it, /proc/PID/schedstat gives the same time in nanoseconds (its
        first field; kijun and the floors have one thread)."""
        try:
            with open("/proc/%d/schedstat" % self.pid) as f:
                return int(f.read().split()[0]) / 1e9
        except (OSError, ValueError, IndexError):
            return self.cpu_ticks() / HZ

    def peak_rss_kib(self):
        with open("/proc/%d/status" % self.pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        raise BenchError("no VmHWM in /proc/%d/status" % self.pid)

    def close(self, quit_keys=b"", timeout=5.0):
        """Quit with quit_keys (answering n to a question), else kill."""
        self.send(quit_keys)
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
                break
            if self.fd is not None and not self.pump(0.05):
                if "Unsaved changes" in self.screen.text():
                    self.send(b"n")
        else:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
