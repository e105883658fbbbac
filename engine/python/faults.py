"""Faults as a person reads them: tracebacks cut to the user's own file (asyncio's and
Loopscope's frames are noise to a learner), syntax errors with line and column, and the
exception a run-ending cap raises."""

import json
import traceback


class RunEnded(KeyboardInterrupt):
    """Ends the run (a cap, a runaway step, a deadlock). A KeyboardInterrupt because asyncio
    lets exactly KeyboardInterrupt and SystemExit escape a task step and a callback."""

    def __init__(self, kind, message, option=None, line=None):
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.option = option
        self.line = line
        self.status = 0  # an exit's status (os._exit)


class End:
    """How the run ended, by name: what happened and where. JavaScript reads it by its names
    (engine/core/run-ends.ts's EndReport), and decides the exit status there."""

    def __init__(self, kind, message='', status=0, line=0, column=0, option=''):
        self.kind = kind
        self.message = message
        self.status = status  # for 'exit': the program's exit status, 0-255
        self.line = line
        self.column = column
        self.option = option

    @classmethod
    def of(cls, ended):
        """The end a RunEnded (a cap, a runaway, a deadlock, an os._exit) stands for."""
        return cls(ended.kind, ended.message, ended.status, ended.line or 0, 0, ended.option or '')

    def record(self):
        """The RUN_END stage's one argument: the end as JSON, read by name."""
        return json.dumps(self.__dict__)


def _cut(te, filename, seen):
    if te is None or id(te) in seen:
        return
    seen.add(id(te))
    te.stack = traceback.StackSummary.from_list(
        [f for f in te.stack if f.filename == filename])
    _cut(te.__cause__, filename, seen)
    _cut(te.__context__, filename, seen)
    for sub in getattr(te, 'exceptions', None) or ():
        _cut(sub, filename, seen)


def user_traceback(exc, filename):
    """The traceback CPython would print, with only the frames from the user's file."""
    te = traceback.TracebackException.from_exception(exc)
    _cut(te, filename, set())
    return ''.join(te.format())


def last_line(exc):
    return ''.join(traceback.format_exception_only(exc)).strip().splitlines()[-1]


def syntax_error(exc):
    """(stderr text, one-line message, line, column) for a SyntaxError from compile()."""
    text = ''.join(traceback.format_exception_only(exc))
    line = exc.lineno or 0
    column = exc.offset or 0
    message = f'{type(exc).__name__}: {exc.msg} (line {line}, column {column})'
    return text, message, line, column


_PLAIN = (type(None), bool, int, float, complex, str, bytes)
_CONTAINERS = {list: ('[', ']'), tuple: ('(', ')'), set: ('{', '}'), frozenset: ('frozenset({', '})')}
REPR_LIMIT = 200  # characters of a result shown in the trace


def _inert(value, depth):
    t = type(value)
    if t in _PLAIN:
        return repr(value)
    if depth < 3 and t in _CONTAINERS:
        left, right = _CONTAINERS[t]
        items = [_inert(v, depth + 1) for v in list(value)[:20]]
        if t is tuple and len(items) == 1:
            items[0] += ','
        return left + ', '.join(items) + (', ...' if len(value) > 20 else '') + right
    if depth < 3 and t is dict:
        items = [f'{_inert(k, depth + 1)}: {_inert(v, depth + 1)}' for k, v in list(value.items())[:20]]
        return '{' + ', '.join(items) + (', ...' if len(value) > 20 else '') + '}'
    if isinstance(value, BaseException):
        return f'{t.__qualname__}({", ".join(_inert(a, depth + 1) for a in value.args)})'
    return f'<{t.__qualname__} object>'


def inert_repr(value):
    """A repr for the trace that runs no user code (no user __repr__, __str__ or __eq__):
    asyncio never calls them, so showing a result must not either."""
    text = _inert(value, 0)
    if len(text) > REPR_LIMIT:
        text = text[:REPR_LIMIT - 3] + '...'
    return text


def outcome_traceback(exc, filename):
    """A task's traceback for the trace, user frames only, without calling the exception's
    __str__ (user code) unless it is a built-in one."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == filename]
    head = 'Traceback (most recent call last):\n' + ''.join(
        traceback.StackSummary.from_list(frames).format()) if frames else ''
    t = type(exc)
    builtin_str = type(t.__str__).__name__ in ('wrapper_descriptor', 'method-wrapper')
    plain = all(type(a) in _PLAIN for a in exc.args)
    message = str(exc) if builtin_str and plain else ', '.join(_inert(a, 1) for a in exc.args)
    name = t.__qualname__ if t.__module__ in ('builtins', '__main__') else f'{t.__module__}.{t.__qualname__}'
    return f'{head}{name}: {message}\n' if message else f'{head}{name}\n'
