# gather with return_exceptions=True: errors come back as values in the result list.
import asyncio


async def job(name, seconds, fail=False):
    await asyncio.sleep(seconds)
    if fail:
        raise KeyError(name)
    return f"{name}@{asyncio.get_running_loop().time():.3f}"


async def main():
    results = await asyncio.gather(
        job("a", 0.3), job("b", 0.1, fail=True), job("c", 0.2), job("d", 0.2, fail=True), return_exceptions=True
    )
    for result in results:
        print(type(result).__name__, result)


asyncio.run(main())
