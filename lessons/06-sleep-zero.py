"""await asyncio.sleep(0) is a switch point

The loop can only switch tasks at an await, so two counting tasks with no await
in their loop run one after the other. await asyncio.sleep(0) waits for no time
at all but still hands control back to the loop, which runs the other ready
task first. With it, the two tasks take turns.

Bookmarks:
    when "b 1" is printed -> without a switch point, b starts only when a has finished
    when "with await asyncio.sleep(0):" is printed -> the same tasks, now with a switch point in each round

Questions:
    when "a 2" is printed -> a and b are in the run queue, and count() has no await in its loop. What is printed right after "a 1"? -> *a 2 | b 1 -> Without an await a never gives the loop back, so it prints all three lines before b runs at all.
    when "with await asyncio.sleep(0):" is printed -> Next, each round of count() awaits asyncio.sleep(0). In which order do the six lines come? -> a 1, a 2, a 3, b 1, b 2, b 3 | *a 1, b 1, a 2, b 2, a 3, b 3 | b 1, a 1, b 2, a 2, b 3, a 3 -> sleep(0) sends a to the back of the run queue, behind b, so the two take turns.
"""
import asyncio


async def count(name, switch):
    for i in range(1, 4):
        print(f"{name} {i}")
        if switch:
            await asyncio.sleep(0)  # go to the back of the ready queue


async def main():
    print("without a switch point:")
    await asyncio.gather(count("a", False), count("b", False))
    print("with await asyncio.sleep(0):")
    await asyncio.gather(count("a", True), count("b", True))


asyncio.run(main())
