# wait(ALL_COMPLETED), the default, returns when every task is done, failures included.
import asyncio


async def job(name, seconds, fail=False):
    await asyncio.sleep(seconds)
    print(f"{name} ends at {asyncio.get_running_loop().time():.3f}")
    if fail:
        raise ValueError(name)
    return name


async def main():
    loop = asyncio.get_running_loop()
    tasks = [
        asyncio.create_task(job("a", 0.3)),
        asyncio.create_task(job("b", 0.1, fail=True)),
        asyncio.create_task(job("c", 0.2)),
    ]
    done, pending = await asyncio.wait(tasks)
    print(f"{loop.time():.3f} done {len(done)} pending {len(pending)}")
    print([t.result() if t.exception() is None else repr(t.exception()) for t in tasks])


asyncio.run(main())
