# Ten call_at timers with one deadline from one clock reading are equal: heapq's order decides.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    fired = []

    def fire(i):
        fired.append(i)
        if len(fired) == 10:
            done.set_result(None)

    when = loop.time() + 5
    for i in range(10):
        loop.call_at(when, fire, i)
    await done
    print(fired, f"at {loop.time():.3f}")


asyncio.run(main())
