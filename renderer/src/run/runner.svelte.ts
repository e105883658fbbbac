// Runs the program through the bridge: on start, after edits (debounced) and on Ctrl+Enter.
// Only the newest request's answer is shown; a rejected run shows its message and keeps the
// last good trace on screen. The engine runs one program at a time (a newer run cancels the
// older), so the compare view suspends the runner while it runs its two programs.
import { loopscope, type SimProgress } from '../bridge';
import type { Trace } from '../../../common/trace';

/** Quiet time after the last keystroke before the program reruns. */
export const EDIT_DEBOUNCE_MS = 800;

export class Runner {
  source = $state('');
  fileName = $state('untitled.py');
  running = $state(false);
  error = $state('');
  progress = $state.raw<SimProgress | null>(null);
  /** Output a run keeps (Settings › “Output kept”), in bytes; null: the engine's default. */
  maxOutputBytes: number | null = null;
  #seq = 0;
  #debounce: ReturnType<typeof setTimeout> | null = null;
  #unsubscribe: (() => void) | null = null;
  #suspended = false;
  #pending = false;
  #inFlight: Promise<void> = Promise.resolve();

  constructor(private readonly onTrace: (trace: Trace) => void) {}

  attach(): () => void {
    try {
      this.#unsubscribe = loopscope.sim.onProgress((p) => (this.progress = p));
    } catch {
      this.#unsubscribe = null;
    }
    return () => {
      this.#unsubscribe?.();
      if (this.#debounce) clearTimeout(this.#debounce);
    };
  }

  edit(source: string): void {
    // The editor echoes a program put into it (a lesson, a file): that text is already run.
    if (source === this.source) return;
    this.source = source;
    if (this.#debounce) clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => void this.run(), EDIT_DEBOUNCE_MS);
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

  run(): Promise<void> {
    if (this.#debounce) clearTimeout(this.#debounce);
    this.#debounce = null;
    this.#pending = this.#suspended;
    if (this.#suspended) return Promise.resolve();
    return (this.#inFlight = this.#run());
  }

  async #run(): Promise<void> {
    const seq = ++this.#seq;
    this.running = true;
    this.progress = { phase: 'starting', steps: 0, fraction: -1 };
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
