"""Task state for the inspector: each task's coroutine stack with its locals (taskFrames), the
locks, queues and events the program made and who holds and waits on them (resources.py), and
who cancelled whom. Reading state must not change the run: no clock reading, no user code (reprs
come from reprs.py), nothing kept that would outlive its step, and the collector neither run nor
moved (gc is paused while the state is read: what it allocates is freed before it resumes).

A step's state goes out after its END op (with WAIT and EXIT), so it never begins a step; only
what changed is sent: a task's frames when they differ from the last sent, a resource's state
when it changed. On by default; RunOptions.capture = false switches it off."""

import gc
import sys
import types
from asyncio import runners, taskgroups, tasks, timeouts

from .ops import CANCELLED, FRAMES, WAITRES
from . import reprs
from .reprs import safe_repr
from .resources import Resources, await_chain, frame_of

MAX_LOCALS = 200   # locals one step sends; a step over it is marked capped

_Task = tasks.Task   # its methods called as _Task.done(task): a subclass's own are user code
_CORO = types.CoroutineType
_CO_COROUTINE = 0x80
_task_cancel = _Task.cancel
_getframe = sys._getframe
_MON = sys.monitoring
_DISABLE = _MON.DISABLE


def _functions(*owners):
    for owner in owners:
        if isinstance(owner, type):
            yield from (f for f in vars(owner).values() if isinstance(f, types.FunctionType))
        else:
            yield owner


# asyncio's own code that cancels tasks: a TaskGroup's abort, a timeout, gather's cancel,
# asyncio.run's last cancellations.
_CANCELLERS = [f.__code__ for f in _functions(taskgroups.TaskGroup, timeouts.Timeout,
                                              tasks._GatheringFuture, tasks._cancel_and_wait,
                                              runners._cancel_all_tasks)]


class Capture:
    def __init__(self, run, filename):
        self.run = run
        self.ops = run.ops
        self.filename = filename
        self.sent = {}        # actor -> the frames last sent
        self.spawned = []     # (task, actor) made this step: their frames go at the step's end
        self.cancels = []     # (actor, by) this step
        self.budget = MAX_LOCALS
        self.returned = None  # (code, frame record) of the last user coroutine that returned
        self.codes = {}       # actor -> its coroutine's code (a finished task's is gone)
        self.globals = {}     # the program's module globals (program.py sets them)
        self.resources = Resources(run, filename)
        reprs.resource_name = self.resources.name_of

    # -- sys.monitoring (program.py registers these on the user's code and asyncio's) ---------
    def user_events(self, code):
        """The events capture needs on one of the user's code objects (besides LINE)."""
        ev = _MON.events.CALL
        if code.co_flags & _CO_COROUTINE:
            ev |= _MON.events.PY_RETURN
        return ev

    def register(self, tool):
        for code in _CANCELLERS:
            _MON.set_local_events(tool, code, _MON.events.CALL)
        _MON.register_callback(tool, _MON.events.CALL, self.on_call)
        _MON.register_callback(tool, _MON.events.PY_RETURN, self.on_return)
        _MON.register_callback(tool, _MON.events.PY_START, self.resources.on_start)
        self.resources.install(tool)

    def unregister(self, tool):
        """At the program's end: asyncio's code objects keep no events for the next run."""
        for event in (_MON.events.CALL, _MON.events.PY_RETURN, _MON.events.PY_START):
            _MON.register_callback(tool, event, None)
        for code in _CANCELLERS:
            _MON.set_local_events(tool, code, 0)
        self.resources.uninstall(tool)

    def on_call(self, code, offset, fn, arg0):
        """Every call from the user's code: Task.cancel is noted, any other call site is never
        reported again (DISABLE), so a loop's calls cost one callback each, once."""
        if fn is _task_cancel:
            self.cancel_called(arg0)
            return None
        t = type(fn)
        if t is types.BuiltinMethodType or t.__name__ == 'builtin_method':
            owner = getattr(fn, '__self__', None)
            if issubclass(type(owner), _Task):   # not isinstance: it reads a __class__ property
                if fn.__name__ == 'cancel':
                    self.cancel_called(owner)
                    return None
        return _DISABLE

    def cancel_called(self, task):
        if not issubclass(type(task), _Task) or _Task.done(task):   # a subclass's done() is user code
            return
        run = self.run
        actor = run.task_actor(task)
        if actor:
            by = run.cur
            self.cancels.append((actor, by if by in self.codes else 0))

    def on_return(self, code, offset, value):
        """asyncio's acquire returned (resources.py), or a user coroutine returned: its frame
        is gone by the step's end, so a task that finished shows its last frame as it returned."""
        if code.co_filename != self.filename:
            if code in self.resources.acquire_codes:
                self.resources.on_return(code, value)
            return None
        enabled = gc.isenabled()
        if enabled:
            gc.disable()
        try:
            self.returned = (code, self._frame(code, _getframe(1)))
        finally:
            if enabled:
                gc.enable()
        return None

    # -- frames ---------------------------------------------------------------------------------
    def _frame(self, code, frame):
        """(fn, line, internal, locals) of one of the user's frames."""
        pairs = []
        budget = self.budget
        for name, value in frame.f_locals.items():
            if budget <= 0:
                self.budget = -1
                break
            if type(name) is not str:
                continue
            pairs.append((name, safe_repr(value)))
            budget -= 1
        if self.budget >= 0:
            self.budget = budget
        return (code.co_qualname, frame.f_lineno or code.co_firstlineno, 0, tuple(pairs))

    def frames(self, task):
        """The task's coroutine stack, outermost first (user and asyncio frames)."""
        out = []
        filename = self.filename
        for node, code in await_chain(_Task.get_coro(task)):
            if code.co_filename == filename:
                frame = frame_of(node)
                if frame is None:
                    break
                out.append(self._frame(code, frame))
            else:
                # asyncio's frames by their code alone: asking for a frame makes a frame object,
                # which the collector counts (its timing would move), and they show no locals.
                out.append((code.co_qualname, code.co_firstlineno, 1, ()))
        return tuple(out)

    def _send(self, actor, frames):
        if self.sent.get(actor) == frames:
            return
        self.sent[actor] = frames
        ops = self.ops
        sid = ops.sid
        nums = ops.nums
        nums += (FRAMES, actor, 1 if self.budget < 0 else 0, len(frames))
        for fn, line, internal, pairs in frames:
            nums += (sid(fn), line, internal, len(pairs))
            for name, text in pairs:
                nums += (sid(name), sid(text))

    # -- the run's hooks ----------------------------------------------------------------------------
    def task_made(self, task, actor):
        self.spawned.append((task, actor))
        coro = _Task.get_coro(task)
        self.codes[actor] = coro.cr_code if type(coro) is _CORO else None

    def after_end(self, actor, task):
        """Right after a step's END, before its WAIT: the actor no longer waits where it did;
        a task suspended on a lock, queue... says which (WAITRES, read with the WAIT after it)."""
        resources = self.resources
        if resources.waiting:
            resources.ran(actor)
        if task is not None and task._fut_waiter is not None and resources.by_id:
            rid = resources.waited_by(actor, task)
            if rid:
                self.ops.nums += (WAITRES, rid)

    def step_done(self, actor, task):
        """After a step's END, WAIT and EXIT: what changed in it."""
        resources = self.resources
        if task is None and not (self.spawned or self.cancels or resources.unnamed or resources.dirty):
            # A callback's step that made, touched and cancelled nothing (a timer that wakes a
            # task: half the steps of a sleeping program) has nothing to send.
            self.returned = None
            self.budget = MAX_LOCALS
            return
        enabled = gc.isenabled()
        if enabled:
            gc.disable()
        try:
            if resources.unnamed:
                resources.name_new(resources.scopes_of(task, self.globals)
                                   if task is not None and not _Task.done(task) else [self.globals])
            if task is not None:
                self._ran(actor, task)
            self._flush()
        finally:
            if enabled:
                gc.enable()

    def top_done(self):
        """The program's top level ran up to a stage op: what it made and changed."""
        enabled = gc.isenabled()
        if enabled:
            gc.disable()
        try:
            self.resources.name_new([self.globals])
            self._flush()
        finally:
            if enabled:
                gc.enable()

    def _ran(self, actor, task):
        if not _Task.done(task):
            self._send(actor, self.frames(task))
            return
        code = self.codes.pop(actor, None)
        returned = self.returned
        if (returned is not None and returned[0] is code and not _Task.cancelled(task)
                and task._exception is None):
            frames = (returned[1],)
        else:
            frames = self._traceback_frames(task)
        self._send(actor, frames)
        self.sent.pop(actor, None)

    def _traceback_frames(self, task):
        """A task that raised: its user frames as the exception left them."""
        exc = None if _Task.cancelled(task) else task._exception
        tb = exc.__traceback__ if exc is not None else None
        out = []
        while tb is not None:
            frame = tb.tb_frame
            code = frame.f_code
            if code.co_filename == self.filename:
                fn, _, internal, pairs = self._frame(code, frame)
                out.append((fn, tb.tb_lineno, internal, pairs))
            tb = tb.tb_next
        return tuple(out)

    def _flush(self):
        for task, actor in self.spawned:
            self._send(actor, self.frames(task))
        self.spawned.clear()
        self.resources.flush()
        nums = self.ops.nums
        for actor, by in self.cancels:
            nums += (CANCELLED, actor, by)
        self.cancels.clear()
        self.returned = None
        self.budget = MAX_LOCALS
