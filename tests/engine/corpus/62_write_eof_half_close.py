# Half close: the client sends its lines, then write_eof() says "no more from me" while it keeps
# reading. The server reads to end of file, then answers on the same connection and closes.
# Twice: line by line (readline until b"") and all at once (read() of two writes to end of file).
# native: real
import asyncio


async def by_lines(reader, writer):
    lines = []
    while line := await reader.readline():
        lines.append(line.decode().strip())
    print("server: got end of file after", len(lines), "lines")
    writer.write(f"{len(lines)} lines, {sum(map(len, lines))} letters\n".encode())
    writer.write(("|".join(reversed(lines)) + "\n").encode())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def all_at_once(reader, writer):
    request = await reader.read()
    print("server read to EOF:", request)
    writer.write(b"got %d bytes" % len(request))
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(by_lines, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print("can write EOF:", writer.can_write_eof())
    for word in ("alpha", "beta", "gamma"):
        writer.write(word.encode() + b"\n")
    await writer.drain()
    writer.write_eof()
    print("client: sent EOF, still reading")
    print("client:", (await reader.readline()).decode().strip())
    print("client:", (await reader.readline()).decode().strip())
    print("client: then end of file:", await reader.read() == b"")
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

    server = await asyncio.start_server(all_at_once, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"part one, ")
    writer.write(b"part two")
    writer.write_eof()
    print("client read:", await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
