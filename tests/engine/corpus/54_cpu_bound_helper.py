# A CPU-bound helper (a million-step Python loop, about 0.1 s in CPython) holds the loop like a
# blocking call: the heartbeat's next beat waits until it returns. No virtual time passes in it.
import asyncio


def crunch(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


async def heartbeat():
    for _ in range(3):
        print(f"beat at {asyncio.get_running_loop().time():.3f}")
        await asyncio.sleep(0.1)


async def worker():
    await asyncio.sleep(0.05)
    print(f"crunching at {asyncio.get_running_loop().time():.3f}")
    print("sum of squares:", crunch(1_000_000))


async def main():
    await asyncio.gather(heartbeat(), worker())


asyncio.run(main())
