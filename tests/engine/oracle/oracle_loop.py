"""The oracle loop: a stock asyncio selector event loop (CPython's own _run_once, call_soon, timers,
lazy cancellation, transports and streams) on the virtual network's selector (the engine's own
world package), which jumps the virtual clock to the next timer or I/O arrival instead of waiting.
Only two things differ from stock, both to match real runs: the timer tie-break (DESIGN.md "Ties")
and task names counted per run, as in a fresh process. Prior art: asyncio's test_utils.TestLoop.
"""

import heapq
from asyncio import base_events, events, selector_events, tasks

from oracle_halt import CapSteps, CapTime, Deadlock, Halt
from oracle_world import world


class OracleTimerHandle(events.TimerHandle):
    """A TimerHandle ordered by (deadline, clock reading it came after) instead of deadline alone.

    Real CPython's clock moves between two readings, so equal virtual deadlines from different
    readings wake in scheduling order; timers from the same reading stay equal and come out in
    heapq's order, exactly as in real CPython.
    """

    __slots__ = ("_reading",)

    def __init__(self, when, callback, args, loop, context=None, reading=0):
        super().__init__(when, callback, args, loop, context)
        self._reading = reading

    def _key(self):
        return (self._when, self._reading)

    def __lt__(self, other):
        if isinstance(other, OracleTimerHandle):
            return self._key() < other._key()
        return super().__lt__(other)

    def __gt__(self, other):
        if isinstance(other, OracleTimerHandle):
            return self._key() > other._key()
        return super().__gt__(other)

    def __le__(self, other):
        if isinstance(other, OracleTimerHandle):
            return self._key() <= other._key()
        return super().__le__(other)

    def __ge__(self, other):
        if isinstance(other, OracleTimerHandle):
            return self._key() >= other._key()
        return super().__ge__(other)


class VirtualSelector(world.selector.VirtualSelector):
    """select(timeout) spends the wait on the virtual clock at once: it jumps to the earlier of the
    timeout and the first I/O readiness (or world event), then reports what is ready then.

    timeout None with nothing that could become ready: that run is deadlocked.
    """

    def __init__(self, loop, clock, net, max_iterations):
        super().__init__(net)
        self._loop = loop
        self._clock = clock
        self._world = world
        self._max_iterations = max_iterations
        self.iterations = 0

    def select(self, timeout=None):
        self.iterations += 1
        if self.iterations > self._max_iterations:
            raise self._clock.halt(CapSteps(f"more than {self._max_iterations} loop iterations"))
        now = self._clock.now
        io = self.next_time()
        if timeout is None:
            if io is None:
                raise self._clock.halt(Deadlock("deadlock: nothing is ready and no timer is armed"))
            target = io
        else:
            target = now
            if timeout > 0:
                scheduled = self._loop._scheduled
                if timeout < base_events.MAXIMUM_SELECT_TIMEOUT and scheduled:
                    # timeout was computed as head._when - now; now + timeout can miss it by an ulp.
                    target = scheduled[0]._when
                else:
                    target = now + timeout
            if io is not None and io <= target:
                target = io
        if target > now:
            if target > self._clock.max_time:
                raise self._clock.halt(CapTime(f"virtual time would pass {self._clock.max_time} s"))
            self._clock.jump_to(target)
        return self.ready(self._clock.now)


class OracleLoop(world.loops.NetLoopMixin, selector_events.BaseSelectorEventLoop):
    def __init__(self, run):
        self._run_state = run
        self._clock = run.clock
        super().__init__(VirtualSelector(self, run.clock, run.net, run.max_iterations))

    def call_soon_threadsafe(self, callback, *args, context=None):
        # Stock, except that a call made by a thread's code (which runs before its virtual time,
        # engine/python/world/threads.py) reaches the ready queue at that thread's time.
        world_ = self._run_state.world
        thread = world_.thread
        if thread is None:
            return super().call_soon_threadsafe(callback, *args, context=context)
        self._check_closed()

        def later():
            if not self.is_closed():
                super(OracleLoop, self).call_soon_threadsafe(callback, *args, context=context)

        world_.at(thread.time, later)
        return None

    def _write_to_self(self):
        # A thread's call_soon_threadsafe reaches the ready queue through the world event that
        # runs it (the selector wakes for it), as on the engine: no self-pipe byte, no extra
        # _read_from_self callback that the engine's loop would not have.
        pass

    def time(self):
        return self._clock.read()

    def call_at(self, when, callback, *args, context=None):
        # Stock BaseEventLoop.call_at, with the timer remembering the last clock reading.
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, "call_at")
        timer = OracleTimerHandle(when, callback, args, self, context, self._clock.readings)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def create_task(self, coro, *, name=None, **kwargs):
        # Task-N counts from 1 in each run, as in a fresh process (CPython's counter is global).
        if name is None:
            name = f"Task-{self._run_state.next_task_number()}"
        task = super().create_task(coro, name=name, **kwargs)
        if task._source_traceback:
            del task._source_traceback[-1]  # debug mode: point at the caller, not at this override
        return task

    def _run_once(self):
        # Once halted (here, or by a blocking sleep inside a task, which the task would swallow),
        # the loop never runs another callback: the run ended where it stopped.
        if self._clock.halted is None:
            try:
                super()._run_once()
                return
            except Halt:
                pass
        self._run_state.keep_alive(self, tasks.all_tasks(self))
        raise self._clock.halted
