// The compare view's state: two programs, each run by the engine, on one virtual time axis.
// The cursor is a tick of align.ts (one step of either run, in time order); each side derives
// its player model, snapshot and console from its own trace at the tick's step for that side.
import { loopscope } from '../bridge';
import type { Trace } from '../../../common/trace';
import { buildModel, type PlayerModel } from '../player/model';
import { buildTimeline } from '../player/timeline';
import { alignRuns, nextTimeTick, prevTimeTick, type Tick } from './align';

export interface CompareProgram {
  name: string;
  source: string;
}

/** Keeps the engine to the compare view while it runs (the app's runner holds back). */
export interface EngineLease {
  acquire(): Promise<void>;
  release(): void;
}

export class CompareState {
  open = $state(false);
  programs = $state.raw<[CompareProgram, CompareProgram] | null>(null);
  traces = $state.raw<[Trace, Trace] | null>(null);
  running = $state(false);
  error = $state('');
  tick = $state(0);
  #seq = 0;
  #leased = false;

  constructor(
    private readonly lease: EngineLease = { acquire: async () => undefined, release: () => undefined },
  ) {}

  models = $derived(this.traces ? ([buildModel(this.traces[0]), buildModel(this.traces[1])] as const) : null);
  timelines = $derived(this.models ? this.models.map((m) => buildTimeline(m)) : null);
  ticks = $derived<Tick[]>(
    this.traces
      ? alignRuns(...(this.traces.map((t) => t.steps.map((s) => s.time)) as [number[], number[]]))
      : [],
  );
  current = $derived<Tick | undefined>(this.ticks[this.tick]);
  /** The shared axis runs to the later of the two ends. */
  endTime = $derived(this.ticks.length ? this.ticks[this.ticks.length - 1].time : 0);

  /** Opens the view and runs both programs, one after the other (the engine runs one at a time). */
  async show(left: CompareProgram, right: CompareProgram): Promise<void> {
    const seq = ++this.#seq;
    this.open = true;
    this.programs = [left, right];
    this.traces = null;
    this.tick = 0;
    this.error = '';
    this.running = true;
    try {
      if (!this.#leased) {
        this.#leased = true;
        await this.lease.acquire();
      }
      const a = await loopscope.sim.run({ source: left.source, fileName: left.name });
      const b = await loopscope.sim.run({ source: right.source, fileName: right.name });
      if (seq === this.#seq) this.traces = [a, b];
    } catch (e) {
      if (seq === this.#seq) this.error = e instanceof Error ? e.message : String(e);
    } finally {
      if (seq === this.#seq) this.running = false;
    }
  }

  /** Opens the view with a message instead of two runs (a file could not be read). */
  fail(message: string): void {
    this.#seq++;
    this.open = true;
    this.programs = null;
    this.traces = null;
    this.running = false;
    this.error = message;
  }

  close(): void {
    this.#seq++;
    this.open = false;
    this.running = false;
    if (this.#leased) {
      this.#leased = false;
      this.lease.release();
    }
  }

  model(side: 0 | 1): PlayerModel | null {
    return this.models ? this.models[side] : null;
  }

  seek(tick: number): void {
    this.tick = Math.max(0, Math.min(this.ticks.length - 1, tick));
  }
  forward(): void {
    this.seek(this.tick + 1);
  }
  back(): void {
    this.seek(this.tick - 1);
  }
  nextTime(): void {
    this.seek(nextTimeTick(this.ticks, this.tick));
  }
  prevTime(): void {
    this.seek(prevTimeTick(this.ticks, this.tick));
  }
  toStart(): void {
    this.seek(0);
  }
  toEnd(): void {
    this.seek(this.ticks.length - 1);
  }
}
