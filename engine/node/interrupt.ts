// In-place interrupt of a runaway step: Pyodide polls an "interrupt buffer" between bytecodes
// and raises KeyboardInterrupt when it reads SIGINT (2) there. A SharedArrayBuffer would need a
// second thread, which the permission model forbids, so the buffer here is an object whose
// element 0 reads the wall clock: the poll itself notices that the step is over budget.
import { performance } from 'node:perf_hooks';
import type { StepProbe } from './step-probe';

const SIGINT = 2;
/** After the first interrupt, ask again this often: user code may swallow KeyboardInterrupt. */
const REPEAT_MS = 250;

/** How long the interrupted step had run; who it was comes from the trace (runawayOf). */
export interface Runaway {
  seconds: number;
}

export interface InterruptSignal {
  /** What setInterruptBuffer() receives. */
  readonly buffer: { 0: number };
  /** `firstBudgetMs` applies until the run's first step boundary (parsing and compiling). */
  arm(budgetMs: number, firstBudgetMs: number): void;
  disarm(): void;
  /** The runaway that was interrupted since arm(), if any. */
  readonly fired: Runaway | null;
}

export function createInterruptSignal(probe: StepProbe): InterruptSignal {
  let budget = Infinity;
  let first = Infinity;
  let armedAt = 0;
  let fired: Runaway | null = null;
  let nextAt = 0;
  const buffer = {
    get 0(): number {
      const now = performance.now();
      const ran = now - probe.stepStartedAt;
      if (ran <= (probe.stepStartedAt === armedAt ? first : budget)) return 0;
      if (fired && now < nextAt) return 0;
      fired ??= { seconds: ran / 1000 };
      nextAt = now + REPEAT_MS;
      return SIGINT;
    },
    set 0(_value: number) {
      // Pyodide clears the flag after reading it; the clock decides instead.
    },
  };
  return {
    buffer,
    arm(budgetMs, firstBudgetMs) {
      budget = budgetMs;
      first = Math.max(budgetMs, firstBudgetMs);
      armedAt = probe.stepStartedAt;
      fired = null;
      nextAt = 0;
    },
    disarm() {
      budget = first = Infinity;
    },
    get fired() {
      return fired;
    },
  };
}
