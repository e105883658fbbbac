# sys.exit inside a coroutine ends the run with that status after asyncio.run cleans up.
# exit: exit
import asyncio
import sys


async def helper():
    try:
        await asyncio.sleep(5)
    finally:
        print(f"helper cleaned up at {asyncio.get_running_loop().time():.3f}")


async def main():
    asyncio.create_task(helper())
    await asyncio.sleep(0.5)
    print(f"exiting with 3 at {asyncio.get_running_loop().time():.3f}")
    sys.exit(3)


asyncio.run(main())
