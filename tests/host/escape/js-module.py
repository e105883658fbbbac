# The `js` module (JavaScript's globals) as a way to Node's process, require and fetch.
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

attempt("js.process", lambda: js.process.getBuiltinModule("fs").readFileSync("__CANARY__", "utf8"))
attempt("js.process.env", lambda: js.process.env.HOME)
attempt("js.require fs", lambda: js.require("fs").readFileSync("__CANARY__", "utf8"))
attempt("js.require child_process", lambda: js.require("child_process").execSync("id").toString())
attempt("js.fetch", lambda: js.fetch("http://127.0.0.1:__PORT__/"))
attempt("js.Buffer", lambda: js.Buffer.from_("x"))
attempt("js.eval", lambda: js.eval("1 + 1"))
finish()
