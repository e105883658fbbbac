# An object freed as soon as nothing holds it prints from __del__ between callbacks, as CPython's
# loop drops each handle after running it: a task's result (the task first and last in its
# iteration) and a future's result.
import asyncio


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print(f"{self.name} freed")


async def make(name):
    return Noisy(name)


def resolved_future(name):
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, Noisy(name))
    return fut


async def main():
    loop = asyncio.get_running_loop()
    asyncio.create_task(make("first task's result"))
    loop.call_soon(print, "callback after the task")
    await asyncio.sleep(0.1)
    loop.call_soon(print, "callback before the task")
    asyncio.create_task(make("last task's result"))
    await asyncio.sleep(0.1)
    await resolved_future("future's result")
    print("after the future")
    await asyncio.sleep(0.1)
    print("done")


asyncio.run(main())
