// The binary trace (common/traceCodec.ts) is a transport: every lesson's checked-in trace, and
// a trace with one event of every kind, comes back as exactly the same JSON; every kind in
// common/trace.ts has a schema of its own (none falls back to JSON); what the codec does not
// know (a future kind, an extra key) still comes back, as JSON; bad bytes are refused.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Trace, TraceEvent } from '../../common/trace';
import { decodeTrace, encodeTrace, type EncodeStats } from '../../common/traceCodec';
import { EVENT_FIELDS } from '../../common/traceSchema';

const EXPECTED = join(import.meta.dirname, '../../lessons/expected');
const lessonTraces = readdirSync(EXPECTED).filter((f) => f.endsWith('.trace.json'));

/** One event of every kind, each optional field present (typed: a new kind must be added here). */
const everyKind: { [K in TraceEvent['t']]: Extract<TraceEvent, { t: K }> } = {
  taskSpawned: { t: 'taskSpawned', actor: 2 },
  taskScheduled: { t: 'taskScheduled', actor: 2 },
  handleCancelled: { t: 'handleCancelled', actor: 3 },
  timerArmed: { t: 'timerArmed', actor: 3, deadline: 0.30000000000000004 },
  beforeTaskStep: { t: 'beforeTaskStep', actor: 2 },
  afterTaskStep: { t: 'afterTaskStep', actor: 2, lines: [4, 5, 4] },
  taskWaiting: {
    t: 'taskWaiting',
    actor: 2,
    reason: { kind: 'task', expr: 'gather(a(), b())', deadline: 1.5, targets: [3, 4], line: 9, resource: 1 },
  },
  taskExited: {
    t: 'taskExited',
    actor: 2,
    outcome: { kind: 'exception', repr: "ValueError('x')", traceback: 'Traceback…\n  line 3\n' },
  },
  clockAdvanced: { t: 'clockAdvanced', from: 0, to: 0.1 },
  output: { t: 'output', stream: 'stderr', text: 'héllo ✓ 🐍\n' },
  outputDropped: { t: 'outputDropped', lines: 999_000, chars: 6_888_890 },
  threadJob: { t: 'threadJob', thread: 'asyncio_0', job: 'f()', start: 0.5, end: 1.25 },
  bytesSent: {
    t: 'bytesSent',
    from: '127.0.0.1:1',
    to: 'example.com:80',
    bytes: 17,
    sent: 0.1,
    arrives: 0.15,
  },
  taskFrames: {
    t: 'taskFrames',
    actor: 2,
    frames: [
      { fn: 'main', line: 3, locals: [['n', '3']] },
      { fn: 'sleep', line: 1, locals: [], internal: true },
    ],
    capped: true,
  },
  resource: { t: 'resource', id: 1, kind: 'lock', name: 'lock', line: 2 },
  resourceState: { t: 'resourceState', id: 1, holders: [2], waiters: [3, 4], value: '0' },
  taskCancelled: { t: 'taskCancelled', actor: 3, by: 2 },
  warning: {
    t: 'warning',
    kind: 'deadlockCycle',
    message: 'a waits on b, b waits on a',
    actor: 2,
    line: 7,
    overdue: [{ actor: 3, by: 0.25 }],
    cycle: [{ actor: 2, resource: 1 }, { actor: 3 }],
  },
};

function traceOf(events: unknown[]): Trace {
  return {
    version: 1,
    source: 'import asyncio\n',
    fileName: 'x.py',
    options: { seed: 0, maxSteps: 10, maxTime: 1, maxOutputBytes: 1, maxTasks: 1 },
    actors: [
      { id: 1, kind: 'task', name: 'Task-1', coro: 'main', line: 1 },
      { id: 2, kind: 'callback', name: 'on_timer', internal: true, serves: 1, parent: 1, line: 4 },
    ],
    steps: [
      { kind: 'start', time: 0, iteration: 0, firstEvent: 0, lines: [1, 2] },
      { kind: 'run', time: 0.1, actor: 1, iteration: 1, firstEvent: 1 },
    ],
    events: events as TraceEvent[],
    end: { kind: 'ok', message: '', exitCode: 0 },
  };
}

function roundTrip(trace: Trace): { json: string; stats: EncodeStats } {
  const stats: EncodeStats = { jsonRecords: -1 };
  const bytes = encodeTrace(trace, stats);
  return { json: JSON.stringify(decodeTrace(bytes)), stats };
}

describe('binary trace codec', () => {
  it.each(lessonTraces)('lesson trace %s comes back as the same JSON, with no record as JSON', (file) => {
    const text = readFileSync(join(EXPECTED, file), 'utf8');
    const trace = JSON.parse(text) as Trace;
    const { json, stats } = roundTrip(trace);
    expect(json).toBe(JSON.stringify(trace));
    expect(stats.jsonRecords).toBe(0);
  });

  it('every event kind of common/trace.ts has a schema of its own', () => {
    // Read the kinds from the type's source, so a kind added there without a schema fails here.
    const source = readFileSync(join(import.meta.dirname, '../../common/trace.ts'), 'utf8');
    const union = source.slice(
      source.indexOf('export type TraceEvent'),
      source.indexOf('export type ResourceId'),
    );
    const kinds = [...union.matchAll(/\bt: '(\w+)'/g)].map((m) => m[1]).sort();
    expect(kinds.length).toBeGreaterThan(10);
    expect(Object.keys(EVENT_FIELDS).sort()).toEqual(kinds);
    expect(Object.keys(everyKind).sort()).toEqual(kinds);
  });

  it('an event of every kind, every optional field present or absent, comes back exactly, none as JSON', () => {
    const full = Object.values(everyKind);
    // The same events with each optional field left out (the bare minimum of each kind).
    const bare = full.map((e) => {
      const fields = EVENT_FIELDS[e.t];
      return Object.fromEntries(Object.entries(e).filter(([k]) => !fields.find((f) => f[0] === k)?.[2]));
    });
    const trace = traceOf([...full, ...bare]);
    const { json, stats } = roundTrip(trace);
    expect(json).toBe(JSON.stringify(trace));
    expect(stats.jsonRecords).toBe(0);
  });

  it('a future kind, an extra key and keys in another order come back as they were, as JSON', () => {
    const odd = [
      { t: 'taskSuspendedForever', actor: 2, why: { deep: [1, 'x', null] } },
      { t: 'taskSpawned', actor: 2, extra: true },
      { actor: 2, t: 'taskScheduled' },
      { t: 'clockAdvanced', from: 0, to: 1e-300 },
      { t: 'afterTaskStep', actor: -1, lines: [] },
    ];
    const trace = traceOf(odd);
    const { json, stats } = roundTrip(trace);
    expect(json).toBe(JSON.stringify(trace));
    expect(stats.jsonRecords).toBe(4);
  });

  it('is much smaller than the JSON of a run with many tasks', () => {
    const events: TraceEvent[] = [];
    for (let i = 0; i < 2000; i++)
      events.push(
        { t: 'taskSpawned', actor: i },
        {
          t: 'taskWaiting',
          actor: i,
          reason: { kind: 'timer', expr: 'asyncio.sleep(0.1)', deadline: 0.1, line: 4 },
        },
      );
    const trace = traceOf(events);
    const bytes = encodeTrace(trace);
    expect(bytes.byteLength * 4).toBeLessThan(JSON.stringify(trace).length);
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
  });

  it('refuses bytes that are cut short, have bytes after the end, or are not a binary trace', () => {
    const bytes = encodeTrace(traceOf(Object.values(everyKind)));
    expect(() => decodeTrace(bytes.slice(0, bytes.length - 3))).toThrow(/ends too early|refers to a string/);
    const longer = new Uint8Array(bytes.length + 1);
    longer.set(bytes);
    expect(() => decodeTrace(longer)).toThrow('the trace has bytes after its end');
    expect(() => decodeTrace(new TextEncoder().encode('{"version":1}'))).toThrow('not a binary trace');
    const forged = bytes.slice();
    forged[4] = 9;
    expect(() => decodeTrace(forged)).toThrow('binary trace version 9 is not 1');
  });
});
