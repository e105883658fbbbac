# Any JavaScript object's constructor.constructor is Function: source code from a string.
# __REACHABLE_JS__ (tests/host/escape/prelude/reachable_js.py, put here by the test)


try:
    import js
except ImportError as e:
    # `js` is unregistered and gated; the routes below then start from any JavaScript object a
    # program can find or make (the run's host was one, through gc, until Python held none).
    print(f"BLOCKED import js: ImportError: {e}")
    js = reachable_js()
    if js is None:
        print("BLOCKED a JavaScript object through gc, to_js or JsException: none within reach")
        print("DONE")
        raise PermissionError("2 of 2 attempts to reach the machine failed")

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
