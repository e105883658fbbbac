# sleep(0) yields to the loop once: two tasks alternate, a task that never yields runs to the end.
import asyncio


async def polite(name):
    for i in range(3):
        print(f"{name} {i}")
        await asyncio.sleep(0)


async def greedy():
    for i in range(3):
        print(f"greedy {i}")


async def main():
    tasks = [asyncio.create_task(polite("ping")), asyncio.create_task(polite("pong"))]
    tasks.append(asyncio.create_task(greedy()))
    await asyncio.gather(*tasks)
    print(f"done at {asyncio.get_running_loop().time():.3f}")


asyncio.run(main())
