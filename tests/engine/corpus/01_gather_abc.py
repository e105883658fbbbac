# gather runs a, b and c concurrently: each finishes after its own sleep, results keep call order.
import asyncio


async def work(name, delay):
    loop = asyncio.get_running_loop()
    print(f"{name} started at {loop.time():.3f}")
    await asyncio.sleep(delay)
    print(f"{name} finished at {loop.time():.3f}")
    return name


async def main():
    result = await asyncio.gather(work("a", 0.2), work("b", 0.1), work("c", 0.3))
    print(f"Result: {result}")


asyncio.run(main())
