# The loop's sock_* coroutines on plain non-blocking sockets: sock_accept on a listening socket,
# sock_connect, sock_sendall, sock_recv and sock_recv_into, and getpeername agreeing with
# getsockname and accept's address on both ends. Reads loop until they have every byte they
# expect, since one recv may return only part of what was sent. The server side keeps a log that
# is printed at the end, so its lines never race the client's.
# native: real
import asyncio
import socket


async def recv_exactly(loop, sock, n):
    data = b""
    while len(data) < n:
        chunk = await loop.sock_recv(sock, n - len(data))
        if not chunk:
            raise EOFError("peer closed early")
        data += chunk
    return data


async def serve_one(loop, listener, log):
    conn, addr = await loop.sock_accept(listener)
    log.append(("accepted from 127.0.0.1:", addr[0] == "127.0.0.1"))
    log.append(("peer is the client:", conn.getpeername() == addr))
    conn.setblocking(False)
    with conn:
        request = await recv_exactly(loop, conn, 5)
        log.append(("request", request))
        await loop.sock_sendall(conn, request.upper() + b"!" * 10_000)
        buffer = bytearray(4)
        got = 0
        while got < 4:
            view = memoryview(buffer)[got:]
            n = await loop.sock_recv_into(conn, view)
            got += n
        log.append(("recv_into filled", bytes(buffer)))
        rest = await loop.sock_recv(conn, 10)
        log.append(("then end of file:", rest == b""))


async def main():
    loop = asyncio.get_running_loop()
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.setblocking(False)
    port = listener.getsockname()[1]
    log = []
    server_task = asyncio.create_task(serve_one(loop, listener, log))

    client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    client.setblocking(False)
    await loop.sock_connect(client, ("127.0.0.1", port))
    print("client: connected; peer port matches:", client.getpeername()[1] == port)
    print("client: peer is the listener:", client.getpeername() == listener.getsockname())
    await loop.sock_sendall(client, b"hello")
    reply = await recv_exactly(loop, client, 10_005)
    print("client: reply", reply[:6], len(reply), "bytes")
    await loop.sock_sendall(client, b"done")
    client.shutdown(socket.SHUT_WR)
    await server_task
    print("client: then end of file:", await loop.sock_recv(client, 10) == b"")
    client.close()
    listener.close()
    for entry in log:
        print("server:", *entry)


asyncio.run(main())
