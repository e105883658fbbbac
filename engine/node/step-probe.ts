// Where the engine is, seen from the engine process: when the current step (or stretch of
// top-level code) began, in real and CPU time, and how many steps have run, for the watchdog
// and the progress messages. Fed by the engine's own step callback (engine.run's onStep hook).
import { performance } from 'node:perf_hooks';
import process from 'node:process';

export interface StepProbe {
  /** Steps recorded since the run started. */
  readonly steps: number;
  /** performance.now() when the current step (or the stretch of top-level code) began. */
  readonly stepStartedAt: number;
  /** The process's CPU time (ms, all threads) then. */
  readonly stepCpuAt: number;
  /** A new run begins: counts and clocks start again. */
  reset(): void;
  /** The engine's onStep hook: a step boundary, `steps` recorded so far. */
  step(steps: number): void;
  /** Called at every step boundary (cheap; the caller rate-limits what it sends). */
  onBoundary: (() => void) | null;
}

/** The CPU clock is read at a boundary at most this often: a step's CPU time may then count up to this much of the step before it. */
const CPU_EVERY_MS = 5;

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export function createStepProbe(): StepProbe {
  let steps = 0;
  let stepStartedAt = performance.now();
  let stepCpuAt = cpuMs();
  let cpuReadAt = stepStartedAt;
  const probe: StepProbe = {
    get steps() {
      return steps;
    },
    get stepStartedAt() {
      return stepStartedAt;
    },
    get stepCpuAt() {
      return stepCpuAt;
    },
    reset() {
      steps = 0;
      stepStartedAt = cpuReadAt = performance.now();
      stepCpuAt = cpuMs();
    },
    step(n) {
      steps = n;
      stepStartedAt = performance.now();
      if (stepStartedAt - cpuReadAt >= CPU_EVERY_MS) {
        stepCpuAt = cpuMs();
        cpuReadAt = stepStartedAt;
      }
      probe.onBoundary?.();
    },
    onBoundary: null,
  };
  return probe;
}

export { runawayOf } from '../core/run-ends';
