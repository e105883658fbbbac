// The budgets a host enforces on a run from outside the program (a wall-clock budget, a memory
// cap on the engine's process) and the ends it reports when one is hit, shared by main's
// SimService and the Chromium engine page so both say the same thing. Each message names the
// setting that raises the limit: `--wall-budget` / `--memory-cap` in the terminal, the settings'
// names in the app. No wall time here: the caller measures, this words it.
import type { RunEnd } from '../../common/trace';
import { runEnd } from './run-ends';

/** What raises each budget, as the person who hit it can change it. */
export interface BudgetSettings {
  wallBudget: string;
  memoryCap: string;
  /** The real time one step may run without awaiting (a loop without await) before it is stopped. */
  stepBudget: string;
  /**
   * The engine's caps name the terminal's options (`--max-output`); a host without them (the
   * app) says what raises each there instead: option -> words. Absent: the options stand.
   */
  caps?: (option: string) => string;
}

/** A step that says nothing for this long is stopped: long enough for a lesson's blocking call. */
export const DEFAULT_STEP_BUDGET_MS = 2000;

export const DEFAULT_WALL_BUDGET_MS = 120_000;
/** Above the wasm heap's own 4 GB: Python's MemoryError comes first for a program that stays in Python. */
export const DEFAULT_MEMORY_CAP_MB = 4096;
/** The terminal's names (main/cli/sim.ts). */
export const CLI_BUDGET_SETTINGS: BudgetSettings = {
  wallBudget: '--wall-budget',
  memoryCap: '--memory-cap',
  stepBudget: '--step-budget',
};

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

export function wallBudgetEnd(wallBudgetMs: number, setting: string): RunEnd {
  return runEnd({
    kind: 'runaway',
    message: `the program ran for more than ${seconds(wallBudgetMs)} of wall time; the engine was stopped and restarted (${setting} raises the limit)`,
    option: setting,
  });
}

/**
 * A runaway a host stopped after its step budget (a step that never awaited) says which setting
 * raises that budget; the engine's own words do not know the host's names.
 */
export function namedForHost(end: RunEnd, settings: BudgetSettings): RunEnd {
  if (end.kind === 'runaway' && !end.option)
    return {
      ...end,
      message: `${end.message} (${settings.stepBudget} raises the limit)`,
      option: settings.stepBudget,
    };
  if (!settings.caps || !end.option?.startsWith('--')) return end;
  const words = settings.caps(end.option);
  return { ...end, message: end.message.split(end.option).join(words), option: words };
}

export function memoryCapEnd(memoryCapMb: number, setting: string): RunEnd {
  return runEnd({
    kind: 'runaway',
    message: `the program used more than ${memoryCapMb} MB of memory; the engine was stopped and restarted (${setting} raises the limit)`,
    option: setting,
  });
}
