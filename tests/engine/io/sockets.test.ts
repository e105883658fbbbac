// The virtual network's sockets through the engine: CPython's non-blocking semantics and errno
// values, blocking calls that spend virtual time, and the run-ending errors (a blocking call
// nothing could satisfy, the caps). Each program prints what it observed.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../engine/python/engine';
import { createTestEngine } from '../../support/engine-snapshot';
import type { Trace } from '../../../common/trace';

let engine: Engine;
beforeAll(async () => {
  engine = await createTestEngine();
});

const out = (t: Trace): string =>
  t.events.map((e) => (e.t === 'output' && e.stream === 'stdout' ? e.text : '')).join('');
const run = (src: string, options = {}) => engine.run(src, 'main.py', options);

const SEMANTICS = `import errno, socket

def attempt(what, fn):
    try:
        r = fn()
        print(what, 'ok', r)
    except OSError as e:
        print(what, type(e).__name__, errno.errorcode.get(e.errno), e.strerror)

lst = socket.socket()
lst.bind(('127.0.0.1', 0))
lst.listen()
port = lst.getsockname()[1]
print('ephemeral', port >= 32768)
other = socket.socket()
attempt('bind again', lambda: other.bind(('127.0.0.1', port)))
attempt('recv unconnected', lambda: other.recv(1))
c = socket.socket()
c.setblocking(False)
attempt('connect', lambda: c.connect(('127.0.0.1', port)))
attempt('send while connecting', lambda: c.send(b'x'))
lst.setblocking(False)
attempt('accept too early', lambda: lst.accept())
lst.setblocking(True)
s, addr = lst.accept()
print('accepted from the client', addr == c.getsockname())
import time
time.sleep(0.001)  # the client is connected a round trip after its connect()
print('SO_ERROR', c.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))
print('peer', c.getpeername() == ('127.0.0.1', port))
attempt('recv nothing yet', lambda: c.recv(10))
s.sendall(b'hello')
c.setblocking(True)
print('recv', c.recv(10))
c.shutdown(socket.SHUT_WR)
print('server reads EOF', s.recv(10))
attempt('send after SHUT_WR', lambda: c.send(b'x'))
s.sendall(b'still open the other way')
print('half close', c.recv(100))
s.close()
print('EOF after close', c.recv(10))
c.close()

a, b = socket.socketpair()
a.sendall(b'ping')
print('socketpair', b.recv(10))
b.sendall(b'unread')
a.close()
attempt('reset by peer', lambda: [b.send(b'x'), b.recv(10)])
attempt('then broken pipe', lambda: b.send(b'x'))

u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(('127.0.0.1', 0))
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2.sendto(b'datagram', u1.getsockname())
data, frm = u1.recvfrom(100)
print('udp', data, frm == ('127.0.0.1', u2.getsockname()[1]))

r = socket.socket()
r.setblocking(False)
attempt('refused connect', lambda: r.connect(('127.0.0.1', 1)))
time.sleep(0.01)
print('refused SO_ERROR', errno.errorcode.get(r.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)))
attempt('unknown host', lambda: socket.getaddrinfo('no.such.host', 80))
print('resolve', socket.gethostbyname('example.com'), socket.gethostbyname('localhost'))
`;

describe('socket semantics', () => {
  it("matches CPython's non-blocking calls and errno values", async () => {
    const t = await run(SEMANTICS);
    expect(t.end.kind).toBe('ok');
    expect(out(t)).toBe(
      [
        'ephemeral True',
        'bind again OSError EADDRINUSE Address already in use',
        'recv unconnected OSError ENOTCONN Transport endpoint is not connected',
        'connect BlockingIOError EINPROGRESS Operation now in progress',
        'send while connecting BlockingIOError EAGAIN Resource temporarily unavailable',
        'accept too early BlockingIOError EAGAIN Resource temporarily unavailable',
        'accepted from the client True',
        'SO_ERROR 0',
        'peer True',
        'recv nothing yet BlockingIOError EAGAIN Resource temporarily unavailable',
        "recv b'hello'",
        "server reads EOF b''",
        'send after SHUT_WR BrokenPipeError EPIPE Broken pipe',
        "half close b'still open the other way'",
        "EOF after close b''",
        "socketpair b'ping'",
        'reset by peer ConnectionResetError ECONNRESET Connection reset by peer',
        'then broken pipe BrokenPipeError EPIPE Broken pipe',
        "udp b'datagram' True",
        'refused connect BlockingIOError EINPROGRESS Operation now in progress',
        'refused SO_ERROR ECONNREFUSED',
        'unknown host gaierror None Name or service not known',
        'resolve 93.184.215.14 127.0.0.1',
        '',
      ].join('\n'),
    );
  });

  it('ends a blocking call nothing could satisfy with a clear message, and the next run works', async () => {
    const t = await run(`import socket
a, b = socket.socketpair()
print('waiting')
a.recv(10)
print('never')
`);
    expect(out(t)).toBe('waiting\n');
    expect(t.end.kind).toBe('deadlock');
    expect(t.end.message).toContain('recv() from');
    expect(t.end.message).toContain('would wait forever');
    const next = await run('print("next run")\n');
    expect(out(next)).toBe('next run\n');
  });

  it('names I/O waits in the trace and in a deadlock message', async () => {
    const t = await run(`import asyncio

async def handle(reader, writer):
    await asyncio.sleep(3600 * 48)

async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', 8888)
    reader, writer = await asyncio.open_connection('127.0.0.1', 8888)
    await reader.read(100)

asyncio.run(main())
`);
    const io = t.events.flatMap((e) =>
      e.t === 'taskWaiting' && e.reason.kind === 'io' ? [e.reason.expr] : [],
    );
    expect(io).toContain('read from 127.0.0.1:8888');
    expect(io).toContain('connect to 127.0.0.1:8888');
    expect(t.end.kind).toBe('capTime');
  });

  it('says what a deadlocked task waits on when it is I/O', async () => {
    const t = await run(`import asyncio

async def main():
    writers = []
    server = await asyncio.start_server(lambda r, w: writers.append(w), '127.0.0.1', 8888)
    reader, writer = await asyncio.open_connection('127.0.0.1', 8888)
    await reader.read(100)

asyncio.run(main())
`);
    expect(t.end.kind).toBe('deadlock');
    expect(t.end.message).toContain('waits on read from 127.0.0.1:8888');
  });
});

describe('caps', () => {
  it('ends a program that opens too many sockets, naming the option, and the next run works', async () => {
    const t = await run(
      `import socket
socks = []
while True:
    socks.append(socket.socket())
`,
      { maxSockets: 1000 },
    );
    expect(t.end.kind).toBe('capNetwork');
    expect(t.end.message).toContain('--max-sockets');
    expect(t.end.option).toBe('--max-sockets');
    const next = await run('import socket\na, b = socket.socketpair()\na.sendall(b"ok")\nprint(b.recv(2))\n');
    expect(out(next)).toBe("b'ok'\n");
  });

  it('ends a program that floods the network, naming the option', async () => {
    const t = await run(
      `import asyncio

async def main():
    reader, writer = await asyncio.open_connection('example.com', 7)
    while True:
        writer.write(b'x' * 65536)
        await writer.drain()

asyncio.run(main())
`,
      { maxNetworkBytes: 10_000_000 },
    );
    expect(t.end.kind).toBe('capNetwork');
    expect(t.end.option).toBe('--max-network-bytes');
  });
});

describe('world events', () => {
  it('wake the loop at their virtual time through the select step (what worker threads use)', async () => {
    // A worker's job finishing at t=2 is such an event: its result reaches the loop then.
    const t = await run(`import asyncio, time

async def main():
    loop = asyncio.get_running_loop()
    await asyncio.to_thread(time.sleep, 2.0)
    print('event', loop.time())

asyncio.run(main())
`);
    expect(out(t)).toBe('event 2.0\n');
    expect(t.end.kind).toBe('ok');
  });
});
