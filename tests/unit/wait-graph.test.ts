// common/waitGraph.ts: who waits for whom, folded from events, and the cycle a deadlock is made of.
import { describe, expect, it } from 'vitest';
import type { TraceEvent, WaitReason } from '../../common/trace';
import { describeCycle, findWaitCycle, foldWaitGraph } from '../../common/waitGraph';

const wait = (actor: number, reason: Partial<WaitReason>): TraceEvent => ({
  t: 'taskWaiting',
  actor,
  reason: { kind: 'other', expr: '', ...reason },
});
const names: Record<number, string> = { 1: 'main', 2: 'alice', 3: 'bob', 4: 'carol' };
const nameOf = (a: number): string => names[a] ?? `#${a}`;

describe('wait graph', () => {
  const locks: TraceEvent[] = [
    { t: 'resource', id: 1, kind: 'lock', name: 'savings' },
    { t: 'resource', id: 2, kind: 'lock', name: 'checking' },
    { t: 'resourceState', id: 1, holders: [2], waiters: [] },
    { t: 'resourceState', id: 2, holders: [3], waiters: [] },
    wait(1, { kind: 'task', targets: [2, 3] }),
    wait(2, { resource: 2 }),
    wait(3, { resource: 1 }),
  ];

  it('finds a cycle through locks and names it', () => {
    const g = foldWaitGraph(locks);
    const cycle = findWaitCycle(g);
    expect(cycle).toEqual([
      { actor: 2, resource: 2 },
      { actor: 3, resource: 1 },
    ]);
    expect(describeCycle(g, cycle!, nameOf)).toBe(
      'alice waits for lock checking held by bob, who waits for lock savings held by alice',
    );
  });

  it('finds a cycle through awaited tasks', () => {
    const g = foldWaitGraph([
      wait(2, { kind: 'task', targets: [3] }),
      wait(3, { kind: 'task', targets: [4] }),
      wait(4, { kind: 'task', targets: [2] }),
    ]);
    const cycle = findWaitCycle(g)!;
    expect(cycle.map((l) => l.actor)).toEqual([2, 3, 4]);
    expect(describeCycle(g, cycle, nameOf)).toBe(
      'alice waits for task bob, who waits for task carol, who waits for task alice',
    );
  });

  it('no cycle once a task in it runs again, or when the holder is not waiting', () => {
    expect(findWaitCycle(foldWaitGraph([...locks, { t: 'beforeTaskStep', actor: 3 }]))).toBeNull();
    expect(
      findWaitCycle(foldWaitGraph(locks.filter((e) => !(e.t === 'taskWaiting' && e.actor === 3)))),
    ).toBeNull();
    // Up to an event before bob waits: no cycle yet.
    expect(findWaitCycle(foldWaitGraph(locks, locks.length - 1))).toBeNull();
  });

  it('a task waiting on a lock it holds itself is no cycle of two', () => {
    const g = foldWaitGraph([
      { t: 'resource', id: 1, kind: 'lock', name: 'l' },
      { t: 'resourceState', id: 1, holders: [2], waiters: [2] },
      wait(2, { resource: 1 }),
    ]);
    expect(findWaitCycle(g)).toBeNull();
  });
});
