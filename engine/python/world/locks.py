"""threading's locks for a run (threads.py has the model): nothing else runs while a thread
waits, so a wait that could only end by another thread's or the loop's later work ends the run
as a deadlock saying so, and a timed one spends its timeout on the caller's clock."""

from . import threadset


def _get_ident():
    return threadset.active.get_ident()


def _condition_wait(self, timeout=None):
    """Nothing else runs while a thread waits (module docstring): a timed wait spends its time
    and times out; an endless one would hang, so the run ends saying so."""
    if not self._is_owned():
        raise RuntimeError("cannot wait on un-acquired lock")
    if timeout is None:
        threadset.active.blocked_forever('a wait on a threading.Condition (queue.Queue, Event, Semaphore...)')
    threadset.active.world.block(max(timeout, 0))
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
            threadset.active.blocked_forever('Lock.acquire() of a lock that is held')
        threadset.active.world.block(timeout)
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


class RLock:
    """threading.RLock for a run: owned by the virtual thread that took it (a lock the loop's
    thread holds is not free to a worker), re-entrant for its owner, with Lock's rules for a
    wait that could never end."""

    __slots__ = ('_owner', '_count', '__weakref__')

    def __init__(self):
        self._owner = None
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if timeout < 0 and timeout != -1:
            raise ValueError("timeout value must be a non-negative number")
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
            threadset.active.blocked_forever('RLock.acquire() of a lock another thread holds')
        threadset.active.world.block(max(timeout, 0))
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
