// findBookmarkStep on a small hand-made trace: each condition form names the step the
// README promises, and a moment the run never reaches gives -1.

import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_OPTIONS, TRACE_VERSION, type Trace } from '../../common/trace';
import { findBookmarkStep, placeBookmarks } from '../../lessons/bookmarks';
import { parseCondition, parseLesson } from '../../lessons/lessons';

// b (task 2) sleeps 0.1 and prints in two chunks; the clock jumps from 0 to 0.1 (step 2).
const trace: Trace = {
  version: TRACE_VERSION,
  source: '',
  fileName: 'x.py',
  options: DEFAULT_RUN_OPTIONS,
  actors: [
    { id: 1, kind: 'task', name: 'Task-1', coro: 'main' },
    { id: 2, kind: 'task', name: 'Task-2', coro: 'b', parent: 1 },
  ],
  steps: [
    { kind: 'start', time: 0, iteration: 0, firstEvent: 0 },
    { kind: 'run', time: 0, actor: 2, iteration: 1, firstEvent: 2 },
    { kind: 'clock', time: 0.1, iteration: 2, firstEvent: 6 },
    { kind: 'run', time: 0.1, actor: 2, iteration: 2, firstEvent: 7 },
    { kind: 'end', time: 0.1, iteration: 2, firstEvent: 12 },
  ],
  events: [
    { t: 'taskSpawned', actor: 1 },
    { t: 'taskSpawned', actor: 2 },
    { t: 'beforeTaskStep', actor: 2 },
    { t: 'afterTaskStep', actor: 2, lines: [3, 4] },
    {
      t: 'taskWaiting',
      actor: 2,
      reason: { kind: 'timer', expr: 'asyncio.sleep(0.1)', deadline: 0.1, line: 4 },
    },
    { t: 'output', stream: 'stdout', text: 'b: started\n' },
    { t: 'clockAdvanced', from: 0, to: 0.1 },
    { t: 'beforeTaskStep', actor: 2 },
    { t: 'output', stream: 'stdout', text: 'b: fini' },
    { t: 'output', stream: 'stdout', text: 'shed\n' },
    { t: 'afterTaskStep', actor: 2, lines: [4, 5] },
    { t: 'taskExited', actor: 2, outcome: { kind: 'result', repr: "'b'" } },
  ],
  end: { kind: 'ok', message: '', exitCode: 0 },
};

const stepOf = (when: string) => findBookmarkStep(trace, parseCondition(when)!);

describe('bookmark conditions find their step in a trace', () => {
  it('each condition form names the step the README promises', () => {
    expect(
      Object.fromEntries(
        [
          'at t=0',
          'at t=0.1',
          'at the end',
          'when "b: started" is printed',
          'when "b: finished" is printed',
          'when task b starts',
          'when task Task-2 waits',
          'when task b finishes',
          'when line 5 runs',
          'when the clock jumps',
          'when the clock jumps to t=0.1',
        ].map((when) => [when, stepOf(when)]),
      ),
    ).toEqual({
      'at t=0': 0,
      'at t=0.1': 2,
      'at the end': 4,
      'when "b: started" is printed': 1,
      'when "b: finished" is printed': 3,
      'when task b starts': 1,
      'when task Task-2 waits': 1,
      'when task b finishes': 3,
      'when line 5 runs': 3,
      'when the clock jumps': 2,
      'when the clock jumps to t=0.1': 2,
    });
  });

  it('a moment the run never reaches gives -1', () => {
    expect(
      [
        'at t=0.2',
        'when "c: started" is printed',
        'when task c finishes',
        'when task main finishes',
        'when line 9 runs',
        'when the clock jumps to t=3',
      ].map(stepOf),
    ).toEqual([-1, -1, -1, -1, -1, -1]);
  });

  it('times match across floating-point rounding (0.1 + 0.2 is the moment t=0.3)', () => {
    const shifted = {
      ...trace,
      steps: trace.steps.map((s) => ({ ...s, time: s.time === 0.1 ? 0.1 + 0.2 : s.time })),
    };
    expect(findBookmarkStep(shifted, { kind: 'time', time: 0.3 })).toBe(2);
  });

  it('placeBookmarks lists the bookmarks the run reaches, in step order, and leaves out the rest', () => {
    const lesson = parseLesson(
      '01-x',
      '"""Title line\n\nOne. Two.\n\nBookmarks:\n    at the end -> done\n    at t=5 -> never\n    when "b: started" is printed -> watch: b\n"""\n',
    );
    expect(placeBookmarks(trace, lesson.bookmarks)).toEqual([
      { step: 1, when: 'when "b: started" is printed', caption: 'watch: b' },
      { step: 4, when: 'at the end', caption: 'done' },
    ]);
  });
});
