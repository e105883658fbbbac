// How many of a loop iteration's callbacks go to Python at once. The watchdog sees a step
// boundary only when Python returns to JavaScript, so an iteration of 1,000 short steps (1,000
// clients connecting) run in one call looked like one step of a second or more. Slicing the
// iteration changes nothing the program can see: run_batch ends a slice where the next handle
// would have been taken (the last handle let go there, as asyncio's _run_once lets it go when it
// takes the next), and a cancel in one slice reaches the next (the host skips it, Python finds
// it gone). With the host's wall clock (RunHooks.wallMs; it sizes slices, it never reaches the
// trace) slices take about SLICE_MS each: each iteration starts small and at most doubles its
// slice, since one iteration's steps may cost ten times the last one's. Without it, FIRST each.

/** The wall time a slice aims at: the watchdog's view of a step is at most this coarse. */
export const SLICE_MS = 50;
const FIRST = 16;

export class BatchSlicing {
  private size = FIRST;
  private startedAt = 0;

  constructor(private readonly wallMs?: () => number) {}

  /** A new iteration: its steps may cost nothing like the last one's. */
  start(): void {
    this.size = FIRST;
  }

  /** How many of the `left` callbacks the next slice takes; it starts now. */
  next(left: number): number {
    if (this.wallMs) this.startedAt = this.wallMs();
    return Math.min(left, this.size);
  }

  /** The slice of `n` callbacks ran: the next is sized to take about SLICE_MS. */
  ran(n: number): void {
    if (!this.wallMs) return;
    const ms = this.wallMs() - this.startedAt;
    const fit = ms > 0 ? Math.floor((n * SLICE_MS) / ms) : 2 * n;
    this.size = Math.max(1, Math.min(fit, 2 * n));
  }
}
