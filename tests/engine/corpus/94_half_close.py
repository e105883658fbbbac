# native: real
# Half close: the client sends its request and write_eof()s; the server reads to EOF, then
# still answers on its half, and the client reads the answer to EOF.
import asyncio


async def handle(reader, writer):
    request = await reader.read()
    print("server read to EOF:", request)
    writer.write(b"got %d bytes" % len(request))
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print("can write eof:", writer.can_write_eof())
    writer.write(b"part one, ")
    writer.write(b"part two")
    writer.write_eof()
    print("client read:", await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
