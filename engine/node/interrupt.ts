// In-place interrupt of a runaway step: Pyodide polls an "interrupt buffer" between bytecodes
// and raises KeyboardInterrupt when it reads SIGINT (2) there. A SharedArrayBuffer would need a
// second thread, which the permission model forbids, so the buffer here is an object whose
// element 0 reads the clocks: the poll itself notices that the step is over budget.
//
// Over budget means the step has used its budget in CPU time, not only in real time: on a
// loaded machine a long legitimate step (lesson 17's first, which runs 1,000 simulated blocking
// downloads) got a third of a core and ran past 2 s of real time on 0.3-0.7 s of CPU. Real time
// still caps it (WALL_CEILING budgets), so a runaway on a machine that gives it no CPU is stopped
// too. While a step is past its budget in real time but not in CPU, the poll beats (onPatient)
// so the host's watchdog, which hears only silence, waits too.
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import type { StepProbe } from './step-probe';

const SIGINT = 2;
/** After the first interrupt, ask again this often: user code may swallow KeyboardInterrupt. */
const REPEAT_MS = 250;
/** A step is stopped after this many budgets of real time, whatever CPU it got. */
export const WALL_CEILING = 2;
/** The CPU clock is read at most this often (a poll comes every few microseconds). */
const CPU_EVERY_MS = 10;

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
  /** Called (often: rate-limit it) while a step is over budget in real time only. */
  onPatient: (() => void) | null;
}

export interface Clocks {
  wallMs(): number;
  /** The process's CPU time (all threads), in ms. */
  cpuMs(): number;
}

const processClocks: Clocks = {
  wallMs: () => performance.now(),
  cpuMs: () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  },
};

export function createInterruptSignal(probe: StepProbe, clocks: Clocks = processClocks): InterruptSignal {
  let budget = Infinity;
  let first = Infinity;
  let armedAt = 0;
  let fired: Runaway | null = null;
  let nextAt = 0;
  // The step whose CPU time is being measured, and the CPU clock when it was first seen over.
  let measuring = -1;
  let cpuAtStart = 0;
  let cpuReadAt = 0;
  let cpuRan = 0;
  const signal: InterruptSignal = {
    buffer: {
      get 0(): number {
        const now = clocks.wallMs();
        const startedAt = probe.stepStartedAt;
        const ran = now - startedAt;
        const limit = startedAt === armedAt ? first : budget;
        if (ran <= limit) return 0;
        if (fired && now < nextAt) return 0;
        if (!fired && ran <= WALL_CEILING * limit) {
          if (measuring !== startedAt) {
            // A new step over its budget: its CPU time counts from its boundary (the probe's).
            measuring = startedAt;
            cpuAtStart = probe.stepCpuAt;
            cpuReadAt = -Infinity;
          }
          if (now - cpuReadAt >= CPU_EVERY_MS) {
            cpuReadAt = now;
            cpuRan = clocks.cpuMs() - cpuAtStart;
          }
          if (cpuRan <= limit) {
            signal.onPatient?.();
            return 0;
          }
        }
        fired ??= { seconds: ran / 1000 };
        nextAt = now + REPEAT_MS;
        return SIGINT;
      },
      set 0(_value: number) {
        // Pyodide clears the flag after reading it; the clock decides instead.
      },
    },
    arm(budgetMs, firstBudgetMs) {
      budget = budgetMs;
      first = Math.max(budgetMs, firstBudgetMs);
      armedAt = probe.stepStartedAt;
      fired = null;
      nextAt = 0;
      measuring = -1;
    },
    disarm() {
      budget = first = Infinity;
    },
    get fired() {
      return fired;
    },
    onPatient: null,
  };
  return signal;
}
