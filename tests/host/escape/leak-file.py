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


def js_object():
    """Any JavaScript object the engine lets Python hold: the run host's heap views."""
    for mod in [sys.modules.get("_loopscope.state")] + [o for o in gc.get_objects() if type(o) is type(sys)]:
        if getattr(mod, "__name__", None) == "_loopscope.state" and mod.run is not None:
            return mod.run.host
    raise LookupError("no JavaScript object within reach")


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
