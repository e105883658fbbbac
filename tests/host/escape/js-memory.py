# Memory outside the wasm heap: JavaScript ArrayBuffers are not counted by Pyodide's 4 GB cap.
# Through any JavaScript object within reach, Uint8Array allocates them.
# Before (673f2cb, Node 20): 6 GB held (the process grew past 6 GB; nothing stopped it).
import asyncio
import gc
import sys


# __REACHABLE_JS__ (tests/host/escape/prelude/reachable_js.py, put here by the test)


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
