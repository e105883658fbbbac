import asyncio


async def never_reads(reader, writer):
    await asyncio.Event().wait()


async def main():
    server = await asyncio.start_server(never_reads, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    chunk = b"x" * 65536
    while True:
        writer.write(chunk)  # never drain(): the transport's buffer grows without bound
        await asyncio.sleep(0)


asyncio.run(main())
