# Python holds no JavaScript object during a run: every object the collector tracks, everything
# they refer to (transitively), every frame with its locals, globals and closures, is walked for
# a JavaScript proxy (a JsProxy of any kind). Then the ways Python could make one: Pyodide's
# to_js / create_proxy, JsException('Error', ...) (which makes a JavaScript Error) and whatever
# else Pyodide's C core module offers. Then sys.modules, for a module that hands out
# JavaScript objects. Before this: the run's host and
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


def proxy_types(objects):
    """The JsProxy types among these objects' types (a pass in C over the objects)."""
    return {t for t in set(map(type, objects))
            if not issubclass(t, type) and any(c.__name__ == "JsProxy" for c in t.__mro__)}


def walk(chunk=5_000):
    """Everything reachable from the collector's objects, this frame's stack and sys.modules,
    a chunk at a time (one call for the referents of a whole chunk)."""
    todo = list(gc.get_objects()) + [sys.modules]
    f = sys._getframe()
    while f is not None:
        todo.append(f)
        f = f.f_back
    seen = set()
    while todo:
        batch = todo[-chunk:]
        del todo[-chunk:]
        by_id = dict(zip(map(id, batch), batch))
        fresh = by_id.keys() - seen
        seen |= fresh
        new = [by_id[i] for i in fresh]
        yield new
        todo += gc.get_referents(*new)
        for o in new:
            if isinstance(o, types.FrameType):
                todo += [o.f_locals, o.f_globals, o.f_builtins]
            elif isinstance(o, types.FunctionType) and o.__closure__:
                todo += [c.cell_contents for c in o.__closure__ if c.cell_contents is not None]


async def proxies():
    """From inside a task (the loop's objects and frames are on the stack then, and the top
    level's below them), awaiting after each chunk: the walk takes seconds, a step may not."""
    found = {}
    n = 0
    for new in walk():
        n += len(new)
        kinds = proxy_types(new)
        for o in new if kinds else ():
            if type(o) in kinds:
                found[type(o).__name__] = found.get(type(o).__name__, 0) + 1
        await asyncio.sleep(0)
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


def core_callables():
    """Whatever Pyodide's C core module still offers, called with a few shapes of arguments."""
    core = next((o for o in gc.get_objects() if isinstance(o, types.ModuleType)
                 and o.__name__ == "_pyodide_core"), None)
    if core is None:
        raise LookupError("no _pyodide_core among the collector's objects")
    made = []
    # JsFuncSignature wraps Python values (a signature), never makes a JavaScript object; called
    # with too few arguments it crashes the interpreter as it frees the half-made object (the
    # program's own run ends as an internal error and the host replaces the engine), so not here.
    names = [n for n in vars(core) if not n.startswith("__") and callable(vars(core)[n])
             and n != "JsFuncSignature"]
    for name in names:
        for args in [(), ({},), ("Error", "made from Python"), (print,) * 11]:
            try:
                r = vars(core)[name](*args)
            except Exception:
                continue
            if proxy_types([r, *gc.get_referents(r)]):
                made.append(name)
    if made:
        return made
    raise LookupError(f"none of {', '.join(sorted(names))} makes a JavaScript object")


def bridge_modules():
    names = [m for m in sys.modules if m.partition(".")[0] in ("js", "pyodide_js", "pyodide", "_pyodide_core")]
    if names:
        return names
    raise LookupError("no module in sys.modules hands out JavaScript objects")


attempt("a JsProxy reachable from gc, frames or sys.modules", lambda: asyncio.run(proxies()))
attempt("to_js({})", lambda: make("to_js"))
attempt("create_proxy({})", lambda: make("create_proxy"))
attempt("JsException('Error', ...)", js_exception)
attempt("_pyodide_core's callables", core_callables)
attempt("sys.modules: js, pyodide_js, pyodide.*, _pyodide_core", bridge_modules)
finish()
