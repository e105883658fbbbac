"""Sync vs async, part 2: downloading concurrently

The same three downloads of 3 s, 1 s and 1 s, now as tasks that await an
asyncio stream, so all three wait for their replies at the same time. The
run takes as long as the slowest download, a bit over 3 s instead of over
5 s. The extra fraction of a second is the network: each message to
example.com takes 0.05 s to arrive.

Compare with: 02a-sync-waits

Bookmarks:
    when "third: asking for /delay/1" is printed -> all three downloads are under way at once, each waiting on its socket
    when "second: HTTP/1.1 200 OK" is printed -> the one-second pages come back while the first still waits
    at the end -> the run takes as long as the slowest download: 3 s, not 5 s

Questions:
    when "second: HTTP/1.1 200 OK" is printed -> All three requests are out. Whose reply is printed first? -> first | *second | third -> second asked first for a one-second page, so its bytes arrive before third's and long before first's 3 s page.
    at the end -> How long does the whole run take? -> *a bit over 3 s | a bit over 5 s | about 1 s -> The downloads wait at the same time, so the run takes as long as the slowest one (3 s) plus the round trips.
"""
import asyncio
import time


async def download(name, path):
    print(f"{name}: asking for {path}")
    # Awaiting pauses only this task; the loop runs the others meanwhile.
    reader, writer = await asyncio.open_connection("example.com", 80)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: example.com\r\n\r\n".encode())
    reply = await reader.read()  # everything, until the server closes
    writer.close()
    status = reply.split(b"\r\n")[0].decode()  # the first line of the reply
    print(f"{name}: {status}")


async def main():
    start = time.perf_counter()
    await asyncio.gather(
        asyncio.create_task(download("first", "/delay/3"), name="first"),
        asyncio.create_task(download("second", "/delay/1"), name="second"),
        asyncio.create_task(download("third", "/delay/1"), name="third"),
    )
    # perf_counter measures elapsed time; 3 decimals show milliseconds.
    print(f"elapsed {time.perf_counter() - start:.3f} s")


asyncio.run(main())
