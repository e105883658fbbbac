# native: real
# The loop's low-level socket API: sock_accept, sock_connect, sock_sendall, sock_recv and
# sock_recv_into on non-blocking sockets, and getsockname/getpeername agreeing on both ends.
import asyncio
import socket


async def serve(listener):
    loop = asyncio.get_running_loop()
    conn, addr = await loop.sock_accept(listener)
    conn.setblocking(False)
    data = await loop.sock_recv(conn, 1024)
    print("server got", data)
    await loop.sock_sendall(conn, data[::-1])
    print("server peer is the client:", conn.getpeername() == addr)
    conn.close()


async def main():
    loop = asyncio.get_running_loop()
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.setblocking(False)
    server = asyncio.create_task(serve(listener))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setblocking(False)
    await loop.sock_connect(sock, listener.getsockname())
    print("connected to the listener:", sock.getpeername() == listener.getsockname())
    await loop.sock_sendall(sock, b"stressed")
    buf = bytearray(16)
    n = await loop.sock_recv_into(sock, buf)
    print("client got", bytes(buf[:n]))
    print("then EOF:", await loop.sock_recv(sock, 10))
    await server
    sock.close()
    listener.close()


asyncio.run(main())
