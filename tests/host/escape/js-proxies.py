# Python holds no JavaScript object during a run: every object the collector tracks, everything
# they refer to (transitively), every frame with its locals, globals and closures, is walked for
# a JavaScript proxy (a JsProxy of any kind). Then the ways Python could make one: Pyodide's
# to_js / create_proxy, and JsException('Error', ...), which makes a JavaScript Error. Then
# sys.modules, for a module that hands out JavaScript objects. Before this: the run's host and
# the proxies of the engine's methods were found (and from them the Emscripten module), as were
# the proxies Pyodide's own modules keep from start-up (webloop's scheduleCallback, the package
# loader's API, the import hook's loaders), and to_js({}) made a JavaScript object.
import asyncio
import gc
import sys
import types

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


def is_proxy(o):
    return not isinstance(o, type) and any(c.__name__ == "JsProxy" for c in type(o).__mro__)


def walk():
    """Every object reachable from the collector's objects, this frame's stack and sys.modules."""
    todo = list(gc.get_objects())
    f = sys._getframe()
    while f is not None:
        todo.append(f)
        f = f.f_back
    todo.append(sys.modules)
    seen = set()
    while todo:
        o = todo.pop()
        if id(o) in seen:
            continue
        seen.add(id(o))
        yield o
        todo.extend(gc.get_referents(o))
        if isinstance(o, types.FrameType):
            todo += [o.f_locals, o.f_globals, o.f_builtins]
        elif isinstance(o, types.FunctionType) and o.__closure__:
            todo += [c.cell_contents for c in o.__closure__ if c.cell_contents is not None]


def proxies():
    found = {}
    n = 0
    for o in walk():
        n += 1
        if is_proxy(o):
            found[type(o).__name__] = found.get(type(o).__name__, 0) + 1
    if found:
        return sorted(found.items())
    raise LookupError(f"no JavaScript proxy among {'many' if n > 10_000 else n} objects")


def make(name):
    for o in gc.get_objects():
        if type(o).__name__ == "builtin_function_or_method" and o.__name__ == name:
            return o({})
    raise LookupError(f"no {name} among the collector's objects")


def js_exception():
    for o in gc.get_objects():
        if isinstance(o, type) and o.__name__ == "JsException" and "__firstlineno__" not in vars(o):
            return o("Error", "made from Python").js_error
    raise LookupError("no JsException type")


def bridge_modules():
    names = [m for m in sys.modules if m.partition(".")[0] in ("js", "pyodide_js", "pyodide", "_pyodide_core")]
    if names:
        return names
    raise LookupError("no module in sys.modules hands out JavaScript objects")


async def main():
    # Inside a task too: the loop's own objects and frames are on the stack then.
    await asyncio.sleep(0)
    attempt("a JsProxy reachable from gc, frames or sys.modules, in a task", proxies)


attempt("a JsProxy reachable from gc, frames or sys.modules", proxies)
asyncio.run(main())
attempt("to_js({})", lambda: make("to_js"))
attempt("create_proxy({})", lambda: make("create_proxy"))
attempt("JsException('Error', ...)", js_exception)
attempt("sys.modules: js, pyodide_js, pyodide.*, _pyodide_core", bridge_modules)
finish()
