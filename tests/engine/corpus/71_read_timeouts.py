# Timeouts on I/O: a read the server never answers, bounded by asyncio.timeout and by wait_for,
# ends with TimeoutError when its time is up and leaves the connection usable for what the server
# sends later; wait_for also bounds open_connection.
# native: real
import asyncio


async def main():
    answer = asyncio.Event()

    async def handle(reader, writer):
        await reader.readline()
        await answer.wait()
        writer.write(b"late answer\n")
        await writer.drain()
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), timeout=5)
    print("wait_for(open_connection) connected")
    writer.write(b"question\n")
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.timeout(0.2):
            await reader.readline()
    except TimeoutError:
        print("asyncio.timeout: TimeoutError after", round(loop.time() - start, 1), "s")
    try:
        await asyncio.wait_for(reader.readline(), timeout=0.1)
    except TimeoutError:
        print("wait_for: TimeoutError, no data within 0.1 s")
    print("asyncio.TimeoutError is TimeoutError:", asyncio.TimeoutError is TimeoutError)
    answer.set()
    print("then:", (await reader.readline()).decode().strip())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
