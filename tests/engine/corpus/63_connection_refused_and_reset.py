# Connecting where nobody listens is refused (the port comes from binding port 0 and closing the
# socket again, so it is free): open_connection, a blocking socket.create_connection, and
# connect_ex, which returns the error number. A peer that aborts the connection (SO_LINGER with a
# zero timeout, then close) resets it: the other side's read raises ConnectionResetError.
# native: real
import asyncio
import errno
import socket
import struct


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def main():
    port = free_port()
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError as error:
        print("open_connection:", type(error).__name__, error.errno == errno.ECONNREFUSED)
    try:
        await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), timeout=5)
    except ConnectionRefusedError as error:
        print("wait_for passes it on:", type(error).__name__)
    print("ConnectionRefusedError is an OSError:", issubclass(ConnectionRefusedError, OSError))
    try:
        socket.create_connection(("127.0.0.1", port))
    except ConnectionRefusedError as error:
        print("create_connection:", type(error).__name__, error.strerror)
    with socket.socket() as s:
        print("connect_ex is ECONNREFUSED:", s.connect_ex(("127.0.0.1", port)) == errno.ECONNREFUSED)

    server_saw = asyncio.get_running_loop().create_future()

    async def handle(reader, writer):
        writer.write(b"ready\n")
        await writer.drain()
        try:
            data = await reader.read(100)
            server_saw.set_result(f"read {data!r}")
        except ConnectionResetError as error:
            server_saw.set_result(f"{type(error).__name__} errno ECONNRESET: {error.errno == errno.ECONNRESET}")
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print("client:", (await reader.readline()).decode().strip())
    sock = writer.get_extra_info("socket")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.close()
    await writer.wait_closed()
    print("server:", await server_saw)
    server.close()
    await server.wait_closed()


asyncio.run(main())
