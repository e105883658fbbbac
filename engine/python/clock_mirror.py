"""The clock mirror, mixed into Run (runtime.py): the clock is the TypeScript scheduler's; this
side reads it while Python runs (time.time, time.sleep, a blocking call) and hands it back."""

from .faults import RunEnded
from .loop_warnings import note_blocking
from .ops import BLOCK, SPLIT


class ClockMirror:
    """Mixed into Run, whose __init__ sets the fields used here."""

    def time(self):
        self.readings += 1
        return self.now

    def sleep(self, secs, what=None):
        """time.sleep: the loop is blocked while the clock moves (`what` blocks: BLOCKING)."""
        to = self.now + secs
        if to > self.max_time:
            self.end(RunEnded('capTime', 'virtual time cap reached (raise it with --max-time)',
                              '--max-time', self.current_line()))
        if to > self.now:
            note_blocking(self, what)
            self.ops.nums.extend((BLOCK, self.now, to))
            self.now = to

    def block(self, secs, what=None):
        """The loop's thread blocks for secs (world.block on it): time.sleep, a disk operation,
        a join. A program without asyncio ends its main step there (the clock jump shows)."""
        self.sleep(secs, what)
        if self.cur == self.main_actor and self.main_actor and self.loop_depth == 0:
            self.stage(SPLIT, ','.join(map(str, self.tracer.take())))

    def take_clock(self, now, readings):
        """The scheduler hands the clock back when a loop run returns; every op is applied."""
        self.now = float(now)
        self.readings = int(readings)
        self.ops.clear()
