"""Faults as a person reads them: tracebacks cut to the user's own file (asyncio's and
Loopscope's frames are noise to a learner), syntax errors with line and column, and the
exception a run-ending cap raises."""

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


def safe_repr(value, limit=200):
    try:
        text = repr(value)
    except Exception as e:  # a user __repr__ that raises
        text = f'<repr failed: {type(e).__name__}>'
    if len(text) > limit:
        text = text[:limit - 3] + '...'
    return text
