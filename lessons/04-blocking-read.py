"""Every wait needs a non-blocking version

Writing async def is not enough: a blocking socket read inside it still stops
the whole loop. Here each task downloads a page that example.com answers
after 1 s. Two blocking downloads run one after the other, while the
same blocking code sent to a worker thread with asyncio.to_thread, or an
awaited asyncio stream, lets both wait together.

Bookmarks:
    when "A: reply" is printed -> B could not even send its request while A was blocked
    when "D: request sent" is printed -> with to_thread, both blocking downloads run in worker threads at once
    when task F waits -> an asyncio stream: the task waits on its socket and the loop stays free
    at the end -> blocking took twice as long; to_thread and the stream took as long as one download

Questions:
    when "A: reply" is printed -> A and B are in the run queue; A downloads with a blocking socket. When does B send its request? -> at 0 s, while A waits | *at 1.21 s, after A's reply | at 2.42 s -> download_blocking never awaits, so A keeps the loop until its reply is in and B runs only then.
    when "D: request sent" is printed -> C has handed its blocking download to a worker thread with to_thread. When does D send its request? -> *at once, at 2.42 s | after C's reply, at 3.63 s -> to_thread blocks a worker thread, not the loop: C awaits, so the loop runs D at once.
"""
import asyncio
import socket
import time

START = time.perf_counter()
REQUEST = b"GET /delay/1 HTTP/1.1\r\nHost: example.com\r\n\r\n"


def now():
    """Seconds since the program started, to the millisecond."""
    return f"{time.perf_counter() - START:.3f}"


def download_blocking():
    # An ordinary socket: connect and recv block the thread that calls them.
    sock = socket.create_connection(("example.com", 80))
    sock.sendall(REQUEST)
    while sock.recv(4096):  # an empty chunk: the server has closed
        pass
    sock.close()


async def fetch_blocking(name):
    print(f"{now()} {name}: request sent")
    download_blocking()  # blocks the loop, and so every task, until it returns
    print(f"{now()} {name}: reply")


async def fetch_in_thread(name):
    print(f"{now()} {name}: request sent")
    await asyncio.to_thread(download_blocking)  # blocks a worker thread, not the loop
    print(f"{now()} {name}: reply")


async def fetch_stream(name):
    print(f"{now()} {name}: request sent")
    reader, writer = await asyncio.open_connection("example.com", 80)
    writer.write(REQUEST)
    await reader.read()  # only this task waits
    writer.close()
    print(f"{now()} {name}: reply")


async def run_both(fetch, first, second):
    await asyncio.gather(
        asyncio.create_task(fetch(first), name=first),
        asyncio.create_task(fetch(second), name=second),
    )


async def main():
    print("blocking reads inside async functions:")
    await run_both(fetch_blocking, "A", "B")
    print("the same blocking reads through asyncio.to_thread:")
    await run_both(fetch_in_thread, "C", "D")
    print("awaited reads on asyncio streams:")
    await run_both(fetch_stream, "E", "F")


asyncio.run(main())
