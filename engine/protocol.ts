// The messages between the host (main or the CLI) and the engine process, as zod schemas: both
// sides validate what they receive, because the engine process runs untrusted code and may be
// lied to by nothing but itself. The trace is passed through unchecked (it is large and the
// renderer treats it as data); everything else is checked field by field.
import { z } from 'zod';
import type { Trace } from '../common/trace';

const runOptions = z
  .object({
    seed: z.number(),
    maxSteps: z.number(),
    maxTime: z.number(),
    maxOutputBytes: z.number(),
    maxTasks: z.number(),
    maxSockets: z.number(),
    maxNetworkBytes: z.number(),
    maxThreads: z.number(),
    maxFileBytes: z.number(),
  })
  .partial()
  .strict();

export const hostMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('run'),
    runId: z.number().int().positive(),
    source: z.string(),
    fileName: z.string().min(1),
    options: runOptions,
    /** Wall-time budget for one step, in ms (the watchdog). */
    stepBudgetMs: z.number().positive(),
    /** The budget until the first step boundary, which includes parsing and compiling. */
    firstStepBudgetMs: z.number().positive(),
  }),
]);
export type HostMessage = z.infer<typeof hostMessage>;

export const containmentReport = z.object({
  contained: z.boolean(),
  /** What is missing when not contained, one line each. */
  problems: z.array(z.string()),
  /** Whether this engine build lets the host interrupt Python in place (see engine-hooks.ts). */
  interrupts: z.boolean(),
});
export type ContainmentReport = z.infer<typeof containmentReport>;

export const engineMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('loading'), fraction: z.number().min(0).max(1) }),
  z.object({ type: z.literal('ready'), loadMs: z.number(), containment: containmentReport }),
  z.object({ type: z.literal('startFailed'), message: z.string() }),
  z.object({ type: z.literal('progress'), runId: z.number(), steps: z.number() }),
  /** The program has ended; the trace is on its way (a large one takes a while to copy). */
  z.object({ type: z.literal('finishing'), runId: z.number() }),
  z.object({
    type: z.literal('result'),
    runId: z.number(),
    trace: z.custom<Trace>((v) => typeof v === 'object' && v !== null),
    /** The run was interrupted in place: the host retires this process (its Python may be in any state). */
    tainted: z.boolean(),
  }),
  z.object({ type: z.literal('failed'), runId: z.number(), message: z.string() }),
]);
export type EngineMessage = z.infer<typeof engineMessage>;
