# UDP with create_datagram_endpoint: an echo endpoint bound to port 0 and a client endpoint
# connected to it. Each datagram arrives whole; the client waits for each answer before sending
# the next, so the order is fixed.
# native: real
import asyncio


class EchoEndpoint(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        self.transport.sendto(data.upper(), addr)


class ClientEndpoint(asyncio.DatagramProtocol):
    def __init__(self):
        self.replies = asyncio.Queue()
        self.closed = asyncio.get_running_loop().create_future()

    def datagram_received(self, data, addr):
        self.replies.put_nowait(data)

    def error_received(self, exc):
        print("error:", type(exc).__name__)

    def connection_lost(self, exc):
        self.closed.set_result(exc)


async def main():
    loop = asyncio.get_running_loop()
    server, _ = await loop.create_datagram_endpoint(EchoEndpoint, local_addr=("127.0.0.1", 0))
    port = server.get_extra_info("sockname")[1]
    print("echo endpoint has a port:", port > 0)
    client, protocol = await loop.create_datagram_endpoint(ClientEndpoint, remote_addr=("127.0.0.1", port))
    print("client peer is the echo endpoint:", client.get_extra_info("peername") == ("127.0.0.1", port))
    for word in (b"ping", b"datagram", b"x" * 1000):
        client.sendto(word)
        reply = await protocol.replies.get()
        print(len(reply), reply[:12])
    client.close()
    print("client connection_lost with", await protocol.closed)
    server.close()


asyncio.run(main())
