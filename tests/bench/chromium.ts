// The engine on the Chromium host (the app's runtime: engine page + dedicated Worker in Debian's
// Chromium, served with the app's CSP/COOP/COEP) beside the Node host's engine and native
// python3, in the same run, on the same programs. Figures only, never pass/fail.
// - Pyodide load in the worker (the worker's own 'ready' loadMs) and page-to-warm time;
// - first-run latency with the standby warm, and without (a run right after another: its fresh
//   worker is still loading Pyodide);
// - steps/s for each program: measured in the page from posting the run to the trace's arrival
//   (so the worker-to-page copy of the trace is included), Node's engine.run in this process,
//   native python3 on a stock loop with a virtual clock.
// Run: npx tsx tests/bench/chromium.ts   (needs /usr/bin/chromium or LOOPSCOPE_CHROMIUM)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { build } from 'vite';
import { createEngine } from '../../engine/python/engine';
import { serveEngine } from '../chromium-engine/server';
import { PROGRAMS } from './engine-programs';

const RUNS = Number(process.env.LOOPSCOPE_BENCH_RUNS ?? 3);
const HELLO =
  'import asyncio\nasync def main():\n    await asyncio.sleep(0.1)\n    print("hello")\nasyncio.run(main())\n';

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
t0 = time.perf_counter()
exec(compile(src, sys.argv[1], 'exec'), {'__name__': '__main__'})
print(time.perf_counter() - t0)
`;

interface PageRun {
  /** ms from opening a session to the page's 'ready' (the standby's load, if it was still loading). */
  readyMs: number;
  loadMs: number;
  /** ms from posting the run to the result arriving in the page. */
  runMs: number;
  steps: number;
  end: string;
}

/** One session and one run, from inside the engine page, as main would drive it over its port. */
async function pageRun(page: Page, source: string): Promise<PageRun> {
  return page.evaluate(async (src) => {
    const channel = new MessageChannel();
    const t0 = performance.now();
    const messages: { type: string; loadMs?: number; trace?: { steps: unknown[]; end: { kind: string } } }[] =
      [];
    let wake: () => void = () => {};
    channel.port1.onmessage = (e) => {
      messages.push(e.data);
      wake();
    };
    const next = async (type: string) => {
      for (;;) {
        const m = messages.find((x) => x.type === type || x.type === 'failed' || x.type === 'startFailed');
        if (m) {
          messages.splice(messages.indexOf(m), 1);
          if (m.type !== type) throw new Error(JSON.stringify(m));
          return m;
        }
        await new Promise<void>((r) => (wake = r));
      }
    };
    window.postMessage('loopscope-engine-port', '*', [channel.port2]);
    const ready = await next('ready');
    const readyMs = performance.now() - t0;
    const t1 = performance.now();
    channel.port1.postMessage({
      type: 'run',
      runId: 1,
      secret: 'bench-secret-of-sixteen-chars',
      source: src,
      fileName: 'bench.py',
      options: { maxSteps: 10_000_000 },
      stepBudgetMs: 60_000,
      firstStepBudgetMs: 60_000,
      wallBudget: { ms: 600_000, setting: '--wall-budget' },
    });
    const result = await next('result');
    const runMs = performance.now() - t1;
    channel.port1.postMessage({ type: 'retire' });
    return {
      readyMs,
      loadMs: ready.loadMs ?? 0,
      runMs,
      steps: result.trace!.steps.length,
      end: result.trace!.end.kind,
    };
  }, source);
}

function nativeSeconds(dir: string, source: string): number | null {
  const file = join(dir, 'program.py');
  writeFileSync(file, source);
  writeFileSync(join(dir, 'harness.py'), NATIVE_HARNESS);
  try {
    return Number(execFileSync('python3', [join(dir, 'harness.py'), file], { encoding: 'utf8' }).trim());
  } catch {
    return null;
  }
}

const mid = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rate = (n: number): string => `${Math.round(n).toLocaleString('en-US')}/s`;

async function main(): Promise<void> {
  await build({
    configFile: join(import.meta.dirname, '../../engine/chromium/vite.config.ts'),
    logLevel: 'silent',
  });
  const server = await serveEngine();
  const browser = await chromium.launch({
    executablePath: process.env.LOOPSCOPE_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--no-first-run'],
  });
  const dir = mkdtempSync(join(tmpdir(), 'loopscope-bench-'));
  try {
    const page = await browser.newPage();
    // tsx keeps function names with a helper the page does not have.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    const tPage = performance.now();
    await page.goto(`${server.url}index.html`);
    const first = await pageRun(page, HELLO);
    const toFirst = performance.now() - tPage;
    console.log(
      `Chromium ${browser.version()}, crossOriginIsolated ${await page.evaluate(() => crossOriginIsolated)}`,
    );
    console.log(`Pyodide load in the worker:              ${first.loadMs.toFixed(0)} ms`);
    console.log(`page open to first result (cold):        ${toFirst.toFixed(0)} ms`);
    // Without the standby: right after a run, the next run's worker is still loading.
    const noStandby = await pageRun(page, HELLO);
    // With the standby: let it warm first.
    await page.waitForTimeout(Math.max(3000, first.loadMs * 1.5));
    const withStandby = await pageRun(page, HELLO);
    console.log(
      `first-run latency, standby warm:         ${(withStandby.readyMs + withStandby.runMs).toFixed(0)} ms (run ${withStandby.runMs.toFixed(0)} ms)`,
    );
    console.log(
      `first-run latency, right after a run:    ${(noStandby.readyMs + noStandby.runMs).toFixed(0)} ms (waits ${noStandby.readyMs.toFixed(0)} ms for a fresh worker's Pyodide)`,
    );

    const tNode = performance.now();
    const engine = await createEngine();
    console.log(
      `Node host's Pyodide start-up, same run:  ${(performance.now() - tNode).toFixed(0)} ms (createEngine in this process)`,
    );
    console.log(
      `load average now: ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')} on ${cpus().length} cores`,
    );
    for (const [name, source] of Object.entries(PROGRAMS)) {
      const chrome: number[] = [];
      const node: number[] = [];
      const native: number[] = [];
      let steps = 0;
      let end = '';
      for (let i = 0; i < RUNS; i++) {
        await page.waitForTimeout(Math.max(2000, first.loadMs * 1.2)); // the standby warms alone
        const r = await pageRun(page, source);
        chrome.push(r.runMs / 1000);
        steps = r.steps;
        end = r.end;
        const t = performance.now();
        await engine.run(source, 'bench.py', { maxSteps: 10_000_000 });
        node.push((performance.now() - t) / 1000);
        const n = nativeSeconds(dir, source);
        if (n !== null) native.push(n);
      }
      const c = mid(chrome);
      const n = mid(node);
      console.log(
        `\n${name}: ${steps.toLocaleString('en-US')} steps, end ${end}; medians of ${RUNS} runs, wall time`,
      );
      console.log(
        `  Chromium host (worker, incl. trace copy): ${c.toFixed(2)} s ${rate(steps / c).padStart(10)}`,
      );
      console.log(
        `  Node host (engine.run in-process):        ${n.toFixed(2)} s ${rate(steps / n).padStart(10)}`,
      );
      if (native.length) {
        const p = mid(native);
        console.log(
          `  native python3, stock loop:               ${p.toFixed(2)} s ${rate(steps / p).padStart(10)}`,
        );
        console.log(
          `  Chromium/native steps/s ${(p / c).toFixed(2)}, Node/native ${(p / n).toFixed(2)}, Chromium/Node ${(n / c).toFixed(2)}`,
        );
      } else console.log('  native python3: not found, skipped');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await browser.close();
    await server.close();
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
