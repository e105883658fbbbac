"""The gate between a program and JavaScript: Pyodide's JavaScript API is refused always, its
bridges (`pyodide`, `js`, the engine's own package) while a program runs, and at start-up every
JavaScript proxy Pyodide's Python kept is dropped, so a program that walks the collector's
objects finds none (patches.py hides the bridges for a run)."""

import gc
import sys

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


def hide_bridges():
    hidden = {m: sys.modules.pop(m) for m in list(sys.modules) if _top(m) in _JS_BRIDGES}
    _JsGate.closed = True
    return hidden


def show_bridges(hidden):
    _JsGate.closed = False
    sys.modules.update(hidden)
