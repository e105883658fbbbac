"""The oracle's virtual clock: starts at 0, moves only when the loop would wait or a blocking
time.sleep runs. Every reading advances a hidden counter that stands in for the nanoseconds
between two readings of a real clock (DESIGN.md, "Ties"); timers use it to break equal deadlines.
"""

import math
import time

from oracle_halt import CapTime

# The functions a program may use to read or spend time; the *_ns variants follow the rest so a
# program cannot see the host clock through them.
_PATCHED = ("time", "monotonic", "perf_counter", "sleep", "time_ns", "monotonic_ns", "perf_counter_ns")


class VirtualClock:
    def __init__(self, max_time=math.inf):
        self.now = 0.0
        self.readings = 0
        self.max_time = max_time
        # The first Halt of the run: once set, the loop never runs another callback.
        self.halted = None

    def halt(self, halt):
        self.halted = self.halted or halt
        return self.halted

    def read(self):
        self.readings += 1
        return self.now

    def jump_to(self, when):
        if when < self.now:
            raise RuntimeError("time can't go backwards")
        self.now = when

    def block(self, seconds):
        # A blocking call spends virtual time while the loop cannot run anything else.
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        if self.now + seconds > self.max_time:
            raise self.halt(CapTime(f"virtual time would pass {self.max_time} s"))
        self.now += seconds


class patched_time:
    """Context manager: the time module reads and spends the virtual clock, then is restored.
    With a world (the engine's engine/python/world/core.py), a worker thread's code reads and
    spends its own virtual time instead, as on the engine (engine/python/patches.py)."""

    def __init__(self, clock, world=None):
        self._clock = clock
        self._world = world
        self._saved = {}

    def __enter__(self):
        clock = self._clock
        world = self._world
        self._saved = {name: getattr(time, name) for name in _PATCHED}

        def read():
            thread = world.thread if world is not None else None
            return clock.read() if thread is None else thread.time

        def read_ns():
            return int(read() * 1_000_000_000)

        def sleep(seconds):
            thread = world.thread if world is not None else None
            if thread is None:
                clock.block(seconds)
                if world is not None:
                    world.run_due(clock.now)
                return
            if seconds < 0:
                raise ValueError("sleep length must be non-negative")
            if thread.time + seconds > clock.max_time:
                raise clock.halt(CapTime(f"virtual time would pass {clock.max_time} s"))
            thread.time += seconds

        for name in ("time", "monotonic", "perf_counter"):
            setattr(time, name, read)
        for name in ("time_ns", "monotonic_ns", "perf_counter_ns"):
            setattr(time, name, read_ns)
        time.sleep = sleep
        return clock

    def __exit__(self, *exc):
        for name, fn in self._saved.items():
            setattr(time, name, fn)
        return False
