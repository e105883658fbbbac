"""One run's threads (threads.py has the model): the registry threading's functions answer from,
the caps, and running a thread's code on its own virtual time. `active` is the run in progress
(one run at a time), set by threads.install()."""

import _thread
import contextvars
import functools
import threading
import types
from asyncio import events

from . import trail
from .core import VirtualThread

# Idents of virtual threads start here (the loop's thread keeps its real ident).
_FIRST_IDENT = 0x7F0000001000
DEFAULT_MAX_THREADS = 5000


def job_label(fn):
    """A callable's name for a wait's description, found without running user code (only
    functions and methods are asked for theirs)."""
    while isinstance(fn, functools.partial):
        inner = fn.func
        if fn.args and isinstance(getattr(inner, '__self__', None), contextvars.Context):
            fn = fn.args[0]  # asyncio.to_thread's partial(ctx.run, func, ...)
        else:
            fn = inner
    if isinstance(fn, types.MethodType):
        fn = fn.__func__
    if isinstance(fn, (types.FunctionType, types.BuiltinFunctionType)):
        return fn.__qualname__
    return type(fn).__qualname__


_real_current_thread = threading.current_thread
_real_get_ident = _thread.get_ident

# The installed Threads of the run in progress (one run at a time).
active = None


class Threads:
    """One run's threads: the registry threading's functions answer from, the caps, and the
    patches install() puts in place. fail(kind, message, option) ends the run (it raises)."""

    def __init__(self, world, fail, max_threads=DEFAULT_MAX_THREADS, max_time=float('inf')):
        self.world = world
        self.fail = fail
        self.max_threads = max_threads
        self.max_time = max_time
        self.count = 0
        self.next_ident = _FIRST_IDENT
        self.by_ident = {}     # ident -> threading.Thread
        self.ends = {}         # id(thread) -> [thread, end time or None while alive]
        self.saved = None

    # -- the registry -----------------------------------------------------------------------------
    def register(self, pythread, now):
        if self.count >= self.max_threads:
            self.fail('capThreads', f'thread cap reached: more than {self.max_threads} threads '
                      f'(raise it with --max-threads)', '--max-threads')
        self.count += 1
        ident = self.next_ident
        self.next_ident += 8
        self.by_ident[ident] = pythread
        self.ends[id(pythread)] = [pythread, None]
        pythread._ident = ident
        pythread._native_id = ident
        return ident

    def ended(self, pythread, when):
        e = self.ends.get(id(pythread))
        if e is not None and e[0] is pythread and e[1] is None:
            e[1] = when

    def end_of(self, pythread):
        """(known, end): whether the thread is one of this run's, and when it ends (None: alive)."""
        e = self.ends.get(id(pythread))
        if e is None or e[0] is not pythread:
            return False, None
        return True, e[1]

    def check_time(self, vt):
        if vt.time > self.max_time:
            self.fail('capTime', 'virtual time cap reached in thread '
                      f'{vt.name} (raise it with --max-time)', '--max-time')

    def blocked_forever(self, what):
        vt = self.world.thread
        who = vt.name if vt is not None else 'the main thread'
        self.fail('deadlock', f'deadlock: {who} waits forever in {what}: in Loopscope a thread '
                  "runs to its end when it starts, so it cannot wait for what another thread or "
                  'the loop does later', None)

    # -- running a thread's code ------------------------------------------------------------------
    def run_on(self, vt, pythread, fn):
        """fn() as thread vt: its time, its name, no running event loop (as in a new thread)."""
        running = events._get_running_loop()
        events._set_running_loop(None)
        registry = threading._active
        registry[vt.ident] = pythread
        try:
            with self.world.on_thread(vt):
                return fn()
        finally:
            registry.pop(vt.ident, None)
            events._set_running_loop(running)

    def run_job(self, vt, pythread, fn, args, kwargs):
        """An executor's work item (_WorkItem.run): (True, result) or (False, exception)."""
        try:
            return True, self.run_on(vt, pythread, functools.partial(fn, *args, **kwargs))
        except KeyboardInterrupt:
            raise  # the run's end (a cap, the watchdog): CPython's workers never see one
        except BaseException as exc:
            return False, exc

    def start(self, pythread):
        """threading.Thread.start: the target runs now, to its end, on its own time."""
        if not pythread._initialized:
            raise RuntimeError("thread.__init__() not called")
        if pythread._started.is_set():
            raise RuntimeError("threads can only be started once")
        now = self.world.time()
        ident = self.register(pythread, now)
        pythread._started.set()
        vt = VirtualThread(pythread.name, ident, now)
        # Thread.run deletes its _target when it ends: the job's name is taken first.
        label = job_label(pythread._target or pythread.run) if trail.sink is not None else ''

        def body():
            try:
                pythread.run()
            except SystemExit:
                pass
            except KeyboardInterrupt:
                raise
            except BaseException:
                pythread._invoke_excepthook(pythread)

        self.run_on(vt, pythread, body)
        self.ended(pythread, vt.time)
        if trail.sink is not None:
            trail.sink.job(pythread.name, label, now, vt.time)
        self.check_time(vt)

    # -- what threading answers -------------------------------------------------------------------
    def current_thread(self):
        vt = self.world.thread
        if vt is None:
            return _real_current_thread()
        return self.by_ident.get(vt.ident) or _real_current_thread()

    def get_ident(self):
        vt = self.world.thread
        return _real_get_ident() if vt is None else vt.ident

    def alive(self):
        now = self.world.time()
        return [e[0] for e in self.ends.values() if e[1] is None or now < e[1]]

