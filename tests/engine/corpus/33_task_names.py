# Tasks are named Task-1, Task-2... unless named; current_task and all_tasks see them.
import asyncio


async def child(seconds):
    me = asyncio.current_task()
    print(f"{me.get_name()} running, coroutine {me.get_coro().__qualname__}")
    await asyncio.sleep(seconds)


async def main():
    print("main is", asyncio.current_task().get_name())
    a = asyncio.create_task(child(0.1))
    b = asyncio.create_task(child(0.2), name="downloader")
    c = asyncio.create_task(child(0.3))
    c.set_name("renamed")
    print("all tasks:", sorted(t.get_name() for t in asyncio.all_tasks()))
    await a
    print("after a:", sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.gather(b, c)
    print("at the end:", sorted(t.get_name() for t in asyncio.all_tasks()))
    print("outside any task:", asyncio.current_task(asyncio.get_running_loop()) is asyncio.current_task())


asyncio.run(main())
