"""The event loop programs run on: asyncio's own selector event loop (BaseSelectorEventLoop, so
CPython's transports, streams, servers and protocols run unmodified on the virtual network's
selector, world/selector.py), with call_soon/call_at/time and run_forever handed to the
TypeScript scheduler (engine/core/scheduler.ts) by integer handle ids. Handles stay in Python
(handles.py), so cancellation, contexts and callback errors are CPython's own code. The
scheduler asks this side for the select step (Run.select_io / process_io) only while the
selector could report anything."""

import asyncio
import contextvars
import functools
import sys
import types
import selectors
from asyncio import events, futures, selector_events

from . import state
from .ops import AT, IO, SOON
from .handles import _Handle, _TimerHandle, _io_handle
from .world.loops import NetLoopMixin
from .world.selector import VirtualSelector
from .callbacks import STEP_WRAPPER as _StepWrapper
from .unsupported import Unsupported
from .loop_warnings import WarningsMixin

_copy_context = contextvars.copy_context
_sleep_timer_cb = futures._set_result_unless_cancelled

_CTask = asyncio.Task
_Builtin = types.BuiltinMethodType

_NO_THREAD_LOOP = ("an event loop in a thread is not available in Loopscope: a thread's code runs "
                   "whole when it starts (engine/python/world/README.md), so it cannot wait for "
                   "a loop of its own; run the coroutine on the program's loop")


class VirtualLoop(WarningsMixin, NetLoopMixin, Unsupported, selector_events.BaseSelectorEventLoop):
    def __init__(self):
        run = state.run
        if run is None:
            raise RuntimeError('Loopscope: no program is running')
        self._run = run
        self._lid = lid = run.channel.new_loop()
        self._once, self._forever = run.channel.loop_commands(lid)
        selector = VirtualSelector(run.net)
        ops = run.ops
        selector.on_busy = lambda busy: ops.nums.extend((IO, lid, 1 if busy else 0))
        run.selectors[lid] = (self, selector)
        super().__init__(selector)
        self.time = run.time  # an attribute, not a method: loop.time() is the hottest call
        self._clock_resolution = 1e-09

    # -- I/O: readers and writers are scheduled by id like every other callback ---------------
    def _add_reader(self, fd, callback, *args):
        self._check_closed()
        handle = _io_handle(callback, args, self)
        key = self._selector.get_map().get(fd)
        if key is None:
            self._selector.register(fd, selectors.EVENT_READ, (handle, None))
        else:
            mask, (reader, writer) = key.events, key.data
            self._selector.modify(fd, mask | selectors.EVENT_READ, (handle, writer))
            if reader is not None:
                reader.cancel()
        return handle

    def _add_writer(self, fd, callback, *args):
        self._check_closed()
        handle = _io_handle(callback, args, self)
        key = self._selector.get_map().get(fd)
        if key is None:
            self._selector.register(fd, selectors.EVENT_WRITE, (None, handle))
        else:
            mask, (reader, writer) = key.events, key.data
            self._selector.modify(fd, mask | selectors.EVENT_WRITE, (reader, handle))
            if writer is not None:
                writer.cancel()
        return handle

    def _add_callback(self, handle):
        """A ready reader or writer joins the ready queue (_process_events calls this)."""
        if handle._cancelled:
            return
        run = self._run
        hid = run.next_hid
        run.next_hid = hid + 1
        handle._hid = hid
        run.handles[hid] = handle
        actor = run.actor_of(handle._callback, handle)
        run.ops.nums += (SOON, self._lid, hid, actor)

    # -- the clock and the scheduler ---------------------------------------------------------
    def call_soon(self, callback, *args, context=None):
        if self._debug:
            return super().call_soon(callback, *args, context=context)
        if self._closed:
            raise RuntimeError('Event loop is closed')
        if type(callback) is not _StepWrapper:
            return self._call_soon(callback, args, context)
        # A C Task's next step: the C Task is the only maker of step wrappers and it drops the
        # handle call_soon returns, so the step is kept as a tuple (step_handle() makes the
        # Handle if one is ever needed). A Handle costs about 0.3 µs; a step, 5.
        run = self._run
        hid = run.next_hid
        run.next_hid = hid + 1
        task = callback.__self__
        try:
            actor = task._loopscope_actor
        except AttributeError:
            actor = run.task_actor(task) or run.spawn(task)
        run.handles[hid] = (callback, _copy_context() if context is None else context, task, self)
        run.ops.nums += (SOON, self._lid, hid, actor)
        return None

    def _call_soon(self, callback, args, context):
        """A Handle scheduled: every call_soon but a task's step (a wakeup, a user's callback)."""
        if self._debug:
            handle = _Handle.__new__(_Handle)
            events.Handle.__init__(handle, callback, args, self, context)
            if handle._source_traceback:
                del handle._source_traceback[-1]
        else:
            handle = _Handle(callback, args, self, _copy_context() if context is None else context)
        run = self._run
        hid = run.next_hid
        run.next_hid = hid + 1
        handle._hid = hid
        run.handles[hid] = handle
        # The task path of run.actor_of, inlined: a task's actor id is kept on the task.
        t = type(callback)
        task = callback.__self__ if t is _Builtin or t is _StepWrapper else None
        if type(task) is _CTask:
            handle._ent = None
            handle._task = task
            try:
                actor = task._loopscope_actor
            except AttributeError:
                actor = run.actor_of(callback, handle)
        else:
            handle._task = task if isinstance(task, _CTask) else None  # a Task subclass's
            actor = run.actor_of(callback, handle)
        run.ops.nums += (SOON, self._lid, hid, actor)
        return handle

    def call_soon_threadsafe(self, callback, *args, context=None):
        self._check_closed()
        world = self._run.world
        thread = world.thread
        if thread is not None:
            # Made by a thread's code, which runs before its virtual time (world/threads.py):
            # the callback reaches the ready queue at that thread's time, as a world event.
            world.at(thread.time, functools.partial(self._call_soon_later, callback, args, context))
            return None
        return self._call_soon(callback, args, context)

    def _call_soon_later(self, callback, args, context):
        if not self._closed:
            self._call_soon(callback, args, context)

    def call_later(self, delay, callback, *args, context=None):
        if self._debug or delay is None:
            return super().call_later(delay, callback, *args, context=context)
        if self._closed:
            raise RuntimeError('Event loop is closed')
        # What self.time() and call_at do, without their checks: every sleep comes here.
        run = self._run
        run.readings += 1
        when = run.now + delay
        timer = _TimerHandle(when, callback, args, self, _copy_context() if context is None else context)
        self._arm(timer, when, callback)
        return timer

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, 'call_at')
            timer = _TimerHandle.__new__(_TimerHandle)
            events.TimerHandle.__init__(timer, when, callback, args, self, context)
            timer._task = None
            if timer._source_traceback:
                del timer._source_traceback[-1]
            timer._scheduled = True
        else:
            timer = _TimerHandle(when, callback, args, self, _copy_context() if context is None else context)
        self._arm(timer, when, callback)
        return timer

    def _arm(self, timer, when, callback):
        """Hands a new timer to the scheduler."""
        run = self._run
        hid = run.next_hid
        run.next_hid = hid + 1
        timer._hid = hid
        run.handles[hid] = timer
        cur = run.cur
        # run.actor_of's path for asyncio.sleep's timers, inlined: a task's sleeps are one actor.
        e = None
        if callback is _sleep_timer_cb:
            try:
                e = run.cb_actors[(callback, cur)]
            except KeyError:
                pass
        if e is not None and e[1] == 0:
            e[1] = 1
            timer._ent = e
            actor = e[0]
        else:
            actor = run.actor_of(callback, timer)
        at = when if type(when) is float else float(when)
        if callback is _sleep_timer_cb:
            run.sleep_deadline[cur] = at
        run.ops.nums += (AT, self._lid, hid, actor, at, run.readings)

    def create_task(self, coro, *, name=None, **kwargs):
        # Task-N names count from 1 in every run (CPython's counter is per process).
        if name is None:
            run = self._run  # run.next_task_name(), inlined
            run.task_names += 1
            name = f'Task-{run.task_names}'
        task = super().create_task(coro, name=name, **kwargs)
        if task._source_traceback:
            del task._source_traceback[-1]  # this wrapper's frame: debug mode names the caller's
        return task

    def _timer_handle_cancelled(self, handle):
        self._run.cancelled(self._lid, handle)

    def _handle_cancelled(self, handle):
        self._run.cancelled(self._lid, handle)

    def stop(self):
        self._stopping = True
        self._run.stop(self._lid)

    def _run_once(self):
        run = self._run
        run.flush()
        run.after_loop(run.channel.run_loop(self._once))

    def run_forever(self):
        run = self._run
        run.check_can_run()
        if run.world.thread is not None:
            raise NotImplementedError(_NO_THREAD_LOOP)
        self._run_forever_setup()
        run.loop_started()
        try:
            run.flush()
            status = run.channel.run_loop(self._forever)
        finally:
            self._run_forever_cleanup()
            run.loop_stopped()
        run.after_loop(status)


class VirtualLoopPolicy(events._BaseDefaultEventLoopPolicy):
    """Every way a program gets a loop gives a VirtualLoop; get_event_loop() creates one on
    first use, as Python up to 3.11 did, for course notes written in that style."""
    _loop_factory = VirtualLoop

    def get_event_loop(self):
        if self._local._loop is None:
            self.set_event_loop(self.new_event_loop())
        return self._local._loop


def install():
    events._set_running_loop(None)
    events._set_event_loop_policy(VirtualLoopPolicy())
    # Pyodide wraps asyncio.run to reuse its browser loop; programs get CPython's own.
    webloop = sys.modules.get('pyodide.webloop')
    original = getattr(webloop, '_orig_run', None)
    if original is not None:
        asyncio.run = original
