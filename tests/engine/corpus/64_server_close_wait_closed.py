# A server's life: `async with server` closes it on the way out; is_serving() and the listening
# sockets show its state; close() stops accepting at once and wait_closed() waits until it is
# done. After that a new connection to its port is refused.
# native: real
import asyncio


async def handle(reader, writer):
    name = (await reader.readline()).decode().strip()
    writer.write(f"hi {name}\n".encode())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def greet(port, name):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"{name}\n".encode())
    reply = (await reader.readline()).decode().strip()
    writer.close()
    await writer.wait_closed()
    return reply


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print("serving:", server.is_serving(), "listening sockets:", len(server.sockets))
    print(await greet(port, "first"))
    server.close()
    print("after close(): serving", server.is_serving())
    await server.wait_closed()
    print("after wait_closed(): sockets", len(server.sockets))
    try:
        await greet(port, "late")
    except ConnectionRefusedError:
        print("late client refused")

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        print("inside async with: serving", server.is_serving())
        print(await greet(port, "second"))
    print("after async with: serving", server.is_serving())
    try:
        await greet(port, "late again")
    except ConnectionRefusedError:
        print("late client refused again")


asyncio.run(main())
