"""Every wait needs a non-blocking version

Writing async def is not enough: a blocking read inside it still stops the
whole loop. Here time.sleep stands for a blocking read such as requests.get or
socket.recv, and asyncio.sleep for its awaitable version such as an aiohttp
request or an asyncio stream. Two blocking reads take 2 s one after the other,
while two awaited reads wait together and take 1 s.

Bookmarks:
    when "A: reply" is printed -> B could not even send its request while A was blocked
    when "D: request sent" is printed -> with awaited reads, both requests are out at once
"""
import asyncio
import time

START = time.perf_counter()


def now():
    """Seconds since the program started, to the millisecond."""
    return f"{time.perf_counter() - START:.3f}"


async def fetch_blocking(name):
    print(f"{now()} {name}: request sent")
    time.sleep(1)  # like requests.get(): blocks the loop for the whole second
    print(f"{now()} {name}: reply")


async def fetch_awaited(name):
    print(f"{now()} {name}: request sent")
    await asyncio.sleep(1)  # like an aiohttp request: only this task waits
    print(f"{now()} {name}: reply")


async def main():
    print("blocking reads inside async functions:")
    await asyncio.gather(fetch_blocking("A"), fetch_blocking("B"))
    print("awaited reads:")
    await asyncio.gather(fetch_awaited("C"), fetch_awaited("D"))


asyncio.run(main())
