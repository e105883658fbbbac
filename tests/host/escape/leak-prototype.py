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


def js_object():
    """Any JavaScript object the engine lets Python hold: the run host's heap views."""
    for mod in [sys.modules.get("_loopscope.state")] + [o for o in gc.get_objects() if type(o) is type(sys)]:
        if getattr(mod, "__name__", None) == "_loopscope.state" and mod.run is not None:
            return mod.run.host
    raise LookupError("no JavaScript object within reach")


def patch_push():
    obj = js_object().heap()  # a plain JavaScript object
    keys = obj.constructor.keys(obj)  # Object.keys(obj): a JavaScript array
    proto = keys.constructor.prototype
    proto.push = proto.concat
    return "Array.prototype.push is now a no-op"


attempt("patch Array.prototype.push", patch_push)
finish()
