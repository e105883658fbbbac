# asyncio.run cancels a task still running when main returns; it sees CancelledError and cleans up.
# One such task only: asyncio.run cancels leftovers in set order, which follows memory addresses.
import asyncio


def now():
    return f"{asyncio.get_running_loop().time():.3f}"


async def forever(name):
    try:
        while True:
            await asyncio.sleep(0.4)
            print(f"{name} tick at {now()}")
    except asyncio.CancelledError:
        print(f"{name} cancelled at shutdown at {now()}")
        raise
    finally:
        print(f"{name} finally")


async def main():
    asyncio.create_task(forever("monitor"))
    await asyncio.sleep(1.0)
    print(f"main returns at {now()}")


asyncio.run(main())
print("after asyncio.run")
