"""await asyncio.sleep(0) is a switch point

The loop can only switch tasks at an await, so two counting tasks with no await
in their loop run one after the other. await asyncio.sleep(0) waits for no time
at all but still hands control back to the loop, which runs the other ready
task first. With it, the two tasks take turns.

Bookmarks:
    when "b 1" is printed -> without a switch point, b starts only when a has finished
    when "with await asyncio.sleep(0):" is printed -> the same tasks, now with a switch point in each round
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
