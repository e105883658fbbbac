# process.getBuiltinModule (Node 20.16+): every Node module without require or import.
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

attempt("js.process.getBuiltinModule", lambda: js.process.getBuiltinModule("child_process").execSync("id"))
attempt("globalThis.process.getBuiltinModule", lambda: js.globalThis.process.getBuiltinModule("fs"))
attempt("constructor to process.getBuiltinModule",
        lambda: js.constructor.constructor("return process.getBuiltinModule('fs')")())
finish()
