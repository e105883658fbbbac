// Where a run's output is: each chunk (an output event, or where the output cap's kept head
// ends) by its event, its step and where its text starts in all the output. Columns of numbers,
// not a chunk object per print: a big run's hundred thousand prints move from the trace
// worker to the UI thread as three arrays, and a chunk is made only when the console asks.
import type { Trace, TraceEvent } from './trace';

export interface OutputIndex {
  event: Int32Array;
  step: Int32Array;
  offset: Float64Array;
}

export interface OutputChunk {
  stream: 'stdout' | 'stderr';
  text: string;
  offset: number;
  step: number;
  /** Where the output cap's kept head ends: the lines not kept (engine/core/output-cut.ts). */
  dropped?: number;
}

const isChunk = (e: TraceEvent) => e.t === 'output' || (e.t === 'outputDropped' && e.chars > 0);

export function outputIndexOf(trace: Pick<Trace, 'steps' | 'events'>): OutputIndex {
  const { steps, events } = trace;
  const event: number[] = [];
  const step: number[] = [];
  const offset: number[] = [];
  let at = 0;
  for (let s = 0; s < steps.length; s++) {
    const end = s + 1 < steps.length ? steps[s + 1].firstEvent : events.length;
    for (let i = steps[s].firstEvent; i < end; i++) {
      const e = events[i];
      if (!isChunk(e)) continue;
      event.push(i);
      step.push(s);
      offset.push(at);
      if (e.t === 'output') at += e.text.length;
    }
  }
  return { event: Int32Array.from(event), step: Int32Array.from(step), offset: Float64Array.from(offset) };
}

function chunkAt(trace: Pick<Trace, 'events'>, output: OutputIndex, i: number): OutputChunk {
  const e = trace.events[output.event[i]];
  const where = { offset: output.offset[i], step: output.step[i] };
  if (e.t === 'output') return { stream: e.stream, text: e.text, ...where };
  const lines = e.t === 'outputDropped' ? e.lines : 0;
  return { stream: 'stdout', text: '', ...where, dropped: lines };
}

/** Output printed up to and including `step`, as chunks. */
export function outputUpTo(
  index: { trace: Pick<Trace, 'events'>; output: OutputIndex },
  step: number,
): OutputChunk[] {
  const { step: steps } = index.output;
  let lo = 0;
  let hi = steps.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (steps[mid] <= step) lo = mid + 1;
    else hi = mid;
  }
  const out: OutputChunk[] = [];
  for (let i = 0; i < lo; i++) out.push(chunkAt(index.trace, index.output, i));
  return out;
}

/** Every chunk of the run's output. */
export function allOutput(index: { trace: Pick<Trace, 'events'>; output: OutputIndex }): OutputChunk[] {
  return outputUpTo(index, Infinity);
}
