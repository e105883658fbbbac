"""TaskGroup: when one task fails, its siblings are cancelled

An async with asyncio.TaskGroup() block waits for every task created in it.
If one of them raises, the group cancels the others that are still running
and raises the error again as an ExceptionGroup when the block ends. Here a
finishes, b fails at 0.5 s, and c is cancelled instead of waiting its full 2 s.

Bookmarks:
    when "b: lost the connection" is printed -> b fails, and the group cancels c right away
    when "c: cancelled" is printed -> c never reaches the end of its sleep

Questions:
    when "a: finished" is printed -> a (0.25 s), b (0.5 s) and c (2 s) are asleep in the group. Which one wakes first? -> *a | b | c -> a's timer, 0.25 s, is the earliest deadline.
    when "c: cancelled" is printed -> b has raised ConnectionError at 0.5 s while c sleeps until 2 s. What happens to c? -> c finishes at 2 s | *c is cancelled at 0.5 s | c runs on after main has gone on -> When a task in a TaskGroup fails, the group cancels the others at once.
"""
import asyncio
import time

START = time.perf_counter()


def now():
    """Seconds since the program started, to the millisecond."""
    return f"{time.perf_counter() - START:.3f}"


async def fetch(name, seconds, fails=False):
    print(f"{now()} {name}: started")
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{now()} {name}: cancelled")
        raise  # always let a cancellation go on
    if fails:
        print(f"{now()} {name}: lost the connection")
        raise ConnectionError(f"{name} lost the connection")
    print(f"{now()} {name}: finished")


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(fetch("a", 0.25), name="a")
            group.create_task(fetch("b", 0.5, fails=True), name="b")
            group.create_task(fetch("c", 2), name="c")
    except* ConnectionError as errors:  # except* unpacks the ExceptionGroup
        for error in errors.exceptions:
            print(f"{now()} main: caught {error!r}")


asyncio.run(main())
