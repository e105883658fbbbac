// Engine speed, printed as figures and ratios (never pass/fail): loop steps per second with the
// trace on for the two engine programs, against native python3 and against Pyodide running
// asyncio's stock loop (the ceiling for any Pyodide engine), both on a virtual clock, in the same
// run; Pyodide start-up, time to the first a/b/c trace, and trace bytes per event. Wall and CPU
// time both: CPU time holds still when the machine is busy with other work, wall time does not.
// Each program runs RUNS times on each of the three and the medians are compared (this machine's
// timings vary by 10-20% from run to run).
// Run: npx tsx tests/bench/engine.ts   (wall time is fine here: this is not the engine)

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPyodide } from 'pyodide';
import type { Trace } from '../../common/trace';
import { createEngine } from '../../engine/python/engine';
import { PROGRAMS } from './engine-programs';

const GATHER = `import asyncio

async def work(name, delay):
    print(f"{name} started")
    await asyncio.sleep(delay)
    print(f"{name} finished")
    return name

async def main():
    results = await asyncio.gather(work("a", 0.2), work("b", 0.1), work("c", 0.3))
    print(f"Result: {results}")

asyncio.run(main())
`;

/** A stock BaseEventLoop whose selector jumps a virtual clock: CPython's own _run_once, native speed. */
const NATIVE_HARNESS = `
import asyncio, sys, time
from asyncio import base_events
class _Selector:
    def __init__(self, loop): self.loop = loop
    def select(self, timeout):
        if timeout: self.loop._now += timeout
        return []
    def close(self): pass
class VirtualLoop(base_events.BaseEventLoop):
    def __init__(self):
        super().__init__()
        self._now = 0.0
        self._selector = _Selector(self)
    def time(self): return self._now
    def _process_events(self, events): pass
    def _write_to_self(self): pass
_run = asyncio.run
asyncio.run = lambda main, **kw: _run(main, loop_factory=VirtualLoop) if sys.version_info >= (3, 12) else asyncio.runners.Runner(loop_factory=VirtualLoop).run(main)
src = open(sys.argv[1]).read()
t0, c0 = time.perf_counter(), time.process_time()
exec(compile(src, sys.argv[1], 'exec'), {'__name__': '__main__'})
print(time.perf_counter() - t0, time.process_time() - c0)
`;

const RUNS = Number(process.env.LOOPSCOPE_BENCH_RUNS ?? 3);

const ms = (t: number) => `${t.toFixed(1)} ms`;
const rate = (n: number) => `${Math.round(n).toLocaleString('en-US')}/s`;

interface Timing {
  wall: number;
  cpu: number;
}

/** The median wall and the median CPU time of `runs` timings (each taken separately). */
function median(runs: Timing[]): Timing {
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { wall: mid(runs.map((r) => r.wall)), cpu: mid(runs.map((r) => r.cpu)) };
}

function nativeTiming(dir: string, name: string, source: string): Timing | null {
  const file = join(dir, `${name.replace(/[^a-z0-9]+/gi, '_')}.py`);
  writeFileSync(file, source);
  const harness = join(dir, 'harness.py');
  writeFileSync(harness, NATIVE_HARNESS);
  try {
    const [wall, cpu] = execFileSync('python3', [harness, file], { encoding: 'utf8' })
      .trim()
      .split(' ')
      .map(Number);
    return { wall, cpu };
  } catch {
    return null;
  }
}

type Py = Awaited<ReturnType<typeof loadPyodide>>;

/** The same harness inside a plain Pyodide: asyncio's stock loop, no trace, no engine. */
function stockPyodideTiming(py: Py, source: string): Timing {
  py.FS.writeFile(
    '/tmp/harness.py',
    NATIVE_HARNESS.replace(
      /^asyncio\.run = .*$/m,
      'asyncio.run = lambda main, **kw: _run(main, loop_factory=VirtualLoop)',
    ),
  );
  py.FS.writeFile('/tmp/program.py', source);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  py.runPython(
    `import sys, asyncio\nasyncio.events._set_running_loop(None)\nsys.argv = ['harness', '/tmp/program.py']\nexec(open('/tmp/harness.py').read(), {'__name__': '__main__'})`,
  );
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

/** Whether this V8 runs WebAssembly GC: a module declaring one empty struct type validates. */
const wasmGc = WebAssembly.validate(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 3, 1, 0x5f, 0]));

async function main(): Promise<void> {
  console.log(
    `runtime: Node ${process.version}, V8 ${process.versions.v8}; WebAssembly GC ${wasmGc ? 'yes' : 'no'}, so ` +
      `Pyodide calls C functions through ${wasmGc ? 'a WebAssembly' : 'a JavaScript'} trampoline` +
      `${wasmGc ? '' : " (Electron's Node has WebAssembly GC: LOOPSCOPE_BENCH_NODE runs this on another Node)"}`,
  );
  const t0 = performance.now();
  const engine = await createEngine();
  const startup = performance.now() - t0;
  const t1 = performance.now();
  await engine.run(GATHER, 'gather.py');
  const cold = performance.now() - t0;
  const firstRun = performance.now() - t1;
  const warm: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    await engine.run(GATHER, 'gather.py');
    warm.push(performance.now() - t);
  }
  warm.sort((a, b) => a - b);
  console.log(`Pyodide start-up (createEngine):   ${ms(startup)}`);
  console.log(`first a/b/c trace, cold:           ${ms(cold)} (run alone ${ms(firstRun)}; aim < 3000 ms)`);
  console.log(`a/b/c trace, warm (median of 10):  ${ms(warm[5])} (aim < 50 ms)`);

  const quiet = (): void => {};
  const stock = await loadPyodide({ stdout: quiet, stderr: quiet });
  const dir = mkdtempSync(join(tmpdir(), 'loopscope-bench-'));
  try {
    for (const [name, source] of Object.entries(PROGRAMS)) {
      const engineRuns: Timing[] = [];
      const nativeRuns: Timing[] = [];
      const stockRuns: Timing[] = [];
      let last: Trace | undefined;
      for (let i = 0; i < RUNS; i++) {
        const c0 = process.cpuUsage();
        const t = performance.now();
        last = await engine.run(source, 'bench.py', { maxSteps: 10_000_000 });
        const c = process.cpuUsage(c0);
        engineRuns.push({ wall: (performance.now() - t) / 1000, cpu: (c.user + c.system) / 1e6 });
        const n = nativeTiming(dir, name, source);
        if (n) nativeRuns.push(n);
        stockRuns.push(stockPyodideTiming(stock, source));
      }
      const ours = median(engineRuns);
      const native = nativeRuns.length ? median(nativeRuns) : null;
      const base = median(stockRuns);
      if (!last) throw new Error('LOOPSCOPE_BENCH_RUNS must be at least 1');
      const trace = last;
      const steps = trace.steps.length;
      const bytes = JSON.stringify(trace).length;
      const line = (label: string, x: Timing) =>
        `  ${label.padEnd(34)} wall ${x.wall.toFixed(2)} s ${rate(steps / x.wall).padStart(10)}   cpu ${x.cpu.toFixed(2)} s ${rate(steps / x.cpu).padStart(10)}`;
      console.log(
        `\n${name}: ${steps.toLocaleString('en-US')} steps, ${trace.events.length.toLocaleString('en-US')} events, end ${trace.end.kind}; medians of ${RUNS} runs`,
      );
      console.log(line('engine, trace on:', ours));
      console.log(line('Pyodide, stock asyncio loop:', base));
      if (native) {
        console.log(line('native python3, stock loop:', native));
        console.log(
          `  engine/native steps/s: wall ${(native.wall / ours.wall).toFixed(2)}, cpu ${(native.cpu / ours.cpu).toFixed(2)} (aim >= 0.5)`,
        );
      } else console.log('  native python3: not found, skipped');
      console.log(
        `  engine/stock Pyodide steps/s: cpu ${(base.cpu / ours.cpu).toFixed(2)}; stock Pyodide/native: cpu ${native ? (native.cpu / base.cpu).toFixed(2) : '-'}`,
      );
      console.log(
        `  trace JSON: ${(bytes / 1e6).toFixed(1)} MB, ${(bytes / trace.events.length).toFixed(1)} bytes/event (aim < 100)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
