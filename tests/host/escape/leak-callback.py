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


def reachable_js():
    """Any JavaScript object a program can find or make: a proxy among the objects the collector
    tracks and what they refer to, or one made by what Pyodide gives Python (to_js,
    create_proxy, JsException('Error', ...)). None if there is none."""
    import gc as _gc

    objects = _gc.get_objects()
    found = objects + _gc.get_referents(*objects)
    # The types first (a pass in C), the objects only if one of them is a JsProxy's.
    kinds = {t for t in set(map(type, found))
             if not issubclass(t, type) and any(c.__name__ == "JsProxy" for c in t.__mro__)}
    for o in found if kinds else ():
        if type(o) in kinds:
            return o
    for o in objects:
        try:
            if type(o).__name__ == "builtin_function_or_method" and o.__name__ in ("to_js", "create_proxy"):
                return o({})
            if isinstance(o, type) and o.__name__ == "JsException" and "__firstlineno__" not in vars(o):
                return o("Error", "made from Python").js_error
        except Exception:
            pass
    return None


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
