"""Timeouts: wait_for and asyncio.timeout

asyncio.wait_for(work, timeout) waits for one awaitable and cancels it if it
takes longer than the timeout; the caller gets a TimeoutError. async with
asyncio.timeout(seconds) puts one deadline on a whole block of awaits. A reply
that comes in time passes straight through either one.

Bookmarks:
    at t=1 -> the 1 s timeout fires: the 2 s reply is cancelled half way
    when "timeout: gave up on the block" is printed -> the block's deadline (2.5 s) cut its second await short

Questions:
    at t=1 -> wait_for(reply(2), timeout=1) is waiting. What happens at 1 s? -> the reply arrives | *wait_for gives up and cancels the reply | nothing: it waits the full 2 s -> The 1 s timeout fires before the 2 s sleep ends, so wait_for cancels the inner task and raises TimeoutError.
    at t=2.5 -> The asyncio.timeout(1.5) block began at 1.0 s, and its first reply took 0.5 s. When does the block give up? -> at 1.5 s | *at 2.5 s | at 3.5 s -> The block's deadline is 1.0 + 1.5 = 2.5 s, which cuts its second 2 s await short.
"""
import asyncio
import time

START = time.perf_counter()


def now():
    """Seconds since the program started, to the millisecond."""
    return f"{time.perf_counter() - START:.3f}"


async def reply(seconds):
    await asyncio.sleep(seconds)  # a server that needs `seconds` to answer
    return f"reply after {seconds} s"


async def main():
    # wait_for: one awaitable, one timeout.
    try:
        await asyncio.wait_for(reply(2), timeout=1)
    except TimeoutError:
        print(f"{now()} wait_for: gave up after 1 s")

    # asyncio.timeout: one deadline, 1.5 s from now, for everything in the block.
    try:
        async with asyncio.timeout(1.5):
            answer = await reply(0.5)
            print(f"{now()} timeout: {answer}")
            answer = await reply(2)  # would end after the deadline
            print(f"{now()} timeout: {answer}")
    except TimeoutError:
        print(f"{now()} timeout: gave up on the block")

    # In time: the result comes through as if there were no timeout.
    answer = await asyncio.wait_for(reply(0.25), timeout=1)
    print(f"{now()} wait_for: {answer}")


asyncio.run(main())
