# The `pyodide_js` module (Pyodide's JavaScript API) as a way to the host.
import pyodide_js

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

def mount_and_read():
    pyodide_js.mountNodeFS("/host", "__DIR__")
    return open("/host/canary.txt").read()

def mount_and_write():
    pyodide_js.mountNodeFS("/host2", "__DIR__")
    return open("/host2/marker.txt", "w").write("escaped")

attempt("pyodide_js.mountNodeFS read", mount_and_read)
attempt("pyodide_js.mountNodeFS write", mount_and_write)
attempt("pyodide_js.constructor.constructor", lambda: pyodide_js.constructor.constructor("return process")())
attempt("pyodide_js.runPython js escape", lambda: pyodide_js.runPython("import js; js.process.pid"))
attempt("pyodide_js._module.FS host read", lambda: pyodide_js.FS.readFile("__CANARY__"))
finish()
