# The engine's own package and the run's JavaScript host, by name: `import _loopscope.state`,
# `state.run.host`, and `heap()` on it, which handed over the Emscripten module (FS, NODEFS,
# Pyodide's API) and through it Node's fs. Before (673f2cb, Node 20): every attempt ESCAPED.
import asyncio

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


def state_module():
    import _loopscope.state as state
    return state


def host():
    h = state_module().run.host
    if h is None:
        raise LookupError("no host on _loopscope.state.run")
    return h


def emscripten_module():
    m = host().heap()
    if not hasattr(m, "FS"):
        raise LookupError("heap() gives heap views, not the Emscripten module")
    return m


def via_loop():
    # The running loop's class lives in the engine's package: its functions' globals lead back.
    async def main():
        loop = asyncio.get_running_loop()
        for f in vars(type(loop)).values():
            g = getattr(f, "__globals__", None)
            if g and "state" in g and g["state"].run is not None:
                m = g["state"].run.host.heap()
                if hasattr(m, "FS"):
                    return m.FS
        raise LookupError("no route to the Emscripten module from the loop")
    return asyncio.run(main())


attempt("import _loopscope.state", lambda: state_module().run)
attempt("_loopscope.state.run.host", host)
attempt("host.heap() -> Emscripten module", emscripten_module)
attempt("host.heap() -> NODEFS", lambda: emscripten_module().FS.filesystems.NODEFS)
attempt("running loop's globals -> host -> Emscripten module", via_loop)
finish()
