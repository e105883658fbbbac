// The ends both hosts report for runs they stopped or that ended oddly (engine/core/budgets.ts,
// runaway.ts, ended-trace.ts): one wording wherever the run ran, naming what raises a budget.
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../common/trace';
import { CLI_BUDGET_SETTINGS, memoryCapEnd, wallBudgetEnd } from '../../engine/core/budgets';
import { endedTrace } from '../../engine/core/ended-trace';
import { interruptedEnd, osExitEnd } from '../../engine/core/runaway';

describe('budget ends', () => {
  it('name the setting that raises the limit, as the message and as the option', () => {
    expect(wallBudgetEnd(2500, CLI_BUDGET_SETTINGS.wallBudget)).toEqual({
      kind: 'runaway',
      message:
        'the program ran for more than 2.5 s of wall time; the engine was stopped and restarted (--wall-budget raises the limit)',
      exitCode: 1,
      option: '--wall-budget',
    });
    expect(memoryCapEnd(1024, 'the memoryCapMb setting')).toEqual({
      kind: 'runaway',
      message:
        'the program used more than 1024 MB of memory; the engine was stopped and restarted (the memoryCapMb setting raises the limit)',
      exitCode: 1,
      option: 'the memoryCapMb setting',
    });
  });
});

describe('os._exit', () => {
  it('is the exit it was, its status as the OS would see it; other ends are not', () => {
    const end = { kind: 'internalError' as const, message: 'internal error: exit(260)', exitCode: 70 };
    expect(osExitEnd(end)).toEqual({ kind: 'exit', message: 'exit status 260 (os._exit)', exitCode: 4 });
    expect(osExitEnd({ kind: 'exception', message: 'SystemExit: exit(3)', exitCode: 1 })).toBeNull();
    expect(osExitEnd({ kind: 'internalError', message: 'internal error: boom', exitCode: 70 })).toBeNull();
  });
});

describe('an interrupted run', () => {
  it('names the task the interrupt stopped and its line', () => {
    const trace = endedTrace('x', 'x.py', {}, { kind: 'exception', message: '', exitCode: 1 });
    trace.actors.push({ id: 2, kind: 'task', name: 'spinner', coro: 'spin' } as Trace['actors'][number]);
    trace.events.push({
      t: 'taskExited',
      actor: 2,
      outcome: {
        kind: 'exception',
        repr: 'KeyboardInterrupt()',
        traceback: 'File "x.py", line 3\nFile "x.py", line 7',
      },
    } as unknown as Trace['events'][number]);
    expect(interruptedEnd(trace, 2.04)).toEqual({
      kind: 'runaway',
      message:
        'task spinner never awaited (line 7): the loop was stuck at t=0.000 (virtual time does not pass inside a step), so Loopscope stopped it after 2.0 s of real time',
      exitCode: 1,
      line: 7,
    });
  });
});
