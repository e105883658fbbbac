"""The run's virtual world (world/core.py) tied to the run: its time is the run's clock mirror,
its blocking calls are Run.block, and a change in when its next event is due reaches every
loop's selector."""

from .world.core import World


class RunWorld(World):
    """The run's virtual world (world/core.py): the loop thread's time is the run's clock mirror
    and its blocking calls are Run.block. When the time of its next event changes (a worker's
    result is due), every loop's selector re-checks whether it is busy, so the scheduler's
    select step wakes for it without asking Python every iteration (engine/core/scheduler.ts)."""

    def __init__(self, run):
        super().__init__(lambda: run.now, run.block)
        self._run = run
        self._told = None

    def _tell(self):
        events = self._events
        when = events[0][0] if events else None
        if when != self._told:
            self._told = when
            for _, selector in self._run.selectors.values():
                selector.world_changed()

    def at(self, when, action):
        super().at(when, action)
        self._tell()

    def run_due(self, now):
        events = self._events
        if events and events[0][0] <= now:
            super().run_due(now)
            self._tell()
