// Ticks for a labelled time axis: round times (1, 2 or 5 times a power of ten seconds) placed by
// any monotonic time -> x mapping, the finest interval whose labels do not overlap. The mapping
// is passed in because the player's timeline is not linear in time (each step also gets a
// share of the width) while the compare view's is; the text width is passed in so tests can
// measure without a canvas.

export interface AxisTick {
  time: number;
  /** Where the tick sits, in the caller's px. */
  x: number;
  label: string;
}

export interface TimeTickOptions {
  /** The axis runs from time 0 to `end` (seconds). */
  end: number;
  /** x of a time, non-decreasing in time. */
  xOf: (time: number) => number;
  /** The px range labels must stay inside (a label at an edge is pushed in, not cut). */
  left: number;
  right: number;
  /** Width of a label's text in px. */
  measure: (label: string) => number;
  /** Clear space between neighbouring labels, px. */
  gap?: number;
}

/** The multipliers of a power of ten that make round intervals. */
const NICE = [1, 2, 5];
/** Float noise allowed when stepping k * interval up to `end`. */
const EPS = 1e-9;

/** The label of a time at an interval: as many decimals as the interval needs, no more. */
export function tickLabel(time: number, interval: number): string {
  const decimals = Math.max(0, -Math.floor(Math.log10(interval) + EPS));
  return time.toFixed(decimals);
}

/** Round intervals from the first one >= `from`, in increasing order, up to one past `to`. */
export function niceIntervals(from: number, to: number): number[] {
  const out: number[] = [];
  for (let power = Math.floor(Math.log10(from)); out.length === 0 || out[out.length - 1] < to; power++) {
    for (const m of NICE) {
      const v = Number((m * 10 ** power).toPrecision(12));
      if (v >= from * (1 - EPS) && (out.length === 0 || out[out.length - 1] < to)) out.push(v);
    }
  }
  return out;
}

/** A label's box, centred on its tick but kept inside [left, right]. */
function box(x: number, w: number, left: number, right: number): [number, number] {
  const start = Math.min(Math.max(left, x - w / 2), Math.max(left, right - w));
  return [start, start + w];
}

function ticksAt(interval: number, o: TimeTickOptions): AxisTick[] {
  const out: AxisTick[] = [];
  for (let k = 0; k * interval <= o.end * (1 + EPS) + EPS; k++) {
    const time = Number((k * interval).toPrecision(12));
    out.push({ time, x: o.xOf(time), label: k === 0 ? '0' : tickLabel(time, interval) });
  }
  return out;
}

/** Whether no two labels' boxes come closer than `gap`. */
function fits(ticks: AxisTick[], o: TimeTickOptions): boolean {
  const gap = o.gap ?? 8;
  let prevEnd = -Infinity;
  for (const t of ticks) {
    const [start, end] = box(t.x, o.measure(t.label), o.left, o.right);
    if (start < prevEnd + gap) return false;
    prevEnd = end;
  }
  return true;
}

/**
 * The ticks of the finest round interval whose labels all fit without overlapping. An axis of
 * zero length (a run that never waited) has the one tick at 0.
 */
export function timeTicks(o: TimeTickOptions): AxisTick[] {
  const zero = [{ time: 0, x: o.xOf(0), label: '0' }];
  if (!(o.end > 0) || !(o.right > o.left)) return zero;
  // No interval can fit more labels than the width holds side by side: start there.
  const most = Math.max(1, Math.floor((o.right - o.left) / (o.measure('0') + (o.gap ?? 8))));
  for (const interval of niceIntervals(o.end / most, o.end)) {
    const ticks = ticksAt(interval, o);
    if (fits(ticks, o)) return ticks;
  }
  return zero;
}

/** The label box of a tick as drawn (for callers that draw the text where the check put it). */
export function labelLeft(tick: AxisTick, width: number, left: number, right: number): number {
  return box(tick.x, width, left, right)[0];
}
