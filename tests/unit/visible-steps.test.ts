// With the loop's internals hidden, a person steps through the steps the program's own tasks
// ran: lesson 1's a/b/c run is the steps of main, a, b and c, the clock jumps, and its end.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../common/trace';
import { buildModel } from '../../renderer/src/player/model';
import { jumpStop, stepView, visibleStepsOf } from '../../renderer/src/player/visibleSteps';
import { statusText } from '../../renderer/src/run/status';
import { snapshotAt } from '../../renderer/src/player/snapshot';

const lesson1 = JSON.parse(
  readFileSync(new URL('../../lessons/expected/01-gather.trace.json', import.meta.url), 'utf8'),
) as Trace;

describe('visible steps', () => {
  it("skips asyncio's own callbacks and asyncio.run's teardown, keeping the start, clock jumps and the end", () => {
    const visible = visibleStepsOf(lesson1);
    expect(lesson1.steps).toHaveLength(27);
    expect(visible).toEqual([0, 1, 2, 3, 4, 5, 7, 9, 11, 13, 15, 17, 26]);
    expect(visible.map((s) => lesson1.steps[s].kind)).toEqual([
      'start',
      'run',
      'run',
      'run',
      'run',
      'clock',
      'run',
      'clock',
      'run',
      'clock',
      'run',
      'run',
      'end',
    ]);
  });

  it('keeps the top level after asyncio.run when it runs lines or prints', () => {
    const trace = {
      actors: [
        { id: 1, kind: 'task', name: 'Task-1', coro: 'main' },
        { id: 2, kind: 'callback', name: 'cb', internal: true },
      ],
      steps: [
        { kind: 'start', time: 0, iteration: 0, firstEvent: 0 },
        { kind: 'run', time: 0, actor: 2, iteration: 1, firstEvent: 0 },
        { kind: 'main', time: 0, iteration: 1, firstEvent: 0 },
        { kind: 'main', time: 0, iteration: 1, firstEvent: 0, lines: [9] },
        { kind: 'run', time: 0, actor: 2, iteration: 2, firstEvent: 0 },
        { kind: 'end', time: 0, iteration: 2, firstEvent: 1 },
      ],
      events: [{ t: 'output', stream: 'stdout', text: 'from a callback asyncio ran\n' }],
    } as unknown as Trace;
    expect(visibleStepsOf(trace)).toEqual([0, 3, 4, 5]);
  });

  it('counts and moves through the shown steps only, with every counter saying the same number', () => {
    const model = buildModel(lesson1);
    const view = stepView(lesson1.steps.length, model.visibleSteps);
    expect([view.count, view.position(7), view.at(6), view.atOrAfter(6), view.atOrBefore(6)]).toEqual([
      13, 6, 7, 7, 5,
    ]);
    const snap = snapshotAt(model, 26, { showInternals: false, view });
    expect([snap.position + 1, snap.stepCount]).toEqual([13, 13]);
    expect(statusText(false, lesson1, model.tasks.length, view.count)).toBe(
      '01-gather.py: 13 steps, 4 tasks',
    );
    // With internals shown, every step counts.
    const all = stepView(lesson1.steps.length, null);
    expect([all.count, all.atOrAfter(6)]).toEqual([27, 6]);
    expect(statusText(false, lesson1, 1, 1)).toBe('01-gather.py: 1 step, 1 task');
  });

  it('a jump forward stops before the first shown step on its way that is held, asking no hidden one', () => {
    const view = stepView(lesson1.steps.length, visibleStepsOf(lesson1));
    const asked: number[] = [];
    const holdAt = (held: number) => (next: number) => (asked.push(next), next !== held);
    // From 5 to 13 (shown: 7, 9, 11, 13), held at 11: waits on 9, the shown step before it.
    expect(jumpStop(view, 5, 13, holdAt(11))).toEqual({ step: 9, held: true });
    expect(asked).toEqual([7, 9, 11]);
    // The target itself held: waits on the shown step before the target.
    expect(jumpStop(view, 5, 13, holdAt(13))).toEqual({ step: 11, held: true });
    // Nothing held: the target; a question behind the cursor or past the target is not asked.
    asked.length = 0;
    expect(jumpStop(view, 5, 13, holdAt(15))).toEqual({ step: 13, held: false });
    expect(asked).toEqual([7, 9, 11, 13]);
    // The very next step held: the jump does not move.
    expect(jumpStop(view, 5, 13, holdAt(7))).toEqual({ step: 5, held: true });
    // With internals shown, every step on the way is asked.
    expect(jumpStop(stepView(27, null), 5, 13, holdAt(8))).toEqual({ step: 7, held: true });
  });
});
