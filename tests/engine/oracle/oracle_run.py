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
from oracle_halt import HALTS, CapNetwork, Deadlock, Halt
from oracle_loop import OracleLoop
from oracle_world import world

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
        self.clock = VirtualClock(max_time)
        clock = self.clock
        # The virtual world (network, threads, files) on this clock: the loop thread's time is
        # the clock's; a blocking call spends it as time.sleep does.
        self.world = world.core.World(lambda: clock.now, clock.block)
        self.net = world.net.Net(self.world, on_cap=self._cap, stuck=self._stuck)
        self.max_iterations = max_iterations
        self.disk_latency = world.files.DEFAULT_DISK_LATENCY
        self._task_number = 0
        self._kept = []

    def _cap(self, message, option):
        raise self.clock.halt(CapNetwork(message))

    def _stuck(self, message):
        raise self.clock.halt(Deadlock(message))

    def fail(self, kind, message, option):
        """How the world ends a run (a cap, a thread that would wait forever): a Halt."""
        raise self.clock.halt(HALTS.get(kind, Halt)(message))

    @property
    def halt(self):
        return self.clock.halted

    def next_task_number(self):
        self._task_number += 1
        return self._task_number

    def keep_alive(self, loop, pending):
        # A halted run's tasks must not be collected mid-run: their `finally:` blocks would print.
        self._kept.append((loop, list(pending), list(loop._ready), list(loop._scheduled)))

    def pending_names(self):
        return sorted({task.get_name() for _, pending, _, _ in self._kept for task in pending})

    def release(self):
        # The halt's traceback holds frames (asyncio.run's holds the main task): drop it too.
        if self.halt is not None:
            self.halt.__traceback__ = None
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
def _installed(run, seed, holder):
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
    sys.modules["__main__"] = holder.pop()
    random.seed(seed)
    saved_net = world.netapi.install(run.net)
    # The virtual disk is Pyodide's in-memory file system (run-oracle.ts mounts one per run).
    # Under native python3 the files are the machine's own, the interpreter's included (a
    # checkout under /tmp had linecache's stat() calls charged as disk time): no disk there,
    # and the corpus's file programs run natively for real instead (native-real.test.ts).
    virtual_disk = sys.platform == "emscripten"
    saved_world = [world.threads.install(run.world, run.fail, max_time=run.clock.max_time),
                   world.files.install(run.world, run.fail, run.disk_latency) if virtual_disk else None]
    try:
        with patched_time(run.clock, run.world):
            try:
                yield
            finally:
                # Interpreter shutdown, as at the end of `python3 FILE.py`: __main__ leaves
                # sys.modules and is collected, so a task still pending runs its `finally:` and
                # "Task was destroyed" / "exception was never retrieved" are reported, in this
                # run's output and on its clock. A halted run's tasks are kept out of this.
                sys.modules["__main__"] = saved[3]
                policy.set_event_loop(None)
                gc.collect()
    finally:
        if saved_world[1] is not None:
            world.files.uninstall(saved_world[1])
        world.threads.uninstall(saved_world[0])
        world.netapi.uninstall(saved_net)
        asyncio.run, old_policy, old_running, _, old_random, old_hooks = saved
        _set_policy(old_policy)
        events._set_running_loop(old_running)
        random.setstate(old_random)
        sys.set_asyncgen_hooks(*old_hooks)


def _execute(run, source, filename, seed):
    """Returns (exitKind, exitCode, message); output goes to the current sys.stdout/stderr."""
    try:
        code = compile(source, filename, "exec", dont_inherit=True)
    except SyntaxError as error:
        traceback.print_exception(SyntaxError, error, None)
        return ("syntaxError", 1, f"SyntaxError: {error.msg} (line {error.lineno}, column {error.offset})")
    try:
        world.model.apply_directives(run.net, world.model.parse_directives(source))
    except world.model.DirectiveError as error:
        print(f"{filename}: loopscope directive error, {error}", file=sys.stderr)
        return ("syntaxError", 1, f"loopscope directive error, {error}")
    try:
        run.disk_latency = world.files.disk_latency(source)
    except world.files.DirectiveError as error:
        print(f"{filename}: {error}", file=sys.stderr)
        return ("exception", 1, f"bad directive: {error}")
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    main = types.ModuleType("__main__")
    main.__file__ = filename
    main.__builtins__ = builtins
    namespace = main.__dict__
    # Only sys.modules may hold the module: the shutdown in _installed must be able to free it.
    holder = [main]
    del main
    result = ("ok", 0, "")
    with _installed(run, seed, holder):
        try:
            exec(code, namespace)
        except Halt:
            pass  # reported below from run.halt: user code may have swallowed it
        except SystemExit as exit_:
            result = _exit_result(exit_)
        except BaseException as error:
            traceback.print_exception(type(error), error, error.__traceback__.tb_next)
            result = ("exception", 1, f"{type(error).__name__}: {error}")
        finally:
            del namespace
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


class _Capture(io.TextIOWrapper):
    """Like a real sys.stdout (encoding, .buffer, isatty), not a StringIO whose encoding is None.
    Once the run has halted it drops what is written: the run ended there, as on the engine."""

    def __init__(self, clock, errors):
        super().__init__(io.BytesIO(), encoding="utf-8", errors=errors, write_through=True)
        self._clock = clock

    def write(self, text):
        return len(text) if self._clock.halted is not None else super().write(text)


def _captured(stream):
    stream.flush()
    return stream.buffer.getvalue().decode("utf-8", "replace")


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
    out, err = _Capture(run.clock, "strict"), _Capture(run.clock, "backslashreplace")
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        kind, code, message = _execute(run, source, filename, seed)
    _discard(run)
    return {
        "stdout": _captured(out),
        "stderr": _captured(err),
        "exitKind": kind,
        "exitCode": code,
        "message": message,
    }
