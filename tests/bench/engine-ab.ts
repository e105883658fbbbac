// A/B for engine changes: two checkouts' engines in one process, runs alternated (A B, B A, ...)
// so that the machine's drift (10-20% run to run here) falls on both alike. Prints medians and
// minimums of CPU time and B's over A's. Figures, not verdicts.
// Run: git worktree add /tmp/base HEAD && ln -s "$PWD/node_modules" /tmp/base/
//      npm run bench:ab -- /tmp/base . [program.py ...]
//      (LOOPSCOPE_BENCH_RUNS runs of each, default 7; no programs: the two of tests/bench/engine.ts)

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROGRAMS } from './engine-programs';

type EngineModule = typeof import('../../engine/python/engine');
type Engine = Awaited<ReturnType<EngineModule['createEngine']>>;

const RUNS = Number(process.env.LOOPSCOPE_BENCH_RUNS ?? 7);

async function load(checkout: string): Promise<Engine> {
  const url = pathToFileURL(resolve(checkout, 'engine/python/engine.ts')).href;
  const engine = (await import(url)) as EngineModule;
  return engine.createEngine();
}

/** The program's loop steps (the same on both sides unless the change alters traces). */
const steps = new Map<string, number>();

async function cpuSeconds(engine: Engine, source: string): Promise<number> {
  const c0 = process.cpuUsage();
  const trace = await engine.run(source, 'bench.py', { maxSteps: 10_000_000 });
  const c = process.cpuUsage(c0);
  steps.set(source, trace.steps.length);
  return (c.user + c.system) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f = (x: number) => x.toFixed(3);

async function main(): Promise<void> {
  const [a, b, ...files] = process.argv.slice(2);
  if (!a || !b) throw new Error('usage: engine-ab.ts CHECKOUT_A CHECKOUT_B [program.py ...]');
  const engines = [await load(a), await load(b)];
  const programs = files.length
    ? files.map((file) => [file, readFileSync(file, 'utf8')] as const)
    : Object.entries(PROGRAMS);
  for (const [name, source] of programs) {
    const times: [number[], number[]] = [[], []];
    for (let i = 0; i < RUNS; i++)
      for (const k of i % 2 ? [1, 0] : [0, 1]) times[k].push(await cpuSeconds(engines[k], source));
    const [ta, tb] = times;
    const n = steps.get(source) ?? 0;
    const perSecond = (t: number) => Math.round(n / t).toLocaleString('en');
    console.log(
      `${name}: A median ${f(median(ta))} s, min ${f(Math.min(...ta))} s | B median ${f(median(tb))} s, min ${f(Math.min(...tb))} s | B/A median ${f(median(tb) / median(ta))}, min ${f(Math.min(...tb) / Math.min(...ta))} | ${n.toLocaleString('en')} steps: A ${perSecond(median(ta))}/s, B ${perSecond(median(tb))}/s (CPU medians)`,
    );
  }
}

void main();
