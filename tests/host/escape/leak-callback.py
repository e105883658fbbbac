# Cross-run leak through a pending callback: one scheduled on the JavaScript side with Pyodide's
# API (reached through the run's host), left to spin after the run. Before (673f2cb, Node 20):
# it kept running between runs.
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


# __REACHABLE_JS__ (tests/host/escape/prelude/reachable_js.py, put here by the test)


def js_object():
    """Any JavaScript object within reach (the run's host was one, through gc, until Python
    held none)."""
    obj = reachable_js()
    if obj is None:
        raise LookupError("no JavaScript object within reach (gc, to_js, JsException)")
    return obj


def spin():
    while True:
        pass


def schedule():
    m = js_object().constructor.constructor("return globalThis")()
    m.setTimeout(spin, 500)
    return "a spinning callback is scheduled for after the run"


attempt("API.scheduleCallback(spin)", schedule)
finish()
