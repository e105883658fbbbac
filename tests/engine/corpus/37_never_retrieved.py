# A task that fails and is never awaited: asyncio reports "Task exception was never retrieved".
# stderr: Task exception was never retrieved
import asyncio


async def doomed():
    await asyncio.sleep(0.1)
    print(f"doomed raises at {asyncio.get_running_loop().time():.3f}")
    raise ValueError("nobody is listening")


async def main():
    asyncio.create_task(doomed())
    await asyncio.sleep(0.5)
    print(f"main ends at {asyncio.get_running_loop().time():.3f} without looking")


asyncio.run(main())
print("program ends")
