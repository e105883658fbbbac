"""Backpressure: drain() makes a fast writer wait

A writer sends 16 chunks of 64 KiB to a reader that spends 0.125 s on each
chunk. write() only puts bytes in a buffer, and awaiting drain() pauses the
writer while the buffers between the two are full, so the writer cannot run
ahead of the reader by more than the buffers hold. Real computers have larger
socket buffers than the virtual 64 KiB, so there the writer finishes sooner.

Bookmarks:
    when line 46 runs -> watch: after four chunks the writer waits in drain(): the buffers are full
    when "writer: sent 1048576 bytes" is printed -> the writer is done while the reader still has chunks to read
    at the end -> the reader set the pace: 16 chunks x 0.125 s = 2 s

Questions:
    when "writer: sent 1048576 bytes" is printed -> The writer sends 16 chunks of 64 KiB; the reader handles one per 0.125 s, 2 s in all. When is the writer done? -> at 0 s, since write() only buffers | *at 1.25 s, before the reader is done | at 2 s, with the reader -> drain() makes the writer wait while the buffers are full, so it stays only a few chunks ahead of the reader.
    at the end -> How long does the whole transfer take? -> about 0.1 s | 1.25 s | *2 s -> The slow reader sets the pace: 16 chunks x 0.125 s = 2 s.
"""
import asyncio
import time

CHUNK = 64 * 1024
CHUNKS = 16
START = time.perf_counter()
finished = asyncio.Event()  # set when the reader has everything


def now():
    """Seconds since the program started, to the millisecond."""
    return f"{time.perf_counter() - START:.3f}"


async def slow_reader(reader, writer):
    received = 0
    while chunk := await reader.read(CHUNK):  # an empty chunk: the writer has closed
        received += len(chunk)
        await asyncio.sleep(0.125 * len(chunk) / CHUNK)  # the slow part: handling the data
    print(f"{now()} reader: got {received} bytes")
    writer.close()
    finished.set()


async def fast_writer(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for _ in range(CHUNKS):
        writer.write(b"x" * CHUNK)  # only buffers the bytes
        await writer.drain()  # waits while the buffers are full
    print(f"{now()} writer: sent {CHUNK * CHUNKS} bytes")
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(slow_reader, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    await asyncio.create_task(fast_writer(port), name="writer")
    await finished.wait()
    server.close()
    await server.wait_closed()


asyncio.run(main())
