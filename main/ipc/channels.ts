// Every IPC channel, its prefix and the schema of its payload. Main validates each payload
// against these before any handler runs; the renderer is treated like a public HTTP client.
// Pure (no Electron), so the Playwright harness validates with exactly the same code.
import { z } from 'zod';

/** Sources larger than this are refused before they reach the engine. */
export const MAX_SOURCE_BYTES = 2_000_000;

const runOptions = z
  .object({
    seed: z.number().int().min(0).max(2 ** 32 - 1),
    maxSteps: z.number().int().positive().max(50_000_000),
    maxTime: z.number().positive().max(1e9),
    maxOutputBytes: z.number().int().positive().max(100_000_000),
    maxTasks: z.number().int().positive().max(10_000_000),
  })
  .strict()
  .partial();

export const requestSchemas = {
  'sim:run': z
    .object({
      source: z.string().max(MAX_SOURCE_BYTES, `programs are limited to ${MAX_SOURCE_BYTES} characters`),
      fileName: z.string().min(1).max(1024),
      options: runOptions.optional(),
    })
    .strict(),
  'sim:cancel': z.undefined(),
  'app:info': z.undefined(),
} as const;

export type InvokeChannel = keyof typeof requestSchemas;
export type RequestOf<C extends InvokeChannel> = z.infer<(typeof requestSchemas)[C]>;

/** Messages main pushes to the renderer (payloads only; never the IPC event). */
export const EVENT_CHANNELS = ['sim:progress', 'app:menu'] as const;
export type EventChannel = (typeof EVENT_CHANNELS)[number];

export const INVOKE_CHANNELS = Object.keys(requestSchemas) as InvokeChannel[];

/** What crosses the wire for every invoke: Electron would prefix thrown errors with its own text. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export function describeIssues(channel: string, error: z.ZodError): string {
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
  return `${channel}: invalid request${where}: ${first?.message ?? 'malformed payload'}`;
}
