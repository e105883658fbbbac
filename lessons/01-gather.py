"""Three tasks share one loop with asyncio.gather

asyncio.gather starts a, b and c together, and each one pauses at its sleep
so the loop can run the others. They finish in order of their sleep times
(b after 0.1 s, a after 0.2 s, c after 0.3 s), not in the order they started.
gather still returns the results in the order you passed the coroutines in.

Bookmarks:
    when "c: started" is printed -> all three have started before any of them finishes
    when "b: finished" is printed -> watch: b finishes first although it started second
    at the end -> the whole run took 0.3 s, the longest sleep, not 0.6 s

Questions:
    when "b: finished" is printed -> a, b and c are all asleep. Which one prints "finished" first? -> a | *b | c -> b's timer, 0.1 s, is the earliest deadline, so b wakes first although it started second.
    at the end -> How long does the whole run take on the virtual clock? -> 0.1 s | *0.3 s | 0.6 s -> The three sleeps overlap, so the run takes as long as the longest one (0.3 s), not their sum.
"""
import asyncio


async def a():
    print("a: started")
    await asyncio.sleep(0.2)  # pause here; the loop runs other tasks meanwhile
    print("a: finished")
    return "a"


async def b():
    print("b: started")
    await asyncio.sleep(0.1)  # the shortest sleep: b wakes up first
    print("b: finished")
    return "b"


async def c():
    print("c: started")
    await asyncio.sleep(0.3)  # the longest sleep: c wakes up last
    print("c: finished")
    return "c"


async def main():
    # gather wraps each coroutine in a task, runs them concurrently and waits
    # for all of them; the results come back in argument order.
    result = await asyncio.gather(a(), b(), c())
    print("Result:", result)


asyncio.run(main())
