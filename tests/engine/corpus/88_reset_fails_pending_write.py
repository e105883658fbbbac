# native: real
# A client's transport still holds most of a 16 MB write when the server closes the connection
# without reading it: the reset fails the pending write, so the client's close completes and
# wait_closed() raises ConnectionResetError instead of waiting forever.
import asyncio


async def handle(reader, writer):
    await asyncio.sleep(0.5)
    print("server closes without reading")
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"x" * 16 * 1024 * 1024)
    try:
        async with asyncio.timeout(0.1):
            await writer.drain()
    except TimeoutError:
        print("drain timed out, still buffered:", writer.transport.get_write_buffer_size() > 0)
    writer.close()
    try:
        await writer.wait_closed()
        print("closed")
    except OSError as error:
        print("closed with", type(error).__name__)
    server.close()
    await server.wait_closed()


asyncio.run(main())
