# A chat server: every line a client sends goes to all the other clients. Clients join one after
# another (each waits for its welcome, so names follow joining order); each message is read by
# every other client before the next one is sent. A client leaves by sending end of file and
# reading until the server closes its side; the others are told.
# native: real
import asyncio

clients = {}


async def chat(reader, writer):
    name = f"user{len(clients) + 1}"
    clients[name] = writer
    writer.write(f"welcome {name}, {len(clients)} here\n".encode())
    await writer.drain()
    while line := await reader.readline():
        text = line.decode().strip()
        for other, other_writer in clients.items():
            if other != name:
                other_writer.write(f"{name}: {text}\n".encode())
                await other_writer.drain()
    del clients[name]
    for other_writer in clients.values():
        other_writer.write(f"{name} left\n".encode())
        await other_writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(chat, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    people = []
    for _ in range(3):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        print((await reader.readline()).decode().strip())
        people.append((reader, writer))

    async def say(i, text):
        people[i][1].write(text.encode() + b"\n")
        for j, (reader, _) in enumerate(people):
            if j != i:
                print(f"  user{j + 1} sees", (await reader.readline()).decode().strip())

    await say(0, "hi all")
    await say(2, "hello from the back")
    await say(1, "bye")

    async def leave(i):
        reader, writer = people[i]
        writer.write_eof()
        print(f"user{i + 1} leaves; the server closes its side:", await reader.read() == b"")
        writer.close()
        await writer.wait_closed()
        for j, (reader, _) in enumerate(people):
            if j != i and reader is not None:
                print(f"  user{j + 1} sees", (await reader.readline()).decode().strip())
        people[i] = (None, None)

    await leave(1)
    await leave(0)
    await leave(2)
    server.close()
    await server.wait_closed()


asyncio.run(main())
