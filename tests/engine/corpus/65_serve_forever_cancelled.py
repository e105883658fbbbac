# serve_forever() runs until its task is cancelled; the CancelledError comes out of the awaited
# task, and the server is closed on the way out. Clients are served in the meantime.
# native: real
import asyncio

served = 0


async def handle(reader, writer):
    global served
    data = await reader.readline()
    served += 1
    writer.write(data.upper())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def ask(port, text):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(text.encode() + b"\n")
    reply = await reader.readline()
    writer.close()
    await writer.wait_closed()
    return reply.decode().strip()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0, start_serving=False)
    port = server.sockets[0].getsockname()[1]
    print("before serve_forever: serving", server.is_serving())
    forever = asyncio.create_task(server.serve_forever())
    await asyncio.sleep(0)
    print("serve_forever started: serving", server.is_serving())
    for text in ("one", "two", "three"):
        print(await ask(port, text))
    forever.cancel()
    try:
        await forever
    except asyncio.CancelledError:
        print("serve_forever was cancelled")
    print("served", served, "clients; serving", server.is_serving())


asyncio.run(main())
