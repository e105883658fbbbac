// I/O speed, printed as figures and ratios, never pass/fail: 1,000 clients x 10 echo
// round trips against one asyncio.start_server. Native python3 runs it for real on loopback
// (127.0.0.1 only, each run bounded by a timeout) with a counting selector and a counting
// Handle._run, so its loop iterations and callbacks are known; the engine runs the same source on
// its virtual network. Loop steps/s = trace steps / CPU seconds; trace bytes per event = the
// trace's JSON size / its events; engine vs native from the same run; medians of RUNS runs.
// Until the engine has the virtual network the engine half says plainly why it has no figure
// and the native half still prints; nothing here needs changing once the engine runs the program.
// Run: npx tsx tests/bench/io.ts   (or npm run bench -- io)

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Trace } from '../../common/trace';
import { createEngine } from '../../engine/python/engine';

const CLIENTS = 1000;
const ROUNDS = 10;
const RUNS = Number(process.env.LOOPSCOPE_BENCH_RUNS ?? 3);
/** One native run's wall-clock limit (a run takes about a second here). */
const NATIVE_TIMEOUT_MS = 120_000;

/** The program both sides run. BATCH = CLIENTS: every client is connected at once (one batch). */
export const ECHO_PROGRAM = `import asyncio

CLIENTS = ${CLIENTS}
ROUNDS = ${ROUNDS}
BATCH = CLIENTS


async def echo(reader, writer):
    while line := await reader.readline():
        writer.write(line)
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, i):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    echoed = 0
    for r in range(ROUNDS):
        writer.write(f"client {i} round {r}\\n".encode())
        await writer.drain()
        echoed += len(await reader.readline())
    writer.close()
    await writer.wait_closed()
    return echoed


async def main():
    server = await asyncio.start_server(echo, "127.0.0.1", 0, backlog=BATCH)
    port = server.sockets[0].getsockname()[1]
    echoed = []
    async with server:
        for start in range(0, CLIENTS, BATCH):
            batch = range(start, min(start + BATCH, CLIENTS))
            echoed += await asyncio.gather(*(client(port, i) for i in batch))
    print("clients", len(echoed), "round trips", CLIENTS * ROUNDS, "bytes echoed", sum(echoed))


asyncio.run(main())
`;

/**
 * Runs the program for real under asyncio's own SelectorEventLoop, counting select() calls (loop
 * iterations) and Handle._run calls (callbacks, what the engine's steps are made of). Raises the
 * soft open-file limit as far as the hard one allows; if 2 x BATCH + 64 descriptors still do not
 * fit, the clients connect in batches that do, and it says so.
 */
const NATIVE_HARNESS = `
import asyncio, contextlib, io, json, re, resource, selectors, sys, time
from asyncio import events

source = open(sys.argv[1]).read()
clients = int(re.search(r"^CLIENTS = (\\d+)$", source, re.M).group(1))
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
need = 2 * clients + 64
if soft < need:
    target = need if hard == resource.RLIM_INFINITY else min(need, hard)
    resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    soft = target
batch = clients if soft >= need else max(1, (soft - 64) // 2)
if batch < clients:
    source = source.replace("BATCH = CLIENTS", f"BATCH = {batch}")

counts = {"iterations": 0, "callbacks": 0}
class CountingSelector(selectors.DefaultSelector):
    def select(self, timeout=None):
        counts["iterations"] += 1
        return super().select(timeout)
_run = events.Handle._run
def counting_run(self):
    counts["callbacks"] += 1
    return _run(self)
events.Handle._run = counting_run
loop_factory = lambda: asyncio.SelectorEventLoop(CountingSelector())
_asyncio_run = asyncio.run
asyncio.run = lambda main, **kw: asyncio.Runner(loop_factory=loop_factory).run(main)

out = io.StringIO()
t0, c0 = time.perf_counter(), time.process_time()
with contextlib.redirect_stdout(out):
    exec(compile(source, "io_bench.py", "exec"), {"__name__": "__main__"})
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
print(json.dumps({"wall": wall, "cpu": cpu, "stdout": out.getvalue(), "clients": clients, "batch": batch,
                  "fdLimit": soft, **counts}))
`;

interface NativeRun {
  wall: number;
  cpu: number;
  stdout: string;
  clients: number;
  batch: number;
  fdLimit: number;
  iterations: number;
  callbacks: number;
}

interface EngineRun {
  wall: number;
  cpu: number;
  trace: Trace;
}

const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rate = (n: number) => `${Math.round(n).toLocaleString('en-US')}/s`;
const count = (n: number) => Math.round(n).toLocaleString('en-US');

function stdoutOf(trace: Trace): string {
  return trace.events.flatMap((e) => (e.t === 'output' && e.stream === 'stdout' ? [e.text] : [])).join('');
}

function nativeRun(dir: string): NativeRun | string {
  const program = join(dir, 'io_bench.py');
  const harness = join(dir, 'harness.py');
  writeFileSync(program, ECHO_PROGRAM);
  writeFileSync(harness, NATIVE_HARNESS);
  try {
    const out = execFileSync('python3', [harness, program], {
      cwd: dir,
      encoding: 'utf8',
      timeout: NATIVE_TIMEOUT_MS,
      killSignal: 'SIGKILL',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 16 * 1024 * 1024,
    });
    return JSON.parse(out.trim().split('\n').pop() ?? '') as NativeRun;
  } catch (e) {
    const error = e as Error & { code?: string; stderr?: string; signal?: string };
    if (error.code === 'ENOENT') return 'python3 not found';
    if (error.signal) return `killed by ${error.signal} (timeout ${NATIVE_TIMEOUT_MS} ms?)`;
    return `failed: ${(error.stderr ?? error.message).trim().split('\n').slice(-1)[0]}`;
  }
}

async function main(): Promise<void> {
  console.log(
    `${count(CLIENTS)} clients x ${ROUNDS} echo round trips against one start_server; medians of ${RUNS} runs`,
  );

  // Native first: its figure must print even when the engine cannot run the program.
  const dir = mkdtempSync(join(tmpdir(), 'loopscope-bench-io-'));
  const natives: NativeRun[] = [];
  let nativeProblem = '';
  try {
    for (let i = 0; i < RUNS; i++) {
      const run = nativeRun(dir);
      if (typeof run === 'string') {
        nativeProblem = run;
        break;
      }
      natives.push(run);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  let native: { wall: number; cpu: number; iterations: number; callbacks: number; stdout: string } | null =
    null;
  if (natives.length > 0) {
    native = {
      wall: mid(natives.map((r) => r.wall)),
      cpu: mid(natives.map((r) => r.cpu)),
      iterations: mid(natives.map((r) => r.iterations)),
      callbacks: mid(natives.map((r) => r.callbacks)),
      stdout: natives[0].stdout,
    };
    const batch = natives[0].batch;
    console.log(`  program prints: ${native.stdout.trim()}`);
    console.log(
      `  native python3, real loopback:    wall ${native.wall.toFixed(2)} s   cpu ${native.cpu.toFixed(2)} s   ` +
        `${count(native.iterations)} loop iterations (${rate(native.iterations / native.cpu)} cpu), ` +
        `${count(native.callbacks)} callbacks (${rate(native.callbacks / native.cpu)} cpu)`,
    );
    console.log(
      batch < natives[0].clients
        ? `  (open-file limit ${natives[0].fdLimit}: clients connected ${batch} at a time, not all at once)`
        : `  (all ${count(natives[0].clients)} clients connected at once; open-file limit ${natives[0].fdLimit})`,
    );
  } else console.log(`  native python3: no figure (${nativeProblem})`);

  // The engine on its virtual network.
  const engine = await createEngine();
  const runs: EngineRun[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const trace = await engine.run(ECHO_PROGRAM, 'io_bench.py', { maxSteps: 10_000_000 });
    const c = process.cpuUsage(c0);
    runs.push({ wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6, trace });
    if (trace.end.kind !== 'ok') break; // one failed run says all there is to say
  }
  const last = runs[runs.length - 1].trace;
  if (last.end.kind !== 'ok') {
    const notYet = last.end.message.includes('NotImplementedError');
    console.log(
      `  engine: NO FIGURE: ${notYet ? 'the engine cannot run this program yet' : 'the run did not finish'}; ` +
        `it ended "${last.end.kind}": ${last.end.message.split('\n')[0].slice(0, 200)}`,
    );
    console.log(`  engine/native ratio: none (${notYet ? 'the engine could not run it' : 'see above'})`);
    return;
  }
  const steps = last.steps.length;
  const events = last.events.length;
  const bytes = JSON.stringify(last).length;
  const wall = mid(runs.map((r) => r.wall));
  const cpu = mid(runs.map((r) => r.cpu));
  const engineStdout = stdoutOf(last);
  console.log(
    `  engine, trace on:                 wall ${wall.toFixed(2)} s   cpu ${cpu.toFixed(2)} s   ` +
      `${count(steps)} steps: ${rate(steps / cpu)} cpu, ${rate(steps / wall)} wall; ${count(events)} events`,
  );
  if (native && engineStdout !== native.stdout) {
    console.log(
      `  WARNING: the engine printed ${JSON.stringify(engineStdout)}, native ${JSON.stringify(native.stdout)}`,
    );
  }
  console.log(
    `  trace JSON: ${(bytes / 1e6).toFixed(1)} MB, ${(bytes / events).toFixed(1)} bytes/event (aim < 100)`,
  );
  if (native) {
    console.log(
      `  engine/native (same program, same run): time cpu ${(native.cpu / cpu).toFixed(3)}, wall ` +
        `${(native.wall / wall).toFixed(3)}; engine steps/s ${rate(steps / cpu)} vs native callbacks/s ` +
        `${rate(native.callbacks / native.cpu)} (${(steps / cpu / (native.callbacks / native.cpu)).toFixed(3)})`,
    );
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
