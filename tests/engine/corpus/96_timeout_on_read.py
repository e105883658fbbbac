# native: real
# asyncio.timeout around a read from a server that never answers: TimeoutError after 0.5 s,
# and the connection is still usable for what the server sends later.
import asyncio


async def handle(reader, writer):
    await asyncio.sleep(1)
    writer.write(b"late answer\n")
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    loop = asyncio.get_running_loop()
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    start = loop.time()
    try:
        async with asyncio.timeout(0.5):
            await reader.readline()
    except TimeoutError:
        print("timed out after", round(loop.time() - start, 1), "s")
    print("then:", (await reader.readline()).decode().strip())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
