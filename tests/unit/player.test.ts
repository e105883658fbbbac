import { describe, expect, it } from 'vitest';
import { buildAbc } from '../e2e/fixtures/build';
import { syntheticTrace } from '../e2e/fixtures/synthetic';
import * as cursor from '../../renderer/src/player/cursor';
import { keyAction } from '../../renderer/src/player/keys';
import { buildModel } from '../../renderer/src/player/model';
import { nameOf, taskNames } from '../../common/taskNames';
import { snapshotAt, type StageSnapshot } from '../../renderer/src/player/snapshot';

const model = buildModel(buildAbc());
const hidden = { showInternals: false };
const labels = (s: StageSnapshot) => ({
  ready: s.ready.map((t) => t.label),
  running: s.running?.label ?? null,
  waiting: s.waiting.map((g) => [g.title, g.tokens.map((t) => t.label)]),
  done: s.done.map((t) => t.label),
});

describe('snapshot at a step', () => {
  it('shows the task that runs in a step in the loop and everything else where the step leaves it', () => {
    expect(labels(snapshotAt(model, 4, hidden))).toEqual({
      ready: [],
      running: 'c',
      waiting: [
        ['Timers, by deadline', ['b', 'a']],
        ['Awaiting: asyncio.gather(a(), b(), c())', ['main']],
      ],
      done: [],
    });
  });

  it('marks the head of the run queue and only the head', () => {
    const s = snapshotAt(model, 1, hidden);
    expect(s.ready.map((t) => [t.label, !!t.head])).toEqual([
      ['a', true],
      ['b', false],
      ['c', false],
    ]);
  });

  it('sorts sleeping tasks by deadline, not by when they began to wait', () => {
    expect(snapshotAt(model, 5, hidden).waiting[0].tokens.map((t) => [t.label, t.deadline])).toEqual([
      ['b', 0.1],
      ['a', 0.2],
      ['c', 0.3],
    ]);
  });

  it('says the clock jumps when nothing is ready', () => {
    const s = snapshotAt(model, 5, hidden);
    expect([s.kind, s.time, s.clockJump, s.loopNote]).toEqual([
      'clock',
      0.1,
      { from: 0, to: 0.1 },
      'nothing is ready: the clock jumps to 0.100',
    ]);
  });

  it('hides asyncio internals unless asked, and shows their timers in the heap when asked', () => {
    expect(snapshotAt(model, 6, hidden).ready.map((t) => t.label)).toEqual(['b']);
    const shown = snapshotAt(model, 5, { showInternals: true });
    expect(shown.ready.map((t) => [t.label, t.kind, t.internal])).toEqual([
      ['_set_result_u… → b', 'callback', true],
    ]);
    expect(shown.waiting.at(-1)?.title).toBe('Timer heap (loop._scheduled)');
    expect(shown.waiting.at(-1)?.tokens.map((t) => t.detail)).toEqual(['at 0.200 for a', 'at 0.300 for c']);
  });

  it('gives done tasks their outcome', () => {
    expect(snapshotAt(model, 18, hidden).done.map((t) => [t.label, t.outcome, t.detail])).toEqual([
      ['b', 'result', "returned 'b'"],
      ['a', 'result', "returned 'a'"],
      ['c', 'result', "returned 'c'"],
      ['main', 'result', 'returned None'],
    ]);
  });

  it('is the same whether reached by stepping or by seeking', () => {
    const big = buildModel(syntheticTrace({ tasks: 50, rounds: 30 }));
    const last = cursor.lastStep(big);
    for (const step of [0, 1, 255, 256, 257, 1000, last]) {
      const direct = snapshotAt(big, step, hidden);
      expect(snapshotAt(big, step, hidden)).toEqual(direct);
      expect(direct.step).toBe(step);
    }
  });

  it('clamps a cursor outside the run to its first or last step', () => {
    expect(snapshotAt(model, -5, hidden).step).toBe(0);
    expect(snapshotAt(model, 999, hidden).step).toBe(18);
  });
});

describe('cursor jumps', () => {
  it('steps by loop pass to the first step of the next and previous pass', () => {
    expect(cursor.nextIteration(model, 2)).toBe(5);
    expect(cursor.prevIteration(model, 3)).toBe(2);
    expect(cursor.prevIteration(model, 2)).toBe(1);
    expect(cursor.nextIteration(model, 18)).toBe(18);
  });

  it('jumps to the next clock jump, or to the end when there is none', () => {
    expect([
      cursor.nextClockJump(model, 0),
      cursor.nextClockJump(model, 5),
      cursor.nextClockJump(model, 13),
    ]).toEqual([5, 9, 18]);
  });

  it("jumps to the selected task's next step and reports when it never runs again", () => {
    const c = model.trace.actors.find((a) => a.coro === 'c')!.id;
    expect(cursor.nextStepOf(model, c, 0)).toBe(4);
    expect(cursor.nextStepOf(model, c, 4)).toBe(15);
    expect(cursor.nextStepOf(model, c, 15)).toBeNull();
  });

  it('keeps speed between 0.25x and 8x', () => {
    expect([cursor.faster(8), cursor.slower(0.25), cursor.faster(1), cursor.slower(1)]).toEqual([
      8, 0.25, 2, 0.5,
    ]);
  });
});

describe('keys and names', () => {
  it('maps arrows, space, Home/End and +/- to player actions', () => {
    expect(
      ['ArrowRight', 'ArrowLeft', ' ', 'Home', 'End', '+', '-', 'PageDown'].map((key) => keyAction({ key })),
    ).toEqual(['forward', 'back', 'toggle', 'start', 'end', 'faster', 'slower', 'forward']);
    expect(keyAction({ key: 'ArrowRight', shiftKey: true })).toBe('nextIteration');
    expect(keyAction({ key: 'Enter', ctrlKey: true })).toBe('run');
    expect(keyAction({ key: 'ArrowRight', ctrlKey: true })).toBeNull();
  });

  it('opens and closes the inspector with T, and leaves Up and Down to it', () => {
    expect(['t', 'T'].map((key) => keyAction({ key }))).toEqual(['inspector', 'inspector']);
    expect(['ArrowUp', 'ArrowDown'].map((key) => keyAction({ key }))).toEqual([null, null]);
  });

  it("names a default-named task by its coroutine and keeps a task's own name", () => {
    const names = taskNames({
      actors: [
        { id: 2, kind: 'task', name: 'Task-2', coro: 'a' },
        { id: 3, kind: 'task', name: 'worker-2', coro: 'worker' },
      ],
      events: [],
    });
    expect([nameOf(names, 2, 'friendly'), nameOf(names, 3, 'friendly')]).toEqual(['a', 'worker-2']);
  });

  it('gives every task a stable colour by creation order', () => {
    const again = buildModel(buildAbc());
    expect(model.tasks.map((id) => model.info[id].colour)).toEqual(
      again.tasks.map((id) => again.info[id].colour),
    );
    expect(new Set(model.tasks.map((id) => model.info[id].colour)).size).toBe(4);
  });
});

describe('done tasks', () => {
  it('tell a result, an exception and a cancellation apart', () => {
    const trace = buildAbc();
    const exits = trace.events.filter((e) => e.t === 'taskExited');
    exits[1].outcome = { kind: 'exception', repr: "ValueError('boom')", traceback: '' };
    exits[2].outcome = { kind: 'cancelled', repr: 'CancelledError()' };
    const s = snapshotAt(buildModel(trace), 18, hidden);
    expect(s.done.map((t) => [t.label, t.outcome, t.detail])).toEqual([
      ['b', 'result', "returned 'b'"],
      ['a', 'exception', "raised ValueError('boom')"],
      ['c', 'cancelled', 'cancelled'],
      ['main', 'result', 'returned None'],
    ]);
  });
});
