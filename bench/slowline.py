"""bench/slowline.py: a program behind a slow line, for bench/bytes.py.

SlowTty is a Tty (bench/term.py) whose output reaches the screen through
a small relay: the bytes the program writes are queued and delivered in
order at `rate` bytes a second (9600 baud with a start and a stop bit: 960
bytes/s), as a serial console shows them. With rate None they are
delivered as soon as read. Either way they are delivered one byte at a
time, and a watcher (a function of the delivery time) is called after
each, so that the bench can tell which byte completed a change: the byte
after which the highlight stands on its new row.
"""
import collections
import os
import select
import time

from term import Tty


class SlowTty(Tty):
    def __init__(self, argv, env, cols, rows, rate=None):
        super().__init__(argv, env, cols, rows)
        self.rate = rate
        self.queue = collections.deque()  # (time due, byte), in order
        self.line_free = 0.0              # when the line has sent what is queued
        self.delivered = 0                # bytes that reached the screen
        self.watch = None

    def deliver(self, now):
        done = False
        while self.queue and self.queue[0][0] <= now:
            due, byte = self.queue.popleft()
            self.screen.feed(bytes((byte,)))
            self.delivered += 1
            self.last_output = due
            done = True
            if self.watch:
                self.watch(due)
        return done

    def pump(self, timeout):
        """Read what the program wrote and deliver what is due, within
        timeout; False when nothing was read or delivered."""
        now = time.monotonic()
        if self.deliver(now):
            return True
        if self.fd is None and not self.queue:
            return False
        wait = max(0.0, timeout)
        if self.queue:
            wait = min(wait, max(0.0, self.queue[0][0] - now))
        ready = select.select([self.fd], [], [], wait)[0] if self.fd is not None else time.sleep(wait)
        now = time.monotonic()
        if ready:
            try:
                data = os.read(self.fd, 65536)
            except OSError:  # EIO: the program has gone
                data = b""
            if not data:
                os.close(self.fd)
                self.fd = None
            else:
                self.bytes += len(data)
                start = max(now, self.line_free)
                step = 1.0 / self.rate if self.rate else 0.0
                for i, byte in enumerate(data):
                    self.queue.append((start + (i + 1) * step, byte))
                self.line_free = start + len(data) * step
        # busy while bytes wait for the line: the output is not quiet yet
        return self.deliver(time.monotonic()) or bool(ready) or bool(self.queue)
