# native: real
# UNIX socket errors as Linux reports them: no file at the path, a path already bound, a stale
# socket file whose listener has closed, and start_unix_server replacing such a stale file.
import asyncio
import errno
import os
import socket


async def echo(reader, writer):
    writer.write(await reader.read(100))
    writer.close()
    await writer.wait_closed()


async def main():
    try:
        await asyncio.open_unix_connection("missing.sock")
    except FileNotFoundError as e:
        print("missing path:", type(e).__name__, e.strerror)

    first = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    first.bind("busy.sock")
    first.listen()
    second = socket.socket(socket.AF_UNIX)
    try:
        second.bind("busy.sock")
    except OSError as e:
        print("bind again:", e.errno == errno.EADDRINUSE, e.strerror)
    second.close()
    first.close()  # the file stays: a stale socket
    print("stale file exists:", os.path.exists("busy.sock"))
    try:
        await asyncio.open_unix_connection("busy.sock")
    except ConnectionRefusedError as e:
        print("stale path:", type(e).__name__, e.strerror)

    with open("plain.txt", "w") as f:
        f.write("not a socket")
    try:
        await asyncio.start_unix_server(echo, "plain.txt")
    except OSError as e:
        print("server on a plain file:", e.errno == errno.EADDRINUSE, e.strerror)
    os.unlink("plain.txt")

    server = await asyncio.start_unix_server(echo, "busy.sock")  # removes the stale file
    reader, writer = await asyncio.open_unix_connection("busy.sock")
    writer.write(b"after the stale file")
    print(await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    if os.path.exists("busy.sock"):
        os.unlink("busy.sock")
    print("left:", sorted(n for n in os.listdir() if n.endswith(".sock")))


asyncio.run(main())
