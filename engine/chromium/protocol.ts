// The messages inside the engine window: the page (owner) and its dedicated Worker (where the
// program runs). The page validates everything the worker sends, because a program that
// reaches JavaScript in the worker can post anything it likes: a malformed or unexpected
// message ends that run with an error and never passes for a result. Also the page's own
// control message from main (retire) and the window message that hands the page its port.
// No DOM or Node API here: main, the page and the tests import it.
import { z } from 'zod';
import { END_KINDS, type Trace } from '../../common/trace';

export { ENGINE_PORT_CHANNEL, ENGINE_PORT_MESSAGE } from './port';

/** Main to page, beside engine/protocol.ts's hostMessage: this port's engine is done with. */
export const retireMessage = z.object({ type: z.literal('retire') }).strict();

const endKind = z.enum(END_KINDS);

/** The trace's outer shape (its steps and events are data the renderer only displays). */
/** A count, index or line number: a whole number, never negative. */
const count = z.number().int().nonnegative();
const runId = z.number().int().positive();

export const traceShape = z.object({
  version: count,
  source: z.string(),
  fileName: z.string(),
  options: z.object({}).passthrough(),
  actors: z.array(z.object({ id: z.number() }).passthrough()),
  steps: z.array(z.object({ kind: z.string() }).passthrough()),
  events: z.array(z.object({ t: z.string() }).passthrough()),
  end: z
    .object({
      kind: endKind,
      message: z.string(),
      exitCode: z.number().int().min(0).max(255),
      line: count.optional(),
      column: count.optional(),
      option: z.string().optional(),
    })
    .strict(),
});

/** Page to worker, on the worker's private port. */
export interface WorkerRun {
  type: 'run';
  runId: number;
  source: string;
  fileName: string;
  options: Record<string, number>;
}

/** Page to worker, once, on the worker's global channel: its private port comes with it. */
export interface WorkerInit {
  type: 'init';
  /** Where Pyodide's files are (the page's own origin), ending in '/'. */
  indexURL: string;
  /** 8 bytes when the page is crossOriginIsolated: [0] Pyodide's interrupt flag, [1] 1 once the page interrupted. */
  interrupt: SharedArrayBuffer | null;
  /** The engine snapshot to start from (snapshot-maker.ts); null: the worker makes its own. */
  snapshot: ArrayBuffer | null;
  /** This worker only makes the snapshot, answers with it and runs nothing. */
  makeSnapshot?: true;
}

/** The snapshot worker's one answer (snapshot-maker.ts); a run's worker never sends it. */
export const snapshotMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('snapshot'), bytes: z.instanceof(Uint8Array) }).strict(),
  z.object({ type: z.literal('startFailed'), message: z.string() }).strict(),
]);
export type SnapshotMessage = z.infer<typeof snapshotMessage>;

/** Worker to page, on the private port only; anything on the worker's global channel is forged. */
export const workerMessage = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('ready'),
      loadMs: z.number().nonnegative(),
      interrupts: z.boolean(),
      /** The worker's own check that its CSP refuses `new Function` (a worker has its own CSP). */
      evalRefused: z.boolean(),
    })
    .strict(),
  z.object({ type: z.literal('startFailed'), message: z.string() }).strict(),
  z.object({ type: z.literal('progress'), runId, steps: count }).strict(),
  z.object({ type: z.literal('finishing'), runId }).strict(),
  z
    .object({
      type: z.literal('result'),
      runId,
      trace: z.custom<Trace>((v) => traceShape.safeParse(v).success, 'not a trace'),
      /** The page's interrupt reached Python during this run. */
      interrupted: z.boolean(),
    })
    .strict(),
  z.object({ type: z.literal('failed'), runId, message: z.string() }).strict(),
]);
export type WorkerMessage = z.infer<typeof workerMessage>;

/** The engine page's response headers (main's protocol handler and the tests' server send these). */
export const ENGINE_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'";

export function engineHeaders(path: string): Record<string, string> {
  return {
    'content-type': contentType(path),
    'content-security-policy': ENGINE_CSP,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
    'cross-origin-resource-policy': 'same-origin',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  };
}

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript',
  mjs: 'text/javascript',
  wasm: 'application/wasm',
  json: 'application/json',
  zip: 'application/zip',
};

export function contentType(path: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  return TYPES[ext] ?? 'application/octet-stream';
}
