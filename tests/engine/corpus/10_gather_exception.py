# gather without return_exceptions: the first error reaches the awaiter, the others keep running.
import asyncio


def now():
    return f"{asyncio.get_running_loop().time():.3f}"


async def job(name, seconds, fail=False):
    await asyncio.sleep(seconds)
    if fail:
        print(f"{name} raises at {now()}")
        raise RuntimeError(name)
    print(f"{name} done at {now()}")
    return name


async def main():
    try:
        await asyncio.gather(job("a", 0.3), job("b", 0.1, fail=True), job("c", 0.2))
    except RuntimeError as error:
        print(f"main caught {error!r} at {now()}")
    await asyncio.sleep(0.5)
    print(f"main ends at {now()}")


asyncio.run(main())
