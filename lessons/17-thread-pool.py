"""A pool of 32 threads vs 1,000 async tasks

Each of 1,000 downloads from example.com waits 1 s for its page. A thread
pool of 32 workers runs 32 blocking downloads at a time, so the others queue
and the whole batch takes 32 rounds. Async tasks need no worker each: all
1,000 wait together on one loop and the batch takes about as long as one
download.

Bookmarks:
    at t=1.21 -> the first 32 pages are back; the other downloads still wait for a free worker
    when "threads: 1000 pages" is printed -> 32 workers, 32 rounds of a bit over a second each
    at the end -> 1,000 tasks on one thread took as long as one download

Questions:
    when "threads: 1000 pages" is printed -> 1,000 one-second downloads run on a pool of 32 worker threads. How long do they take? -> about 1.2 s | *about 38.7 s | about 1,000 s -> 32 at a time means 32 rounds of a bit over a second each.
    when "async tasks: 1000 pages" is printed -> Now 1,000 asyncio tasks download the same pages on one thread. How long do they take? -> *about 1.2 s | about 38.7 s -> Every task waits on its own socket at the same time, so all of them take about as long as one download.
"""
import asyncio
import socket
import time
from concurrent.futures import ThreadPoolExecutor

DOWNLOADS = 1_000
REQUEST = b"GET /delay/1 HTTP/1.1\r\nHost: example.com\r\n\r\n"


def download_blocking(n):
    sock = socket.create_connection(("example.com", 80))
    sock.sendall(REQUEST)
    while sock.recv(4096):  # an empty chunk: the server has closed
        pass
    sock.close()
    return n


async def download(n):
    reader, writer = await asyncio.open_connection("example.com", 80)
    writer.write(REQUEST)
    await reader.read()
    writer.close()
    return n


async def main():
    loop = asyncio.get_running_loop()
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=32) as pool:
        jobs = [loop.run_in_executor(pool, download_blocking, n) for n in range(DOWNLOADS)]
        pages = await asyncio.gather(*jobs)
    print(f"threads: {len(pages)} pages in {time.perf_counter() - start:.3f} s")

    start = time.perf_counter()
    pages = await asyncio.gather(*(download(n) for n in range(DOWNLOADS)))
    print(f"async tasks: {len(pages)} pages in {time.perf_counter() - start:.3f} s")


asyncio.run(main())
