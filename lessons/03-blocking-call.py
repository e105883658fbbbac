"""One blocking call stalls every task

A heartbeat task wants to tick every 0.5 s. At 0.75 s the report task calls
time.sleep(1.5), a blocking call: the loop cannot take control back until it
returns, so no other task runs and the tick due at 1.0 s comes at 2.25 s.
A long computation (a CPU loop without await) stalls the loop the same way.

Bookmarks:
    when "report: calling time.sleep(1.5)" is printed -> the report task blocks the whole loop from here
    when "tick 2 (due at 1.000)" is printed -> the loop is free again: the late tick runs 1.25 s after it was due
"""
import asyncio
import time

START = time.perf_counter()


def now():
    """Seconds since the program started, to the millisecond."""
    return f"{time.perf_counter() - START:.3f}"


async def heartbeat():
    for n in range(1, 5):
        due = time.perf_counter() - START + 0.5  # when this tick should come
        await asyncio.sleep(0.5)  # an await: other tasks can run meanwhile
        print(f"{now()} tick {n} (due at {due:.3f})")


async def report():
    await asyncio.sleep(0.75)
    print(f"{now()} report: calling time.sleep(1.5)")
    time.sleep(1.5)  # no await: the loop (and every other task) is stuck here
    print(f"{now()} report: done")


async def main():
    await asyncio.gather(heartbeat(), report())


asyncio.run(main())
