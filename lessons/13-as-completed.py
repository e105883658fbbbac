"""as_completed: handle results as they arrive

asyncio.as_completed takes several awaitables and hands them back in the order
they finish, so each result can be used as soon as it is ready. gather, by
contrast, waits for all of them and keeps the order you gave. Here the small
photo is shown after 1 s, without waiting 3 s for the big file.

Bookmarks:
    when "photo.jpg arrived" is printed -> the fastest download is handled first
    when "gather: ['big.iso', 'photo.jpg', 'song.mp3']" is printed -> gather waited for the slowest and kept the given order

Questions:
    when "photo.jpg arrived" is printed -> big.iso (3 s), photo.jpg (1 s) and song.mp3 (2 s) download at once. Which arrives first? -> big.iso | *photo.jpg | song.mp3 -> as_completed yields in finishing order, and photo.jpg's 1 s timer is the earliest deadline.
    when "gather: ['big.iso', 'photo.jpg', 'song.mp3']" is printed -> What list does gather return? -> *['big.iso', 'photo.jpg', 'song.mp3'] | ['photo.jpg', 'song.mp3', 'big.iso'] -> gather keeps the order of its arguments, whatever order they finish in.
"""
import asyncio
import time

START = time.perf_counter()


def now():
    """Seconds since the program started, to the millisecond."""
    return f"{time.perf_counter() - START:.3f}"


async def download(name, seconds):
    await asyncio.sleep(seconds)
    return name


async def main():
    # Tasks, not bare coroutines: as_completed keeps what it gets in a set, so bare
    # coroutines would become tasks in an order that changes from run to run.
    downloads = [
        asyncio.create_task(download(name, seconds), name=name)
        for name, seconds in [("big.iso", 3), ("photo.jpg", 1), ("song.mp3", 2)]
    ]
    for next_done in asyncio.as_completed(downloads):  # in finishing order
        name = await next_done
        print(f"{now()} {name} arrived")

    names = await asyncio.gather(download("big.iso", 3), download("photo.jpg", 1), download("song.mp3", 2))
    print(f"{now()} gather: {names}")


asyncio.run(main())
