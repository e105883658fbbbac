// Motion between two layouts, with time passed in (no clocks read here): the stage's ticker
// calls advance(deltaMs). A transition can be finished at once, which is how a step pressed
// mid-animation completes the previous one before the next starts.

export interface Pose {
  x: number;
  y: number;
  /** Uniform scale of the token. */
  s: number;
  alpha: number;
}

export function easeInOutCubic(t: number): number {
  const c = Math.max(0, Math.min(1, t));
  return c < 0.5 ? 4 * c * c * c : 1 - Math.pow(-2 * c + 2, 3) / 2;
}

export function lerpPose(a: Pose, b: Pose, t: number): Pose {
  return {
    x: a.x + (b.x - a.x) * t,
    y: a.y + (b.y - a.y) * t,
    s: a.s + (b.s - a.s) * t,
    alpha: a.alpha + (b.alpha - a.alpha) * t,
  };
}

export function samePose(a: Pose, b: Pose): boolean {
  return (
    Math.abs(a.x - b.x) < 0.01 &&
    Math.abs(a.y - b.y) < 0.01 &&
    Math.abs(a.s - b.s) < 1e-4 &&
    Math.abs(a.alpha - b.alpha) < 1e-3
  );
}

export class Transition<K> {
  elapsed = 0;
  /** Keys whose pose changes; the others are never touched while the transition runs. */
  readonly moving: K[] = [];

  constructor(
    readonly from: ReadonlyMap<K, Pose>,
    readonly to: ReadonlyMap<K, Pose>,
    readonly duration: number,
  ) {
    for (const [k, b] of to) {
      const a = from.get(k);
      if (!a || !samePose(a, b)) this.moving.push(k);
    }
  }

  get done(): boolean {
    return this.elapsed >= this.duration;
  }

  /** Eased progress 0..1 after adding dt milliseconds. */
  advance(dtMs: number): number {
    this.elapsed = Math.min(this.duration, this.elapsed + Math.max(0, dtMs));
    return this.progress;
  }

  get progress(): number {
    return this.duration <= 0 ? 1 : easeInOutCubic(this.elapsed / this.duration);
  }

  finish(): void {
    this.elapsed = this.duration;
  }

  /** Pose of `k` at the current progress; new keys fade in where they land. */
  poseOf(k: K): Pose | undefined {
    const b = this.to.get(k);
    if (!b) return undefined;
    const a = this.from.get(k) ?? { ...b, alpha: 0 };
    return lerpPose(a, b, this.progress);
  }
}
