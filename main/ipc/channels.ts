// Every IPC channel, its prefix and the schema of its payload. Main validates each payload
// against these before any handler runs; the renderer is treated like a public HTTP client.
// Pure (no Electron), so the Playwright harness validates with exactly the same code.
import { z } from 'zod';
import { settingsPatchSchema } from '../settings/schema';
import { MAX_SOURCE_BYTES } from '../../common/limits';

/** Paths are absolute and at most this long (Windows' long-path limit). */
const MAX_PATH_CHARS = 32_767;
/** The largest export (a trace of about a million steps); each kind has its own lower limit in main/export. */
export const MAX_EXPORT_BYTES = 256_000_000;

const filePath = z
  .string()
  .min(1)
  .max(MAX_PATH_CHARS)
  .refine((p) => !p.includes('\0'), 'paths cannot contain NUL');
const sourceText = z.string().max(MAX_SOURCE_BYTES, `programs are limited to ${MAX_SOURCE_BYTES} characters`);
const bytes = z.custom<Uint8Array>(
  (v) => v instanceof Uint8Array && v.byteLength <= MAX_EXPORT_BYTES,
  'expected bytes',
);

const runOptions = z
  .object({
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1),
    maxSteps: z.number().int().positive().max(50_000_000),
    maxTime: z.number().positive().max(1e9),
    maxOutputBytes: z.number().int().positive().max(100_000_000),
    maxTasks: z.number().int().positive().max(10_000_000),
    maxSockets: z.number().int().positive().max(10_000_000),
    maxNetworkBytes: z
      .number()
      .int()
      .positive()
      .max(2 ** 40),
    maxThreads: z.number().int().positive().max(100_000),
    maxFileBytes: z.number().int().positive().max(1_000_000_000),
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
  'app:startup': z.undefined(),
  'app:presentation': z.object({ on: z.boolean() }).strict(),
  'app:close': z.undefined(),
  'file:new': z.undefined(),
  'file:open': z.undefined(),
  'file:pickToCompare': z.undefined(),
  'file:openPath': z.object({ path: filePath }).strict(),
  'file:openDropped': z.object({ path: filePath }).strict(),
  'file:save': z.object({ text: sourceText }).strict(),
  'file:saveAs': z.object({ text: sourceText }).strict(),
  'file:reload': z.undefined(),
  'file:setDirty': z.object({ dirty: z.boolean() }).strict(),
  'file:saveDraft': z.object({ text: sourceText }).strict(),
  'file:restoreDraft': z.undefined(),
  'file:discardDraft': z.undefined(),
  'file:export': z
    .object({
      kind: z.enum([
        'timeline-png',
        'timeline-svg',
        'stage-png',
        'trace-json',
        'steps-md',
        'player-html',
        'animation-gif',
        'animation-webm',
      ]),
      data: z.union([z.string().max(MAX_EXPORT_BYTES), bytes]),
      name: z.string().min(1).max(255),
    })
    .strict(),
  'settings:get': z.undefined(),
  'settings:set': settingsPatchSchema,
} as const;

export type InvokeChannel = keyof typeof requestSchemas;
export type RequestOf<C extends InvokeChannel> = z.infer<(typeof requestSchemas)[C]>;

/** Messages main pushes to the renderer (payloads only; never the IPC event). */
export const EVENT_CHANNELS = [
  'sim:progress',
  'app:menu',
  'app:presentationChanged',
  'file:openRequest',
  'file:changed',
  'file:saveRequest',
  'file:exportRequest',
  'settings:changed',
  'settings:notice',
] as const;
export type EventChannel = (typeof EVENT_CHANNELS)[number];

export const INVOKE_CHANNELS = Object.keys(requestSchemas) as InvokeChannel[];

/** What crosses the wire for every invoke: Electron would prefix thrown errors with its own text. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export function describeIssues(channel: string, error: z.ZodError): string {
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
  return `${channel}: invalid request${where}: ${first?.message ?? 'malformed payload'}`;
}
