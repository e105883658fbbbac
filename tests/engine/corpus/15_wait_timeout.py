# wait with a timeout returns what finished in time and leaves the rest running, not cancelled.
import asyncio


async def job(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{name} finished at {asyncio.get_running_loop().time():.3f}")
    return name


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(job(name, s), name=name) for name, s in [("a", 0.5), ("b", 1.5), ("c", 2.5)]]
    done, pending = await asyncio.wait(tasks, timeout=1.0)
    print(f"{loop.time():.3f} done {sorted(t.get_name() for t in done)} pending {sorted(t.get_name() for t in pending)}")
    done, pending = await asyncio.wait(pending, timeout=1.0)
    print(f"{loop.time():.3f} done {sorted(t.get_name() for t in done)} pending {sorted(t.get_name() for t in pending)}")
    print("c cancelled?", tasks[2].cancelled())
    await tasks[2]
    print(f"all done at {loop.time():.3f}")


asyncio.run(main())
