// The real trace worker (renderer/src/run/trace-worker.ts) and the UI's loader together, every
// message structured-cloned with its transfers as postMessage does: a binary trace arrives with
// its steps and events still bytes (read where looked at) and its index's long lists in parts,
// and what the loader hands on is the same trace (its JSON), with the same model, timeline and
// task index the UI thread would build itself. Also: cutLong/putBack give back what was cut, a
// sparse array's holes included.
import { describe, expect, it, vi } from 'vitest';
import type { Trace } from '../../common/trace';
import { encodeTrace } from '../../common/traceCodec';
import { syntheticTrace } from '../e2e/fixtures/synthetic';
import { buildModel } from '../../renderer/src/player/model';
import { modelOf, timelineOf } from '../../renderer/src/player/modelCache';
import { buildTimeline } from '../../renderer/src/player/timeline';
import { indexTasks, taskIndexOf } from '../../renderer/src/player/taskIndex';
import { cutLong, putBack } from '../../renderer/src/run/longParts';
import { TraceLoader } from '../../renderer/src/run/trace-loader';
import type { LoaderReply, LoaderRequest } from '../../renderer/src/run/trace-loader-protocol';

/** The worker's global scope and the Worker the loader holds, wired as a real worker is. */
async function realWorker(): Promise<{ worker: Worker; replies: LoaderReply['type'][] }> {
  const replies: LoaderReply['type'][] = [];
  const worker = {
    onmessage: null as ((e: { data: LoaderReply }) => void) | null,
    onerror: null,
    postMessage(m: LoaderRequest, transfer: Transferable[] = []) {
      const data = structuredClone(m, { transfer });
      setTimeout(() => scope.onmessage?.({ data }));
    },
    terminate() {},
  };
  const scope = {
    onmessage: null as ((e: { data: LoaderRequest }) => void) | null,
    postMessage(m: LoaderReply, transfer: Transferable[] = []) {
      replies.push(m.type);
      const data = structuredClone(m, { transfer });
      setTimeout(() => worker.onmessage?.({ data }));
    },
  };
  vi.stubGlobal('self', scope);
  vi.resetModules();
  await import('../../renderer/src/run/trace-worker');
  vi.unstubAllGlobals();
  return { worker: worker as unknown as Worker, replies };
}

describe('a binary trace through the trace worker', () => {
  it('reaches the UI as the same trace, its records read from the bytes, with the index built there', async () => {
    const trace: Trace = { ...syntheticTrace({ tasks: 5000, rounds: 3 }), source: 's', fileName: 'f.py' };
    const { worker, replies } = await realWorker();
    const loader = new TraceLoader(() => worker);
    const got = await loader.open(
      encodeTrace(trace),
      { delivered: 'd', end: trace.end },
      { source: 's', fileName: 'f.py' },
    );
    // Steps and events came as bytes, not as parts; the index's long lists came in parts.
    expect(replies).toContain('records');
    expect(replies.filter((r) => r === 'part').length).toBe(Math.ceil(trace.actors.length / 2048));
    expect(replies).toContain('indexPart');
    expect(JSON.stringify(got)).toBe(JSON.stringify(trace));
    const model = modelOf(got);
    const own = buildModel(trace);
    expect(model.trace).toBe(got);
    expect({ ...model, trace: null, index: null, runSteps: null, lineHistory: null }).toEqual({
      ...own,
      trace: null,
      index: null,
      runSteps: null,
      lineHistory: null,
    });
    expect({ ...model.index, trace: null }).toEqual({ ...own.index, trace: null });
    expect(timelineOf(model).rows).toEqual(buildTimeline(own).rows);
    const tasks = taskIndexOf(got);
    const ownTasks = indexTasks(trace);
    expect([tasks.exits, tasks.spawns, tasks.cancels]).toEqual([
      ownTasks.exits,
      ownTasks.spawns,
      ownTasks.cancels,
    ]);
  });
});

describe('cutLong', () => {
  it('cuts long arrays and Maps out and putBack puts them back as they were', () => {
    const value = {
      a: Array.from({ length: 10 }, (_, i) => ({ i })),
      short: [1, 2],
      nested: { names: Array.from({ length: 7 }, (_, i) => `n${i}`), typed: new Int32Array(50) },
      map: new Map(Array.from({ length: 9 }, (_, i) => [i, { step: i }])),
      list: [{ deep: Array.from({ length: 5 }, (_, i) => i) }],
    };
    const original = structuredClone(value);
    const parts = cutLong(value, 4);
    expect(value.a).toEqual([]);
    expect(value.map.size).toBe(0);
    expect(value.short).toEqual([1, 2]);
    expect(parts.map((p) => p.items.length)).toEqual([4, 4, 2, 4, 3, 4, 4, 1, 4, 1]);
    const shell = structuredClone(value);
    for (const part of parts) putBack(shell, structuredClone(part));
    expect(shell).toEqual(original);
    expect([...shell.map.keys()]).toEqual([...original.map.keys()]);
  });

  it('cuts a sparse array (by actor id, ids from the trace) as its entries: holes stay holes, a far id is one entry', () => {
    const names: string[] = [];
    for (let id = 1; id <= 10; id++) names[id] = `task ${id}`;
    names[50_000_000] = 'far';
    const value = { names };
    const parts = cutLong(value, 4);
    expect(value.names.length).toBe(0);
    expect(parts.length).toBe(3);
    const shell = structuredClone(value);
    for (const part of parts) putBack(shell, structuredClone(part));
    expect(shell.names.length).toBe(50_000_001);
    expect(0 in shell.names || 11 in shell.names).toBe(false);
    expect(shell.names[10]).toBe('task 10');
    expect(shell.names[50_000_000]).toBe('far');
  });
});
