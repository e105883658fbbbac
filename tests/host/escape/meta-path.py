# The import gate is a Python object on sys.meta_path: remove it and import what it refused.
# Before (673f2cb, Node 20): `import js`, `import _loopscope.state` -> host, and pyodide.code
# came back (run_js itself then failed on --disallow-code-generation-from-strings).
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
    print("DONE")
    raise PermissionError(f"{results.count(True)} of {len(results)} attempts to reach the machine failed")


removed = [f for f in sys.meta_path if "Gate" in getattr(f, "__name__", type(f).__name__)]
for f in removed:
    sys.meta_path.remove(f)
print(f"removed {len(removed)} gate(s) from sys.meta_path")


def import_js():
    import js
    return js.constructor


def host_after_gate():
    import _loopscope.state as state
    if state.run is None:
        raise LookupError("a fresh copy of _loopscope.state, without the run")
    m = state.run.host.heap()
    if not hasattr(m, "FS"):
        raise LookupError("heap() gives heap views, not the Emscripten module")
    return m.FS


def run_js():
    import pyodide.code
    return pyodide.code.run_js("globalThis.process")


def pyodide_js():
    import pyodide_js
    return pyodide_js.FS


attempt("import js", import_js)
attempt("import _loopscope.state -> host", host_after_gate)
attempt("pyodide.code.run_js", run_js)
attempt("import pyodide_js", pyodide_js)
finish()
