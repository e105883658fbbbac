# A stream that ends too early: readexactly(10) when only 4 bytes come before the peer closes
# raises IncompleteReadError, which carries the partial bytes and how many were expected.
# readuntil without its separator before end of file raises it too.
# native: real
import asyncio


async def send_and_close(payload):
    async def handle(reader, writer):
        writer.write(payload)
        await writer.drain()
        writer.close()
        await writer.wait_closed()

    return await asyncio.start_server(handle, "127.0.0.1", 0)


async def fetch(payload, read):
    server = await send_and_close(payload)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        print("got", await read(reader))
    except asyncio.IncompleteReadError as error:
        print(type(error).__name__, "partial:", error.partial, "expected:", error.expected)
        print("  message:", error)
    finally:
        writer.close()
        await writer.wait_closed()
        server.close()
        await server.wait_closed()


async def main():
    await fetch(b"abcdefghij", lambda r: r.readexactly(10))
    await fetch(b"abcd", lambda r: r.readexactly(10))
    await fetch(b"no newline here", lambda r: r.readuntil(b"\n"))
    await fetch(b"", lambda r: r.readexactly(1))
    try:
        await fetch(b"abc", lambda r: r.readexactly(10))
    except EOFError:
        print("not reached: IncompleteReadError is an EOFError and was handled above")
    print("IncompleteReadError is an EOFError:", issubclass(asyncio.IncompleteReadError, EOFError))


asyncio.run(main())
