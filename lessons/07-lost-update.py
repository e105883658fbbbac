"""No locks needed... until an update spans an await

Only one task runs at a time, so a plain balance += 100 is safe. But when a
task reads the balance, awaits, and then writes, the other tasks read the same
old value while it waits, and two of the three deposits are lost. An
asyncio.Lock around the read, the await and the write makes the tasks take
turns, and all three deposits arrive.

Bookmarks:
    when "without a lock: balance 100 (expected 300)" is printed -> three deposits of 100, yet the balance is only 100
    when "with a lock: balance 300" is printed -> the lock made each deposit wait for the one before

Questions:
    when "without a lock: balance 100 (expected 300)" is printed -> Three deposits of 100 each read the balance, sleep, then write. What balance is printed? -> 300 | 200 | *100 -> All three read 0 before any of them wrote, so each writes 0 + 100 and two deposits are lost.
    when "with a lock: balance 300" is printed -> Now each deposit holds an asyncio.Lock around its read, sleep and write. What balance is printed? -> 100 | 200 | *300 -> The lock makes each deposit wait until the one before has written, so every read sees the latest balance.
"""
import asyncio

balance = 0


async def deposit(amount):
    global balance
    current = balance  # 1. read
    await asyncio.sleep(0.25)  # 2. wait (say, for a fraud check): others run now
    balance = current + amount  # 3. write, based on an old read


async def deposit_with_lock(lock, amount):
    global balance
    async with lock:  # only one task at a time gets past this line
        current = balance
        await asyncio.sleep(0.25)
        balance = current + amount


async def main():
    global balance
    await asyncio.gather(deposit(100), deposit(100), deposit(100))
    print(f"without a lock: balance {balance} (expected 300)")

    balance = 0
    lock = asyncio.Lock()
    await asyncio.gather(*(deposit_with_lock(lock, 100) for _ in range(3)))
    print(f"with a lock: balance {balance}")


asyncio.run(main())
