// Where the engine is, seen from the engine process: when the current step (or stretch of
// top-level code) began and how many steps have run, for the watchdog and the progress
// messages. Fed by the engine's own step callback (engine.run's onStep hook).
import { performance } from 'node:perf_hooks';
import type { Trace } from '../../common/trace';

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

const LINE = /line (\d+)/g;

/**
 * Who an interrupt stopped and where, read from the interrupted run's trace: the task that
 * ended with the KeyboardInterrupt (its traceback gives the line), else the plain callback that
 * ran last, else the program's top level (with the line the engine reported).
 */
export function runawayOf(trace: Trace): { who: string; line: number } {
  const name = (id: number): string => {
    const a = trace.actors.find((x) => x.id === id);
    if (!a || a.coro === '<module>') return "the program's top level";
    return a.kind === 'task' ? `task ${a.name}` : `callback ${a.name}`;
  };
  for (const e of trace.events) {
    if (e.t !== 'taskExited' || e.outcome.kind !== 'exception') continue;
    if (!e.outcome.repr.startsWith('KeyboardInterrupt')) continue;
    const lines = [...e.outcome.traceback.matchAll(LINE)];
    const line = lines.length > 0 ? Number(lines[lines.length - 1][1]) : (trace.end.line ?? 0);
    return { who: name(e.actor), line };
  }
  const last = trace.steps.findLast((s) => s.kind === 'run');
  const actor = last ? trace.actors.find((a) => a.id === last.actor) : undefined;
  const who = actor?.kind === 'callback' ? `callback ${actor.name}` : "the program's top level";
  return { who, line: trace.end.line ?? 0 };
}
