# native: real
# The client sends 16 MB and half-closes, then closes without reading the echoes: a close with
# data unread resets the connection even after write_eof(). The echo server's transport, stuck
# flushing to it after the client's end of file, ends with BrokenPipeError (the reset came after
# the FIN: Linux reports EPIPE then, not ECONNRESET).
import asyncio


class Echo(asyncio.Protocol):
    def __init__(self, lost):
        self.lost = lost

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.transport.write(data)

    def eof_received(self):
        print("server: end of file")

    def connection_lost(self, exc):
        print("server: connection lost with", type(exc).__name__)
        self.lost.set_result(None)


async def main():
    loop = asyncio.get_running_loop()
    lost = loop.create_future()
    server = await loop.create_server(lambda: Echo(lost), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=1024)
    writer.write(b"x" * 16 * 1024 * 1024)
    writer.write_eof()
    await asyncio.sleep(0.5)
    writer.close()
    try:
        await writer.wait_closed()
        print("client: closed")
    except OSError as error:
        print("client: closed with", type(error).__name__)
    await lost
    server.close()
    await server.wait_closed()


asyncio.run(main())
