"""The handles the loop gives the scheduler: asyncio's Handle and TimerHandle plus the integer id
the TypeScript scheduler knows each by (loop.py schedules them). Built without Handle.__init__'s
debug checks outside debug mode; a task's step is kept as a tuple until a Handle is needed."""

import contextvars

from asyncio import events

from .ops import CANCEL

_copy_context = contextvars.copy_context


class _Handle(events.Handle):
    """asyncio's Handle plus the id the scheduler knows it by. Outside debug mode it is built
    by this __init__ (Handle.__init__ without its debug checks and extra calls); debug mode
    calls Handle.__init__ itself, whose tracebacks count frames. _task: the Task whose step or
    wakeup this is, or None (the loop sets it: run_batch reads it instead of asking again)."""
    __slots__ = ('_hid', '_ent', '_task')

    def __init__(self, callback, args, loop, context):
        self._context = context
        self._loop = loop
        self._callback = callback
        self._args = args
        self._cancelled = False
        self._repr = None
        self._source_traceback = None

    def cancel(self):
        if not self._cancelled:
            self._loop._handle_cancelled(self)
        super().cancel()


class _TimerHandle(events.TimerHandle):
    """asyncio's TimerHandle plus the id the scheduler knows it by, built as _Handle is;
    cancel() does what TimerHandle.cancel, _timer_handle_cancelled and Handle.cancel do, in
    one call (every asyncio.sleep cancels its timer on the way out). A timer is no task's step."""
    __slots__ = ('_hid', '_ent', '_task')

    def __init__(self, when, callback, args, loop, context):
        self._context = context
        self._loop = loop
        self._callback = callback
        self._args = args
        self._cancelled = False
        self._repr = None
        self._source_traceback = None
        self._when = when
        self._scheduled = True
        self._task = None

    def cancel(self):
        if not self._cancelled:
            loop = self._loop
            run = loop._run
            hid = self._hid
            handles = run.handles
            if hid in handles:
                del handles[hid]
                run.handle_gone(self)
                run.ops.nums += (CANCEL, loop._lid, hid)
            self._cancelled = True
            if loop._debug:
                self._repr = repr(self)
            self._callback = None
            self._args = None


# asyncio's reprs name a handle by its class's __name__ ("Exception in callback ...\nhandle:
# <Handle ...>"): what a program prints must be CPython's, so the subclasses answer to theirs.
_Handle.__name__ = 'Handle'
_TimerHandle.__name__ = 'TimerHandle'


def step_handle(step):
    """The Handle of a step call_soon kept as a tuple, for the rare path that needs one (debug
    mode switched on after the step was scheduled, an error to report)."""
    callback, context, task, loop = step
    handle = _Handle(callback, (), loop, context)
    handle._hid = 0  # no longer scheduled (ids start at 1): cancel() finds nothing to cancel
    handle._ent = None
    handle._task = task
    return handle


def _io_handle(callback, args, loop):
    """A reader's or writer's Handle: scheduled afresh (a new id) each time its fd is ready."""
    handle = _Handle(callback, args, loop, _copy_context())
    handle._hid = 0
    handle._ent = None
    handle._task = None
    return handle
