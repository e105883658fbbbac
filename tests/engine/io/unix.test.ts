// AF_UNIX stream sockets by path on the engine: what only the virtual world can show (the socket
// file on the in-memory disk found by its inode, abstract names, the waits naming the path).
// Their behaviour against real CPython is the corpus's (92-94, 69, run for real too).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../engine/python/engine';
import { createTestEngine } from '../../support/engine-snapshot';
import { out, waits } from './helpers';

let engine: Engine;
beforeAll(async () => {
  engine = await createTestEngine();
});

const run = (src: string) => engine.run(src, 'main.py', {});

describe('AF_UNIX sockets by path', () => {
  it('makes a socket file on the disk that a connect finds by its inode', async () => {
    const t = await run(`import os, socket, stat
lst = socket.socket(socket.AF_UNIX)
lst.bind('a.sock')
lst.listen()
print('family', socket.AF_UNIX, 'is a socket', stat.S_ISSOCK(os.stat('a.sock').st_mode))
print('listed', sorted(os.listdir()))
os.rename('a.sock', 'b.sock')
c = socket.socket(socket.AF_UNIX)
c.connect('b.sock')
conn, addr = lst.accept()
print('accepted', repr(addr), conn.getsockname())
os.unlink('b.sock')
for path in ('b.sock', '\\0abstract'):
    try:
        socket.socket(socket.AF_UNIX).connect(path)
    except OSError as e:
        print(type(e).__name__)
try:
    socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM).bind('d.sock')
except OSError as e:
    print('datagram', e.strerror.split(' (')[0])
`);
    expect(out(t)).toBe(
      [
        'family 1 is a socket True',
        "listed ['a.sock']",
        "accepted '' a.sock",
        'FileNotFoundError',
        'ConnectionRefusedError',
        'datagram AF_UNIX datagram sockets are not available on the virtual network',
        '',
      ].join('\n'),
    );
  });

  it('names the path a task waits to read from', async () => {
    const t = await run(`import asyncio, socket

async def handle(reader, writer):
    await asyncio.sleep(0.5)
    writer.write(b'late')
    writer.close()

async def main():
    server = await asyncio.start_unix_server(handle, 'w.sock')
    reader, writer = await asyncio.open_unix_connection('w.sock')
    print(await reader.read())
    writer.close()
    server.close()

asyncio.run(main())
`);
    expect(out(t)).toBe("b'late'\n");
    expect(waits(t).map((w) => w.expr)).toContain('read from w.sock');
  });
});
