# Blocking work off the loop: asyncio.to_thread, loop.run_in_executor with the default executor
# and with a program's own ThreadPoolExecutor, and a blocking socket client (socket.create_connection,
# sendall, recv) in a thread talking to a server on the loop, which keeps serving meanwhile. Called
# straight from the coroutine instead, the same client blocks the loop: the server on that loop
# cannot answer, and the socket's timeout ends the wait with TimeoutError.
# native: real
# virtual: exception TimeoutError
import asyncio
import concurrent.futures
import socket
import threading
import time


def blocking_square(n):
    time.sleep(0.05)
    return n * n, threading.current_thread() is threading.main_thread()


def blocking_client(port, text, timeout=10):
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(text.encode() + b"\n")
        data = b""
        while not data.endswith(b"\n"):
            chunk = sock.recv(100)
            if not chunk:
                break
            data += chunk
    return data.decode().strip()


async def handle(reader, writer):
    try:
        line = await reader.readline()
        writer.write(b"echo: " + line)
        await writer.drain()
        writer.close()
        await writer.wait_closed()
    except ConnectionError:
        pass  # the client gave up and went away


async def main():
    loop = asyncio.get_running_loop()
    print("in the coroutine, main thread:", threading.current_thread() is threading.main_thread())
    print("to_thread:", await asyncio.to_thread(blocking_square, 3))
    print("run_in_executor(None):", await loop.run_in_executor(None, blocking_square, 4))
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = await asyncio.gather(*(loop.run_in_executor(pool, blocking_square, n) for n in range(5)))
    print("own pool of 2:", [square for square, _ in results])
    print("gathered to_thread:", await asyncio.gather(*(asyncio.to_thread(pow, 2, n) for n in range(8))))

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        replies = await asyncio.gather(
            asyncio.to_thread(blocking_client, port, "from thread one"),
            asyncio.to_thread(blocking_client, port, "from thread two"),
        )
    print("blocking clients in threads:", replies)

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        try:
            blocking_client(port, "from the loop's own thread", timeout=0.3)
        except TimeoutError:
            print("blocking client in the coroutine: TimeoutError, the loop could not serve it")


asyncio.run(main())
