# native: real
# A blocking socket.socket(AF_UNIX) client in a worker thread (asyncio.to_thread) connects to a
# loop.create_unix_server protocol server and sends; a stream client gets an answer; closing the
# server removes its socket file (CPython 3.13 and later; 3.11 and 3.12 leave it).
import asyncio
import os
import socket
import sys


class Upper(asyncio.Protocol):
    def __init__(self, received):
        self.received = received
        self.chunks = []

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.chunks.append(data)
        if data.endswith(b"."):
            self.transport.write(b"".join(self.chunks).upper())

    def eof_received(self):
        self.received.put_nowait(b"".join(self.chunks))


def client(path, text):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.connect(path)
        names = (s.getsockname(), s.getpeername())
        s.sendall(text)
        s.shutdown(socket.SHUT_WR)
    return names


async def main():
    loop = asyncio.get_running_loop()
    received = asyncio.Queue()
    server = await loop.create_unix_server(lambda: Upper(received), "upper.sock")
    print("socket file exists:", os.path.exists("upper.sock"))
    print("thread client names:", await asyncio.to_thread(client, "upper.sock", b"from a thread"))
    print("server got:", await received.get())
    reader, writer = await asyncio.open_unix_connection("upper.sock")
    writer.write(b"and a stream client.")
    print(await reader.readexactly(20))
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    removed = not os.path.exists("upper.sock")
    print("file removed as this Python does:", removed == (sys.version_info >= (3, 13)))
    if not removed:
        os.unlink("upper.sock")


asyncio.run(main())
