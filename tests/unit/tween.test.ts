import { describe, expect, it } from 'vitest';
import { easeInOutCubic, Transition, type Pose } from '../../renderer/src/stage/tween';

const at = (x: number, y = 0): Pose => ({ x, y, s: 1, alpha: 1 });

describe('transitions between layouts', () => {
  it('reach the target exactly after their duration and not before', () => {
    const t = new Transition(new Map([[1, at(0)]]), new Map([[1, at(100)]]), 400);
    t.advance(200);
    expect(t.poseOf(1)!.x).toBeCloseTo(50);
    expect(t.done).toBe(false);
    t.advance(250);
    expect(t.poseOf(1)).toEqual(at(100));
    expect(t.done).toBe(true);
  });

  it('finish at once when a new step interrupts them', () => {
    const t = new Transition(new Map([[1, at(0)]]), new Map([[1, at(100)]]), 400);
    t.advance(16);
    t.finish();
    expect(t.poseOf(1)).toEqual(at(100));
  });

  it('touch only tokens that move', () => {
    const t = new Transition(
      new Map([
        [1, at(0)],
        [2, at(5)],
      ]),
      new Map([
        [1, at(0)],
        [2, at(50)],
        [3, at(7)],
      ]),
      300,
    );
    expect(t.moving).toEqual([2, 3]);
  });

  it('fade new tokens in where they land', () => {
    const t = new Transition(new Map(), new Map([[3, at(70)]]), 300);
    expect(t.poseOf(3)).toEqual({ ...at(70), alpha: 0 });
    t.advance(300);
    expect(t.poseOf(3)!.alpha).toBe(1);
  });

  it('are cuts when their duration is zero (reduced motion)', () => {
    const t = new Transition(new Map([[1, at(0)]]), new Map([[1, at(100)]]), 0);
    expect(t.done).toBe(true);
    expect(t.poseOf(1)).toEqual(at(100));
  });

  it('ease in and out symmetrically', () => {
    expect([easeInOutCubic(0), easeInOutCubic(0.5), easeInOutCubic(1)]).toEqual([0, 0.5, 1]);
    expect(easeInOutCubic(0.25) + easeInOutCubic(0.75)).toBeCloseTo(1);
  });
});
