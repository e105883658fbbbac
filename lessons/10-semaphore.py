"""A Semaphore limits how many tasks run at once

Six downloads of 1 s each start together, but a server may allow only two
connections per client. asyncio.Semaphore(2) lets two tasks into the
async with block and makes the others wait until one leaves. So the downloads
go in three rounds of two and take 3 s.

Bookmarks:
    when "file 3: waiting for a free slot" is printed -> two slots are taken: the other four wait on the semaphore
    at t=1 -> two downloads finish and two waiting tasks get their slots

Questions:
    when "file 3: waiting for a free slot" is printed -> The semaphore has 2 slots and files 1 and 2 hold them. What does file 3 print? -> file 3: downloading | *file 3: waiting for a free slot -> Both slots are taken, so slots.locked() is true and file 3 will wait at async with slots.
    at t=1 -> Files 3 to 6 wait for a slot; files 1 and 2 sleep 1 s. Which files start downloading at 1 s? -> *file 3 and file 4 | file 5 and file 6 | all four -> Each finished download frees one slot, and the semaphore hands slots to its waiters first come, first served.
"""
import asyncio
import time

START = time.perf_counter()


def now():
    """Seconds since the program started, to the millisecond."""
    return f"{time.perf_counter() - START:.3f}"


async def download(name, slots):
    if slots.locked():  # no slot free right now
        print(f"{now()} {name}: waiting for a free slot")
    async with slots:  # takes a slot, or waits for one
        print(f"{now()} {name}: downloading")
        await asyncio.sleep(1)
    # Leaving the block frees the slot for the next waiting task.


async def main():
    slots = asyncio.Semaphore(2)  # at most two downloads at a time
    await asyncio.gather(*(download(f"file {n}", slots) for n in range(1, 7)))
    print(f"{now()} all downloads done")


asyncio.run(main())
