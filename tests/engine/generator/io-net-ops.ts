// Network steps of a generated I/O program's workers against its loopback servers, as Python
// lines: stream clients (open_connection, write/drain, readline/readexactly/read, write_eof), a
// protocol client from create_connection, raw loop.sock_* calls, connection refused, and a read
// under a tight timeout (the built-in hosts and UDP: io-host-ops.ts).
// Each step picks a server that suits it, and now and then any server: every wait is bounded by a
// timeout and every connection is closed, so a mismatched pair ends too.

import type { Rng } from './rng.ts';
import { LINE_SERVERS, type IoMode, type Server, type ServerKind } from './io-servers.ts';

export interface IoContext extends IoMode {
  rng: Rng;
  /** Printed in every line the step prints, e.g. "w2.3" (worker 2, step 3). */
  tag: string;
  servers: Server[];
}

export type IoOp = (ctx: IoContext) => string[];

export const STEP_TIMEOUTS = [0.05, 0.3, 1.0, 3.0] as const;
/** A timeout for a step: natively one that never fires (a race with real time is no comparison). */
export const stepTimeout = ({ rng, native }: IoContext) => (native ? 10 : rng.pick(STEP_TIMEOUTS));
export const say = (tag: string, what: string) => `print(f"${tag} ${what} {now()}")`;
export const indent = (lines: string[], by = 1) => lines.map((line) => '    '.repeat(by) + line);
const failed = (tag: string, what: string) => `print(f"${tag} ${what} {type(error).__name__} {now()}")`;

/** The index of a server of one of `kinds` (any server now and then, or when none fits). */
function serverFor({ rng, servers, native }: IoContext, kinds: readonly ServerKind[]): number {
  const fitting = servers.filter((s) => kinds.includes(s.kind));
  return (fitting.length === 0 || (!native && rng.chance(0.1)) ? rng.pick(servers) : rng.pick(fitting)).index;
}

/** A stream client: connect, `body` under a timeout, then close and wait for the close. */
export function streamClient(ctx: IoContext, connect: string, body: string[]): string[] {
  const { tag } = ctx;
  return [
    'try:',
    `    reader, writer = await asyncio.open_connection(${connect})`,
    'except OSError as error:',
    `    ${failed(tag, 'connect failed:')}`,
    'else:',
    '    try:',
    `        async with asyncio.timeout(${stepTimeout(ctx)}):`,
    ...indent(body, 3),
    '    except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError) as error:',
    `        ${failed(tag, 'stream')}`,
    '    writer.close()',
    '    try:',
    '        await writer.wait_closed()',
    '    except OSError as error:',
    `        ${failed(tag, 'wait_closed')}`,
    `    ${say(tag, 'closed')}`,
  ];
}

const loopback = (ctx: IoContext, kinds: readonly ServerKind[]) =>
  `"127.0.0.1", ports[${serverFor(ctx, kinds)}]`;

const lineClient: IoOp = (ctx) => {
  const { rng, tag } = ctx;
  const drain = rng.chance(0.7);
  const body = [
    `for k in range(${rng.int(1, 3)}):`,
    `    writer.write(f"${tag} line {k}\\n".encode())`,
    ...(drain ? ['    await writer.drain()'] : []),
    `    print(f"${tag} reply {await reader.readline()!r} {now()}")`,
  ];
  if (rng.chance(0.5))
    body.push('writer.write_eof()', `print(f"${tag} after EOF {await reader.read()!r} {now()}")`);
  return streamClient(ctx, loopback(ctx, LINE_SERVERS), body);
};

/** Writes, half-closes, reads to the end: suits every server (each answers or closes at EOF). */
const halfClose: IoOp = (ctx) => {
  const { rng, tag } = ctx;
  const payload = rng.pick(['b"abc\\n"', `b"${tag} one\\ntwo\\n"`, 'b"x" * 3000', 'b""']);
  return streamClient(
    ctx,
    loopback(ctx, ['reverse', 'greet', 'sink', 'lines', 'protocol', 'raw', 'hangUp']),
    [
      `writer.write(${payload})`,
      'writer.write_eof()',
      `print(f"${tag} can write EOF: {writer.can_write_eof()} {now()}")`,
      'data = await reader.read()',
      `print(f"${tag} read {len(data)} bytes {data[:24]!r} at EOF {reader.at_eof()} {now()}")`,
    ],
  );
};

const exactClient: IoOp = (ctx) => {
  const { rng, tag } = ctx;
  const body = rng.pick(['hello', `${tag} payload`, 'x'.repeat(40)]);
  const head = String(body.length).padStart(3, '0');
  const split = rng.chance(0.5);
  return streamClient(ctx, loopback(ctx, ['exact']), [
    split ? `writer.write(b"${head}${body.slice(0, 2)}")` : `writer.write(b"${head}${body}")`,
    ...(split ? [`await asyncio.sleep(${rng.pick([0, 0.1])})`, `writer.write(b"${body.slice(2)}")`] : []),
    rng.chance(0.5)
      ? `print(f"${tag} answer {await reader.readexactly(${body.length + 3})!r} {now()}")`
      : `print(f"${tag} answer {await reader.read()!r} {now()}")`,
  ]);
};

const greetClient: IoOp = (ctx) => {
  const { tag } = ctx;
  return streamClient(ctx, loopback(ctx, ['greet']), [
    `print(f"${tag} greeted {await reader.readline()!r} {now()}")`,
    `writer.write(b"${tag} thanks")`,
    'writer.write_eof()',
    `print(f"${tag} then {await reader.read()!r} {now()}")`,
  ]);
};

/** Much data into a small window: drain() really waits (README "Windows and backpressure"). */
const bulkClient: IoOp = (ctx) => {
  const { rng, tag } = ctx;
  const chunk = rng.pick([1000, 8192, 65536]);
  const count = rng.int(1, 12);
  return streamClient(ctx, loopback(ctx, ['sink', 'reverse']), [
    `for k in range(${count}):`,
    `    writer.write(b"${tag.replace('.', '')}" * ${Math.ceil(chunk / 4)})`,
    ...(rng.chance(0.7) ? ['    await writer.drain()'] : []),
    'await writer.drain()',
    ctx.native
      ? say(tag, 'drained')
      : `print(f"${tag} drained {writer.transport.get_write_buffer_size()} left {now()}")`,
    'writer.write_eof()',
    'answer = await reader.read()',
    `print(f"${tag} answer {len(answer)} bytes {answer[:12]!r} {now()}")`,
  ]);
};

const protocolClient: IoOp = (ctx) => {
  const { rng, tag } = ctx;
  const eof = ctx.native || rng.chance(0.7);
  return [
    'done = loop.create_future()',
    'try:',
    `    transport, _ = await loop.create_connection(lambda: Collector("${tag}", done), ${loopback(ctx, ['lines', 'protocol', 'raw', 'reverse', 'sink'])})`,
    'except OSError as error:',
    `    ${failed(tag, 'create_connection failed:')}`,
    'else:',
    `    transport.write(b"${tag} via protocol\\n")`,
    ...(eof ? ['    transport.write_eof()'] : []),
    '    try:',
    `        async with asyncio.timeout(${stepTimeout(ctx)}):`,
    `            print(f"${tag} collected {await done!r} {now()}")`,
    '    except TimeoutError:',
    `        ${say(tag, 'collect timed out')}`,
    '    transport.close()',
    '    await asyncio.sleep(0)',
    `    ${say(tag, 'protocol client closed')}`,
  ];
};

const sockClient: IoOp = (ctx) => {
  const { rng, tag } = ctx;
  const into = rng.chance(0.5);
  return [
    'sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)',
    'sock.setblocking(False)',
    'try:',
    `    async with asyncio.timeout(${stepTimeout(ctx)}):`,
    `        await loop.sock_connect(sock, (${loopback(ctx, LINE_SERVERS)}))`,
    `        await loop.sock_sendall(sock, b"${tag} raw\\n")`,
    ...(into
      ? [
          '        buffer = bytearray(64)',
          '        got = bytes(buffer[:await loop.sock_recv_into(sock, buffer)])',
        ]
      : ['        got = await loop.sock_recv(sock, 1024)']),
    `        print(f"${tag} sock got {got!r} {now()}")`,
    '        sock.shutdown(socket.SHUT_WR)',
    `        print(f"${tag} sock then {await loop.sock_recv(sock, 1024)!r} {now()}")`,
    'except OSError as error:',
    `    ${failed(tag, 'sock')}`,
    'sock.close()',
  ];
};

const refused: IoOp = ({ rng, tag }) =>
  rng.chance(0.5)
    ? [
        'try:',
        '    await asyncio.open_connection("127.0.0.1", 9)',
        'except OSError as error:',
        `    ${failed(tag, 'refused:')}`,
      ]
    : [
        'sock = socket.socket()',
        'sock.setblocking(False)',
        'try:',
        '    await loop.sock_connect(sock, ("127.0.0.1", 9))',
        'except OSError as error:',
        `    ${failed(tag, 'sock refused:')}`,
        'sock.close()',
      ];

/** A read that a slow server answers after the timeout: wait_for or asyncio.timeout. */
const readTimeout: IoOp = (ctx) => {
  const { rng, tag } = ctx;
  const read = rng.chance(0.5)
    ? `await asyncio.wait_for(reader.readline(), ${rng.pick([0.01, 0.1, 0.3])})`
    : 'await reader.readline()';
  return streamClient(ctx, loopback(ctx, ['slowLines']), [
    `writer.write(b"${tag} are you there\\n")`,
    'try:',
    `    async with asyncio.timeout(${rng.pick([0.01, 0.1, 0.3])}):`,
    `        print(f"${tag} in time {${read}!r} {now()}")`,
    'except TimeoutError:',
    `    ${say(tag, 'read timed out')}`,
    `print(f"${tag} later {await reader.readline()!r} {now()}")`,
  ]);
};

/** [op, weight, also natively]: natively no race with a timeout. */
export const NET_OPS: [IoOp, number, boolean][] = [
  [lineClient, 5, true],
  [halfClose, 3, true],
  [exactClient, 2, true],
  [greetClient, 2, true],
  [bulkClient, 2, true],
  [protocolClient, 2, true],
  [sockClient, 2, true],
  [refused, 1, true],
  [readTimeout, 2, false],
];
