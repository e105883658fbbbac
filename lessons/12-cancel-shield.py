"""Cancellation and shield

task.cancel() raises CancelledError inside the task at the await where it is
paused, so it can clean up and stop. asyncio.shield(task) protects the work
from the cancellation of the one who waits for it: the waiter gives up, the
shielded task goes on and can still be awaited later.

Bookmarks:
    when "draft: cancelled while saving" is printed -> CancelledError arrived at the draft's await
    when "main: stopped waiting for the invoice" is printed -> wait_for gave up, but the shield kept the invoice task alive
    when "invoice: saved" is printed -> the shielded task finished its work

Questions:
    when "draft: cancelled while saving" is printed -> main calls draft.cancel() at 0.5 s while the draft sleeps 1 s. What does the draft print? -> draft: saved | *draft: cancelled while saving -> cancel() throws CancelledError into the draft at its await, so its except block runs.
    when "invoice: saved" is printed -> wait_for gave up on the shielded invoice at 1.0 s. What happens to the invoice task? -> it was cancelled at 1.0 s | *it finishes saving at 1.5 s -> shield protects the inner task: wait_for cancels only the shield around it.
"""
import asyncio
import time

START = time.perf_counter()


def now():
    """Seconds since the program started, to the millisecond."""
    return f"{time.perf_counter() - START:.3f}"


async def save(name):
    print(f"{now()} {name}: saving")
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(f"{now()} {name}: cancelled while saving")
        raise  # let the cancellation finish the task
    print(f"{now()} {name}: saved")
    return name


async def main():
    # 1. Cancel a task half way.
    draft = asyncio.create_task(save("draft"), name="draft")
    await asyncio.sleep(0.5)
    draft.cancel()
    try:
        await draft
    except asyncio.CancelledError:
        print(f"{now()} main: the draft task was cancelled")

    # 2. Shield a task: the timeout cancels only the shield, not the task.
    invoice = asyncio.create_task(save("invoice"), name="invoice")
    try:
        await asyncio.wait_for(asyncio.shield(invoice), timeout=0.5)
    except TimeoutError:
        print(f"{now()} main: stopped waiting for the invoice")
    name = await invoice  # the task went on: wait for it to finish
    print(f"{now()} main: got {name}")


asyncio.run(main())
