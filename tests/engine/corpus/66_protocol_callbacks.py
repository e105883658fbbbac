# The low-level API: asyncio.Protocol classes with loop.create_server and loop.create_connection.
# Each side logs its callbacks (connection_made, data_received, eof_received, connection_lost)
# and the logs are printed at the end, so the order shown is each side's own order. Every
# message waits for the one before it to be answered, so no two writes share a data_received.
# Then a client that writes and half-closes in connection_made, to an upper-casing server, with
# both sides printing as their callbacks come: CPython's order across the two sides.
# native: real
import asyncio


class EchoServer(asyncio.Protocol):
    log = []

    def connection_made(self, transport):
        self.transport = transport
        self.log.append("connection_made")

    def data_received(self, data):
        self.log.append(f"data_received {data!r}")
        self.transport.write(data[::-1])

    def eof_received(self):
        self.log.append("eof_received")
        self.transport.write(b"bye")
        return False  # close the transport

    def connection_lost(self, exc):
        self.log.append(f"connection_lost {exc}")


class Client(asyncio.Protocol):
    def __init__(self, loop):
        self.log = []
        self.reply = loop.create_future()
        self.done = loop.create_future()

    def connection_made(self, transport):
        self.transport = transport
        self.log.append("connection_made")

    def data_received(self, data):
        self.log.append(f"data_received {data!r}")
        self.reply.set_result(data)

    def eof_received(self):
        self.log.append("eof_received")

    def connection_lost(self, exc):
        self.log.append(f"connection_lost {exc}")
        self.done.set_result(None)


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(EchoServer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    transport, client = await loop.create_connection(lambda: Client(loop), "127.0.0.1", port)
    for word in (b"stressed", b"drawer"):
        transport.write(word)
        await client.reply
        client.reply = loop.create_future()
    transport.write_eof()
    print("client got:", await client.reply)
    await client.done
    server.close()
    await server.wait_closed()
    print("server side:")
    for entry in EchoServer.log:
        print("  " + entry)
    print("client side:")
    for entry in client.log:
        print("  " + entry)
    await shout()


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


class Shouter(asyncio.Protocol):
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


async def shout():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Upper, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    done = loop.create_future()
    await loop.create_connection(lambda: Shouter(done), "127.0.0.1", port)
    print("result", await done)
    server.close()
    await server.wait_closed()


asyncio.run(main())
