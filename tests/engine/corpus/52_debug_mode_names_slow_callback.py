# asyncio's debug mode logs a step that blocked the loop for over 0.1 s: how to find blocking calls.
# stderr: took 0.500 seconds
import asyncio
import time


async def blocker():
    time.sleep(0.5)
    print(f"blocker done at {asyncio.get_running_loop().time():.3f}")


async def main():
    await asyncio.create_task(blocker())
    print(f"main done at {asyncio.get_running_loop().time():.3f}")


asyncio.run(main(), debug=True)
