# native: real
# An echo server with asyncio.start_server and three clients with open_connection: each client
# sends two lines and reads them back upper-cased; the server's handlers end on EOF.
import asyncio

handled = []


async def handle(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line.upper())
        await writer.drain()
    handled.append(len(handled))
    writer.close()
    await writer.wait_closed()


async def client(name, port):
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
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    results = await asyncio.gather(*(client(n, port) for n in ("a", "b", "c")))
    for replies in results:
        print(replies)
    while len(handled) < 3:
        await asyncio.sleep(0.01)
    server.close()
    await server.wait_closed()
    print("handled", len(handled), "connections")


asyncio.run(main())
