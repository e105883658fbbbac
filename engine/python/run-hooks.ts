// What the process that runs the engine hears of a run, and asks of it: step boundaries for its
// watchdog, whether it interrupted Python, the end step, and a wall clock (host.ts calls them;
// the engine itself reads no wall time).

/** What the engine process may ask to hear about a run (engine.run's fourth argument). */
export interface RunHooks {
  /**
   * At step boundaries seen from JavaScript: after each loop iteration's batch of callbacks,
   * and when the top level starts, resumes or splits. `steps` is the trace's step count so far.
   */
  onStep?(steps: number): void;
  /** Whether the host has interrupted Python (its interrupt buffer) since the run began. */
  interrupted?(): boolean;
  /**
   * The run reached its end step: what follows (the engine's own clean-up and putting the heap
   * back, which grow with the run) is no step of the program's, so no step budget applies.
   */
  onEnd?(): void;
  /** A wall clock in ms: it sizes the slices a loop iteration runs in (batching.ts), nothing else. */
  wallMs?(): number;
}
