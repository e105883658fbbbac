// Where the engine is, seen from the engine process: when the current step (or stretch of
// top-level code) began and how many steps have run, for the watchdog and the progress
// messages. Fed by the engine's own step callback (engine.run's onStep hook).
import { performance } from 'node:perf_hooks';

export interface StepProbe {
  /** Steps recorded since the run started. */
  readonly steps: number;
  /** performance.now() when the current step (or the stretch of top-level code) began. */
  readonly stepStartedAt: number;
  /** A new run begins: counts and clocks start again. */
  reset(): void;
  /** The engine's onStep hook: a step boundary, `steps` recorded so far. */
  step(steps: number): void;
  /** Called at every step boundary (cheap; the caller rate-limits what it sends). */
  onBoundary: (() => void) | null;
}

export function createStepProbe(): StepProbe {
  let steps = 0;
  let stepStartedAt = performance.now();
  const probe: StepProbe = {
    get steps() {
      return steps;
    },
    get stepStartedAt() {
      return stepStartedAt;
    },
    reset() {
      steps = 0;
      stepStartedAt = performance.now();
    },
    step(n) {
      steps = n;
      stepStartedAt = performance.now();
      probe.onBoundary?.();
    },
    onBoundary: null,
  };
  return probe;
}

export { runawayOf } from '../core/run-ends';
