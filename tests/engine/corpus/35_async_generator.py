# An async generator yields values between awaits; async for consumes them; aclose runs its finally.
import asyncio


def now():
    return f"{asyncio.get_running_loop().time():.3f}"


async def ticks(count, interval):
    try:
        for i in range(count):
            await asyncio.sleep(interval)
            yield i
    finally:
        print(f"ticks({count}) closed at {now()}")


async def main():
    async for i in ticks(3, 0.25):
        print(f"tick {i} at {now()}")
    squares = [i * i async for i in ticks(4, 0.1)]
    print("squares", squares)
    gen = ticks(10, 0.5)
    print("first", await anext(gen), f"at {now()}")
    await gen.aclose()
    print(f"after aclose at {now()}")


asyncio.run(main())
