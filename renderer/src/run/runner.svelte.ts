// Runs the program through the bridge: on start, after edits (debounced) and on Ctrl+Enter.
// Only the newest request's answer is shown; a rejected run shows its message and keeps the
// last good trace on screen. The engine runs one program at a time (a newer run cancels the
// older), so the compare view suspends the runner while it runs its two programs. Stop (Esc)
// cancels the engine's run and the reading of its trace; the program text stays as it is.
import { loopscope, traceLoader, type SimProgress } from '../bridge';
import type { Trace } from '../../../common/trace';
import { runProgress, type RunProgress } from './progress';

/** Quiet time after the last keystroke before the program reruns. */
export const EDIT_DEBOUNCE_MS = 800;

export class Runner {
  source = $state('');
  fileName = $state('untitled.py');
  running = $state(false);
  error = $state('');
  progress = $state.raw<RunProgress | null>(null);
  /** Set when the person stopped the last run (cleared by the next). */
  stopped = $state(false);
  /** Output a run keeps (Settings › “Output kept”), in bytes; null: the engine's default. */
  maxOutputBytes: number | null = null;
  #seq = 0;
  #debounce: ReturnType<typeof setTimeout> | null = null;
  #unsubscribe: (() => void) | null = null;
  #suspended = false;
  #pending = false;
  #inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly onTrace: (trace: Trace) => void,
    /** A run starts; `explicit`: asked for (Run, Ctrl+Enter, a lesson or file opened), not an edit's rerun. */
    private readonly onStart: (explicit: boolean) => void = () => {},
  ) {}

  attach(): () => void {
    const progress = (p: SimProgress | Parameters<Parameters<typeof traceLoader.onProgress>[0]>[0]) => {
      if (this.running) this.progress = runProgress(p, this.progress);
    };
    const detachLoad = traceLoader.onProgress(progress);
    try {
      this.#unsubscribe = loopscope.sim.onProgress(progress);
    } catch {
      this.#unsubscribe = null;
    }
    return () => {
      this.#unsubscribe?.();
      detachLoad();
      if (this.#debounce) clearTimeout(this.#debounce);
    };
  }

  /** Ends the run in flight: the engine's run is cancelled and its trace, if on its way, dropped. */
  stop(): void {
    if (!this.running) return;
    this.#seq++;
    this.running = false;
    this.progress = null;
    this.stopped = true;
    this.error = '';
    traceLoader.cancel();
    void loopscope.sim.cancel().catch(() => undefined);
  }

  edit(source: string): void {
    // The editor echoes a program put into it (a lesson, a file): that text is already run.
    if (source === this.source) return;
    this.source = source;
    if (this.#debounce) clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => void this.run(false), EDIT_DEBOUNCE_MS);
  }

  /** Holds runs back (they run on resume) and resolves once the run in flight has ended. */
  suspend(): Promise<void> {
    this.#suspended = true;
    if (this.#debounce) {
      clearTimeout(this.#debounce);
      this.#debounce = null;
      this.#pending = true;
    }
    return this.#inFlight;
  }

  resume(): void {
    this.#suspended = false;
    if (this.#pending) void this.run();
  }

  run(explicit = true): Promise<void> {
    if (this.#debounce) clearTimeout(this.#debounce);
    this.#debounce = null;
    this.#pending = this.#suspended;
    if (this.#suspended) return Promise.resolve();
    return (this.#inFlight = this.#run(explicit));
  }

  async #run(explicit: boolean): Promise<void> {
    const seq = ++this.#seq;
    // A trace still being read for the run this one replaces is nobody's now.
    if (this.running) traceLoader.cancel();
    this.running = true;
    this.stopped = false;
    this.progress = { phase: 'starting', steps: 0, fraction: -1 };
    this.onStart(explicit);
    try {
      const options =
        this.maxOutputBytes !== null ? { options: { maxOutputBytes: this.maxOutputBytes } } : {};
      const trace = await loopscope.sim.run({ source: this.source, fileName: this.fileName, ...options });
      if (seq !== this.#seq) return;
      this.error = '';
      this.onTrace(trace);
    } catch (e) {
      if (seq !== this.#seq) return;
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      if (seq === this.#seq) {
        this.running = false;
        this.progress = null;
      }
    }
  }
}
