// The trace recorder (engine/core/recorder.ts) shares the events that carry nothing but their
// actor, and a wait reason repeated by the next wait, so a long loop keeps one object per step:
// sharing must never show in the trace's text, and output, the one event merged into
// afterwards, must never be shared.
import { describe, expect, it } from 'vitest';
import { Clock } from '../../../engine/core/clock';
import { TraceRecorder } from '../../../engine/core/recorder';
import type { ScheduledCallback } from '../../../engine/core/scheduler';

const cb = (actor: number): ScheduledCallback => ({
  handle: actor * 10,
  actor,
  when: 0,
  reading: 0,
  cancelled: false,
  scheduled: false,
});

/** Two steps of actor 1 with the same lines array, then one with other lines; actor 2 once. */
function record(): TraceRecorder {
  const rec = new TraceRecorder(new Clock(), 100);
  const loopLines = [3, 4];
  for (const lines of [loopLines, loopLines, [4, 5]]) {
    rec.scheduled(cb(1));
    rec.beginRun(1);
    rec.output('stdout', 'a');
    rec.stepEnd(1, lines);
  }
  rec.scheduled(cb(2));
  rec.cancelled(cb(2));
  return rec;
}

describe('trace recorder', () => {
  it('records the same text as one fresh object per event', () => {
    const events = record().events;
    expect(JSON.parse(JSON.stringify(events))).toEqual([
      ...[
        [3, 4],
        [3, 4],
        [4, 5],
      ].flatMap((lines) => [
        { t: 'taskScheduled', actor: 1 },
        { t: 'beforeTaskStep', actor: 1 },
        { t: 'output', stream: 'stdout', text: 'a' },
        { t: 'afterTaskStep', actor: 1, lines },
      ]),
      { t: 'taskScheduled', actor: 2 },
      { t: 'handleCancelled', actor: 2 },
    ]);
  });

  it("shares an actor's scheduled, before-step and repeated after-step events", () => {
    const e = record().events;
    expect(e[4]).toBe(e[0]); // taskScheduled, actor 1
    expect(e[5]).toBe(e[1]); // beforeTaskStep
    expect(e[7]).toBe(e[3]); // afterTaskStep, the same lines array
    expect(e[11]).not.toBe(e[7]); // other lines: a new event
    expect(e[12]).not.toBe(e[0]); // another actor's
  });

  it('never shares output, so merging text into one step leaves the others alone', () => {
    const e = record().events;
    expect(e[2]).not.toBe(e[6]);
    const rec = new TraceRecorder(new Clock(), 100);
    rec.beginRun(1);
    rec.output('stdout', 'x');
    rec.output('stdout', 'y');
    rec.stepEnd(1, []);
    rec.beginRun(1);
    rec.output('stdout', 'z');
    expect(rec.events.filter((ev) => ev.t === 'output')).toEqual([
      { t: 'output', stream: 'stdout', text: 'xy' },
      { t: 'output', stream: 'stdout', text: 'z' },
    ]);
  });

  it('shares a wait reason only with the wait just before it, when every field is the same', () => {
    const rec = new TraceRecorder(new Clock(), 100);
    rec.waiting(1, 'timer', 'asyncio.sleep(1)', 4, 1, []);
    rec.waiting(2, 'timer', 'asyncio.sleep(1)', 4, 1, []);
    rec.waiting(3, 'timer', 'asyncio.sleep(1)', 4, 2, []);
    rec.waiting(4, 'task', 'asyncio.gather(a, b)', 9, -1, [1, 2]);
    rec.waiting(5, 'task', 'asyncio.gather(a, b)', 9, -1, [1, 2]);
    rec.waiting(6, 'future', 'fut', 0, -1, []);
    const reasons = rec.events.map((e) => (e.t === 'taskWaiting' ? e.reason : null));
    expect(reasons[1]).toBe(reasons[0]);
    expect(reasons[2]).not.toBe(reasons[1]); // another deadline
    expect(reasons[4]).not.toBe(reasons[3]); // targets are never shared
    expect(JSON.parse(JSON.stringify(reasons))).toEqual([
      { kind: 'timer', expr: 'asyncio.sleep(1)', deadline: 1, line: 4 },
      { kind: 'timer', expr: 'asyncio.sleep(1)', deadline: 1, line: 4 },
      { kind: 'timer', expr: 'asyncio.sleep(1)', deadline: 2, line: 4 },
      { kind: 'task', expr: 'asyncio.gather(a, b)', targets: [1, 2], line: 9 },
      { kind: 'task', expr: 'asyncio.gather(a, b)', targets: [1, 2], line: 9 },
      { kind: 'future', expr: 'fut' },
    ]);
  });

  it("merges a step's sends between the same endpoints that arrive together, and nothing else", () => {
    const rec = new TraceRecorder(new Clock(), 100);
    rec.beginRun(1);
    rec.bytesSent('a:1', 'b:2', 10, 0, 0.05);
    rec.bytesSent('a:1', 'b:2', 5, 0, 0.05); // the rest of one write: one message
    rec.bytesSent('a:1', 'b:2', 7, 0, 0.06); // arrives later: a message of its own
    rec.bytesSent('b:2', 'a:1', 3, 0, 0.06); // the other way
    rec.threadJob('asyncio_0', 'fetch', 0, 1);
    rec.bytesSent('b:2', 'a:1', 3, 0, 0.06); // not adjacent to its twin
    rec.stepEnd(1, []);
    rec.beginRun(1);
    rec.bytesSent('b:2', 'a:1', 3, 0, 0.06); // another step
    const sends = rec.events.filter((e) => e.t === 'bytesSent' || e.t === 'threadJob');
    expect(sends).toEqual([
      { t: 'bytesSent', from: 'a:1', to: 'b:2', bytes: 15, sent: 0, arrives: 0.05 },
      { t: 'bytesSent', from: 'a:1', to: 'b:2', bytes: 7, sent: 0, arrives: 0.06 },
      { t: 'bytesSent', from: 'b:2', to: 'a:1', bytes: 3, sent: 0, arrives: 0.06 },
      { t: 'threadJob', thread: 'asyncio_0', job: 'fetch', start: 0, end: 1 },
      { t: 'bytesSent', from: 'b:2', to: 'a:1', bytes: 3, sent: 0, arrives: 0.06 },
      { t: 'bytesSent', from: 'b:2', to: 'a:1', bytes: 3, sent: 0, arrives: 0.06 },
    ]);
  });
});
