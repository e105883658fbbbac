# Reading and writing the user's files from Python itself.
import os
import pathlib

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

attempt("open() read", lambda: open("__CANARY__").read())
attempt("pathlib read", lambda: pathlib.Path("__CANARY__").read_bytes())
attempt("open() write", lambda: open("__MARKER__", "w").write("escaped"))
attempt("os.listdir", lambda: os.listdir("__DIR__"))
attempt("os.stat", lambda: os.stat("__CANARY__"))
attempt("os.remove", lambda: os.remove("__CANARY__"))
finish()
