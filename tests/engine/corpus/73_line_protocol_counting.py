# A line protocol: each request line is a command (ADD n, SUB n, GET, QUIT), each answer one line.
# The server counts requests per connection and in total; two clients take turns.
# native: real
import asyncio

totals = {"requests": 0, "connections": 0}


async def handle(reader, writer):
    totals["connections"] += 1
    value = handled = 0
    while line := await reader.readline():
        handled += 1
        totals["requests"] += 1
        command, *args = line.decode().split()
        if command == "ADD":
            value += int(args[0])
            answer = f"OK {value}"
        elif command == "SUB":
            value -= int(args[0])
            answer = f"OK {value}"
        elif command == "GET":
            answer = f"VALUE {value}"
        elif command == "QUIT":
            answer = f"BYE after {handled} requests"
        else:
            answer = f"ERR unknown command {command!r}"
        writer.write(answer.encode() + b"\n")
        await writer.drain()
        if command == "QUIT":
            break
    writer.close()
    await writer.wait_closed()


async def session(port, commands):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for command in commands:
        writer.write(command.encode() + b"\n")
        answer = (await reader.readline()).decode().strip()
        print(f"{command:>8} -> {answer}")
    print("server closed after QUIT:", await reader.read() == b"")
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    await session(port, ["ADD 5", "ADD 10", "SUB 3", "GET", "MUL 2", "QUIT"])
    await session(port, ["GET", "ADD 1", "QUIT"])
    print("connections:", totals["connections"], "requests:", totals["requests"])
    server.close()
    await server.wait_closed()


asyncio.run(main())
