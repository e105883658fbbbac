"""Sync vs async, part 2: waiting concurrently

The same three waits of 3 s, 1 s and 1 s, now as tasks that await
asyncio.sleep, so all three wait at the same time and the run takes 3 s.
On a real computer it takes a bit over 3 s, because starting tasks and
switching between them costs a few microseconds each. Loopscope's virtual
clock only moves while every task is waiting, so here it is exactly 3.000.

Compare with: 02a-sync-waits

Bookmarks:
    when "third: waiting 1 s" is printed -> all three jobs are waiting at once
    at t=1 -> both one-second jobs wake together, in the order they went to sleep
    at the end -> the run takes as long as the longest wait: 3 s, not 5 s
"""
import asyncio
import time


async def job(name, seconds):
    print(f"{name}: waiting {seconds} s")
    await asyncio.sleep(seconds)  # pauses only this task; the loop runs the others
    print(f"{name}: done")


async def main():
    start = time.perf_counter()
    await asyncio.gather(job("first", 3), job("second", 1), job("third", 1))
    # perf_counter measures elapsed time; 3 decimals show milliseconds.
    print(f"elapsed {time.perf_counter() - start:.3f} s")


asyncio.run(main())
