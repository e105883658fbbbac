"""An echo server, its clients and a worker thread

A real server started with asyncio.start_server answers three clients, and
every message takes 0.05 s to cross the network. While a request or a reply
is on its way, the task that waits for it waits on its socket and the loop
runs the others. The server hands each line to a worker thread for a slow,
blocking step (asyncio.to_thread), so the loop stays free while it works.

Bookmarks:
    when task ann waits -> ann waits on its socket while its connection is set up
    at t=0.15 -> the three request lines arrive: each handler wakes to read its own
    at t=0.25 -> the worker threads have finished: each handler gets its result and sends the reply
    at the end -> three clients were served in the time of one

Questions:
    at t=0.25 -> Each handler passes its line to a worker thread with to_thread, and shout sleeps 0.1 s. Do the handlers wait one after another? -> yes, 0.1 s each in turn | *no, the three threads work at the same time -> to_thread runs each call in its own worker thread, so the three 0.1 s sleeps overlap.
    at the end -> How long do 3 clients with 2 lines each take? -> about 1.5 s | *0.5 s, as long as one client | 0.1 s -> The clients and their worker threads overlap, so three clients are served in the time of one.
"""
# loopscope: latency loopback=0.05
import asyncio
import time


def shout(text):
    time.sleep(0.1)  # a slow, blocking step: it runs in a worker thread
    return text.upper()


async def handle(reader, writer):
    while line := await reader.readline():  # an empty line: the client has closed
        reply = await asyncio.to_thread(shout, line.decode())
        writer.write(reply.encode())
        await writer.drain()
    writer.close()


async def client(port, name):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    replies = []
    for word in ("hello", "bye"):
        writer.write(f"{word} from {name}\n".encode())
        replies.append((await reader.readline()).decode().strip())
    writer.close()
    await writer.wait_closed()
    return replies


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    start = time.perf_counter()
    tasks = [asyncio.create_task(client(port, name), name=name) for name in ("ann", "bob", "cat")]
    for replies in await asyncio.gather(*tasks):
        print(" / ".join(replies))
    print(f"3 clients, 2 lines each: {time.perf_counter() - start:.3f} s")
    server.close()
    await server.wait_closed()


asyncio.run(main())
