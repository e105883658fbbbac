# Locals capture must not touch: a __repr__ that prints, __eq__/__hash__ that raise, a property
# and a __getattr__ that print, a __dict__ property, a metaclass, a huge int, a long string,
# nested containers, asyncio objects. Printed output must be the same with capture on and off.
import asyncio


class Meta(type):
    def __getattr__(cls, name):
        print(f"meta getattr {name}!")
        raise AttributeError(name)


class Loud(metaclass=Meta):
    def __repr__(self):
        print("repr called!")
        return "Loud()"

    def __str__(self):
        print("str called!")
        return "Loud"

    def __eq__(self, other):
        print("eq called!")
        raise RuntimeError("eq")

    def __hash__(self):
        print("hash called!")
        raise RuntimeError("hash")

    def __getattr__(self, name):
        print(f"getattr {name} called!")
        raise AttributeError(name)

    def __len__(self):
        print("len called!")
        return 3

    @property
    def __dict__(self):
        print("__dict__ read!")
        return {}

    @property
    def lock(self):
        print("property read!")
        return None


class Holder:
    def __init__(self):
        self.lock = asyncio.Lock()
        self.loud = Loud()


async def worker(name, loud, q):
    big = 7 ** 5000
    text = "x" * 10_000
    nested = [[[[1, 2, [3, [4]]]]], {"k": (loud, {1, 2})}, frozenset({1, 2}), [loud] * 20]
    holder = Holder()
    async with holder.lock:
        await q.put((name, loud))
        await asyncio.sleep(0.1)
    item = await q.get()
    print(name, "got", item[0], len(text), big % 10, len(nested))
    return loud


async def main():
    loud = Loud()
    q = asyncio.Queue(maxsize=1)
    ev = asyncio.Event()
    sem = asyncio.Semaphore(2)
    tasks = [asyncio.create_task(worker(f"w{i}", loud, q), name=f"w{i}") for i in range(3)]
    async with sem:
        results = await asyncio.gather(*tasks)
    ev.set()
    print("done", len(results), type(results[0]).__name__)


asyncio.run(main())
