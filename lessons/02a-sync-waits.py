"""Sync vs async, part 1: waiting in sequence

Three jobs wait 3 s, 1 s and 1 s with the ordinary, blocking time.sleep.
Each call holds the program until it returns, so the next job cannot even
start, and the waits add up to 5 s. Compare it with part 2, which does the
same waits with asyncio.

Compare with: 02b-async-waits

Bookmarks:
    when "second: waiting 1 s" is printed -> the second job starts only after the first has waited its full 3 s
    at the end -> 3 + 1 + 1: five seconds in sequence
"""
import time


def job(name, seconds):
    print(f"{name}: waiting {seconds} s")
    time.sleep(seconds)  # blocks: nothing else can happen meanwhile
    print(f"{name}: done")


start = time.perf_counter()
job("first", 3)
job("second", 1)
job("third", 1)
# perf_counter measures elapsed time; 3 decimals show milliseconds.
print(f"elapsed {time.perf_counter() - start:.3f} s")
