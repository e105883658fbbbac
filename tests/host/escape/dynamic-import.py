# Dynamic import() of node:fs / node:child_process / a data: URL module.
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

attempt("Function import(node:fs)", lambda: js.constructor.constructor("return import('node:fs')")())
attempt("Function import(data:)",
        lambda: js.Function("return import('data:text/javascript,export default 1')")())
def via_run_js():
    from pyodide.code import run_js
    return run_js("import('node:child_process')")
attempt("run_js import()", via_run_js)
finish()
