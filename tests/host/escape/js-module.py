# The `js` module (JavaScript's globals) as a way to Node's process, require and fetch.
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

attempt("js.process", lambda: js.process.getBuiltinModule("fs").readFileSync("__CANARY__", "utf8"))
attempt("js.process.env", lambda: js.process.env.HOME)
attempt("js.require fs", lambda: js.require("fs").readFileSync("__CANARY__", "utf8"))
attempt("js.require child_process", lambda: js.require("child_process").execSync("id").toString())
attempt("js.fetch", lambda: js.fetch("http://127.0.0.1:__PORT__/"))
attempt("js.Buffer", lambda: js.Buffer.from_("x"))
attempt("js.eval", lambda: js.eval("1 + 1"))
finish()
