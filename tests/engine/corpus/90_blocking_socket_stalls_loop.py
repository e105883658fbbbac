# native: real
# A blocking socket call inside a coroutine stalls the whole loop: the ticker's 0.3 s tick runs
# late, only after the blocking recv has timed out. The same wait with the loop's reader does not.
import asyncio
import socket


async def ticker(loop, start, late):
    for i in range(1, 6):
        due = start + 0.1 * i
        await asyncio.sleep(max(0.0, due - loop.time()))
        late.append(loop.time() - due > 0.1)


async def handle(reader, writer, closed):
    await reader.read()
    writer.close()
    closed.set()


async def main():
    loop = asyncio.get_running_loop()
    closed = asyncio.Event()
    server = await asyncio.start_server(lambda r, w: handle(r, w, closed), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    late = []
    t = asyncio.create_task(ticker(loop, loop.time(), late))
    await asyncio.sleep(0.25)
    sock = socket.create_connection(("127.0.0.1", port))
    sock.settimeout(0.3)
    try:
        sock.recv(100)  # nobody answers: the loop is stuck here for 0.3 s
    except TimeoutError:
        print("blocking recv timed out")
    sock.close()
    await t
    print("late ticks:", late)
    await closed.wait()
    server.close()


asyncio.run(main())
