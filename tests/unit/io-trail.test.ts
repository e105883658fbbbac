// common/ioTrail.ts folds the trace's threadJob and bytesSent events: which thread runs which
// job at a step, which bytes are in flight, and what a clock jump met. A hand-made trace: one
// request to a built-in server whose answer is stamped when the request is sent (it leaves
// later), and two jobs on one worker, the second queued behind the first.
import { describe, expect, it } from 'vitest';
import { arrivalsIn, indexIo, inFlightAt, threadsAt } from '../../common/ioTrail';
import {
  DEFAULT_RUN_OPTIONS,
  TRACE_VERSION,
  type Step,
  type Trace,
  type TraceEvent,
} from '../../common/trace';

function trace(): Trace {
  const steps: Step[] = [];
  const events: TraceEvent[] = [];
  const step = (kind: Step['kind'], time: number, ...evs: TraceEvent[]) => {
    steps.push({ kind, time, iteration: steps.length, firstEvent: events.length });
    events.push(...evs);
  };
  step('start', 0);
  step(
    'run',
    0,
    { t: 'bytesSent', from: '10.0.2.15:32770', to: 'example.com:80', bytes: 44, sent: 0, arrives: 0.05 },
    { t: 'bytesSent', from: 'example.com:80', to: '10.0.2.15:32770', bytes: 95, sent: 0.06, arrives: 0.11 },
    { t: 'threadJob', thread: 'asyncio_0', job: 'fetch', start: 0, end: 0.1 },
    { t: 'threadJob', thread: 'asyncio_0', job: 'parse', start: 0.1, end: 0.2 },
  );
  step('clock', 0.05, { t: 'clockAdvanced', from: 0, to: 0.05 });
  step('clock', 0.08, { t: 'clockAdvanced', from: 0.05, to: 0.08 });
  step('clock', 0.11, { t: 'clockAdvanced', from: 0.08, to: 0.11 });
  step('clock', 0.2, { t: 'clockAdvanced', from: 0.11, to: 0.2 });
  step('end', 0.2);
  const end = { kind: 'ok' as const, message: '', exitCode: 0 };
  return {
    version: TRACE_VERSION,
    source: '',
    fileName: 'f.py',
    options: DEFAULT_RUN_OPTIONS,
    actors: [],
    steps,
    events,
    end,
  };
}

const t = trace();
const io = indexIo(t);
const flight = (step: number) => inFlightAt(io, step, t.steps[step].time).map((s) => `${s.bytes} ${s.from}`);

describe('the I/O trail', () => {
  it('indexes sends and jobs in step order, with the most messages ever in flight at once', () => {
    expect(io.sends.map((s) => [s.bytes, s.step])).toEqual([
      [44, 1],
      [95, 1],
    ]);
    expect(io.threads).toEqual(['asyncio_0']);
    // The request arrives (0.05) before the answer leaves (0.06): never two at once.
    expect(io.maxInFlight).toBe(1);
  });

  it('has bytes in flight from their sending until their arrival, not before they leave', () => {
    expect([0, 1, 2, 3, 4, 5].map(flight)).toEqual([
      [],
      ['44 10.0.2.15:32770'],
      [],
      ['95 example.com:80'],
      [],
      [],
    ]);
  });

  it('says what a clock jump met: the sends that arrive within it', () => {
    expect(arrivalsIn(io, 4, 0.08, 0.11).map((s) => s.from)).toEqual(['example.com:80']);
    expect(arrivalsIn(io, 3, 0.05, 0.08)).toEqual([]);
    // Nothing recorded after the step is known at it.
    expect(arrivalsIn(io, 0, 0, 1)).toEqual([]);
  });

  it('shows each worker with the job it runs, what it has queued and what it has done', () => {
    const at = (step: number, time: number) =>
      threadsAt(io, step, time).map(
        (r) => `${r.thread}: ${r.job?.job ?? 'idle'}, ${r.queued} queued, ${r.finished} done`,
      );
    expect(at(0, 0)).toEqual([]);
    expect(at(1, 0)).toEqual(['asyncio_0: fetch, 1 queued, 0 done']);
    expect(at(4, 0.15)).toEqual(['asyncio_0: parse, 0 queued, 1 done']);
    expect(at(5, 0.2)).toEqual(['asyncio_0: idle, 0 queued, 2 done']);
  });
});
