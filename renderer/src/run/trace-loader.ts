// Opens a run's trace bytes into a Trace without holding the UI thread: the trace worker
// (trace-worker.ts) decodes and checks them and sends the trace back (its actors in parts, which
// arrive here as separate tasks, input answered between them; its steps and events as the bytes,
// read where looked at: recordList.ts), then the player's index of it, which
// is joined to the trace here a slice at a time (model-join.ts) and kept for the player
// (player/modelCache.ts) before the trace is handed on. Where there is no Worker (unit tests
// in Node) the bytes are read here. Stop (`cancel`) ends the worker at once, whatever it is doing.
import type { Trace, TraceReceipt } from '../../../common/trace';
import { receivedTrace } from '../../../engine/chromium/trace-delivery';
import { keepBuilt } from '../player/modelCache';
import { keepTaskIndex } from '../player/taskIndex';
import { joinModel, type WorkerBuilt } from './model-join';
import type { LoaderReply, LoaderRequest, TraceHead, TraceList } from './trace-loader-protocol';
import { putBack } from './longParts';
import { recordList } from './recordList';

export type OpenTrace = (
  bytes: Uint8Array,
  receipt: TraceReceipt,
  asked: { source: string; fileName: string },
) => Promise<Trace>;

/** Loading progress: records received of all (0 of 0 until the worker has read the bytes), and
 * whether the trace is being indexed (all received). */
export interface LoadProgress {
  received: number;
  total: number;
  indexing?: boolean;
}

/** Lets the UI thread answer input (and a Stop) between slices of work. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** What `cancel` rejects a load in flight with. */
export class LoadCancelled extends Error {
  constructor() {
    super('loading the trace was stopped');
  }
}

interface Pending {
  head: TraceHead | null;
  total: number;
  received: number;
  lists: { actors: unknown[][]; steps: unknown[][]; events: unknown[][] };
  /** A binary trace's steps and events: its bytes, read where looked at. */
  records: Extract<LoaderReply, { type: 'records' }> | null;
  built: WorkerBuilt | null;
  resolve(trace: Trace): void;
  reject(error: Error): void;
}

export class TraceLoader {
  #worker: Worker | null = null;
  #next = 0;
  readonly #pending = new Map<number, Pending>();
  readonly #listeners = new Set<(p: LoadProgress | null) => void>();

  constructor(private readonly makeWorker: (() => Worker) | null) {}

  /** Progress of the newest load; null when it has ended. */
  onProgress(listener: (p: LoadProgress | null) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  readonly open: OpenTrace = (bytes, receipt, asked) => {
    const worker = this.#ensureWorker();
    if (!worker) return Promise.resolve().then(() => receivedTrace(bytes, receipt, asked));
    const id = ++this.#next;
    return new Promise<Trace>((resolve, reject) => {
      this.#pending.set(id, {
        head: null,
        total: 0,
        received: 0,
        lists: { actors: [], steps: [], events: [] },
        records: null,
        built: null,
        resolve,
        reject,
      });
      this.#emit({ received: 0, total: 0 });
      const request: LoaderRequest = { id, bytes, receipt, asked };
      worker.postMessage(request, [bytes.buffer]);
    });
  };

  /** Ends every load in flight (they reject with LoadCancelled); the next load starts a new worker. */
  cancel(): void {
    this.#worker?.terminate();
    this.#worker = null;
    for (const p of this.#pending.values()) p.reject(new LoadCancelled());
    this.#pending.clear();
    this.#emit(null);
  }

  #ensureWorker(): Worker | null {
    if (this.#worker || !this.makeWorker) return this.#worker;
    try {
      this.#worker = this.makeWorker();
    } catch {
      return null;
    }
    this.#worker.onmessage = (e: MessageEvent<LoaderReply>) => this.#reply(e.data);
    this.#worker.onerror = (e) => {
      e.preventDefault();
      // The real reason first: cancel() would reject them as stopped by the person.
      for (const p of this.#pending.values())
        p.reject(new Error(`the trace could not be read: ${e.message}`));
      this.#pending.clear();
      this.cancel();
    };
    return this.#worker;
  }

  #reply(m: LoaderReply): void {
    const p = this.#pending.get(m.id);
    if (!p) return;
    if (m.type === 'error') {
      this.#pending.delete(m.id);
      this.#emit(null);
      p.reject(new Error(m.message));
    } else if (m.type === 'head') {
      p.head = m.head;
      p.total = m.total;
    } else if (m.type === 'part') {
      p.lists[m.list].push(m.items);
      p.received += m.items.length;
      this.#emit({ received: p.received, total: p.total });
    } else if (m.type === 'records') {
      p.records = m;
    } else if (m.type === 'indexing') {
      this.#emit({ received: p.received, total: p.total, indexing: true });
    } else if (m.type === 'index') {
      p.built = m.built;
    } else if (m.type === 'indexPart') {
      if (p.built) putBack(p.built, m.part);
    } else {
      if (!p.head) {
        this.#pending.delete(m.id);
        this.#emit(null);
        return p.reject(new Error('the trace could not be read'));
      }
      const join = (parts: unknown[][]) => ([] as unknown[]).concat(...parts);
      const trace = p.head as unknown as Record<TraceList, unknown[]>;
      for (const list of ['actors', 'steps', 'events'] as const) trace[list] = join(p.lists[list]);
      if (p.records) {
        const { bytes, places } = p.records;
        trace.steps = recordList(bytes, places, 'steps');
        trace.events = recordList(bytes, places, 'events');
      }
      void this.#finish(m.id, p, trace as unknown as Trace);
    }
  }

  /** Joins the worker's index to the trace (a Stop meanwhile ends it) and hands the trace on. */
  async #finish(id: number, p: Pending, trace: Trace): Promise<void> {
    if (p.built) {
      const built = p.built;
      p.built = null;
      const pause = async () => {
        await nextTask();
        if (this.#pending.get(id) !== p) throw new LoadCancelled();
      };
      try {
        const { model, timeline, tasks } = await joinModel(trace, built, pause);
        keepBuilt(trace, model, timeline);
        keepTaskIndex(trace, tasks);
      } catch (e) {
        // Cancelled: cancel() has rejected the load already.
        if (e instanceof LoadCancelled) return;
        this.#pending.delete(id);
        this.#emit(null);
        return p.reject(new Error(`the trace could not be indexed: ${e instanceof Error ? e.message : e}`));
      }
    }
    this.#pending.delete(id);
    this.#emit(null);
    p.resolve(trace);
  }

  #emit(p: LoadProgress | null): void {
    for (const l of this.#listeners) l(p);
  }
}
