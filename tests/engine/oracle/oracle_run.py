"""Runs one program as __main__ on the oracle loop and restores the interpreter afterwards, so one
Pyodide instance (or one python3 process) can run many programs. While a program runs, every way
of getting a loop (asyncio.run, Runner, new_event_loop, get_event_loop) yields an OracleLoop.
"""

import asyncio
import builtins
import contextlib
import gc
import io
import linecache
import random
import sys
import traceback
import types
from asyncio import events, runners

from oracle_clock import VirtualClock, patched_time
from oracle_loop import Halt, OracleLoop

# Safety nets only: the oracle counts loop iterations, the engine counts callbacks, so these
# never decide a comparison. 86,400 s is DEFAULT_RUN_OPTIONS.maxTime.
DEFAULT_MAX_ITERATIONS = 5_000_000
DEFAULT_MAX_TIME = 86_400.0

# Python 3.14 deprecates the public policy functions; the private ones exist from 3.14 on.
_PolicyBase = getattr(events, "_BaseDefaultEventLoopPolicy", None) or events.BaseDefaultEventLoopPolicy
_get_policy = getattr(events, "_get_event_loop_policy", None) or events.get_event_loop_policy
_set_policy = getattr(events, "_set_event_loop_policy", None) or events.set_event_loop_policy


class RunState:
    """What one run owns: its clock, its task-name counter, its caps, and how it halted."""

    def __init__(self, max_iterations=DEFAULT_MAX_ITERATIONS, max_time=DEFAULT_MAX_TIME):
        self.clock = VirtualClock()
        self.max_iterations = max_iterations
        self.max_time = max_time
        self.halt = None
        self._task_number = 0
        self._kept = []

    def next_task_number(self):
        self._task_number += 1
        return self._task_number

    def keep_alive(self, loop, pending):
        # A halted run's tasks must not be collected mid-run: their `finally:` blocks would print.
        self.halt = self.halt or loop._halted
        self._kept.append((loop, list(pending), list(loop._ready), list(loop._scheduled)))

    def pending_names(self):
        return sorted({task.get_name() for _, pending, _, _ in self._kept for task in pending})

    def release(self):
        self._kept.clear()


class OraclePolicy(_PolicyBase):
    def __init__(self, run):
        super().__init__()
        self._run = run

    def new_event_loop(self):
        return OracleLoop(self._run)

    def get_event_loop(self):
        # Python <= 3.11 created the main thread's loop on first use; course notes rely on it.
        if self._local._loop is None:
            self.set_event_loop(self.new_event_loop())
        return self._local._loop


@contextlib.contextmanager
def _installed(run, seed, main):
    saved = (
        asyncio.run,
        _get_policy(),
        events._get_running_loop(),
        sys.modules.get("__main__"),
        random.getstate(),
        sys.get_asyncgen_hooks(),
    )
    # Pyodide's WebLoop is always "running" and Pyodide wraps asyncio.run: undo both.
    events._set_running_loop(None)
    asyncio.run = runners.run
    policy = OraclePolicy(run)
    _set_policy(policy)
    sys.modules["__main__"] = main
    random.seed(seed)
    try:
        with patched_time(run.clock):
            yield
    finally:
        policy.set_event_loop(None)
        asyncio.run, old_policy, old_running, old_main, old_random, old_hooks = saved
        _set_policy(old_policy)
        events._set_running_loop(old_running)
        sys.modules["__main__"] = old_main
        random.setstate(old_random)
        sys.set_asyncgen_hooks(*old_hooks)


def _execute(run, source, filename, seed):
    """Returns (exitKind, exitCode, message); output goes to the current sys.stdout/stderr."""
    try:
        code = compile(source, filename, "exec", dont_inherit=True)
    except SyntaxError as error:
        traceback.print_exception(SyntaxError, error, None)
        return ("syntaxError", 1, f"SyntaxError: {error.msg} (line {error.lineno}, column {error.offset})")
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    main = types.ModuleType("__main__")
    main.__file__ = filename
    main.__builtins__ = builtins
    result = ("ok", 0, "")
    with _installed(run, seed, main):
        try:
            exec(code, main.__dict__)
        except Halt:
            pass  # reported below from run.halt: user code may have swallowed it
        except SystemExit as exit_:
            result = _exit_result(exit_)
        except BaseException as error:
            traceback.print_exception(type(error), error, error.__traceback__.tb_next)
            result = ("exception", 1, f"{type(error).__name__}: {error}")
        finally:
            # "exception was never retrieved" and similar reports belong to this run's output.
            gc.collect()
    if run.halt is not None:
        names = ", ".join(run.pending_names())
        return (run.halt.kind, 1, f"{run.halt}; pending: {names}" if names else str(run.halt))
    return result


def _exit_result(exit_):
    code = exit_.code
    if code is None:
        return ("exit", 0, "sys.exit()")
    if isinstance(code, int):
        return ("exit", code, f"sys.exit({code})")
    print(code, file=sys.stderr)
    return ("exit", 1, f"sys.exit({code!r})")


def _discard(run):
    # Drop a halted run's tasks where their finalisers cannot write into anyone's output.
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        run.release()
        gc.collect()


def run_program(source, filename="main.py", seed=0, **caps):
    """Runs with the interpreter's own stdout/stderr (the native command line)."""
    run = RunState(**caps)
    try:
        return _execute(run, source, filename, seed)
    finally:
        _discard(run)


def run_captured(source, filename="main.py", seed=0, **caps):
    """Runs and returns {stdout, stderr, exitKind, exitCode, message}."""
    run = RunState(**caps)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        kind, code, message = _execute(run, source, filename, seed)
    _discard(run)
    return {
        "stdout": out.getvalue(),
        "stderr": err.getvalue(),
        "exitKind": kind,
        "exitCode": code,
        "message": message,
    }
