// The watchdog of one run (sim-service.ts starts it): it listens for silence. The engine process
// reports at step boundaries, so a step that does not yield is a process that says nothing; the
// run's wall budget and the process's memory are checked from here, whatever the process says.
// Past any of them the process goes and the run ends with a RunEnd the host makes.
import { performance } from 'node:perf_hooks';
import type { Trace } from '../../common/trace';
import type { RunRequest } from '../../common/apiTypes';
import { endedTrace } from '../../engine/core/ended-trace';
import { memoryCapEnd, wallBudgetEnd, type BudgetSettings } from '../../engine/core/budgets';
import { silentStepEnd, traceLateEnd } from '../../engine/core/run-ends';
import type { EngineHandle, RunReply } from './engine-handle';

/** Memory is read every this many watchdog ticks. */
const MEMORY_EVERY_TICKS = 4;
const WATCH_EVERY_MS = 50;
/**
 * Before a run's first step boundary the engine parses and compiles the source: measured at
 * 3-13 ms per KB here (2 MB: 26 s under load), so that stretch gets 10 ms per KB on top of the
 * budget. A small program's `while True: pass` at top level is still stopped after the budget.
 */
export const COMPILE_MS_PER_CHAR = 10 / 1000;

export interface RunLimits {
  /** Wall time one step may run without yielding. */
  stepBudgetMs: number;
  /** After the budget, the in-place interrupt gets this long (where the engine allows one). */
  interruptGraceMs: number;
  /** A finished run's trace may take this long to arrive. */
  transferTimeoutMs: number;
  wallBudgetMs: number;
  /** Read when the run is stopped for its memory: a changed setting holds at once. */
  memoryCapMb(): number;
  settings: BudgetSettings;
}

export interface WatchedProcess {
  /** Whether a sample of the process now is over its memory cap. */
  overMemory(handle: EngineHandle): boolean;
  /** The process goes (`whole`: its standby too). */
  retire(handle: EngineHandle, whole: boolean): void;
}

/** Resolves with the run's reply, or with a RunEnd the host made when it had to stop the process. */
export function watchRun(
  handle: EngineHandle,
  request: RunRequest,
  reply: Promise<RunReply>,
  limits: RunLimits,
  process: WatchedProcess,
): Promise<RunReply> {
  return new Promise((resolve) => {
    const limit = limits.stepBudgetMs + (handle.containment?.interrupts ? limits.interruptGraceMs : 0);
    const sentAt = handle.lastHeardAt;
    const startedAt = performance.now();
    const firstLimit = limit + request.source.length * COMPILE_MS_PER_CHAR;
    let ticks = 0;
    const stop = (end: Trace['end'], whole = false): void => {
      clearInterval(timer);
      process.retire(handle, whole);
      resolve({
        kind: 'result',
        trace: endedTrace(request.source, request.fileName, request.options ?? {}, end),
        tainted: false,
      });
    };
    const timer = setInterval(() => {
      const now = performance.now();
      // Checked from here, whatever the process says: the wall budget and its memory.
      if (now - startedAt > limits.wallBudgetMs) {
        stop(wallBudgetEnd(limits.wallBudgetMs, limits.settings.wallBudget));
        return;
      }
      if (++ticks % MEMORY_EVERY_TICKS === 0 && process.overMemory(handle)) {
        stop(memoryCapEnd(limits.memoryCapMb(), limits.settings.memoryCap), true);
        return;
      }
      const silent = now - handle.lastHeardAt;
      const allowed = handle.finishing
        ? limits.transferTimeoutMs
        : handle.lastHeardAt === sentAt
          ? firstLimit
          : limit;
      if (silent <= allowed) return;
      stop(handle.finishing ? traceLateEnd() : silentStepEnd(silent));
    }, WATCH_EVERY_MS);
    void reply.then((r) => {
      clearInterval(timer);
      resolve(r);
    });
  });
}
