"""The virtual machine a program's I/O happens on: one loop thread whose clock the scheduler
owns, worker threads with virtual times of their own, and events that happen at a virtual time
without the loop (a worker finishing its job). Both the engine's loop and the test oracle's run
on it, so they see the same network, threads and files.

State is time-stamped rather than driven by events wherever it can be: bytes in flight carry
the time they arrive, a connection the time its handshake completes. A readiness question is
asked at a time, and a blocking call computes when its condition becomes true and spends the
calling thread's time up to then. Only what must run code at a virtual time (a worker's result
handed to the loop with call_soon_threadsafe) is an event.
"""

import heapq


class BlockedForever(Exception):
    """A blocking call whose condition nothing in the virtual world can make true: on a real
    machine the thread would hang. The run ends with this message (faults.py)."""


class VirtualThread:
    """A thread other than the loop's: its name and ident as threading reports them, and its own
    virtual time while its Python code runs (threads.py makes them and runs their code)."""

    __slots__ = ('name', 'ident', 'time', 'actor')

    def __init__(self, name, ident, time, actor=0):
        self.name = name
        self.ident = ident
        self.time = time
        self.actor = actor


class World:
    """now(): the loop thread's virtual time, read without counting as a clock reading.
    block(secs): the loop thread blocks for secs (the clock moves; nothing else of the loop runs).
    The engine passes its run's clock and BLOCK op, the oracle its VirtualClock."""

    def __init__(self, now, block):
        self._now = now
        self._block = block
        self._events = []
        self._seq = 0
        # Called after at() adds an event: the engine's loops then ask their select step, which
        # runs due events (a scheduler asks it only while something could happen).
        self.on_event = None
        # The VirtualThread whose Python runs now; None while the loop's own thread runs.
        self.thread = None

    # -- time -------------------------------------------------------------------------------------
    def time(self):
        """The calling thread's virtual time."""
        thread = self.thread
        return self._now() if thread is None else thread.time

    def block(self, secs):
        """A blocking call spends secs of the calling thread's time. On the loop's thread the
        clock moves, and events that fall due meanwhile happen (they may call
        call_soon_threadsafe: the callbacks wait in the ready queue, as on a real machine)."""
        if secs < 0:
            raise ValueError('sleep length must be non-negative')
        thread = self.thread
        if thread is not None:
            thread.time += secs
            return
        if secs > 0:
            self._block(secs)
        self.run_due(self._now())

    def block_until(self, when):
        """Blocks the calling thread until virtual time `when` (no-op if it has passed)."""
        wait = when - self.time()
        if wait > 0:
            self.block(wait)

    # -- events -----------------------------------------------------------------------------------
    def at(self, when, action):
        """action() runs when the loop's clock reaches `when` (in time, then scheduling, order)."""
        heapq.heappush(self._events, (when, self._seq, action))
        self._seq += 1
        if self.on_event is not None:
            self.on_event()

    def next_time(self):
        """When the earliest pending event falls due, or None."""
        events = self._events
        return events[0][0] if events else None

    def run_due(self, now):
        """Runs every event due by `now`; one that schedules another due event sees it run too."""
        events = self._events
        while events and events[0][0] <= now:
            action = heapq.heappop(events)[2]
            action()

    # -- threads ----------------------------------------------------------------------------------
    def on_thread(self, thread):
        """`with world.on_thread(t):` runs Python as thread t (its time, its name)."""
        return _OnThread(self, thread)


class _OnThread:
    __slots__ = ('_world', '_thread', '_outer')

    def __init__(self, world, thread):
        self._world = world
        self._thread = thread
        self._outer = None

    def __enter__(self):
        self._outer = self._world.thread
        self._world.thread = self._thread
        return self._thread

    def __exit__(self, *exc):
        self._world.thread = self._outer
        return False
