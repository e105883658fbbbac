# gc.get_objects(): the modules and JavaScript proxies the engine holds, found without a name.
# Before (673f2cb, Node 20): the gated pyodide.* modules and the engine's state were found, and
# the run's host with them (ESCAPED).
import gc
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


modules = [o for o in gc.get_objects() if type(o) is type(sys)]


def module(name):
    for m in modules:
        if getattr(m, "__name__", None) == name:
            return m
    raise LookupError(f"{name} is not among gc's objects")


def run_js_found():
    return module("pyodide.code").run_js("globalThis.process")


def emscripten_from_state():
    run = module("_loopscope.state").run
    if run is None:
        raise LookupError("_loopscope.state.run is None")
    m = run.host.heap()
    if not hasattr(m, "FS"):
        raise LookupError("heap() gives heap views, not the Emscripten module")
    return m.FS


def proxies_to_module():
    for o in gc.get_objects():
        if type(o).__name__.startswith("Js") and hasattr(o, "FS") and hasattr(o, "API"):
            return o
    raise LookupError("no JavaScript proxy to the Emscripten module among gc's objects")


attempt("gc: pyodide.code.run_js", run_js_found)
attempt("gc: _loopscope.state -> host -> Emscripten module", emscripten_from_state)
attempt("gc: a JsProxy of the Emscripten module", proxies_to_module)
finish()
