"""The process-wide things a run swaps in and restores: the clock functions of `time` read the
calling thread's virtual clock (each loop-thread call is a reading for the tie-break), time.sleep
blocks the calling thread (on the loop's thread the clock moves), `random` is seeded, print goes
to the trace, threads, files and sockets are the virtual world's (world/threads.py, files.py,
netapi.py), and subprocesses raise NotImplementedError saying why."""

import _socket
import codecs
import concurrent.futures
import gc
import io
import os
import posix
import random
import subprocess
import sys
import time

from . import state
from .faults import RunEnded
from .unsupported import _NO_PROCESSES, _NO_SUBPROCESS
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
_NO_JS = ("is not available in Loopscope: the program runs in a sandbox without access to "
          "JavaScript (Pyodide's JavaScript API and its bridge to it are closed to programs)")
# Always refused: Pyodide's JavaScript API (engine.ts unregisters it once the engine has loaded).
_JS_API = 'pyodide_js'
# Refused to a program during its run, and out of sys.modules for it: Pyodide's Python-side
# bridge to JavaScript, the `js` module (engine.ts unregisters it too), and the engine's own
# package (`_loopscope.state.run` is the run: no business of a program's). Pyodide's C core
# imports `_pyodide.*` by name at any time, so those stay; they reach no JavaScript of their own.
_JS_BRIDGES = ('pyodide', '_pyodide_core', 'js', '_loopscope')
# Pyodide's C core functions that turn Python objects into JavaScript ones, call JavaScript or
# end the interpreter: dropped at start-up (_drop_js_proxies).
_JS_MAKERS = ('to_js', 'create_proxy', 'create_once_callable', 'destroy_proxies', 'raw_call',
              'run_sync', 'py2js_deep', 'py2js_default', 'py2js_as_js_json', 'js2py_deep',
              'js2py_default', 'js2py_as_py_json', 'js2py_promise', 'js2py_default_call_result',
              'create_promise_converter', 'trigger_fatal_error', 'can_run_sync')


def _top(name):
    return name.partition('.')[0]


class _JsGate:
    """First on sys.meta_path: `import pyodide_js` (always) and, while a program runs,
    `import pyodide` / `from pyodide.ffi import ...` / `import _pyodide_core` raise ImportError
    saying why. The modules themselves leave sys.modules for the run (enter/leave)."""

    closed = False

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        top = _top(fullname)
        if top == _JS_API or (cls.closed and top in _JS_BRIDGES):
            raise ImportError(f'{fullname} {_NO_JS}', name=fullname)
        return None

    @classmethod
    def invalidate_caches(cls):
        pass


def close_js_api():
    """Called once at start-up, after the engine's own imports and once Pyodide's JavaScript API
    (`pyodide_js`) is unregistered: drops what was imported of it and puts the gate first."""
    for name in [m for m in sys.modules if _top(m) == _JS_API]:
        del sys.modules[name]
    if _JsGate not in sys.meta_path:
        sys.meta_path.insert(0, _JsGate)
    _drop_js_proxies()


def _drop_js_proxies():
    """Every JavaScript proxy Pyodide's own Python kept from its start-up (webloop's
    scheduleCallback, the package loader's API, the import hook's loaders of the modules the
    engine unregistered) goes, and so do the functions that make JavaScript objects from Python
    ones (to_js, create_proxy, ...): the engine uses none of them (its calls go through its
    channel), and a program that walks the collector's objects would find them."""
    import _pyodide_core
    from pyodide.ffi import JsProxy
    makers = {id(f) for f in (getattr(_pyodide_core, n, None) for n in _JS_MAKERS) if f is not None}
    gc.collect()
    drop = lambda v: id(v) in makers or isinstance(v, JsProxy)  # noqa: E731
    holders = [o for o in gc.get_objects() if any(drop(r) for r in gc.get_referents(o))]
    for o in holders:
        _drop_from(o, drop)
    # JsException('Error', 'message') makes a JavaScript Error, whose constructor is Function;
    # Python never calls JavaScript after start-up, so no JavaScript error ever reaches it.
    _pyodide_core.JsException.__new__ = staticmethod(_no_js_type)
    gc.collect()


def _no_js_type(cls, *args, **kwargs):
    raise TypeError(f'{cls.__name__} {_NO_JS}')


def _drop_from(o, drop):
    """Removes the references `drop` selects from a dict, a list or an object's attributes."""
    if type(o) is dict:
        for k in [k for k, v in o.items() if drop(v)]:
            del o[k]
    elif type(o) is list:
        o[:] = [v for v in o if not drop(v)]
    elif hasattr(o, '__dict__') and not isinstance(o, type):
        for k in [k for k, v in vars(o).items() if drop(v)]:
            delattr(o, k)


def _hide_bridges():
    hidden = {m: sys.modules.pop(m) for m in list(sys.modules) if _top(m) in _JS_BRIDGES}
    _JsGate.closed = True
    return hidden


def _show_bridges(hidden):
    _JsGate.closed = False
    sys.modules.update(hidden)


class _Binary(io.RawIOBase):
    """sys.stdout.buffer: bytes decoded as UTF-8 (incrementally: a character may be split)."""

    def __init__(self, name, errors):
        self.name = name
        self._decoder = codecs.getincrementaldecoder('utf-8')(errors)

    def writable(self):
        return True

    def write(self, b):
        text = self._decoder.decode(bytes(b))
        if text:
            state.run.write(self.name, text)
        return len(b)


class _Stream(io.TextIOBase):
    """sys.stdout / sys.stderr: text goes to the trace as it is written (no buffering to lose)."""

    def __init__(self, name, errors):
        self.name = name
        self._errors = errors
        self.buffer = _Binary(name, errors)

    @property
    def errors(self):
        return self._errors

    @property
    def line_buffering(self):
        return False

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f'write() argument must be str, not {type(s).__name__}')
        if s:
            state.run.write(self.name, s)
        return len(s)

    def writable(self):
        return True

    def flush(self):
        pass

    def isatty(self):
        return False

    @property
    def encoding(self):
        return 'utf-8'


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
    sys.stdout = _Stream('stdout', 'strict')
    sys.stderr = _Stream('stderr', 'backslashreplace')
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
    saved['bridges'] = _hide_bridges()


def leave(saved):
    _show_bridges(saved['bridges'])
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
