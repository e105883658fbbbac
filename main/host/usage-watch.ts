// When the host stops an engine process for what it uses, decided from samples of its memory and
// CPU time read from outside it (process-usage.ts, or Electron's app metrics for the engine
// window): nothing the process says about itself counts. Pure: the caller samples and acts.
// - Running or idle, resident memory over the cap stops it.
// - Idle (loaded, no run), CPU time over a budget within a sliding window stops it: an engine
//   with nothing to run has something running in it. A budget of time, not a share of a core,
//   also catches a spinner on a loaded machine, where it gets a small share; a window, not a
//   total since it went idle, lets a quiet process idle for hours.
import type { ProcessUsage } from './process-usage';

export interface UsageLimits {
  /** Resident memory the process may use, in MB. */
  memoryCapMb: number;
  /** CPU time an idle process may use within `idleWindowMs`. */
  idleCpuBudgetMs: number;
  idleWindowMs: number;
}

export const DEFAULT_IDLE_CPU_BUDGET_MS = 1000;
export const DEFAULT_IDLE_WINDOW_MS = 30_000;

export type UsageVerdict = { kind: 'memory'; rssMb: number } | { kind: 'idleCpu'; cpuMs: number };

/** A sample, with when it was taken (ms on any monotonic clock). */
export interface UsageSample extends ProcessUsage {
  at: number;
}

/** One engine process's watch: feed it samples, act on a verdict. */
export class UsageWatch {
  private idle: UsageSample[] = [];

  constructor(private readonly limits: UsageLimits) {}

  /** A sample taken while the process runs a program: only memory counts. */
  running(sample: UsageSample): UsageVerdict | null {
    this.idle = [];
    return this.memory(sample);
  }

  /** A sample taken while the process is loaded with nothing to run. */
  idleSample(sample: UsageSample): UsageVerdict | null {
    const over = this.memory(sample);
    if (over) return over;
    const from = sample.at - this.limits.idleWindowMs;
    this.idle = this.idle.filter((s) => s.at >= from && s.cpuMs <= sample.cpuMs);
    this.idle.push(sample);
    const used = sample.cpuMs - this.idle[0].cpuMs;
    return used > this.limits.idleCpuBudgetMs ? { kind: 'idleCpu', cpuMs: used } : null;
  }

  /** The process is loading or gone: idle time starts again when it is next idle. */
  reset(): void {
    this.idle = [];
  }

  private memory(sample: UsageSample): UsageVerdict | null {
    return sample.rssMb > this.limits.memoryCapMb ? { kind: 'memory', rssMb: sample.rssMb } : null;
  }
}
