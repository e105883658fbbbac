"""Who a callback belongs to and what to call it, found without running user code: attribute
lookups on an arbitrary callable can reach its __getattr__, and asyncio itself never looks, so
neither may we. Only types whose attributes are plain slots are asked anything."""

import functools
import types
from asyncio import base_events, events, tasks

_Function = types.FunctionType
_Method = types.MethodType
_Builtin = types.BuiltinMethodType
_Partial = functools.partial


def _step_wrapper_type():
    """The type of the callback a C Task schedules for its steps (not importable by name)."""
    async def probe():
        pass
    loop = base_events.BaseEventLoop()
    running = events._get_running_loop()
    events._set_running_loop(loop)
    try:
        task = tasks.Task(probe(), loop=loop)
        step = loop._ready.popleft()
        kind = type(step._callback)
        step._run()
    finally:
        events._set_running_loop(running)
        loop.close()
    assert task.done(), 'the probe task did not finish in one step'
    return kind


STEP_WRAPPER = _step_wrapper_type()


def self_of(callback):
    """The object a bound callback belongs to (a Task for a task step or wakeup), or None."""
    t = type(callback)
    if t is _Function:
        return None
    if t is _Method or t is _Builtin or t is STEP_WRAPPER:
        return callback.__self__
    return None


def name_of(callback):
    """(qualified name, module) of a callback, for the trace."""
    t = type(callback)
    if t is _Function:
        return callback.__qualname__, callback.__module__ or ''
    if t is _Method:
        return name_of(callback.__func__)
    if t is _Builtin:
        return callback.__qualname__, getattr(t, '__module__', '') or ''
    if t is _Partial:
        return name_of(callback.func)
    return t.__qualname__, t.__module__ or ''
