# wait(FIRST_COMPLETED) returns as soon as one task is done; the rest stay pending.
import asyncio


async def job(name, seconds):
    await asyncio.sleep(seconds)
    return name


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(job(name, s), name=name) for name, s in [("slow", 0.3), ("fast", 0.1), ("mid", 0.2)]]
    pending = set(tasks)
    while pending:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        names = sorted(t.result() for t in done)
        print(f"{loop.time():.3f} done {names} pending {sorted(t.get_name() for t in pending)}")


asyncio.run(main())
