# Over half of 150 timers cancelled: the loop rebuilds its timer heap, which reorders equal deadlines.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    fired = []
    when = loop.time() + 1.0

    def fire(i):
        fired.append(i)
        if len(fired) == 60:
            done.set_result(None)

    handles = [loop.call_at(when, fire, i) for i in range(150)]
    for i, handle in enumerate(handles):
        if i % 5 < 3:
            handle.cancel()
    await done
    print(f"{len(fired)} fired at {loop.time():.3f}")
    print(fired)


asyncio.run(main())
