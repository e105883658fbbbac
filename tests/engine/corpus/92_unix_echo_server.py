# native: real
# An echo server on a UNIX socket path: start_unix_server, open_unix_connection, the names.
import asyncio
import os
import socket


async def handle(reader, writer):
    print("server peer:", repr(writer.get_extra_info("peername")))
    print("server sockname:", writer.get_extra_info("sockname"))
    while line := await reader.readline():
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    path = "echo.sock"
    server = await asyncio.start_unix_server(handle, path=path)
    print("socket file exists:", os.path.exists(path))
    print("listening on:", server.sockets[0].getsockname())
    print("family is AF_UNIX:", server.sockets[0].family == socket.AF_UNIX)
    for name in ["ada", "bob"]:
        reader, writer = await asyncio.open_unix_connection(path)
        print("client sockname:", repr(writer.get_extra_info("sockname")))
        print("client peer:", writer.get_extra_info("peername"))
        writer.write(f"hello from {name}\n".encode())
        print(await reader.readline())
        writer.write_eof()
        print("eof:", await reader.read())
        writer.close()
        await writer.wait_closed()
    server.close()
    await server.wait_closed()
    if os.path.exists(path):
        os.unlink(path)


asyncio.run(main())
