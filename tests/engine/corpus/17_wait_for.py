# wait_for returns the result in time, or cancels the awaitable and raises TimeoutError.
import asyncio


def now():
    return f"{asyncio.get_running_loop().time():.3f}"


async def job(name, seconds):
    try:
        await asyncio.sleep(seconds)
        return name
    except asyncio.CancelledError:
        print(f"{name} cancelled at {now()}")
        raise


async def main():
    print("quick:", await asyncio.wait_for(job("quick", 0.5), timeout=1.0), f"at {now()}")
    try:
        await asyncio.wait_for(job("slow", 5.0), timeout=1.0)
    except TimeoutError:
        print(f"slow timed out at {now()}")
    print("no timeout:", await asyncio.wait_for(job("patient", 2.0), timeout=None), f"at {now()}")


asyncio.run(main())
