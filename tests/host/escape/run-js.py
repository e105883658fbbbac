# pyodide.code.run_js: JavaScript source straight from Python.
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

def run_js(code):
    from pyodide.code import run_js as rj
    return rj(code)

attempt("run_js process", lambda: run_js("process.getBuiltinModule('fs').readFileSync('__CANARY__', 'utf8')"))
attempt("run_js globalThis.process", lambda: run_js("globalThis.process.pid"))
finish()
