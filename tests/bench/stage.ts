/// <reference lib="dom" />
// Stage benchmark: frame time with 100, 1,000 and 5,000 tasks moving in headless Chromium, seek
// time on a 200,000-step trace, and the memory that trace holds. Prints figures; asserts nothing.
//   npx tsx tests/bench/stage.ts            (LOOPSCOPE_CHROMIUM picks the browser)
// Frame time is measured two ways: the interval between the stage's animation frames (what a
// viewer sees; vsync caps it at ~16.7 ms) and the stage's own work per frame (poses + render).
import { chromium, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { build, preview } from 'vite';
import { indexTrace, lanesAt } from '../../common/lanes';
import { buildModel } from '../../renderer/src/player/model';
import { snapshotAt } from '../../renderer/src/player/snapshot';
import { fakeBridgeScript } from '../e2e/fixtures/bridge';
import { syntheticTrace, type SyntheticOptions } from '../e2e/fixtures/synthetic';

const CONFIG = fileURLToPath(new URL('../../renderer/vite.config.ts', import.meta.url));
const SEEK_STEPS = 200_000;
const ANIMATE_MS = 4000;
/** Longer than the longest tween (MAX_TWEEN_MS in renderer/src/run/motion.svelte.ts). */
const TWEEN_WAIT_MS = 650;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
  const p95 = s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? NaN;
  return { mean, p95, median: s[Math.floor(s.length / 2)] ?? NaN, n: s.length };
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
const mb = (x: number) => `${(x / 1e6).toFixed(1)} MB`;

function nodeFigures(): void {
  gc();
  const before = process.memoryUsage().heapUsed;
  let t0 = performance.now();
  const trace = syntheticTrace({ tasks: 1000, rounds: 400, maxSteps: SEEK_STEPS });
  const genMs = performance.now() - t0;
  gc();
  const afterTrace = process.memoryUsage().heapUsed;
  t0 = performance.now();
  const model = buildModel(trace);
  const indexMs = performance.now() - t0;
  gc();
  const afterIndex = process.memoryUsage().heapUsed;
  const steps = trace.steps.length;
  const seeks: number[] = [];
  const snaps: number[] = [];
  for (let i = 0; i < 200; i++) {
    const s = Math.floor(((i * 7919) % 1000) * (steps / 1000));
    let t = performance.now();
    lanesAt(model.index, s);
    seeks.push(performance.now() - t);
    t = performance.now();
    snapshotAt(model, s, { showInternals: false });
    snaps.push(performance.now() - t);
  }
  const lane = stats(seeks);
  const snap = stats(snaps);
  console.log(
    `\n== Node: ${steps.toLocaleString()}-step trace, 1,000 tasks, ${trace.events.length.toLocaleString()} events`,
  );
  console.log(`generate ${ms(genMs)}; index (keyframes + model) ${ms(indexMs)}`);
  console.log(`memory: trace ${mb(afterTrace - before)}, index + model ${mb(afterIndex - afterTrace)}`);
  console.log(
    `seek lanesAt: mean ${ms(lane.mean)}, p95 ${ms(lane.p95)}; full snapshotAt: mean ${ms(snap.mean)}, p95 ${ms(snap.p95)}`,
  );
  void indexTrace;
}

async function openWith(page: Page, base: string, gen: SyntheticOptions): Promise<void> {
  await page.addInitScript({
    content: fakeBridgeScript({ generate: { fn: syntheticTrace.toString(), arg: gen } }),
  });
  await page.goto(base);
  await page.getByTestId('stage-mirror').waitFor({ state: 'attached', timeout: 60_000 });
  await page.waitForFunction(() => !!(window as unknown as { __loopscopeStage?: unknown }).__loopscopeStage);
}

async function seekTo(page: Page, step: number): Promise<{ sync: number; frame: number }> {
  return page.evaluate(async (s) => {
    const slider = document.querySelector('[data-testid="scrub"]') as HTMLInputElement;
    const mirror = document.querySelector('[data-testid="stage-mirror"]')!;
    const t0 = performance.now();
    slider.value = String(s);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    const sync = performance.now() - t0;
    if (mirror.getAttribute('data-step') !== String(s))
      throw new Error(`seek to ${s} landed on ${mirror.getAttribute('data-step')}`);
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    return { sync, frame: performance.now() - t0 };
  }, step);
}

async function frames(page: Page, base: string, tasks: number): Promise<void> {
  await openWith(page, base, { tasks, rounds: 3, same: true });
  // Step tasks+1: the last worker runs, all others sleep on one deadline; the next step is the
  // clock jump that wakes them all. Alternate the two so every token moves on every step.
  const a = tasks + 1;
  await seekTo(page, a);
  type Stats = { workMs: number[]; intervalMs: number[] };
  const take = () =>
    page.evaluate(() => {
      const s = (window as unknown as { __loopscopeStage: { stats: Stats } }).__loopscopeStage.stats;
      const out = { workMs: s.workMs.slice(), intervalMs: s.intervalMs.slice() };
      s.workMs.length = 0;
      s.intervalMs.length = 0;
      return out;
    });
  await take();
  // Each step starts one transition in which every task moves; wait for it to end before the
  // next. A transition's first frame also carries the step's own DOM work, so it is left out.
  const st: Stats = { workMs: [], intervalMs: [] };
  const start = Date.now();
  let forward = true;
  while (Date.now() - start < ANIMATE_MS) {
    await page.keyboard.press(forward ? 'ArrowRight' : 'ArrowLeft');
    forward = !forward;
    await page.waitForTimeout(TWEEN_WAIT_MS);
    const got = await take();
    st.workMs.push(...got.workMs.slice(1));
    st.intervalMs.push(...got.intervalMs.slice(1));
  }
  const work = stats(st.workMs);
  const interval = stats(st.intervalMs);
  const moving = await page.evaluate(() =>
    document.querySelector('[data-testid="stage-layout"]')?.getAttribute('data-compact'),
  );
  console.log(
    `${String(tasks).padStart(5)} tasks moving: frame interval mean ${ms(interval.mean)} (p95 ${ms(interval.p95)}, ${(1000 / interval.mean).toFixed(0)} fps); ` +
      `stage work per frame mean ${ms(work.mean)} (p95 ${ms(work.p95)}); ${work.n} frames; compact lanes: ${moving || 'none'}`,
  );
}

async function main(): Promise<void> {
  nodeFigures();
  await build({ configFile: CONFIG, mode: 'e2e', logLevel: 'warn' }); // with the stage's test hooks
  const server = await preview({
    configFile: CONFIG,
    preview: { port: 4181, host: '127.0.0.1', strictPort: false },
  });
  const base = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4181/';
  const browser = await chromium.launch({
    executablePath: process.env.LOOPSCOPE_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    console.log(`\n== Chromium ${browser.version()} (headless, SwiftShader WebGL), viewport 1440x860`);
    {
      // Baseline: the frame interval of this page while nothing animates (the browser's floor here).
      const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
      await openWith(page, base, { tasks: 3, rounds: 1 });
      const idle = await page.evaluate(async () => {
        const times: number[] = [];
        let last = performance.now();
        while (times.length < 60) {
          await new Promise((r) => requestAnimationFrame(() => r(null)));
          const now = performance.now();
          times.push(now - last);
          last = now;
        }
        return times;
      });
      const b = stats(idle);
      console.log(`idle page (no animation): frame interval mean ${ms(b.mean)}, p95 ${ms(b.p95)}`);
      await page.close();
    }
    for (const n of [100, 1000, 5000]) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
      await frames(page, base, n);
      await page.close();
    }

    const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    await openWith(page, base, { tasks: 3, rounds: 1 });
    const small = await heap();
    await page.close();
    const big = await browser.newPage({ viewport: { width: 1440, height: 860 } });
    const cdp2 = await big.context().newCDPSession(big);
    await openWith(big, base, { tasks: 1000, rounds: 400, maxSteps: SEEK_STEPS });
    await big.getByLabel('Animate moves (M)').uncheck();
    await cdp2.send('HeapProfiler.collectGarbage');
    const large = (await cdp2.send('Runtime.getHeapUsage')).usedSize;
    const last = SEEK_STEPS;
    const targets = [
      last,
      7,
      150_000,
      99_999,
      3,
      199_000,
      50_001,
      120_345,
      1,
      180_000,
      12_345,
      175_000,
      60_000,
      2,
      190_001,
      88_888,
    ];
    await seekTo(big, 5); // warm-up: first draw compiles shaders and builds glyphs
    // Time the stage's share of each seek (layout + sprites + WebGL render) separately.
    await big.evaluate(() => {
      const w = window as unknown as {
        __loopscopeStage: { show(...a: unknown[]): void };
        __showMs: number[];
      };
      const stage = w.__loopscopeStage;
      const show = stage.show.bind(stage);
      w.__showMs = [];
      stage.show = (...a: unknown[]) => {
        const t = performance.now();
        show(...a);
        w.__showMs.push(performance.now() - t);
      };
    });
    const syncs: number[] = [];
    const framesMs: number[] = [];
    for (const t of targets) {
      const r = await seekTo(big, t);
      syncs.push(r.sync);
      framesMs.push(r.frame);
    }
    const s = stats(syncs);
    const shows = stats(await big.evaluate(() => (window as unknown as { __showMs: number[] }).__showMs));
    const f = stats(framesMs);
    console.log(
      `\n== Seek on a ${(last + 1).toLocaleString()}-step trace (1,000 tasks), motion off, ${targets.length} far jumps`,
    );
    console.log(
      `state + DOM + stage draw (input event to settled DOM and canvas): median ${ms(s.median)}, mean ${ms(s.mean)}, worst ${ms(Math.max(...syncs))}; ` +
        `to the next frame: median ${ms(f.median)}, worst ${ms(Math.max(...framesMs))}`,
    );
    console.log(
      `of which the Pixi stage (layout, sprites, WebGL render): median ${ms(shows.median)}, worst ${ms(shows.p95)} (p95)`,
    );
    console.log(
      `renderer JS heap: ${mb(large)} with the trace loaded vs ${mb(small)} with a 3-task trace (held by the trace: ~${mb(large - small)})`,
    );
    await big.close();
  } finally {
    await browser.close();
    await new Promise<void>((r) => server.httpServer.close(() => r()));
  }
}

await main();
