# A StreamReader holds at most `limit` bytes while it looks for a separator. A 100-byte line
# against limit=16 makes readuntil raise LimitOverrunError (the data stays in the buffer and can
# still be read) and readline raise ValueError. No newline is sent, so the message is the same
# however the bytes arrive.
# native: real
import asyncio

LINE = b"x" * 100


async def handle(reader, writer):
    writer.write(LINE)
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]

    reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=16)
    try:
        await reader.readuntil(b"\n")
    except asyncio.LimitOverrunError as error:
        print(type(error).__name__ + ":", error)
        print("consumed is past the limit:", error.consumed > 16)
    rest = await reader.read()
    print("the bytes were kept:", len(rest), rest == LINE)
    writer.close()
    await writer.wait_closed()

    reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=16)
    try:
        await reader.readline()
    except ValueError as error:
        print(type(error).__name__ + ":", error)
    writer.close()
    await writer.wait_closed()

    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print("default limit reads it:", len(await reader.read()))
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
