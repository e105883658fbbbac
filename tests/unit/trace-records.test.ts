// A big run's steps and events on the UI thread stay bytes (renderer/src/run/recordList.ts):
// any run of records read from its place in the bytes (common/traceRecords.ts RecordReader), a run of them or one alone, is the
// record the whole decode makes, strings interned far before it included; the list behaves as
// the array it stands for (its JSON is the trace's, for-of, slice, at, findIndex, `in`), gives
// equal records again after its kept runs are let go, and refuses writes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Trace, TraceEvent } from '../../common/trace';
import { decodeTrace, decodeTracePlaced, encodeTrace } from '../../common/traceCodec';
import { PLACE_EVERY, RecordReader } from '../../common/traceRecords';
import { syntheticTrace } from '../e2e/fixtures/synthetic';
import { recordList } from '../../renderer/src/run/recordList';

const lesson = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../lessons/expected/01-gather.trace.json'), 'utf8'),
) as Trace;

/** 3,000 workers: several thousand records per list, names interned in the first runs and used in later ones. */
function bigTrace(): Trace {
  const t = syntheticTrace({ tasks: 3000, rounds: 3 });
  // A record the schema does not fit (written as JSON) among the rest.
  t.events.splice(5000, 0, { t: 'output', stream: 'stdout', text: 'x', extra: 1 } as unknown as TraceEvent);
  for (const st of t.steps) if (st.firstEvent > 5000) st.firstEvent++;
  return t;
}

describe('records read from their place in the bytes', () => {
  it.each([
    ['a lesson', lesson],
    ['3,000 tasks with a record written as JSON', bigTrace()],
  ])('every run of %s is what the whole decode gives', (_, trace) => {
    const bytes = encodeTrace(trace);
    const { trace: whole, places } = decodeTracePlaced(bytes);
    expect(JSON.stringify(whole)).toBe(JSON.stringify(decodeTrace(bytes)));
    for (const list of ['steps', 'events'] as const) {
      expect(places[list].count).toBe(trace[list].length);
      const reader = new RecordReader(bytes, places);
      const runs: unknown[] = [];
      for (let from = 0; from < trace[list].length; from += PLACE_EVERY) runs.push(...reader.run(list, from));
      expect(JSON.stringify(runs)).toBe(JSON.stringify(trace[list]));
      // One at a time, backwards (each from its own place).
      const ones = trace[list].map((_, i) => reader.one(list, trace[list].length - 1 - i)).reverse();
      expect(JSON.stringify(ones)).toBe(JSON.stringify(trace[list]));
    }
  });
});

describe('recordList', () => {
  const trace = bigTrace();
  const bytes = encodeTrace(trace);
  const { places } = decodeTracePlaced(bytes);
  const events = () => recordList<TraceEvent>(bytes, places, 'events');

  it('is the array it stands for', () => {
    const list = events();
    expect(list.length).toBe(trace.events.length);
    expect(Array.isArray(list)).toBe(true);
    expect(JSON.stringify(list)).toBe(JSON.stringify(trace.events));
    expect(JSON.stringify([...list])).toBe(JSON.stringify(trace.events));
    expect(list.slice(4000, 4100)).toEqual(trace.events.slice(4000, 4100));
    expect(list.at(-1)).toEqual(trace.events.at(-1));
    expect(list[list.length]).toBeUndefined();
    expect(list.findIndex((e) => e.t === 'taskExited')).toBe(
      trace.events.findIndex((e) => e.t === 'taskExited'),
    );
    expect(0 in list && !(list.length in list)).toBe(true);
    const steps = recordList<Trace['steps'][number]>(bytes, places, 'steps');
    expect(steps.map((s) => s.time)).toEqual(trace.steps.map((s) => s.time));
  });

  it('reads again what it let go of, equal to what it read first', () => {
    // More runs than are kept (KEEP_RUNS): bigTrace's 53 runs would all stay.
    const runs = 300;
    const printed: Pick<Trace, 'steps' | 'events'> = {
      steps: [{ kind: 'start', time: 0, iteration: 0, firstEvent: 0 }],
      events: Array.from({ length: runs * PLACE_EVERY }, (_, i) => ({
        t: 'output' as const,
        stream: 'stdout' as const,
        text: `line ${i % 5000}\n`,
      })),
    };
    const many = { ...trace, ...printed };
    const manyBytes = encodeTrace(many);
    const list = recordList<TraceEvent>(manyBytes, decodeTracePlaced(manyBytes).places, 'events');
    // A walk keeps its runs: reading on from 6 to 7 keeps run 0.
    void list[6];
    const first = list[7];
    void list[100];
    expect(list[7]).toBe(first);
    // Looks here and there read one record each and keep no run: run 0 stays.
    for (let i = PLACE_EVERY + 5; i < list.length; i += PLACE_EVERY) void list[i];
    expect(list[7]).toBe(first);
    // Walks through every other run push it out.
    for (let i = PLACE_EVERY; i < list.length; i += PLACE_EVERY) void [list[i], list[i + 1]];
    const again = list[7];
    // Let go of (read anew: another object) and equal to what was read first.
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    expect(list[list.length - 1]).toEqual(many.events.at(-1));
  });

  it('refuses writes', () => {
    const list = events();
    expect(() => {
      (list as unknown as unknown[])[0] = 1;
    }).toThrow('read-only');
    expect(() => list.push(list[0])).toThrow('read-only');
  });
});
