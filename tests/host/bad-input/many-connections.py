import asyncio


async def hold(reader, writer):
    await reader.read()


async def main():
    server = await asyncio.start_server(hold, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    connections = []
    for i in range(100_000):
        connections.append(await asyncio.open_connection("127.0.0.1", port))
    print("opened", len(connections))


asyncio.run(main())
