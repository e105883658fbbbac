// Messages between the UI thread (trace-loader.ts) and the trace worker (trace-worker.ts).
import type { Trace, TraceReceipt } from '../../../common/trace';
import type { TracePlaces } from '../../../common/traceRecords';
import type { LongPart } from './longParts';
import type { WorkerBuilt } from './model-join';

export interface LoaderRequest {
  id: number;
  /** Transferred: the worker owns the bytes from here on. */
  bytes: Uint8Array;
  receipt: TraceReceipt;
  asked: { source: string; fileName: string };
}

/** The trace with 0 in place of its three lists (which follow in parts). */
export type TraceHead = Omit<Trace, 'actors' | 'steps' | 'events'> & { actors: 0; steps: 0; events: 0 };
export type TraceList = 'actors' | 'steps' | 'events';

export type LoaderReply =
  | { id: number; type: 'head'; head: TraceHead; total: number }
  | { id: number; type: 'part'; list: TraceList; items: unknown[] }
  /** A binary trace's steps and events stay bytes (transferred back), read where looked at. */
  | { id: number; type: 'records'; bytes: Uint8Array; places: TracePlaces }
  /** The parts are all sent; the worker indexes the trace (the model's O(events) share). */
  | { id: number; type: 'indexing' }
  /** The index, its typed arrays transferred. */
  | { id: number; type: 'index'; built: WorkerBuilt }
  /** A long list cut out of the index (longParts.ts), put back in order. */
  | { id: number; type: 'indexPart'; part: LongPart }
  | { id: number; type: 'done' }
  | { id: number; type: 'error'; message: string };
