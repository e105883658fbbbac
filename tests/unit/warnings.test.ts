// Warnings cross from Python to the trace as numbers (loop_warnings.py's WARNING_KINDS, read as
// indexes by warning-ops.ts), and `sim` prints them after the run: both sides of both are read here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../common/trace';
import { formatWarnings } from '../../main/cli/warnings';
import { formatSteps } from '../../main/cli/steps';
import { WARNING_KINDS } from '../../engine/python/warning-ops';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('the warning kinds of the three sources', () => {
  it("loop_warnings.py's WARNING_KINDS are warning-ops.ts's, in order, and trace.ts's WarningKind", () => {
    const python = /WARNING_KINDS = \(([^)]*)\)/.exec(read('engine/python/loop_warnings.py'))![1];
    expect([...python.matchAll(/'([A-Za-z]+)'/g)].map((m) => m[1])).toEqual(WARNING_KINDS);
    const union = /export type WarningKind =([^;]*);/.exec(read('common/trace.ts'))![1];
    expect([...union.matchAll(/'([A-Za-z]+)'/g)].map((m) => m[1]).sort()).toEqual([...WARNING_KINDS].sort());
  });
});

const trace: Trace = {
  version: 1,
  source: '',
  fileName: 'main.py',
  options: { seed: 0, maxSteps: 10, maxTime: 10, maxOutputBytes: 10, maxTasks: 10 },
  actors: [{ id: 1, kind: 'task', name: 'Task-1', coro: 'main' }],
  steps: [
    { kind: 'start', time: 0, iteration: 0, firstEvent: 0 },
    { kind: 'run', time: 0, actor: 1, iteration: 1, firstEvent: 1 },
    { kind: 'end', time: 3, iteration: 1, firstEvent: 6 },
  ],
  events: [
    { t: 'taskSpawned', actor: 1 },
    { t: 'beforeTaskStep', actor: 1 },
    { t: 'clockAdvanced', from: 0, to: 3 },
    { t: 'afterTaskStep', actor: 1, lines: [5] },
    {
      t: 'warning',
      kind: 'blockedLoop',
      message: 'Task-1 (main) blocked the loop for 3.000 s',
      actor: 1,
      line: 5,
    },
    { t: 'warning', kind: 'neverAwaited', message: 'coroutine f() was never awaited' },
  ],
  end: { kind: 'ok', message: '', exitCode: 0 },
};

describe('sim prints warnings', () => {
  it('after the run, one line each with its step and line', () => {
    expect(formatWarnings(trace)).toEqual([
      'warning: step 1, line 5: blockedLoop: Task-1 (main) blocked the loop for 3.000 s',
      'warning: step 1: neverAwaited: coroutine f() was never awaited',
    ]);
  });

  it('with --steps, at their step', () => {
    expect(formatSteps(trace)[1]).toContain(
      'warning blockedLoop: Task-1 (main) blocked the loop for 3.000 s, warning neverAwaited: coroutine f() was never awaited',
    );
  });
});
