// The thin runes wrapper around the pure player: the trace (raw: large, replaced not mutated),
// the cursor and the play clock. Everything shown derives from (trace, cursor) by snapshotAt.
import type { ActorId, Trace } from '../../../common/trace';
import * as cursor from './cursor';
import { buildModel } from './model';
import { narrate } from './narration';
import { snapshotAt } from './snapshot';
import { buildTimeline } from './timeline';

/** One step per this many ms at 1x. */
export const BASE_STEP_MS = 900;

export class Player {
  trace = $state.raw<Trace | null>(null);
  step = $state(0);
  playing = $state(false);
  speed = $state(1);
  showInternals = $state(false);
  selected = $state<ActorId | null>(null);

  model = $derived(this.trace ? buildModel(this.trace) : null);
  timeline = $derived(this.model ? buildTimeline(this.model) : null);
  snapshot = $derived(
    this.model ? snapshotAt(this.model, this.step, { showInternals: this.showInternals }) : null,
  );
  narration = $derived(this.model ? narrate(this.model, this.step) : '');
  lastStep = $derived(this.model ? cursor.lastStep(this.model) : 0);

  /** Asked before each step forward (predict mode asks its question): false holds the cursor. */
  beforeForward: ((next: number) => boolean) | null = null;

  #timer: ReturnType<typeof setTimeout> | null = null;

  load(trace: Trace, keepStep = false): void {
    this.pause();
    this.trace = trace;
    this.step = keepStep ? Math.min(this.step, Math.max(0, trace.steps.length - 1)) : 0;
    if (this.selected !== null && !trace.actors.some((a) => a.id === this.selected)) this.selected = null;
  }

  /** Empties the stage at once (a run started); the step is kept for a `load` that keeps it. */
  clear(): void {
    this.pause();
    this.trace = null;
  }

  seek(step: number): void {
    if (this.model) this.step = cursor.clampStep(this.model, step);
  }

  forward(): void {
    if (this.beforeForward && this.step < this.lastStep && !this.beforeForward(this.step + 1))
      return this.pause();
    this.seek(this.step + 1);
  }
  back(): void {
    this.seek(this.step - 1);
  }
  toStart(): void {
    this.seek(0);
  }
  toEnd(): void {
    this.seek(this.lastStep);
  }
  nextIteration(): void {
    if (this.model) this.step = cursor.nextIteration(this.model, this.step);
  }
  prevIteration(): void {
    if (this.model) this.step = cursor.prevIteration(this.model, this.step);
  }
  nextClockJump(): void {
    if (this.model) this.step = cursor.nextClockJump(this.model, this.step);
  }
  nextOfSelected(): void {
    if (!this.model || this.selected === null) return;
    const s = cursor.nextStepOf(this.model, this.selected, this.step);
    if (s !== null) this.step = s;
  }
  faster(): void {
    this.speed = cursor.faster(this.speed);
  }
  slower(): void {
    this.speed = cursor.slower(this.speed);
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  play(): void {
    if (!this.model || this.playing) return;
    if (this.step >= this.lastStep) this.step = 0;
    this.playing = true;
    this.#schedule();
  }

  pause(): void {
    this.playing = false;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #schedule(): void {
    this.#timer = setTimeout(() => {
      if (!this.playing) return;
      if (this.step >= this.lastStep) return this.pause();
      this.forward();
      this.#schedule();
    }, BASE_STEP_MS / this.speed);
  }
}
