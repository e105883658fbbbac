// The UI's side of reading a trace in a worker (renderer/src/run/trace-loader.ts): the trace
// comes back whole from its parts with its key order (its JSON is the same), progress counts the
// records, Stop rejects the load and ends the worker, and the worker's own errors reach the run.
// The worker's index of the trace is joined to it before the trace is handed on, so the player
// finds its model built (player/modelCache.ts); a Stop while it is joined ends the load too.
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../common/trace';
import { syntheticTrace } from '../e2e/fixtures/synthetic';
import { buildModel, indexModel, userTasks } from '../../renderer/src/player/model';
import { modelOf, timelineOf } from '../../renderer/src/player/modelCache';
import { buildTimeline, timelineSpans } from '../../renderer/src/player/timeline';
import { taskIndexData, taskIndexOf, indexTasks } from '../../renderer/src/player/taskIndex';
import { JOIN_SLICE, type WorkerBuilt } from '../../renderer/src/run/model-join';
import { LoadCancelled, TraceLoader, type LoadProgress } from '../../renderer/src/run/trace-loader';
import type { LoaderReply, LoaderRequest } from '../../renderer/src/run/trace-loader-protocol';
import { progressText, runProgress } from '../../renderer/src/run/progress';

const TRACE: Trace = {
  version: 1,
  source: 'x',
  fileName: 'x.py',
  options: { seed: 0, maxSteps: 1, maxTime: 1, maxOutputBytes: 1, maxTasks: 1 },
  actors: [{ id: 1, kind: 'task', name: 'Task-1' }],
  steps: [0, 1, 2].map((i) => ({ kind: 'run' as const, time: i, actor: 1, iteration: i, firstEvent: i })),
  events: [0, 1, 2].map(() => ({ t: 'taskScheduled' as const, actor: 1 })),
  end: { kind: 'ok', message: '', exitCode: 0 },
};

/** A stand-in worker that answers as trace-worker.ts does, two records a part (or fails); with
 * `built`, it sends that as the trace's index (as trace-worker.ts builds it). */
class FakeWorker {
  onmessage: ((e: { data: LoaderReply }) => void) | null = null;
  onerror: ((e: { message: string; preventDefault(): void }) => void) | null = null;
  terminated = false;
  requests: LoaderRequest[] = [];
  /** The index as sent (a copy, as postMessage makes). */
  sent: WorkerBuilt | null = null;
  constructor(
    private readonly fail = '',
    private readonly trace: Trace = TRACE,
    private readonly built: WorkerBuilt | null = null,
  ) {}
  postMessage(m: LoaderRequest): void {
    const trace = this.trace;
    this.requests.push(m);
    const reply = (r: LoaderReply) => {
      setTimeout(() => !this.terminated && this.onmessage?.({ data: r }));
    };
    if (this.fail) return reply({ id: m.id, type: 'error', message: this.fail });
    const total = trace.actors.length + trace.steps.length + trace.events.length;
    reply({ id: m.id, type: 'head', head: { ...trace, actors: 0, steps: 0, events: 0 }, total });
    const part = this.built ? 8192 : 2;
    for (const list of ['actors', 'steps', 'events'] as const)
      for (let i = 0; i < trace[list].length; i += part)
        reply({ id: m.id, type: 'part', list, items: trace[list].slice(i, i + part) });
    if (this.built) {
      reply({ id: m.id, type: 'indexing' });
      this.sent = structuredClone(this.built);
      reply({ id: m.id, type: 'index', built: this.sent });
    }
    reply({ id: m.id, type: 'done' });
  }
  terminate(): void {
    this.terminated = true;
  }
}

const open = (loader: TraceLoader) =>
  loader.open(new Uint8Array(4), { delivered: 'd', end: TRACE.end }, { source: 'x', fileName: 'x.py' });

describe('TraceLoader', () => {
  it('puts the trace back together from its parts, in its own key order, counting records', async () => {
    const worker = new FakeWorker();
    const loader = new TraceLoader(() => worker as unknown as Worker);
    const seen: (LoadProgress | null)[] = [];
    loader.onProgress((p) => seen.push(p));
    const got = await open(loader);
    expect(JSON.stringify(got)).toBe(JSON.stringify(TRACE));
    expect(seen).toEqual([
      { received: 0, total: 0 },
      { received: 1, total: 7 },
      { received: 3, total: 7 },
      { received: 4, total: 7 },
      { received: 6, total: 7 },
      { received: 7, total: 7 },
      null,
    ]);
  });

  it('Stop rejects the load in flight and ends the worker; the next load gets a new one', async () => {
    const workers: FakeWorker[] = [];
    const loader = new TraceLoader(() => {
      workers.push(new FakeWorker());
      return workers[workers.length - 1] as unknown as Worker;
    });
    const first = open(loader);
    loader.cancel();
    await expect(first).rejects.toBeInstanceOf(LoadCancelled);
    expect(workers[0].terminated).toBe(true);
    await expect(open(loader)).resolves.toMatchObject({ fileName: 'x.py' });
    expect(workers).toHaveLength(2);
  });

  it("a trace the worker refuses is the run's error", async () => {
    const loader = new TraceLoader(
      () => new FakeWorker('the engine sent the trace of another program') as unknown as Worker,
    );
    await expect(open(loader)).rejects.toThrow('the engine sent the trace of another program');
  });

  it("joins the worker's index to the trace before handing it on: the player finds its model built", async () => {
    // More actors than a join slice, so the join pauses between slices.
    const big = syntheticTrace({ tasks: JOIN_SLICE + 100, rounds: 1 });
    const built: WorkerBuilt = {
      model: indexModel(big),
      timeline: timelineSpans(big, userTasks(big)),
      tasks: taskIndexData(big),
    };
    const worker = new FakeWorker('', big, built);
    const loader = new TraceLoader(() => worker as unknown as Worker);
    const seen: (LoadProgress | null)[] = [];
    loader.onProgress((p) => seen.push(p));
    const got = await open(loader);
    expect(seen.at(-2)).toEqual({
      received: seen.at(-2)!.received,
      total: seen.at(-2)!.total,
      indexing: true,
    });
    const model = modelOf(got);
    // The worker's keyframes, not ones built here: the model came with the trace.
    expect(model.index.keyframes).toBe(worker.sent!.model.lanes.keyframes);
    const here = buildModel(got);
    expect(model.info).toEqual(here.info);
    expect(model.tasks).toEqual(here.tasks);
    expect(model.index.keyframes).toEqual(here.index.keyframes);
    expect(model.visibleSteps).toEqual(here.visibleSteps);
    expect(timelineOf(model)).toEqual(buildTimeline(here));
    expect(taskIndexOf(got).wakes.data).toBe(worker.sent!.tasks.wakes);
    expect(taskIndexOf(got)).toEqual(indexTasks(got));
  });

  it("an index that does not fit the trace is the run's error, not a hung load", async () => {
    const big = syntheticTrace({ tasks: 10, rounds: 1 });
    const broken = { model: null, timeline: null, tasks: null } as unknown as WorkerBuilt;
    const loader = new TraceLoader(() => new FakeWorker('', big, broken) as unknown as Worker);
    await expect(open(loader)).rejects.toThrow('the trace could not be indexed');
  });

  it('Stop while the index is joined rejects the load', async () => {
    const big = syntheticTrace({ tasks: JOIN_SLICE * 2, rounds: 1 });
    const built: WorkerBuilt = {
      model: indexModel(big),
      timeline: timelineSpans(big, userTasks(big)),
      tasks: taskIndexData(big),
    };
    const loader = new TraceLoader(() => new FakeWorker('', big, built) as unknown as Worker);
    // The Stop comes as the index arrives: the join has begun when it runs (replies come in order).
    loader.onProgress((p) => p?.indexing && setTimeout(() => loader.cancel()));
    await expect(open(loader)).rejects.toBeInstanceOf(LoadCancelled);
  });
});

describe('run progress', () => {
  it('says the phase: starting, steps simulated, then reading the trace', () => {
    const running = runProgress({ phase: 'running', steps: 12_345, fraction: -1 }, null);
    expect(progressText(runProgress({ phase: 'starting', steps: 0, fraction: 0.5 }, null))).toBe(
      'starting Python…',
    );
    expect(progressText(running)).toBe('12,345 steps simulated');
    const reading = runProgress({ received: 0, total: 0 }, running);
    expect(progressText(reading)).toBe('12,345 steps; reading the trace…');
    expect(progressText(runProgress({ received: 50, total: 200 }, reading))).toBe(
      '12,345 steps; reading the trace 25%',
    );
    expect(runProgress(null, reading)).toBe(reading);
    expect(progressText(runProgress({ received: 200, total: 200, indexing: true }, reading))).toBe(
      '12,345 steps; indexing the run…',
    );
  });
});
