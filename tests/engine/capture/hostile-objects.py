# Objects capture looks through but must not run: a class whose __dict__, __class__ and __repr__
# print, held as a global beside a Lock bound to no name (naming a resource looks through the
# globals' attributes) and as the `self` of the method that makes a Lock; a Lock subclass with
# the same (a lock's state is read from its dict); builtin methods of a list whose __class__
# prints, and Task.cancel called on a Sneaky (a call is checked for being a Task's cancel); a
# semaphore and a barrier whose counts print when shown; tasks of a Task subclass that counts
# calls of its done(), cancelled() and get_coro() (a task's state is read through them). Output must be the same with capture on
# and off.
import asyncio


class Sneaky:
    @property
    def __dict__(self):
        print("Sneaky __dict__ read!")
        return {"lock": None}

    @property
    def __class__(self):
        print("Sneaky __class__ read!")
        return Sneaky

    def __repr__(self):
        print("Sneaky repr called!")
        return "Sneaky()"

    def make(self):
        return asyncio.Lock()


class SneakyLock(asyncio.Lock):
    @property
    def __dict__(self):
        print("SneakyLock __dict__ read!")
        return {"_locked": True}

    @property
    def __class__(self):
        print("SneakyLock __class__ read!")
        return asyncio.Lock

    def __repr__(self):
        print("SneakyLock repr called!")
        return "SneakyLock()"


class SneakyList(list):
    @property
    def __class__(self):
        print("SneakyList __class__ read!")
        return list


class LoudInt(int):
    def __repr__(self):
        print("LoudInt repr called!")
        return "LoudInt"

    def __format__(self, spec):
        print("LoudInt format called!")
        return "LoudInt"

    __str__ = __repr__


calls = {"done": 0, "cancelled": 0, "get_coro": 0}


class CountingTask(asyncio.Task):
    def done(self):
        calls["done"] += 1
        return super().done()

    def cancelled(self):
        calls["cancelled"] += 1
        return super().cancelled()

    def get_coro(self):
        calls["get_coro"] += 1
        return super().get_coro()


sneaky = Sneaky()
slock = SneakyLock()


async def worker(n, lock):
    items = SneakyList()
    append = items.append   # called bound: the call's callable is the builtin method
    append(n)
    async with lock:
        async with slock:
            await asyncio.sleep(0.1)
    try:
        asyncio.Task.cancel(sneaky)
    except TypeError:
        pass
    return len(items)


async def sleeper():
    await asyncio.sleep(1)


async def main():
    asyncio.get_running_loop().set_task_factory(lambda loop, coro, **kw: CountingTask(coro, loop=loop, **kw))
    doomed = asyncio.create_task(sleeper())
    made = sneaky.make()
    sem = asyncio.Semaphore(3)
    sem._value = LoudInt(3)
    barrier = asyncio.Barrier(2)
    barrier._parties = LoudInt(2)
    async with asyncio.Lock():
        await asyncio.sleep(0.05)
        results = await asyncio.gather(*(worker(n, made) for n in range(3)))
    doomed.cancel()
    try:
        await doomed
    except asyncio.CancelledError:
        pass
    print("done", sum(results), slock.locked(), made.locked(), calls)


asyncio.run(main())
