// The engine host's promises about processes: a runaway step is stopped after the budget, a
// dead engine process is an error (never a hang), cancel and a newer run end the run in flight
// and nothing of it arrives afterwards, and every one of these leaves the next run working at
// once because the warm standby takes over. Figures are printed, never asserted tightly.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SimProgress } from '../../common/apiTypes';
import { expectTrace, RunCancelled, type HostedSimService } from '../../main/host/sim-service';
import { HELLO, run, startService, stdout } from './helpers';

const BUDGET_MS = 1000;
/** A legitimate long run: many short steps (a second or more of simulation). */
const MANY_STEPS =
  'import asyncio\nasync def main():\n    for i in range(40_000):\n        await asyncio.sleep(0)\n    print("finished")\nasyncio.run(main())\n';
/** A run that is still going when the test stops it (it would end at the step cap). */
const ENDLESS =
  'import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(0)\nasyncio.run(main())\n';
const SPIN = 'import asyncio\nasync def spin():\n    while True:\n        pass\nasyncio.run(spin())\n';

function figure(name: string, ms: number): void {
  console.log(`[host figure] ${name}: ${Math.round(ms)} ms`);
}

describe('the engine host outlives every program', () => {
  let service: HostedSimService;

  beforeAll(async () => {
    service = await startService({ standby: true, stepBudgetMs: BUDGET_MS });
  });
  afterAll(async () => {
    await service?.dispose();
  });
  beforeEach(async () => {
    await service.warm();
  });

  it('a step that runs past the budget without awaiting is stopped and the next run starts at once', async () => {
    const { trace, ms } = await run(service, SPIN, 'spin.py');
    expect(trace.end.kind).toBe('runaway');
    expect(trace.end.message).toMatch(/never awaited.* after \d+\.\d s of real time/);
    expect(ms).toBeGreaterThanOrEqual(BUDGET_MS);
    expect(ms).toBeLessThan(BUDGET_MS + 2500);
    figure('watchdog stop latency after the budget', ms - BUDGET_MS);
    const next = await run(service, HELLO);
    expect(stdout(next.trace)).toBe('hello\n');
    figure('first run on the standby after a watchdog stop', next.ms);
  });

  it('a long run with short steps is not a runaway, and reports the steps simulated so far', async () => {
    const progress: SimProgress[] = [];
    const heardAt: number[] = [];
    const t0 = performance.now();
    const trace = expectTrace(
      await service.run({ source: MANY_STEPS, fileName: 'many.py' }, (p) => {
        progress.push(p);
        if (p.phase === 'running') heardAt.push(performance.now());
      }),
    );
    const ms = performance.now() - t0;
    expect(trace.end.kind).toBe('ok');
    expect(stdout(trace)).toBe('finished\n');
    const running = progress.filter((p) => p.phase === 'running');
    expect(running.length).toBeGreaterThan(0);
    expect(running.every((p) => p.fraction === -1)).toBe(true);
    const steps = running.map((p) => p.steps);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    // Heard as the run goes, not queued behind it: a run is one synchronous task in the engine
    // process, and progress held back until its end left the watchdog hearing nothing.
    const gaps = heardAt.slice(1).map((t, k) => t - heardAt[k]);
    expect(Math.max(...gaps)).toBeLessThan((heardAt.at(-1)! - heardAt[0]) / 2);
    figure(`long run (${trace.steps.length} steps, ${running.length} progress messages)`, ms);
  });

  it('when the engine process dies mid-run the caller gets an error, not a hang, and the next run works', async () => {
    const pid = service.pids().primary!;
    const progress: SimProgress[] = [];
    const pending = service.run({ source: ENDLESS, fileName: 'endless.py' }, (p) => progress.push(p));
    while (!progress.some((p) => p.phase === 'running')) await new Promise((r) => setTimeout(r, 20));
    const t0 = performance.now();
    process.kill(pid, 'SIGKILL');
    await expect(pending).rejects.toThrow(/the engine process stopped \(exit code none\)/);
    figure('crash noticed after kill', performance.now() - t0);
    const next = await run(service, HELLO);
    expect(stdout(next.trace)).toBe('hello\n');
    expect(service.pids().primary).not.toBe(pid);
    figure('crash recovery (kill to next run done)', performance.now() - t0);
  });

  it('cancel ends the run in flight with RunCancelled and the next run works', async () => {
    const progress: SimProgress[] = [];
    const pending = service.run({ source: ENDLESS, fileName: 'endless.py' }, (p) => progress.push(p));
    while (!progress.some((p) => p.phase === 'running')) await new Promise((r) => setTimeout(r, 20));
    const t0 = performance.now();
    await service.cancel();
    await expect(pending).rejects.toBeInstanceOf(RunCancelled);
    const count = progress.length;
    const next = await run(service, HELLO);
    expect(stdout(next.trace)).toBe('hello\n');
    figure('cancel to next run done (warm standby swap)', performance.now() - t0);
    expect(progress.length).toBe(count);
  });

  it('a new run cancels the one in flight, and nothing of the old run arrives after the new one starts', async () => {
    const old: SimProgress[] = [];
    const first = service.run({ source: ENDLESS, fileName: 'old.py' }, (p) => old.push(p));
    const firstOutcome = first.then(
      () => 'resolved',
      (e: Error) => e,
    );
    while (!old.some((p) => p.phase === 'running')) await new Promise((r) => setTimeout(r, 20));
    const fresh: SimProgress[] = [];
    const second = service.run({ source: HELLO, fileName: 'new.py' }, (p) => fresh.push(p));
    const seenWhenSuperseded = old.length;
    const trace = expectTrace(await second);
    expect(stdout(trace)).toBe('hello\n');
    expect(await firstOutcome).toBeInstanceOf(RunCancelled);
    await new Promise((r) => setTimeout(r, 300));
    expect(old.length).toBe(seenWhenSuperseded);
  });
});

describe('starting the engine', () => {
  it('a cold start reports Python start-up as a fraction that ends at 1', async () => {
    const { createNodeSimService } = await import('../../main/host/run-contained');
    const t0 = performance.now();
    const service = await createNodeSimService({ standby: false });
    try {
      const progress: SimProgress[] = [];
      const trace = expectTrace(
        await service.run({ source: HELLO, fileName: 'hello.py' }, (p) => progress.push(p)),
      );
      figure('cold start to first run done', performance.now() - t0);
      expect(stdout(trace)).toBe('hello\n');
      const starting = progress.filter((p) => p.phase === 'starting').map((p) => p.fraction);
      expect(starting[0]).toBe(0);
      expect(starting.at(-1)).toBe(1);
      expect(starting).toEqual([...starting].sort((a, b) => a - b));
      expect(starting.every((f) => f >= 0 && f <= 1)).toBe(true);
    } finally {
      await service.dispose();
    }
  });
});
