// The await graph: tasks and resources as nodes, awaits / waits for / held by as edges, and a
// cycle named in words; its layout keeps every box apart and draws the cycle's closing edge back up.
import { describe, expect, it } from 'vitest';
import { lanesAt } from '../../common/lanes';
import { awaitGraph } from '../../renderer/src/inspector/awaitGraph';
import { layoutGraph, NODE_H, NODE_W } from '../../renderer/src/inspector/graphLayout';
import { indexTasks, resourcesAt } from '../../renderer/src/player/taskIndex';
import { buildModel } from '../../renderer/src/player/model';
import { deadlockTrace } from './support/inspector-traces';

const trace = deadlockTrace();
const model = buildModel(trace);
const index = indexTasks(trace);
const graphAt = (step: number) =>
  awaitGraph({
    lanes: lanesAt(model.index, step),
    resources: resourcesAt(index, step),
    tasks: model.tasks,
    label: (id) => model.info[id].label,
  });

describe('awaitGraph', () => {
  it('names the deadlock of lesson 15 as a cycle through both locks', () => {
    const g = graphAt(9);
    expect(g.cycles.map((c) => c.text)).toEqual([
      'alice -> lock checking held by bob -> lock savings held by alice',
    ]);
    expect(g.edges.map((e) => [e.from, e.to, e.kind, e.inCycle])).toEqual([
      ['t1', 't2', 'awaits', false],
      ['t1', 't3', 'awaits', false],
      ['t2', 'r2', 'waitsFor', true],
      ['t3', 'r1', 'waitsFor', true],
      ['r1', 't2', 'heldBy', true],
      ['r2', 't3', 'heldBy', true],
    ]);
  });

  it('has holders but no cycle while both sleep, and only tasks before the locks exist', () => {
    const g = graphAt(3);
    expect(g.cycles).toEqual([]);
    expect(g.edges.filter((e) => e.kind === 'heldBy').map((e) => [e.from, e.to])).toEqual([
      ['r1', 't2'],
      ['r2', 't3'],
    ]);
    expect(graphAt(0).nodes.map((n) => n.label)).toEqual(['main']);
  });

  it('names a cycle of plain awaits, and each of two separate cycles', () => {
    const lanes = lanesAt(model.index, 0);
    const wait = (actor: number, target: number) => ({
      actor,
      reason: { kind: 'task' as const, expr: 'await t', targets: [target] },
    });
    const g = awaitGraph({
      lanes: {
        ...lanes,
        spawned: [1, 2, 3, 4, 5],
        waiting: [wait(1, 2), wait(2, 3), wait(3, 1), wait(4, 5), wait(5, 4)],
      },
      resources: [],
      tasks: [1, 2, 3, 4, 5],
      label: (id) => 'abcde'[id - 1],
    });
    expect(g.cycles.map((c) => c.text)).toEqual([
      'a -> awaits b -> awaits c -> awaits a',
      'd -> awaits e -> awaits d',
    ]);
    expect(g.edges.every((e) => e.inCycle)).toBe(true);
  });
});

describe('layoutGraph', () => {
  it('places every node apart and draws exactly the closing edge of the cycle back up', () => {
    const l = layoutGraph(graphAt(9));
    for (const a of l.nodes)
      for (const b of l.nodes)
        if (a !== b) expect(Math.abs(a.x - b.x) >= NODE_W || Math.abs(a.y - b.y) >= NODE_H).toBe(true);
    for (const n of l.nodes) {
      expect(n.x + NODE_W).toBeLessThanOrEqual(l.width);
      expect(n.y + NODE_H).toBeLessThanOrEqual(l.height);
    }
    // main on top, alice and bob side by side below it, the locks under them; the held-by
    // edges close the cycle back up.
    expect(l.edges.filter((e) => e.back).map((e) => [e.from, e.to])).toEqual([
      ['r1', 't2'],
      ['r2', 't3'],
    ]);
    const y = Object.fromEntries(l.nodes.map((n) => [n.label, n.y]));
    expect(y.main).toBeLessThan(y.alice);
    expect(y.alice).toBe(y.bob);
    expect(y.bob).toBeLessThan(y['lock savings']);
    expect(y['lock savings']).toBe(y['lock checking']);
  });
});
