// The virtual clock: time starts at 0 and moves only when the loop would wait or a blocking
// call (time.sleep) blocks it. Each reading bumps a hidden counter, the tie-break that makes
// equal deadlines wake in scheduling order as real CPython's ever-later readings do (DESIGN.md "Ties").
// Prior art: Trio's MockClock (jump, "time can't go backwards"), asyncio's TestLoop.

export class Clock {
  /** Virtual seconds since the run began. */
  private now = 0;
  /** How many times the clock has been read; a timer remembers the value when it is armed. */
  private readingCount = 0;

  /** A clock reading, as loop.time() / time.monotonic() would make. */
  time(): number {
    this.readingCount++;
    return this.now;
  }

  /** The time without counting as a reading (for the trace and the CLI). */
  peek(): number {
    return this.now;
  }

  /** The counter of the last reading: the tie-break stored with each timer. */
  lastReading(): number {
    return this.readingCount;
  }

  /** Takes back the clock from the Python side, which mirrors it while Python code runs. */
  sync(now: number, readings: number): void {
    if (!(now >= this.now)) throw new RangeError("time can't go backwards");
    this.now = now;
    this.readingCount = readings;
  }

  /** Moves the clock to `to` (the loop waited until then, or a blocking call returned). */
  jump(to: number): void {
    if (!(to >= this.now)) throw new RangeError("time can't go backwards");
    this.now = to;
  }
}
