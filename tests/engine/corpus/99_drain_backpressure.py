# native: real
# drain() backpressure: the writer sends 1 MiB in 64 KiB chunks, awaiting drain() after each;
# the reader reads slowly (10 ms per 32 KiB). Every byte arrives.
import asyncio

CHUNK = 64 * 1024
TOTAL = 16 * CHUNK


async def slow_reader(reader, writer, done):
    received = 0
    checksum = 0
    while True:
        data = await reader.read(32 * 1024)
        if not data:
            break
        received += len(data)
        checksum = (checksum * 31 + sum(data)) % 1_000_003
        await asyncio.sleep(0.01)
    done.set_result((received, checksum))
    writer.close()


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    server = await asyncio.start_server(lambda r, w: slow_reader(r, w, done), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    payload = bytes(range(256)) * (CHUNK // 256)
    for i in range(TOTAL // CHUNK):
        writer.write(payload)
        await writer.drain()
    writer.write_eof()
    received, checksum = await done
    print("received", received, "of", TOTAL)
    writer.close()
    server.close()


asyncio.run(main())
