// The inspector's index: a task's stack at any step, forward and back, with this step's changed
// locals; resources with holders and waiters; warnings in their step; the waiting lane grouped
// by resource.
import { describe, expect, it } from 'vitest';
import { lanesAt } from '../../common/lanes';
import { indexTasks, resourcesAt, stackAt, warningsAt } from '../../renderer/src/player/taskIndex';
import { buildModel } from '../../renderer/src/player/model';
import { snapshotAt } from '../../renderer/src/player/snapshot';
import { blockedTrace, deadlockTrace } from './support/inspector-traces';

describe('stackAt', () => {
  const index = indexTasks(deadlockTrace());

  it('is the stack recorded at or before the step, the same stepping forward or back', () => {
    const forward = [1, 2, 3, 6, 7, 9].map((s) => stackAt(index, 2, s)?.frames[0].line);
    const back = [9, 7, 6, 3, 2, 1].map((s) => stackAt(index, 2, s)?.frames[0].line).reverse();
    expect(forward).toEqual([15, 20, 20, 20, 23, 23]);
    expect(back).toEqual(forward);
    expect(stackAt(index, 2, 0)).toBeNull();
  });

  it('marks the locals that changed in this very step, and none on a later step', () => {
    expect([...stackAt(index, 2, 2)!.changed]).toEqual(['0:first_name', '0:second_name']);
    expect(stackAt(index, 2, 2)!.since).toBe(2);
    expect(stackAt(index, 2, 3)!.changed.size).toBe(0);
    // A task's first stack has nothing to compare with.
    expect(stackAt(index, 2, 1)!.changed.size).toBe(0);
  });
});

describe('resourcesAt', () => {
  const index = indexTasks(deadlockTrace());
  it('gives each lock its holder and waiters as of the step', () => {
    const at = (s: number) => resourcesAt(index, s).map((r) => [r.name, r.holders, r.waiters]);
    expect(at(0)).toEqual([]);
    expect(at(1)).toEqual([
      ['savings', [], []],
      ['checking', [], []],
    ]);
    expect(at(3)).toEqual([
      ['savings', [2], []],
      ['checking', [3], []],
    ]);
    expect(at(8)).toEqual([
      ['savings', [2], [3]],
      ['checking', [3], [2]],
    ]);
    expect(at(2)).toEqual([
      ['savings', [2], []],
      ['checking', [], []],
    ]);
  });
});

describe('warningsAt', () => {
  it('returns the warnings raised in exactly that step', () => {
    const index = indexTasks(blockedTrace());
    expect(warningsAt(index, 4)).toEqual([]);
    expect(warningsAt(index, 5).map((w) => w.kind)).toEqual(['blockedLoop']);
    expect(warningsAt(index, 6)).toEqual([]);
  });
});

describe('the waiting lane with resources', () => {
  it('groups waits by the lock waited on and names its holder', () => {
    const model = buildModel(deadlockTrace());
    const waiting = snapshotAt(model, 9, { showInternals: false }).waiting;
    expect(waiting.map((g) => [g.title, g.tokens.map((t) => t.label)])).toEqual([
      ['Awaiting: asyncio.gather(alice, bob)', ['main']],
      ['Lock checking · held by bob', ['alice']],
      ['Lock savings · held by alice', ['bob']],
    ]);
  });

  it('keeps the old grouping for waits that name no resource', () => {
    const trace = deadlockTrace();
    for (const e of trace.events) if (e.t === 'taskWaiting') delete e.reason.resource;
    const waiting = snapshotAt(buildModel(trace), 9, { showInternals: false }).waiting;
    expect(waiting.map((g) => [g.title, g.tokens.length])).toEqual([
      ['Awaiting: asyncio.gather(alice, bob)', 1],
      ['Lock: async with second_lock', 2],
    ]);
    expect(lanesAt(buildModel(trace).index, 9).waiting).toHaveLength(3);
  });
});
