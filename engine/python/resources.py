"""The locks, semaphores, events, conditions, queues and barriers a program makes, as resources:
asyncio's own methods are watched with sys.monitoring (PY_START, PY_RETURN on their code objects,
nothing patched), so each is seen made, acquired and released by the actor running then. A Lock
has no owner in asyncio: its holder is the task running when acquire returned True, until release.
Waiters are the tasks whose wait (the asyncio frame their await chain ends in) is on it.

A resource is named at the end of the step that made it, by where it is bound then: a local or
global (`first_lock`), an item of one (`savings[1]`), an attribute of `self` (`self.lock`), else
`Lock 3` (resource_names.py); its state is sent when it changed (resource_state.py). A Condition's own Lock and a Barrier's Condition are hidden parts of their owner."""

import sys
import types
import weakref
from gc import disable as _gc_disable, enable as _gc_enable, get_referents as _referents
from gc import isenabled as _gc_enabled
from asyncio import locks, queues, tasks

from .ops import RESOURCE, RSTATE
from .resource_names import name_in
from .resource_state import state_of

RESOURCE_KINDS = ('lock', 'semaphore', 'event', 'condition', 'queue', 'barrier')
KIND_CODE = {k: i for i, k in enumerate(RESOURCE_KINDS)}

_Task = tasks.Task   # its methods called as _Task.get_coro(task): a subclass's own are user code
_getframe = sys._getframe
_CORO = types.CoroutineType
_GEN = types.GeneratorType
_KINDS = ((locks.Lock, 'lock'), (locks.Semaphore, 'semaphore'), (locks.Event, 'event'),
          (locks.Condition, 'condition'), (queues.Queue, 'queue'), (locks.Barrier, 'barrier'))
_INITS = [locks.Lock.__init__, locks.Semaphore.__init__, locks.BoundedSemaphore.__init__,
          locks.Event.__init__, locks.Condition.__init__, queues.Queue.__init__, locks.Barrier.__init__]
# Methods whose start changes state: the resource is looked at again at the step's end.
_TOUCH = [locks.Lock.release, locks.Semaphore.release, locks.Event.set, locks.Event.clear,
          locks.Condition.notify, queues.Queue.put_nowait, queues.Queue.get_nowait,
          queues.Queue.task_done, queues.Queue.shutdown, locks.Barrier.wait, locks.Barrier._exit,
          locks.Barrier.reset, locks.Barrier.abort]
_ACQUIRES = [locks.Lock.acquire, locks.Semaphore.acquire]
# The asyncio coroutines a waiting task's chain ends in, whose `self` is what it waits on.
_WAITS = [locks.Lock.acquire, locks.Semaphore.acquire, locks.Event.wait, locks.Condition.wait,
          locks.Condition.wait_for, queues.Queue.get, queues.Queue.put, queues.Queue.join,
          locks.Barrier.wait]


def await_chain(node):
    """[(coroutine or generator, its code)] down a task's await chain, outermost first. Called
    with the collector paused: the list is freed before it could run."""
    out = []
    while True:
        t = type(node)
        if t is _CORO:
            out.append((node, node.cr_code))
            node = node.cr_await
        elif t is _GEN:
            out.append((node, node.gi_code))
            node = node.gi_yieldfrom
        else:
            return out


def frame_of(node):
    """The frame of a coroutine or generator (made now if it had none), or None if finished."""
    return node.cr_frame if type(node) is _CORO else node.gi_frame


class Res:
    __slots__ = ('rid', 'kind', 'ref', 'line', 'owner', 'holders', 'name', 'maker', 'sent')

    def __init__(self, rid, kind, ref, line, owner):
        self.rid, self.kind, self.ref, self.line, self.owner = rid, kind, ref, line, owner
        self.holders = []
        self.name = None
        self.maker = None   # a weakref to the `self` of the user method that made it
        self.sent = None    # the state last sent


class Resources:
    def __init__(self, run, filename):
        self.run = run
        self.filename = filename
        self.by_id = {}       # id(obj) -> Res (checked against its weakref)
        self.next_rid = 1
        self.dirty = {}       # Res -> None, in order: look at these at the step's end
        self.unnamed = []
        self.waiting = {}     # actor -> Res it waits on
        self.waiters = {}     # rid -> {actor: None}, in the order they began to wait
        self.init_codes = {f.__code__ for f in _INITS}
        self.touch_codes = {f.__code__ for f in _TOUCH}
        self.acquire_codes = {f.__code__ for f in _ACQUIRES}
        self.wait_codes = {f.__code__ for f in _WAITS}

    def install(self, tool):
        mon = sys.monitoring
        for code in self.init_codes | self.touch_codes:
            mon.set_local_events(tool, code, mon.events.PY_START)
        for code in self.acquire_codes:
            mon.set_local_events(tool, code, mon.events.PY_RETURN)

    def uninstall(self, tool):
        for code in self.init_codes | self.touch_codes | self.acquire_codes:
            sys.monitoring.set_local_events(tool, code, 0)

    def name_of(self, obj):
        """The name of a resource the program made, once named; else None."""
        res = self.find(obj)
        return res.name if res is not None and res.owner is None else None

    def find(self, obj):
        res = self.by_id.get(id(obj))
        if res is not None and res.ref() is obj:
            return res
        return None

    # -- sys.monitoring callbacks ----------------------------------------------------------------
    def on_start(self, code, offset):
        frame = _getframe(1)
        obj = frame.f_locals.get('self')
        if code in self.init_codes:
            self._made(obj, frame.f_back)
            return None
        res = self.find(obj)
        if res is not None:
            if code is locks.Lock.release.__code__:
                res.holders.clear()
            elif code is locks.Semaphore.release.__code__ and res.holders:
                cur = self.run.cur
                res.holders.remove(cur) if cur in res.holders else res.holders.pop(0)
            self.touch(res)
        return None

    def on_return(self, code, value):
        """Lock.acquire or Semaphore.acquire returned: the running actor holds it now."""
        if value is not True:
            return
        res = self.find(_getframe(2).f_locals.get('self'))
        if res is not None:
            cur = self.run.cur
            if res.kind == 'lock' or code is locks.Lock.acquire.__code__:
                res.holders[:] = [cur]
            else:
                res.holders.append(cur)
            self.touch(res)

    def touch(self, res):
        while res.owner is not None:
            res = res.owner
        self.dirty[res] = None

    def _made(self, obj, caller):
        if obj is None or self.find(obj) is not None:
            return
        kind = next((k for cls, k in _KINDS if issubclass(type(obj), cls)), None)
        if kind is None:
            return
        ccode = caller.f_code if caller is not None else None
        owner = None
        if ccode is not None and ccode.co_filename != self.filename:
            # Made by asyncio: a Condition's Lock or a Barrier's Condition is part of its owner.
            owner = self.find(caller.f_locals.get('self')) if ccode in self.init_codes else None
            if owner is None:
                return
        try:
            ref = weakref.ref(obj)
        except TypeError:
            return
        res = Res(self.next_rid, kind, ref, caller.f_lineno if owner is None and caller else 0, owner)
        self.next_rid += 1
        self.by_id[id(obj)] = res
        if owner is None:
            maker = caller.f_locals.get('self') if caller is not None else None
            if maker is not None and maker is not obj:
                try:
                    res.maker = weakref.ref(maker)
                except TypeError:
                    pass
            self.unnamed.append(res)
            self.dirty[res] = None

    # -- the engine's hooks ----------------------------------------------------------------------------
    def waited_by(self, actor, task):
        """The resource `task` (suspended now) waits on, from its await chain; 0 if none."""
        found = None
        enabled = _gc_enabled()
        if enabled:
            _gc_disable()
        for node, code in await_chain(_Task.get_coro(task)):
            if code in self.wait_codes:
                # Its `self`, among what the suspended coroutine holds: no frame object is made
                # (the collector would count it).
                for obj in _referents(node):
                    res = self.find(obj)
                    if res is not None:
                        found = res
                        break
        node = obj = None
        if enabled:
            _gc_enable()
        if found is None:
            return 0
        while found.owner is not None:
            found = found.owner
        self.waiting[actor] = found
        waiters = self.waiters.get(found.rid)
        if waiters is None:
            waiters = self.waiters[found.rid] = {}
        waiters[actor] = None
        self.dirty[found] = None
        return found.rid

    def ran(self, actor):
        """`actor` runs: it no longer waits on what it waited on."""
        res = self.waiting.pop(actor, None)
        if res is not None:
            self.waiters[res.rid].pop(actor, None)
            self.dirty[res] = None

    def scopes_of(self, task, globals_):
        """Where a resource made in `task`'s step may be bound: its user frames' locals,
        innermost first, then the module's globals."""
        scopes = []
        for node, code in await_chain(_Task.get_coro(task)):
            if code.co_filename == self.filename:
                frame = frame_of(node)
                if frame is None:
                    break
                scopes.append(frame.f_locals)
        scopes.reverse()
        scopes.append(globals_)
        return scopes

    def _name_all(self, scopes):
        for res in self.unnamed:
            obj = res.ref()
            name = name_in(obj, scopes, res) if obj is not None else None
            if name is None:
                name = f'{res.kind.capitalize()} {res.rid}'
            res.name = name
            self.run.ops.nums += (RESOURCE, res.rid, KIND_CODE[res.kind], self.run.ops.sid(name), res.line)
        self.unnamed.clear()

    def name_new(self, scopes):
        """Names the resources made this step (their RESOURCE ops), before any frame shows them."""
        if self.unnamed:
            self._name_all(scopes)

    def flush(self):
        nums = self.run.ops.nums
        sid = self.run.ops.sid
        for res in self.dirty:
            state = state_of(res, self.find, self.waiters.get(res.rid, ()))
            if state == res.sent:
                continue
            res.sent = state
            holders, waiters, value = state
            nums += (RSTATE, res.rid, sid(value) if value else -1, len(holders))
            nums += holders
            nums += (len(waiters),)
            nums += waiters
        self.dirty.clear()
