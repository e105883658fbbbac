# Done callbacks run in the order they were added, each as its own loop callback after completion.
import asyncio


def now():
    return f"{asyncio.get_running_loop().time():.3f}"


async def job():
    await asyncio.sleep(0.5)
    print(f"job returns at {now()}")
    return "result"


async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(job())
    for label in ["first", "second", "third"]:
        task.add_done_callback(lambda t, label=label: print(f"{label} callback sees {t.result()} at {now()}"))
    removed = lambda t: print("removed callback ran")  # noqa: E731
    task.add_done_callback(removed)
    print("removed:", task.remove_done_callback(removed))
    loop.call_later(0.5, print, "timer at 0.5 fires after the job's timer")
    print("awaited:", await task)
    await asyncio.sleep(0)
    late = loop.create_future()
    late.set_result(1)
    late.add_done_callback(lambda f: print("callback added after completion runs soon"))
    print("before yielding")
    await asyncio.sleep(0)
    print("after yielding")


asyncio.run(main())
