// What task state capture costs (engine/python/capture.py): loop steps per second with capture on
// and off on the bench programs, a 20,000-task program and lessons, the same engine, runs
// alternated, medians of RUNS; the longest stretch the step watchdog hears nothing; and trace
// size (bytes per event, bytes per step) each way.
// Run: npx tsx tests/bench/capture.ts   (npm run bench runs it too)

import { readFileSync } from 'node:fs';
import type { Trace } from '../../common/trace';
import { replayOptions } from '../../common/replay';
import { createEngine } from '../../engine/python/engine';
import { PROGRAMS } from './engine-programs';

const RUNS = Number(process.env.LOOPSCOPE_BENCH_RUNS ?? 3);

export const TWENTY_THOUSAND = `import asyncio
async def client(i, sem, results):
    name = f"client-{i}"
    async with sem:
        await asyncio.sleep(0.01 * (i % 7))
    results.append(i)
    await asyncio.sleep(1)
    return name
async def main():
    sem = asyncio.Semaphore(100)
    results = []
    await asyncio.gather(*(client(i, sem, results) for i in range(20000)))
    print(len(results))
asyncio.run(main())
`;

const programs: Record<string, string> = {
  ...PROGRAMS,
  '20,000 tasks, a semaphore': TWENTY_THOUSAND,
  'lesson 15 (deadlock)': readFileSync(new URL('../../lessons/15-deadlock.py', import.meta.url), 'utf8'),
  'lesson 09 (queue)': readFileSync(new URL('../../lessons/09-queue.py', import.meta.url), 'utf8'),
  'lesson 14 (1,000 clients)': readFileSync(
    new URL('../../lessons/14-many-clients.py', import.meta.url),
    'utf8',
  ),
  'lesson 17 (thread pool)': readFileSync(
    new URL('../../lessons/17-thread-pool.py', import.meta.url),
    'utf8',
  ),
};

interface Timing {
  wall: number;
  cpu: number;
  /** The longest stretch between step boundaries the watchdog hears (ms). */
  quiet: number;
}

const mid = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rate = (n: number): string => `${Math.round(n).toLocaleString('en-US')}/s`;
const CAPTURE_EVENTS = new Set(['taskFrames', 'resource', 'resourceState', 'taskCancelled']);

async function main(): Promise<void> {
  const engine = await createEngine();
  const only = process.argv.slice(2);
  for (const [name, source] of Object.entries(programs)) {
    if (only.length > 0 && !only.some((word) => name.includes(word))) continue;
    const runs: Record<'on' | 'off', Timing[]> = { on: [], off: [] };
    const traces: Partial<Record<'on' | 'off', Trace>> = {};
    for (let i = 0; i < RUNS; i++) {
      for (const mode of ['off', 'on'] as const) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        let boundary = t0;
        let quiet = 0;
        traces[mode] = await engine.run(
          source,
          'bench.py',
          { maxSteps: 10_000_000, capture: mode === 'on' },
          {
            wallMs: () => performance.now(),
            onStep: () => {
              const now = performance.now();
              quiet = Math.max(quiet, now - boundary);
              boundary = now;
            },
          },
        );
        const c = process.cpuUsage(c0);
        runs[mode].push({ wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6, quiet });
      }
    }
    const on = traces.on!;
    const off = traces.off!;
    const steps = on.steps.length;
    const wall = { on: mid(runs.on.map((r) => r.wall)), off: mid(runs.off.map((r) => r.wall)) };
    const cpu = { on: mid(runs.on.map((r) => r.cpu)), off: mid(runs.off.map((r) => r.cpu)) };
    const bytes = { on: JSON.stringify(on).length, off: JSON.stringify(off).length };
    const captured = on.events.filter((e) => CAPTURE_EVENTS.has(e.t)).length;
    console.log(
      `\n${name}: ${steps.toLocaleString('en-US')} steps, end ${on.end.kind}; medians of ${RUNS} runs`,
    );
    for (const mode of ['off', 'on'] as const)
      console.log(
        `  capture ${mode.padEnd(3)}  wall ${wall[mode].toFixed(2)} s ${rate(steps / wall[mode]).padStart(10)}   cpu ${cpu[mode].toFixed(2)} s ${rate(steps / cpu[mode]).padStart(10)}`,
      );
    console.log(
      `  longest stretch between step boundaries: capture off ${Math.round(mid(runs.off.map((r) => r.quiet)))} ms, on ${Math.round(mid(runs.on.map((r) => r.quiet)))} ms`,
    );
    console.log(
      `  capture on/off time: wall ${(wall.on / wall.off).toFixed(2)}, cpu ${(cpu.on / cpu.off).toFixed(2)}`,
    );
    const traceEvents = { on: on.events.length, off: off.events.length };
    for (const mode of ['off', 'on'] as const)
      console.log(
        `  trace, capture ${mode.padEnd(3)} ${(bytes[mode] / 1e6).toFixed(2)} MB, ${traceEvents[mode].toLocaleString('en-US')} events, ` +
          `${(bytes[mode] / traceEvents[mode]).toFixed(1)} bytes/event, ${(bytes[mode] / steps).toFixed(1)} bytes/step`,
      );
    console.log(
      `  task state events: ${captured.toLocaleString('en-US')} (${((100 * captured) / on.events.length).toFixed(0)}% of events)`,
    );
    // On demand instead: the skeleton (capture off) and a replay with capture to its middle step.
    const middle = Math.floor(off.steps.length / 2);
    const replays: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const c0 = process.cpuUsage();
      await engine.run(source, 'bench.py', replayOptions(off, middle));
      const c = process.cpuUsage(c0);
      replays.push((c.user + c.system) / 1e6);
    }
    console.log(
      `  on demand: skeleton cpu ${cpu.off.toFixed(2)} s, then a replay to step ${middle.toLocaleString('en-US')} cpu ${mid(replays).toFixed(2)} s per state asked for`,
    );
  }
}

void main();
