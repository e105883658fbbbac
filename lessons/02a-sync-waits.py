"""Sync vs async, part 1: downloading in sequence

Three downloads from example.com ask for pages that take 3 s, 1 s and 1 s
to come back, with ordinary blocking sockets. Each download holds the
program until its reply has arrived, so the next one cannot even start, and
the waits add up to a bit over 5 s. Compare it with part 2, which makes the
same downloads with asyncio.

Compare with: 02b-async-waits

Bookmarks:
    when "second: asking for /delay/1" is printed -> the second download starts only after the first has waited over 3 s
    at the end -> 3 + 1 + 1: a bit over five seconds in sequence

Questions:
    when "second: asking for /delay/1" is printed -> The first download waits 3 s for its page. When does the second one start? -> at once, while the first waits | *only after the first reply, a bit over 3 s in | after 1 s -> socket.recv blocks the only thread: the program can start nothing else until the first reply is in.
    at the end -> How long do the three downloads (3 s, 1 s, 1 s) take in all? -> about 3 s | *a bit over 5 s | about 1 s -> One after another, the waits add up: 3 + 1 + 1 s, plus each connection's round trips.
"""
import socket
import time


def download(name, path):
    print(f"{name}: asking for {path}")
    # create_connection and recv block: nothing else can happen meanwhile.
    sock = socket.create_connection(("example.com", 80))
    sock.sendall(f"GET {path} HTTP/1.1\r\nHost: example.com\r\n\r\n".encode())
    reply = b""
    while chunk := sock.recv(4096):  # an empty chunk: the server has closed
        reply += chunk
    sock.close()
    status = reply.split(b"\r\n")[0].decode()  # the first line of the reply
    print(f"{name}: {status}")


start = time.perf_counter()
download("first", "/delay/3")
download("second", "/delay/1")
download("third", "/delay/1")
# perf_counter measures elapsed time; 3 decimals show milliseconds.
print(f"elapsed {time.perf_counter() - start:.3f} s")
