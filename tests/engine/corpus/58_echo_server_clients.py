# The standard echo server: asyncio.start_server on port 0 (the system picks a free port) and
# three open_connection clients run together with gather; each sends two lines and reads the
# echoes back upper-cased. Results are printed in gather's order, never in the order the replies
# arrive. Each handler ends when its client's end of file comes, and is counted.
# native: real
import asyncio

handled = []


async def handle_echo(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line.upper())
        await writer.drain()
    handled.append(len(handled))
    writer.close()
    await writer.wait_closed()


async def client(port, name):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    replies = []
    for word in ("hello", "bye"):
        writer.write(f"{word} from {name}\n".encode())
        await writer.drain()
        replies.append((await reader.readline()).decode().strip())
    writer.close()
    await writer.wait_closed()
    return replies


async def main():
    server = await asyncio.start_server(handle_echo, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()[:2]
    print("serving on", host, "port > 0:", port > 0)
    async with server:
        results = await asyncio.gather(*(client(port, name) for name in ("ann", "bob", "cy")))
        while len(handled) < 3:
            await asyncio.sleep(0.01)
    for replies in results:
        print(replies)
    print("handled", len(handled), "connections")
    print("server closed:", not server.is_serving())


asyncio.run(main())
