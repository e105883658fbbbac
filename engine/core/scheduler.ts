// The loop's scheduler: the ready FIFO, the timer heap and one loop iteration, ported from
// CPython's BaseEventLoop (Lib/asyncio/base_events.py) name for name. Callbacks themselves stay
// on the host's side (Python Handles); the scheduler orders integer handle ids and hands each
// iteration's callbacks to the host as one batch (one JS->Python crossing per iteration).
//
// Prior art: asyncio's TestLoop (a loop on a fake clock), SimPy's Environment (clock + heap +
// schedule/step), Trio's MockClock (virtual time that jumps), Pyodide's WebLoop (a host-driven
// asyncio loop). Ties: timers order by (deadline, clock reading when armed), heapq order beyond.

import { Clock } from './clock';
import { Deque } from './deque';
import { heapify, heappop, heappush } from './heapq';

/** asyncio's _MIN_SCHEDULED_TIMER_HANDLES: below this, cancelled timers go only from the head. */
const MIN_SCHEDULED_TIMER_HANDLES = 100;
/** asyncio's _MIN_CANCELLED_TIMER_HANDLES_FRACTION: above this share, the heap is rebuilt. */
const MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5;
/** asyncio's MAXIMUM_SELECT_TIMEOUT: the longest single wait, 24 h. */
export const MAXIMUM_SELECT_TIMEOUT = 24 * 3600;
/** time.get_clock_info('monotonic').resolution on Linux, asyncio's _clock_resolution. */
export const CLOCK_RESOLUTION = 1e-9;

/** One scheduled callback: asyncio's Handle / TimerHandle, minus the callback itself. */
export interface ScheduledCallback {
  handle: number;
  actor: number;
  /** Deadline (timers only). */
  when: number;
  /** Clock reading counter when the timer was armed: the tie-break for equal deadlines. */
  reading: number;
  cancelled: boolean;
  /** In the timer heap (asyncio's TimerHandle._scheduled). */
  scheduled: boolean;
}

export interface LoopObserver {
  /** A loop iteration (one runOnce) begins. */
  iterationStarted(): void;
  /** Appended to the ready queue. */
  scheduled(cb: ScheduledCallback): void;
  timerArmed(cb: ScheduledCallback): void;
  cancelled(cb: ScheduledCallback): void;
  clockAdvanced(from: number, to: number): void;
}

export interface LoopHost {
  /**
   * Runs one iteration's callbacks in order, calling started() for each as it begins and
   * skipping any cancelled meanwhile (the host holds the callbacks, so it sees cancel() first).
   * 'aborted': one raised out of the loop (SystemExit, a run-ending fault); 'capSteps': the
   * step cap stopped the batch.
   */
  runBatch(batch: ScheduledCallback[]): 'ok' | 'aborted' | 'capSteps';
  /**
   * [threads hook] When the virtual world's next event is due (a worker thread's job finishing,
   * engine/python/world/), or Infinity. To the select step it is what a worker's write to the
   * self-pipe is to CPython's: the loop wakes then, and is not deadlocked while one is pending.
   */
  worldNext?(): number;
  /** [threads hook] Runs the world's events due now (they may call_soon_threadsafe). */
  worldDue?(): 'ok' | 'aborted';
}

export type RunOnceResult = 'ok' | 'deadlock' | 'capTime' | 'capSteps' | 'aborted';

export const timerLess = (a: ScheduledCallback, b: ScheduledCallback): boolean =>
  a.when < b.when || (a.when === b.when && a.reading < b.reading);

const quietObserver: LoopObserver = {
  iterationStarted() {},
  scheduled() {},
  timerArmed() {},
  cancelled() {},
  clockAdvanced() {},
};

export class Scheduler {
  readonly readyQueue = new Deque<ScheduledCallback>();
  timers: ScheduledCallback[] = [];
  /** asyncio's _stopping: set by stop(), the loop ends after the current iteration. */
  stopping = false;
  /** asyncio's _timer_cancelled_count. */
  private timerCancelledCount = 0;
  private readonly live = new Map<number, ScheduledCallback>();

  constructor(
    readonly clock: Clock = new Clock(),
    private readonly observer: LoopObserver = quietObserver,
    /** The virtual time the run may reach (RunOptions.maxTime). */
    private readonly maxTime = Infinity,
  ) {}

  time(): number {
    return this.clock.time();
  }

  callSoon(handle: number, actor: number): ScheduledCallback {
    const cb: ScheduledCallback = { handle, actor, when: 0, reading: 0, cancelled: false, scheduled: false };
    this.readyQueue.push(cb);
    this.live.set(handle, cb);
    this.observer.scheduled(cb);
    return cb;
  }

  /** `reading`: the clock reading counter when it was armed (the host may have read ahead). */
  callAt(when: number, handle: number, actor: number, reading = this.clock.lastReading()): ScheduledCallback {
    const cb: ScheduledCallback = {
      handle,
      actor,
      when,
      reading,
      cancelled: false,
      scheduled: true,
    };
    heappush(this.timers, timerLess, cb);
    this.live.set(handle, cb);
    this.observer.timerArmed(cb);
    return cb;
  }

  callLater(delay: number, handle: number, actor: number): ScheduledCallback {
    return this.callAt(this.time() + delay, handle, actor);
  }

  /** Handle.cancel(): marks it; asyncio drops cancelled callbacks lazily (see runOnce). */
  cancel(handle: number): void {
    const cb = this.live.get(handle);
    if (!cb || cb.cancelled) return;
    cb.cancelled = true;
    this.live.delete(handle);
    if (cb.scheduled) this.timerCancelledCount++; // asyncio's _timer_handle_cancelled
    this.observer.cancelled(cb);
  }

  stop(): void {
    this.stopping = true;
  }

  /**
   * One iteration, as BaseEventLoop._run_once. This is the only place where callbacks are
   * actually called; all other places just add them to ready. It runs the callbacks that
   * were ready when the iteration began (after due timers joined them), not any that those
   * callbacks schedule: they run in the next iteration.
   */
  runOnce(host: LoopHost): RunOnceResult {
    this.observer.iterationStarted();
    const schedCount = this.timers.length;
    if (
      schedCount > MIN_SCHEDULED_TIMER_HANDLES &&
      this.timerCancelledCount / schedCount > MIN_CANCELLED_TIMER_HANDLES_FRACTION
    ) {
      // Remove delayed calls that were cancelled if their number is too high.
      const newScheduled: ScheduledCallback[] = [];
      for (const cb of this.timers) {
        if (cb.cancelled) cb.scheduled = false;
        else newScheduled.push(cb);
      }
      heapify(newScheduled, timerLess);
      this.timers = newScheduled;
      this.timerCancelledCount = 0;
    } else {
      // Remove delayed calls that were cancelled from the head of the heap.
      while (this.timers.length > 0 && this.timers[0].cancelled) {
        this.timerCancelledCount--;
        heappop(this.timers, timerLess).scheduled = false;
      }
    }

    let timeout: number | null = null;
    if (this.readyQueue.length > 0 || this.stopping) timeout = 0;
    else if (this.timers.length > 0) {
      timeout = this.timers[0].when - this.time();
      if (timeout > MAXIMUM_SELECT_TIMEOUT) timeout = MAXIMUM_SELECT_TIMEOUT;
      else if (timeout < 0) timeout = 0;
    }

    // The virtual selector: no I/O ever arrives, so waiting means jumping the clock.
    // [threads hook] ...to the earlier of the next timer and the world's next event, which then
    // runs (its call_soon_threadsafe callbacks join the ready queue before due timers, as the
    // callbacks a worker appended do in CPython). Without world events: exactly as before.
    const worldAt = host.worldNext?.() ?? Infinity;
    if (timeout === null) {
      if (worldAt === Infinity) return 'deadlock';
      const from = this.clock.peek();
      if (worldAt > from) {
        if (worldAt > this.maxTime) return 'capTime';
        this.clock.jump(worldAt);
        this.observer.clockAdvanced(from, worldAt);
      }
    } else if (timeout > 0) {
      const from = this.clock.peek();
      let to = timeout === MAXIMUM_SELECT_TIMEOUT ? from + timeout : this.timers[0].when;
      if (worldAt < to) to = Math.max(worldAt, from);
      if (to > this.maxTime) return 'capTime';
      if (to > from) {
        this.clock.jump(to);
        this.observer.clockAdvanced(from, to);
      }
    }
    if (worldAt <= this.clock.peek()) {
      const status = host.worldDue!();
      if (status !== 'ok') return status;
    }

    // Handle 'later' callbacks that are ready.
    const endTime = this.time() + CLOCK_RESOLUTION;
    while (this.timers.length > 0) {
      if (this.timers[0].when >= endTime) break;
      const cb = heappop(this.timers, timerLess);
      cb.scheduled = false;
      this.readyQueue.push(cb);
      if (!cb.cancelled) this.observer.scheduled(cb);
    }

    const ntodo = this.readyQueue.length;
    const batch: ScheduledCallback[] = [];
    for (let i = 0; i < ntodo; i++) {
      const cb = this.readyQueue.popleft();
      if (!cb.cancelled) batch.push(cb);
    }
    return batch.length > 0 ? host.runBatch(batch) : 'ok';
  }

  /** A callback of the current batch begins: it is no longer cancellable. */
  started(handle: number): void {
    this.live.delete(handle);
  }

  /** asyncio's run_forever loop: iterations until stop() (or until the run cannot go on). */
  runForever(host: LoopHost): RunOnceResult {
    try {
      for (;;) {
        const result = this.runOnce(host);
        if (result !== 'ok') return result;
        if (this.stopping) return 'ok';
      }
    } finally {
      this.stopping = false;
    }
  }
}
