# Any JavaScript object's constructor.constructor is Function: source code from a string.
try:
    import js
except ImportError as e:
    # `js` is unregistered and gated; the routes below then start from the one JavaScript object
    # a program can still find (the run host's heap views, through gc).
    print(f"BLOCKED import js: ImportError: {e}")
    import gc as _gc
    import sys as _sys

    js = next((m.run.host.heap() for m in _gc.get_objects() if type(m) is type(_sys)
               and getattr(m, "__name__", "") == "_loopscope.state" and m.run is not None), None)
    if js is None:
        print("DONE")
        raise PermissionError("1 of 1 attempts to reach the machine failed")

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

# pyodide.ffi (to_js, create_proxy) is closed to programs: `js` itself is a JavaScript object.
obj = js
arr = js.constructor.keys(js)
fn = js.constructor
attempt("object constructor.constructor", lambda: obj.constructor.constructor("return process.pid")())
attempt("array constructor.constructor", lambda: arr.constructor.constructor("return process.pid")())
attempt("function proxy constructor",
        lambda: js.Object.keys.constructor("return process.pid")())
attempt("function constructor", lambda: fn.constructor("return process.pid")())
attempt("js.Function", lambda: js.Function("return process")())
attempt("js.setTimeout string", lambda: js.setTimeout("globalThis.escaped = 1", 0))
finish()
