"""Warnings for the trace: what CPython reports about a task, a future or a coroutine (an
exception never retrieved, a pending task destroyed, a coroutine never awaited) becomes a WARN op
at the moment CPython reports it, so the `warning` event sits in the step where the report
prints; a blocking call's text and line go as a BLOCKING op before its BLOCK, and the host adds
which timers the block made late (engine/python/warning-ops.ts). Nothing here keeps an object:
names, reprs and lines are copied out as strings and ints."""

import ast
import linecache
import re
import types
import warnings

from asyncio import futures, tasks

from . import faults, state
from .ops import BLOCKING, WARN

# The order of common/trace.ts's WarningKind: WARN's first number (warning-ops.ts reads them).
WARNING_KINDS = ('blockedLoop', 'neverAwaited', 'exceptionNeverRetrieved', 'pendingCollected',
                 'deadlockCycle')
WARNING_CODE = {k: i for i, k in enumerate(WARNING_KINDS)}

_Task = tasks.Task
_Coroutine = types.CoroutineType
_DEFAULT_NAME = re.compile(r'Task-\d+')
_Future = futures.Future
_NEVER_RETRIEVED = ' exception was never retrieved'
_DESTROYED_PENDING = 'Task was destroyed but it is pending!'


def _actor_of(run, task):
    """The actor of a task being finalized, by id without the weakref check: in a collected
    cycle its weakref is cleared already, but the object is still the one the id was taken of."""
    e = run.tasks.get(id(task))
    return e[1] if e is not None else 0


def _raised_at(run, exc):
    """The program's line an exception was raised on (its traceback's last frame in the file)."""
    line = 0
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == run.filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line or run.current_line()


def _suspended_at(run, task):
    """The program's line a pending task is suspended on (its innermost coroutine in the file);
    a coroutine the collector closed first has no frame left: the line running then."""
    node = task.get_coro()
    line = 0
    while type(node) is _Coroutine:
        frame = node.cr_frame
        if frame is not None and frame.f_code.co_filename == run.filename:
            line = frame.f_lineno or line
        node = node.cr_await
    return line or run.current_line()


def _label(task):
    """A task's name, with its coroutine's when the name is asyncio's default: "Task-3 (report)".
    The host words its own messages by the same rule (common/taskNames.ts's cpythonLabel);
    tests/engine/core/warnings.test.ts ('task labels') checks that the two agree."""
    name = task.get_name()
    if _DEFAULT_NAME.fullmatch(name):
        coro = task.get_coro()
        qualname = getattr(coro, '__qualname__', None) if type(coro) is _Coroutine else None
        if qualname:
            return f'{name} ({qualname})'
    return name


def _emit(run, kind, actor, line, message):
    if run.ended is not None:
        return
    sid = run.ops.new_sid(message)
    run.ops.nums.extend((WARN, WARNING_CODE[kind], actor, line, sid))


class WarningsMixin:
    """Mixed into VirtualLoop: every report a future or task makes of itself goes through its
    loop's call_exception_handler, whatever handler the program set."""

    def call_exception_handler(self, context):
        try:
            _note_report(self._run, context)
        except Exception:
            pass  # a warning is an extra: it never changes what the program sees
        super().call_exception_handler(context)


def _note_report(run, context):
    message = context.get('message')
    if type(message) is not str:
        return
    if message == _DESTROYED_PENDING:
        task = context.get('task')
        if isinstance(task, _Task):
            name = _label(task)
            _emit(run, 'pendingCollected', _actor_of(run, task), _suspended_at(run, task),
                  f'{name} was destroyed while still pending: nothing referenced it, so it never '
                  f'finished (keep a reference to tasks you create)')
        return
    if not message.endswith(_NEVER_RETRIEVED):
        return
    fut = context.get('future')
    exc = context.get('exception')
    if not isinstance(fut, _Future) or exc is None:
        return
    what = faults.inert_repr(exc)
    line = _raised_at(run, exc) if isinstance(exc, BaseException) else run.current_line()
    if isinstance(fut, _Task):
        _emit(run, 'exceptionNeverRetrieved', _actor_of(run, fut), line,
              f'{_label(fut)} raised {what} and nobody retrieved it (await the task, or call '
              f'result() or exception())')
    else:
        _emit(run, 'exceptionNeverRetrieved', 0, line,
              f'a future was set to {what} and nobody retrieved it')


def _warn_unawaited_coroutine(coro):
    """warnings._warn_unawaited_coroutine (Lib/_py_warnings.py), the function CPython calls when
    a coroutine that never started is finalized, with the warning noted first. Its body is
    CPython's, not a call to it: a frame of ours between would move stacklevel=2 (the line the
    warning names) from the program's frame to this one."""
    run = state.run
    if run is not None:
        try:
            _emit(run, 'neverAwaited', run.cur, run.current_line(),
                  f"coroutine {coro.__qualname__}() was never awaited: calling an async function "
                  f"only makes a coroutine (await it, or run it with asyncio.create_task)")
        except Exception:
            pass
    msg_lines = [f"coroutine '{coro.__qualname__}' was never awaited\n"]
    if coro.cr_origin is not None:
        import traceback

        def extract():
            for filename, lineno, funcname in reversed(coro.cr_origin):
                yield (filename, lineno, funcname, linecache.getline(filename, lineno))
        msg_lines.append("Coroutine created at (most recent call last)\n")
        msg_lines += traceback.format_list(list(extract()))
    msg = "".join(msg_lines).rstrip("\n")
    warnings.warn(msg, category=RuntimeWarning, stacklevel=2, source=coro)


def install():
    """For a run: CPython looks the function up on the warnings module each time."""
    saved = warnings._warn_unawaited_coroutine
    warnings._warn_unawaited_coroutine = _warn_unawaited_coroutine
    return saved


def uninstall(saved):
    warnings._warn_unawaited_coroutine = saved


# -- blocking calls ------------------------------------------------------------------------------
def _call_text(run, line):
    """The outermost call written on `line` of the program ("sock.recv(4096)"), else the line."""
    calls = run.__dict__.get('_blocking_calls')
    if calls is None:
        calls = run._blocking_calls = {}
        source = ''.join(linecache.getlines(run.filename))
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError):
            tree = None
        for node in ast.walk(tree) if tree is not None else ():
            if isinstance(node, ast.Call) and node.lineno not in calls:
                text = ast.get_source_segment(source, node) or ''
                calls[node.lineno] = ' '.join(text.split())
    text = calls.get(line)
    if text is None:
        text = linecache.getline(run.filename, line).strip()
    return text if len(text) <= 60 else text[:57] + '...'


def note_blocking(run, what):
    """Before a BLOCK: which call blocks (`what`, or the call on the line running) and where."""
    line = run.current_line()
    if not what:
        what = _call_text(run, line) if line else ''
    run.ops.nums.extend((BLOCKING, line, run.ops.sid(what)))
