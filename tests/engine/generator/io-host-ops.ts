// Network steps of a generated I/O program's workers beyond its TCP servers, as Python lines: the
// built-in remote hosts (HTTP GET, TCP and UDP echo, a blocking socket that stalls the loop) and
// UDP on loopback.

import { say, stepTimeout, STEP_TIMEOUTS, streamClient, type IoOp } from './io-net-ops.ts';

const HOSTS = ['example.com', 'example.org', 'example.net'] as const;

const httpGet: IoOp = (ctx) => {
  const { rng, tag } = ctx;
  const host = rng.pick(HOSTS);
  const path = rng.pick(['/', '/delay/0.2', '/delay/1', '/bytes/5000', '/missing']);
  return streamClient(ctx, `"${host}", 80`, [
    `writer.write(b"GET ${path} HTTP/1.1\\r\\nHost: ${host}\\r\\n\\r\\n")`,
    'status = await reader.readline()',
    'rest = await reader.read()',
    `print(f"${tag} ${host}${path}: {status!r} then {len(rest)} bytes {now()}")`,
  ]);
};

const remoteEcho: IoOp = (ctx) => {
  const { rng, tag } = ctx;
  return streamClient(ctx, `"${rng.pick(HOSTS)}", 7`, [
    `writer.write(b"${tag} echo me")`,
    `print(f"${tag} echoed {await reader.readexactly(${tag.length + 8})!r} {now()}")`,
  ]);
};

const udpEcho: IoOp = (ctx) => {
  const { rng, tag } = ctx;
  // Remote hosts only: the loop's own timeout below.
  return [
    'done = loop.create_future()',
    `transport, _ = await loop.create_datagram_endpoint(lambda: Datagrams(done), remote_addr=("${rng.pick(HOSTS)}", 7))`,
    `transport.sendto(b"${tag} datagram")`,
    'try:',
    `    async with asyncio.timeout(${rng.pick(STEP_TIMEOUTS)}):`,
    `        print(f"${tag} datagram back {await done!r} {now()}")`,
    'except TimeoutError:',
    `    ${say(tag, 'datagram timed out')}`,
    'transport.close()',
  ];
};

/** UDP on loopback: an echo endpoint of the step's own, and a client endpoint or a plain socket
 * with loop.sock_sendto/sock_recvfrom. */
const udpLoopback: IoOp = (ctx) => {
  const { rng, tag } = ctx;
  const words = Array.from({ length: rng.int(1, 3) }, (_, k) => `b"${tag} d${k}"`).join(', ');
  const viaSock = rng.chance(0.5);
  return [
    'echo, _ = await loop.create_datagram_endpoint(UdpEcho, local_addr=("127.0.0.1", 0))',
    'address = echo.get_extra_info("sockname")',
    ...(viaSock
      ? [
          'sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)',
          'sock.setblocking(False)',
          `for word in (${words},):`,
          '    await loop.sock_sendto(sock, word, address)',
          '    data, sender = await loop.sock_recvfrom(sock, 100)',
          `    print(f"${tag} sock_recvfrom {data!r} from the echo: {sender == address} {now()}")`,
          'sock.close()',
        ]
      : [
          'done = loop.create_future()',
          'client, _ = await loop.create_datagram_endpoint(lambda: Datagrams(done), remote_addr=address)',
          `client.sendto(${words.split(', ')[0]})`,
          'try:',
          `    async with asyncio.timeout(${stepTimeout(ctx)}):`,
          `        print(f"${tag} loopback datagram back {await done!r} {now()}")`,
          'except TimeoutError:',
          `    ${say(tag, 'loopback datagram timed out')}`,
          'client.close()',
        ]),
    'echo.close()',
  ];
};

/** A blocking socket in a coroutine stalls the loop for its round trip (remote echo only: the
 * loop's own servers cannot answer while it is stalled). */
const blockingSocket: IoOp = ({ rng, tag }) => [
  `print(f"${tag} blocking echo {blocking_echo('${tag}', '${rng.pick(HOSTS)}')!r} {now()}")`,
];

/** [op, weight, also natively]: natively no built-in hosts (real CPython has none). */
export const HOST_OPS: [IoOp, number, boolean][] = [
  [httpGet, 2, false],
  [remoteEcho, 1, false],
  [udpEcho, 1, false],
  [udpLoopback, 1, true],
  [blockingSocket, 1, false],
];
