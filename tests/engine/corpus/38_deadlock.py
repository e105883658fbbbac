# Two tasks each wait for the other's event: nothing is ready and no timer is armed, forever.
# exit: deadlock
import asyncio


async def party(name, mine, theirs):
    print(f"{name} waits for the other at {asyncio.get_running_loop().time():.3f}")
    await theirs.wait()
    mine.set()


async def main():
    a, b = asyncio.Event(), asyncio.Event()
    await asyncio.sleep(0.5)
    await asyncio.gather(party("alice", a, b), party("bob", b, a))
    print("never printed")


asyncio.run(main())
