# An HTTP/1.1 GET with plain streams to the built-in host example.com (Loopscope's virtual
# network: 50 ms each way); /delay/1 answers after one second, as httpbin.org's does.
# real: virtual network only (built-in hosts)
import asyncio
import time


async def get(host, path):
    reader, writer = await asyncio.open_connection(host, 80)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
    await writer.drain()
    response = await reader.read()
    writer.close()
    await writer.wait_closed()
    head, _, body = response.partition(b"\r\n\r\n")
    return head.split(b"\r\n")[0].decode(), len(body)


async def main():
    start = time.monotonic()
    print(await get("example.com", "/"))
    print(f"one page: {time.monotonic() - start:.3f} s")
    start = time.monotonic()
    results = await asyncio.gather(get("example.com", "/delay/1"), get("example.com", "/delay/3"),
                                   get("example.com", "/missing"))
    print(results)
    print(f"three at once: {time.monotonic() - start:.3f} s")


asyncio.run(main())
