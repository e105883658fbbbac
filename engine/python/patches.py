"""The process-wide things a run swaps in and restores: the clock functions of `time` read the
calling thread's virtual clock (each loop-thread call is a reading for the tie-break), time.sleep
blocks the calling thread (on the loop's thread the clock moves), `random` is seeded, print goes
to the trace (streams.py), the bridges to JavaScript are hidden (js_gate.py), threads, files and
sockets are the virtual world's (world/threads.py, files.py, netapi.py), and subprocesses raise
NotImplementedError saying why."""

import _socket
import concurrent.futures
import os
import posix
import random
import subprocess
import sys
import time

from . import state
from .faults import RunEnded
from .unsupported import _NO_PROCESSES, _NO_SUBPROCESS
from .js_gate import hide_bridges, show_bridges
from .streams import Stream
from .world import files, netapi, threads
from . import loop_warnings

_NO_DNS = ("host name lookups (DNS) are not available in Loopscope: the program runs in a "
           "sandbox with no network; use a fixed address or simulate the lookup with "
           "asyncio.sleep()")
_PROCESS_CALLS = ('system', 'popen', 'fork', 'forkpty', 'execl', 'execle', 'execlp', 'execlpe',
                  'execv', 'execve', 'execvp', 'execvpe', 'spawnl', 'spawnle', 'spawnlp',
                  'spawnlpe', 'spawnv', 'spawnve', 'spawnvp', 'spawnvpe', 'posix_spawn',
                  'posix_spawnp')
_DNS_CALLS = ('getaddrinfo', 'gethostbyname', 'gethostbyname_ex', 'gethostbyaddr', 'getnameinfo')
_ABSENT = object()


def _now():
    run = state.run
    thread = run.world.thread
    return run.time() if thread is None else thread.time  # a worker's own time (world/threads.py)


def _now_ns():
    return int(_now() * 1e9)


def _sleep(secs):
    if isinstance(secs, str) or secs is None:
        raise TypeError(f"'{type(secs).__name__}' object cannot be interpreted as an integer or float")
    secs = float(secs)
    if secs < 0:
        raise ValueError('sleep length must be non-negative')
    run = state.run
    thread = run.world.thread
    if thread is not None and thread.time + secs > run.max_time:
        run.end(RunEnded('capTime', f'virtual time cap reached in thread {thread.name} (raise it '
                         'with --max-time)', '--max-time', run.current_line()))
    if thread is not None:
        thread.time += secs  # a worker's own time: the loop is not stalled (world/threads.py)
        return
    run.block(secs, f'time.sleep({secs:g})')
    run.world.run_due(run.now)


_sleep.__name__ = _sleep.__qualname__ = 'sleep'  # as time.sleep's: Thread-1 (sleep)


class _NoProcessPool:
    """concurrent.futures.ProcessPoolExecutor for a run."""

    def __init__(self, *args, **kwargs):
        raise NotImplementedError(_NO_PROCESSES)


def _no_subprocess(*args, **kwargs):
    raise NotImplementedError(_NO_SUBPROCESS)


def _no_dns(*args, **kwargs):
    raise NotImplementedError(_NO_DNS)


def _exit(status):
    """os._exit: the run ends at once with that status (no cleanup, as in CPython), but the
    interpreter lives on: Emscripten's exit would leave Pyodide unusable."""
    code = int(status)
    err = RunEnded('exit', f'exit status {code} (os._exit)', None, state.run.current_line())
    err.status = code & 0xFF
    state.run.end(err)


def _replacements():
    """(module, name, replacement) for every module-level call a run swaps out."""
    out = [(m, n, _no_subprocess) for m in (os, posix) for n in _PROCESS_CALLS]
    out += [(m, '_exit', _exit) for m in (os, posix)]
    out += [(_socket, n, _no_dns) for n in _DNS_CALLS]
    return out


_CLOCKS = ('time', 'monotonic', 'perf_counter')
_CLOCKS_NS = ('time_ns', 'monotonic_ns', 'perf_counter_ns')


def enter(run, seed):
    saved = {
        'stdout': sys.stdout,
        'stderr': sys.stderr,
        'time': {n: getattr(time, n) for n in _CLOCKS + _CLOCKS_NS + ('sleep',)},
        'socket': netapi.install(run.net),
        'popen_init': subprocess.Popen.__init__,
        'calls': [(m, n, getattr(m, n, _ABSENT)) for m, n, _ in _replacements()],
        'bridges': {},
    }
    for m, n, f in _replacements():
        setattr(m, n, f)
    for n in _CLOCKS:
        setattr(time, n, _now)
    for n in _CLOCKS_NS:
        setattr(time, n, _now_ns)
    time.sleep = _sleep
    random.seed(seed)
    sys.stdout = Stream('stdout', 'strict')
    sys.stderr = Stream('stderr', 'backslashreplace')
    fail = _failer(run)
    saved['threads'] = threads.install(run.world, fail, run.max_threads, run.max_time)
    saved['disk'] = files.install(run.world, fail, run.disk_latency, run.max_file_bytes)
    saved['unawaited'] = loop_warnings.install()
    subprocess.Popen.__init__ = _no_subprocess
    saved['process_pool'] = concurrent.futures.__dict__.get('ProcessPoolExecutor')
    concurrent.futures.ProcessPoolExecutor = _NoProcessPool
    return saved


def _failer(run):
    """How the world ends the run: a cap or a thread that would wait forever."""
    def fail(kind, message, option):
        err = RunEnded(kind, message, option, run.current_line())
        if run.ended is None and run.loop_depth == 0:
            run.flush()  # outside a loop run nothing else would hand over what was printed
        run.end(err)
    return fail


def hide_js(saved):
    """After the loop is installed (loop.install reads pyodide.webloop): the program's run."""
    saved['bridges'] = hide_bridges()


def leave(saved):
    show_bridges(saved['bridges'])
    sys.stdout = saved['stdout']
    sys.stderr = saved['stderr']
    for n, f in saved['time'].items():
        setattr(time, n, f)
    netapi.uninstall(saved['socket'])
    if saved['process_pool'] is None:
        del concurrent.futures.ProcessPoolExecutor
    else:
        concurrent.futures.ProcessPoolExecutor = saved['process_pool']
    files.uninstall(saved['disk'])
    loop_warnings.uninstall(saved['unawaited'])
    threads.uninstall(saved['threads'])
    subprocess.Popen.__init__ = saved['popen_init']
    for m, n, f in saved['calls']:
        if f is _ABSENT:
            delattr(m, n)
        else:
            setattr(m, n, f)
