"""Run a lesson under CPython's own asyncio loop on a virtual clock.

A reference for the lesson goldens, independent of Loopscope's engine: time
starts at 0, jumps to the next timer when the loop would wait, and time.sleep
advances it. Timers with equal deadlines wake in the order of the clock reading
they were computed from, as they do in real CPython (DESIGN.md, "Ties"): each
timer keeps the count of clock readings made before it was scheduled.

Usage: python3 virtual_clock.py LESSON.py
Prints what the lesson prints. A deadlock (nothing ready, no timer) ends the
run with "deadlock at t=..." on stderr and exit status 3.
"""
import asyncio
import heapq
import runpy
import selectors
import sys
import time



class Clock:
    def __init__(self):
        self.now = 0.0
        self.readings = 0

    def read(self):
        self.readings += 1
        return self.now

    def advance(self, seconds):
        self.now += max(0.0, seconds)


class Deadlock(Exception):
    pass


class VirtualSelector(selectors.DefaultSelector):
    """Never waits: a timeout moves the clock, no timeout means nothing can ever run."""

    def __init__(self, clock):
        super().__init__()
        self.clock = clock
        self.timers = []  # the loop's heap, set by VirtualLoop

    def select(self, timeout=None):
        if timeout is None:
            raise Deadlock()
        if timeout > 0 and self.timers:
            # Land exactly on the deadline, not on now + (deadline - now).
            self.clock.now = max(self.clock.now, self.timers[0].when())
        return []


class SequencedTimer(asyncio.TimerHandle):
    """Orders by (deadline, readings before it was scheduled); equal pairs tie as in heapq."""

    def __init__(self, when, callback, args, loop, context, reading):
        super().__init__(when, callback, args, loop, context)
        self.reading = reading

    def __lt__(self, other):
        return (self._when, self.reading) < (other._when, other.reading)

    def __le__(self, other):
        return (self._when, self.reading) <= (other._when, other.reading)

    def __gt__(self, other):
        return other < self

    def __ge__(self, other):
        return other <= self


def main(path):
    clock = Clock()
    time.perf_counter = time.monotonic = time.time = clock.read
    time.sleep = clock.advance

    class VirtualLoop(asyncio.SelectorEventLoop):
        def __init__(self):
            selector = VirtualSelector(clock)
            super().__init__(selector)
            selector.timers = self._scheduled

        def time(self):
            return clock.read()

        def call_at(self, when, callback, *args, context=None):
            # As BaseEventLoop.call_at, with a timer that remembers its reading.
            self._check_closed()
            timer = SequencedTimer(when, callback, args, self, context, clock.readings)
            heapq.heappush(self._scheduled, timer)
            timer._scheduled = True
            return timer

    class Policy(asyncio.DefaultEventLoopPolicy):
        def new_event_loop(self):
            return VirtualLoop()

    asyncio.set_event_loop_policy(Policy())
    sys.argv = [path]
    try:
        runpy.run_path(path, run_name="__main__")
    except Deadlock:
        sys.stdout.flush()
        print(f"deadlock at t={clock.now:.3f}", file=sys.stderr)
        sys.exit(3)


if __name__ == "__main__":
    main(sys.argv[1])
