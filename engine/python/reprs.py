"""Short reprs of a task's locals for the trace, made without running user code: a user
__repr__, __eq__, __hash__ or property that prints or raises would change the run. Plain values
and the built-in containers of them are shown as Python shows them (cut to REPR_LIMIT with an
ellipsis); asyncio's objects as the engine knows them (a Task by name, a Lock by its state);
anything else as `<ClassName object>`, read from its type, never from the object."""

import types
from asyncio import futures, locks, queues, tasks

REPR_LIMIT = 60      # characters of one local's repr
ITEMS = 8            # items of a container shown
DEPTH = 2            # containers inside containers shown

_Task = tasks.Task
_Future = futures.Future
_qualname = type.__dict__['__qualname__'].__get__   # a metaclass cannot override this one
_mro = type.__dict__['__mro__'].__get__
_type_dict = type.__dict__['__dict__'].__get__
# What a `__dict__` entry is when Python made it (a class's own, or a built-in type's slot):
# C code that reads the instance dict. Anything else (a property) may be the program's code.
_BUILTIN_DICT = (types.GetSetDescriptorType, types.MemberDescriptorType)
_CONTAINERS = {list: ('[', ']'), tuple: ('(', ')'), set: ('{', '}'), frozenset: ('frozenset({', '})')}
_SIMPLE = (type(None), bool, float, complex)


def _dict_of(obj):
    """An object's own attributes (its instance dict), or {}. Read through the `__dict__` its
    type's MRO holds, and only when Python made that entry: a class may define `__dict__` as a
    property, which object.__getattribute__ would call."""
    for klass in _mro(type(obj)):
        entry = _type_dict(klass).get('__dict__')
        if entry is not None:
            if type(entry) not in _BUILTIN_DICT:
                return {}
            try:
                d = entry.__get__(obj, type(obj))
            except Exception:
                return {}
            return d if type(d) is dict else {}
    return {}


def _lock(obj):
    return '<Lock locked>' if _dict_of(obj).get('_locked') else '<Lock unlocked>'


def _semaphore(obj):
    return f'<{_qualname(type(obj))} value={_plain(_dict_of(obj).get("_value"), DEPTH)}>'


def _event(obj):
    return '<Event set>' if _dict_of(obj).get('_value') else '<Event unset>'


def _queue(obj):
    items = _dict_of(obj).get('_queue')
    n = len(items) if type(items) in (list, queues.collections.deque) else '?'
    return f'<{_qualname(type(obj))} {n} items>'


def _barrier(obj):
    d = _dict_of(obj)
    return f'<Barrier {_plain(d.get("_count"), DEPTH)} of {_plain(d.get("_parties"), DEPTH)} waiting>'


_ASYNCIO = {
    locks.Lock: _lock,
    locks.Semaphore: _semaphore,
    locks.BoundedSemaphore: _semaphore,
    locks.Event: _event,
    locks.Condition: lambda obj: '<Condition>',
    queues.Queue: _queue,
    queues.PriorityQueue: _queue,
    queues.LifoQueue: _queue,
    locks.Barrier: _barrier,
}


def _cut(text):
    return text if len(text) <= REPR_LIMIT else text[:REPR_LIMIT - 1] + '…'


def _plain(value, depth):
    t = type(value)
    if t is str or t is bytes:
        return repr(value[:REPR_LIMIT])
    if t is int:
        return repr(value) if value.bit_length() < 200 else f'<int of {value.bit_length()} bits>'
    if t in _SIMPLE:
        return repr(value)
    if t in _CONTAINERS:
        if depth >= DEPTH:
            return f'<{t.__name__} of {len(value)}>'
        left, right = _CONTAINERS[t]
        if not value and t is not tuple:
            return f'{t.__name__}()' if t in (set, frozenset) else '[]'
        items = [_plain(v, depth + 1) for v in list(value)[:ITEMS]]
        if t is tuple and len(value) == 1:
            items[0] += ','
        return left + ', '.join(items) + (', …' if len(value) > ITEMS else '') + right
    if t is dict:
        if depth >= DEPTH:
            return f'<dict of {len(value)}>'
        items = [f'{_plain(k, depth + 1)}: {_plain(v, depth + 1)}' for k, v in list(value.items())[:ITEMS]]
        return '{' + ', '.join(items) + (', …' if len(value) > ITEMS else '') + '}'
    return _object(value, t)


# The name capture gave a lock, queue... the program made (resources.py), or None: a local that
# holds one shows as `<Lock first_lock>`, a pointer to the resource and its state in the trace.
resource_name = None


def _object(value, t):
    if issubclass(t, _Task):
        return f'<Task {_Task.get_name(value)}>'
    if issubclass(t, _Future):
        state = 'cancelled' if _Future.cancelled(value) else 'done' if _Future.done(value) else 'pending'
        return f'<Future {state}>'
    describe = _ASYNCIO.get(t)
    if describe is not None:
        name = resource_name(value) if resource_name is not None else None
        return f'<{_qualname(t)} {name}>' if name is not None else describe(value)
    if t is types.CoroutineType:
        return f'<coroutine {value.__qualname__}>'
    if t is types.FunctionType or t is types.BuiltinFunctionType:
        return f'<function {value.__qualname__}>'
    if t is types.ModuleType:
        return f'<module {_dict_of(value).get("__name__", "?")}>'
    if t is type:
        return f'<class {_qualname(value)}>'
    return f'<{_qualname(t)} object>'


def safe_repr(value):
    """The trace's repr of one local (never longer than REPR_LIMIT)."""
    try:
        return _cut(_plain(value, 0))
    except Exception:
        return f'<{_qualname(type(value))} object>'
