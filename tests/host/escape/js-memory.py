# Memory outside the wasm heap: JavaScript ArrayBuffers are not counted by Pyodide's 4 GB cap.
# Through any typed array the host hands out (heap views), its constructor allocates them.
# Before (673f2cb, Node 20): 6 GB held (the process grew past 6 GB; nothing stopped it).
import asyncio
import gc
import sys


def views():
    for mod in [sys.modules.get("_loopscope.state")] + [o for o in gc.get_objects() if type(o) is type(sys)]:
        if getattr(mod, "__name__", None) == "_loopscope.state" and mod.run is not None:
            return mod.run.host.heap()
    raise LookupError("no JavaScript object to allocate with")


held = []
try:
    U8 = views().HEAPU32.constructor
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
