"""What a task's step leaves behind, mixed into Run (runtime.py): the task waits on something
(a WAIT op: what, until when, for whom) or it is done (EXIT: its outcome)."""

from asyncio import tasks

from . import faults
from .ops import WAIT

_Task = tasks.Task


class StepReports:
    """Mixed into Run, whose __init__ sets the fields used here."""

    def _task_exited(self, task, actor):
        self.waits.pop(actor, None)
        if task.cancelled():
            self.ops.exit(actor, 'cancelled', 'CancelledError()', '')
        else:
            exc = task._exception
            if exc is None:
                self.ops.exit(actor, 'result', faults.inert_repr(task._result), '')
            else:
                self.ops.exit(actor, 'exception', faults.inert_repr(exc),
                              faults.outcome_traceback(exc, self.filename))

    def _waiting(self, actor, waiter, hit):
        """The WAIT op of a task suspended on `waiter`; hit is its WaitDescriber.describe."""
        kind = hit[0]
        deadline = -1.0
        targets = ()
        if kind == 'timer':
            deadline = self.sleep_deadline.get(actor, -1.0)
        elif kind == 'io' and len(hit) > 5 and hit[5] is not None:
            deadline = float(hit[5])  # a worker's job: when its result arrives (waits.py)
        elif kind == 'task':
            if isinstance(waiter, _Task):
                targets = (self.task_actor(waiter),)
            else:
                children = getattr(waiter, '_children', None)
                if children:
                    targets = [self.task_actor(c) for c in children]
        nums = self.ops.nums
        nums += (WAIT, actor, hit[3], hit[4], hit[2], deadline, len(targets))
        nums += targets
