"""A thousand clients at once

A real server on this computer answers each client's request line, and every
message on the network takes 0.05 s to arrive, so one client alone needs
0.2 s: connecting takes a round trip, the request and its reply another. The
server's handler awaits while it waits for a request, so the loop serves 1,000
clients concurrently in about the same time. On a real computer the network
inside one machine is much faster than 0.05 s, so there both times are smaller.

Bookmarks:
    when task one-client waits -> the client waits on its socket, not on a timer
    when "one client alone: 0.200 s" is printed -> next: 1,000 clients connect in one go
    at the end -> 1,000 clients took about as long as one

Questions:
    when task one-client waits -> The client calls open_connection. What does it wait on? -> a timer | *its socket | the server task -> A network wait is I/O: the loop's selector wakes the task when its socket is ready.
    when "1000 clients together: 0.200 s" is printed -> One client alone took 0.2 s. How long do 1,000 clients take together? -> *about 0.2 s | about 20 s | about 200 s -> All 1,000 wait on their sockets at the same time and the loop serves whichever is ready, so the waits overlap.
"""
# loopscope: latency loopback=0.05
import asyncio
import time

CLIENTS = 1_000


async def handle(reader, writer):
    request = await reader.readline()  # wait for the client's request line
    writer.write(request.upper())  # the work itself is tiny
    await writer.drain()
    writer.close()


async def client(port, n):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"hello {n}\n".encode())
    reply = await reader.readline()  # wait for the server's answer
    writer.close()
    return reply


async def main():
    # Port 0: the system picks a free port; backlog: room for every client at once.
    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=CLIENTS)
    port = server.sockets[0].getsockname()[1]

    start = time.perf_counter()
    await asyncio.create_task(client(port, 0), name="one-client")
    print(f"one client alone: {time.perf_counter() - start:.3f} s")

    start = time.perf_counter()
    replies = await asyncio.gather(*(client(port, n) for n in range(CLIENTS)))
    print(f"{len(replies)} clients together: {time.perf_counter() - start:.3f} s")
    print(f"last reply: {replies[-1].decode().strip()}")
    server.close()
    await server.wait_closed()


asyncio.run(main())
