"""The loop's select step, mixed into Run (runtime.py): when I/O or a world event is due, and
the step itself at that time. The scheduler calls these only while a loop's selector is busy."""

from .faults import RunEnded
from .ops import CLOCK


class Selection:
    """Mixed into Run, whose __init__ sets the fields used here."""

    def select_io(self, lid, now, readings, deadline):
        """When the loop's select would return: the time I/O becomes ready or a world event is
        due, if that is no later than `deadline` (-1: no deadline); -2 if the deadline comes
        first; -1 if nothing could ever become ready."""
        self.now = float(now)
        self.readings = int(readings)
        when = self.selectors[lid][1].next_time()
        if when is None or (deadline >= 0 and when > deadline):
            return -2.0 if deadline >= 0 else -1.0
        return max(float(when), self.now)

    def process_io(self, lid, now, readings):
        """The select step at `now`: world events due run, then ready readers and writers join the
        ready queue (SOON ops), before the scheduler moves due timers there."""
        ops = self.ops
        ops.clear()
        self.now = float(now)
        self.readings = int(readings)
        loop, selector = self.selectors[lid]
        status = 0
        try:
            loop._process_events(selector.ready(self.now))
        except RunEnded as e:
            self.stash = e
            status = 1
        ops.nums += (CLOCK, self.now, self.readings)
        return status
