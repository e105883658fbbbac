// The network model: latency and bandwidth per link with visible defaults, the directives that
// set them per program, the built-in hosts, and backpressure from modelled buffer sizes.
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

const ECHO_TIMES = `import asyncio, time

async def rtt(host, port, size):
    reader, writer = await asyncio.open_connection(host, port)
    t0 = time.monotonic()
    writer.write(b'x' * size)
    await reader.readexactly(size)
    t1 = time.monotonic()
    writer.close()
    return round(t1 - t0, 4)

async def main():
    server = await asyncio.start_server(echo, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    print('loopback', await rtt('127.0.0.1', port, 10))
    print('example.com', await rtt('example.com', 7, 10))
    print('example.com 1 MB', await rtt('example.com', 7, 1_000_000))
    t0 = time.monotonic()
    r, w = await asyncio.open_connection('example.org', 80)
    print('connect example.org', round(time.monotonic() - t0, 4))

async def echo(reader, writer):
    while data := await reader.read(65536):
        writer.write(data)
        await writer.drain()
    writer.close()

asyncio.run(main())
`;

describe('latency and bandwidth', () => {
  it('uses the documented defaults', async () => {
    const t = await run(ECHO_TIMES);
    expect(t.end.kind).toBe('ok');
    // loopback: 0.1 ms each way; example.com: 50 ms each way at 10 MB/s; example.org: 80 ms.
    // 1 MB is window-limited (128 KiB of SO_SNDBUF + SO_RCVBUF in flight per one-way trip),
    // as real TCP is by its bandwidth-delay product: more than the 0.3 s bandwidth alone gives.
    expect(out(t)).toBe(
      'loopback 0.0002\nexample.com 0.1\nexample.com 1 MB 0.5582\nconnect example.org 0.16\n',
    );
  });

  it('takes per-program settings from comment directives', async () => {
    const src = `# loopscope: latency example.com=0.2 loopback=0.001
# loopscope: bandwidth example.com=1e6
${ECHO_TIMES}`;
    const t = await run(src);
    expect(out(t)).toBe(
      'loopback 0.002\nexample.com 0.4\nexample.com 1 MB 2.8825\nconnect example.org 0.16\n',
    );
  });

  it('rejects a bad directive with the line it is on', async () => {
    const t = await run('import asyncio\n# loopscope: latency nowhere.example=0.1\nprint("x")\n');
    expect(t.end.kind).toBe('syntaxError');
    expect(t.end.message).toContain('line 2');
    expect(t.end.message).toContain("unknown host 'nowhere.example'");
    const t2 = await run('# loopscope: latncy example.com=1\n');
    expect(t2.end.message).toContain('line 1');
  });
});

describe('the built-in hosts', () => {
  it('serves HTTP with a think time and /delay/N, and closes after the response', async () => {
    const t = await run(`import socket, time
s = socket.create_connection(('example.com', 80))
s.sendall(b'GET /delay/2 HTTP/1.1\\r\\nHost: example.com\\r\\n\\r\\n')
data = b''
while chunk := s.recv(4096):
    data += chunk
print(data.split(b'\\r\\n')[0], round(time.monotonic(), 3))
`);
    expect(out(t)).toBe("b'HTTP/1.1 200 OK' 2.21\n");
  });
});

describe('backpressure', () => {
  it('pauses a writer on drain while the reader is slow, with modelled buffer sizes', async () => {
    const t = await run(`# loopscope: buffer 16384
import asyncio

async def slow(reader, writer):
    total = 0
    while data := await reader.read(4096):
        total += len(data)
        await asyncio.sleep(0.01)
    print('received', total)
    writer.close()

async def main():
    server = await asyncio.start_server(slow, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    paused = 0
    for i in range(8):
        writer.write(b'x' * 65536)
        if writer.transport.get_write_buffer_size() > 65536:
            paused += 1
        await writer.drain()
    writer.close()
    await writer.wait_closed()
    await asyncio.sleep(2)
    print('paused', paused)

asyncio.run(main())
`);
    expect(out(t)).toMatch(/^received 524288\npaused [1-8]\n$/);
    const waits = t.events.flatMap((e) =>
      e.t === 'taskWaiting' && e.reason.kind === 'io' ? [e.reason.expr] : [],
    );
    expect(waits.some((w) => w.startsWith('write to 127.0.0.1:') && w.endsWith('(buffer full)'))).toBe(true);
  });
});

describe('blocking sockets in a program without asyncio', () => {
  it('spend the main thread virtual time, each wait a step boundary as time.sleep is', async () => {
    const t = await run(`import socket, time
for path in ('/delay/1', '/'):
    s = socket.create_connection(('example.com', 80))
    s.sendall(f'GET {path} HTTP/1.0\\r\\n\\r\\n'.encode())
    data = b''
    while chunk := s.recv(65536):
        data += chunk
    s.close()
    print(path, data.split(b'\\r\\n')[0].decode(), round(time.monotonic(), 3))
`);
    expect(out(t)).toBe('/delay/1 HTTP/1.1 200 OK 1.21\n/ HTTP/1.1 200 OK 1.42\n');
    expect(t.steps.length).toBeGreaterThan(2);
  });
});
