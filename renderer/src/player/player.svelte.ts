// The thin runes wrapper around the pure player: the trace (raw: large, replaced not mutated),
// the cursor and the play clock. Everything shown derives from (trace, cursor) by snapshotAt.
import type { ActorId, Trace } from '../../../common/trace';
import * as cursor from './cursor';
import { withNaming } from './model';
import { modelOf, timelineOf } from './modelCache';
import { narrate } from './narration';
import { snapshotAt } from './snapshot';
import { jumpStop, stepView } from './visibleSteps';

/** One step per this many ms at 1x. */
export const BASE_STEP_MS = 900;

export class Player {
  trace = $state.raw<Trace | null>(null);
  step = $state(0);
  playing = $state(false);
  speed = $state(1);
  showInternals = $state(false);
  selected = $state<ActorId | null>(null);
  /** Tasks named as CPython names them (Task-1) instead of common/taskNames.ts's scheme. */
  cpythonNames = $state(false);

  /** Built by the trace worker for a run's trace (modelCache.ts), else here on first use. */
  #base = $derived(this.trace ? modelOf(this.trace) : null);
  model = $derived(this.#base ? withNaming(this.#base, this.cpythonNames ? 'cpython' : 'friendly') : null);
  /** The steps stepped through: with internals off, those asyncio's plumbing alone ran are skipped. */
  view = $derived(
    stepView(this.trace?.steps.length ?? 1, this.showInternals ? null : (this.model?.visibleSteps ?? null)),
  );
  timeline = $derived(this.model ? timelineOf(this.model) : null);
  snapshot = $derived(
    this.model
      ? snapshotAt(this.model, this.step, { showInternals: this.showInternals, view: this.view })
      : null,
  );
  narration = $derived(this.model ? narrate(this.model, this.step) : '');
  lastStep = $derived(this.model ? cursor.lastStep(this.model) : 0);
  /** The cursor as a position among the shown steps (the counter, the scrub). */
  position = $derived(this.view.position(this.step));

  /**
   * Asked before each step forward, and before each shown step a forward jump passes (predict
   * mode asks its question): false holds the cursor before that step. Seeks do not ask.
   */
  beforeForward: ((next: number) => boolean) | null = null;

  #timer: ReturnType<typeof setTimeout> | null = null;

  load(trace: Trace, keepStep = false): void {
    this.pause();
    this.trace = trace;
    this.step = keepStep ? Math.min(this.step, Math.max(0, trace.steps.length - 1)) : 0;
    // A selection belongs to the program it was made in: another program's task 3 is another task.
    if (this.selected !== null && (!keepStep || !trace.actors.some((a) => a.id === this.selected)))
      this.selected = null;
  }

  /** Empties the stage at once (a run started); the step is kept for a `load` that keeps it. */
  clear(): void {
    this.pause();
    this.trace = null;
  }

  /** To `step`, or to the shown step before it when it is one of the hidden ones. */
  seek(step: number): void {
    if (this.model) this.step = this.view.atOrBefore(cursor.clampStep(this.model, step));
  }
  /** To the `position`th shown step (the scrub). */
  seekPosition(position: number): void {
    if (this.model) this.step = this.view.at(position);
  }
  /** A jump forward (next pass, clock jump, selected task's step) stops before a question on its way. */
  #forwardTo(step: number): void {
    if (!this.model) return;
    const target = this.view.atOrAfter(cursor.clampStep(this.model, step));
    const from = this.step;
    if (!this.beforeForward || target <= from) {
      this.step = target;
      return;
    }
    const stop = jumpStop(this.view, from, target, this.beforeForward);
    // Held: wait on the step before the question (unless answering it already moved the cursor).
    if (this.step === from) this.step = stop.step;
    if (stop.held) this.pause();
  }

  forward(): void {
    if (!this.model) return;
    const next = this.view.atOrAfter(cursor.clampStep(this.model, this.step + 1));
    // Predict mode holds the step back until its question is answered.
    if (this.beforeForward && this.step < this.lastStep && !this.beforeForward(next)) return this.pause();
    this.step = next;
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
    if (this.model) this.#forwardTo(cursor.nextIteration(this.model, this.step));
  }
  prevIteration(): void {
    if (this.model) this.seek(cursor.prevIteration(this.model, this.step));
  }
  nextClockJump(): void {
    if (this.model) this.#forwardTo(cursor.nextClockJump(this.model, this.step));
  }
  nextOfSelected(): void {
    if (!this.model || this.selected === null) return;
    const s = cursor.nextStepOf(this.model, this.selected, this.step);
    if (s !== null) this.#forwardTo(s);
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
