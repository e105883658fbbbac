# Starting a process: subprocess, os.system, os.fork, os.exec*, and child_process from JS.
import os
import subprocess

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

attempt("subprocess.run", lambda: subprocess.run(["touch", "__MARKER__"]))
def exit_status(status):
    # os.system reports failure as a status, not an exception: 127 << 8 is "could not run".
    if status != 0:
        raise OSError(f"os.system returned {status}")
    return status

attempt("os.system", lambda: exit_status(os.system("touch __MARKER__")))
attempt("os.popen", lambda: os.popen("touch __MARKER__").read())
attempt("os.fork", lambda: os.fork())
attempt("os.execv", lambda: os.execv("/bin/sh", ["sh", "-c", "touch __MARKER__"]))
attempt("os.posix_spawn", lambda: os.posix_spawn("/bin/touch", ["touch", "__MARKER__"], {}))
def via_pyodide_js():
    import pyodide_js
    return pyodide_js.constructor.constructor("return require('child_process')")()


attempt("pyodide_js child_process", via_pyodide_js)
finish()
