# Backpressure: a 16 MB write does not fit in the socket buffers, so most of it waits in the
# transport's write buffer, far above the high-water mark; drain() then waits until the slow
# reader (64 KB at a time, with a pause every read) has taken enough of it. Then 1 MiB written
# in 64 KiB chunks, awaiting drain() after each, to a reader that sleeps 10 ms per 32 KiB read:
# every byte arrives.
# native: real
import asyncio
import hashlib

SIZE = 16 * 1024 * 1024
CHUNK = 64 * 1024


async def main():
    may_read = asyncio.Event()
    received = asyncio.get_running_loop().create_future()

    async def slow_reader(reader, writer):
        await may_read.wait()
        digest = hashlib.sha256()
        total = reads = 0
        while chunk := await reader.read(65536):
            digest.update(chunk)
            total += len(chunk)
            reads += 1
            await asyncio.sleep(0)
        received.set_result((total, digest.hexdigest()[:16], reads >= SIZE // 65536))
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(slow_reader, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    low, high = writer.transport.get_write_buffer_limits()
    print("write buffer limits: low", low, "high", high)
    data = bytes(range(256)) * (SIZE // 256)
    writer.write(data)
    waiting = writer.transport.get_write_buffer_size()
    print("buffered in the transport after write():", waiting > high)
    print("the socket took part of it:", 0 < SIZE - waiting < SIZE)
    may_read.set()
    await writer.drain()
    print("after drain(): at most the high-water mark left:", writer.transport.get_write_buffer_size() <= high)
    writer.write_eof()
    total, digest, many_reads = await received
    print("reader got", total, "bytes, sha256", digest, "in many reads:", many_reads)
    print("same as sent:", digest == hashlib.sha256(data).hexdigest()[:16])
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    await chunks_with_drain()


async def chunks_with_drain():
    done = asyncio.get_running_loop().create_future()

    async def sleepy_reader(reader, writer):
        received = 0
        while data := await reader.read(32 * 1024):
            received += len(data)
            await asyncio.sleep(0.01)
        done.set_result(received)
        writer.close()

    server = await asyncio.start_server(sleepy_reader, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    payload = bytes(range(256)) * (CHUNK // 256)
    for _ in range(16):
        writer.write(payload)
        await writer.drain()
    writer.write_eof()
    print("drain() after each chunk: received", await done, "of", 16 * CHUNK)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
