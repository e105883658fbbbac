# native: real
# UDP with create_datagram_endpoint: a server protocol answers each datagram with its length,
# a client sends three and waits for the three answers.
import asyncio


class Server(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        self.transport.sendto(str(len(data)).encode(), addr)


class Client(asyncio.DatagramProtocol):
    def __init__(self, answers):
        self.answers = answers

    def datagram_received(self, data, addr):
        self.answers.put_nowait(data.decode())


async def main():
    loop = asyncio.get_running_loop()
    server, _ = await loop.create_datagram_endpoint(Server, local_addr=("127.0.0.1", 0))
    addr = server.get_extra_info("sockname")
    answers = asyncio.Queue()
    client, _ = await loop.create_datagram_endpoint(lambda: Client(answers), remote_addr=addr)
    for word in (b"a", b"bb", b"cccc"):
        client.sendto(word)
        print("answer", await answers.get())
    client.close()
    server.close()


asyncio.run(main())
