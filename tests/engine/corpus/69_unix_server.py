# A server on a UNIX socket path instead of a port: start_unix_server and open_unix_connection,
# with the socket file in a fresh tempfile.mkdtemp() directory (its name is never printed).
# native: real
import asyncio
import os
import shutil
import tempfile


async def handle(reader, writer):
    data = await reader.readline()
    writer.write(b"unix says " + data)
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    directory = tempfile.mkdtemp()
    path = os.path.join(directory, "echo.sock")
    server = await asyncio.start_unix_server(handle, path)
    print("socket file exists:", os.path.exists(path))
    print("listening on our path:", server.sockets[0].getsockname() == path)
    async with server:
        for word in ("one", "two"):
            reader, writer = await asyncio.open_unix_connection(path)
            writer.write(word.encode() + b"\n")
            print((await reader.readline()).decode().strip())
            writer.close()
            await writer.wait_closed()
    shutil.rmtree(directory)
    print("directory removed:", not os.path.exists(directory))


asyncio.run(main())
