# native: real
# Nobody listens on the port: open_connection fails with ConnectionRefusedError, a
# blocking socket.create_connection too, and connect_ex returns the error number.
import asyncio
import errno
import socket


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


async def main():
    port = free_port()
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError as e:
        print("open_connection:", type(e).__name__, e.errno == errno.ECONNREFUSED)
    try:
        socket.create_connection(("127.0.0.1", port))
    except ConnectionRefusedError as e:
        print("create_connection:", type(e).__name__, e.strerror)
    s = socket.socket()
    print("connect_ex is ECONNREFUSED:", s.connect_ex(("127.0.0.1", port)) == errno.ECONNREFUSED)
    s.close()


asyncio.run(main())
