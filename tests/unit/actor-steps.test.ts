// Per-actor step lists packed into typed arrays (common/actorSteps.ts): each actor's
// steps come back in the order added, with their values; an actor with none has no list.
import { describe, expect, it } from 'vitest';
import { ActorSteps, packActorSteps } from '../../common/actorSteps';

describe('packActorSteps', () => {
  const entries: [number, number, number][] = [
    [3, 0, 10],
    [1, 1, 11],
    [3, 2, 12],
    [3, 5, 13],
    [1, 7, 14],
  ];
  const visit = (add: (a: number, s: number, v?: number) => void) => {
    for (const [a, s, v] of entries) add(a, s, v);
  };

  it("gives each actor's steps in order, with their values, as views", () => {
    const lists = new ActorSteps(packActorSteps(visit, true));
    expect([...lists.get(3)!]).toEqual([0, 2, 5]);
    expect([...lists.valuesOf(3)!]).toEqual([10, 12, 13]);
    expect([...lists.get(1)!]).toEqual([1, 7]);
    expect([...lists.valuesOf(1)!]).toEqual([11, 14]);
    expect(lists.get(3)!.buffer).toBe(lists.data.steps.buffer);
  });

  it('has no list for an actor without steps, nor one past the largest id', () => {
    const lists = new ActorSteps(packActorSteps(visit, false));
    expect(lists.get(0)).toBeUndefined();
    expect(lists.get(2)).toBeUndefined();
    expect(lists.get(4)).toBeUndefined();
    expect(lists.get(-1)).toBeUndefined();
    expect(lists.valuesOf(3)).toBeUndefined();
    expect(lists.data.values).toBeNull();
  });

  it('takes any ids a trace may hold, sparse or huge, without sizing anything by them', () => {
    const lists = new ActorSteps(
      packActorSteps((add) => {
        add(2 ** 40, 1);
        add(-5, 2);
        add(2 ** 40, 3);
      }, false),
    );
    expect([...lists.get(2 ** 40)!]).toEqual([1, 3]);
    expect([...lists.get(-5)!]).toEqual([2]);
    expect(lists.data.start.length).toBe(3);
  });

  it('packs nothing into empty arrays', () => {
    const lists = new ActorSteps(packActorSteps(() => {}, true));
    expect(lists.data.steps.length).toBe(0);
    expect(lists.get(1)).toBeUndefined();
  });

  it('survives a structured clone (a worker hands it over)', () => {
    const data = structuredClone(packActorSteps(visit, true));
    expect([...new ActorSteps(data).valuesOf(1)!]).toEqual([11, 14]);
  });
});
