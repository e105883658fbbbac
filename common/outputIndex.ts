// Where a run's output is: each chunk (an output event, or where the output cap's kept head
// ends) by its event, its step and where its text starts in all the output. Columns of numbers,
// not a chunk object per print: a big run's hundred thousand prints move from the trace
// worker to the UI thread as three arrays, and a chunk is made only when the console asks.
import type { Trace, TraceEvent } from './trace';

export interface OutputIndex {
  event: Int32Array;
  step: Int32Array;
  offset: Float64Array;
  /** The console's lines begun up to and including each chunk (foldChunk's count). */
  lines: Int32Array;
  /** The stream of the line each chunk leaves open: 0 none, 1 stdout, 2 stderr. */
  open: Uint8Array;
  /** The chunks that are the output cap's gap (each begins one line). */
  gaps: Int32Array;
}

export interface OutputChunk {
  stream: 'stdout' | 'stderr';
  text: string;
  offset: number;
  step: number;
  /** Where the output cap's kept head ends: the lines not kept (engine/core/output-cut.ts). */
  dropped?: number;
}

/** A console line as the fold makes it (the cap's gap has no text of its own). */
export interface FoldedLine {
  text: string;
  stream: 'stdout' | 'stderr';
  step: number;
  dropped?: number;
}

/** The console's rule for a chunk: its text joins the line its stream left open, each newline
 * ends a line, the cap's gap is a line of its own. Pushes the lines it begins; returns the line
 * left open. */
export function foldChunk(
  c: Omit<OutputChunk, 'offset'>,
  open: FoldedLine | null,
  push: (line: FoldedLine) => void,
): FoldedLine | null {
  if (c.dropped !== undefined) {
    push({ text: '', stream: c.stream, step: c.step, dropped: c.dropped });
    return null;
  }
  const parts = c.text.split('\n');
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (open && i === 0 && open.stream === c.stream) {
      open.text += p;
      open.step = c.step;
    } else if (p !== '' || i < parts.length - 1) push((open = { text: p, stream: c.stream, step: c.step }));
    if (i < parts.length - 1) open = null;
  }
  return open;
}

const isChunk = (e: TraceEvent) => e.t === 'output' || (e.t === 'outputDropped' && e.chars > 0);

export function outputIndexOf(trace: Pick<Trace, 'steps' | 'events'>): OutputIndex {
  const { steps, events } = trace;
  const event: number[] = [];
  const step: number[] = [];
  const offset: number[] = [];
  const lines: number[] = [];
  const open: number[] = [];
  const gaps: number[] = [];
  let at = 0;
  let begun = 0;
  let left: FoldedLine | null = null;
  for (let s = 0; s < steps.length; s++) {
    const end = s + 1 < steps.length ? steps[s + 1].firstEvent : events.length;
    for (let i = steps[s].firstEvent; i < end; i++) {
      const e = events[i];
      if (!isChunk(e)) continue;
      event.push(i);
      step.push(s);
      offset.push(at);
      const chunk = chunkOf(e, at, s);
      if (chunk.dropped !== undefined) gaps.push(event.length - 1);
      if (e.t === 'output') at += e.text.length;
      left = foldChunk(chunk, left, () => begun++);
      lines.push(begun);
      open.push(left === null ? 0 : left.stream === 'stdout' ? 1 : 2);
    }
  }
  return {
    event: Int32Array.from(event),
    step: Int32Array.from(step),
    offset: Float64Array.from(offset),
    lines: Int32Array.from(lines),
    open: Uint8Array.from(open),
    gaps: Int32Array.from(gaps),
  };
}

function chunkOf(e: TraceEvent, offset: number, step: number): OutputChunk {
  if (e.t === 'output') return { stream: e.stream, text: e.text, offset, step };
  return { stream: 'stdout', text: '', offset, step, dropped: e.t === 'outputDropped' ? e.lines : 0 };
}

/** The chunk at `i` of the index. */
export function chunkAt(trace: Pick<Trace, 'events'>, output: OutputIndex, i: number): OutputChunk {
  return chunkOf(trace.events[output.event[i]], output.offset[i], output.step[i]);
}

/** How many chunks were printed up to and including `step`. */
export function chunksUpTo(output: OutputIndex, step: number): number {
  let lo = 0;
  let hi = output.step.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (output.step[mid] <= step) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Output printed up to and including `step`, as chunks. */
export function outputUpTo(
  index: { trace: Pick<Trace, 'events'>; output: OutputIndex },
  step: number,
): OutputChunk[] {
  const out: OutputChunk[] = [];
  for (let i = 0, n = chunksUpTo(index.output, step); i < n; i++)
    out.push(chunkAt(index.trace, index.output, i));
  return out;
}

/** Every chunk of the run's output. */
export function allOutput(index: { trace: Pick<Trace, 'events'>; output: OutputIndex }): OutputChunk[] {
  return outputUpTo(index, Infinity);
}
