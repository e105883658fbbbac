# The `pyodide_js` module (Pyodide's JavaScript API) and Pyodide's Python bridge to JavaScript
# (`pyodide`, `pyodide.ffi`, `_pyodide_core`) as ways to the host: the engine unregisters the
# first, and every import route to either must raise ImportError saying why.
import importlib
import sys

results = []


def attempt(route, fn):
    try:
        result = fn()
    except Exception as e:
        first = (str(e).splitlines() or [""])[0]
        print(f"BLOCKED {route}: {type(e).__name__}: {first[:100]}")
        results.append(True)
    else:
        print(f"ESCAPED {route}: {result!r:.100}")
        results.append(False)


def finish():
    # Ends like an uncaught exception, so `npm run sim` prints it and exits non-zero.
    print("DONE")
    raise PermissionError(f"{results.count(True)} of {len(results)} attempts to reach the machine failed")

def mount_and_read():
    import pyodide_js
    pyodide_js.mountNodeFS("/host", "__DIR__")
    return open("/host/canary.txt").read()


def api_from():
    from pyodide_js._api import _nodeSock
    return _nodeSock


def ffi_from():
    from pyodide.ffi import to_js
    return to_js({}).constructor.constructor("return process")()


def code_from():
    from pyodide.code import run_js
    return run_js("process.pid")


def core_from():
    from _pyodide_core import create_proxy
    return create_proxy(lambda: 0)


def in_sys_modules():
    names = [m for m in sys.modules if m.partition(".")[0] in ("pyodide_js", "pyodide", "_pyodide_core")]
    if names:
        return names
    raise ImportError("pyodide_js, pyodide and _pyodide_core are not available in Loopscope: none is in sys.modules")


attempt("import pyodide_js", mount_and_read)
attempt("from pyodide_js._api import", api_from)
attempt("importlib pyodide_js", lambda: importlib.import_module("pyodide_js").FS.readFile("__CANARY__"))
attempt("__import__ pyodide_js._module", lambda: __import__("pyodide_js._module"))
attempt("from pyodide.ffi import", ffi_from)
attempt("from pyodide.code import", code_from)
attempt("import pyodide.webloop", lambda: importlib.import_module("pyodide.webloop"))
attempt("from _pyodide_core import", core_from)
attempt("sys.modules", in_sys_modules)
finish()
