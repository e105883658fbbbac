import { describe, expect, it } from 'vitest';
import { Clock } from '../../../engine/core/clock';
import { heapify, heappop, heappush } from '../../../engine/core/heapq';
import { Scheduler, type LoopHost, type ScheduledCallback } from '../../../engine/core/scheduler';

/** A host that records which handles ran and lets a test react to each, as Python's does:
 * in batch order, skipping callbacks cancelled by earlier ones. */
function recordingHost(onRun: (cb: ScheduledCallback) => void = () => {}) {
  const ran: number[] = [];
  const host: LoopHost = {
    runBatch(batch) {
      for (const cb of batch) {
        if (cb.cancelled) continue;
        ran.push(cb.handle);
        onRun(cb);
      }
      return 'ok';
    },
  };
  return { ran, host };
}

interface Item {
  id: number;
}
const neverLess = (): boolean => false;

describe('heapq port', () => {
  it("pops items with equal keys in CPython heapq's push order (0 2 6 9 8 5 7 4 1 3)", () => {
    const heap: Item[] = [];
    for (let id = 0; id < 10; id++) heappush(heap, neverLess, { id });
    const order = Array.from({ length: 10 }, () => heappop(heap, neverLess).id);
    expect(order).toEqual([0, 2, 6, 9, 8, 5, 7, 4, 1, 3]);
  });

  it("pops a heapified list of equal keys in CPython heapq's order", () => {
    const heap: Item[] = Array.from({ length: 10 }, (_, id) => ({ id }));
    heapify(heap, neverLess);
    const order = Array.from({ length: 10 }, () => heappop(heap, neverLess).id);
    expect(order).toEqual([6, 2, 0, 1, 3, 5, 7, 4, 9, 8]);
  });

  it('pops numbers in ascending order', () => {
    const heap: number[] = [];
    const lt = (a: number, b: number) => a < b;
    for (const n of [5, 3, 9, 1, 7, 2]) heappush(heap, lt, n);
    expect(Array.from({ length: 6 }, () => heappop(heap, lt))).toEqual([1, 2, 3, 5, 7, 9]);
  });
});

describe('clock', () => {
  it('raises "time can\'t go backwards" on a jump into the past', () => {
    const clock = new Clock();
    clock.jump(2);
    expect(() => clock.jump(1)).toThrow("time can't go backwards");
  });

  it('counts every reading and nothing else', () => {
    const clock = new Clock();
    clock.time();
    clock.peek();
    clock.time();
    expect(clock.lastReading()).toBe(2);
  });
});

describe('scheduler', () => {
  it('runs callbacks scheduled during an iteration in the next iteration', () => {
    const s = new Scheduler();
    const { ran, host } = recordingHost((cb) => {
      if (cb.handle === 1) s.callSoon(3, 3);
    });
    s.callSoon(1, 1);
    s.callSoon(2, 2);
    s.runOnce(host);
    expect(ran).toEqual([1, 2]);
    s.runOnce(host);
    expect(ran).toEqual([1, 2, 3]);
  });

  it('timers with equal deadlines wake in scheduling order when each read the clock', () => {
    const s = new Scheduler();
    for (let h = 1; h <= 10; h++) s.callLater(1, h, h);
    const { ran, host } = recordingHost();
    s.runOnce(host);
    expect(ran).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("timers armed for the same deadline from one reading come out in heapq's order", () => {
    const s = new Scheduler();
    for (let h = 0; h < 10; h++) s.callAt(5, h, h);
    const { ran, host } = recordingHost();
    s.runOnce(host);
    expect(ran).toEqual([0, 2, 6, 9, 8, 5, 7, 4, 1, 3]);
  });

  it('jumps the clock to the earliest deadline when nothing is ready', () => {
    const s = new Scheduler();
    s.callAt(0.3, 1, 1);
    s.callAt(0.1, 2, 2);
    const { ran, host } = recordingHost();
    s.runOnce(host);
    expect({ time: s.clock.peek(), ran }).toEqual({ time: 0.1, ran: [2] });
  });

  it('runs a timer due within the clock resolution in this iteration', () => {
    const s = new Scheduler();
    s.callAt(1, 1, 1);
    s.callAt(1 + 5e-10, 2, 2);
    const { ran, host } = recordingHost();
    s.runOnce(host);
    expect(ran).toEqual([1, 2]);
  });

  it('does not jump the clock while callbacks are ready', () => {
    const s = new Scheduler();
    s.callAt(1, 1, 1);
    s.callSoon(2, 2);
    const { ran, host } = recordingHost();
    s.runOnce(host);
    expect({ time: s.clock.peek(), ran }).toEqual({ time: 0, ran: [2] });
  });

  it('skips a callback cancelled by an earlier one in the same iteration', () => {
    const s = new Scheduler();
    const { ran, host } = recordingHost((cb) => {
      if (cb.handle === 1) s.cancel(2);
    });
    s.callSoon(1, 1);
    s.callSoon(2, 2);
    s.callSoon(3, 3);
    s.runOnce(host);
    expect(ran).toEqual([1, 3]);
  });

  it('skips a cancelled ready callback', () => {
    const s = new Scheduler();
    s.callSoon(1, 1);
    s.callSoon(2, 2);
    s.cancel(1);
    const { ran, host } = recordingHost();
    s.runOnce(host);
    expect(ran).toEqual([2]);
  });

  it('drops cancelled timers from the head of the heap before choosing the wait', () => {
    const s = new Scheduler();
    s.callAt(1, 1, 1);
    s.callAt(2, 2, 2);
    s.cancel(1);
    const { ran, host } = recordingHost();
    s.runOnce(host);
    expect({ time: s.clock.peek(), ran, timers: s.timers.length }).toEqual({ time: 2, ran: [2], timers: 0 });
  });

  it('rebuilds the heap when over half of more than 100 timers are cancelled', () => {
    const s = new Scheduler();
    for (let h = 0; h < 200; h++) s.callAt(10 + h, h, h);
    for (let h = 1; h <= 150; h++) s.cancel(h);
    const { host } = recordingHost();
    s.callSoon(1000, 1000);
    s.runOnce(host);
    expect(s.timers.length).toBe(50);
    expect(s.timers.every((t) => !t.cancelled)).toBe(true);
  });

  it('keeps cancelled timers that are not at the head when few are cancelled', () => {
    const s = new Scheduler();
    for (let h = 0; h < 10; h++) s.callAt(10 + h, h, h);
    s.cancel(5);
    const { host } = recordingHost();
    s.callSoon(1000, 1000);
    s.runOnce(host);
    expect(s.timers.length).toBe(10);
  });

  it('reports a deadlock when nothing is ready and no timer is armed', () => {
    const s = new Scheduler();
    const { host } = recordingHost();
    expect(s.runOnce(host)).toBe('deadlock');
  });

  it('refuses to jump past the time cap', () => {
    const s = new Scheduler(new Clock(), undefined, 5);
    s.callAt(6, 1, 1);
    const { host } = recordingHost();
    expect(s.runOnce(host)).toBe('capTime');
  });

  it('ends run_forever after the iteration in which stop() was called', () => {
    const s = new Scheduler();
    const { ran, host } = recordingHost((cb) => {
      if (cb.handle === 1) {
        s.stop();
        s.callSoon(3, 3);
      }
    });
    s.callSoon(1, 1);
    s.callSoon(2, 2);
    expect(s.runForever(host)).toBe('ok');
    expect({ ran, stopping: s.stopping }).toEqual({ ran: [1, 2], stopping: false });
  });
});

describe('the select step: I/O readiness and world events', () => {
  /**
   * A host whose selector becomes ready once, at `at` (a worker finishing, bytes arriving): the
   * select step then appends handle 100. It answers as RunHost does (Run.select_io/process_io).
   */
  function worldHost(at: number, s: () => Scheduler) {
    const rec = recordingHost();
    let pending = at;
    const host: LoopHost = {
      runBatch: rec.host.runBatch,
      selectIO: (deadline) => {
        if (pending === Infinity || (deadline >= 0 && pending > deadline)) return deadline >= 0 ? -2 : -1;
        return Math.max(pending, s().time());
      },
      processIO: () => {
        if (pending <= s().time()) {
          pending = Infinity;
          s().callSoon(100, 9);
        }
        return 'ok';
      },
    };
    s().io = true;
    return { ran: rec.ran, host };
  }

  it('is no deadlock while an event is pending: the clock jumps to it and its callback runs', () => {
    const s = new Scheduler(new Clock());
    const { ran, host } = worldHost(1.5, () => s);
    expect(s.runOnce(host)).toBe('ok');
    expect(s.time()).toBe(1.5);
    expect(ran).toEqual([100]);
    expect(s.runOnce(host)).toBe('deadlock');
  });

  it('wakes at the earlier of the event and the next timer; its callback comes before due timers', () => {
    const s = new Scheduler(new Clock());
    s.callAt(2, 1, 1);
    s.callAt(1, 2, 2);
    const { ran, host } = worldHost(1, () => s);
    s.runOnce(host);
    expect(s.time()).toBe(1);
    expect(ran).toEqual([100, 2]);
    s.runOnce(host);
    expect(ran).toEqual([100, 2, 1]);
  });

  it('runs an event already due without moving the clock when callbacks are ready', () => {
    const s = new Scheduler(new Clock());
    s.callSoon(1, 1);
    const { ran, host } = worldHost(0, () => s);
    s.runOnce(host);
    expect(s.time()).toBe(0);
    expect(ran).toEqual([1, 100]);
  });

  it('stops at the time cap instead of jumping to a later event', () => {
    const s = new Scheduler(new Clock(), undefined, 10);
    const { host } = worldHost(11, () => s);
    expect(s.runOnce(host)).toBe('capTime');
  });
});

describe('the select step (I/O)', () => {
  /** A host whose "selector" has I/O ready at `ioAt`: processIO schedules handle 100 there. */
  function ioHost(s: Scheduler, ioAt: number | null) {
    const { ran, host } = recordingHost();
    const asked: number[] = [];
    let delivered = false;
    host.selectIO = (deadline) => {
      asked.push(deadline);
      if (ioAt === null || delivered) return deadline >= 0 ? -2 : -1;
      if (deadline >= 0 && ioAt > deadline) return -2;
      return Math.max(ioAt, s.clock.peek());
    };
    host.processIO = () => {
      if (ioAt !== null && !delivered && s.clock.peek() >= ioAt) {
        delivered = true;
        s.callSoon(100, 1);
      }
      return 'ok';
    };
    return { ran, host, asked };
  }

  it('is not asked while the loop has no I/O', () => {
    const s = new Scheduler();
    const { host, asked } = ioHost(s, 0.5);
    s.callLater(1, 1, 1);
    expect(s.runOnce(host)).toBe('ok');
    expect(asked).toEqual([]);
    expect(s.clock.peek()).toBe(1);
  });

  it('jumps to an I/O arrival before the next timer and runs the reader before due timers', () => {
    const clockSteps: [number, number][] = [];
    const s = new Scheduler(new Clock(), {
      iterationStarted() {},
      scheduled() {},
      timerArmed() {},
      cancelled() {},
      clockAdvanced: (from, to) => clockSteps.push([from, to]),
    });
    s.io = true;
    const { ran, host, asked } = ioHost(s, 0.5);
    s.callLater(1, 1, 1);
    s.callLater(0.5, 2, 1);
    expect(s.runOnce(host)).toBe('ok');
    // select(timeout) with the head timer's deadline; I/O at 0.5 ties with timer 2: I/O first.
    expect(asked).toEqual([0.5]);
    expect(clockSteps).toEqual([[0, 0.5]]);
    expect(ran).toEqual([100, 2]);
    expect(s.runOnce(host)).toBe('ok');
    expect(ran).toEqual([100, 2, 1]);
    expect(s.clock.peek()).toBe(1);
  });

  it('waits for the timer when the I/O comes later', () => {
    const s = new Scheduler();
    s.io = true;
    const { ran, host } = ioHost(s, 2);
    s.callLater(1, 1, 1);
    expect(s.runOnce(host)).toBe('ok');
    expect(ran).toEqual([1]);
    expect(s.clock.peek()).toBe(1);
    expect(s.runOnce(host)).toBe('ok');
    expect(ran).toEqual([1, 100]);
    expect(s.clock.peek()).toBe(2);
  });

  it('deadlocks when nothing is ready, no timer is armed and no I/O can come', () => {
    const s = new Scheduler();
    s.io = true;
    const { host, asked } = ioHost(s, null);
    expect(s.runOnce(host)).toBe('deadlock');
    expect(asked).toEqual([-1]);
  });

  it('stops at the time cap before jumping to an I/O arrival past it', () => {
    const s = new Scheduler(new Clock(), undefined, 10);
    s.io = true;
    const { host } = ioHost(s, 20);
    expect(s.runOnce(host)).toBe('capTime');
    expect(s.clock.peek()).toBe(0);
  });
});
