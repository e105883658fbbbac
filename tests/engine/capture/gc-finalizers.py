# Cyclic garbage with finalizers that print, made while tasks run: the collector runs when
# allocations cross its threshold, so a capture that left objects behind (or made the collector
# run) would move these lines. Printed output must be the same with capture on and off.
import asyncio


class Node:
    def __init__(self, i):
        self.i = i
        self.me = self

    def __del__(self):
        print("collected", self.i)


async def worker(i, lock):
    for k in range(100):
        Node(i * 1000 + k)
        pair = [Node(-1), {"k": k}, [Node(-2) for _ in range(4)]]
        async with lock:
            await asyncio.sleep(0)
        del pair


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*(worker(i, lock) for i in range(5)))
    print("end")


asyncio.run(main())
