# The ways to read a stream: readline, readexactly, readuntil, read(n) and read() to end of file.
# The server writes one message and closes; the client takes it apart piece by piece. All the
# data is in the reader's buffer or on its way, so each call returns the same bytes however the
# bytes happen to arrive.
# native: real
import asyncio

MESSAGE = b"HELLO\nLEN 5\nworld\r\nkey=value;tail of the stream"


async def handle(reader, writer):
    writer.write(MESSAGE)
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print("readline:", await reader.readline())
    header = await reader.readline()
    size = int(header.split()[1])
    print("header says", size, "bytes")
    print("readexactly:", await reader.readexactly(size))
    print("readuntil CRLF:", await reader.readuntil(b"\r\n"))
    print("readuntil '=':", await reader.readuntil(b"="))
    print("read(5):", await reader.read(5))
    print("read() to EOF:", await reader.read())
    print("at_eof:", reader.at_eof())
    print("read after EOF:", await reader.read(100))
    print("readline after EOF:", await reader.readline())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
