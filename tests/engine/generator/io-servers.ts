// The servers a generated I/O program starts on loopback: asyncio.start_server handlers of a few
// kinds (echo lines, answer late, read to EOF and reverse, length-prefixed, greet first, count
// bytes, hang up), a protocol server from loop.create_server, and a listening socket served with
// loop.sock_accept (RawServer in io-generate.ts). Every handler ends: its reads are bounded by a
// timeout and the client always closes, so `wait_closed()` returns.

import type { Rng } from './rng.ts';

export type ServerKind =
  'lines' | 'slowLines' | 'reverse' | 'exact' | 'greet' | 'sink' | 'hangUp' | 'protocol' | 'raw';

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
  'raw',
];

/** Server kinds that answer each line with the line upper-cased (and so suit a line client). */
export const LINE_SERVERS: readonly ServerKind[] = ['lines', 'slowLines', 'protocol', 'raw'];

/** How a generated program is meant to be compared (see io-generate.ts): with the oracle only,
 * printing virtual times and chunk sizes, or also with native python3, printing nothing timing
 * or chunking decides (server lines logged per connection and printed at the end). */
export interface IoMode {
  native: boolean;
}

export interface Server {
  index: number;
  kind: ServerKind;
  /** Module-level Python: the handler coroutine or the protocol class. */
  definition: string[];
  /** The statement in main() that starts it (it binds `server`). */
  start: string;
}

const indent = (lines: string[], by = 1) => lines.map((line) => '    '.repeat(by) + line);

const say = (me: string, what: string) => `server_say(key, f"${me} ${what}")`;

function handlerBody(
  rng: Rng,
  kind: Exclude<ServerKind, 'protocol' | 'raw'>,
  me: string,
  mode: IoMode,
): string[] {
  switch (kind) {
    case 'lines':
    case 'slowLines':
      return [
        'while line := await reader.readline():',
        `    ${say(me, 'got {line!r}')}`,
        ...(kind === 'slowLines' ? [`    await asyncio.sleep(${rng.pick([0.05, 0.2, 0.5])})`] : []),
        '    writer.write(line.upper())',
        '    await writer.drain()',
        say(me, 'saw EOF'),
      ];
    case 'reverse':
      return [
        'data = await reader.read()',
        say(me, 'read {len(data)} bytes'),
        'writer.write(data[::-1])',
        'await writer.drain()',
      ];
    case 'exact':
      return [
        'size = int(await reader.readexactly(3))',
        'body = await reader.readexactly(size)',
        say(me, 'body {body!r}'),
        'writer.write(b"ok:" + body)',
        'await writer.drain()',
      ];
    case 'greet':
      return [
        `writer.write(b"hello from ${me.split(' ')[0]}\\n")`,
        'await writer.drain()',
        'rest = await reader.read()',
        say(me, 'then read {len(rest)} bytes'),
      ];
    case 'sink':
      return [
        'total = chunks = 0',
        `while chunk := await reader.read(${rng.pick([1024, 65536])}):`,
        '    total += len(chunk)',
        '    chunks += 1',
        say(me, mode.native ? 'sank {total} bytes' : 'sank {total} bytes in {chunks} reads'),
        'writer.write(f"{total}\\n".encode())',
        'await writer.drain()',
      ];
    case 'hangUp':
      // Closing with the client's bytes unread sends a reset (README "Close").
      return [`await asyncio.sleep(${rng.pick([0, 0.05, 0.3])})`, say(me, 'hangs up')];
  }
}

function streamServer(
  rng: Rng,
  index: number,
  kind: Exclude<ServerKind, 'protocol' | 'raw'>,
  mode: IoMode,
): Server {
  const me = `s${index} #{n}`;
  const definition = [
    `async def serve_${index}(reader, writer):`,
    '    handlers.append(asyncio.current_task())',
    '    n = len(handlers)',
    `    key = (${index}, n)`,
    `    ${say(me, 'accepted')}`,
    '    try:',
    '        async with asyncio.timeout(10):',
    ...indent(handlerBody(rng, kind, me, mode), 3),
    '    except (OSError, asyncio.IncompleteReadError, ValueError) as error:',
    `        ${say(me, '{type(error).__name__}')}`,
    '    writer.close()',
    `    ${say(me, 'closed')}`,
  ];
  const limit = !mode.native && rng.chance(0.2) ? ', limit=64' : '';
  return {
    index,
    kind,
    definition,
    start: `server = await asyncio.start_server(serve_${index}, "127.0.0.1", 0${limit})`,
  };
}

function protocolServer(index: number, mode: IoMode): Server {
  const me = `s${index} #{self.n}`;
  const sayHere = (what: string) => say(me, what).replace('(key,', '(self.key,');
  return {
    index,
    kind: 'protocol',
    definition: [
      `class Echo_${index}(asyncio.Protocol):`,
      '    count = 0',
      '',
      '    def connection_made(self, transport):',
      '        self.transport = transport',
      `        Echo_${index}.count += 1`,
      `        self.n, self.got = Echo_${index}.count, 0`,
      `        self.key = (${index}, self.n)`,
      `        ${sayHere('protocol connected')}`,
      '',
      '    def data_received(self, data):',
      '        self.got += len(data)',
      // A data_received per chunk: how bytes are split is the network's timing.
      ...(mode.native ? [] : [`        ${sayHere('protocol got {len(data)} bytes {data[:24]!r}')}`]),
      '        self.transport.write(data.upper())',
      '',
      '    def eof_received(self):',
      `        ${sayHere('protocol EOF after {self.got} bytes')}`,
      '',
      '    def connection_lost(self, exc):',
      `        ${sayHere('protocol lost {type(exc).__name__}')}`,
    ],
    start: `server = await loop.create_server(Echo_${index}, "127.0.0.1", 0)`,
  };
}

/** An accept loop on a plain listening socket; each connection echoes chunks upper-cased. */
function rawServer(rng: Rng, index: number, mode: IoMode): Server {
  const me = `s${index} #{n}`;
  return {
    index,
    kind: 'raw',
    definition: [
      `async def accept_${index}(listener):`,
      '    while True:',
      '        conn, _ = await loop.sock_accept(listener)',
      `        handlers.append(asyncio.create_task(raw_${index}(conn, len(handlers) + 1)))`,
      '',
      '',
      `async def raw_${index}(conn, n):`,
      `    key = (${index}, n)`,
      `    ${say(me, 'sock_accept gave a connection')}`,
      '    chunks = total = 0',
      '    try:',
      '        async with asyncio.timeout(10):',
      // Natively a chunk is what one recv() found: only the virtual world's split is fixed.
      `            while data := await loop.sock_recv(conn, ${mode.native ? 4096 : rng.pick([16, 4096])}):`,
      '                chunks, total = chunks + 1, total + len(data)',
      ...(mode.native
        ? []
        : ['                if chunks <= 3:', `                    ${say(me, 'sock_recv {data!r}')}`]),
      '                await loop.sock_sendall(conn, data.upper())',
      '    except OSError as error:',
      `        ${say(me, '{type(error).__name__}')}`,
      '    conn.close()',
      `    ${say(me, mode.native ? 'closed after {total} bytes' : 'closed after {chunks} chunks, {total} bytes')}`,
    ],
    start: `server = RawServer(accept_${index})`,
  };
}

/** Natively one server of each kind, so every client finds one that suits it (a mismatched pair
 * ends by its timeout, a race with real time), but none whose lines depend on timing: one that
 * answers late (a client's timeout races it) or hangs up (a reset or an end of file, by when the
 * bytes came). */
export const NATIVE_KINDS: readonly ServerKind[] = [
  'lines',
  'reverse',
  'exact',
  'greet',
  'sink',
  'protocol',
  'raw',
];

export function makeServer(rng: Rng, index: number, mode: IoMode, kind = rng.pick(SERVER_KINDS)): Server {
  if (kind === 'protocol') return protocolServer(index, mode);
  return kind === 'raw' ? rawServer(rng, index, mode) : streamServer(rng, index, kind, mode);
}
