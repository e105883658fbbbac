"""One blocking call stalls every task

A heartbeat task wants to tick every 0.5 s. At 0.75 s the report task calls
time.sleep(1.5), a blocking call: the loop cannot take control back until it
returns, so no other task runs and the tick due at 1.0 s comes at 2.25 s.
A long computation (a CPU loop without await) stalls the loop the same way.

Bookmarks:
    when "report: calling time.sleep(1.5)" is printed -> the report task blocks the whole loop from here
    when "tick 2 (due at 1.000)" is printed -> the loop is free again: the late tick runs 1.25 s after it was due

Questions:
    when "report: calling time.sleep(1.5)" is printed -> The heartbeat ticks every 0.5 s, and report is about to call time.sleep(1.5) at 0.75 s. How many ticks print while report sleeps? -> *none | one | three -> time.sleep does not await: the loop cannot run the heartbeat until it returns at 2.25 s.
    when "tick 2 (due at 1.000)" is printed -> Tick 2 was due at 1.0 s, but report blocked the loop from 0.75 s. When does tick 2 print? -> at 1.0 s, on time | *at 2.25 s, when time.sleep returns | at 2.75 s -> time.sleep held the loop until 2.25 s; only then could the heartbeat's overdue timer run.
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
