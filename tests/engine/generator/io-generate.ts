// Generates one random program with I/O from a seed: `# loopscope:` directives for the network's
// latency and buffers and the disk's latency, a few loopback servers (io-servers.ts), a thread
// pool, and workers whose steps are network clients, thread jobs and file calls (io-net-ops.ts,
// io-work-ops.ts). main starts the servers and workers, awaits each worker in turn, then every
// connection handler, closes the servers and waits for them. Same seed, same program.
// Native mode (for comparing with real python3 as well): the workers run one after another, no
// built-in hosts, no timeout that could fire, no virtual times (now() is ""), nothing that shows
// how bytes were split or which thread ran a job, and the servers' lines logged per connection
// and printed at the end, so what is printed does not depend on the machine's timing.

import type { GeneratedProgram } from './generate.ts';
import { HOST_OPS } from './io-host-ops.ts';
import { NET_OPS, type IoContext, type IoOp } from './io-net-ops.ts';
import { makeServer, NATIVE_KINDS, type IoMode, type Server } from './io-servers.ts';
import { WORK_OPS } from './io-work-ops.ts';
import { programSeed, Rng } from './rng.ts';

const indent = (lines: string[]) => lines.map((line) => '    ' + line);

/** The clock as printed, a job's own lines and server lines: virtual, or without timing. */
const VIRTUAL_PRINTS = `def now():
    return repr(asyncio.get_running_loop().time())


def job_says(text):
    # A worker's own virtual time: time.monotonic() on its thread.
    print(f"{text} on {threading.current_thread().name} from {time.monotonic()!r}")


def server_say(key, text):
    print(text, now())
`;

const NATIVE_PRINTS = `def now():
    return ""


def job_says(text):
    pass


def server_say(key, text):
    server_lines.append((key, text))
`;

/** What every program defines: thread jobs, file helpers, protocols. */
const PREAMBLE = `import asyncio
import errno
import os
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor

ports = []
handlers = []
server_lines = []
pool = None
loop = None
PRINTS

def job(tag, secs):
    job_says(f"{tag} job")
    time.sleep(secs)
    return f"{tag} slept {secs}"


def failing_job(tag, secs):
    time.sleep(secs)
    raise ValueError(f"{tag} job failed")


def write_file(path, text):
    with open(path, "w") as f:
        return f.write(text)


def read_file(path):
    with open(path) as f:
        return f.read()


def blocking_echo(tag, host):
    with socket.create_connection((host, 7), timeout=5) as sock:
        sock.sendall(tag.encode())
        return sock.recv(100)


class Collector(asyncio.Protocol):
    def __init__(self, tag, done):
        self.tag, self.done, self.chunks = tag, done, []

    def connection_made(self, transport):
        print(f"{self.tag} protocol connected {now()}")

    def data_received(self, data):
        self.chunks.append(data)

    def eof_received(self):
        print(f"{self.tag} protocol EOF after {len(b''.join(self.chunks))} bytes {now()}")

    def connection_lost(self, exc):
        print(f"{self.tag} protocol lost {type(exc).__name__} {now()}")
        if not self.done.done():
            self.done.set_result(b"".join(self.chunks))


class RawServer:
    """A listening socket served by a task with loop.sock_accept, closed as a Server is."""

    def __init__(self, serve):
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.setblocking(False)
        self.sockets = [listener]
        self.task = asyncio.create_task(serve(listener))

    def close(self):
        self.task.cancel()

    async def wait_closed(self):
        try:
            await self.task
        except asyncio.CancelledError:
            pass
        self.sockets[0].close()


class UdpEcho(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        self.transport.sendto(data.upper(), addr)


class Datagrams(asyncio.DatagramProtocol):
    def __init__(self, done):
        self.done = done

    def datagram_received(self, data, addr):
        if not self.done.done():
            self.done.set_result(data)
`;

function directives(rng: Rng, { native }: IoMode): string[] {
  if (native) return [];
  const lines: string[] = [];
  const latency: string[] = [];
  if (rng.chance(0.5)) latency.push(`loopback=${rng.pick([0, 0.001, 0.01, 0.05])}`);
  if (rng.chance(0.3)) latency.push(`${rng.pick(['example.com', '*'])}=${rng.pick([0.005, 0.2])}`);
  if (latency.length) lines.push(`# loopscope: latency ${latency.join(' ')}`);
  if (rng.chance(0.2)) lines.push(`# loopscope: bandwidth loopback=${rng.pick([1e5, 1e7])}`);
  if (rng.chance(0.3)) lines.push(`# loopscope: buffer ${rng.pick([2048, 16384])}`);
  if (rng.chance(0.4)) lines.push(`# loopscope: disk-latency=${rng.pick([0, 0.001, 0.02])}`);
  return lines;
}

function pickOp(rng: Rng, { native }: IoMode): IoOp {
  const ops = [...NET_OPS, ...HOST_OPS, ...WORK_OPS].filter(([, , alsoNative]) => alsoNative || !native);
  let roll = rng.next() * ops.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [op, weight] of ops) {
    roll -= weight;
    if (roll < 0) return op;
  }
  return ops[0][0];
}

function worker(rng: Rng, index: number, servers: Server[], mode: IoMode): string[] {
  const lines = [`async def worker_${index}():`];
  if (rng.chance(0.5)) lines.push(`    await asyncio.sleep(${rng.pick([0, 0.01, 0.1])})`);
  const steps = rng.int(1, 5);
  for (let step = 0; step < steps; step++) {
    const ctx: IoContext = { rng, tag: `w${index}.${step}`, servers, ...mode };
    lines.push(...indent(pickOp(rng, mode)(ctx)));
  }
  lines.push(`    return "worker_${index} done"`);
  return lines;
}

function main(rng: Rng, servers: Server[], workerCount: number, { native }: IoMode): string[] {
  const workers = Array.from({ length: workerCount }, (_, i) => `worker_${i}`);
  const lines = [
    'async def main():',
    '    global pool, loop',
    '    loop = asyncio.get_running_loop()',
    `    pool = ThreadPoolExecutor(max_workers=${rng.int(1, 4)})`,
    '    servers = []',
  ];
  for (const server of servers)
    lines.push(
      `    ${server.start}`,
      '    servers.append(server)',
      '    ports.append(server.sockets[0].getsockname()[1])',
    );
  lines.push(
    `    print(f"main serves {len(servers)}, ports given: {all(p > 0 for p in ports)} {now()}")`,
    // Natively one after another: the order of two workers' lines is the machine's otherwise.
    native
      ? `    tasks = [${workers.join(', ')}]`
      : `    tasks = [${workers.map((w) => `asyncio.create_task(${w}())`).join(', ')}]`,
    '    for task in tasks:',
    '        try:',
    `            result = repr(await task${native ? '()' : ''})`,
    '        except Exception as error:',
    '            result = f"{type(error).__name__}: {error}"',
    '        print(f"main: {result} {now()}")',
    // Handlers still running would be cancelled by asyncio.run in set order: await them first.
    '    for handler in handlers:',
    '        await handler',
    '    for server in servers:',
    '        server.close()',
    '        await server.wait_closed()',
    '    pool.shutdown()',
    // Each connection's lines in its order; connections by server and number (sort is stable).
    '    for key, text in sorted(server_lines, key=lambda line: line[0]):',
    '        print(text)',
    `    print(f"main ends {now()} with files {sorted(os.listdir('.'))}")`,
  );
  return lines;
}

export function generateIoProgram(seed: number, mode: IoMode = { native: false }): GeneratedProgram {
  const rng = new Rng(seed);
  const servers = mode.native
    ? NATIVE_KINDS.map((kind, i) => makeServer(rng, i, mode, kind))
    : Array.from({ length: rng.int(1, 3) }, (_, i) => makeServer(rng, i, mode));
  const workerCount = rng.int(1, 4);
  const preamble = PREAMBLE.replace('PRINTS\n', '\n' + (mode.native ? NATIVE_PRINTS : VIRTUAL_PRINTS) + '\n');
  const kind = mode.native ? 'I/O, native' : 'I/O';
  const lines = [
    `# Generated by tests/engine/generator (${kind}), seed ${seed}.`,
    ...directives(rng, mode),
    preamble,
  ];
  for (const server of servers) lines.push('', ...server.definition, '');
  for (let i = 0; i < workerCount; i++) lines.push('', ...worker(rng, i, servers, mode), '');
  lines.push('', ...main(rng, servers, workerCount, mode), '', '', 'asyncio.run(main())', '');
  const prefix = mode.native ? 'generated_io_native_' : 'generated_io_';
  return { seed, fileName: `${prefix}${seed}.py`, source: lines.join('\n') };
}

/** `count` I/O programs from one base seed: program i uses programSeed(baseSeed, i). */
export function generateIoPrograms(count: number, baseSeed: number, mode?: IoMode): GeneratedProgram[] {
  return Array.from({ length: count }, (_, i) => generateIoProgram(programSeed(baseSeed, i), mode));
}
