# Cross-run leak through JavaScript: Array.prototype.push patched into a no-op (concat), which
# silenced every later run's output in the same engine process before (673f2cb, Node 20).
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


def patch_push():
    obj = js_object()
    keys = obj.constructor.keys(obj)  # Object.keys(obj): a JavaScript array
    proto = keys.constructor.prototype
    proto.push = proto.concat
    return "Array.prototype.push is now a no-op"


attempt("patch Array.prototype.push", patch_push)
finish()
