// What a window's engine processes use, sampled from outside them (usage-watch.ts decides): a
// running process's memory when the run's watchdog asks, and every second the idle ones', where
// memory over the cap or CPU time with nothing to run retires the process.
import { performance } from 'node:perf_hooks';
import type { EngineHandle } from './engine-handle';
import type { EnginePool } from './engine-pool';
import { forgetUsage } from './process-usage';
import { DEFAULT_IDLE_WINDOW_MS, UsageWatch, type UsageVerdict } from './usage-watch';

const IDLE_WATCH_EVERY_MS = 1000;

export class EngineUsage {
  private readonly watches = new WeakMap<EngineHandle, UsageWatch>();
  private readonly idleWatch: NodeJS.Timeout;

  /** `running(h)`: whether `h` runs a program now (its samples then count memory only). */
  constructor(
    pool: EnginePool,
    private readonly memoryCapMb: () => number,
    private readonly idleCpuBudgetMs: number,
    running: (h: EngineHandle) => boolean,
  ) {
    this.idleWatch = setInterval(() => {
      const { primary, standby } = pool.handles();
      for (const h of [primary, standby]) {
        if (!h) continue;
        if (!h.containment || h.busy || h.exited || running(h)) {
          this.watchOf(h).reset();
          continue;
        }
        // Something runs in an engine that has nothing to run, or it holds what no program does.
        if (this.sample(h, false)) {
          forgetUsage(h.pid);
          pool.retire(h, true);
        }
      }
    }, IDLE_WATCH_EVERY_MS);
    this.idleWatch.unref();
  }

  /** Samples `h` from outside; a verdict when it is over a budget. */
  sample(h: EngineHandle, running: boolean): UsageVerdict | null {
    const usage = h.usage();
    if (!usage) return null;
    const s = { ...usage, at: performance.now() };
    return running ? this.watchOf(h).running(s) : this.watchOf(h).idleSample(s);
  }

  dispose(): void {
    clearInterval(this.idleWatch);
  }

  private watchOf(h: EngineHandle): UsageWatch {
    let w = this.watches.get(h);
    if (!w) {
      const memoryCapMb = this.memoryCapMb;
      w = new UsageWatch({
        get memoryCapMb() {
          return memoryCapMb(); // a changed setting holds at once
        },
        idleCpuBudgetMs: this.idleCpuBudgetMs,
        idleWindowMs: DEFAULT_IDLE_WINDOW_MS,
      });
      this.watches.set(h, w);
    }
    return w;
  }
}
