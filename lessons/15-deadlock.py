"""A deadlock: two tasks wait for each other

Alice locks the savings account and then wants checking; Bob locks checking
and then wants savings. Each waits for a lock the other holds, forever. Real
Python just hangs with no error, while Loopscope sees that no task is ready
and no timer is set, ends the run and says who waits on what.

Bookmarks:
    when "bob: locked checking" is printed -> each task now holds one lock
    at the end -> deadlock: both tasks wait on a lock the other one holds

Questions:
    when "bob: locked checking" is printed -> alice has locked savings and sleeps. Can bob lock checking now? -> *yes, at once | no, he waits for alice -> Each task takes a different lock first, so neither waits yet.
    at the end -> alice waits for checking and bob waits for savings. How does this run end? -> normally | with an exception | *in a deadlock -> Each task waits on a lock the other holds: nothing is ready and no timer is set, so the loop can never go on.
"""
import asyncio


async def transfer(who, first, second):
    first_name, first_lock = first
    second_name, second_lock = second
    async with first_lock:
        print(f"{who}: locked {first_name}")
        await asyncio.sleep(0.25)  # meanwhile the other task takes its first lock
        print(f"{who}: waiting for {second_name}")
        # Neither task gets past the next line: the other one holds that lock.
        async with second_lock:
            print(f"{who}: moved the money")


async def main():
    savings = ("savings", asyncio.Lock())
    checking = ("checking", asyncio.Lock())
    alice = asyncio.create_task(transfer("alice", savings, checking), name="alice")
    bob = asyncio.create_task(transfer("bob", checking, savings), name="bob")
    await asyncio.gather(alice, bob)  # waits forever: neither can finish
    # Fix: take the locks in the same order in every task.


asyncio.run(main())
