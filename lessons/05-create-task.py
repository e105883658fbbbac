"""create_task, then await

Awaiting one coroutine after another runs them in sequence: toast starts only
when the coffee is ready, 3 s in all. asyncio.create_task hands a coroutine to
the loop at once, so both wait together and the breakfast is ready in 2 s. A
new task starts running at the creator's next await, not at create_task itself.

Bookmarks:
    when "toast: start" is printed -> awaited one after another: the toast waited for the coffee
    when "with create_task:" is printed -> two tasks are created but have not run yet
    at t=4 -> the toast task is done while the coffee task is still waiting

Questions:
    when "toast: start" is printed -> main awaits make("coffee", 2) directly. When does the toast start? -> at 0 s, with the coffee | *at 2 s, when the coffee is ready -> Awaiting a coroutine runs it to its end inside main: nothing else is scheduled until it returns.
    at t=4 -> With create_task both start at 3 s: the coffee takes 2 s, the toast 1 s. Which is ready first? -> coffee | *toast -> The toast's timer (4 s) comes before the coffee's (5 s), whatever order the tasks were created in.
"""
import asyncio
import time

START = time.perf_counter()


def now():
    """Seconds since the program started, to the millisecond."""
    return f"{time.perf_counter() - START:.3f}"


async def make(name, seconds):
    print(f"{now()} {name}: start")
    await asyncio.sleep(seconds)
    print(f"{now()} {name}: ready")


async def main():
    print("one after another:")
    await make("coffee", 2)  # main waits here until the coffee is ready
    await make("toast", 1)

    print("with create_task:")
    coffee = asyncio.create_task(make("coffee", 2), name="coffee")
    toast = asyncio.create_task(make("toast", 1), name="toast")
    await coffee  # main pauses; now both tasks get to run
    await toast  # already done by now, so this returns at once


asyncio.run(main())
