# wait(FIRST_EXCEPTION) returns at the first failure, or when all are done if none fails.
import asyncio


async def job(name, seconds, fail=False):
    await asyncio.sleep(seconds)
    if fail:
        raise ValueError(name)
    return name


async def main():
    loop = asyncio.get_running_loop()
    tasks = [
        asyncio.create_task(job("ok-1", 0.1), name="ok-1"),
        asyncio.create_task(job("bad", 0.2, fail=True), name="bad"),
        asyncio.create_task(job("ok-2", 0.4), name="ok-2"),
    ]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(f"{loop.time():.3f} done {sorted(t.get_name() for t in done)} pending {sorted(t.get_name() for t in pending)}")
    for task in sorted(done, key=lambda t: t.get_name()):
        print(task.get_name(), repr(task.exception()))
    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_EXCEPTION)
    print(f"{loop.time():.3f} done {sorted(t.get_name() for t in done)} pending {len(pending)}")


asyncio.run(main())
