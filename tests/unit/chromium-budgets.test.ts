// The app's SimService over a fake engine window whose page answers as the real one does: the
// budgets main enforces from outside the window. A renderer over the memory cap mid-run ends
// the run with the cap's message (naming the setting) and the window is replaced; an idle one
// that burns CPU time is replaced; the wall budget and its setting reach the page with the run.
import { afterEach, describe, expect, it } from 'vitest';
import { createChromiumSimService } from '../../main/engine-window/chromium-sim-service';
import type { EnginePort, EngineWindow } from '../../main/engine-window/chromium-launcher';
import type { HostedSimService } from '../../main/host/sim-service';
import type { ProcessUsage } from '../../main/host/process-usage';

interface FakeWindow extends EngineWindow {
  destroyed: boolean;
  sample: ProcessUsage;
  runs: Record<string, unknown>[];
}

const READY = {
  type: 'ready',
  loadMs: 1,
  containment: { contained: true, problems: [], interrupts: true },
};

/** A page that is ready at once and beats during a run, never finishing it. */
function fakeWindow(): FakeWindow {
  const gone: ((why: string) => void)[] = [];
  const w: FakeWindow = {
    pid: 4242,
    destroyed: false,
    sample: { rssMb: 300, cpuMs: 0 },
    runs: [],
    usage: () => (w.destroyed ? null : w.sample),
    openPort(): EnginePort {
      const listeners: ((d: unknown) => void)[] = [];
      const say = (d: unknown): void => listeners.forEach((l) => l(d));
      let beat: ReturnType<typeof setInterval> | undefined;
      setTimeout(() => say(READY), 0);
      return {
        postMessage(m) {
          const msg = m as Record<string, unknown>;
          if (msg.type !== 'run') return;
          w.runs.push(msg);
          beat = setInterval(
            () => say({ type: 'progress', runId: msg.runId, secret: msg.secret, steps: 1 }),
            100,
          );
        },
        onMessage: (l) => listeners.push(l),
        close: () => clearInterval(beat),
      };
    },
    onGone: (l) => gone.push(l),
    destroy() {
      w.destroyed = true;
      gone.forEach((l) => l('destroyed'));
    },
  };
  return w;
}

describe('the Chromium engine budgets, enforced by main', () => {
  let service: HostedSimService | null = null;
  afterEach(async () => {
    await service?.dispose();
    service = null;
  });

  const start = (options: { memoryCapMb?: number; wallBudgetMs?: number; settings?: boolean } = {}) => {
    const windows: FakeWindow[] = [];
    service = createChromiumSimService({
      openWindow: () => {
        const w = fakeWindow();
        windows.push(w);
        return w;
      },
      memoryCapMb: options.memoryCapMb ?? 1024,
      wallBudgetMs: options.wallBudgetMs ?? 60_000,
      ...(options.settings
        ? {
            budgetSettings: {
              wallBudget: 'the “wall budget” setting',
              memoryCap: 'the “memory cap” setting',
              stepBudget: 'the “step budget” setting',
            },
          }
        : {}),
    });
    return { service, windows };
  };

  it('a renderer over the memory cap mid-run ends the run with the cap, and the window is replaced', async () => {
    const { service, windows } = start({ settings: true });
    const result = service.run({ source: 'pass', fileName: 'a.py' }, () => {});
    await new Promise((r) => setTimeout(r, 300));
    expect(windows[0].runs).toHaveLength(1);
    windows[0].sample = { rssMb: 1500, cpuMs: 10 };
    const trace = await result;
    expect(trace.end).toEqual({
      kind: 'runaway',
      exitCode: 1,
      option: 'the “memory cap” setting',
      message:
        'the program used more than 1024 MB of memory; the engine was stopped and restarted (the “memory cap” setting raises the limit)',
    });
    expect(windows[0].destroyed).toBe(true);
    expect(windows).toHaveLength(2);
  });

  it('the wall budget and its setting go to the page with the run, and hold from main too', async () => {
    const { service, windows } = start({ wallBudgetMs: 500 });
    const trace = await service.run({ source: 'pass', fileName: 'a.py' }, () => {});
    expect(windows[0].runs[0].wallBudget).toEqual({ ms: 500, setting: '--wall-budget' });
    expect(trace.end).toEqual({
      kind: 'runaway',
      exitCode: 1,
      option: '--wall-budget',
      message:
        'the program ran for more than 0.5 s of wall time; the engine was stopped and restarted (--wall-budget raises the limit)',
    });
    // A wall budget costs the session (the page ends the worker), not the window.
    expect(windows[0].destroyed).toBe(false);
  });

  it('an idle renderer that burns CPU time is replaced', async () => {
    const { service, windows } = start();
    await service.warm();
    const w = windows[0];
    for (let i = 0; i < 4 && !w.destroyed; i++) {
      w.sample = { rssMb: 300, cpuMs: w.sample.cpuMs + 800 };
      await new Promise((r) => setTimeout(r, 1000));
    }
    expect(w.destroyed).toBe(true);
    expect(windows).toHaveLength(2);
  });
});
