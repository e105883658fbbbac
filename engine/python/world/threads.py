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
import itertools
import os
import queue
import threading
import time as _time_module
from concurrent.futures import _base

from . import threadset
from .executor import Future, ThreadPoolExecutor, _as_completed, _wait
from .locks import Lock, RLock, _condition_wait
from .threadset import DEFAULT_MAX_THREADS, Threads

__all__ = ['VIRTUAL_CPUS', 'DEFAULT_MAX_THREADS', 'Future', 'Lock', 'RLock', 'ThreadPoolExecutor',
           'Threads', 'install', 'uninstall']

# The virtual machine's CPU count: os.cpu_count() and os.process_cpu_count() say this during a
# run, so ThreadPoolExecutor's default max_workers is min(32, 4 + 4) = 8 on every machine.
VIRTUAL_CPUS = 4

_real_enumerate = threading.enumerate
_real_is_alive = threading.Thread.is_alive
_real_join = threading.Thread.join


# -- the patches --------------------------------------------------------------------------------
def _start(self):
    threadset.active.start(self)


def _is_alive(self):
    t = threadset.active
    known, end = t.end_of(self)
    if not known:
        return _real_is_alive(self)
    return end is None or t.world.time() < end


def _join(self, timeout=None):
    t = threadset.active
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
    return threadset.active.current_thread()


def _get_ident():
    return threadset.active.get_ident()


def _enumerate():
    return _real_enumerate() + threadset.active.alive()


def _active_count():
    return len(_enumerate())


def _cpu_count():
    return VIRTUAL_CPUS


def install(world, fail, max_threads=DEFAULT_MAX_THREADS, max_time=float('inf')):
    """Puts the run's threads in place; returns the Threads (uninstall(t) puts things back)."""
    t = Threads(world, fail, max_threads, max_time)
    threadset.active = t
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
    for owner, name, value in reversed(t.saved):
        if value is _MISSING:
            if name in vars(owner):
                delattr(owner, name)
        else:
            setattr(owner, name, value)
    threadset.active = None
