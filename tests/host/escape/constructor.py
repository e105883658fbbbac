# Any JavaScript object's constructor.constructor is Function: source code from a string.
import js
from pyodide.ffi import create_proxy, to_js

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

obj = to_js({"a": 1})
arr = to_js([1, 2])
fn = create_proxy(lambda: 0)
attempt("object constructor.constructor", lambda: obj.constructor.constructor("return process.pid")())
attempt("array constructor.constructor", lambda: arr.constructor.constructor("return process.pid")())
attempt("function proxy constructor",
        lambda: js.Object.keys.constructor("return process.pid")())
attempt("create_proxy round trip constructor",
        lambda: js.Array.of(fn).constructor.constructor("return process.pid")())
attempt("js.Function", lambda: js.Function("return process")())
attempt("js.setTimeout string", lambda: js.setTimeout("globalThis.escaped = 1", 0))
finish()
