# shield: cancelling the outer await does not cancel the shielded work, which finishes later.
import asyncio


def now():
    return f"{asyncio.get_running_loop().time():.3f}"


async def important():
    await asyncio.sleep(1.0)
    print(f"important work finished at {now()}")
    return "saved"


async def waiter(inner):
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError:
        print(f"waiter cancelled at {now()}")
        raise


async def main():
    inner = asyncio.create_task(important())
    outer = asyncio.create_task(waiter(inner))
    await asyncio.sleep(0.3)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print(f"outer cancelled: {outer.cancelled()}, inner cancelled: {inner.cancelled()}")
    print(f"inner result {await inner} at {now()}")


asyncio.run(main())
