/// <reference lib="dom" />
// Big runs: how long from Run to the first drawn step, and how quickly the window answers input
// while a 100,000-task run's trace arrives and is read. The built renderer in headless Chromium
// gets each trace as the app's engine page sends it (binary, common/traceCodec.ts, in a
// transferred buffer over a trace port, with main's receipt); the traces are synthetic runs in
// the engine's format (tests/e2e/fixtures/synthetic.ts: n workers x 3 sleeps), so the figures are
// the UI's share: the engine's own time is tests/bench/engine.ts's. While 20,000- and 100,000-task
// runs load (three times each, medians) it also times the page's longest main-thread task
// (PerformanceObserver 'longtask') and key presses. Prints figures; asserts nothing.
//   npx tsx tests/bench/bigruns.ts            (LOOPSCOPE_CHROMIUM picks the browser)
import { chromium, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { encodeTrace } from '../../common/traceCodec';
import { TRACE_PORT_MESSAGE } from '../../engine/chromium/port';
import { syntheticTrace } from '../e2e/fixtures/synthetic';
import { DEFAULT_FILE_NAME, DEFAULT_SOURCE } from '../../renderer/src/run/examples';

const CONFIG = fileURLToPath(new URL('../../renderer/vite.config.ts', import.meta.url));
const OUT_DIR = fileURLToPath(new URL('../../out/renderer-web', import.meta.url));
const SIZES = [1_000, 10_000, 100_000];
/** Runs loaded while input is probed, each REPEATS times (medians printed). */
const PROBED = [20_000, 100_000];
const REPEATS = 3;
/** A key press this often while the big trace loads (Shift: no action, so only the answer is timed). */
const PROBE_EVERY_MS = 50;

const ms = (x: number) => `${x.toFixed(0)} ms`;
const median = (xs: number[]) => pct(xs, 0.5);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? NaN;
};

/** window.loopscope whose sim.run fetches the bench's bytes and delivers them as the engine page does. */
function bridge(portMessage: string): void {
  const w = window as unknown as { __traceUrl: string };
  const sim = {
    async run() {
      const bytes = new Uint8Array(await (await fetch(w.__traceUrl)).arrayBuffer());
      const channel = new MessageChannel();
      window.postMessage(portMessage, window.location.origin, [channel.port2]);
      const delivered = crypto.randomUUID().replace(/-/g, '');
      channel.port1.postMessage({ type: 'trace', delivery: delivered, bytes }, [bytes.buffer]);
      return { delivered, end: { kind: 'ok', message: '', exitCode: 0 } };
    },
    cancel: async () => undefined,
    onProgress: () => () => undefined,
  };
  const app = {
    info: async () => ({ name: 'Loopscope', version: 'bench', platform: 'linux', contained: true }),
    onMenu: () => () => undefined,
  };
  Object.defineProperty(window, 'loopscope', {
    value: Object.freeze({ sim: Object.freeze(sim), app: Object.freeze(app) }),
  });
  localStorage.setItem('loopscope.welcomed', '1');
  // Main-thread tasks over 50 ms, as Chromium reports them (read and emptied per load).
  const tasks: number[] = [];
  (window as unknown as { __longTasks: number[] }).__longTasks = tasks;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push(e.duration);
  }).observe({ type: 'longtask' });
}

/** The longest main-thread task since the last call (0 when none was over 50 ms). */
const longestTask = (page: Page) =>
  page.evaluate(() => {
    const tasks = (window as unknown as { __longTasks: number[] }).__longTasks;
    return Math.max(0, ...tasks.splice(0));
  });

interface ProbedLoad {
  total: number;
  longest: number;
  latencies: number[];
}

/** Runs a trace of `n` tasks (already routed) to its first drawn step, pressing a key every
 * PROBE_EVERY_MS meanwhile, each timed from sending to the page's answer (CDP acknowledges a
 * key event once the page handled it). */
async function probedLoad(page: Page, n: number): Promise<ProbedLoad> {
  await longestTask(page);
  const loading = runToFirstStep(page, n);
  let loaded = false;
  void loading.then(() => (loaded = true));
  const latencies: number[] = [];
  while (!loaded) {
    const t = performance.now();
    await page.keyboard.press('Shift');
    latencies.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
  }
  return { total: await loading, longest: await longestTask(page), latencies };
}

/** Clicks Run and resolves with ms until the stage mirror shows step 0 of a run with `tasks` tasks, plus a frame. */
function runToFirstStep(page: Page, tasks: number): Promise<number> {
  return page.evaluate(async (n) => {
    const status = document.querySelector('[data-testid="run-status"]')!;
    const t0 = performance.now();
    (document.querySelector('button[aria-label^="Run the program"]') as HTMLButtonElement).click();
    await new Promise<void>((resolve) => {
      const done = () =>
        status.textContent?.endsWith(`, ${(n + 1).toLocaleString('en')} tasks`) &&
        !!document.querySelector('[data-testid="stage-mirror"]');
      const mo = new MutationObserver(() => {
        if (!done()) return;
        mo.disconnect();
        resolve();
      });
      mo.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    return performance.now() - t0;
  }, tasks);
}

/** A key press that moves one step, timed to the next frame drawn after the step counter changed. */
async function timedStep(page: Page, key: string): Promise<number> {
  const counter = page.getByTestId('step-counter');
  const before = await counter.textContent();
  const t0 = performance.now();
  await page.keyboard.press(key);
  await page.waitForFunction(
    (text) => document.querySelector('[data-testid="step-counter"]')?.textContent !== text,
    before,
    { polling: 'raf' },
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  return performance.now() - t0;
}

async function main(): Promise<void> {
  const bytes = new Map<number, Buffer>();
  console.log('== traces (synthetic: n workers x 3 sleeps), encoded in Node');
  for (const n of [...new Set([...SIZES, ...PROBED])].sort((a, b) => a - b)) {
    // The program the app opens with: the renderer takes only the trace of the program it ran.
    const trace = {
      ...syntheticTrace({ tasks: n, rounds: 3 }),
      source: DEFAULT_SOURCE,
      fileName: DEFAULT_FILE_NAME,
    };
    const t0 = performance.now();
    const bin = encodeTrace(trace);
    const encodeMs = performance.now() - t0;
    const json = Buffer.byteLength(JSON.stringify(trace));
    bytes.set(n, Buffer.from(bin));
    console.log(
      `${String(n).padStart(7)} tasks: ${trace.steps.length.toLocaleString()} steps, ${trace.events.length.toLocaleString()} events; ` +
        `binary ${(bin.byteLength / 1e6).toFixed(1)} MB vs JSON ${(json / 1e6).toFixed(1)} MB (${(json / bin.byteLength).toFixed(1)}x smaller), encode ${ms(encodeMs)}`,
    );
  }
  await build({ configFile: CONFIG, logLevel: 'warn' });
  const server = await preview({
    configFile: CONFIG,
    preview: { port: 4182, host: '127.0.0.1', strictPort: false },
  });
  const base = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4182/';
  const browser = await chromium.launch({
    executablePath: process.env.LOOPSCOPE_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
    // Served by the preview server from the built files, not through Playwright's route (which
    // sends a 50 MB body over the same DevTools connection that carries the timed key presses).
    for (const [n, b] of bytes) writeFileSync(`${OUT_DIR}/bench-trace-${n}.bin`, b);
    const route = (n: number) =>
      page.evaluate(
        (url) => ((window as unknown as { __traceUrl: string }).__traceUrl = url),
        `/bench-trace-${n}.bin`,
      );
    page.on('pageerror', (e) => console.log(`(page error: ${e.message})`));
    page.on('console', (m) => m.type() === 'error' && console.log(`(page console: ${m.text()})`));
    // `__name`: esbuild's keepNames helper, which tsx leaves in the function's source.
    await page.addInitScript({
      content: `globalThis.__name = (f) => f; window.__traceUrl = "/bench-trace-1000.bin"; (${bridge.toString()})(${JSON.stringify(TRACE_PORT_MESSAGE)});`,
    });
    await page.goto(base);
    await page.getByTestId('stage-mirror').waitFor({ state: 'attached', timeout: 120_000 });
    await page.getByLabel('Animate moves (M)').uncheck();
    console.log(
      `\n== Chromium ${browser.version()} (headless), Run to the first drawn step, same page, in turn`,
    );
    const first = new Map<number, number>();
    for (const n of SIZES) {
      await route(n);
      first.set(n, await runToFirstStep(page, n));
      console.log(`${String(n).padStart(7)} tasks: ${ms(first.get(n)!)}`);
    }
    console.log(
      `ratios: 10k/1k ${(first.get(10_000)! / first.get(1_000)!).toFixed(1)}x, 100k/10k ${(first.get(100_000)! / first.get(10_000)!).toFixed(1)}x`,
    );

    // Input while big runs arrive; a small run in between, so each big one replaces a small stage.
    for (const n of PROBED) {
      const loads: ProbedLoad[] = [];
      for (let r = 0; r < REPEATS; r++) {
        await route(SIZES[0]);
        await runToFirstStep(page, SIZES[0]);
        await route(n);
        loads.push(await probedLoad(page, n));
      }
      const all = loads.flatMap((l) => l.latencies);
      console.log(`\n== While a ${n.toLocaleString('en')}-task run loads (median of ${REPEATS})`);
      console.log(
        `Run to first drawn step ${ms(median(loads.map((l) => l.total)))}; longest main-thread task ` +
          `${ms(median(loads.map((l) => l.longest)))} (each: ${loads.map((l) => ms(l.longest)).join(', ')})`,
      );
      console.log(
        `key press to answer: p50 ${ms(pct(all, 0.5))}, p95 ${ms(pct(all, 0.95))}, ` +
          `worst ${ms(median(loads.map((l) => Math.max(...l.latencies))))} (median of the runs' worst; ${all.length} presses)`,
      );
      // Stepping once loaded: from the end back one step (the most tasks done, the most printed).
      await timedStep(page, 'End');
      const steps: number[] = [];
      for (let r = 0; r < REPEATS; r++)
        steps.push(await timedStep(page, r % 2 === 0 ? 'ArrowLeft' : 'ArrowRight'));
      console.log(
        `a step near the end, key to drawn frame: ${ms(median(steps))} (each: ${steps.map(ms).join(', ')})`,
      );
      // Back to the start: a rerun of the same program keeps its step, and each load is timed to step 0.
      await timedStep(page, 'Home');
    }
    await page.close();
  } finally {
    await browser.close();
    await new Promise<void>((r) => server.httpServer.close(() => r()));
  }
}

await main();
