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


def js_object():
    """Any JavaScript object the engine lets Python hold: the run host's heap views."""
    for mod in [sys.modules.get("_loopscope.state")] + [o for o in gc.get_objects() if type(o) is type(sys)]:
        if getattr(mod, "__name__", None) == "_loopscope.state" and mod.run is not None:
            return mod.run.host
    raise LookupError("no JavaScript object within reach")


def spin():
    while True:
        pass


def schedule():
    m = js_object().heap()
    m.API.scheduleCallback(spin, 500)
    return "a spinning callback is scheduled for after the run"


attempt("API.scheduleCallback(spin)", schedule)
finish()
