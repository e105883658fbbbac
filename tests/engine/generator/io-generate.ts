// Generates one random program with I/O from a seed: `# loopscope:` directives for the network's
// latency and buffers and the disk's latency, a few loopback servers (io-servers.ts), a thread
// pool, and workers whose steps are network clients, thread jobs and file calls (io-net-ops.ts,
// io-work-ops.ts). main starts the servers and workers, awaits each worker in turn, then every
// connection handler, closes the servers and waits for them. Same seed, same program.

import type { GeneratedProgram } from './generate.ts';
import { NET_OPS, type IoContext, type IoOp } from './io-net-ops.ts';
import { makeServer, type Server } from './io-servers.ts';
import { WORK_OPS } from './io-work-ops.ts';
import { programSeed, Rng } from './rng.ts';

const indent = (lines: string[]) => lines.map((line) => '    ' + line);

/** What every program defines: the clock as printed, thread jobs, file helpers, protocols. */
const PREAMBLE = `import asyncio
import errno
import os
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor

ports = []
handlers = []
pool = None
loop = None


def now():
    return repr(asyncio.get_running_loop().time())


def job(tag, secs):
    # A worker's own virtual time: time.monotonic() on its thread.
    print(f"{tag} job on {threading.current_thread().name} from {time.monotonic()!r}")
    time.sleep(secs)
    return f"{tag} slept {secs} until {time.monotonic()!r}"


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
        print(f"{self.tag} protocol EOF after {len(self.chunks)} chunks {now()}")

    def connection_lost(self, exc):
        print(f"{self.tag} protocol lost {type(exc).__name__} {now()}")
        if not self.done.done():
            self.done.set_result(b"".join(self.chunks))


class Datagrams(asyncio.DatagramProtocol):
    def __init__(self, done):
        self.done = done

    def datagram_received(self, data, addr):
        if not self.done.done():
            self.done.set_result(data)
`;

function directives(rng: Rng): string[] {
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

function pickOp(rng: Rng): IoOp {
  const ops = [...NET_OPS, ...WORK_OPS];
  let roll = rng.next() * ops.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [op, weight] of ops) {
    roll -= weight;
    if (roll < 0) return op;
  }
  return ops[0][0];
}

function worker(rng: Rng, index: number, servers: Server[]): string[] {
  const lines = [`async def worker_${index}():`];
  if (rng.chance(0.5)) lines.push(`    await asyncio.sleep(${rng.pick([0, 0.01, 0.1])})`);
  const steps = rng.int(1, 5);
  for (let step = 0; step < steps; step++) {
    const ctx: IoContext = { rng, tag: `w${index}.${step}`, servers };
    lines.push(...indent(pickOp(rng)(ctx)));
  }
  lines.push(`    return "worker_${index} done"`);
  return lines;
}

function main(rng: Rng, servers: Server[], workerCount: number): string[] {
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
    `    tasks = [${Array.from({ length: workerCount }, (_, i) => `asyncio.create_task(worker_${i}())`).join(', ')}]`,
    '    for task in tasks:',
    '        try:',
    '            result = repr(await task)',
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
    `    print(f"main ends {now()} with files {sorted(os.listdir('.'))}")`,
  );
  return lines;
}

export function generateIoProgram(seed: number): GeneratedProgram {
  const rng = new Rng(seed);
  const servers = Array.from({ length: rng.int(1, 3) }, (_, i) => makeServer(rng, i));
  const workerCount = rng.int(1, 4);
  const lines = [`# Generated by tests/engine/generator (I/O), seed ${seed}.`, ...directives(rng), PREAMBLE];
  for (const server of servers) lines.push('', ...server.definition, '');
  for (let i = 0; i < workerCount; i++) lines.push('', ...worker(rng, i, servers), '');
  lines.push('', ...main(rng, servers, workerCount), '', '', 'asyncio.run(main())', '');
  return { seed, fileName: `generated_io_${seed}.py`, source: lines.join('\n') };
}

/** `count` I/O programs from one base seed: program i uses programSeed(baseSeed, i). */
export function generateIoPrograms(count: number, baseSeed: number): GeneratedProgram[] {
  return Array.from({ length: count }, (_, i) => generateIoProgram(programSeed(baseSeed, i)));
}
