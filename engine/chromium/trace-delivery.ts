// A finished run's trace on its way from the engine page to the UI, not through main: main
// creates a MessageChannel per run, sends one end to the page with the run message and the
// other to the UI window that asked (its preload posts it to the renderer). The page posts the trace in its binary form (common/traceCodec.ts, about a
// sixth of its JSON) in a Uint8Array whose buffer it transfers (transferred, not copied, and never
// a structured clone of a million objects), tagged with a random delivery id;
// main gets only the run's end and that id (engine/protocol.ts 'delivered'), the UI's
// `sim.run` answers with both, and the renderer pairs them. The page is outside the program's
// worker but inside the engine's sandbox, so the renderer treats what arrives as untrusted:
// a size limit, JSON that may not parse, the trace's outer shape, and the run's own source and
// file name; the end that counts is the one main reports (its own when it stopped the run, else
// the page's, which the program's worker cannot write), never the one in the bytes. No DOM, no Node.
import { z } from 'zod';
import type { Trace, TraceReceipt } from '../../common/trace';
import { decodeTracePlaced, encodeTrace as encodeBinary, isBinaryTrace } from '../../common/traceCodec';
import type { TracePlaces } from '../../common/traceRecords';
import { traceShape } from '../protocol';

/** Larger than any trace a run's caps allow (a million steps with their events). */
export const MAX_TRACE_BYTES = 512 * 1024 * 1024;

export const traceDelivery = z
  .object({
    type: z.literal('trace'),
    delivery: z.string().min(16).max(64),
    bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array && v.byteLength <= MAX_TRACE_BYTES),
  })
  .strict();
export type TraceDelivery = z.infer<typeof traceDelivery>;

export function isReceipt(value: Trace | TraceReceipt): value is TraceReceipt {
  return typeof (value as Partial<TraceReceipt>).delivered === 'string';
}

export function encodeTrace(trace: Trace): Uint8Array<ArrayBuffer> {
  return encodeBinary(trace);
}

/** A random delivery id (the page's; crypto is there in pages and workers). */
export function newDeliveryId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The trace a delivery carries, checked against what main said and what was asked for: its
 * end replaced by main's. Throws with a message for people when anything does not fit.
 */
export function receivedTrace(
  bytes: Uint8Array,
  receipt: TraceReceipt,
  asked: { source: string; fileName: string },
): Trace {
  return readDelivery(bytes, receipt, asked).trace;
}

/** receivedTrace, and where its records are in the bytes when they are binary (else null). */
export function readDelivery(
  bytes: Uint8Array,
  receipt: TraceReceipt,
  asked: { source: string; fileName: string },
): { trace: Trace; places: TracePlaces | null } {
  let value: unknown;
  let places: TracePlaces | null = null;
  try {
    // The binary form; JSON bytes (a page built before it) are still read.
    if (isBinaryTrace(bytes)) ({ trace: value, places } = decodeTracePlaced(bytes));
    else value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new Error('the engine sent a trace that could not be read');
  }
  const parsed = traceShape.safeParse(value);
  if (!parsed.success) throw new Error('the engine sent something that is not a trace');
  const trace = parsed.data as unknown as Trace;
  if (trace.source !== asked.source || trace.fileName !== asked.fileName)
    throw new Error('the engine sent the trace of another program');
  return { trace: { ...trace, end: receipt.end }, places };
}
