# When one child of a TaskGroup fails, the others are cancelled and the errors come out grouped.
# One sibling left to cancel: TaskGroup cancels its children in set order, by memory address.
import asyncio


def now():
    return f"{asyncio.get_running_loop().time():.3f}"


async def worker(name, seconds, fail=False):
    try:
        await asyncio.sleep(seconds)
        if fail:
            print(f"{name} fails at {now()}")
            raise ValueError(f"{name} broke")
        print(f"{name} finished at {now()}")
    except asyncio.CancelledError:
        print(f"{name} cancelled at {now()}")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(worker("fast", 0.1))
            group.create_task(worker("broken", 0.2, fail=True))
            group.create_task(worker("slow", 0.5))
    except* ValueError as errors:
        print(f"caught {len(errors.exceptions)} error(s) at {now()}:", [str(e) for e in errors.exceptions])


asyncio.run(main())
