"""Threads on the virtual clock (README.md, "Threads").

Pyodide has no real threads, so a thread cannot run beside the loop. The model: a thread's code
(a threading.Thread's target, an executor's job) runs as a whole, synchronously, at the moment it
is started or submitted, as a VirtualThread whose virtual time starts when a worker is free to
pick the job up (max(submit time, that worker's free time)). Inside it, time.time/sleep and
blocking file and socket calls read and spend that thread's own time (world.block), so the loop
is not stalled. Its result reaches the loop as CPython's does: at the thread's finishing time a
world event sets the concurrent future, whose done callbacks call loop.call_soon_threadsafe; a
call_soon_threadsafe made by the thread's own code is deferred to that thread's time (world.at).

What this cannot show: two threads interleaving. A job's prints appear when it runs (at its
submission, inside the step that submitted it), not spread over its virtual run time; a thread
that waits for something only a later thread or the loop can do (an empty queue.Queue.get(), an
Event nobody has set yet) would wait forever, so the run ends saying so (a deadlock), instead of
hanging.
"""

import _thread
import concurrent.futures
import contextvars
import functools
import itertools
import os
import queue
import threading
import time as _time_module
import types
from asyncio import events
from concurrent.futures import _base, thread as _cf_thread

from . import trail
from .core import VirtualThread

# The virtual machine's CPU count: os.cpu_count() and os.process_cpu_count() say this during a
# run, so ThreadPoolExecutor's default max_workers is min(32, 4 + 4) = 8 on every machine.
VIRTUAL_CPUS = 4
# Idents of virtual threads start here (the loop's thread keeps its real ident).
_FIRST_IDENT = 0x7F0000001000
DEFAULT_MAX_THREADS = 5000

_real_current_thread = threading.current_thread
_real_get_ident = _thread.get_ident
_real_enumerate = threading.enumerate
_real_is_alive = threading.Thread.is_alive
_real_join = threading.Thread.join

# The installed Threads of the run in progress (one run at a time).
_active = None


def _label(fn):
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


class _Worker:
    __slots__ = ('thread', 'ident', 'free_at', 'index')

    def __init__(self, thread, ident, free_at, index):
        self.thread = thread
        self.ident = ident
        self.free_at = free_at
        self.index = index


class Future(_base.Future):
    """concurrent.futures.Future whose waits spend virtual time. A job's outcome is known when it
    is submitted (it has already run); the future is set by a world event at the job's finishing
    time. result()/exception() on the loop's thread block it until then (the clock moves, events
    run); on a worker they move that worker's time and take the known outcome."""

    _loopscope_done_at = None
    _loopscope_outcome = None
    _loopscope_job = None

    def _virtual_wait(self, timeout):
        """True when the future is finished as of the caller's time after waiting."""
        if self.done():
            return True
        t = _active
        at = self._loopscope_done_at
        world = t.world
        if at is None:
            if timeout is None:
                t.blocked_forever('Future.result()')
            world.block(max(timeout, 0))
            return self.done()
        if timeout is not None and world.time() + max(timeout, 0) < at:
            world.block(max(timeout, 0))
            return False
        world.block_until(at)
        return True

    def result(self, timeout=None):
        if self._virtual_wait(timeout) and not self.done() and self._loopscope_outcome is not None:
            ok, value = self._loopscope_outcome
            if ok:
                return value
            raise value
        return super().result(timeout=0)

    def exception(self, timeout=None):
        if self._virtual_wait(timeout) and not self.done() and self._loopscope_outcome is not None:
            ok, value = self._loopscope_outcome
            return None if ok else value
        return super().exception(timeout=0)


def _finish(future, outcome):
    """The world event at a job's finishing time: the future is set as a worker sets it."""
    future._loopscope_outcome = None
    ok, value = outcome
    if ok:
        future.set_result(value)
    else:
        future.set_exception(value)


class ThreadPoolExecutor(_base.Executor):
    """concurrent.futures.ThreadPoolExecutor for a run: CPython's names, defaults and errors; a
    job runs when it is submitted, on the worker that would pick it up (module docstring)."""

    BROKEN = _cf_thread.BrokenThreadPool
    _counter = itertools.count().__next__  # install() gives every run a fresh one

    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        if max_workers is None:
            max_workers = min(32, (os.process_cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._initializer = initializer
        self._initargs = initargs
        self._workers = []
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = (thread_name_prefix or
                                    ("ThreadPoolExecutor-%d" % self._counter()))

    def _pick(self, now):
        """(worker, start): the idle worker idle longest, else a new one, else the first free."""
        idle = [w for w in self._workers if w.free_at <= now]
        if idle:
            return min(idle, key=lambda w: (w.free_at, w.index)), now
        if len(self._workers) < self._max_workers:
            return self._new_worker(now), now
        w = min(self._workers, key=lambda w: (w.free_at, w.index))
        return w, w.free_at

    def _new_worker(self, now):
        t = _active
        index = len(self._workers)
        name = '%s_%d' % (self._thread_name_prefix or self, index)
        pythread = threading.Thread(name=name, daemon=False)
        ident = t.register(pythread, now)
        w = _Worker(pythread, ident, now, index)
        self._workers.append(w)
        self._threads.add(pythread)
        if self._initializer is not None:
            vt = VirtualThread(name, ident, now)
            try:
                t.run_on(vt, pythread, functools.partial(self._initializer, *self._initargs))
            except BaseException as exc:
                if isinstance(exc, KeyboardInterrupt):
                    raise
                _base.LOGGER.critical('Exception in initializer:', exc_info=True)
                self._broken = ('A thread initializer failed, the thread pool '
                                'is not usable anymore')
            w.free_at = vt.time
        return w

    def submit(self, fn, /, *args, **kwargs):
        if self._broken:
            raise self.BROKEN(self._broken)
        if self._shutdown:
            raise RuntimeError('cannot schedule new futures after shutdown')
        t = _active
        world = t.world
        f = Future()
        worker, start = self._pick(world.time())
        if self._broken:  # this worker's initializer failed
            f.set_exception(self.BROKEN(self._broken))
            return f
        f.set_running_or_notify_cancel()
        vt = VirtualThread(worker.thread.name, worker.ident, start)
        outcome = t.run_job(vt, worker.thread, fn, args, kwargs)
        worker.free_at = vt.time
        t.check_time(vt)
        f._loopscope_outcome = outcome
        f._loopscope_done_at = vt.time
        f._loopscope_job = (_label(fn), worker.thread.name)
        if trail.sink is not None:
            trail.sink.job(worker.thread.name, f._loopscope_job[0], start, vt.time)
        world.at(vt.time, functools.partial(_finish, f, outcome))
        return f
    submit.__doc__ = _base.Executor.submit.__doc__

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True
        t = _active
        for w in self._workers:
            t.ended(w.thread, w.free_at)
        if wait and self._workers:
            t.world.block_until(max(w.free_at for w in self._workers))
    shutdown.__doc__ = _base.Executor.shutdown.__doc__


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
        active = threading._active
        active[vt.ident] = pythread
        try:
            with self.world.on_thread(vt):
                return fn()
        finally:
            active.pop(vt.ident, None)
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
        label = _label(pythread._target or pythread.run) if trail.sink is not None else ''

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


# -- the patches --------------------------------------------------------------------------------
def _start(self):
    _active.start(self)


def _is_alive(self):
    t = _active
    known, end = t.end_of(self)
    if not known:
        return _real_is_alive(self)
    return end is None or t.world.time() < end


def _join(self, timeout=None):
    t = _active
    known, end = t.end_of(self)
    if not known:
        return _real_join(self, timeout)
    if self is t.current_thread():
        raise RuntimeError("cannot join current thread")
    if end is None:
        if timeout is None:
            t.blocked_forever(f'{self.name}.join()')
        t.world.block(max(timeout, 0))
        return
    wait = end - t.world.time()
    if wait <= 0:
        return
    if timeout is not None:
        wait = min(wait, max(timeout, 0))
    t.world.block(wait)


def _current_thread():
    return _active.current_thread()


def _get_ident():
    return _active.get_ident()


def _enumerate():
    return _real_enumerate() + _active.alive()


def _active_count():
    return len(_enumerate())


def _condition_wait(self, timeout=None):
    """Nothing else runs while a thread waits (module docstring): a timed wait spends its time
    and times out; an endless one would hang, so the run ends saying so."""
    if not self._is_owned():
        raise RuntimeError("cannot wait on un-acquired lock")
    if timeout is None:
        _active.blocked_forever('a wait on a threading.Condition (queue.Queue, Event, Semaphore...)')
    _active.world.block(max(timeout, 0))
    return False


class Lock:
    """threading.Lock for a run. Pyodide's C lock spins forever when acquired while held (no
    other thread can ever release it); here a blocking acquire of a held lock ends the run as a
    deadlock saying why, and a timed one spends its timeout on the caller's clock."""

    __slots__ = ('_locked', '__weakref__')

    def __init__(self):
        self._locked = False

    def acquire(self, blocking=True, timeout=-1):
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if timeout < 0 and timeout != -1:
            raise ValueError("timeout value must be a non-negative number")
        if not self._locked:
            self._locked = True
            return True
        if not blocking:
            return False
        if timeout == -1:
            _active.blocked_forever('Lock.acquire() of a lock that is held')
        _active.world.block(timeout)
        return False

    acquire_lock = acquire

    def release(self):
        if not self._locked:
            raise RuntimeError('release unlocked lock')
        self._locked = False

    release_lock = release

    def locked(self):
        return self._locked

    locked_lock = locked

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def _at_fork_reinit(self):
        self._locked = False

    def __repr__(self):
        return f"<{'locked' if self._locked else 'unlocked'} _thread.lock object at {id(self):#x}>"


def _cpu_count():
    return VIRTUAL_CPUS


def _done_at(f):
    """When a worker's future is set (inf for one nothing in the world will set)."""
    at = f.__dict__.get('_loopscope_done_at') if isinstance(f, Future) else None
    return float('inf') if at is None else at


def _fails(f):
    outcome = f.__dict__.get('_loopscope_outcome') if isinstance(f, Future) else None
    return outcome is not None and not outcome[0]


def _as_completed(fs, timeout=None):
    """concurrent.futures.as_completed on virtual time: in order of finishing time."""
    world = _active.world
    end = None if timeout is None else world.time() + timeout
    fs = list(dict.fromkeys(fs))
    pending = sorted(enumerate(fs), key=lambda p: (-1 if p[1].done() else _done_at(p[1]), p[0]))
    for n, (_, f) in enumerate(pending):
        if not f.done():
            at = _done_at(f)
            if at == float('inf') or (end is not None and at > end):
                if end is None:
                    _active.blocked_forever('concurrent.futures.as_completed()')
                world.block_until(end)
                raise TimeoutError(f'{len(pending) - n} (of {len(fs)}) futures unfinished')
            world.block_until(at)
        yield f



class RLock:
    """threading.RLock for a run: owned by the virtual thread that took it (a lock the loop's
    thread holds is not free to a worker), re-entrant for its owner, with Lock's rules for a
    wait that could never end."""

    __slots__ = ('_owner', '_count', '__weakref__')

    def __init__(self):
        self._owner = None
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        me = _get_ident()
        if self._owner == me:
            self._count += 1
            return True
        if self._owner is None:
            self._owner, self._count = me, 1
            return True
        if not blocking:
            return False
        if timeout == -1:
            _active.blocked_forever('RLock.acquire() of a lock another thread holds')
        _active.world.block(max(timeout, 0))
        return False

    __enter__ = acquire

    def release(self):
        if self._owner != _get_ident():
            raise RuntimeError('cannot release un-acquired lock')
        self._count -= 1
        if self._count == 0:
            self._owner = None

    def __exit__(self, *exc):
        self.release()

    def locked(self):
        return self._owner is not None

    # What threading.Condition asks of its lock.
    def _is_owned(self):
        return self._owner == _get_ident()

    def _release_save(self):
        state = (self._count, self._owner)
        self._owner, self._count = None, 0
        return state

    def _acquire_restore(self, state):
        self._count, self._owner = state

    def _at_fork_reinit(self):
        self._owner, self._count = None, 0

def _wait(fs, timeout=None, return_when=_base.ALL_COMPLETED):
    """concurrent.futures.wait on virtual time."""
    world = _active.world
    fs = set(fs)
    end = None if timeout is None else world.time() + timeout

    def at(f):
        return world.time() if f.done() else _done_at(f)

    times = sorted(at(f) for f in fs)
    if return_when == _base.FIRST_COMPLETED:
        target = times[0] if times else world.time()
    elif return_when == _base.FIRST_EXCEPTION:
        failing = [at(f) for f in fs if _fails(f)]
        failing += [world.time() for f in fs if f.done() and not f.cancelled() and f.exception(0) is not None]
        target = min(failing) if failing else (times[-1] if times else world.time())
    else:
        target = times[-1] if times else world.time()
    if end is not None:
        target = min(target, end)
    if target == float('inf'):
        _active.blocked_forever('concurrent.futures.wait()')
    world.block_until(target)
    done = {f for f in fs if f.done() or (at(f) <= world.time())}
    return _base.DoneAndNotDoneFutures(done, fs - done)


def install(world, fail, max_threads=DEFAULT_MAX_THREADS, max_time=float('inf')):
    """Puts the run's threads in place; returns the Threads (uninstall(t) puts things back)."""
    global _active
    t = Threads(world, fail, max_threads, max_time)
    _active = t
    cf = concurrent.futures
    saved = [
        (cf, 'ThreadPoolExecutor', cf.__dict__.get('ThreadPoolExecutor', _MISSING)),
        (cf, 'Future', cf.Future),
        (cf, 'as_completed', cf.as_completed),
        (cf, 'wait', cf.wait),
        (_base, 'as_completed', _base.as_completed),
        (_base, 'wait', _base.wait),
        (threading.Thread, 'start', threading.Thread.start),
        (threading.Thread, 'is_alive', threading.Thread.is_alive),
        (threading.Thread, 'join', threading.Thread.join),
        (threading.Condition, 'wait', threading.Condition.wait),
        (threading, 'current_thread', threading.current_thread),
        (threading, 'currentThread', threading.__dict__.get('currentThread', _MISSING)),
        (threading, 'get_ident', threading.get_ident),
        (threading, 'enumerate', threading.enumerate),
        (threading, 'active_count', threading.active_count),
        (threading, '_counter', threading._counter),
        (threading, 'Lock', threading.Lock),
        (threading, 'RLock', threading.RLock),
        (_thread, 'allocate_lock', _thread.allocate_lock),
        (queue, 'SimpleQueue', queue.SimpleQueue),
        (threading, '_time', threading._time),
        (_thread, 'get_ident', _thread.get_ident),
        (queue, 'time', queue.time),
        (os, 'cpu_count', os.cpu_count),
        (os, 'process_cpu_count', os.__dict__.get('process_cpu_count', _MISSING)),
    ]
    t.saved = saved
    cf.ThreadPoolExecutor = ThreadPoolExecutor
    ThreadPoolExecutor._counter = itertools.count().__next__
    cf.as_completed = _base.as_completed = _as_completed
    cf.wait = _base.wait = _wait
    threading.Thread.start = _start
    threading.Thread.is_alive = _is_alive
    threading.Thread.join = _join
    threading.Condition.wait = _condition_wait
    threading.current_thread = _current_thread
    threading.currentThread = _current_thread
    threading.get_ident = _thread.get_ident = _get_ident
    threading.enumerate = _enumerate
    threading.active_count = _active_count
    threading._counter = itertools.count(1).__next__
    threading.Lock = _thread.allocate_lock = Lock
    threading.RLock = RLock
    # The C SimpleQueue's get() on an empty queue would spin; the pure one waits on a Condition.
    queue.SimpleQueue = queue._PySimpleQueue
    # threading and queue read time.monotonic as imported names: the virtual one, thread-aware.
    threading._time = queue.time = lambda: _time_module.monotonic()
    os.cpu_count = os.process_cpu_count = _cpu_count
    return t


_MISSING = object()


def uninstall(t):
    global _active
    for owner, name, value in reversed(t.saved):
        if value is _MISSING:
            if name in vars(owner):
                delattr(owner, name)
        else:
            setattr(owner, name, value)
    _active = None
