// Reading runs of numbers out of the op buffer (ops.py): a wait's targets, a step's lines.

/** d[from .. from+n) as a plain array (a loop: subarray() allocates a view per call). */
export function numbers(d: Float64Array, from: number, n: number): number[] {
  const out = new Array<number>(n);
  for (let k = 0; k < n; k++) out[k] = d[from + k];
  return out;
}

/** A step keeps its first this many lines: engine/python/lines.py's MAX_LINES_RECORDED. */
const MAX_LINES_RECORDED = 1000;

/**
 * A step's raw lines d[from .. from+n) as the trace keeps them: repeats folded, capped. A task
 * in a loop runs the same lines step after step, so an actor's previous array is reused when
 * equal: one array instead of one per step (traces are immutable once recorded).
 */
export function stepLines(d: Float64Array, from: number, n: number, prev: number[] | undefined): number[] {
  const out: number[] = [];
  let last = -1;
  for (let k = from; k < from + n && out.length < MAX_LINES_RECORDED; k++) {
    const line = d[k];
    if (line !== last) out.push((last = line));
  }
  if (prev === undefined || prev.length !== out.length) return out;
  for (let k = 0; k < out.length; k++) if (prev[k] !== out[k]) return out;
  return prev;
}
