# asyncio.Runner keeps one loop across runs; new_event_loop with run_forever stops on loop.stop().
import asyncio


async def lap(label, seconds):
    await asyncio.sleep(seconds)
    return f"{label} at {asyncio.get_running_loop().time():.3f}"


with asyncio.Runner() as runner:
    print(runner.run(lap("first run", 0.5)))
    print(runner.run(lap("second run, same clock", 0.5)))

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)


def tick(n):
    print(f"tick {n} at {loop.time():.3f}")
    if n == 3:
        loop.stop()
    else:
        loop.call_later(0.25, tick, n + 1)


loop.call_soon(tick, 1)
loop.run_forever()
print(f"stopped at {loop.time():.3f}")
print(loop.run_until_complete(lap("after run_forever", 1.0)))
loop.close()
print(asyncio.run(lap("a fresh asyncio.run", 0.1)))
