# A Barrier(3) holds each arriving task until three have arrived, then releases them together.
import asyncio


async def runner(barrier, name, seconds):
    await asyncio.sleep(seconds)
    print(f"{name} arrives at {asyncio.get_running_loop().time():.3f}")
    position = await barrier.wait()
    print(f"{name} passes at {asyncio.get_running_loop().time():.3f} (index {position})")


async def main():
    barrier = asyncio.Barrier(3)
    await asyncio.gather(runner(barrier, "a", 0.3), runner(barrier, "b", 0.1), runner(barrier, "c", 0.2))
    print("waiting now:", barrier.n_waiting, "broken:", barrier.broken)


asyncio.run(main())
