"""Ten thousand clients at once

A server handles each client by waiting 0.5 s for its request and 0.5 s to
send the reply, so one client alone takes 1 s. Because every handler awaits
while it waits, the loop serves 10,000 clients concurrently in about the same
time. On a real computer it takes a little more than 1 s, because creating
and switching 10,000 tasks costs real time; on Loopscope's virtual clock that
costs nothing, so it shows exactly 1.000.

Bookmarks:
    when "one client alone: 1.000 s" is printed -> next: 10,000 handlers start in one go
    at the end -> 10,000 clients took as long as one
"""
import asyncio
import time

CLIENTS = 10_000


async def handle(client):
    await asyncio.sleep(0.5)  # wait for the client's request
    answer = client * 2  # the work itself is tiny
    await asyncio.sleep(0.5)  # wait while the reply goes out
    return answer


async def main():
    start = time.perf_counter()
    await handle(0)
    print(f"one client alone: {time.perf_counter() - start:.3f} s")

    start = time.perf_counter()
    answers = await asyncio.gather(*(handle(client) for client in range(CLIENTS)))
    print(f"{len(answers)} clients together: {time.perf_counter() - start:.3f} s")


asyncio.run(main())
