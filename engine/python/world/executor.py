"""concurrent.futures for a run (threads.py has the model): a ThreadPoolExecutor whose job runs
whole when it is submitted, on the worker that would pick it up, and a Future, wait() and
as_completed() whose waits spend virtual time."""

import functools
import itertools
import os
import threading
from concurrent.futures import _base, thread as _cf_thread

from . import threadset, trail
from .core import VirtualThread


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
        t = threadset.active
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
        t = threadset.active
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
        t = threadset.active
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
        f._loopscope_job = (threadset.job_label(fn), worker.thread.name)
        if trail.sink is not None:
            trail.sink.job(worker.thread.name, f._loopscope_job[0], start, vt.time)
        world.at(vt.time, functools.partial(_finish, f, outcome))
        return f
    submit.__doc__ = _base.Executor.submit.__doc__

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True
        t = threadset.active
        for w in self._workers:
            t.ended(w.thread, w.free_at)
        if wait and self._workers:
            t.world.block_until(max(w.free_at for w in self._workers))
    shutdown.__doc__ = _base.Executor.shutdown.__doc__


def _done_at(f):
    """When a worker's future is set (inf for one nothing in the world will set)."""
    at = f.__dict__.get('_loopscope_done_at') if isinstance(f, Future) else None
    return float('inf') if at is None else at


def _fails(f):
    outcome = f.__dict__.get('_loopscope_outcome') if isinstance(f, Future) else None
    return outcome is not None and not outcome[0]


def _as_completed(fs, timeout=None):
    """concurrent.futures.as_completed on virtual time: in order of finishing time."""
    world = threadset.active.world
    end = None if timeout is None else world.time() + timeout
    fs = list(dict.fromkeys(fs))
    pending = sorted(enumerate(fs), key=lambda p: (-1 if p[1].done() else _done_at(p[1]), p[0]))
    for n, (_, f) in enumerate(pending):
        if not f.done():
            at = _done_at(f)
            if at == float('inf') or (end is not None and at > end):
                if end is None:
                    threadset.active.blocked_forever('concurrent.futures.as_completed()')
                world.block_until(end)
                raise TimeoutError(f'{len(pending) - n} (of {len(fs)}) futures unfinished')
            world.block_until(at)
        yield f



def _wait(fs, timeout=None, return_when=_base.ALL_COMPLETED):
    """concurrent.futures.wait on virtual time."""
    world = threadset.active.world
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
        threadset.active.blocked_forever('concurrent.futures.wait()')
    world.block_until(target)
    done = {f for f in fs if f.done() or (at(f) <= world.time())}
    return _base.DoneAndNotDoneFutures(done, fs - done)
