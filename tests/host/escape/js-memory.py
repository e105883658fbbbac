# Memory outside the wasm heap: JavaScript ArrayBuffers are not counted by Pyodide's 4 GB cap.
# Through any JavaScript object within reach, Uint8Array allocates them.
# Before (673f2cb, Node 20): 6 GB held (the process grew past 6 GB; nothing stopped it).
import asyncio
import gc
import sys


def reachable_js():
    """Any JavaScript object a program can find or make: a proxy among the objects the collector
    tracks and what they refer to, or one made by what Pyodide gives Python (to_js,
    create_proxy, JsException('Error', ...)). None if there is none."""
    import gc as _gc

    objects = _gc.get_objects()
    found = objects + _gc.get_referents(*objects)
    # The types first (a pass in C), the objects only if one of them is a JsProxy's.
    kinds = {t for t in set(map(type, found))
             if not issubclass(t, type) and any(c.__name__ == "JsProxy" for c in t.__mro__)}
    for o in found if kinds else ():
        if type(o) in kinds:
            return o
    for o in objects:
        try:
            if type(o).__name__ == "builtin_function_or_method" and o.__name__ in ("to_js", "create_proxy"):
                return o({})
            if isinstance(o, type) and o.__name__ == "JsException" and "__firstlineno__" not in vars(o):
                return o("Error", "made from Python").js_error
        except Exception:
            pass
    return None


def typed_array():
    """Uint8Array, from any JavaScript object within reach (the run host's heap views were one)."""
    obj = reachable_js()
    if obj is None:
        raise LookupError("no JavaScript object to allocate with (gc, to_js, JsException)")
    return obj.constructor.constructor("return Uint8Array")()


held = []
try:
    U8 = typed_array()
except Exception as e:
    print(f"BLOCKED typed array constructor: {type(e).__name__}: {e}")
    print("DONE")
    raise PermissionError("1 of 1 attempts to reach the machine failed")


async def main():
    for i in range(96):
        a = U8.new(2**24)  # 64 MB each
        a.fill(i + 1)
        held.append(a)
        print(f"held {(i + 1) * 64} MB")
        await asyncio.sleep(0)  # a step per allocation: no single step runs long
    print("ESCAPED held 6 GB of ArrayBuffers")
    print("DONE")


asyncio.run(main())
