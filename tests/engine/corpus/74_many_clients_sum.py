# Two hundred clients at once against one server: each sends its number and gets back the
# square. gather keeps the results in the order the clients were started, so the sum and the
# first few answers are the same whichever connection the server happens to serve first.
# native: real
import asyncio

CLIENTS = 200


async def square(reader, writer):
    n = int(await reader.readline())
    writer.write(f"{n * n}\n".encode())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, n):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"{n}\n".encode())
    answer = int(await reader.readline())
    writer.close()
    await writer.wait_closed()
    return answer


async def main():
    server = await asyncio.start_server(square, "127.0.0.1", 0, backlog=CLIENTS)
    port = server.sockets[0].getsockname()[1]
    async with server:
        answers = await asyncio.gather(*(client(port, n) for n in range(CLIENTS)))
    print("answers:", len(answers))
    print("first five:", answers[:5])
    print("sum of squares:", sum(answers), "expected:", sum(n * n for n in range(CLIENTS)))


asyncio.run(main())
