# Cross-run leak through the file system: a module file written where the next program's
# imports look. Before (673f2cb, Node 20): the next run's `import statistics` got this file.
# The attempts here succeed (the program may write its own in-memory files); what matters is
# that the next run does not see them (escape.test.ts runs a probe program after it).
import gc
import os
import sys

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
    print("DONE")
    raise PermissionError(f"{results.count(True)} of {len(results)} attempts to reach the machine failed")


# __REACHABLE_JS__ (tests/host/escape/prelude/reachable_js.py, put here by the test)


def js_object():
    """Any JavaScript object within reach (the run's host was one, through gc, until Python
    held none)."""
    obj = reachable_js()
    if obj is None:
        raise LookupError("no JavaScript object within reach (gc, to_js, JsException)")
    return obj


def plant():
    written = []
    for d in [os.getcwd()] + [p for p in sys.path if p]:
        try:
            with open(os.path.join(d, "statistics.py"), "w") as f:
                f.write("def mean(xs):\n    return 'HIJACKED'\n")
            written.append(d)
        except OSError:
            pass
    return written


print("planted statistics.py in", plant())
finish()
