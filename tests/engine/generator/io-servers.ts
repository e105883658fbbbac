// The servers a generated I/O program starts on loopback: asyncio.start_server handlers of a few
// kinds (echo lines, answer late, read to EOF and reverse, length-prefixed, greet first, count
// bytes, hang up) and a protocol server from loop.create_server. Every handler ends: its reads
// are bounded by a timeout and the client always closes, so `Server.wait_closed()` returns.

import type { Rng } from './rng.ts';

export type ServerKind =
  'lines' | 'slowLines' | 'reverse' | 'exact' | 'greet' | 'sink' | 'hangUp' | 'protocol';

export const SERVER_KINDS: readonly ServerKind[] = [
  'lines',
  'lines',
  'slowLines',
  'reverse',
  'exact',
  'greet',
  'sink',
  'hangUp',
  'protocol',
];

/** Server kinds that answer each line with the line upper-cased (and so suit a line client). */
export const LINE_SERVERS: readonly ServerKind[] = ['lines', 'slowLines', 'protocol'];

export interface Server {
  index: number;
  kind: ServerKind;
  /** Module-level Python: the handler coroutine or the protocol class. */
  definition: string[];
  /** The statement in main() that starts it (it binds `server`). */
  start: string;
}

const indent = (lines: string[], by = 1) => lines.map((line) => '    '.repeat(by) + line);

function handlerBody(rng: Rng, kind: Exclude<ServerKind, 'protocol'>, me: string): string[] {
  switch (kind) {
    case 'lines':
    case 'slowLines':
      return [
        'while line := await reader.readline():',
        `    print(f"${me} got {line!r} {now()}")`,
        ...(kind === 'slowLines' ? [`    await asyncio.sleep(${rng.pick([0.05, 0.2, 0.5])})`] : []),
        '    writer.write(line.upper())',
        '    await writer.drain()',
        `print(f"${me} saw EOF {now()}")`,
      ];
    case 'reverse':
      return [
        'data = await reader.read()',
        `print(f"${me} read {len(data)} bytes {now()}")`,
        'writer.write(data[::-1])',
        'await writer.drain()',
      ];
    case 'exact':
      return [
        'size = int(await reader.readexactly(3))',
        'body = await reader.readexactly(size)',
        `print(f"${me} body {body!r} {now()}")`,
        'writer.write(b"ok:" + body)',
        'await writer.drain()',
      ];
    case 'greet':
      return [
        `writer.write(b"hello from ${me.split(' ')[0]}\\n")`,
        'await writer.drain()',
        'rest = await reader.read()',
        `print(f"${me} then read {len(rest)} bytes {now()}")`,
      ];
    case 'sink':
      return [
        'total = chunks = 0',
        `while chunk := await reader.read(${rng.pick([1024, 65536])}):`,
        '    total += len(chunk)',
        '    chunks += 1',
        `print(f"${me} sank {total} bytes in {chunks} reads {now()}")`,
        'writer.write(f"{total}\\n".encode())',
        'await writer.drain()',
      ];
    case 'hangUp':
      // Closing with the client's bytes unread sends a reset (README "Close").
      return [`await asyncio.sleep(${rng.pick([0, 0.05, 0.3])})`, `print(f"${me} hangs up {now()}")`];
  }
}

function streamServer(rng: Rng, index: number, kind: Exclude<ServerKind, 'protocol'>): Server {
  const me = `s${index} #{n}`;
  const definition = [
    `async def serve_${index}(reader, writer):`,
    '    handlers.append(asyncio.current_task())',
    '    n = len(handlers)',
    `    print(f"${me} accepted {now()}")`,
    '    try:',
    '        async with asyncio.timeout(10):',
    ...indent(handlerBody(rng, kind, me), 3),
    '    except (OSError, asyncio.IncompleteReadError, ValueError) as error:',
    `        print(f"${me} {type(error).__name__} {now()}")`,
    '    writer.close()',
    `    print(f"${me} closed {now()}")`,
  ];
  const limit = rng.chance(0.2) ? ', limit=64' : '';
  return {
    index,
    kind,
    definition,
    start: `server = await asyncio.start_server(serve_${index}, "127.0.0.1", 0${limit})`,
  };
}

function protocolServer(index: number): Server {
  const me = `s${index}`;
  return {
    index,
    kind: 'protocol',
    definition: [
      `class Echo_${index}(asyncio.Protocol):`,
      '    def connection_made(self, transport):',
      '        self.transport = transport',
      `        print(f"${me} protocol connected {now()}")`,
      '',
      '    def data_received(self, data):',
      `        print(f"${me} protocol got {len(data)} bytes {data[:24]!r} {now()}")`,
      '        self.transport.write(data.upper())',
      '',
      '    def eof_received(self):',
      `        print(f"${me} protocol EOF {now()}")`,
      '',
      '    def connection_lost(self, exc):',
      `        print(f"${me} protocol lost {type(exc).__name__} {now()}")`,
    ],
    start: `server = await loop.create_server(Echo_${index}, "127.0.0.1", 0)`,
  };
}

export function makeServer(rng: Rng, index: number): Server {
  const kind = rng.pick(SERVER_KINDS);
  return kind === 'protocol' ? protocolServer(index) : streamServer(rng, index, kind);
}
