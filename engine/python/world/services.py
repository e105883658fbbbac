"""The built-in servers of the remote hosts. They live in the network, not in the program: a
request is answered when it arrives (plus a think time), with no task, thread or loop of their
own, so a blocking client works against them too.

  port 80/tcp  HTTP/1.1: GET / -> a small HTML page; GET /delay/SECS -> answers after SECS
               seconds (like httpbin.org); GET /bytes/N -> N bytes; anything else -> 404.
               Every response has Content-Length and `Connection: close`; the server closes.
  port 7/tcp   echo: every byte comes back.
  port 7/udp   echo: every datagram comes back to its sender.
"""

import re

from .pipe import FIN, Pipe

_REQUEST = re.compile(rb'^([A-Z]+) (\S+) HTTP/(1\.[01])\r?\n')


def page(host):
    return (f'<!doctype html>\n<html>\n<head><title>{host.name}</title></head>\n'
            f'<body><h1>{host.name}</h1><p>A page served by Loopscope\'s virtual network.</p></body>\n'
            '</html>\n').encode()


def _body(n):
    pattern = b'abcdefghijklmnopqrstuvwxyz0123456789\n'
    return (pattern * (n // len(pattern) + 1))[:n]


class Echo:
    def __init__(self, host):
        self.host = host

    def received(self, conn, arrival, data):
        conn.reply(arrival, data)

    def closed(self, conn, arrival):
        conn.finish(arrival)


class Http:
    def __init__(self, host):
        self.host = host

    def received(self, conn, arrival, data):
        if conn.done:
            return
        conn.buf += data
        end = conn.buf.find(b'\r\n\r\n')
        if end < 0:
            end = conn.buf.find(b'\n\n')
            if end < 0:
                return
        conn.done = True
        status, body, delay = self.answer(conn.buf)
        reason = {200: 'OK', 400: 'Bad Request', 404: 'Not Found', 405: 'Method Not Allowed'}[status]
        head = (f'HTTP/1.1 {status} {reason}\r\nContent-Type: '
                f'{"text/html; charset=UTF-8" if status == 200 and body.startswith(b"<!") else "text/plain"}'
                f'\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n').encode()
        at = arrival + self.host.think + delay
        conn.reply(at, head + body)
        conn.finish(at)

    def answer(self, request):
        m = _REQUEST.match(request)
        if not m:
            return 400, b'bad request\n', 0.0
        method, path = m.group(1), m.group(2).decode('latin-1')
        if method not in (b'GET', b'HEAD'):
            return 405, b'method not allowed\n', 0.0
        body, delay = None, 0.0
        if path in ('/', '/index.html'):
            body = page(self.host)
        elif (d := re.fullmatch(r'/delay/([0-9]*\.?[0-9]+)', path)):
            delay = min(float(d.group(1)), 3600.0)
            body = f'waited {d.group(1)} s\n'.encode()
        elif (b := re.fullmatch(r'/bytes/([0-9]+)', path)):
            body = _body(min(int(b.group(1)), 100_000_000))
        if body is None:
            return 404, b'not found\n', 0.0
        return 200, (b'' if method == b'HEAD' else body), delay

    def closed(self, conn, arrival):
        if not conn.done:
            conn.done = True
            conn.finish(arrival)


class ServiceConn:
    """A client's connection to a service: the client's outgoing pipe is a sink the service
    reads on arrival; the service writes into the client's incoming pipe."""

    def __init__(self, service, client, link):
        self.service = service
        self.link = link
        self.buf = b''
        self.done = False
        self.into = Pipe(link, client, None, sink=True)    # client -> service
        self.back = Pipe(link, None, client)               # service -> client
        self.into.conn = self

    def reply(self, at, data):
        """Data the service sends at `at`: it crosses the link as any other bytes do."""
        if self.back.closed_at is not None:
            return
        self.back.push(at, data)

    def finish(self, at):
        self.back.control(at, FIN)

    def deliver(self, arrival, data):
        self.service.received(self, arrival, data)


SERVICES = {('tcp', 80): Http, ('tcp', 7): Echo}
