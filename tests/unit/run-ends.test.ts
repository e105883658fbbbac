// How a run ended (engine/core/run-ends.ts, budgets.ts, ended-trace.ts): one exit status per kind
// of end, one wording wherever the run ran, naming what raises a budget.
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../common/trace';
import { CLI_BUDGET_SETTINGS, memoryCapEnd, wallBudgetEnd } from '../../engine/core/budgets';
import { endedTrace } from '../../engine/core/ended-trace';
import {
  exitCodeOf,
  interruptedEnd,
  osExitEnd,
  runEnd,
  settledEnd,
  silentStepEnd,
  traceLateEnd,
} from '../../engine/core/run-ends';
import { endReportOf } from '../../engine/python/end-record';

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

describe('exit statuses', () => {
  it('one per kind of end: 0 ok, the status of an exit, 124 for a cap, 70 for Loopscope, 1 else', () => {
    expect(exitCodeOf('ok')).toBe(0);
    expect(exitCodeOf('exit', 3)).toBe(3);
    expect(exitCodeOf('exit', 260)).toBe(4);
    expect(exitCodeOf('exit', -1)).toBe(255);
    expect(exitCodeOf('exit')).toBe(0);
    for (const cap of [
      'capSteps',
      'capTime',
      'capOutput',
      'capTasks',
      'capNetwork',
      'capThreads',
      'capFiles',
    ] as const)
      expect(exitCodeOf(cap, 9)).toBe(124);
    expect(exitCodeOf('internalError')).toBe(70);
    for (const kind of ['exception', 'syntaxError', 'deadlock', 'runaway'] as const)
      expect(exitCodeOf(kind)).toBe(1);
  });

  it('a report keeps only the places it knows', () => {
    expect(runEnd({ kind: 'syntaxError', message: 'm', line: 2, column: 0, option: '' })).toEqual({
      kind: 'syntaxError',
      message: 'm',
      exitCode: 1,
      line: 2,
    });
  });

  it("the engine's record is read by name, whatever order its keys come in, and a wrong one is refused", () => {
    expect(
      runEnd(endReportOf('{"option": "--max-steps", "line": 0, "kind": "capSteps", "message": "cap"}')),
    ).toEqual({
      kind: 'capSteps',
      message: 'cap',
      exitCode: 124,
      option: '--max-steps',
    });
    expect(
      runEnd(endReportOf('{"kind": "exit", "message": "exit status 3", "status": 3, "line": null}')),
    ).toEqual({
      kind: 'exit',
      message: 'exit status 3',
      exitCode: 3,
    });
    expect(() => endReportOf('{"kind": "finished", "message": ""}')).toThrow(/unknown end finished/);
    expect(() => endReportOf('{"kind": "ok", "message": 3}')).toThrow(/number message/);
    expect(() => endReportOf('["ok", "", 0, 0, 0, ""]')).toThrow(/unknown end/);
  });
});

describe('ends a host reports', () => {
  it('a silent step is a runaway, a trace that never came an internal error', () => {
    expect(silentStepEnd(2540)).toEqual({
      kind: 'runaway',
      message: 'a step never awaited for 2.5 s of real time; the engine was stopped and restarted',
      exitCode: 1,
    });
    expect(traceLateEnd()).toEqual({
      kind: 'internalError',
      message: 'internal error: the trace did not arrive in time',
      exitCode: 70,
    });
  });

  it("settling: the watchdog's interrupt makes a runaway, an os._exit an exit; both taint the engine", () => {
    const trace = (end: Parameters<typeof endedTrace>[3]) => endedTrace('x', 'x.py', {}, end);
    const ok = trace({ kind: 'ok', message: '', exitCode: 0 });
    expect(settledEnd(ok, null)).toEqual({ end: ok.end, tainted: false });
    const interrupted = settledEnd(trace({ kind: 'exception', message: '', exitCode: 1 }), 2);
    expect(interrupted.end.kind).toBe('runaway');
    expect(interrupted.tainted).toBe(true);
    const exit = settledEnd(
      trace({ kind: 'internalError', message: 'internal error: exit(3)', exitCode: 70 }),
      null,
    );
    expect(exit).toEqual({
      end: { kind: 'exit', message: 'exit status 3 (os._exit)', exitCode: 3 },
      tainted: true,
    });
    const fault = settledEnd(
      trace({ kind: 'internalError', message: 'internal error: boom', exitCode: 70 }),
      null,
    );
    expect(fault.tainted).toBe(true);
  });
});
