# native: real
# Protocols and transports: loop.create_server with a Protocol class, loop.create_connection
# with another; data_received, eof_received and connection_lost are called in CPython's order.
import asyncio


class Upper(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        print("server: connection made")

    def data_received(self, data):
        print("server: data", data)
        self.transport.write(data.upper())

    def eof_received(self):
        print("server: eof")
        return False  # the transport closes itself

    def connection_lost(self, exc):
        print("server: connection lost", exc)


class Client(asyncio.Protocol):
    def __init__(self, done):
        self.done = done
        self.got = b""

    def connection_made(self, transport):
        print("client: connection made")
        transport.write(b"shout this")
        transport.write_eof()

    def data_received(self, data):
        self.got += data

    def connection_lost(self, exc):
        print("client: connection lost", exc, self.got)
        self.done.set_result(self.got)


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Upper, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    done = loop.create_future()
    await loop.create_connection(lambda: Client(done), "127.0.0.1", port)
    print("result", await done)
    server.close()
    await server.wait_closed()


asyncio.run(main())
